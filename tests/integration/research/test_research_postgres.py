"""``diaryrec research merge --db URL`` against a real PostgreSQL server.

The server is the one in ``DIARYREC_TEST_POSTGRES_URL`` (``.ci/run`` starts one);
without it, a throw-away cluster is started here when PostgreSQL's programs are
installed. Otherwise the test is skipped with the reason — except where
``DIARYREC_TEST_POSTGRES_REQUIRED`` is set (CI), where it fails.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from research_helpers import NOW, export, participant
from sqlalchemy import func, select, text

from diaryrec.__main__ import main
from diaryrec.research.merged import METADATA, STUDY_TABLES, open_merged
from diaryrec.research.read import open_study_data
from diaryrec.research.report import render_report


def _bindir() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return str(Path(found[-1]).parent)
    initdb = shutil.which("initdb")
    return str(Path(initdb).parent) if initdb else None


def _unavailable(reason: str) -> None:
    if os.environ.get("DIARYREC_TEST_POSTGRES_REQUIRED"):
        pytest.fail(f"PostgreSQL is required here (DIARYREC_TEST_POSTGRES_REQUIRED) but {reason}")
    pytest.skip(f"no PostgreSQL server: {reason} (set DIARYREC_TEST_POSTGRES_URL, or install postgresql)")


@pytest.fixture(scope="module")
def postgres_url():
    url = os.environ.get("DIARYREC_TEST_POSTGRES_URL")
    if url:
        yield url
        return
    bindir = _bindir()
    if bindir is None:
        _unavailable("DIARYREC_TEST_POSTGRES_URL is not set and initdb is not installed")
    run = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = tempfile.mkdtemp(prefix="diaryrec-test-pg-")
    if run:
        shutil.chown(folder, "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ctl = [*run, f"{bindir}/pg_ctl", "-D", f"{folder}/data"]
    try:
        subprocess.run([*run, f"{bindir}/initdb", "-D", f"{folder}/data", "-U", "postgres", "-A", "trust", "-E", "UTF8",
                        "--no-locale"], check=True, capture_output=True)
        subprocess.run([*ctl, "-l", f"{folder}/log", "-w", "-o",
                        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
                       check=True, capture_output=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        _unavailable(f"a throw-away cluster did not start ({exc})")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*ctl, "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def empty_database(postgres_url):
    engine = open_merged(postgres_url, create=True)
    METADATA.drop_all(engine)
    engine.dispose()
    yield postgres_url
    engine = open_merged(postgres_url, create=False)
    METADATA.drop_all(engine)
    engine.dispose()


def test_merge_into_postgresql(tmp_path, empty_database, capsys):
    layouts = [participant(tmp_path, i) for i in range(2)]
    bundles = [str(export(l, tmp_path / f"{i}.zip")) for i, l in enumerate(layouts)]
    files = tmp_path / "files"
    assert main(["research", "merge", *bundles, "--db", empty_database, "--files", str(files)]) == 0
    assert main(["research", "merge", *bundles, "--db", empty_database]) == 0
    assert capsys.readouterr().out.count("already merged, nothing changed") == 2

    engine = open_merged(empty_database, create=False)
    try:
        assert engine.dialect.name == "postgresql"
        with engine.connect() as conn:
            messages = conn.execute(select(func.count()).select_from(STUDY_TABLES["message"])).scalar()
            korean = conn.execute(text("SELECT count(*) FROM message WHERE text LIKE '%비 오는 날%'")).scalar()
            offset = conn.execute(text("SELECT min(created_at) FROM message")).scalar()
    finally:
        engine.dispose()
    import sqlite3

    want = 0
    for layout in layouts:
        with sqlite3.connect(layout.database) as source:
            want += source.execute("SELECT count(*) FROM message").fetchone()[0]
    assert messages == want and korean > 0
    assert offset.tzinfo is not None

    with open_study_data(empty_database, files_root=files) as data:
        people = data.participants()
        assert [p.code for p in people] == ["P001", "P002"]
        assert people[0].exported_at == NOW
        entries = data.diary_entries(people[0].id)
        assert entries and all(path is not None and path.is_file() for e in entries for path in e.screenshots)
        html = render_report(data)
    assert "사진 DJ 2" in html
