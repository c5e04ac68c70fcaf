"""``diaryrec research demo-study``: a study to try the tools on. Its bundles pass the
bundle gate, merge and report; its participants write in Korean and English; its
sheets are real sheets whose prompts compile as the app compiles them."""

import json
import sqlite3
import zipfile

import pytest

from diaryrec.__main__ import main
from diaryrec.research.demo import STUDY_FILE
from diaryrec.sheets.io import load_sheet_file
from diaryrec.research.merge import verify_bundle
from diaryrec.sheets import compile_sheet, parse_sheet


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo") / "한국어 데모"
    assert main(["research", "demo-study", str(folder), "--participants", "2"]) == 0
    return folder


def test_it_writes_a_study_file_bundles_and_data_folders_and_says_what_to_run(tmp_path, capsys):
    folder = tmp_path / "demo"
    assert main(["research", "demo-study", str(folder), "--participants", "1"]) == 0
    out = capsys.readouterr().out
    bundles = folder / "bundles"
    assert f"diaryrec research report {bundles} --out" in out
    assert f"diaryrec research merge {bundles} --out {folder / 'study.sqlite'}" in out
    assert f"diaryrec research data-inventory {folder / STUDY_FILE}" in out
    assert sorted(p.name for p in folder.iterdir()) == ["bundles", "participants", "sheet-P001.json", STUDY_FILE]
    assert load_sheet_file(folder / "sheet-P001.json").name  # the first participant's planning sheet, to probe
    assert [p.name for p in bundles.iterdir()] == ["P001.zip"]
    assert (folder / "participants" / "P001" / "diaryrec.sqlite").is_file()
    assert main(["research", "demo-study", str(folder)]) == 2  # a folder that holds files is left alone
    assert "already holds files" in capsys.readouterr().err


def test_the_study_file_is_ready_to_check(demo, capsys):
    assert main(["research", "check-study", str(demo / STUDY_FILE)]) == 0
    assert "demo-study" in capsys.readouterr().out


def test_every_bundle_passes_the_gate_and_names_the_demo_study(demo):
    bundles = sorted((demo / "bundles").glob("*.zip"))
    assert [b.name for b in bundles] == ["P001.zip", "P002.zip"]
    for bundle in bundles:
        with zipfile.ZipFile(bundle) as archive:
            verified = verify_bundle(bundle, archive)
        assert verified.manifest["study_id"] == "demo-study"
        assert verified.files_bytes > 0  # the screenshots are in it


def test_it_merges_and_reports_korean_and_english_participants(demo, tmp_path, capsys):
    database = tmp_path / "study.sqlite"
    assert main(["research", "merge", str(demo / "bundles"), "--out", str(database)]) == 0
    assert "2 of 2 bundles merged" in capsys.readouterr().out
    with sqlite3.connect(database) as conn:
        asked = dict(conn.execute(
            "SELECT p.participant_code, m.text FROM message m JOIN participant p ON p.id = m.participant_id "
            "WHERE m.role = 'user' GROUP BY p.participant_code"))
        sheets = conn.execute("SELECT kind, sheet_key, content, compiled_prompt, sheet_sha256 FROM sheet_version").fetchall()
        unlinked = conn.execute("SELECT count(*) FROM conversation WHERE sheet_version_id IS NULL AND purpose != 'ice_breaking'").fetchone()[0]
    conn.close()
    assert "비 오는 날" in asked["P001"] and "rainy afternoon" in asked["P002"]
    assert unlinked == 0  # every conversation after day 1 names the sheet whose prompt it used
    assert {kind for kind, *_ in sheets} == {"daily", "planning"}
    for _kind, key, content, prompt, digest in sheets:
        compiled = compile_sheet(parse_sheet(json.loads(content), key))  # the real sheet format
        assert (compiled.system_prompt, compiled.sheet_sha256) == (prompt, digest)

    report = tmp_path / "report.html"
    assert main(["research", "report", str(demo / "bundles"), "--out", str(report), "--csv", str(tmp_path / "tables")]) == 0
    page = report.read_text(encoding="utf-8")
    assert "P001" in page and "P002" in page and "사진 DJ" in page and "Photo DJ" in page
    assert (tmp_path / "tables" / "participants.csv").read_text(encoding="utf-8-sig").count("demo-study") == 2
