"""Which study day it is, what is due, and whether an entry was late.

All pure functions of the enrolment date, the participant's time zone, the
protocol and an aware "now". A study day starts at the protocol's
``day_starts_at`` in local time (04:00 by default, so a diary written at 1 a.m.
belongs to the evening before); local days are computed with zoneinfo, so a day
that crosses a DST change is 23 or 25 hours long and nothing shifts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Set
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from diaryrec.protocol.calendar import Activity, Calendar, day_activity, day_interview
from diaryrec.protocol.lived_days import local_date  # one rule for a study day's date

if TYPE_CHECKING:  # the study file's pydantic models: not imported on the app's first paint
    from diaryrec.protocol.model import DiaryQuestion, StudyFile, Week


@dataclass(frozen=True)
class StudyDay:
    number: int  # 1-based over the whole study
    week: Week
    day_in_week: int  # 1-based within the week

    @property
    def activity(self) -> Activity:
        return day_activity(self.week, self.day_in_week)

    @property
    def interview(self) -> bool:
        return day_interview(self.week, self.day_in_week)

    @property
    def diary_questions(self) -> list[DiaryQuestion]:
        return self.week.diary_questions


@dataclass(frozen=True)
class Position:
    """Where "now" falls in the study: before it, on a day, or after it."""

    phase: str  # "before" | "during" | "after"
    day: StudyDay | None


def days(study: StudyFile) -> list[StudyDay]:
    out: list[StudyDay] = []
    for week in study.weeks:
        for d in range(1, week.days + 1):
            out.append(StudyDay(number=len(out) + 1, week=week, day_in_week=d))
    return out


def study_day(study: StudyFile, number: int) -> StudyDay:
    all_days = days(study)
    if not 1 <= number <= len(all_days):
        raise ValueError(f"the study has days 1 to {len(all_days)}, not {number}")
    return all_days[number - 1]


def day_number(study: StudyFile | Calendar, enrolled_on: dt.date, zone: ZoneInfo, now: dt.datetime) -> int:
    """The study-day number for ``now`` (1 = enrolment day; < 1 before, > total after)."""
    return (local_date(now, zone, study.day_start) - enrolled_on).days + 1


def position(study: StudyFile, enrolled_on: dt.date, zone: ZoneInfo, now: dt.datetime) -> Position:
    number = day_number(study, enrolled_on, zone, now)
    if number < 1:
        return Position("before", None)
    if number > study.total_days:
        return Position("after", None)
    return Position("during", study_day(study, number))


def day_bounds(study: StudyFile, enrolled_on: dt.date, zone: ZoneInfo, number: int) -> tuple[dt.datetime, dt.datetime]:
    """Aware start and end (exclusive) of study day ``number`` in the participant's zone."""
    date = enrolled_on + dt.timedelta(days=number - 1)
    start = dt.datetime.combine(date, study.study.day_start, tzinfo=zone)
    end = dt.datetime.combine(date + dt.timedelta(days=1), study.study.day_start, tzinfo=zone)
    # Normalise through UTC so that a start in a DST gap resolves to a real instant.
    return start.astimezone(dt.timezone.utc), end.astimezone(dt.timezone.utc)


def is_late(study: StudyFile, enrolled_on: dt.date, zone: ZoneInfo, number: int, saved_at: dt.datetime) -> bool:
    """An entry for day ``number`` is late when saved after that day ended
    (plus the protocol's ``late_after_hours``)."""
    if saved_at.tzinfo is None:
        raise ValueError("saved_at must be timezone-aware")
    _, end = day_bounds(study, enrolled_on, zone, number)
    return saved_at > end + dt.timedelta(hours=study.study.late_after_hours)


@dataclass(frozen=True)
class Due:
    """What the participant should do today."""

    day: StudyDay
    activity: Activity
    interview: bool
    needs_recommendation_session: bool
    diary_questions: list[DiaryQuestion]


def due_today(study: StudyFile, enrolled_on: dt.date, zone: ZoneInfo, now: dt.datetime) -> Due | None:
    pos = position(study, enrolled_on, zone, now)
    if pos.day is None:
        return None
    day = pos.day
    return Due(
        day=day,
        activity=day.activity,
        interview=day.interview,
        # Every day asks for recommendations at least once (the paper's compliance rule).
        needs_recommendation_session=True,
        diary_questions=list(day.diary_questions),
    )


class DayState(StrEnum):
    DONE = "done"  # a recommendation session and a saved diary entry (the ice-breaking day: every task done)
    LATE = "late"  # done, but the diary entry was saved after the day ended
    PARTLY = "partly"  # one of the two
    MISSED = "missed"  # a past day with neither
    TODAY = "today"  # today, nothing done yet
    UPCOMING = "upcoming"


@dataclass(frozen=True)
class DiaryFact:
    """What the timeline needs to know of a day's diary entry."""

    status: str  # "draft" | "saved"
    late: bool


@dataclass(frozen=True)
class DayStatus:
    number: int
    week: int
    day_in_week: int
    activity: Activity
    interview: bool
    had_session: bool
    diary_saved: bool
    late: bool
    state: DayState
    is_today: bool
    tasks_done: int = 0  # the ice-breaking day: tasks done of ``tasks_total``
    tasks_total: int = 0  # 0 on every other day


@dataclass(frozen=True)
class Timeline:
    days: list[DayStatus]
    today: int | None  # study-day number, or None before/after the study

    @property
    def complete_days(self) -> int:
        return sum(1 for d in self.days if d.state in (DayState.DONE, DayState.LATE))

    @property
    def total_days(self) -> int:
        return len(self.days)


def timeline(calendar: Calendar, today: int, session_days: Set[int], diaries: Mapping[int, DiaryFact],
             tasks_done: Set[str] = frozenset()) -> Timeline:
    """Each day's state from what was done: the days with a recommendation session,
    the ice-breaking tasks done and the diary entries (see store.glance for how they
    are read). The ice-breaking day counts as a session day once every one of its
    tasks is done; before that it is partly done."""
    out: list[DayStatus] = []
    tasks = calendar.ice_breaking_tasks
    for day in calendar.days():
        entry = diaries.get(day.number)
        saved = entry is not None and entry.status == "saved"
        late = bool(saved and entry and entry.late)
        had = day.number in session_days
        done_count = total = 0
        if day.activity is Activity.ICE_BREAKING and tasks:
            total = len(tasks)
            done_count = sum(1 for t in tasks if t in tasks_done)
            started = had or done_count > 0
            had = had and done_count == total
        else:
            started = had
        if had and saved:
            state = DayState.LATE if late else DayState.DONE
        elif started or saved:
            state = DayState.PARTLY
        elif day.number < today:
            state = DayState.MISSED
        elif day.number == today:
            state = DayState.TODAY
        else:
            state = DayState.UPCOMING
        out.append(
            DayStatus(
                number=day.number,
                week=day.week,
                day_in_week=day.day_in_week,
                activity=day.activity,
                interview=day.interview,
                had_session=had,
                diary_saved=saved,
                late=late,
                state=state,
                is_today=day.number == today,
                tasks_done=done_count,
                tasks_total=total,
            )
        )
    return Timeline(days=out, today=today if 1 <= today <= len(out) else None)
