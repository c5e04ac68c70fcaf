"""A consistent copy of one participant's database, read while the app may be writing.

All tables and the protocol timeline are read inside one deferred SQLite read
transaction on a connection of our own: in WAL mode it sees the database as of its
first read, and the app's writers go on meanwhile (the store's own connections begin
with ``BEGIN IMMEDIATE``, which would make the app wait for the export).

``nest``/``flatten`` turn the flat tables into data.json's shape (conversations hold
their messages, messages their tracks and images …) and back; the merge reads
bundles with ``flatten``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event, select
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from diaryrec.paths import DataLayout
from diaryrec.research.tables import STORED
from diaryrec.store.engine import sqlite_url
from diaryrec.services.study import active_study, timeline

Rows = list[dict[str, Any]]


@dataclass
class Snapshot:
    tables: dict[str, Rows]  # table name -> rows with Python values (aware UTC datetimes)
    protocol_days: Rows
    time_zone: str  # the zone joined in
    # the zone the participant lived in at an instant (they may have travelled):
    # every exported time carries that zone's offset
    zone_at: Callable[[dt.datetime], str] | None = None

    def zone_of(self, when: dt.datetime) -> str:
        return self.zone_at(when) if self.zone_at is not None else self.time_zone


@contextlib.contextmanager
def read_transaction(database: Path) -> Iterator[Connection]:
    engine = create_engine(
        sqlite_url(database), poolclass=NullPool, connect_args={"timeout": 10, "check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" below decides, not the sqlite3 module

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN DEFERRED")

    try:
        with engine.connect() as conn, conn.begin():
            yield conn
    finally:
        engine.dispose()


class _SnapshotStore:
    """Just enough of ``Store`` for the study services to read inside our transaction."""

    def __init__(self, conn: Connection, layout: DataLayout):
        self.conn = conn
        self.layout = layout

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        with Session(bind=self.conn, join_transaction_mode="rollback_only", expire_on_commit=False) as s:
            yield s


def read_snapshot(layout: DataLayout, now: dt.datetime) -> Snapshot | None:
    """Everything of the participant at one instant; None when no study was joined."""
    with read_transaction(layout.database) as conn:
        tables: dict[str, Rows] = {}
        for spec in STORED:
            table = spec.model.__table__  # type: ignore[union-attr]
            rows = conn.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            tables[spec.name] = [dict(row) for row in rows]
        shim = _SnapshotStore(conn, layout)
        active = active_study(shim)  # type: ignore[arg-type]
        if active is None:
            return None
        days = [asdict(day) for day in timeline(shim, active, now).days]  # type: ignore[arg-type]
    for day in days:
        day.pop("is_today", None)
        day["activity"] = str(day["activity"])
        day["state"] = str(day["state"])
    return Snapshot(tables=tables, protocol_days=days, time_zone=active.enrolment.time_zone, zone_at=active.ledger.zone_at)


# parent table, child table, foreign key in the child, key in data.json
NESTING = [
    ("conversation", "message", "conversation_id", "messages"),
    ("conversation", "feedback", "conversation_id", "feedback"),
    ("message", "message_image", "message_id", "images"),
    ("message", "recommended_track", "message_id", "tracks"),
    ("diary_entry", "diary_screenshot", "entry_id", "screenshots"),
]
# tables at the top of data.json, and their keys there
TOP_LEVEL = {
    "ice_breaking_answer": "ice_breaking_answers",
    "ideation_item": "ideation_items",
    "sheet_version": "sheet_versions",
    "conversation": "conversations",
    "diary_entry": "diary_entries",
    "interview": "interviews",
    "event": "events",
}


def nest(tables: dict[str, Rows]) -> dict[str, Any]:
    """data.json's body: children inside their parents (rows are copied, not changed)."""
    copies = {name: [dict(row) for row in rows] for name, rows in tables.items()}
    for parent, child, key, field in reversed(NESTING):  # grandchildren first
        by_parent: dict[Any, Rows] = defaultdict(list)
        for row in copies[child]:
            by_parent[row[key]].append(row)
        for row in copies[parent]:
            row[field] = by_parent.get(row["id"], [])
    body: dict[str, Any] = {"enrolment": copies["enrolment"][-1] if copies["enrolment"] else None}
    body.update({field: copies[name] for name, field in TOP_LEVEL.items()})
    return body


def flatten(body: dict[str, Any]) -> dict[str, Rows]:
    """The flat tables of a data.json body (the inverse of ``nest``)."""
    tables: dict[str, Rows] = {"enrolment": [dict(body["enrolment"])] if body.get("enrolment") else []}
    for name, field in TOP_LEVEL.items():
        tables[name] = [dict(row) for row in body.get(field) or []]
    for parent, child, _key, field in NESTING:
        tables.setdefault(child, [])
        for row in tables[parent]:
            tables[child].extend(dict(c) for c in row.pop(field, None) or [])
    return tables
