"""Plain-SQL reads of what the home screen and the timeline show: the enrolment,
the days with a recommendation session, the ice-breaking tasks done, the diary
entries and the current recommender's name.

Written once, in SQL, and run two ways: through a read-only ``sqlite3`` connection
(the app's first paint, before SQLAlchemy is imported, and the home screen's
refreshes) and through an ORM session's connection (``services.study.timeline``,
inside the export's read transaction). Standard library only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from diaryrec.protocol.lived_days import EVENT as DAY_BEGAN
from diaryrec.protocol.lived_days import JUMP_EVENT, DayAnchor
from diaryrec.protocol.schedule import DiaryFact
from diaryrec.store.sqlite_file import connect_readonly, head_revision, revision_of, unreadable

#: runs one SELECT without parameters and returns its rows
Query = Callable[[str], list[tuple[Any, ...]]]


class EnrolmentGlance(NamedTuple):  # not a dataclass: 0.5 ms less before the first paint
    id: int
    study_sha256: str
    participant_code: str
    enrolled_on: dt.date
    time_zone: str
    sandbox: bool

    @property
    def calendar_key(self) -> str:
        return calendar_key(self.id, self.study_sha256)


def calendar_key(enrolment_id: int, study_sha256: str) -> str:
    """Names the joined study a cached calendar was made from (services.home)."""
    return f"{enrolment_id}:{study_sha256}"


def enrolment(query: Query) -> EnrolmentGlance | None:
    rows = query(
        "SELECT id, study_sha256, participant_code, enrolled_on, time_zone, sandbox FROM enrolment ORDER BY id DESC LIMIT 1"
    )
    if not rows:
        return None
    id_, sha, code, enrolled_on, zone, sandbox = rows[0]
    return EnrolmentGlance(int(id_), str(sha), str(code), dt.date.fromisoformat(str(enrolled_on)), str(zone), bool(sandbox))


def session_days(query: Query) -> set[int]:
    """The study days with at least one reply from the recommender (the paper's
    "recommendation session"); a reply that failed does not count."""
    return {
        int(row[0])
        for row in query(
            "SELECT DISTINCT conversation.study_day FROM conversation "
            "JOIN message ON message.conversation_id = conversation.id "
            "WHERE message.role = 'assistant' AND message.status != 'error'"
        )
    }


def ice_breaking_done(query: Query) -> set[str]:
    """The ice-breaking tasks marked done."""
    return {str(row[0]) for row in query("SELECT task_id FROM ice_breaking_answer WHERE completed_at IS NOT NULL")}


def diary_facts(query: Query) -> dict[int, DiaryFact]:
    return {int(day): DiaryFact(str(status), bool(late)) for day, status, late in query("SELECT study_day, status, late FROM diary_entry")}


def _details(query: Query, kind: str) -> list[Any]:
    details = []
    for (raw,) in query(f"SELECT detail FROM event WHERE kind = '{kind}' ORDER BY id"):
        if isinstance(raw, str):  # SQLite hands JSON columns back as text
            try:
                raw = json.loads(raw)
            except ValueError:
                continue
        details.append(raw)
    return details


def day_anchors(query: Query) -> list[DayAnchor]:
    """The study days already begun, as the event log wrote them down (protocol.lived_days)."""
    return [a for a in (DayAnchor.from_event(d) for d in _details(query, DAY_BEGAN)) if a is not None]


def skipped_to(query: Query) -> dict[int, int]:
    """Study days reached by a jump of the clock or the zone → how many days it skipped."""
    out = {}
    for detail in _details(query, JUMP_EVENT):
        if isinstance(detail, dict) and isinstance(detail.get("day"), int) and isinstance(detail.get("skipped"), int):
            out[detail["day"]] = detail["skipped"]
    return out


def recommender_name(query: Query) -> str | None:
    """The name on the newest planning sheet version, or None before week 2."""
    rows = query("SELECT content FROM sheet_version WHERE kind = 'planning' ORDER BY created_at DESC, id DESC LIMIT 1")
    if not rows:
        return None
    content = rows[0][0]
    if isinstance(content, str):  # SQLite hands JSON columns back as text
        try:
            content = json.loads(content)
        except ValueError:
            return None
    name = content.get("name") if isinstance(content, dict) else None
    return str(name).strip() or None if name else None


def sqlite_query(conn: sqlite3.Connection) -> Query:
    return lambda sql: conn.execute(sql).fetchall()


def connection_query(connection: Any) -> Query:
    """The same over a SQLAlchemy connection (an ORM session's, inside its transaction)."""
    return lambda sql: [tuple(row) for row in connection.exec_driver_sql(sql).fetchall()]


@contextlib.contextmanager
def reading(database: Path) -> Iterator[Query | None]:
    """A query over ``database`` read-only, in one transaction (one consistent
    picture); None when there is nothing to read yet: no database, or one whose
    schema is not this version's (start-up then waits for the store to open, which
    migrates or refuses it)."""
    if not database.exists() or database.stat().st_size == 0:
        yield None
        return
    with contextlib.closing(connect_readonly(database)) as conn:
        try:
            conn.execute("BEGIN")
            current = revision_of(conn, database)
        except sqlite3.DatabaseError as exc:
            raise unreadable(database, exc) from exc
        try:
            yield sqlite_query(conn) if current == head_revision() else None
        finally:
            conn.rollback()
