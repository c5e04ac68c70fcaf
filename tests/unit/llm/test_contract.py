from __future__ import annotations

import json

import pytest

from diaryrec.llm.contract import (
    REPLY_SCHEMA,
    ContractError,
    MessageStream,
    Recommendation,
    drop_duplicates,
    parse_reply,
)

REPLY = {
    "message": "비 오는 날에 어울리는 곡이에요.",
    "recommendations": [
        {"title": "Through the Night", "artist": "IU", "album": "Palette", "year": 2017, "reason": "잔잔해요",
         "keywords": ["어쿠스틱"]},
        {"title": "Spring Day", "artist": "BTS", "album": None, "year": None, "reason": "그리움", "keywords": []},
    ],
    "follow_up": {"kind": "rating", "question": "1~5점으로 평가해 주세요", "options": []},
}
TEXT = json.dumps(REPLY, ensure_ascii=False)


def test_strict_json_parses():
    reply = parse_reply(TEXT)
    assert reply.message == REPLY["message"]
    assert [r.title for r in reply.recommendations] == ["Through the Night", "Spring Day"]
    assert reply.follow_up.kind == "rating"


@pytest.mark.parametrize("wrapped", [
    f"```json\n{TEXT}\n```",
    f"Here are some songs!\n\n{TEXT}\n\nEnjoy.",
    f"{{not json}} and then {TEXT}",
])
def test_tolerant_extraction_finds_the_reply(wrapped):
    assert parse_reply(wrapped).recommendations[1].artist == "BTS"


def test_loose_values_are_coerced():
    reply = parse_reply(json.dumps({"message": "m", "recommendations": [
        {"title": " Ditto ", "artist": "NewJeans", "album": "", "year": "2022-12-19", "reason": "r", "keywords": "겨울, 향수",
         "extra": 1}]}))
    rec = reply.recommendations[0]
    assert (rec.title, rec.album, rec.year, rec.keywords) == ("Ditto", None, 2022, ["겨울", "향수"])
    assert reply.follow_up.kind == "none"


@pytest.mark.parametrize("text,problem", [
    ("Sure, try Ditto by NewJeans.", "not a JSON object"),
    ('{"recommendations": []}', "message"),
    ('{"message": "m", "recommendations": [{"title": "x"}]}', "artist"),
    ('{"message": "m", "follow_up": {"kind": "poll"}}', "kind"),
    ("", "not a JSON object"),
])
def test_broken_replies_say_why(text, problem):
    with pytest.raises(ContractError, match=problem):
        parse_reply(text)


def test_duplicates_are_dropped_by_normalised_title_and_artist():
    recs = [Recommendation(title=t, artist=a) for t, a in [
        ("Hype Boy", "NewJeans"), ("hype boy", "NEWJEANS"), ("Hype Boy (feat. nobody)", "NewJeans"),
        ("Ｈｙｐｅ Ｂｏｙ", "NewJeans"), ("Hype Boy", "Other Artist"), ("Ditto", "NewJeans")]]
    kept = drop_duplicates(recs)
    assert [(r.title, r.artist) for r in kept] == [("Hype Boy", "NewJeans"), ("Hype Boy", "Other Artist"), ("Ditto", "NewJeans")]


def test_schema_is_strict_compatible():
    def check(node):
        if node.get("type") == "object":
            assert node["additionalProperties"] is False
            assert sorted(node["required"]) == sorted(node["properties"])
            for child in node["properties"].values():
                check(child)
        if node.get("type") == "array":
            check(node["items"])
    check(REPLY_SCHEMA)


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64, 10_000])
def test_message_streams_at_any_chunk_size(size):
    stream = MessageStream()
    seen = []
    for i in range(0, len(TEXT), size):
        shown = stream.feed(TEXT[i:i + size])
        if shown is not None:
            seen.append(shown)
    assert seen[-1] == REPLY["message"]
    assert all(REPLY["message"].startswith(s) for s in seen)
    assert stream.done
    if size == 1:
        assert len(seen) > 5  # the text grows while it streams, not only at the end
    assert stream.buffer == TEXT


def test_message_streams_from_a_fenced_reply_and_from_plain_text():
    fenced = MessageStream()
    for piece in ["```json\n", '{"mess', 'age": "hel', 'lo"', ', "recommendations": []}', "\n```"]:
        fenced.feed(piece)
    assert fenced.text == "hello" and fenced.done
    plain = MessageStream()
    plain.feed("Sure! ")
    plain.feed("Try Ditto.")
    assert plain.text == "Sure! Try Ditto."
