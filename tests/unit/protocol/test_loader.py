from pathlib import Path

import pytest

from diaryrec.protocol import StudyFileError, load_default_study, load_study_file, parse_study_text
from diaryrec.protocol.model import Activity, UnknownTracks


def test_default_protocol_is_the_papers(default_study):
    study = default_study.study
    assert study.total_days == 21
    assert [w.days for w in study.weeks] == [7, 7, 7]
    assert [w.first_day_activity for w in study.weeks] == [
        Activity.ICE_BREAKING,
        Activity.PLANNING_SHEET,
        Activity.PLANNING_REVISION,
    ]
    tasks = study.ice_breaking.tasks
    assert len(tasks) == 10
    assert [t.stage for t in tasks] == [1, 1, 1, 1, 2, 2, 2, 3, 3, 3]
    assert "five favourite songs" in tasks[1].instruction.get("en")
    assert "다섯 곡" in tasks[1].instruction.get("ko")
    assert tasks[3].wants_image
    assert study.study.unknown_tracks is UnknownTracks.REPLACE
    week1 = [q.id for q in study.weeks[0].diary_questions]
    week2 = [q.id for q in study.weeks[1].diary_questions]
    assert week1 == ["screenshot", "pros_cons"]
    assert week2 == ["screenshot", "strengths_weaknesses", "suggestions"]


def test_text_falls_back_to_another_language(default_study):
    name = default_study.study.study.name
    assert name.get("ko") == "나만의 음악 추천 시스템 만들기"
    assert name.get("fr") == "Design your own music recommender"


def _broken(default_study, old: str, new: str, count: int = 1) -> str:
    assert old in default_study.text, old
    return default_study.text.replace(old, new, count)


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == nth:
                return number
    raise AssertionError(needle)


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ('time_zone = ""', 'time_zone = "Mars/Olympus"', "study.time_zone", "unknown time zone"),
        ('day_starts_at = "04:00"', 'day_starts_at = "4 am"', "study.day_starts_at", "04:00"),
        ('unknown_tracks = "replace"', 'unknown_tracks = "ignore"', "study.unknown_tracks", "replace"),
        ('market = "KR"', 'market = "korea"', "catalog.market", "pattern"),
        ('late_after_hours = 0', 'late_after_hours = "soon"', "study.late_after_hours", "integer"),
        ('base_url = "https://api.openai.com/v1"', 'base_url = "ftp://x"', "llm.base_url", "pattern"),
    ],
)
def test_wrong_values_name_file_line_and_field(default_study, old, new, field, words):
    text = _broken(default_study, old, new)
    with pytest.raises(StudyFileError) as info:
        parse_study_text(text, source="pilot.toml")
    err = info.value
    assert err.file == "pilot.toml"
    assert err.field == field
    assert err.line == _line_of(text, new)
    assert words in str(err)
    assert str(err).startswith(f"pilot.toml, line {err.line}: field {field}:")


def test_error_inside_an_array_of_tables_points_at_that_entry(default_study):
    text = _broken(default_study, 'kind = "text"', 'kind = "video"', 1)
    with pytest.raises(StudyFileError) as info:
        parse_study_text(text, source="s.toml")
    assert info.value.field == "weeks[0].diary_questions[1].kind"
    assert info.value.line == _line_of(text, 'kind = "video"')


def test_missing_field_points_at_its_table(default_study):
    text = _broken(default_study, "instruction = { en = \"Rate", "instrction = { en = \"Rate")
    with pytest.raises(StudyFileError) as info:
        parse_study_text(text, source="s.toml")
    # The unknown key is reported first or the missing one; either names task 8's line.
    assert info.value.field.startswith("ice_breaking.tasks[7]")
    assert info.value.line is not None
    assert _line_of(text, "[[ice_breaking.tasks]]", 8) <= info.value.line <= _line_of(text, "instrction")


def test_unknown_key_is_named(default_study):
    text = _broken(default_study, 'market = "KR"', 'market = "KR"\nmarkt = "US"')
    with pytest.raises(StudyFileError) as info:
        parse_study_text(text, source="s.toml")
    assert info.value.field == "catalog.markt"
    assert "not a known field" in str(info.value)
    assert info.value.line == _line_of(text, 'markt = "US"')


def test_toml_syntax_error_names_the_line(default_study):
    text = default_study.text + "\n[broken\n"
    with pytest.raises(StudyFileError) as info:
        parse_study_text(text, source="s.toml")
    assert info.value.line == len(text.splitlines())
    assert "not valid TOML" in str(info.value)


def test_weeks_out_of_order(default_study):
    text = _broken(default_study, "number = 2\nname = { en = \"Selecting\"", "number = 5\nname = { en = \"Selecting\"")
    with pytest.raises(StudyFileError, match="weeks must be numbered"):
        parse_study_text(text)


def test_duplicate_task_ids(default_study):
    text = _broken(default_study, 'id = "s1-describe"', 'id = "s1-demographics"')
    with pytest.raises(StudyFileError, match="repeated: s1-demographics"):
        parse_study_text(text)


def test_not_utf8_and_too_large_and_missing(tmp_path: Path):
    bad = tmp_path / "latin1.toml"
    bad.write_bytes('format_version = 1\n# caf\xe9\n'.encode("latin-1"))
    with pytest.raises(StudyFileError, match="latin1.toml, line 2: is not UTF-8"):
        load_study_file(bad)
    huge = tmp_path / "huge.toml"
    huge.write_bytes(b"# " + b"x" * 1_100_000)
    with pytest.raises(StudyFileError, match="at most"):
        load_study_file(huge)
    with pytest.raises(StudyFileError, match="cannot be read"):
        load_study_file(tmp_path / "nope.toml")


def test_text_with_nul_is_refused(default_study):
    text = _broken(default_study, 'name = "Study team"', 'name = "Study\\u0000team"')
    with pytest.raises(StudyFileError) as info:
        parse_study_text(text)
    assert info.value.field == "study.researcher.name"
    assert "NUL" in str(info.value)


def test_a_bom_is_accepted(tmp_path: Path, default_study):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + default_study.text.encode("utf-8"))
    assert load_study_file(path).study.study.id == "yun-lim-2025"
    assert load_default_study().sha256 == default_study.sha256
