from __future__ import annotations

import io
import json

import pytest
from PIL import Image
from sqlmodel import select

from diaryrec.llm import LlmClient, ProviderMemory
from diaryrec.llm.provider import SANDBOX_MODEL
from diaryrec.sandbox.openai_fake import FakeOpenAI, start_sandbox_llm
from diaryrec.sandbox.scripted import tracks_from_csv
from diaryrec.services.feedback import FeedbackItem
from diaryrec.services.sheet_versions import save_sheet_version
from diaryrec.services.turn import TurnService
from diaryrec.validation import UncheckedValidator
from diaryrec.sheets import compose_day, parse_sheet
from diaryrec.store.models import Conversation, Event, Feedback, Message, MessageImage, RecommendedTrack, SheetVersion

from tests.conftest import CATALOG_CSV
from tests.unit.sheets.sheet_samples import sheet_data


def rows(store, model, *where):
    with store.session() as session:
        return session.exec(select(model).where(*where)).all() if where else session.exec(select(model)).all()


def messages_of(store, conversation_id):
    with store.session() as session:
        return session.exec(select(Message).where(Message.conversation_id == conversation_id).order_by(Message.seq)).all()


def korean_planning(service, **changes):
    sheet = parse_sheet(sheet_data(**changes))
    return save_sheet_version(service.store, sheet, sheet_key="recommender-1", kind="planning", study_day=8)


def test_ice_breaking_turn_end_to_end(make_service, store, fake, validator):
    service = make_service()
    cid = service.start_conversation(purpose="ice_breaking", study_day=1, task_id="s1-describe", language="en")
    texts, tracks_seen, verdicts = [], [], []
    result = service.run_turn(cid, "I love calm indie and acoustic songs", on_text=texts.append,
                              on_tracks=tracks_seen.append, on_verdict=verdicts.append)
    stored = messages_of(store, cid)
    assert [m.role for m in stored] == ["system", "user", "assistant"]
    assert "friendly general-purpose AI assistant" in stored[0].text and '"recommendations"' in stored[0].text
    assert stored[1].text == "I love calm indie and acoustic songs"
    reply = stored[2]
    assert reply.status == "complete" and reply.text == result.message and "scripted sandbox reply" in reply.text
    assert reply.model == SANDBOX_MODEL and reply.provider == "sandbox"
    assert reply.request_started_at is not None and reply.first_token_ms is not None and reply.duration_ms is not None
    assert reply.prompt_tokens and reply.completion_tokens
    assert len(texts) > 1 and texts[-1] == result.message  # shown while streaming
    assert len(result.tracks) == 5 and len(tracks_seen) == 1 and [t.verdict for t in tracks_seen[0]] == ["pending"] * 5
    assert sorted(verdicts) == sorted(t.id for t in result.tracks)
    assert all(t.verdict == "verified" for t in result.tracks)
    assert fake.chat_requests[0]["response_format"]["type"] == "json_schema"
    assert fake.chat_requests[0]["stream"] is True
    conversation = rows(store, Conversation)[0]
    assert (conversation.purpose, conversation.task_id, conversation.sandbox) == ("ice_breaking", "s1-describe", True)


def test_sheet_versions_are_all_kept_and_the_compiled_prompt_is_the_system_prompt(make_service, store, fake):
    service = make_service()
    v1 = korean_planning(service)
    v2 = korean_planning(service, objective="두 번째 버전의 목적")
    assert (v1.version, v2.version) == (1, 2)
    versions = rows(store, SheetVersion)
    assert len(versions) == 2 and versions[1].content["objective"] == "두 번째 버전의 목적"
    assert versions[1].compiled_prompt == v2.compiled_prompt and versions[1].sheet_sha256 == v2.sheet_sha256
    cid = service.start_conversation(purpose="own_recommender", study_day=9, sheet_version_id=v2.id)
    result = service.run_turn(cid, "비 오는 날 듣기 좋은 노래 추천해 줘")
    sent = fake.chat_requests[0]["messages"]
    assert sent[0] == {"role": "system", "content": v2.compiled_prompt}
    assert sent[1]["content"] == "비 오는 날 듣기 좋은 노래 추천해 줘"
    assert "AI가 아닙니다" in result.message and len(result.tracks) == 3  # the sheet's track count
    assert result.follow_up["kind"] == "rating" and result.follow_up["question"].endswith("평가해 주세요.")


