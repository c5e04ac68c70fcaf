"""Export → merge → report, end to end through the command line, with Korean text."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
import zipfile

from research_helpers import count, export, participant

from diaryrec.__main__ import main
from diaryrec.research.tables import TABLES, csv_columns

STUDY_TABLES = ["conversation", "message", "recommended_track", "feedback", "diary_entry", "diary_screenshot",
                "sheet_version", "ice_breaking_answer", "ideation_item", "interview"]


def test_export_merge_report_round_trip(tmp_path, capsys):
    layouts = [participant(tmp_path, i) for i in range(3)]
    bundles = [tmp_path / f"P{i}.zip" for i in range(3)]
    assert main(["--data-dir", str(layouts[0].root), "export", "--out", str(bundles[0])]) == 0
    captured = capsys.readouterr()
    assert "Exported participant P001" in captured.out
    assert re.search(r"\[\d+/\d+\] data\.json", captured.err)  # progress on stderr
    for layout, bundle in zip(layouts[1:], bundles[1:]):
        export(layout, bundle)

    db = tmp_path / "study.sqlite"
    assert main(["research", "merge", *map(str, bundles), "--out", str(db)]) == 0
    assert "3 of 3 bundles merged" in capsys.readouterr().out
    assert count(db, "participant") == 3
    for table in STUDY_TABLES:
        assert count(db, table) == sum(count(l.database, table) for l in layouts), table
    # the CLI export logged export_made into the participant's database after taking its snapshot
    assert count(db, "event") == sum(count(l.database, "event", "WHERE kind != 'export_made'") for l in layouts)
    assert count(db, "protocol_day") == 3 * 21
    with sqlite3.connect(db) as conn:
        texts = [r[0] for r in conn.execute("SELECT text FROM message WHERE role = 'user'")]
        assert texts and all("비 오는 날" in t for t in texts)
        shots = conn.execute(
            "SELECT p.files_folder, s.file_name, s.sha256 FROM diary_screenshot s JOIN participant p ON p.id = s.participant_id"
        ).fetchall()
    files_root = tmp_path / "study-files"
    assert shots
    for folder, name, sha in shots:
        assert hashlib.sha256((files_root / folder / "screenshots" / name).read_bytes()).hexdigest() == sha

    report, csv_dir = tmp_path / "report.html", tmp_path / "aggregates"
    assert main(["research", "report", str(db), "--out", str(report), "--csv", str(csv_dir)]) == 0
    html = report.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "사진 DJ" in html and "사진 DJ 2" in html  # the week 2 → week 3 sheet, side by side
    for svg in re.findall(r"<svg.*?</svg>", html, flags=re.DOTALL):
        ET.fromstring(svg)  # every chart is well-formed
    assert len(re.findall(r"<title>P00\d day \d+: ", html)) == 3 * 21

    raw = (csv_dir / "verdicts_by_week.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert sum(int(r["not_found"]) for r in rows) == sum(
        count(l.database, "recommended_track", "WHERE verdict = 'not_found'") for l in layouts)
    assert sum(int(r["total"]) for r in rows) == count(db, "recommended_track")
    changes = list(csv.DictReader(io.StringIO((csv_dir / "sheet_changes.csv").read_text(encoding="utf-8-sig"))))
    assert {"P001", "P002", "P003"} == {r["participant_code"] for r in changes}
    assert any(r["field"] == "name" and r["week3"] == "사진 DJ 2" and r["changed"] == "true" for r in changes)
    compliance = list(csv.DictReader(io.StringIO((csv_dir / "compliance.csv").read_text(encoding="utf-8-sig"))))
    with sqlite3.connect(layouts[1].database) as conn:
        saved_days = {r[0] for r in conn.execute("SELECT study_day FROM diary_entry WHERE status = 'saved'")}
    p2 = {int(r["day"]): r["state"] for r in compliance if r["participant_code"] == "P002"}
    assert {d for d, s in p2.items() if s in ("done", "late", "partly")} >= saved_days
    assert all(s in ("done", "late", "partly", "missed") for s in p2.values())


def test_bundle_contents_match_the_issue(tmp_path):
    layout = participant(tmp_path, 0)
    bundle = export(layout, tmp_path / "b.zip")
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        assert {"bundle_format_version", "app_version", "study_id", "participant_code", "exported_at"} <= set(manifest)
        assert manifest["exported_at"].endswith("+09:00")
        listed = {f["path"]: f for f in manifest["files"]}
        assert set(listed) == names - {"manifest.json"}
        for name, entry in listed.items():
            data = archive.read(name)
            assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["size"]
        for spec in TABLES:
            raw = archive.read(spec.file)
            assert raw.startswith(b"\xef\xbb\xbf"), spec.file
            header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
            assert header == csv_columns(spec)
        messages = list(csv.DictReader(io.StringIO(archive.read("tables/message.csv").decode("utf-8-sig"))))
        assert messages and all(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+09:00$", m["created_at"]) for m in messages)
        assert any("비 오는 날" in m["text"] for m in messages)
        data = json.loads(archive.read("data.json"))
        assert len(data["protocol_days"]) == 21
        assert {d["state"] for d in data["protocol_days"]} <= {"done", "late", "partly", "missed"}
        tracks = [t for c in data["conversations"] for m in c["messages"] for t in m["tracks"]]
        assert len(tracks) == count(layout.database, "recommended_track")
        prompts = sorted(n for n in names if n.startswith("prompts/"))
        assert prompts == ["prompts/recommender-1-v1.txt", "prompts/recommender-1-v2.txt"]
        assert "사진" in archive.read(prompts[0]).decode("utf-8")
        shots = [n for n in names if n.startswith("screenshots/")]
        assert len(shots) == count(layout.database, "diary_screenshot")
        readme = archive.read("README.md").decode("utf-8")
        for spec in TABLES:
            assert f"`{spec.file}`" in readme
            for column in spec.columns:
                assert f"| `{column}` |" in readme, (spec.name, column)
