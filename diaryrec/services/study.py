"""Joining a study and reading the participant's timeline."""

from __future__ import annotations

import dataclasses
import functools
import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlmodel import select

from diaryrec import clock
from diaryrec.errors import QT_TRANSLATE_NOOP, UserError
from diaryrec.secrets import SecretName, get_secret, set_secret
from diaryrec.protocol import LoadedStudy, parse_study_text
from diaryrec.protocol import schedule
from diaryrec.protocol.calendar import Calendar
from diaryrec.protocol.lived_days import EVENT as DAY_BEGAN
from diaryrec.protocol.lived_days import JUMP_EVENT, DayAnchor, DayLedger, Observation
from diaryrec.protocol.schedule import Timeline
from diaryrec.store import Store
from diaryrec.store import glance
from diaryrec.store.models import Enrolment, Event


MAX_CODE_CHARS = 64


class AlreadyEnrolledError(UserError):
    pass


@dataclass(frozen=True)
class ActiveStudy:
    """The joined study, parsed once: what every screen and service needs.

    Which study day it is and where the participant lives it come from ``ledger``
    (``protocol.lived_days``): the days already begun, written down in the event log,
    so a flight or a clock set back neither repeats nor skips a day. ``observe`` writes
    a newly begun day down (the reminder check does, every minute)."""

    enrolment: Enrolment
    loaded: LoadedStudy
    ledger: DayLedger = dataclasses.field(default=None, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.ledger is None:
            object.__setattr__(self, "ledger", DayLedger(
                self.enrolment.enrolled_on, self.loaded.study.study.day_start,
                joined_zone=self.enrolment.time_zone, fixed_zone=self.loaded.study.study.time_zone))

    @property
    def study(self):  # noqa: ANN201 - StudyFile
        return self.loaded.study

    @functools.cached_property
    def calendar(self) -> Calendar:
        return self.loaded.study.calendar()

    @property
    def zone_name(self) -> str:
        """Where the participant lives the study now (the study's own zone, if it names one)."""
        return self.ledger.zone(clock.local_zone_name())

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.zone_name)

    def day_number(self, now: dt.datetime) -> int:
        return self.ledger.day(now, clock.local_zone_name())

    def day_bounds(self, number: int) -> tuple[dt.datetime, dt.datetime]:
        """When study day ``number`` began and ends (UTC), as lived."""
        return self.ledger.bounds(number, clock.local_zone_name())

    def is_late(self, number: int, saved_at: dt.datetime) -> bool:
        """An entry for day ``number`` is late when saved after that day ended (plus
        the protocol's ``late_after_hours``)."""
        if saved_at.tzinfo is None:
            raise ValueError("saved_at must be timezone-aware")
        _, end = self.day_bounds(number)
        return saved_at > end + dt.timedelta(hours=self.study.study.late_after_hours)

    def observe(self, store: Store, now: dt.datetime) -> Observation:
        """Today, with a newly begun day (or a move to another zone) written down, and
        a day jumped over faster than real time allows logged so it can be told."""
        seen = self.ledger.observe(now, clock.local_zone_name())
        if seen.began is not None:
            store.log_event(DAY_BEGAN, **seen.began.as_event(now))
            self.ledger.record(seen.began)
        if seen.skipped:
            store.log_event(JUMP_EVENT, day=seen.day, skipped=seen.skipped, zone=seen.began.zone if seen.began else "")
        return seen


def _ledger(store: Store, enrolment: Enrolment, loaded: LoadedStudy) -> DayLedger:
    with store.session() as session:
        events = session.exec(select(Event).where(Event.kind == DAY_BEGAN).order_by(Event.id)).all()  # type: ignore[arg-type]
    anchors = [a for a in (DayAnchor.from_event(e.detail) for e in events) if a is not None]
    return DayLedger(enrolment.enrolled_on, loaded.study.study.day_start, anchors,
                     joined_zone=enrolment.time_zone, fixed_zone=loaded.study.study.time_zone)


# (secret name, table, key) of the secrets a study file may carry
_STUDY_SECRETS = (
    (SecretName.STUDY_LLM_API_KEY, "llm", "api_key"),
    (SecretName.STUDY_SPOTIFY_CLIENT_SECRET, "catalog", "client_secret"),
)


