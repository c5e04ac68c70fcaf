"""The sandbox's scripted replies explain their picks by words that mean something."""

from __future__ import annotations

import re

import pytest

from diaryrec.sandbox.scripted import ScriptedRecommender, SandboxTrack

TRACKS = [
    SandboxTrack("Night Drive", "Neon Coast", genre="synthwave", keywords=("night", "drive", "city")),
    SandboxTrack("For the Rain", "Gray Harbor", genre="indie", keywords=("rain", "calm")),
    SandboxTrack("My Morning", "Sun Deck", genre="pop", keywords=("morning", "bright")),
    SandboxTrack("밤의 드라이브", "도시의 불빛", genre="k-indie", keywords=("밤", "드라이브")),
]


def reply(text: str, system: str = "Recommend at most 3 tracks.") -> dict:
    body = {"messages": [{"role": "system", "content": system}, {"role": "user", "content": text}]}
    return ScriptedRecommender(TRACKS).reply(body)


@pytest.mark.parametrize("text", [
    "I want some music for a night drive in the city",
    "Can you recommend my kind of songs for the rain?",
    "Please give me a track for my morning",
])
def test_reasons_and_the_summary_name_no_stop_words(text: str):
    answer = reply(text)
    quoted = re.search(r"\u201c(.*?)\u201d", answer["message"])
    said = quoted.group(1).split(", ") if quoted else []
    reasons = [r["reason"] for r in answer["recommendations"]]
    for word in ("a", "my", "for", "the", "me", "some", "in", "can", "you", "music", "songs", "track", "please", "give"):
        assert word not in said, answer["message"]
        assert not any(re.search(rf"matches (.*\b{word}\b)", r) for r in reasons), reasons
    assert said, answer["message"]  # the content words are still named


def test_korean_requests_are_explained_by_their_content_words():
    answer = reply("밤 드라이브 음악 추천해 주세요", system="한국어로 답하세요. 최대 3곡")
    assert "밤" in answer["message"] and "음악" not in answer["message"].split("기준")[0].split("\u201c")[-1]
