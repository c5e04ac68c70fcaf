import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel, select

from diaryrec.store import sqlite_file
from diaryrec.paths import DataLayout
from diaryrec.store import DatabaseUnreadableError, NewerDatabaseError, open_store
from diaryrec.store.engine import database_revision, head_revision
from diaryrec.store.models import DiaryEntry, Event, Message


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fresh_database_is_migrated_to_head_with_wal_full_and_foreign_keys(store):
    assert database_revision(store.layout.database) == head_revision()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert store.backup is None  # nothing to back up on a new database


def test_models_and_migrations_agree(store):
    """Fails when a table changes without a migration (make migration m=…)."""
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


def test_foreign_keys_are_enforced(store):
    with store.session() as session:
        session.add(Message(conversation_id=999, seq=1, role="user", text="hi"))
        with pytest.raises(IntegrityError):
            session.commit()


def test_event_log_is_append_only(store):
    store.log_event("app_started", version="x")
    with store.engine.connect() as conn:
        for statement in ("UPDATE event SET kind='x'", "DELETE FROM event"):
            with pytest.raises(IntegrityError, match="append-only"):
                conn.exec_driver_sql(statement)
            conn.rollback()
    with store.session() as session:
        assert [e.kind for e in session.exec(select(Event)).all()] == ["app_started"]


def test_korean_text_round_trips(store):
    with store.session() as session:
        session.add(DiaryEntry(study_day=1, answers={"pros_cons": "새벽 감성에 딱 맞는 추천 🎧"}))
        session.commit()
    store.close()
    reopened = open_store(store.layout)
    with reopened.session() as session:
        entry = session.exec(select(DiaryEntry)).one()
    assert entry.answers["pros_cons"] == "새벽 감성에 딱 맞는 추천 🎧"
    assert entry.drafted_at.tzinfo is not None
    reopened.close()


def test_a_newer_database_is_refused_and_not_touched(store):
    store.close()
    db = store.layout.database
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    before = digest(db)
    mtime = db.stat().st_mtime_ns
    with pytest.raises(NewerDatabaseError, match="newer version of diaryrec") as info:
        open_store(store.layout)
    assert "has not been changed" in str(info.value)
    assert digest(db) == before and db.stat().st_mtime_ns == mtime
    assert not Path(f"{db}-wal").exists()
    assert not list(store.layout.backups.iterdir())


def test_garbage_file_is_reported_not_overwritten(layout):
    layout.database.write_bytes(b"this is not sqlite" * 100)
    before = digest(layout.database)
    with pytest.raises(DatabaseUnreadableError, match="cannot be read"):
        open_store(layout)
    assert digest(layout.database) == before


def test_foreign_sqlite_file_is_refused(layout):
    with sqlite3.connect(layout.database) as conn:
        conn.execute("CREATE TABLE songs (x)")
    conn.close()
    with pytest.raises(DatabaseUnreadableError, match="not a diaryrec database"):
        open_store(layout)


MIGRATION_NEXT = '''
"""{doc}"""
from alembic import op
import sqlalchemy as sa

revision = "{rev}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("extra", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("diary_entry") as batch:
        batch.add_column(sa.Column("mood", sa.String, nullable=True))
    {fail}


def downgrade():
    pass
'''


@pytest.fixture
def next_migration(tmp_path, monkeypatch):
    """A copy of the shipped migrations plus one more revision, used in place of them."""

    def make(fail: bool) -> str:
        folder = tmp_path / "migrations"
        shutil.copytree(sqlite_file.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
        rev = f"{int(head_revision()) + 1:04d}"
        body = MIGRATION_NEXT.format(
            doc="test migration", rev=rev, down=head_revision(), fail="raise RuntimeError('boom')" if fail else ""
        )
        (folder / "versions" / f"{rev}_test.py").write_text(body)
        monkeypatch.setattr(sqlite_file, "MIGRATIONS_DIR", folder)  # where the store finds its migrations
        return rev

    return make


def _db_with_an_entry(layout: DataLayout) -> None:
    first = open_store(layout)
    with first.session() as session:
        session.add(DiaryEntry(study_day=3, answers={"pros_cons": "좋았다"}, status="saved"))
        session.commit()
    first.close()


def test_backup_is_taken_before_a_migration(layout, next_migration):
    _db_with_an_entry(layout)
    shipped = head_revision()
    rev = next_migration(fail=False)
    migrated = open_store(layout)
    migrated.close()
    assert database_revision(layout.database) == rev
    assert migrated.backup is not None and migrated.backup.parent == layout.backups
    with sqlite3.connect(migrated.backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == shipped
        assert conn.execute("SELECT answers FROM diary_entry").fetchone()[0] == '{"pros_cons": "좋았다"}'
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_failing_migration_leaves_the_database_as_it_was(layout, next_migration):
    _db_with_an_entry(layout)
    shipped = head_revision()
    next_migration(fail=True)
    with pytest.raises(RuntimeError, match="boom"):
        open_store(layout)
    assert database_revision(layout.database) == shipped
    with sqlite3.connect(layout.database) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = {r[1] for r in conn.execute("PRAGMA table_info(diary_entry)")}
        assert "extra" not in tables and "mood" not in columns
        assert conn.execute("SELECT count(*) FROM diary_entry").fetchone()[0] == 1
    conn.close()
    backups = list(layout.backups.iterdir())
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM diary_entry").fetchone()[0] == 1
    conn.close()


def test_the_quick_revision_reader_agrees_with_alembic(next_migration):
    from alembic.script import ScriptDirectory

    from diaryrec.store.engine import alembic_config, known_revisions

    for extra in (False, True):
        if extra:
            next_migration(fail=False)
        script = ScriptDirectory.from_config(alembic_config())
        assert head_revision() == script.get_current_head()
        assert known_revisions() == {rev.revision for rev in script.walk_revisions()}


def test_opening_a_current_database_does_not_load_alembic(store):
    import subprocess
    import sys

    store.close()
    code = (
        "import sys; from pathlib import Path; from diaryrec.paths import DataLayout; "
        "from diaryrec.store import open_store; "
        f"s = open_store(DataLayout(Path({str(store.layout.root)!r}))); s.log_event('x'); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_data_folder_whose_name_looks_like_a_url_keeps_its_database_inside(tmp_path):
    """"?" and "%20" in a folder name once sent SQLAlchemy's URL parser elsewhere."""
    from diaryrec.paths import DataLayout
    from diaryrec.store import open_store

    for name in ("b ?&x=1", "c %20", "d #1", "연구 데이터"):
        layout = DataLayout(tmp_path / name)
        open_store(layout).close()
        assert layout.database.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["b ?&x=1", "c %20", "d #1", "연구 데이터"])
