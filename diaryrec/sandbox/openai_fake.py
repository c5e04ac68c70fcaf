"""A loopback fake of the OpenAI Chat Completions API (``POST /v1/chat/completions``,
streamed as Server-Sent Events or not, ``response_format`` json_schema and
json_object), answering from ``ScriptedRecommender``, from a script of replies, or from
a ``responder`` (request body → reply) that a test writes to behave in a certain way.

Fault modes for the error tests (``fail_next(kind, …)``, consumed in order):
``slow_first_token`` (delay), ``rate_limit`` (retry_after), ``quota``,
``unauthorized``, ``server_error``, ``cut_stream``, ``invalid_json``, ``refusal``,
``context_too_long``, ``empty_recommendations``. ``reject_json_schema`` /
``reject_json_object`` make it refuse those response formats, as some local
servers do; ``reject_stream_options`` refuses the usage request. The model name is ``diaryrec-sandbox-scripted``: a sandbox reply is
always identifiable as scripted.
"""

from __future__ import annotations

import collections
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diaryrec.llm.provider import SANDBOX_MODEL, ProviderConfig
from diaryrec.sandbox.http import LoopbackServer, Request, Response, sse
from diaryrec.sandbox.scripted import SandboxTrack, ScriptedRecommender, tracks_from_json

FAULTS = (
    "slow_first_token",
    "rate_limit",
    "quota",
    "unauthorized",
    "server_error",
    "cut_stream",
    "invalid_json",
    "refusal",
    "context_too_long",
    "empty_recommendations",
)


@dataclass
class Fault:
    kind: str
    params: dict[str, Any] = field(default_factory=dict)


def _error(status: int, message: str, type_: str, code: str | None, headers: dict[str, str] | None = None) -> Response:
    return Response.json({"error": {"message": message, "type": type_, "param": None, "code": code}}, status, headers)


