from __future__ import annotations

import re

import pytest

from diaryrec.sheets import (
    PromptTemplateError,
    compile_plain_assistant,
    compile_sheet,
    compose_day,
    composer_options,
    parse_sheet,
)
from diaryrec.sheets.prompt_words import label

from tests.unit.sheets.sheet_samples import sheet_data

STANDING = {
    "en": ["Analyse the user's music preferences from the information the user provides",
           "Recommend suitable music according to that analysis", "Ask for feedback on the music you recommended"],
    "ko": ["사용자의 음악 취향을 분석하세요", "알맞은 음악을 추천하세요", "피드백을 요청하세요"],
}
REAL_ONLY = {"en": "Recommend only real, released recordings", "ko": "실제로 발매되어 존재한다고 알고 있는 음원만"}
CONTRACT_KEYS = ['"message"', '"recommendations"', '"title"', '"artist"', '"album"', '"year"', '"reason"',
                 '"keywords"', '"follow_up"', '"kind"', '"question"', '"options"']


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_prompt_has_the_required_parts_in_the_reply_language(language):
    data = sheet_data(language=language, name="My Recommender 7", objective="An objective only I would write")
    data["preference_input"] = {"data_types": ["five_favourite_songs", "event_info"],
                                "own_data_types": ["the smell of rain"], "notes": "notes for stage one"}
    data["presentation"] = {"purposes": ["might_dislike"], "own_purpose": "music for cooking",
                            "explanation_styles": ["personal_why"], "own_explanation_style": "as a haiku",
                            "track_count": 4, "exclusions": ["no remixes"], "explanation_level": "concrete",
                            "notes": "notes for stage two"}
    data["feedback"] = {"modes": ["multiple_choice", "own"], "own_description": "I reply with colours",
                        "notes": "notes for stage three"}
    sheet = parse_sheet(data)
    prompt = compile_sheet(sheet).system_prompt
    for phrase in STANDING[language] + [REAL_ONLY[language]] + CONTRACT_KEYS:
        assert phrase in prompt
    for own_words in ["My Recommender 7", "An objective only I would write", "the smell of rain", "notes for stage one",
                      "music for cooking", "as a haiku", "no remixes", "notes for stage two", "I reply with colours",
                      "notes for stage three"]:
        assert own_words in prompt
    for code in ["five_favourite_songs", "event_info", "might_dislike", "personal_why", "multiple_choice"]:
        assert label(code, language) in prompt
    assert ("4곡" if language == "ko" else "4 tracks") in prompt
    kinds = re.search(r'"kind"(?: is one of|는) (.*?)(?: 중|\.)', prompt).group(1)
    assert kinds == '"multiple_choice", "free_text", "none"'
    if language == "ko":
        assert "한국어로 쓰세요" in prompt
    else:
        assert "in English" in prompt and not re.search(r"[\uac00-\ud7a3]", prompt)


def test_explanation_level_changes_the_instruction():
    texts = {level: compile_sheet(parse_sheet(sheet_data(language="en", presentation={
        "purposes": ["will_like"], "explanation_level": level}))).system_prompt for level in ("concrete", "balanced", "open")}
    assert "deliberately open" in texts["open"] and "do not tell the user what to feel" in texts["open"]
    assert "Level of explanation: concrete" in texts["concrete"]
    assert len(set(texts.values())) == 3


def test_compiled_prompt_carries_template_and_sha():
    sheet = parse_sheet(sheet_data())
    compiled = compile_sheet(sheet)
    assert compiled.template == "recommender.ko.j2"
    assert compiled.as_json()["sheet_sha256"] == compiled.sheet_sha256 != ""


@pytest.mark.parametrize("language", ["en", "ko"])
def test_plain_assistant_with_and_without_contract(language):
    bare = compile_plain_assistant(language, with_contract=False)
    cards = compile_plain_assistant(language)
    assert '"recommendations"' not in bare.system_prompt
    for key in CONTRACT_KEYS:
        assert key in cards.system_prompt
    assert cards.template == "plain_assistant.j2" and cards.sheet_sha256 == ""
    assert ("한국어" in cards.system_prompt) == (language == "ko")


def test_researcher_templates_run_sandboxed_and_fall_back(tmp_path):
    (tmp_path / "recommender.en.j2").write_text(
        "Custom for {{ name }}: {{ objective }}\n{% include 'reply_contract.en.j2' %}", encoding="utf-8")
    sheet = parse_sheet(sheet_data(language="en"))
    compiled = compile_sheet(sheet, tmp_path)
    assert compiled.system_prompt.startswith("Custom for 사진 DJ")
    assert '"follow_up"' in compiled.system_prompt  # the shipped contract, through the fallback
    assert compiled.template == str(tmp_path.resolve() / "recommender.en.j2")
    korean = compile_sheet(parse_sheet(sheet_data(language="ko")), tmp_path)
    assert korean.template == "recommender.ko.j2"  # not in the folder: the shipped one


def test_researcher_templates_cannot_escape_the_sandbox(tmp_path):
    (tmp_path / "recommender.en.j2").write_text("{{ name.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    with pytest.raises(PromptTemplateError, match="sandbox"):
        compile_sheet(parse_sheet(sheet_data(language="en")), tmp_path)


def test_strict_undefined_names_the_missing_variable(tmp_path):
    (tmp_path / "recommender.en.j2").write_text("Hello {{ nickname }}", encoding="utf-8")
    with pytest.raises(PromptTemplateError, match="nickname"):
        compile_sheet(parse_sheet(sheet_data(language="en")), tmp_path)


def test_template_syntax_errors_name_file_and_line(tmp_path):
    (tmp_path / "recommender.en.j2").write_text("line one\n{% if %}\n", encoding="utf-8")
    with pytest.raises(PromptTemplateError, match=r"recommender.en.j2, line 2"):
        compile_sheet(parse_sheet(sheet_data(language="en")), tmp_path)


def test_missing_template_folder_is_a_clear_error(tmp_path):
    with pytest.raises(PromptTemplateError, match="does not exist"):
        compile_sheet(parse_sheet(sheet_data()), tmp_path / "nope")


def test_day_composer_makes_a_planning_sheet_that_compiles_the_same_way():
    day = compose_day(3, "ko", data_types=["mood_image"], own_data_types=["오늘의 날씨"], purposes=["will_like"],
                      explanation_styles=["keywords"], explanation_level="open", track_count=3,
                      feedback_modes=["rating"], own_feedback="이모지로 답하기")
    same = parse_sheet({
        "name": "3일차 실험", "objective": day.objective,
        "preference_input": {"data_types": ["mood_image"], "own_data_types": ["오늘의 날씨"]},
        "presentation": {"purposes": ["will_like"], "explanation_styles": ["keywords"], "explanation_level": "open",
                         "track_count": 3},
        "feedback": {"modes": ["rating", "own"], "own_description": "이모지로 답하기"},
        "language": "ko",
    })
    assert day == same
    assert compile_sheet(day) == compile_sheet(same)


def test_composer_offers_the_paper_s_options_and_the_participant_s_ideas():
    options = composer_options(lambda code: f"<{code}>", {1: ["좋아하는 사진", " "], 3: ["이모지로 답하기"]})
    assert [o.text for o in options.data_types if not o.code] == ["좋아하는 사진"]
    assert {o.code for o in options.data_types if o.code} >= {"demographics", "mood_image", "youtube_channel"}
    assert [o.text for o in options.feedback_modes if not o.code] == ["이모지로 답하기"]
    assert all(o.text for o in options.purposes)
    assert "<rating>" in [o.text for o in options.feedback_modes]  # the screen's words, from the caller (ui)
