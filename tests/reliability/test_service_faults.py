"""Every LLM fault of issue 8 item 4 and every Spotify fault of item 5, at the service
level (TurnService, CatalogValidator) against the loopback fakes.

LLM: the participant gets a typed ``UserError`` with an English and a Korean message
saying what to do; their message is stored once; nothing half-received is stored as
complete; sending again works and does not store the message twice; every turn ends
(run on a worker thread with a hang guard), and a turn that waits does not block the
app's other writes. Spotify: the turn completes anyway; the tracks become
``unchecked`` with a reason and a time to try again, and are checked when Spotify is
back.
"""

from __future__ import annotations

import datetime as dt
import re
import socket
import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlmodel import select

from diaryrec.catalog.spotify import SpotifyProvider
from diaryrec.catalog.cache import CatalogCache
from diaryrec.catalog.client import CatalogConfig
from diaryrec.catalog.validator import CatalogChecker, CatalogValidator, due_unchecked
from diaryrec.errors import UserError
from diaryrec.llm import CancelToken, errors
from diaryrec.sandbox.openai_fake import FakeOpenAI
from diaryrec.sandbox.spotify_fake import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, start_sandbox_spotify
from diaryrec.services import diary
from diaryrec.store.models import Event, Message, RecommendedTrack
from diaryrec.store.types import utcnow

from korean_catalogue import korean

HANG_GUARD_S = 60  # not a speed goal: a turn that has not ended by then is hung
HANGUL = re.compile(r"[\uac00-\ud7a3]")
TYPED = "비 오는 날 듣기 좋은 노래 추천해 줘"


def bounded(action: Callable[[], Any]) -> Any:
    """Run ``action`` on a worker thread, as the app does, and fail if it never ends."""
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["value"] = action()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="turn-worker", daemon=True)
    worker.start()
    worker.join(HANG_GUARD_S)
    assert not worker.is_alive(), "the turn hung"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again: nothing listens there


def messages(store, cid: int) -> list[Message]:
    with store.session() as session:
        return session.exec(select(Message).where(Message.conversation_id == cid).order_by(Message.seq)).all()


def start(service) -> int:  # noqa: ANN001
    return service.start_conversation(purpose="ice_breaking", study_day=1, task_id="s1-describe")


# -- LLM faults -------------------------------------------------------------------------------
# (name, set-up on the fake -> provider overrides, the error, how the participant sends again)

def _fault(kind: str, *, times: int = 1, provider: dict[str, Any] | None = None, **params: Any):  # noqa: ANN202
    """The fake fails the next ``times`` requests with ``kind``; the client gets ``provider`` overrides."""
    def arrange(fake: FakeOpenAI) -> dict[str, Any]:
        fake.fail_next(kind, times=times, **params)
        return dict(provider or {})
    return arrange


def _slow_stream(fake: FakeOpenAI) -> dict[str, Any]:
    fake.chunk_chars, fake.chunk_delay = 8, 1.5
    return {"read_timeout": 0.4}


def _refused_connection(fake: FakeOpenAI) -> dict[str, Any]:
    return {"base_url": f"http://127.0.0.1:{closed_port()}/v1"}


LLM_FAULTS = [
    ("connection refused", _refused_connection, errors.ConnectionFailedError, "same"),
    ("slow first token, beyond the read timeout", _fault("slow_first_token", delay=3, provider={"read_timeout": 0.4}),
     errors.LlmTimeoutError, "same"),
    ("read timeout mid-stream", _slow_stream, errors.LlmTimeoutError, "same"),
    ("401 wrong key", _fault("unauthorized"), errors.WrongKeyError, "same"),
    ("429 with Retry-After", _fault("rate_limit", retry_after=20), errors.RateLimitError, "same"),
    ("429 quota", _fault("quota"), errors.QuotaError, "same"),
    ("500 three times", _fault("server_error", times=3), errors.ServerError, "same"),  # as sent, again, one mode lower
    ("stream cut mid-reply", _fault("cut_stream"), errors.IncompleteReplyError, "same"),
    ("refusal", _fault("refusal"), errors.RefusalError, "same"),
    ("context too long", _fault("context_too_long"), errors.ContextTooLongError, "new conversation"),
]


