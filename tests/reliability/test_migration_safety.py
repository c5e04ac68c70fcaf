"""Migration safety (issue 8, item 2), beyond tests/unit/store/test_store.py:

- a database made by EVERY revision in the migrations folder (today 0001; each new
  one is picked up by itself) and filled with rows in every table migrates forward to
  head through ``open_store``, keeps every row, and loads through the models;
- a failing migration leaves the database byte-for-byte as it was in content, the app
  opens it again afterwards, and the backup it took opens as a study database;
- a newer database is refused unmodified even when a crash left a -wal file beside it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlmodel import select

from diaryrec.store import sqlite_file
from diaryrec.paths import DataLayout
from diaryrec.store import NewerDatabaseError, open_store
from diaryrec.store.engine import alembic_config, database_revision, head_revision, make_engine
from diaryrec.store.models import ALL_TABLES

KOREAN = "비 오는 날의 일기 ✍️"


def revisions() -> list[str]:
    """Every revision in the migrations folder, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def migrate_to(path: Path, revision: str) -> None:
    engine = make_engine(path)
    try:
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def _value(declared: str, column: str) -> object:
    kind = declared.upper()
    if "INT" in kind:
        return 1
    if "BOOL" in kind:
        return 0
    if any(t in kind for t in ("FLOAT", "REAL", "NUMERIC", "DOUBLE")):
        return 0.5
    if "DATETIME" in kind or "TIMESTAMP" in kind:
        return "2025-05-01 03:00:00.000000"
    if kind == "DATE":
        return "2025-05-01"
    if "JSON" in kind:
        return "{}" if column not in ("keywords", "choices", "discrepancies") else "[]"
    return f"{column}: {KOREAN}"


