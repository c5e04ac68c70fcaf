"""Disk full and a read-only data folder (issue 8, item 3): saves fail with a clear
``UserError`` (``StorageError``), nothing half-written is left, the store opens
afterwards and saving works again once the disk has room.

Three ways in: SQLite's own "database or disk is full" (``PRAGMA max_page_count``,
in-process), a real OS-level write failure (RLIMIT_FSIZE in a child process, where
writes past the limit fail with EFBIG as on a full disk) and real permissions (a child
that drops from root to ``nobody``, since chmod does not stop root).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlmodel import select

from diaryrec.paths import DataLayout
from diaryrec.protocol import load_default_study
from diaryrec.services import diary
from diaryrec.services.study import join_study
from diaryrec.store import open_store
from diaryrec.store.engine import StorageError, as_storage_error
from diaryrec.store.models import DiaryEntry, Message, MessageImage
from diaryrec.store.types import utcnow

CHILD = Path(__file__).resolve().parent / "fault_child.py"
POSIX_CHILD = pytest.mark.skipif(sys.platform == "win32", reason="the child uses RLIMIT_FSIZE and POSIX users")
BEFORE = "저장되어 있던 초안"


def make_participant(root: Path) -> DataLayout:
    layout = DataLayout(root).ensure()
    store = open_store(layout)
    join_study(store, load_default_study(), "P-디스크", now=utcnow(), zone_name="Asia/Seoul")
    diary.save_draft(store, 1, {"q1": BEFORE})
    store.close()
    return layout


def run_child(scenario: str, data: Path, base: Path) -> dict[str, dict]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(Path.cwd()), os.environ.get("PYTHONPATH", "")]))}
    done = subprocess.run([sys.executable, str(CHILD), scenario, str(data), str(base / "warmup")],
                          capture_output=True, text=True, env=env, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    return {r["step"]: r for r in map(json.loads, done.stdout.splitlines())}


def assert_clear_storage_message(record: dict, words: str) -> None:
    assert not record["ok"], record
    assert record["error"] == "StorageError" and record["user_error"], record
    assert words in record["message"] and "Traceback" not in record["message"], record


def assert_whole(layout: DataLayout) -> None:
    """Nothing half-written: the database is sound and every stored file is whole
    under its real name, with no temporary files left behind."""
    with sqlite3.connect(layout.database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    for folder in (layout.images, layout.screenshots):
        for path in folder.iterdir():
            assert not path.name.endswith(".tmp"), f"left behind: {path}"
            stem = path.stem.rsplit("-", 1)[-1]
            assert hashlib.sha256(path.read_bytes()).hexdigest().startswith(stem), f"torn: {path}"


@pytest.fixture
def shared_base():
    """A folder ``nobody`` can reach (pytest's tmp_path is private to root)."""
    base = Path(tempfile.mkdtemp(prefix="diaryrec-faults-"))
    base.chmod(0o755)
    yield base
    for path in [base, *base.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(base)


# -- disk full -------------------------------------------------------------------------


def test_sqlite_full_fails_with_a_clear_message_and_keeps_the_old_entry(layout):
    layout = make_participant(layout.root)
    store = open_store(layout)
    active = diary.latest_draft(store, 1)
    assert active.answers == {"q1": BEFORE}
    store.engine.dispose()

    def tiny_disk(dbapi_conn, _record):  # noqa: ANN001 - the database may not grow by a page
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(store.engine, "connect", tiny_disk)
    from diaryrec.services.study import active_study

    with pytest.raises(StorageError, match="is full") as raised:
        diary.save_entry(store, active_study(store), 1, {f"q{i}": "가" * 40_000 for i in range(6)})
    assert "Free some space" in str(raised.value)
    with pytest.raises(StorageError):
        diary.save_draft(store, 3, {"q1": "나" * 40_000})
    event.remove(store.engine, "connect", tiny_disk)
    store.engine.dispose()
    assert diary.latest_draft(store, 1).answers == {"q1": BEFORE}  # the failed save left the draft as it was
    assert diary.latest_draft(store, 3).status == "none"
    saved = diary.save_entry(store, active_study(store), 1, {"q1": "다시 저장"})  # room again: saving works
    assert saved.saved and saved.revision == 1
    store.close()
    assert_whole(layout)


@pytest.mark.slow
@POSIX_CHILD
def test_a_full_disk_in_a_real_process(shared_base):
    layout = make_participant(shared_base / "data")
    with sqlite3.connect(layout.database) as conn:
        messages_before = conn.execute("SELECT count(*) FROM message").fetchone()[0]
    conn.close()
    steps = run_child("disk_full", layout.root, shared_base)
    assert_clear_storage_message(steps["save_entry"], "is full")
    assert_clear_storage_message(steps["save_draft"], "is full")
    assert_clear_storage_message(steps["turn_with_photo"], "is full")
    assert steps["save_after_space_freed"]["ok"], steps["save_after_space_freed"]
    assert_whole(layout)
    store = open_store(layout)  # the app starts again
    try:
        assert diary.latest_draft(store, 1).answers == {"q1": "공간을 비운 뒤"}
        assert diary.latest_draft(store, 2).status == "none"
        with store.session() as session:
            texts = [m.text for m in session.exec(select(Message).where(Message.role == "user")).all()]
            assert "사진 보고 추천해 줘" not in texts  # the photo was refused before the message was stored
            assert session.exec(select(MessageImage)).all() == []
        assert list(layout.images.iterdir()) == []
    finally:
        store.close()
    assert messages_before == 0


@pytest.mark.slow
@POSIX_CHILD
def test_a_full_disk_when_adding_a_diary_image(shared_base):
    layout = make_participant(shared_base / "data")
    steps = run_child("disk_full", layout.root, shared_base)
    assert_whole(layout)  # the half-written temporary file is removed either way
    assert_clear_storage_message(steps["diary_image"], "is full")


# -- read-only data folder ----------------------------------------------------------------


def tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(root.rglob("*"))}


def make_read_only(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)


@pytest.mark.slow
@POSIX_CHILD
def test_a_read_only_data_folder_is_refused_with_a_clear_message_and_left_untouched(shared_base):
    layout = make_participant(shared_base / "data")
    make_read_only(layout.root)
    before = tree_digest(layout.root)
    steps = run_child("read_only_folder", layout.root, shared_base)
    assert_clear_storage_message(steps["open_store"], "cannot be written")
    assert tree_digest(layout.root) == before


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="needs root to hand the data folder to another user and keep images/ from it")
def test_read_only_picture_folders_refuse_the_picture_not_the_conversation(shared_base):
    import pwd

    nobody = pwd.getpwnam("nobody")
    layout = make_participant(shared_base / "data")
    for path in [layout.root, *layout.root.rglob("*")]:
        if layout.images not in (path, *path.parents) and layout.screenshots not in (path, *path.parents):
            os.chown(path, nobody.pw_uid, nobody.pw_gid)  # the participant owns the folder; images/ stays root's
    steps = run_child("read_only_media", layout.root, shared_base)
    assert_clear_storage_message(steps["turn_with_photo"], "cannot be written")
    assert steps["turn_without_photo"]["ok"], steps["turn_without_photo"]
    assert steps["save_entry"]["ok"], steps["save_entry"]
    assert not steps["diary_image"]["ok"]  # see test_a_full_disk_when_adding_a_diary_image for its message
    assert_whole(layout)
    store = open_store(layout)
    try:
        with store.session() as session:
            texts = [m.text for m in session.exec(select(Message).where(Message.role == "user")).all()]
            entry = session.exec(select(DiaryEntry).where(DiaryEntry.study_day == 1)).one()
        assert texts == ["사진 없이 추천해 줘"]  # the refused photo turn stored nothing
        assert entry.status == "saved" and entry.answers == {"q1": "저장"}
    finally:
        store.close()