@pytest.mark.parametrize("name,arrange,error,retry", LLM_FAULTS, ids=[f[0] for f in LLM_FAULTS])
def test_llm_fault_gives_an_actionable_message_keeps_the_message_and_retry_works(
        store, llm_fake, turn_service, name, arrange, error, retry):
    overrides = arrange(llm_fake)
    service = turn_service(**overrides)
    cid = start(service)
    with pytest.raises(error) as raised:
        bounded(lambda: service.run_turn(cid, TYPED))
    failure = raised.value
    # a message the participant can act on, in both languages, never a traceback
    assert isinstance(failure, UserError) and failure.hint, name
    assert "Traceback" not in str(failure) and HANGUL.search(korean(failure)), korean(failure)
    if isinstance(failure, errors.RateLimitError):
        assert "20 seconds" in str(failure) and "20초" in korean(failure)
    stored = messages(store, cid)
    users = [m for m in stored if m.role == "user"]
    assert [m.text for m in users] == [TYPED]  # the typed message is kept, once
    assert all(m.status == "error" for m in stored if m.role == "assistant")  # nothing partial as complete
    for partial in (m for m in stored if m.role == "assistant"):
        assert partial.error_kind == failure.kind and partial.text == failure.partial
    with store.session() as session:
        assert session.exec(select(Event).where(Event.kind == "turn_failed")).one().detail["error_kind"] == failure.kind

    llm_fake.chunk_delay = 0.0  # the provider is fine again
    if retry == "same":
        again_service = turn_service() if "base_url" in overrides or "read_timeout" in overrides else service
        result = bounded(lambda: again_service.run_turn(cid, "", resend_message_id=users[0].id))
        assert result.user_message_id == users[0].id
        after = messages(store, cid)
        assert [m.text for m in after if m.role == "user"] == [TYPED]  # sent again, not stored again
    else:  # the message says: start a new conversation
        fresh = start(service)
        result = bounded(lambda: service.run_turn(fresh, TYPED))
        after = messages(store, fresh)
    assert result.status == "complete" and result.tracks
    assert after[-1].role == "assistant" and after[-1].status == "complete" and after[-1].text == result.message


@pytest.mark.parametrize("name,arrange,status,tracks", [
    ("slow first token within the timeout", _fault("slow_first_token", delay=0.3), "complete", True),
    ("500 once (retried)", _fault("server_error"), "complete", True),
    ("invalid JSON once (repaired)", _fault("invalid_json"), "complete", True),
    ("invalid JSON twice (kept as raw text)", _fault("invalid_json", times=2), "raw", False),
    ("schema-valid, empty recommendations", _fault("empty_recommendations"), "complete", False),
])
def test_llm_faults_that_still_answer(store, llm_fake, turn_service, name, arrange, status, tracks):
    service = turn_service(**arrange(llm_fake))
    cid = start(service)
    result = bounded(lambda: service.run_turn(cid, TYPED))
    assert result.status == status and bool(result.tracks) == tracks and result.message.strip()
    stored = messages(store, cid)
    assert [m.text for m in stored if m.role == "user"] == [TYPED]
    reply = stored[-1]
    assert reply.role == "assistant" and reply.status == status
    if status == "raw":  # unreadable as a reply: kept as text, never as a complete reply with tracks
        assert reply.raw_text and result.tracks == []
    if not tracks:
        assert rows_all(store) == []


def test_a_waiting_turn_does_not_block_the_app_and_can_be_stopped(store, llm_fake, turn_service):
    """While the model has not answered, the participant can still write their diary
    (the turn holds no database lock) and press Stop."""
    llm_fake.fail_next("slow_first_token", delay=60)
    service = turn_service()
    cid = start(service)
    token = CancelToken()
    outcome: dict[str, Any] = {}

    def turn() -> None:
        try:
            service.run_turn(cid, TYPED, cancel=token)
        except errors.LlmError as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=turn, daemon=True)
    worker.start()
    try:
        while not llm_fake.chat_requests:  # the request is with the provider now
            worker.join(0.01)
            assert worker.is_alive() or outcome, "the turn ended before its request was sent"
        draft = diary.save_draft(store, 1, {"q1": "기다리는 동안 쓴 일기"})  # not blocked by the turn
        assert draft.status == "draft" and worker.is_alive()
    finally:
        token.cancel()
        worker.join(HANG_GUARD_S)
    assert not worker.is_alive() and isinstance(outcome["error"], errors.TurnCancelledError)
    assert [m.text for m in messages(store, cid) if m.role == "user"] == [TYPED]


