"""A merged study database written row by row, for the report's tests: each
participant exactly as a test describes them (their days' states, their export time,
their sheets, tracks and diary), without going through bundles."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from diaryrec.protocol import load_default_study
from diaryrec.protocol.lived_days import EVENT as DAY_BEGAN
from diaryrec.protocol.lived_days import DayAnchor
from diaryrec.research.merged import STUDY_TABLES, Participant, open_merged

SEOUL = "Asia/Seoul"
ENROLLED_ON = dt.date(2025, 4, 1)


def seoul(day: int, hour: int = 12, minute: int = 0) -> dt.datetime:
    """Local time on study day ``day`` (day 1 = ENROLLED_ON), as UTC."""
    local = dt.datetime.combine(ENROLLED_ON + dt.timedelta(days=day - 1), dt.time(hour, minute), tzinfo=ZoneInfo(SEOUL))
    return local.astimezone(dt.timezone.utc)


def default_calendar() -> list[tuple[int, int, int]]:
    """(number, week, day in week) of the default study's 21 days."""
    out = []
    for week in load_default_study().study.weeks:
        for d in range(1, week.days + 1):
            out.append((len(out) + 1, week.number, d))
    return out


class MergedStudy:
    def __init__(self, path: Path):
        self.path = path
        self.engine = open_merged(str(path))
        self.study_text = load_default_study().text
        self._ids = itertools.count(1)

    def close(self) -> None:
        self.engine.dispose()

    def insert(self, table: str, participant_id: int, **row: Any) -> int:
        if "id" in STUDY_TABLES[table].c:
            row.setdefault("id", next(self._ids))
        with self.engine.begin() as conn:
            conn.execute(STUDY_TABLES[table].insert().values(participant_id=participant_id, **row))
        return row.get("id", 0)

    def participant(self, code: str, states: list[str], exported_at: dt.datetime, *, enrolled_on: dt.date = ENROLLED_ON,
                    zone: str = SEOUL) -> int:
        """A participant of the default study whose days had ``states`` at ``exported_at``."""
        table = Participant.__table__  # type: ignore[attr-defined]
        with self.engine.begin() as conn:
            pid = conn.execute(table.insert().values(
                study_id="yun-lim-2025", participant_code=code, time_zone=zone, exported_at=exported_at, app_version="test",
                bundle_format_version=1, bundle_sha256=code * 8)).inserted_primary_key[0]
        self.insert("enrolment", pid, study_id="yun-lim-2025", study_name="study", study_text=self.study_text,
                    participant_code=code, enrolled_on=enrolled_on, time_zone=zone, sandbox=False,
                    consented_at=seoul(1, 9), joined_at=seoul(1, 9))
        # day 1 written down when they joined, as the app does (protocol.lived_days)
        self.insert("event", pid, at=seoul(1, 9), kind=DAY_BEGAN,
                    detail=DayAnchor(1, enrolled_on, zone, zone).as_event(seoul(1, 9)))
        for (number, week, day_in_week), state in zip(default_calendar(), states, strict=True):
            self.insert("protocol_day", pid, number=number, week=week, day_in_week=day_in_week, activity="daily_composer",
                        interview=False, had_session=state in ("done", "late", "partly"), diary_saved=state in ("done", "late"),
                        late=state == "late", state=state)
        return pid

    def conversation(self, pid: int, day: int, purpose: str = "daily") -> tuple[int, int]:
        """A conversation on ``day`` with one reply: (conversation id, reply id)."""
        conv = self.insert("conversation", pid, study_day=day, purpose=purpose, provider="api.openai.com", model="m",
                           sandbox=False, started_at=seoul(day, 20))
        self.insert("message", pid, conversation_id=conv, seq=0, role="user", text="추천해 줘", status="complete",
                    created_at=seoul(day, 20))
        reply = self.insert("message", pid, conversation_id=conv, seq=1, role="assistant", text="여기요", status="complete",
                            created_at=seoul(day, 20, 1))
        return conv, reply

    def sheet(self, pid: int, key: str, kind: str, version: int, day: int, content: dict[str, Any],
              based_on: int | None = None) -> int:
        return self.insert("sheet_version", pid, sheet_key=key, kind=kind, version=version, study_day=day, content=content,
                           compiled_prompt=f"prompt of {key} v{version}", template="t", sheet_sha256="0" * 64,
                           based_on_id=based_on, created_at=seoul(day, 21))
