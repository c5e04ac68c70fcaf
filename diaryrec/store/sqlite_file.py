"""The study database as a file, read with the standard library's sqlite3 alone:
its schema revision (and the shipped ones, read from the migration files), and a
read-only connection that changes nothing on disk.

No SQLAlchemy here: the app's first paint reads the home screen through this
(store.glance) before the ORM is imported; engine.py builds on it.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from pathlib import Path

from diaryrec.errors import QT_TRANSLATE_NOOP, UserError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class NewerDatabaseError(UserError):
    """The database was written by a newer diaryrec; it is left as it is."""


class DatabaseUnreadableError(UserError):
    """The file is not a diaryrec database, or it is damaged."""


_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.*)$", re.MULTILINE)


def _revision_graph() -> dict[str, set[str]]:
    """Each shipped revision and the revisions it follows, read from the migration
    files' ``revision``/``down_revision`` lines (the same lines Alembic reads;
    tests/unit/store checks that both agree)."""
    graph: dict[str, set[str]] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision:
            graph[revision.group(1)] = set(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1))) if down else set()
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - set().union(*graph.values())
    assert len(heads) == 1, f"diaryrec ships exactly one migration head, found {sorted(heads)}"
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revision_graph())


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that changes nothing on disk, not even the -wal/-shm side files.

    With no -wal file the main file is the whole database and ``immutable=1`` reads
    it without creating anything; with one (after a crash) ``mode=ro`` reads the
    committed pages in it too.
    """
    uri = path.resolve().as_uri()
    if not Path(f"{path}-wal").exists():
        return sqlite3.connect(f"{uri}?immutable=1", uri=True)
    return sqlite3.connect(f"{uri}?mode=ro", uri=True)


def revision_of(conn: sqlite3.Connection, path: Path) -> str | None:
    """The Alembic revision of the database open on ``conn`` (``path`` names it in
    the error); None for an empty database."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        return None
    if "alembic_version" not in tables:
        raise DatabaseUnreadableError(
            QT_TRANSLATE_NOOP("UserError", "{path} is not a diaryrec database."),
            hint=QT_TRANSLATE_NOOP("UserError", "Choose another data folder, or move this file away."),
            path=path,
        )
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def database_revision(path: Path) -> str | None:
    """The Alembic revision of an existing database file, read without modifying it;
    None for an empty database. Raises DatabaseUnreadableError for anything else."""
    try:
        with contextlib.closing(connect_readonly(path)) as conn:
            return revision_of(conn, path)
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from exc


def unreadable(path: Path, exc: sqlite3.DatabaseError) -> DatabaseUnreadableError:
    return DatabaseUnreadableError(
        QT_TRANSLATE_NOOP("UserError", "The study database {path} cannot be read ({detail})."),
        hint=QT_TRANSLATE_NOOP("UserError", "It may be damaged: restore a copy from the 'backups' folder beside it, or ask the research team."),
        path=path,
        detail=str(exc),
    )