def test_follow_ups_cycle_through_the_sheet_s_feedback_modes(make_service, fake):
    service = make_service()
    version = korean_planning(service, feedback={"modes": ["multiple_choice", "tournament"]})
    cid = service.start_conversation(purpose="own_recommender", study_day=9, sheet_version_id=version.id)
    first = service.run_turn(cid, "신나는 k-pop")
    second = service.run_turn(cid, "좀 더 조용한 곡")
    assert first.follow_up["kind"] == "multiple_choice" and len(first.follow_up["options"]) == 4
    assert second.follow_up["kind"] == "tournament"
    assert second.follow_up["options"] == [t.title for t in second.tracks[:2]]
    history = fake.chat_requests[1]["messages"]
    assert [m["role"] for m in history] == ["system", "user", "assistant", "user"]
    previous = json.loads(history[2]["content"])
    assert previous["message"] == first.message and len(previous["recommendations"]) == 3
    assert not {t.title for t in first.tracks} & {t.title for t in second.tracks}  # no repeats


def test_daily_composition_conversation(make_service, store):
    service = make_service()
    day = compose_day(3, "en", data_types=["music_description"], purposes=["will_like"], feedback_modes=["rating"])
    saved = save_sheet_version(store, day, sheet_key="day-3", kind="daily", study_day=3)
    cid = service.start_conversation(purpose="daily", study_day=3, sheet_version_id=saved.id)
    result = service.run_turn(cid, "jazz for a rainy evening")
    assert result.status == "complete" and "Day 3 experiment" in messages_of(store, cid)[0].text
    with pytest.raises(ValueError, match="needs a sheet version"):
        service.start_conversation(purpose="daily", study_day=3)
    with pytest.raises(ValueError, match="task_id"):
        service.start_conversation(purpose="ice_breaking", study_day=1)


INVENTED = {"title": "Moonlight Over Han River", "artist": "The Imaginary Band", "album": None, "year": 2031,
            "reason": "made up", "keywords": []}
REAL = {"title": "Ditto", "artist": "NewJeans", "album": "Ditto", "year": 2022, "reason": "winter", "keywords": ["겨울"]}


def scripted_reply(*tracks, message="Here you go."):
    return {"message": message, "recommendations": list(tracks), "follow_up": {"kind": "none", "question": "", "options": []}}


def test_replace_policy_asks_once_for_exactly_the_unknown_tracks(make_service, store, fake):
    fake.add_replies(scripted_reply(REAL, INVENTED))
    service = make_service("replace")
    cid = service.start_conversation(purpose="ice_breaking", study_day=1, task_id="s1-describe")
    verdicts = []
    result = service.run_turn(cid, "winter songs", on_verdict=verdicts.append)
    assert len(fake.chat_requests) == 2
    ask = fake.chat_requests[1]["messages"][-1]["content"]
    assert "Moonlight Over Han River" in ask and "Ditto" not in ask and "exactly 1 other" in ask
    original, real, replacement = sorted(result.tracks, key=lambda t: t.id)[1], result.tracks[0], result.tracks[2]
    assert original.verdict == "not_found" and original.replaced_by_id == replacement.id
    assert replacement.replaces_id == original.id and replacement.verdict == "verified"
    assert [t.title for t in result.shown_tracks] == ["Ditto", replacement.title]
    assert replacement.id in verdicts
    assert rows(store, RecommendedTrack, RecommendedTrack.id == original.id)[0].hidden is False  # kept in the data
    kinds = [e.kind for e in rows(store, Event)]
    assert "tracks_replaced" in kinds


def test_replace_policy_leaves_still_unknown_tracks_marked(make_service, fake):
    fake.add_replies(scripted_reply(INVENTED), scripted_reply({**INVENTED, "title": "Another Fake Song"}))
    service = make_service("replace")
    result = service.run_turn(service.start_conversation(purpose="ice_breaking", study_day=1, task_id="t"), "songs")
    assert len(fake.chat_requests) == 2  # asked once, never again
    assert [t.verdict for t in result.tracks] == ["not_found", "not_found"]
    assert [t.title for t in result.shown_tracks] == ["Another Fake Song"]


@pytest.mark.parametrize("policy", ["mark", "hide"])
def test_mark_and_hide_policies(make_service, fake, store, policy):
    fake.add_replies(scripted_reply(REAL, INVENTED))
    service = make_service(policy)
    result = service.run_turn(service.start_conversation(purpose="ice_breaking", study_day=1, task_id="t"), "x")
    assert len(fake.chat_requests) == 1
    invented = [t for t in result.tracks if t.title == INVENTED["title"]][0]
    assert invented.verdict == "not_found" and invented.hidden is (policy == "hide")
    assert len(rows(store, RecommendedTrack)) == 2  # hidden tracks stay in the data
    assert [t.title for t in result.shown_tracks] == (["Ditto"] if policy == "hide" else ["Ditto", INVENTED["title"]])


