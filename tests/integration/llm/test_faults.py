"""Every fault mode of the fake: a typed error a participant can act on, their
message kept, nothing half-received stored as complete."""

from __future__ import annotations

import socket
import threading

import pytest
from sqlmodel import select

from diaryrec.llm import CancelToken, LlmClient, ProviderMemory
from diaryrec.llm import errors
from diaryrec.llm.provider import ProviderConfig, ResponseMode
from diaryrec.services.turn import TurnService
from diaryrec.store.models import Event, Message

from korean_catalogue import korean


def history(store, cid):
    with store.session() as session:
        return session.exec(select(Message).where(Message.conversation_id == cid).order_by(Message.seq)).all()


def start(service):
    return service.start_conversation(purpose="ice_breaking", study_day=1, task_id="s1-describe")


def assert_kept_and_nothing_complete(store, cid, text="my message"):
    stored = history(store, cid)
    assert [m.text for m in stored if m.role == "user"] == [text]
    assert not [m for m in stored if m.role == "assistant" and m.status != "error"]
    return stored


@pytest.mark.parametrize("fault,params,error,times", [
    ("rate_limit", {"retry_after": 7}, errors.RateLimitError, 1),
    ("quota", {}, errors.QuotaError, 1),
    ("unauthorized", {}, errors.WrongKeyError, 1),
    # retried once as sent, then once in the next response mode (a server that cannot
    # compile the schema answers 500 every time: llama.cpp's "JSON schema error")
    ("server_error", {}, errors.ServerError, 3),
    ("context_too_long", {}, errors.ContextTooLongError, 1),
    ("refusal", {}, errors.RefusalError, 1),
])
def test_provider_errors_become_typed_errors(make_service, store, fake, fault, params, error, times):
    fake.fail_next(fault, times=times, **params)
    service = make_service()
    cid = start(service)
    with pytest.raises(error) as raised:
        service.run_turn(cid, "my message")
    assert len(fake.chat_requests) == times  # retried once only where it can help (5xx)
    assert korean(raised.value) and str(raised.value)
    stored = assert_kept_and_nothing_complete(store, cid)
    with store.session() as session:
        event = session.exec(select(Event).where(Event.kind == "turn_failed")).one()
    assert event.detail["error_kind"] == raised.value.kind
    if fault == "rate_limit":
        assert raised.value.retry_after == 7 and "7 seconds" in str(raised.value)
    if fault == "refusal":
        refusal = [m for m in stored if m.role == "assistant"][0]
        assert refusal.status == "error" and refusal.error_kind == "refusal" and "can't help" in refusal.text


def test_one_server_error_is_retried_and_the_turn_succeeds(make_service, fake):
    fake.fail_next("server_error")
    service = make_service()
    result = service.run_turn(start(service), "my message")
    assert result.status == "complete" and len(fake.chat_requests) == 2


def test_wrong_key_against_a_keyed_server(store, validator):
    from diaryrec.sandbox.openai_fake import FakeOpenAI

    fake = FakeOpenAI(api_key="sk-right-key-0000").start()
    try:
        with LlmClient(fake.provider(api_key="sk-wrong-key-1111"), memory=ProviderMemory()) as client:
            service = TurnService(store, client, validator, "mark")
            with pytest.raises(errors.WrongKeyError):
                service.run_turn(start(service), "my message")
        with LlmClient(fake.provider(), memory=ProviderMemory()) as client:
            assert TurnService(store, client, validator, "mark").run_turn(start(service), "hi").status == "complete"
    finally:
        fake.stop()


def test_no_key_fails_before_any_request(store, validator):
    with LlmClient(ProviderConfig("https://api.openai.com/v1", "gpt-4o-mini"), memory=ProviderMemory()) as client:
        service = TurnService(store, client, validator, "mark")
        cid = start(service)
        with pytest.raises(errors.NoApiKeyError) as raised:
            service.run_turn(cid, "my message")
    assert "Settings" in str(raised.value) and "설정" in korean(raised.value)
    assert_kept_and_nothing_complete(store, cid)


def test_connection_refused(store, validator):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    with LlmClient(ProviderConfig(f"http://127.0.0.1:{port}/v1", "m"), memory=ProviderMemory()) as client:
        service = TurnService(store, client, validator, "mark")
        cid = start(service)
        with pytest.raises(errors.ConnectionFailedError):
            service.run_turn(cid, "my message")
    assert_kept_and_nothing_complete(store, cid)


def test_slow_first_token_beyond_the_read_timeout(make_service, store, fake):
    fake.fail_next("slow_first_token", delay=3)
    service = make_service(read_timeout=0.3)
    cid = start(service)
    with pytest.raises(errors.LlmTimeoutError):
        service.run_turn(cid, "my message")
    assert len(fake.chat_requests) == 1  # a timeout is not retried: the participant already waited
    assert_kept_and_nothing_complete(store, cid)


def test_slow_first_token_within_the_timeout_still_answers(make_service, fake):
    fake.fail_next("slow_first_token", delay=0.2)
    service = make_service()
    assert service.run_turn(start(service), "rock").status == "complete"


