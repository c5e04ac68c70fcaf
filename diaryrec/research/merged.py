"""The merged study database: one ``participant`` row per participant and every
study table of the bundle, keyed by participant.

The study tables are derived from the participant store's SQLModel tables
(``diaryrec.store.models``) so the two cannot drift apart: same table and column
names and types, plus ``participant_id``, with the primary key ``(participant_id,
id)``. Ids are the participant's own row ids, so a join within one participant reads
``... ON m.participant_id = c.participant_id AND m.conversation_id = c.id``.

These tables live on a registry of their own, not on ``SQLModel.metadata``: they
are created with ``create_all`` on the researcher's SQLite file or PostgreSQL
database and are no part of the participant database's Alembic migrations.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import sqlite3
from pathlib import Path
from typing import Optional

from sqlalchemy import (URL, Boolean, Column, Connection, Engine, ForeignKey, Integer, String, Table, UniqueConstraint,
                        create_engine, event, inspect, text)
from sqlalchemy.engine import make_url
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from diaryrec.errors import UserError
from diaryrec.fileio import make_folder, path_error
from diaryrec.research.export import MANIFEST
from diaryrec.research.tables import STORED
from diaryrec.store.engine import sqlite_url
from diaryrec.store.sqlite_file import connect_readonly
from diaryrec.store.types import UtcDateTime, utcnow

#: 2: recommended_track.catalog (which catalog gave the verdict)
MERGED_SCHEMA_VERSION = 2


class ResearchModel(SQLModel, registry=registry()):
    pass


class Participant(ResearchModel, table=True):
    """One participant's latest merged bundle."""

    __tablename__ = "participant"
    __table_args__ = (UniqueConstraint("study_id", "participant_code"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    study_id: str = Field(index=True)
    participant_code: str
    time_zone: str
    exported_at: dt.datetime = Field(sa_type=UtcDateTime)
    app_version: str
    bundle_format_version: int
    bundle_sha256: str  # SHA-256 of the bundle's manifest.json: which export this is
    files_folder: str = ""  # relative folder of the screenshots and images, "" when not extracted
    merged_at: dt.datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class MergedSchemaInfo(ResearchModel, table=True):
    __tablename__ = "diaryrec_merged"
    id: Optional[int] = Field(default=None, primary_key=True)
    schema_version: int = MERGED_SCHEMA_VERSION


METADATA = ResearchModel.metadata


def _participant_key() -> Column:  # type: ignore[type-arg]
    return Column("participant_id", Integer, ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True)


def _study_table(name: str, source: Table) -> Table:
    columns = [_participant_key()]
    for column in source.columns:
        # Uniques, indexes and foreign keys of the source hold within one participant only.
        columns.append(Column(column.name, column.type, primary_key=column.primary_key, nullable=not column.primary_key))
    return Table(name, METADATA, *columns)


STUDY_TABLES: dict[str, Table] = {
    spec.name: _study_table(spec.name, spec.model.__table__) for spec in STORED  # type: ignore[union-attr]
}
STUDY_TABLES["protocol_day"] = Table(
    "protocol_day",
    METADATA,
    _participant_key(),
    Column("number", Integer, primary_key=True),
    Column("week", Integer),
    Column("day_in_week", Integer),
    Column("activity", String),
    Column("interview", Boolean),
    Column("had_session", Boolean),
    Column("diary_saved", Boolean),
    Column("late", Boolean),
    Column("state", String),
)


class MergedDatabaseError(UserError):
    pass


#: the database URL schemes diaryrec merges into (SQLAlchemy dialect names)
SCHEMES = ("sqlite", "postgresql", "postgres", "postgresql+psycopg")
_SQLITE_HEADER = b"SQLite format 3\x00"


def database_url(target: str) -> str | URL:
    """A SQLAlchemy URL for a file path or a database URL (``postgresql://`` uses psycopg 3)."""
    if "://" not in target:
        return sqlite_url(target)
    scheme = target.split("://", 1)[0].lower()
    if scheme not in SCHEMES:
        raise MergedDatabaseError(
            f"diaryrec keeps merged studies in a SQLite file or a PostgreSQL database, not in {scheme}://.",
            hint="Give a SQLite file such as study.sqlite, or a URL such as postgresql://user@host/study.",
        )
    if scheme in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    return target


class SingleBundleError(MergedDatabaseError):
    """One export bundle was given where a merged study database is expected."""

    def __init__(self, path: Path, *, create: bool = False):
        if create:
            super().__init__(f"{path} is an export bundle, not a study database.",
                             hint="Name the merged database something else, such as study.sqlite; the bundles go before --out.")
        else:
            super().__init__(
                f"{path} is a single export bundle, not a merged study database.",
                hint="Put the participants' bundles in one folder and pass the folder, "
                f"or merge them first: diaryrec research merge {path} --out study.sqlite.",
            )


class NotStudyDatabaseError(MergedDatabaseError):
    """A local file that is no merged study database; ``kind`` says what it is instead:
    ``not_sqlite``, ``participant`` (a participant's own diaryrec database) or ``other``."""

    WORDS = {
        "not_sqlite": "{path} is not a database file.",
        "participant": "{path} is a participant's own diaryrec database, not a merged study.",
        "other": "{path} is a database, but not a merged diaryrec study.",
    }

    def __init__(self, path: Path | str, kind: str, *, create: bool = False):
        if create:
            hint = "Merge into another file, such as study.sqlite (diaryrec research merge creates it)."
        elif kind == "participant":
            hint = "Export it as a bundle (diaryrec --data-dir FOLDER export --out P01.zip), or pass the folder of the bundles."
        else:
            hint = "Give the merged study database (.sqlite) that diaryrec research merge writes, or a folder of bundles."
        super().__init__(self.WORDS[kind].format(path=path), hint=hint)
        self.kind = kind


def check_local_database(path: Path, *, create: bool = False) -> None:
    """Say plainly what a local file is when it is not a merged study database, before
    SQLite or SQLAlchemy answer with an SQL statement in their error: a folder, an
    export bundle, a participant's database, any other file. With ``create``, a
    missing or empty file is fine (the merge creates the database)."""
    import zipfile

    path = Path(path)
    if path.is_dir():
        raise path_error(IsADirectoryError(errno.EISDIR, "Is a directory", str(path)), path)
    if create and (not path.exists() or path.stat().st_size == 0):
        return
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            if MANIFEST in archive.namelist():
                raise SingleBundleError(path, create=create)
        raise NotStudyDatabaseError(path, "not_sqlite", create=create)
    with path.open("rb") as handle:
        if handle.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
            raise NotStudyDatabaseError(path, "not_sqlite", create=create)
    try:
        with contextlib.closing(connect_readonly(path)) as conn:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise NotStudyDatabaseError(path, "not_sqlite", create=create) from exc
    if create and not names:
        return
    if MergedSchemaInfo.__tablename__ not in names:
        raise NotStudyDatabaseError(path, "participant" if "enrolment" in names else "other", create=create)


def _words(exc: BaseException) -> str:
    """A database error's own words, without SQLAlchemy's statement and link."""
    orig = getattr(exc, "orig", None)
    return f"{type(orig).__name__}: {orig}" if orig is not None else f"{type(exc).__name__}: {exc}"


def open_merged(target: str, *, create: bool = True) -> Engine:
    url = database_url(target)
    sqlite = str(url).startswith("sqlite")
    shown = target if "://" not in target else make_url_safe(url)  # a file by its path, a URL without its password
    if sqlite and "://" not in target:
        if create or Path(target).exists():
            check_local_database(Path(target), create=create)
        if create:
            make_folder(Path(target).parent)
    try:
        engine = create_engine(
            url,
            json_serializer=lambda v: json.dumps(v, ensure_ascii=False),
            # the researcher window reads from worker threads; each pooled connection is used by one at a time
            connect_args={"check_same_thread": False} if sqlite else {},
        )
    except ModuleNotFoundError as exc:
        # the frozen app leaves the PostgreSQL driver out; the pip install has it as an extra
        raise MergedDatabaseError(
            f"PostgreSQL support is not installed ({exc.name} is missing).",
            hint="Run the researcher tools from a pip install: pip install 'diaryrec[postgres]'.",
        ) from exc
    except Exception as exc:  # noqa: BLE001 - a bad URL is the researcher's to fix
        raise MergedDatabaseError(f"Cannot use the database {shown}: {exc}") from exc
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            dbapi_conn.execute("PRAGMA foreign_keys=ON")

    try:
        if create:
            METADATA.create_all(engine)
        with engine.begin() as conn:
            info = MergedSchemaInfo.__table__  # type: ignore[attr-defined]
            if create and conn.execute(info.select()).first() is None:
                conn.execute(info.insert().values(schema_version=MERGED_SCHEMA_VERSION))
            row = conn.execute(info.select()).first()
            if row is not None and row.schema_version < MERGED_SCHEMA_VERSION:
                _add_new_columns(conn)
                conn.execute(info.update().values(schema_version=MERGED_SCHEMA_VERSION))
                row = conn.execute(info.select()).first()
    except Exception as exc:  # noqa: BLE001
        engine.dispose()
        raise MergedDatabaseError(
            f"Cannot open the merged study database {shown} ({_words(exc)}).",
            hint="Check the path or URL, and that the server is running and the user may create tables.",
        ) from exc
    if row is not None and row.schema_version > MERGED_SCHEMA_VERSION:
        engine.dispose()
        raise MergedDatabaseError("This merged study database was written by a newer diaryrec.", hint="Install the newest diaryrec.")
    return engine


def _add_new_columns(conn: Connection) -> None:
    """Bring a merged database of an older diaryrec up to date: the columns a newer
    participant store has are added (nullable, so the rows merged before read as
    "not recorded"). Every schema change so far is such a column."""
    inspector = inspect(conn)
    for name, table in STUDY_TABLES.items():
        if not inspector.has_table(name):
            continue  # create_all made it just now
        present = {c["name"] for c in inspector.get_columns(name)}
        for column in table.columns:
            if column.name not in present:
                kind = column.type.compile(dialect=conn.dialect)
                conn.execute(text(f'ALTER TABLE "{name}" ADD COLUMN "{column.name}" {kind}'))


def make_url_safe(url: str) -> str:
    """The URL without its password (error messages and logs)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return "(the given database)"