def _without_secrets(loaded: LoadedStudy) -> tuple[str, dict[SecretName, str]]:
    """The study file's text with its keys blanked, and the keys: the database keeps
    the text, the keyring the keys (secrets never go into the database)."""
    text, found = loaded.text, {}
    for name, table, key in _STUDY_SECRETS:
        value = getattr(getattr(loaded.study, table), key)
        if not value:
            continue
        found[name] = value
        pattern = re.compile(rf"""^(\s*{key}\s*=\s*)(["']){re.escape(value)}\2""", re.MULTILINE)
        text = pattern.sub(r'\1""', text)
    if found:
        blanked = parse_study_text(text, source=loaded.source).study
        if blanked.llm.api_key or blanked.catalog.client_secret:
            raise UserError(
                QT_TRANSLATE_NOOP("UserError", "diaryrec could not take the keys out of this study file to keep them safe."),
                hint=QT_TRANSLATE_NOOP("UserError", "Ask the research team to write api_key and client_secret as plain quoted strings."),
            )
    return text, found


def _with_secrets(loaded: LoadedStudy) -> LoadedStudy:
    study = loaded.study
    for name, table, key in _STUDY_SECRETS:
        section = getattr(study, table)
        if not getattr(section, key):
            value = get_secret(name)
            if value:
                study = study.model_copy(update={table: section.model_copy(update={key: value})})
    return dataclasses.replace(loaded, study=study)


def active_study(store: Store) -> ActiveStudy | None:
    with store.session() as session:
        enrolment = session.exec(select(Enrolment).order_by(Enrolment.id.desc())).first()  # type: ignore[union-attr]
    if enrolment is None:
        return None
    loaded = _with_secrets(parse_study_text(enrolment.study_text, source="joined study"))
    return ActiveStudy(enrolment=enrolment, loaded=loaded, ledger=_ledger(store, enrolment, loaded))


def join_study(
    store: Store,
    loaded: LoadedStudy,
    participant_code: str,
    *,
    now: dt.datetime,
    zone_name: str | None = None,
    sandbox: bool = False,
) -> ActiveStudy:
    """Record that the participant consented to and joined ``loaded`` at ``now``."""
    code = (loaded.study.study.participant_code or participant_code).strip()
    if not code:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "Please enter the participant code the research team gave you."))
    if len(code) > MAX_CODE_CHARS:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The participant code is at most {limit} characters long."), limit=MAX_CODE_CHARS)
    if active_study(store) is not None:
        raise AlreadyEnrolledError(
            QT_TRANSLATE_NOOP("UserError", "This data folder already holds a study."),
            hint=QT_TRANSLATE_NOOP("UserError", "Choose another data folder to join a second study."),
        )
    zone_name = loaded.study.study.time_zone or zone_name or clock.local_zone_name()
    zone = ZoneInfo(zone_name)
    shifted = now.astimezone(zone) - dt.timedelta(
        hours=loaded.study.study.day_start.hour, minutes=loaded.study.study.day_start.minute
    )
    stored_text, secrets = _without_secrets(loaded)
    for name, value in secrets.items():
        set_secret(name, value)
    enrolment = Enrolment(
        study_id=loaded.study.study.id,
        study_name=loaded.study.study.name.get(loaded.study.study.language),
        protocol_version=loaded.study.study.protocol_version,
        study_sha256=loaded.sha256,
        study_text=stored_text,
        participant_code=code,
        enrolled_on=shifted.date(),
        time_zone=zone_name,
        sandbox=sandbox,
        consented_at=now,
        joined_at=now,
    )
    with store.session() as session:
        session.add(enrolment)
        session.commit()
        session.refresh(enrolment)
    store.log_event("study_joined", study_id=enrolment.study_id, sandbox=sandbox)
    active = ActiveStudy(enrolment=enrolment, loaded=loaded)
    active.observe(store, now)  # day 1 and the computer's zone, written down: a later move is seen
    return active


def timeline(store: Store, active: ActiveStudy, now: dt.datetime) -> Timeline:
    """Each day's state (done, late, partly, missed, today, upcoming) at ``now``,
    read with the same SQL as the home screen (store.glance)."""
    with store.session() as session:
        query = glance.connection_query(session.connection())
        return schedule.timeline(active.calendar, active.day_number(now), glance.session_days(query), glance.diary_facts(query),
                                 glance.ice_breaking_done(query))
