"""A Korean planning sheet as JSON data, shared by the sheet, CLI and turn tests."""

from __future__ import annotations


def sheet_data(**changes):
    data = {
        "name": "사진 DJ",
        "objective": "설명하기 어려울 때도 음악을 추천받기",
        "preference_input": {"data_types": ["mood_image"], "own_data_types": ["오늘의 날씨"], "notes": ""},
        "presentation": {"purposes": ["will_like"], "explanation_styles": ["keywords"], "track_count": 3,
                         "exclusions": ["논란이 있는 아티스트"], "explanation_level": "open"},
        "feedback": {"modes": ["rating", "tournament"]},
        "language": "ko",
    }
    data.update(changes)
    return data
