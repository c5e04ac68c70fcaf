"""Merge refuses bundles that do not match their manifest, and imports idempotently."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from research_helpers import NOW, count, export, participant, rewrite_zip

from diaryrec.__main__ import main
from diaryrec.research.merge import merge_bundles
from diaryrec.research.merged import open_merged
from diaryrec.store import open_store
from diaryrec.store.models import Interview


@pytest.fixture
def bundle(tmp_path):
    return export(participant(tmp_path, 0), tmp_path / "P001.zip")


def merge(db, *bundles):
    engine = open_merged(str(db))
    try:
        return merge_bundles(engine, bundles, db.with_name("files"))
    finally:
        engine.dispose()


def test_a_changed_file_is_named_and_the_bundle_refused(tmp_path, bundle, capsys):
    tampered = rewrite_zip(bundle, tmp_path / "tampered.zip", lambda name, data: [
        (name, data.replace("비 오는 날".encode(), "맑은 날".encode()) if name == "tables/message.csv" else data)])
    db = tmp_path / "study.sqlite"
    assert main(["research", "merge", str(tampered), "--out", str(db)]) == 1
    err = capsys.readouterr().err
    assert "REFUSED tampered.zip" in err and "changed file tables/message.csv" in err
    assert count(db, "participant") == 0 and count(db, "message") == 0


def test_a_changed_screenshot_is_named(tmp_path, bundle):
    def change(name, data):
        return [(name, data[:-1] + b"\x00" if name.startswith("screenshots/") and name.endswith("-1.png") else data)]

    [outcome] = merge(tmp_path / "s.sqlite", rewrite_zip(bundle, tmp_path / "t.zip", change))
    assert outcome.status == "refused"
    assert [p for p in outcome.problems if p.startswith("changed file screenshots/")]


def test_a_missing_file_is_named(tmp_path, bundle):
    cut = rewrite_zip(bundle, tmp_path / "cut.zip", lambda name, data: [] if name == "data.json" else [(name, data)])
    [outcome] = merge(tmp_path / "s.sqlite", cut)
    assert outcome.status == "refused" and "missing file data.json" in outcome.problems


def test_an_unlisted_file_refuses_the_bundle(tmp_path, bundle):
    extra = rewrite_zip(bundle, tmp_path / "extra.zip", lambda name, data: [(name, data)] + (
        [("tables/extra.csv", b"x")] if name == "data.json" else []))
    [outcome] = merge(tmp_path / "s.sqlite", extra)
    assert outcome.status == "refused" and "file not in manifest.json: tables/extra.csv" in outcome.problems


@pytest.mark.parametrize("evil", ["../../x", "/tmp/x", "screenshots/../../x", "C:\\x"])
def test_path_traversal_names_are_refused(tmp_path, bundle, evil):
    def change(name, data):
        if name == "manifest.json":  # listed too, so only the name can be the reason
            manifest = json.loads(data)
            manifest["files"].append({"path": evil, "sha256": "0" * 64, "size": 1})
            return [(name, json.dumps(manifest).encode())]
        return [(name, data)] + ([(evil, b"x")] if name == "data.json" else [])

    db = tmp_path / "deep" / "er" / "s.sqlite"
    db.parent.mkdir(parents=True)
    [outcome] = merge(db, rewrite_zip(bundle, tmp_path / "evil.zip", change))
    assert outcome.status == "refused"
    assert f"unsafe file name {evil!r}" in outcome.problems
    assert not (tmp_path / "x").exists() and not (db.parent / "x").exists()
    assert count(db, "participant") == 0


def test_merging_twice_adds_nothing_and_a_newer_export_updates(tmp_path):
    layout = participant(tmp_path, 0)
    other = participant(tmp_path, 1)
    first, second = export(layout, tmp_path / "a.zip"), export(other, tmp_path / "b.zip")
    db = tmp_path / "study.sqlite"
    assert [o.status for o in merge(db, first, second)] == ["added", "added"]
    before = {t: count(db, t) for t in ("participant", "message", "recommended_track", "event", "interview", "protocol_day")}
    assert [o.status for o in merge(db, first, second)] == ["unchanged", "unchanged"]
    assert {t: count(db, t) for t in before} == before

    store = open_store(layout)
    with store.session() as session:
        session.add(Interview(week=4, notes="최종 인터뷰", happened_at=NOW))
        session.commit()
    store.close()
    newer = export(layout, tmp_path / "a2.zip", now=NOW + dt.timedelta(hours=1))
    assert [o.status for o in merge(db, newer)] == ["updated"]
    assert count(db, "participant") == 2
    assert count(db, "interview") == before["interview"] + 1
    assert count(db, "message") == before["message"]  # replaced, not added twice
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT notes FROM interview WHERE week = 4").fetchone()[0] == "최종 인터뷰"
    # the earlier export is now older than what is merged: skipped
    assert [o.status for o in merge(db, first)] == ["older"]
    assert count(db, "interview") == before["interview"] + 1


def test_participants_are_kept_apart(tmp_path):
    layouts = [participant(tmp_path, i) for i in range(2)]
    db = tmp_path / "study.sqlite"
    merge(db, *[export(l, tmp_path / f"{i}.zip") for i, l in enumerate(layouts)])
    with sqlite3.connect(db) as conn:
        codes = dict(conn.execute("SELECT participant_code, id FROM participant"))
        for layout, code in zip(layouts, ("P001", "P002")):
            with sqlite3.connect(layout.database) as source:
                want = source.execute("SELECT id, text FROM message ORDER BY id").fetchall()
            got = conn.execute("SELECT id, text FROM message WHERE participant_id = ? ORDER BY id", (codes[code],)).fetchall()
            assert got == want
        # the same local ids exist for both participants, side by side
        assert conn.execute("SELECT count(DISTINCT participant_id) FROM message WHERE id = 1").fetchone()[0] == 2