def test_cut_stream_keeps_what_arrived_as_an_error(make_service, store, fake):
    fake.fail_next("cut_stream")
    service = make_service()
    cid = start(service)
    with pytest.raises(errors.IncompleteReplyError) as raised:
        service.run_turn(cid, "my message")
    stored = assert_kept_and_nothing_complete(store, cid)
    partial = [m for m in stored if m.role == "assistant"][0]
    assert partial.status == "error" and partial.error_kind == "incomplete"
    # what was on screen is kept as the text (the message, never the raw JSON), the raw beside it
    assert partial.text == raised.value.partial and not partial.text.startswith("{") and partial.text
    assert partial.raw_text.startswith('{"message"') and partial.text in partial.raw_text
    # the participant sends the same message again: it is answered, not duplicated
    again = service.run_turn(cid, "", resend_message_id=stored[1].id)
    assert again.status == "complete"
    after = history(store, cid)
    assert [m.role for m in after] == ["system", "user", "assistant", "assistant"]
    assert [m["role"] for m in fake.chat_requests[-1]["messages"]] == ["system", "user"]


def test_invalid_json_once_is_repaired(make_service, store, fake):
    fake.fail_next("invalid_json")
    service = make_service()
    result = service.run_turn(start(service), "my message")
    assert result.status == "complete" and result.repaired and result.tracks
    repair = fake.chat_requests[1]["messages"]
    assert repair[-2]["role"] == "assistant" and repair[-2]["content"].startswith("Sure!")
    assert "did not follow the reply format" in repair[-1]["content"]


def test_invalid_json_twice_keeps_the_raw_text_as_a_plain_message(make_service, store, fake):
    fake.fail_next("invalid_json", times=2)
    service = make_service()
    cid = start(service)
    result = service.run_turn(cid, "my message")
    assert len(fake.chat_requests) == 2  # one repair, no more
    assert result.status == "raw" and result.message.startswith("Sure! Try Ditto") and result.tracks == []
    reply = history(store, cid)[-1]
    assert reply.status == "raw" and reply.text == result.message and "--- repair ---" in reply.raw_text


def test_empty_recommendations_are_a_normal_reply(make_service, fake):
    fake.fail_next("empty_recommendations")
    service = make_service()
    result = service.run_turn(start(service), "hello")
    assert result.status == "complete" and result.tracks == [] and "Tell me a little more" in result.message


def test_json_schema_fallback_is_remembered_per_provider(store, validator):
    from diaryrec.sandbox.openai_fake import FakeOpenAI

    fake = FakeOpenAI(reject_json_schema=True).start()
    memory = ProviderMemory()
    try:
        with LlmClient(fake.provider(), memory=memory) as client:
            service = TurnService(store, client, validator, "mark")
            cid = start(service)
            service.run_turn(cid, "pop")
            service.run_turn(cid, "more pop")
        formats = [(r.get("response_format") or {}).get("type") for r in fake.chat_requests]
        assert formats == ["json_schema", "json_object", "json_object"]  # not re-tried on the second turn
        assert memory.mode(fake.provider().key) == ResponseMode.JSON_OBJECT
        fake.reject_json_object = True
        with LlmClient(fake.provider(), memory=memory) as client:
            result = TurnService(store, client, validator, "mark").run_turn(cid, "jazz")
        # no response_format at all: the fake chats around the JSON, extraction still finds it
        assert result.status == "complete" and result.tracks and not result.repaired
        assert "response_format" not in fake.chat_requests[-1]
    finally:
        fake.stop()


def test_cancel_before_the_first_token_stops_at_once(make_service, store, fake):
    fake.fail_next("slow_first_token", delay=60)
    service = make_service()
    cid = start(service)
    token = CancelToken()
    timer = threading.Timer(0.2, token.cancel)
    timer.start()
    try:
        with pytest.raises(errors.TurnCancelledError):
            service.run_turn(cid, "my message", cancel=token)
    finally:
        timer.cancel()
        timer.join()
    assert_kept_and_nothing_complete(store, cid)


def test_cancel_mid_stream_keeps_the_partial_text(store, validator):
    from diaryrec.sandbox.openai_fake import FakeOpenAI

    fake = FakeOpenAI(chunk_chars=4, chunk_delay=0.05).start()
    try:
        with LlmClient(fake.provider(), memory=ProviderMemory()) as client:
            service = TurnService(store, client, validator, "mark")
            cid = start(service)
            token = CancelToken()
            shown = []

            def on_text(text):
                shown.append(text)
                if len(shown) == 2:
                    token.cancel()

            with pytest.raises(errors.TurnCancelledError) as raised:
                service.run_turn(cid, "my message", on_text=on_text, cancel=token)
    finally:
        fake.stop()
    stored = assert_kept_and_nothing_complete(store, cid)
    partial = [m for m in stored if m.role == "assistant"][0]
    assert partial.status == "error" and partial.error_kind == "cancelled"
    assert partial.text == raised.value.partial and '"recommendations"' not in partial.text


def test_an_empty_reply_twice_is_a_malformed_reply_error(make_service, store, fake):
    fake.add_replies("", "")
    service = make_service()
    cid = start(service)
    with pytest.raises(errors.MalformedReplyError):
        service.run_turn(cid, "my message")
    assert len(fake.chat_requests) == 2
    assert_kept_and_nothing_complete(store, cid)


def test_a_server_that_refuses_stream_options_is_asked_without_them(store, validator):
    from diaryrec.sandbox.openai_fake import FakeOpenAI

    fake = FakeOpenAI(reject_stream_options=True).start()
    memory = ProviderMemory()
    try:
        with LlmClient(fake.provider(), memory=memory) as client:
            service = TurnService(store, client, validator, "mark")
            cid = start(service)
            service.run_turn(cid, "pop")
            service.run_turn(cid, "rock")
        assert ["stream_options" in r for r in fake.chat_requests] == [True, False, False]
    finally:
        fake.stop()
    with store.session() as session:
        reply = session.exec(select(Message).where(Message.role == "assistant")).first()
    assert reply.prompt_tokens is None and reply.status == "complete"  # no usage given, none invented
