"""``diaryrec research export-qda``: the study as a REFI-QDA project. Every project.qde
made here is validated against the standard's schema (tests/data/refi-qda/Project.xsd,
with xmlschema) and read back with an independent reader (pyrefiqda)."""

from __future__ import annotations

import re
import shutil
import uuid
import zipfile
from pathlib import Path

import pytest
import xmlschema
from pyrefiqda import RefiProject

from diaryrec.__main__ import main
from diaryrec.research.merge import merge_bundles
from diaryrec.research.merged import open_merged
from diaryrec.protocol.schedule import DayState
from diaryrec.research.qda import PROJECT_FILE, QdaExportError, export_qda, scenario_names
from diaryrec.research.read import open_study_data
from tests.integration.research.research_helpers import NOW, export, participant
from tests.unit.research.transcript_helpers import FREE_TEXT, PHOTO_NAME, TRICKY_TEXT, enriched_bundle, photo_bytes

SCHEMA = Path(__file__).resolve().parents[2] / "data" / "refi-qda" / "Project.xsd"
NAME = re.compile(r"P00[12] · day \d\d · (diary|conversation( \d+)?|ice-breaking sheet)"
                  r"( · (screenshot|photo) \d+)?")


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA))


@pytest.fixture(scope="module")
def bundles(tmp_path_factory) -> Path:
    """Two participants' bundles in one folder: P001 with the helper's extras, P002 as synthesised."""
    root = tmp_path_factory.mktemp("qda")
    folder = root / "bundles"
    folder.mkdir()
    shutil.move(enriched_bundle(root, 0), folder / "P001.zip")
    export(participant(root, 1), folder / "P002.zip")
    return folder