def fill_every_table(path: Path) -> dict[str, int]:
    """One row in every table of whatever schema the file has, parents first, using
    only what SQLite says about the tables: it works for schemas not written yet."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        parents = {t: {r[2] for r in conn.execute(f"PRAGMA foreign_key_list('{t}')") if r[2] != t} for t in tables}
        done: list[str] = []
        while len(done) < len(tables):
            ready = [t for t in tables if t not in done and parents[t] <= set(done)]
            assert ready, f"foreign keys form a cycle: {parents}"
            for table in ready:
                fks = {r[3] for r in conn.execute(f"PRAGMA foreign_key_list('{table}')")}
                names, values = [], []
                for _cid, column, declared, notnull, default, pk in conn.execute(f"PRAGMA table_info('{table}')"):
                    if pk and "INT" in declared.upper():
                        continue  # rowid
                    if column in fks and not notnull:
                        continue  # optional links (self-references) stay empty
                    names.append(column)
                    values.append(_value(declared, column))
                marks = ", ".join("?" for _ in names)
                conn.execute(f"INSERT INTO \"{table}\" ({', '.join(names)}) VALUES ({marks})", values)
                done.append(table)
        conn.commit()
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def dump(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        return list(conn.iterdump())


@pytest.mark.parametrize("revision", revisions())
def test_a_database_of_every_revision_migrates_forward_and_keeps_its_rows(tmp_path, revision):
    layout = DataLayout(tmp_path / "data").ensure()
    migrate_to(layout.database, revision)
    counts = fill_every_table(layout.database)
    assert counts and all(n == 1 for n in counts.values())

    store = open_store(layout)  # the app starting on the old database
    try:
        assert database_revision(layout.database) == head_revision()
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            for table, count in counts.items():
                assert conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar() == count, table
        with store.session() as session:  # every row still loads through today's models
            loaded = {model.__tablename__: session.exec(select(model)).all() for model in ALL_TABLES}
        for table in counts:
            if table in loaded:
                assert len(loaded[table]) == 1, table
        texts = [r.text for r in loaded["message"]]
        assert texts == [f"text: {KOREAN}"]
        assert loaded["diary_entry"][0].drafted_at.tzinfo is not None
    finally:
        store.close()
    if revision != head_revision():
        assert store.backup is not None
        with contextlib.closing(sqlite3.connect(store.backup)) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revision
    else:
        assert store.backup is None


MIGRATION_NEXT = '''
"""{doc}"""
from alembic import op
import sqlalchemy as sa

revision = "{rev}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("diary_entry") as batch:
        batch.add_column(sa.Column("mood", sa.String, nullable=True))
    op.create_table("extra", sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("entry_id", sa.Integer, sa.ForeignKey("diary_entry.id"), nullable=False))
    {body}


def downgrade():
    pass
'''


@pytest.fixture
def one_more_migration(tmp_path, monkeypatch):
    """The shipped migrations plus one more revision, used in their place."""

    def make(body: str = "") -> str:
        folder = tmp_path / "migrations"
        shutil.copytree(sqlite_file.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
        rev = "9001"
        (folder / "versions" / f"{rev}_next.py").write_text(
            MIGRATION_NEXT.format(doc="next", rev=rev, down=head_revision(), body=body or "pass"))
        monkeypatch.setattr(sqlite_file, "MIGRATIONS_DIR", folder)  # where the store finds its migrations
        return rev

    return make


def test_the_every_revision_check_covers_a_revision_added_later(tmp_path, one_more_migration):
    """The parametrized test above reads the folder: with one more migration the same
    routine (old database, filled, opened) reaches it and the new table is filled too."""
    old = revisions()
    rev = one_more_migration()
    assert revisions() == [*old, rev]
    for revision in revisions():
        layout = DataLayout(tmp_path / f"data-{revision}").ensure()
        migrate_to(layout.database, revision)
        counts = fill_every_table(layout.database)
        assert ("extra" in counts) == (revision == rev)
        store = open_store(layout)
        store.close()
        assert database_revision(layout.database) == rev
        with contextlib.closing(sqlite3.connect(layout.database)) as conn:
            assert conn.execute("SELECT count(*) FROM diary_entry").fetchone()[0] == 1
            assert "mood" in {r[1] for r in conn.execute("PRAGMA table_info(diary_entry)")}


def _participant_db(layout: DataLayout) -> None:
    from diaryrec.protocol import load_default_study
    from diaryrec.services import diary
    from diaryrec.services.study import join_study

    store = open_store(layout)
    now = dt.datetime(2025, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
    active = join_study(store, load_default_study(), "P-이주", now=now, zone_name="Asia/Seoul")
    diary.save_entry(store, active, 1, {"q1": KOREAN}, now=now)
    diary.save_draft(store, 2, {"q1": "초안"}, now=now)
    store.close()


@pytest.mark.parametrize("where", ["after_ddl", "after_data_change"])
def test_a_failing_migration_changes_nothing_and_the_app_and_backup_still_open(tmp_path, one_more_migration, monkeypatch, where):
    layout = DataLayout(tmp_path / "data").ensure()
    _participant_db(layout)
    before = dump(layout.database)
    body = {
        "after_ddl": "raise RuntimeError('boom')",
        "after_data_change": "op.execute(\"UPDATE diary_entry SET answers = '{}'\")\n    raise RuntimeError('boom')",
    }[where]
    one_more_migration(body)
    with pytest.raises(RuntimeError, match="boom"):
        open_store(layout)
    assert dump(layout.database) == before  # every row, table, index and trigger as it was
    [backup] = list(layout.backups.iterdir())

    monkeypatch.undo()  # the shipped migrations again: the app still starts on the original
    store = open_store(layout)
    try:
        from diaryrec.services import diary

        assert diary.latest_draft(store, 1).answers == {"q1": KOREAN}
        assert diary.latest_draft(store, 2).status == "draft"
    finally:
        store.close()

    restored = DataLayout(tmp_path / "restored").ensure()  # what a researcher does with the backup
    shutil.copy2(backup, restored.database)
    store = open_store(restored)
    try:
        from diaryrec.services import diary

        assert diary.latest_draft(store, 1).answers == {"q1": KOREAN}
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        store.close()


def test_a_newer_database_with_a_crash_left_wal_is_refused_unmodified(tmp_path):
    layout = DataLayout(tmp_path / "data").ensure()
    _participant_db(layout)
    db = layout.database
    # a newer app wrote its revision and crashed: the change sits in the -wal file only
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE alembic_version SET version_num = 'ffff_newer'")
    conn.commit()
    wal = Path(f"{db}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    saved = {p: p.read_bytes() for p in (db, wal)}
    kept = tmp_path / "kept"
    kept.mkdir()
    for path in saved:
        shutil.copy2(path, kept / path.name)  # the files as a crash leaves them (no checkpoint on close)
    conn.close()
    for path in saved:
        shutil.copy2(kept / path.name, path)
    Path(f"{db}-shm").unlink(missing_ok=True)
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_store(layout)
    assert db.read_bytes() == saved[db] and wal.read_bytes() == saved[wal]
    assert list(layout.backups.iterdir()) == []