# -- Spotify faults ----------------------------------------------------------------------------


@pytest.fixture
def spotify():
    server = start_sandbox_spotify()
    yield server
    server.stop()


def spotify_validator(store, fake, *, secret=SANDBOX_CLIENT_SECRET, token_url=None, timeout_s=5.0):  # noqa: ANN001
    config = CatalogConfig(SANDBOX_CLIENT_ID, secret, market="KR", api_url=fake.api_url,
                           token_url=token_url or fake.token_url, timeout_s=timeout_s)
    return CatalogValidator(store, CatalogChecker(SpotifyProvider(config), CatalogCache(store)))


def _spotify(kind: str, **params: Any):  # noqa: ANN202
    def arrange(fake: Any) -> dict[str, Any]:
        fake.set_fault(kind, **params)
        return {}
    return arrange


def _slow_spotify(fake: Any) -> dict[str, Any]:
    fake.latency_s = 1.5
    return {"timeout_s": 0.3}


SPOTIFY_FAULTS = [
    # name, set-up -> validator options, words in the reason, at least this long before the next check
    ("token endpoint down", lambda f: {"token_url": f"http://127.0.0.1:{closed_port()}/api/token"}, "cannot be reached",
     dt.timedelta(minutes=5)),
    ("token endpoint 500", _spotify("500", where="token"), "sign-in failed", dt.timedelta(minutes=5)),
    ("401 on a bad secret", lambda f: {"secret": "not-the-secret"}, "rejected", dt.timedelta(minutes=5)),
    ("429 with a Retry-After of hours", _spotify("429", retry_after=5 * 3600), "rate limit", dt.timedelta(hours=4)),
    ("500", _spotify("500"), "HTTP 500", dt.timedelta(minutes=5)),
    ("malformed JSON", _spotify("malformed"), "cannot read", dt.timedelta(minutes=5)),
    ("slow responses", _slow_spotify, "in time", dt.timedelta(minutes=5)),
]


@pytest.mark.parametrize("name,arrange,reason,wait", SPOTIFY_FAULTS, ids=[f[0] for f in SPOTIFY_FAULTS])
def test_spotify_fault_leaves_tracks_unchecked_and_they_are_checked_later(
        store, llm_fake, turn_service, spotify, name, arrange, reason, wait):
    options = arrange(spotify)
    service = turn_service(validator=spotify_validator(store, spotify, **options))
    cid = start(service)
    announced: list[int] = []
    before = utcnow()
    result = bounded(lambda: service.run_turn(cid, TYPED, on_verdict=announced.append))
    assert result.status == "complete" and result.tracks  # the conversation goes on
    assert {t.verdict for t in result.tracks} == {"unchecked"}
    assert sorted(announced) == sorted(t.id for t in result.tracks)  # every card learns its state
    with store.session() as session:
        rows = session.exec(select(RecommendedTrack)).all()
    for row in rows:
        assert reason in row.verdict_reason and "Traceback" not in row.verdict_reason, row.verdict_reason
        assert row.next_check_at is not None and row.next_check_at >= before + wait
    assert bounded(lambda: service.run_turn(cid, "하나 더")).status == "complete"  # and goes on

    spotify.set_fault(None)  # Spotify is back
    spotify.latency_s = 0.0
    later = utcnow() + dt.timedelta(days=1)
    healthy = spotify_validator(store, spotify)
    assert sorted(due_unchecked(store, later)) == sorted(r.id for r in rows_all(store))
    checked = bounded(lambda: healthy.recheck_unchecked(now=later))
    assert checked
    assert {r.verdict for r in rows_all(store)} <= {"verified", "not_found", "uncertain"}
    assert any(r.verdict == "verified" for r in rows_all(store))


def rows_all(store) -> list[RecommendedTrack]:  # noqa: ANN001
    with store.session() as session:
        return session.exec(select(RecommendedTrack)).all()