# -- the translation itself ------------------------------------------------------------------


@pytest.mark.parametrize("exc,words", [
    (OSError(errno.ENOSPC, "No space left on device"), "is full"),
    (OSError(errno.EDQUOT, "Disk quota exceeded"), "is full"),
    (OSError(errno.EROFS, "Read-only file system"), "cannot be written"),
    (PermissionError(errno.EACCES, "Permission denied"), "cannot be written"),
    (PermissionError(errno.EACCES, "Permission denied", "{folder}/images/.x.tmp"), "cannot be written"),
    (sqlite3.OperationalError("database or disk is full"), "is full"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "cannot be written"),
])
def test_write_failures_become_storage_errors(tmp_path, exc, words):
    if isinstance(exc, OSError) and exc.filename:
        exc = type(exc)(exc.errno, exc.strerror, exc.filename.format(folder=tmp_path))
    translated = as_storage_error(exc, tmp_path)
    assert isinstance(translated, StorageError) and words in str(translated) and str(tmp_path) in str(translated)


@pytest.mark.parametrize("exc", [
    OSError(errno.ENOENT, "No such file"),
    PermissionError(errno.EACCES, "Permission denied", "/somewhere/else/photo.jpg"),  # not the data folder's fault
    sqlite3.OperationalError("database is locked"),
    ValueError("not a storage problem"),
])
def test_other_errors_are_not_disguised(tmp_path, exc):
    assert as_storage_error(exc, tmp_path) is None


def test_an_enospc_while_storing_a_photo_is_a_message_and_stores_nothing(store, monkeypatch, tmp_path):
    """ENOSPC itself (RLIMIT_FSIZE gives EFBIG): the photo file write fails mid-way."""
    from PIL import Image

    from diaryrec import fileio
    from diaryrec.llm import LlmClient, ProviderMemory
    from diaryrec.sandbox.openai_fake import FakeOpenAI
    from diaryrec.services.turn import TurnService
    from diaryrec.validation import UncheckedValidator

    photo = tmp_path / "p.png"
    Image.new("RGB", (40, 30), (10, 200, 30)).save(photo)
    real_fsync = fileio.os.fsync

    def no_space(fd):  # noqa: ANN001
        raise OSError(errno.ENOSPC, "No space left on device")

    fake = FakeOpenAI().start()
    try:
        with LlmClient(fake.provider(), memory=ProviderMemory()) as client:
            service = TurnService(store, client, UncheckedValidator(store), "mark")
            cid = service.start_conversation(purpose="ice_breaking", study_day=1, task_id="s1-describe")
            monkeypatch.setattr(fileio.os, "fsync", no_space)
            with pytest.raises(StorageError, match="is full"):
                service.run_turn(cid, "이 사진처럼", images=[photo])
            monkeypatch.setattr(fileio.os, "fsync", real_fsync)
            assert service.run_turn(cid, "이 사진처럼", images=[photo]).status == "complete"  # room again
    finally:
        fake.stop()
    with store.session() as session:
        assert [m.text for m in session.exec(select(Message).where(Message.role == "user")).all()] == ["이 사진처럼"]
    assert [p.name for p in store.layout.images.iterdir() if p.name.startswith(".")] == []
