"""Joining a study and reading the participant's timeline."""

from __future__ import annotations

import dataclasses
import functools
import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlmodel import select

from diaryrec.errors import QT_TRANSLATE_NOOP, UserError
from diaryrec.secrets import SecretName, get_secret, set_secret
from diaryrec.protocol import LoadedStudy, parse_study_text
from diaryrec.protocol import schedule
from diaryrec.protocol.calendar import Calendar
from diaryrec.protocol.schedule import Timeline
from diaryrec.store import Store
from diaryrec.store import glance
from diaryrec.store.models import Enrolment


MAX_CODE_CHARS = 64


class AlreadyEnrolledError(UserError):
    pass


def local_zone_name() -> str:
    """The IANA name of this computer's time zone (tzlocal reads it on Windows,
    macOS and Linux alike), or "UTC" when it cannot be told."""
    try:
        import tzlocal

        name = tzlocal.get_localzone_name()
    except Exception:  # noqa: BLE001 - an unreadable OS setting is not fatal
        name = None
    return name if name and _valid_zone(name) else "UTC"


def _valid_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
        return True
    except Exception:  # noqa: BLE001 - any failure means "not usable"
        return False


@dataclass(frozen=True)
class ActiveStudy:
    """The joined study, parsed once: what every screen and service needs."""

    enrolment: Enrolment
    loaded: LoadedStudy

    @property
    def study(self):  # noqa: ANN201 - StudyFile
        return self.loaded.study

    @functools.cached_property
    def calendar(self) -> Calendar:
        return self.loaded.study.calendar()

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.enrolment.time_zone)

    def day_number(self, now: dt.datetime) -> int:
        return schedule.day_number(self.study, self.enrolment.enrolled_on, self.zone, now)

    def is_late(self, number: int, saved_at: dt.datetime) -> bool:
        return schedule.is_late(self.study, self.enrolment.enrolled_on, self.zone, number, saved_at)


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
    return ActiveStudy(enrolment=enrolment, loaded=loaded)


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
    zone_name = loaded.study.study.time_zone or zone_name or local_zone_name()
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
    return ActiveStudy(enrolment=enrolment, loaded=loaded)


def timeline(store: Store, active: ActiveStudy, now: dt.datetime) -> Timeline:
    """Each day's state (done, late, partly, missed, today, upcoming) at ``now``,
    read with the same SQL as the home screen (store.glance)."""
    with store.session() as session:
        query = glance.connection_query(session.connection())
        return schedule.timeline(active.calendar, active.day_number(now), glance.session_days(query), glance.diary_facts(query),
                                 glance.ice_breaking_done(query))
