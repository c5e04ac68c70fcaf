from __future__ import annotations

import json

import pytest

from diaryrec.sheets import (
    SHEET_KEYS,
    IceBreakingAnswers,
    PlanningSheet,
    SheetError,
    canonical_json,
    load_sheet_file,
    parse_sheet,
    sheet_from_json,
    sheet_sha256,
    sheet_to_json,
)

from tests.unit.sheets.sheet_samples import sheet_data


def test_the_json_keys_are_exactly_the_issue_s():
    assert SHEET_KEYS == ("name", "objective", "preference_input", "presentation", "feedback", "language")


def test_export_and_import_round_trip_keeps_korean(tmp_path):
    sheet = parse_sheet(sheet_data())
    text = sheet_to_json(sheet)
    assert "사진 DJ" in text and "\\u" not in text
    assert list(json.loads(text)) == list(SHEET_KEYS)
    path = tmp_path / "sheet.json"
    path.write_text(text, encoding="utf-8")
    assert load_sheet_file(path) == sheet


def test_unknown_keys_are_named_at_every_level():
    data = sheet_data(colour="blue")
    data["presentation"] = {**data["presentation"], "font": "big"}
    with pytest.raises(SheetError) as err:
        parse_sheet(data, source="mine.json")
    assert "mine.json" in str(err.value)
    assert "'colour'" in str(err.value) and "'presentation.font'" in str(err.value)


def test_missing_keys_and_bad_values_are_named():
    data = sheet_data()
    del data["objective"]
    data["presentation"] = {**data["presentation"], "track_count": 99}
    data["feedback"] = {"modes": ["rating", "smoke_signals"]}
    with pytest.raises(SheetError) as err:
        parse_sheet(data)
    message = str(err.value)
    assert "'objective'" in message and "presentation.track_count" in message and "feedback.modes.1" in message


def test_own_feedback_needs_the_participant_s_description():
    with pytest.raises(SheetError, match="own_description"):
        parse_sheet(sheet_data(feedback={"modes": ["own"]}))
    sheet = parse_sheet(sheet_data(feedback={"modes": ["own"], "own_description": "이모지로 답하기"}))
    assert sheet.feedback.own_description == "이모지로 답하기"


def test_a_sheet_without_any_preference_input_is_refused():
    with pytest.raises(SheetError, match="preference_input"):
        parse_sheet(sheet_data(preference_input={"data_types": [], "own_data_types": [], "notes": ""}))


def test_sha256_is_of_the_canonical_form():
    a = parse_sheet(sheet_data())
    reordered = dict(reversed(list(sheet_data().items())))
    b = parse_sheet(reordered)
    assert canonical_json(a) == canonical_json(b)
    assert sheet_sha256(a) == sheet_sha256(b)
    c = parse_sheet(sheet_data(objective="다른 목적"))
    assert sheet_sha256(c) != sheet_sha256(a)
    assert len(sheet_sha256(a)) == 64


def test_file_errors_name_the_file_and_line(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "name": "x",\n  oops\n}', encoding="utf-8")
    with pytest.raises(SheetError, match=r"broken.json, line 3"):
        load_sheet_file(broken)
    with pytest.raises(SheetError, match="no such file"):
        load_sheet_file(tmp_path / "missing.json")
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(sheet_data(), ensure_ascii=False).encode("utf-8"))
    assert load_sheet_file(bom).name == "사진 DJ"
    with pytest.raises(SheetError, match="JSON object"):
        sheet_from_json("[1, 2]")


def test_duplicates_in_choices_collapse():
    sheet = parse_sheet(sheet_data(feedback={"modes": ["rating", "rating", "tournament"]}))
    assert [str(m) for m in sheet.feedback.modes] == ["rating", "tournament"]
    assert isinstance(sheet, PlanningSheet)


def test_ice_breaking_answers_refuse_unknown_tasks(default_study):
    task_ids = [t.id for t in default_study.study.ice_breaking.tasks]
    answers = IceBreakingAnswers.model_validate({
        "answers": [{"task_id": "s1-demographics", "pros": "빠르다", "cons": "너무 일반적"}],
        "ideas": [{"stage": 1, "text": "좋아하는 사진"}, {"stage": 1, "text": "오늘 날씨"}, {"stage": 3, "text": "이모지"}],
    })
    answers.check_tasks(task_ids)
    assert answers.ideas_for(1) == ["좋아하는 사진", "오늘 날씨"]
    bad = IceBreakingAnswers.model_validate({"answers": [{"task_id": "s9-nope"}]})
    with pytest.raises(ValueError, match="s9-nope"):
        bad.check_tasks(task_ids)
