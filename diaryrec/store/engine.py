"""Opening the study database: SQLite in WAL mode with synchronous=FULL and foreign
keys on, migrated forward by Alembic at start-up after a backup copy is taken.

A database written by a newer diaryrec is refused before anything touches it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, event
from sqlmodel import Session, create_engine

from diaryrec.errors import UserError
from diaryrec.paths import DataLayout
from diaryrec.store.types import utcnow

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000


class NewerDatabaseError(UserError):
    """The database was written by a newer diaryrec; it is left as it is."""


class DatabaseUnreadableError(UserError):
    """The file is not a diaryrec database, or it is damaged."""


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "diaryrec ships at least one migration"
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that changes nothing on disk, not even the -wal/-shm side files.

    With no -wal file the main file is the whole database and ``immutable=1`` reads
    it without creating anything; with one (after a crash) ``mode=ro`` reads the
    committed pages in it too.
    """
    uri = path.resolve().as_uri()
    if not Path(f"{path}-wal").exists():
        return sqlite3.connect(f"{uri}?immutable=1", uri=True)
    return sqlite3.connect(f"{uri}?mode=ro", uri=True)


def database_revision(path: Path) -> str | None:
    """The Alembic revision of an existing database file, read without modifying it;
    None for an empty database. Raises DatabaseUnreadableError for anything else."""
    try:
        with contextlib.closing(_connect_readonly(path)) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise DatabaseUnreadableError(
                    f"{path} is not a diaryrec database.",
                    hint="Choose another data folder, or move this file away.",
                )
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnreadableError(
            f"The study database {path} cannot be read ({exc}).",
            hint="It may be damaged: restore a copy from the 'backups' folder beside it, or ask the research team.",
        ) from exc


def backup_database(path: Path, target_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's online backup API (safe with WAL)."""
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = utcnow().strftime("%Y%m%dT%H%M%S%fZ")
    target = target_dir / f"diaryrec-{stamp}-{label}.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    log.info("backed up %s to %s", path.name, target)
    return target


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        # Korean stays readable in the file (and in any SQLite browser a researcher opens)
        json_serializer=lambda value: json.dumps(value, ensure_ascii=False),
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin,
        # so that DDL in migrations is transactional too (SQLAlchemy's pysqlite recipe).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def migrate(engine: Engine) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@dataclass
class Store:
    """The open study database of one data folder."""

    engine: Engine
    layout: DataLayout
    backup: Path | None = None

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def log_event(self, kind: str, **detail: Any) -> None:
        from diaryrec.store.models import Event

        with self.session() as session:
            session.add(Event(kind=kind, detail=detail))
            session.commit()

    def close(self) -> None:
        self.engine.dispose()


def open_store(layout: DataLayout) -> Store:
    """Open (creating or migrating) the database of ``layout``."""
    layout.ensure()
    path = layout.database
    head = head_revision()
    backup = None
    if path.exists() and path.stat().st_size > 0:
        current = database_revision(path)
        if current is not None and current not in known_revisions():
            raise NewerDatabaseError(
                f"This study database was written by a newer version of diaryrec (schema {current}).",
                hint="Install the newest diaryrec; the database has not been changed.",
            )
        if current != head:
            backup = backup_database(path, layout.backups, f"before-{head}")
    engine = make_engine(path)
    try:
        migrate(engine)
    except Exception:
        engine.dispose()
        log.exception("migration to %s failed; the database is as it was (backup: %s)", head, backup)
        raise
    return Store(engine=engine, layout=layout, backup=backup)