class FakeOpenAI(LoopbackServer):
    def __init__(
        self,
        tracks: Sequence[SandboxTrack] | None = None,
        *,
        script: Sequence[dict[str, Any] | str] = (),
        api_key: str | None = None,
        reject_json_schema: bool = False,
        reject_json_object: bool = False,
        reject_stream_options: bool = False,
        chunk_chars: int = 16,
        chunk_delay: float = 0.0,
        model: str = SANDBOX_MODEL,
        responder: Callable[[dict[str, Any]], dict[str, Any] | str] | None = None,
    ):
        super().__init__()
        self.responder = responder
        self.recommender = ScriptedRecommender(tracks if tracks is not None else tracks_from_json())
        self.script: collections.deque[dict[str, Any] | str] = collections.deque(script)
        self.api_key = api_key
        self.reject_json_schema = reject_json_schema
        self.reject_json_object = reject_json_object
        self.reject_stream_options = reject_stream_options
        self.chunk_chars = chunk_chars
        self.chunk_delay = chunk_delay
        self.model = model
        self._faults: collections.deque[Fault] = collections.deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        #: perf_counter() when the first byte of each streamed body was handed to the socket
        self.first_byte_at: list[float] = []

    # -- set-up --------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The base URL an OpenAI client is given."""
        return f"{self.base_url}/v1"

    def provider(self, **overrides: Any) -> ProviderConfig:
        values: dict[str, Any] = {"base_url": self.url, "model": self.model, "api_key": self.api_key or "", "sandbox": True}
        values.update(overrides)
        return ProviderConfig(**values)

    def fail_next(self, kind: str, times: int = 1, **params: Any) -> "FakeOpenAI":
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r}; one of {', '.join(FAULTS)}")
        with self._lock:
            self._faults.extend(Fault(kind, dict(params)) for _ in range(times))
        return self

    def add_replies(self, *replies: dict[str, Any] | str) -> "FakeOpenAI":
        with self._lock:
            self.script.extend(replies)
        return self

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        return [r.json() for r in list(self.requests) if r.path.endswith("/chat/completions")]

    def stop(self) -> None:
        self._stopping.set()
        super().stop()

    # -- the API ---------------------------------------------------------------------------

    def handle(self, request: Request) -> Response:
        if self.api_key is not None and request.headers.get("authorization") != f"Bearer {self.api_key}":
            return _error(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key")
        if request.method == "GET" and request.path == "/v1/models":
            return Response.json({"object": "list", "data": [{"id": self.model, "object": "model", "owned_by": "diaryrec"}]})
        if request.method != "POST" or request.path != "/v1/chat/completions":
            return _error(404, f"no route {request.method} {request.path}", "invalid_request_error", None)
        body = request.json() or {}
        fmt = (body.get("response_format") or {}).get("type")
        if fmt == "json_schema" and self.reject_json_schema:
            return _error(400, "response_format of type 'json_schema' is not supported by this server", "invalid_request_error", None)
        if fmt == "json_object" and self.reject_json_object:
            return _error(400, "response_format of type 'json_object' is not supported by this server", "invalid_request_error", None)
        if self.reject_stream_options and "stream_options" in body:
            return _error(400, "Unrecognized request argument supplied: stream_options", "invalid_request_error", None)
        with self._lock:
            fault = self._faults.popleft() if self._faults else None
            scripted = self.script.popleft() if self.script else None
        early = self._early_fault(fault)
        if early is not None:
            return early
        text, refusal = self._reply_text(body, fmt, fault, scripted)
        if body.get("stream"):
            return Response(
                body=self._stream(body, text, refusal, fault),
                headers={"Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache"},
                stream=True,
            )
        return Response.json(self._completion(text, refusal))

    def _early_fault(self, fault: Fault | None) -> Response | None:
        if fault is None:
            return None
        if fault.kind == "rate_limit":
            wait = str(fault.params.get("retry_after", 2))
            return _error(429, "Rate limit reached for requests.", "requests", "rate_limit_exceeded", {"Retry-After": wait})
        if fault.kind == "quota":
            return _error(429, "You exceeded your current quota, please check your plan and billing details.",
                          "insufficient_quota", "insufficient_quota")
        if fault.kind == "unauthorized":
            return _error(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key")
        if fault.kind == "server_error":
            return _error(500, "The server had an error while processing your request.", "server_error", None)
        if fault.kind == "context_too_long":
            return _error(400, "This model's maximum context length is 8192 tokens. However, your messages resulted "
                          "in 9001 tokens.", "invalid_request_error", "context_length_exceeded")
        return None

    def _reply_text(self, body: dict[str, Any], fmt: str | None, fault: Fault | None, scripted: Any) -> tuple[str, str]:
        kind = fault.kind if fault else ""
        if kind == "refusal":
            return "", "I'm sorry, but I can't help with that request."
        if kind == "invalid_json":
            return "Sure! Try Ditto by NewJeans and Spring Day by BTS - {not json", ""
        if scripted is None and self.responder is not None:
            scripted = self.responder(body)
        if isinstance(scripted, str):
            return scripted, ""
        reply = scripted if isinstance(scripted, dict) else self.recommender.reply(body, empty=kind == "empty_recommendations")
        text = json.dumps(reply, ensure_ascii=False)
        if fmt is None:
            # without response_format, models like to chat around the JSON
            text = f"Here you go:\n```json\n{text}\n```"
        return text, ""

    def _chunk(self, cid: str, delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {
            "id": cid, "object": "chat.completion.chunk", "created": int(time.time()), "model": self.model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }

    def _stream(self, body: dict[str, Any], text: str, refusal: str, fault: Fault | None) -> Iterator[bytes]:
        cid = f"chatcmpl-sandbox-{uuid.uuid4().hex[:12]}"
        kind = fault.kind if fault else ""
        if kind == "slow_first_token" and self._stopping.wait(float(fault.params.get("delay", 1.0))):  # type: ignore[union-attr]
            return
        events: list[Any] = [self._chunk(cid, {"role": "assistant", "content": ""})]
        if refusal:
            events.append(self._chunk(cid, {"refusal": refusal}))
        step = max(1, self.chunk_chars)
        pieces = [text[i : i + step] for i in range(0, len(text), step)]
        if kind == "cut_stream":
            pieces = pieces[: max(1, len(pieces) // 2)]
        events.extend(self._chunk(cid, {"content": piece}) for piece in pieces)
        if kind != "cut_stream":
            events.append(self._chunk(cid, {}, "stop"))
            if (body.get("stream_options") or {}).get("include_usage"):
                usage = {"prompt_tokens": sum(len(json.dumps(m)) for m in body.get("messages", [])) // 4,
                         "completion_tokens": max(1, len(text) // 4)}
                usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
                events.append({"id": cid, "object": "chat.completion.chunk", "created": int(time.time()),
                               "model": self.model, "choices": [], "usage": usage})
            events.append("[DONE]")
        first = True
        for frame in sse(events):
            if first:
                self.first_byte_at.append(time.perf_counter())
                first = False
            elif self.chunk_delay and self._stopping.wait(self.chunk_delay):
                return
            yield frame

    def _completion(self, text: str, refusal: str) -> dict[str, Any]:
        return {
            "id": f"chatcmpl-sandbox-{uuid.uuid4().hex[:12]}", "object": "chat.completion", "created": int(time.time()),
            "model": self.model,
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": text or None, "refusal": refusal or None}}],
            "usage": {"prompt_tokens": 10, "completion_tokens": max(1, len(text) // 4), "total_tokens": 10 + max(1, len(text) // 4)},
        }


def start_sandbox_llm(tracks_path: Path | None = None, **options: Any) -> FakeOpenAI:
    """A started fake for ``diaryrec --sandbox``; stop it when the app quits.
    ``fake.provider()`` is the ProviderConfig a turn service uses with it."""
    tracks = tracks_from_json(tracks_path) if tracks_path else None
    fake = FakeOpenAI(tracks, **options)
    fake.start()
    return fake
