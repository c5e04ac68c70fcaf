"""What diaryrec itself says to the model follows the conversation's language, as its
prompt does (the sheet's language, not the interface's): the repair request after a
reply that broke the format, the request for replacement tracks and the feedback
turn, through the real client against the loopback fake (which records requests)."""

from __future__ import annotations

import re

from diaryrec.services.feedback import FeedbackItem
from diaryrec.sheets import parse_sheet
from diaryrec.vocabulary import FeedbackKind
from diaryrec.services.sheet_versions import save_sheet_version

from tests.unit.sheets.sheet_samples import sheet_data

HANGUL = re.compile(r"[\uac00-\ud7a3]")
INVENTED = {"title": "Moonlight Over Han River", "artist": "The Imaginary Band", "album": None, "year": 2031,
            "reason": "made up", "keywords": []}
REAL = {"title": "Ditto", "artist": "NewJeans", "album": "Ditto", "year": 2022, "reason": "winter", "keywords": ["겨울"]}


def reply(*tracks):
    return {"message": "골라 봤어요.", "recommendations": list(tracks), "follow_up": {"kind": "none", "question": "", "options": []}}


def sheet_conversation(service, language):
    version = save_sheet_version(service.store, parse_sheet(sheet_data(language=language)), sheet_key="recommender-1",
                                 kind="planning", study_day=8)
    return service.start_conversation(purpose="own_recommender", study_day=9, sheet_version_id=version.id, language="en")


def test_a_korean_sheet_s_repair_request_is_korean(make_service, fake):
    fake.fail_next("invalid_json")
    service = make_service()
    # the interface may be English (language="en" above): the sheet's language decides
    result = service.run_turn(sheet_conversation(service, "ko"), "밝은 노래")
    assert result.repaired
    ask = fake.chat_requests[1]["messages"][-1]["content"]
    assert "답변 형식을 따르지 않았습니다" in ask and "JSON" in ask and "did not follow" not in ask


def test_an_english_sheet_s_repair_request_stays_english(make_service, fake):
    fake.fail_next("invalid_json")
    service = make_service()
    service.run_turn(sheet_conversation(service, "en"), "bright songs")
    ask = fake.chat_requests[1]["messages"][-1]["content"]
    assert "did not follow the reply format" in ask and not HANGUL.search(ask)


def test_the_korean_plain_assistant_s_repair_request_is_korean(make_service, fake):
    fake.fail_next("invalid_json")
    service = make_service()
    cid = service.start_conversation(purpose="ice_breaking", study_day=1, task_id="s1-describe", language="ko")
    service.run_turn(cid, "비 오는 날 노래")
    assert "답변 형식을 따르지 않았습니다" in fake.chat_requests[1]["messages"][-1]["content"]


def test_a_korean_sheet_s_replacement_request_is_korean(make_service, fake):
    fake.add_replies(reply(REAL, INVENTED))
    service = make_service("replace")
    result = service.run_turn(sheet_conversation(service, "ko"), "겨울 노래")
    assert len(fake.chat_requests) == 2
    ask = fake.chat_requests[1]["messages"][-1]["content"]
    assert "음악 카탈로그에 존재하지 않습니다" in ask and "정확히 1곡" in ask
    assert 'The Imaginary Band의 "Moonlight Over Han River"' in ask and "Ditto" not in ask
    assert "do not exist" not in ask
    assert len(result.shown_tracks) == 2  # the scripted recommender understood it and replaced the track


def test_feedback_is_written_in_the_sheet_s_language_by_default(make_service, fake):
    service = make_service()
    cid = sheet_conversation(service, "ko")
    first = service.run_turn(cid, "밝은 노래")
    track = first.tracks[0]
    service.send_feedback(cid, first.assistant_message_id, [FeedbackItem(FeedbackKind.RATING, track_id=track.id, rating=5)])
    assert fake.chat_requests[-1]["messages"][-1]["content"] == f"“{track.title}”({track.artist}) 평가: 5/5점"