def test_duplicate_tracks_in_one_reply_are_dropped(make_service, fake):
    fake.add_replies(scripted_reply(REAL, {**REAL, "title": "ditto", "artist": "NEWJEANS"}, {**REAL, "title": "Hype Boy"}))
    service = make_service("mark")
    result = service.run_turn(service.start_conversation(purpose="ice_breaking", study_day=1, task_id="t"), "x")
    assert [t.title for t in result.tracks] == ["Ditto", "Hype Boy"] and result.duplicates_dropped == 1


def photo_with_gps() -> bytes:
    image = Image.new("RGB", (2400, 1600), (90, 140, 200))
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (37.0, 33.0, 59.0)
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_images_are_cleaned_stored_recorded_and_sent(make_service, store, fake, tmp_path, layout):
    path = tmp_path / "바다.jpg"
    path.write_bytes(photo_with_gps())
    service = make_service()
    cid = service.start_conversation(purpose="ice_breaking", study_day=1, task_id="s1-image-mood", language="ko")
    result = service.run_turn(cid, "이 사진 분위기에 맞는 음악", images=[path])
    image = rows(store, MessageImage)[0]
    assert image.message_id == result.user_message_id and image.mime == "image/jpeg"
    assert (image.width, image.height) == (1568, 1045)
    stored = (layout.images / image.file_name).read_bytes()
    assert b"PhoneMaker" not in stored and len(stored) == image.size_bytes
    content = fake.chat_requests[0]["messages"][1]["content"]
    assert content[0] == {"type": "text", "text": "이 사진 분위기에 맞는 음악"}
    assert content[1]["type"] == "image_url" and content[1]["image_url"]["url"].startswith("data:image/jpeg;base64,")
    assert "이미지는 볼 수 없어서" in result.message  # the sandbox says plainly it cannot see


def test_refused_images_store_nothing(make_service, store, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not a photo", encoding="utf-8")
    service = make_service()
    cid = service.start_conversation(purpose="ice_breaking", study_day=1, task_id="t")
    with pytest.raises(Exception, match="not a picture"):
        service.run_turn(cid, "hello", images=[path])
    assert [m.role for m in messages_of(store, cid)] == ["system"]


def test_feedback_is_stored_and_sent_as_the_next_turn(make_service, store, fake):
    service = make_service()
    version = korean_planning(service, feedback={"modes": ["rating", "tournament", "multiple_choice"]})
    cid = service.start_conversation(purpose="own_recommender", study_day=9, sheet_version_id=version.id)
    first = service.run_turn(cid, "밝은 노래")
    a, b = first.tracks[0], first.tracks[1]
    result = service.send_feedback(cid, first.assistant_message_id, [
        FeedbackItem("rating", track_id=a.id, rating=4),
        FeedbackItem("tournament", ranking=[b.id, a.id]),
        FeedbackItem("multiple_choice", track_id=a.id, choices=["분위기가 잘 맞아요"]),
        FeedbackItem("free_text", text="두 번째 곡의 목소리가 좋았어요"),
    ], language="ko")
    sent = fake.chat_requests[-1]["messages"][-1]["content"]
    assert f"“{a.title}”({a.artist}) 평가: 4/5점" in sent
    assert f"토너먼트 결과: 1. “{b.title}”" in sent and "분위기가 잘 맞아요" in sent and "목소리가 좋았어요" in sent
    stored = rows(store, Feedback)
    assert [f.kind for f in stored] == ["rating", "tournament", "multiple_choice", "free_text"]
    assert {f.sent_as_message_id for f in stored} == {result.user_message_id}
    assert stored[1].track_id == b.id and stored[1].choices == [str(b.id), str(a.id)]
    assert stored[0].message_id == first.assistant_message_id and result.status == "complete"
    with pytest.raises(ValueError, match="1 to 5"):
        service.send_feedback(cid, None, [FeedbackItem("rating", track_id=a.id, rating=9)])


def test_the_sandbox_helper_recommends_from_the_shared_dataset(store, validator):
    tracks = tracks_from_csv(CATALOG_CSV, limit=300)
    fake = FakeOpenAI(tracks).start()
    try:
        client = LlmClient(fake.provider(), memory=ProviderMemory())
        service = TurnService(store, client, UncheckedValidator(store), "mark")
        cid = service.start_conversation(purpose="ice_breaking", study_day=1, task_id="t")
        result = service.run_turn(cid, "some edm and dance pop please")
        titles = {t.title for t in tracks}
        assert result.tracks and all(t.title in titles for t in result.tracks)
        assert all(t.verdict == "unchecked" for t in result.tracks)
        client.close()
    finally:
        fake.stop()
    sandbox = start_sandbox_llm()
    try:
        assert sandbox.provider().model == SANDBOX_MODEL and sandbox.provider().sandbox
        assert sandbox.url.startswith("http://127.0.0.1:")
    finally:
        sandbox.stop()
