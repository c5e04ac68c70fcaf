"""What the home screen shows: the study's name, today's card (what is due, the
diary's state, the current recommender) and the timeline, as one plain object.

Standard library only, read through ``store.glance``: the same function paints the
home screen at start-up, before SQLAlchemy and pydantic are imported, and refreshes
it later. At start-up the study's calendar comes from the cache beside the
database (``DataLayout.calendar_cache``), written whenever the study is loaded.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from typing import NamedTuple

from diaryrec import clock
from diaryrec.errors import UserError
from diaryrec.fileio import write_atomic
from diaryrec.paths import DataLayout
from diaryrec.protocol import schedule
from diaryrec.protocol.calendar import Calendar
from diaryrec.protocol.lived_days import DayLedger
from diaryrec.protocol.schedule import DayStatus, Timeline
from diaryrec.store import glance

log = logging.getLogger(__name__)
#: what an early read may meet; each only means "no early home screen"
_EARLY_READ_ERRORS = (OSError, sqlite3.Error, UserError, ValueError)


class HomeSummary(NamedTuple):
    """Everything the home screen shows, read in one go off the GUI thread. (A
    NamedTuple, not a dataclass: 0.5 ms less before the first paint.)"""

    calendar: Calendar
    participant_code: str
    enrolled_on: dt.date
    sandbox: bool
    timeline: Timeline
    recommender: str | None
    today_diary: str | None  # "none" | "draft" | "saved"; None outside the study
    day_now: int  # study-day number of "now" (< 1 before the study, > total after)
    skipped: int = 0  # days today's clock or zone jumped over (told on the home screen)

    @property
    def today(self) -> DayStatus | None:
        number = self.timeline.today
        return self.timeline.days[number - 1] if number is not None else None


def home_summary(query: glance.Query, enrolment: glance.EnrolmentGlance, calendar: Calendar, now: dt.datetime,
                 sandbox: bool = False) -> HomeSummary:
    ledger = DayLedger(enrolment.enrolled_on, calendar.day_start, glance.day_anchors(query),
                       joined_zone=enrolment.time_zone, fixed_zone=calendar.time_zone)
    day_now = ledger.day(now, clock.local_zone_name())
    diaries = glance.diary_facts(query)
    line = schedule.timeline(calendar, day_now, glance.session_days(query), diaries, glance.ice_breaking_done(query))
    today_diary = None
    if line.today is not None:
        fact = diaries.get(line.today)
        today_diary = fact.status if fact is not None else "none"
    return HomeSummary(
        calendar=calendar,
        participant_code=enrolment.participant_code,
        enrolled_on=enrolment.enrolled_on,
        sandbox=sandbox or enrolment.sandbox,
        timeline=line,
        recommender=glance.recommender_name(query),
        today_diary=today_diary,
        day_now=day_now,
        skipped=glance.skipped_to(query).get(day_now, 0),
    )


def read_home(layout: DataLayout, now: dt.datetime, *, calendar: Calendar | None = None,
              sandbox: bool = False) -> HomeSummary | None:
    """The home screen of the study in ``layout``; None when there is none to show
    yet (no study joined, no cached calendar, a database this version must migrate
    or refuse first). ``calendar`` is the joined study's; without it the cached one
    is used, if it was made from the same study."""
    with glance.reading(layout.database) as query:
        if query is None:
            return None
        enrolment = glance.enrolment(query)
        if enrolment is None:
            return None
        if calendar is None:
            calendar = cached_calendar(layout, enrolment.calendar_key)
            if calendar is None:
                return None
        return home_summary(query, enrolment, calendar, now, sandbox)


def start_home(layout: DataLayout, now: dt.datetime, *, sandbox: bool = False) -> HomeSummary | None:
    """``read_home`` for the first paint: any failure only means no early home
    screen (the store, opened next, reports what is wrong in plain words)."""
    try:
        return read_home(layout, now, sandbox=sandbox)
    except _EARLY_READ_ERRORS as exc:
        log.info("no home screen before the store opens: %s", exc)
        return None


def study_joined(layout: DataLayout) -> bool | None:
    """Whether a study was joined in ``layout``, as far as the first paint can tell:
    False for no database (or one of this version with no enrolment), None when only
    the store can say (a database it must migrate or refuse, a damaged one)."""
    database = layout.database
    try:
        if not database.exists() or database.stat().st_size == 0:
            return False
        with glance.reading(database) as query:
            return None if query is None else glance.enrolment(query) is not None
    except _EARLY_READ_ERRORS:
        return None


def cached_calendar(layout: DataLayout, key: str) -> Calendar | None:
    try:
        text = layout.calendar_cache.read_text(encoding="utf-8")
    except OSError:
        return None
    return Calendar.from_json(text, key)


def remember_calendar(layout: DataLayout, key: str, calendar: Calendar) -> None:
    """Keep ``calendar`` for the next start's first paint (only when it changed). A
    cache: failing to write it costs the next start its early home screen, nothing more."""
    text = calendar.to_json(key)
    try:
        if layout.calendar_cache.exists() and layout.calendar_cache.read_text(encoding="utf-8") == text:
            return
        write_atomic(layout.calendar_cache, text.encode("utf-8"))
    except OSError as exc:
        log.warning("the study calendar could not be cached for the next start: %s", exc)
