"""Opening the study database: SQLite in WAL mode with synchronous=FULL and foreign
keys on, migrated forward by Alembic at start-up after a backup copy is taken.

A database written by a newer diaryrec is refused before anything touches it.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, event
from sqlalchemy.exc import DatabaseError
from sqlmodel import Session, create_engine

from diaryrec.errors import QT_TRANSLATE_NOOP, UserError
from diaryrec.fileio import sweep_partials
from diaryrec.paths import DataLayout
from diaryrec.store import sqlite_file
from diaryrec.store.sqlite_file import (  # noqa: F401 - part of the store's API
    DatabaseUnreadableError,
    NewerDatabaseError,
    database_revision,
    head_revision,
    known_revisions,
)
from diaryrec.store.types import utcnow

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


class StorageError(UserError):
    """The data folder cannot be written: the disk is full, it is read-only, or the
    OS refuses (permissions). The transaction was rolled back: nothing is half-written."""


_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
_FULL_SQLITE = ("database or disk is full", "disk i/o error")
_READ_ONLY_SQLITE = ("readonly database", "unable to open database file", "read-only file system")
_DAMAGED_SQLITE = ("malformed", "file is not a database", "could not decode to utf-8")


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError):
        return False


def as_storage_error(exc: BaseException, folder: Path) -> UserError | None:
    """The plain-words error for a failed write or a damaged database file (a
    StorageError or a DatabaseUnreadableError), or None for any other error."""
    if isinstance(exc, DatabaseError):
        exc = exc.orig if exc.orig is not None else exc
    if isinstance(exc, OSError):
        if exc.filename and not _inside(Path(exc.filename), folder):
            return None  # e.g. the participant's own photo could not be read: not the data folder's fault
        full, read_only = exc.errno in _FULL_ERRNOS, exc.errno in _READ_ONLY_ERRNOS
    elif isinstance(exc, sqlite3.DatabaseError):
        text = str(exc).lower()
        full = any(t in text for t in _FULL_SQLITE)
        read_only = any(t in text for t in _READ_ONLY_SQLITE)
        if any(t in text for t in _DAMAGED_SQLITE):
            return DatabaseUnreadableError(
                QT_TRANSLATE_NOOP("UserError", "Part of the study database in {folder} cannot be read: the file is damaged."),
                hint=QT_TRANSLATE_NOOP(
                    "UserError", "Close diaryrec and restore a copy from the 'backups' folder beside it, or ask the research team."
                ),
                folder=folder,
            )
    else:
        return None
    if full:
        return StorageError(
            QT_TRANSLATE_NOOP("UserError", "diaryrec could not save: the disk that holds your data folder ({folder}) is full or failing."),
            hint=QT_TRANSLATE_NOOP("UserError", "Free some space on it, then save again. Everything saved before is still there."),
            folder=folder,
        )
    if read_only:
        return StorageError(
            QT_TRANSLATE_NOOP(
                "UserError",
                "diaryrec could not save: your data folder ({folder}) cannot be written "
                "(it is read-only, or you have no permission to change it).",
            ),
            hint=QT_TRANSLATE_NOOP("UserError", "Check the folder's permissions or choose another data folder, then save again."),
            folder=folder,
        )
    return None


@contextlib.contextmanager
def storage_errors(folder: Path) -> Iterator[None]:
    """Raise a disk-full or read-only failure inside the block as a StorageError, a
    damaged file as DatabaseUnreadableError (the participant sees a message, not a
    traceback); other errors pass unchanged."""
    try:
        yield
    except (OSError, sqlite3.DatabaseError, DatabaseError) as exc:
        translated = as_storage_error(exc, folder)
        if translated is None:
            raise
        # the error's own text can quote diary text (a damaged row): only its kind is logged
        log.warning("data folder failure %s (%s)", type(translated).__name__, type(exc).__name__)
        raise translated from exc


def alembic_config():  # noqa: ANN201 - alembic.config.Config, imported lazily
    """Alembic's configuration (there is no alembic.ini). Alembic is imported only
    when a migration really runs: at start-up on a current database it is not needed,
    and it is a tenth of a second of the app's start."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(sqlite_file.MIGRATIONS_DIR))
    return config


def backup_database(path: Path, target_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's online backup API (safe with WAL)."""
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = utcnow().strftime("%Y%m%dT%H%M%S%fZ")
    target = target_dir / f"diaryrec-{stamp}-{label}.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    log.info("backed up %s to %s", path.name, target)
    return target


def sqlite_url(path: Path | str) -> URL:
    """The SQLAlchemy URL of a SQLite file. Built, not written as ``sqlite:///{path}``:
    that string is parsed as a URL, so a folder named "a ?b" or "c %20" would put the
    database somewhere else."""
    return URL.create("sqlite", database=str(path))


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        sqlite_url(path),
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
    from alembic import command

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
        with storage_errors(self.layout.root), Session(self.engine, expire_on_commit=False) as session:
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
    with storage_errors(layout.root):
        return _open_store(layout)


def _open_store(layout: DataLayout) -> Store:
    layout.ensure()
    sweep_partials([layout.root, layout.screenshots, layout.images, layout.covers])
    path = layout.database
    head = head_revision()
    backup = None
    if path.exists() and path.stat().st_size > 0:
        current = database_revision(path)
        if current is not None and current not in known_revisions():
            raise NewerDatabaseError(
                QT_TRANSLATE_NOOP("UserError", "This study database was written by a newer version of diaryrec (schema {schema})."),
                hint=QT_TRANSLATE_NOOP("UserError", "Install the newest diaryrec; the database has not been changed."),
                schema=current,
            )
        if current != head:
            backup = backup_database(path, layout.backups, f"before-{head}")
    else:
        current = None
    engine = make_engine(path)
    try:
        if current == head:
            # a write transaction now: a data folder that cannot be written is reported
            # when the app opens, not at the participant's first save
            with engine.begin():
                pass
        else:
            migrate(engine)
    except Exception:
        engine.dispose()
        log.exception("opening the database at revision %s failed; it is as it was (backup: %s)", head, backup)
        raise
    return Store(engine=engine, layout=layout, backup=backup)
