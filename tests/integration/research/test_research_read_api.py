"""The read API the researcher window will use: plain objects from a merged database
or straight from a folder of bundles."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest
from research_helpers import NOW, export, participant, rewrite_zip

import diaryrec.research.merge as merge_module
from diaryrec.research.merge import MergeStoppedError, merge_bundles
from diaryrec.research.merged import open_merged
from diaryrec.research.read import StudyDataError, open_study_data
from diaryrec.store import open_store
from diaryrec.store.models import Interview


def test_a_folder_of_bundles_opens_as_study_data(tmp_path):
    layouts = [participant(tmp_path, i) for i in range(2)]
    folder = tmp_path / "bundles"
    folder.mkdir()
    for i, layout in enumerate(layouts):
        export(layout, folder / f"P{i}.zip")
    rewrite_zip(folder / "P0.zip", folder / "broken.zip",
                lambda name, data: [(name, data + b" ") if name == "data.json" else (name, data)])

    with open_study_data(folder) as data:
        assert [o.bundle for o in data.refused] == ["broken.zip"]
        people = data.participants()
        assert [p.code for p in people] == ["P001", "P002"]
        first = people[0]
        with sqlite3.connect(layouts[0].database) as source:
            saved = source.execute("SELECT count(*) FROM diary_entry WHERE status = 'saved'").fetchone()[0]
            tracks = source.execute("SELECT count(*) FROM recommended_track").fetchone()[0]
            rated = source.execute("SELECT rating FROM feedback WHERE track_id = 1").fetchone()[0]
        assert first.diary_entries == saved and first.days_total == 21
        assert first.days_done + first.days_partly + first.days_missed == 21
        assert 0 < first.compliance <= 1
        conversations = data.conversations(first.id)
        cards = [t for c in conversations for m in c.messages for t in m.tracks]
        assert len(cards) == tracks
        assert next(t for t in cards if t.id == 1).ratings == (rated,)
        assert conversations[0].messages[0].role == "user" and "비 오는 날" in conversations[0].messages[0].text
        entries = data.diary_entries(first.id)
        assert entries and all(p is not None and p.is_file() for e in entries for p in e.screenshots)
        sheets = data.sheet_versions(first.id)
        assert [(s.version, s.content["name"]) for s in sheets] == [(1, "사진 DJ"), (2, "사진 DJ 2")]
        assert sheets[1].based_on_id == sheets[0].id
        days = data.protocol_days(first.id)
        assert [d.number for d in days] == list(range(1, 22)) and days[7].activity == "planning_sheet"
        for value in (first, conversations[0], cards[0], entries[0], sheets[0], days[0]):
            assert dataclasses.is_dataclass(value) and value.__dataclass_params__.frozen
        temp = data._temp
    assert temp is not None and not temp.exists()  # closing removes the temporary merge


def test_opening_nothing_says_what_is_missing(tmp_path):
    with pytest.raises(StudyDataError, match="no merged study database"):
        open_study_data(tmp_path / "nope.sqlite")
    (tmp_path / "empty").mkdir()
    with pytest.raises(StudyDataError, match="no export bundles"):
        open_study_data(tmp_path / "empty")


def test_a_failed_update_keeps_the_earlier_rows_and_files(tmp_path, monkeypatch):
    layout = participant(tmp_path, 0)
    db = tmp_path / "study.sqlite"
    files = tmp_path / "files"
    engine = open_merged(str(db))
    try:
        [first] = merge_bundles(engine, [export(layout, tmp_path / "a.zip")], files)
        store = open_store(layout)
        with store.session() as session:
            session.add(Interview(week=4, notes="추가", happened_at=NOW))
            session.commit()
        store.close()
        newer = export(layout, tmp_path / "b.zip", now=NOW + dt.timedelta(days=1))

        def broken(archive, target):
            (target / "half").write_bytes(b"x")
            raise OSError("disk full")

        monkeypatch.setattr(merge_module, "_extract_files", broken)
        with pytest.raises(MergeStoppedError, match="disk full"):
            merge_bundles(engine, [newer], files)
    finally:
        engine.dispose()
    assert first.status == "added"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM interview WHERE week = 4").fetchone()[0] == 0
        folder = conn.execute("SELECT files_folder FROM participant").fetchone()[0]
    assert len(list((files / folder / "screenshots").iterdir())) > 0
    assert [p.name for p in files.rglob("*") if p.name.startswith(".incoming") or p.name == "half"] == []