@pytest.fixture(scope="module")
def qdpx(bundles, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("qda-out") / "study.qdpx"
    with open_study_data(bundles) as data:
        export_qda(data, out)
    return out


def _validated(schema: xmlschema.XMLSchema, qdpx: Path) -> None:
    with zipfile.ZipFile(qdpx) as archive:
        schema.validate(archive.read(PROJECT_FILE).decode("utf-8"))


def _load(qdpx: Path, where: Path):
    return RefiProject.load(qdpx, extract_dir=str(where))


def _text_of(source, where: Path) -> str:
    return RefiProject.resolve_source_path(source.plain_text_path, where).read_text(encoding="utf-8")


def _values(holder, project) -> dict[str, object]:
    """A case's or a source's variables by name."""
    names = {v.guid: v.name for v in project.variables.variable}
    out = {}
    for value in holder.variable_value:
        out[names[value.variable_ref.target_guid]] = next(
            v for v in (value.text_value, value.integer_value, value.float_value) if v is not None)
    return out


def test_the_project_is_valid_qda_xml(schema, qdpx):
    _validated(schema, qdpx)
    with zipfile.ZipFile(qdpx) as archive:
        names = archive.namelist()
    assert names[0] == PROJECT_FILE
    assert all(n == PROJECT_FILE or re.fullmatch(r"sources/[0-9a-f-]{36}\.(txt|png|jpg)", n) for n in names)


def test_an_independent_reader_finds_every_source_with_its_text(qdpx, bundles, tmp_path):
    project = _load(qdpx, tmp_path)
    texts, pictures = project.sources.text_source, project.sources.picture_source
    with open_study_data(bundles) as data:
        people = {p.code: p for p in data.participants()}
        diaries = sum(len(data.diary_entries(p.id)) for p in people.values())
        conversations = sum(len(data.conversations(p.id)) for p in people.values())
        screenshots = sum(len(d.screenshots) for p in people.values() for d in data.diary_entries(p.id))
    assert len(texts) == diaries + conversations + 2  # one ice-breaking sheet each
    assert len(pictures) == screenshots + 1  # and the one photo
    for source in [*texts, *pictures]:
        assert NAME.fullmatch(source.name), source.name
        uuid.UUID(source.guid)
    assert len({s.name for s in [*texts, *pictures]}) == len(texts) + len(pictures)
    for source in texts:
        assert source.plain_text_path == f"internal://{source.guid}.txt"
        assert _text_of(source, tmp_path).strip()
    by_name = {s.name: s for s in [*texts, *pictures]}
    photo = by_name["P001 · day 01 · conversation · photo 1"]
    assert RefiProject.resolve_source_path(photo.path, tmp_path).read_bytes() == photo_bytes()
    screenshot = by_name["P001 · day 01 · diary · screenshot 1"]
    assert RefiProject.resolve_source_path(screenshot.path, tmp_path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_korean_text_survives_the_round_trip(qdpx, tmp_path):
    project = _load(qdpx, tmp_path)
    texts = {s.name: _text_of(s, tmp_path) for s in project.sources.text_source}
    chat = texts["P001 · day 01 · conversation"]
    assert TRICKY_TEXT.replace("\x07", "") in chat  # the character XML cannot hold is not in the text either
    assert "\x07" not in chat
    assert "Suggested tracks:" in chat and "found in MusicBrainz" in chat and "not found in Spotify" in chat
    assert f"Feedback: wrote: {FREE_TEXT}" in chat
    assert "[picture attached: see P001 · day 01 · conversation · photo 1]" in chat
    assert "llm.example.org" in chat and "key=abc" not in chat
    diary = next(t for n, t in texts.items() if n.startswith("P002") and n.endswith("diary"))
    assert re.search("[가-힣]", diary)
    assert "[screenshot: see P002 · day" in diary
    sheet = texts["P001 · day 01 · ice-breaking sheet"]
    assert "Stage 1: 선호 분석" in sheet and "(+) 이런 방식의 장점은 무엇인가요? 편하다" in sheet
    assert "- 오늘의 날씨와 기분" in sheet
    descriptions = [s.description for s in project.sources.text_source]
    assert any("+09:00" in d for d in descriptions)


def test_one_case_per_participant_with_its_variables(qdpx, bundles, tmp_path):
    project = _load(qdpx, tmp_path)
    cases = {c.name: c for c in project.cases.case}
    assert sorted(cases) == ["P001", "P002"]
    every = {s.guid: s for s in [*project.sources.text_source, *project.sources.picture_source]}
    with open_study_data(bundles) as data:
        for person in data.participants():
            case = cases[person.code]
            values = _values(case, project)
            days = data.protocol_days(person.id)
            ended = [d for d in days if d.state not in (DayState.TODAY, DayState.UPCOMING)]
            done = sum(d.state in (DayState.DONE, DayState.LATE) for d in ended)
            assert values["participant code"] == person.code
            assert values["study"] == person.study_id
            assert values["scenario names"] == "사진 DJ → 사진 DJ 2"
            assert float(values["compliance %"]) == round(100 * done / len(ended), 1)
            assert (values["days done"], values["days ended"], values["study days"]) == (done, len(ended), len(days))
            assert values["week reached"] == max(d.week for d in ended)
            refs = [every[r.target_guid] for r in case.source_ref]
            assert {s.name.split(" · ")[0] for s in refs} == {person.code}
            weeks = {d.number: d.week for d in days}
            for source in refs:
                own = _values(source, project)
                assert own["participant code"] == person.code
                assert own["week"] == weeks[own["study day"]]
                assert f"day {own['study day']:02d}" in source.name
    sets = {s.name: s for s in project.sets.set}
    assert {"diary entries", "conversations", "ice-breaking sheets", "diary screenshots", "photos attached to messages"} <= set(sets)
    assert any(name.startswith("week 2 · ") for name in sets)


def test_scenario_names_follow_each_sheet_through_its_versions():
    sheets = [
        {"kind": "planning", "sheet_key": "recommender-1", "version": 2, "content": {"name": "Photo DJ at dawn"}},
        {"kind": "planning", "sheet_key": "recommender-1", "version": 1, "content": {"name": "Photo DJ"}},
        {"kind": "daily", "sheet_key": "day-3", "version": 1, "content": {"name": "not a scenario"}},
        {"kind": "planning", "sheet_key": "recommender-2", "version": 3, "content": {"name": "산책 DJ"}},
        {"kind": "planning", "sheet_key": "recommender-2", "version": 4, "content": {"name": "산책 DJ"}},
    ]
    assert scenario_names(sheets) == "Photo DJ → Photo DJ at dawn; 산책 DJ"


def test_exporting_again_gives_the_same_project(schema, qdpx, bundles, tmp_path):
    again = tmp_path / "again.qdpx"
    with open_study_data(bundles) as data:
        export_qda(data, again)
    _validated(schema, again)
    assert again.read_bytes() == qdpx.read_bytes()


def test_a_merged_database_without_its_files_gives_text_sources_only(schema, bundles, tmp_path):
    database = tmp_path / "study.sqlite"
    engine = open_merged(str(database))
    try:
        merge_bundles(engine, sorted(bundles.glob("*.zip")), None)  # no files extracted
    finally:
        engine.dispose()
    out = tmp_path / "text-only.qdpx"
    with open_study_data(database) as data:
        result = export_qda(data, out)
    _validated(schema, out)
    assert result.picture_sources == 0 and result.text_sources > 0
    assert f"P001 · day 01 · conversation · photo 1 ({PHOTO_NAME})" in result.pictures_missing
    project = _load(out, tmp_path / "x")
    assert project.sources.picture_source == []


def test_the_command(schema, bundles, tmp_path, capsys):
    out = tmp_path / "연구.qdpx"
    assert main(["research", "export-qda", str(bundles), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"Wrote {out}: 2 participant(s)" in said
    _validated(schema, out)
    assert main(["research", "export-qda", str(tmp_path / "none.sqlite"), "--out", str(tmp_path / "x.qdpx")]) != 0
    assert "There is no merged study database" in capsys.readouterr().err
    assert not (tmp_path / "x.qdpx").exists()


def test_an_empty_study_is_said_in_words(tmp_path):
    database = tmp_path / "empty.sqlite"
    open_merged(str(database)).dispose()
    with open_study_data(database) as data, pytest.raises(QdaExportError, match="no participants"):  # no traceback
        export_qda(data, tmp_path / "x.qdpx")
    assert not (tmp_path / "x.qdpx").exists()


def test_now_is_not_in_the_project(qdpx):
    """Re-exports are stable because no time of the export itself goes in: only the participants'."""
    with zipfile.ZipFile(qdpx) as archive:
        xml = archive.read(PROJECT_FILE).decode("utf-8")
        assert {i.date_time for i in archive.infolist()} == {NOW.timetuple()[:6]}
    assert f'creationDateTime="{NOW.isoformat()}"' in xml
