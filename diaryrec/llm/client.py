"""The one wrapper over the ``openai`` SDK: Chat Completions (the API OpenAI and
every OpenAI-compatible local server share), streamed, with explicit timeouts,
cancellation, the reply contract and typed errors.

Retries: the SDK's own are off (``max_retries=0``): it would sleep through a
Retry-After without any way to stop it. Instead a request is retried at most once,
after a short cancellable pause, and only when nothing has arrived yet and the
failure is a dropped connection or a 5xx. Rate limits go straight to the
participant with the wait the provider asked for.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx2
import openai

from diaryrec.llm import cancel as cancelling
from diaryrec.llm import errors, evidence
from diaryrec.llm.evidence import model_label
from diaryrec.llm.cancel import CancelToken
from diaryrec.llm.contract import (
    JSON_OBJECT_FORMAT,
    JSON_SCHEMA_FORMAT,
    ContractError,
    FollowUp,
    MessageStream,
    Recommendation,
    drop_duplicates,
    parse_reply,
)
from diaryrec.logs import register_secret
from diaryrec.llm.provider import DEFAULT_MEMORY, NEXT_MODE, ProviderConfig, ProviderMemory, ResponseMode
from diaryrec.sheets.prompt_words import REPAIR_REQUEST, in_language
from diaryrec.store.types import utcnow
from diaryrec.vocabulary import Language

log = logging.getLogger(__name__)

RETRY_PAUSE_S = 0.5
OnText = Callable[[str], None]


@dataclass
class Timing:
    request_started_at: dt.datetime
    first_token_ms: float | None = None
    duration_ms: float | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None

    def add_usage(self, usage: Any) -> None:
        if usage is None:
            return
        prompt, completion = getattr(usage, "prompt_tokens", None), getattr(usage, "completion_tokens", None)
        if prompt is not None:
            self.prompt_tokens = (self.prompt_tokens or 0) + int(prompt)
        if completion is not None:
            self.completion_tokens = (self.completion_tokens or 0) + int(completion)


@dataclass
class ChatResult:
    status: str  # "complete" | "raw" (the reply broke the contract twice; its text is the message)
    message: str
    raw_text: str
    recommendations: list[Recommendation]
    follow_up: FollowUp | None
    timing: Timing
    mode: ResponseMode
    model: str
    repaired: bool = False
    duplicates_dropped: int = 0


@dataclass
class _Attempt:
    text: str = ""
    refusal: str = ""
    finish_reason: str | None = None
    model: str = ""
    shown: str = ""  # the message text read out of the reply so far (what the screen shows)
    extra: dict[str, Any] = field(default_factory=dict)


_CONTEXT_WORDS = re.compile(
    r"context[_ ]length|context window|maximum context|too many tokens|prompt is too long|exceeds the .*context", re.I
)


def _error_text(exc: openai.APIError) -> str:
    body = exc.body
    if isinstance(body, dict):
        return str(body.get("message") or exc.message)
    return str(exc.message)


def _retry_after(exc: openai.APIStatusError) -> float | None:
    headers = exc.response.headers
    for name, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = headers.get(name)
        if value:
            try:
                return float(value) / divisor
            except ValueError:
                continue
    return None


def map_error(exc: Exception, config: ProviderConfig, partial: str = "") -> errors.LlmError:
    """The participant-facing error for an SDK exception."""
    if isinstance(exc, errors.LlmError):
        return exc
    if isinstance(exc, openai.APITimeoutError):
        return errors.LlmTimeoutError(str(exc), partial=partial)
    if isinstance(exc, openai.APIConnectionError):
        return errors.ConnectionFailedError(f"{exc} ({exc.__cause__!r})", partial=partial)
    if isinstance(exc, openai.APIStatusError):
        text = _error_text(exc)
        detail = f"HTTP {exc.status_code}: {text}"
        code = (exc.code or "") + " " + str(getattr(exc, "type", "") or "")
        if exc.status_code == 401:
            return errors.WrongKeyError(detail, partial=partial)
        if exc.status_code == 429:
            if "insufficient_quota" in code or "quota" in text.lower():
                return errors.QuotaError(detail, partial=partial)
            return errors.RateLimitError(detail, partial=partial, retry_after=_retry_after(exc))
        err = evidence.fields(exc)
        if evidence.is_context_error(err) or "context_length" in code or _CONTEXT_WORDS.search(text):
            return errors.ContextTooLongError(detail, partial=partial)
        if evidence.is_model_not_found(err, config.model):
            return errors.ModelNotFoundError(detail, partial=partial, model=config.model)
        if exc.status_code >= 500:
            return errors.ServerError(detail, partial=partial)
        return errors.RequestRejectedError(detail, partial=partial)
    if isinstance(exc, openai.APIError):  # an error event inside the stream
        return errors.ServerError(_error_text(exc), partial=partial)
    raise exc


@dataclass(frozen=True)
class ModelCheck:
    """What "Test connection" saw. ``answered_by``: the model that answered a name the
    provider does not list (a single-model server serves every name with its one model)."""

    detail: str
    answered_by: str = ""

    def __str__(self) -> str:
        return self.detail


class LlmClient:
    """One provider's chat. Thread-safe enough for one turn at a time per thread;
    the UI runs each turn on a worker thread and cancels it through its token."""

    def __init__(self, config: ProviderConfig, *, memory: ProviderMemory = DEFAULT_MEMORY):
        self.config = config
        self.memory = memory
        if config.api_key and not config.sandbox:
            register_secret(config.api_key)  # an SDK or httpx debug line must never carry it
        timeout = httpx2.Timeout(config.read_timeout, connect=config.connect_timeout, pool=config.connect_timeout)
        self._http = httpx2.Client(
            timeout=timeout,
            # one connection per request, so a cancel can shut exactly that socket down
            limits=httpx2.Limits(max_connections=8, max_keepalive_connections=0),
            event_hooks={"request": [cancelling.request_hook]},
        )
        self._sdk = openai.OpenAI(
            base_url=config.base_url,
            api_key=config.api_key or "no-key-needed",
            max_retries=0,
            timeout=timeout,
            http_client=self._http,
        )

    def close(self) -> None:
        self._sdk.close()
        self._http.close()

    def __enter__(self) -> "LlmClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- "Test connection" -----------------------------------------------------------------

    def check(self) -> "ModelCheck":
        """Prove the address, the key and the model with the smallest request, as a
        turn would meet them: the provider's models listed and this one among them;
        else (not listed, or no listing: 404) a one-token chat request with this name.
        A single-model server (llama.cpp) answers any name with the one model it runs:
        that is reported as the model that answered, not as missing. Raises the
        ``LlmError`` a turn would raise (``ModelNotFoundError`` naming what is offered)."""
        names: list[str] | None = None
        try:
            try:
                names = sorted({m.id for m in self._sdk.models.list()})
            except openai.NotFoundError:
                names = None
            if names is not None and self.config.model in names:
                return ModelCheck(f"{len(names)} models offered")
            answer = self._sdk.chat.completions.create(
                model=self.config.model, messages=[{"role": "user", "content": "ping"}], max_tokens=1
            )
        except Exception as exc:  # noqa: BLE001 - map_error re-raises what is no provider error
            mapped = map_error(exc, self.config)
            if isinstance(mapped, errors.ModelNotFoundError) and names is not None:
                shown = ", ".join(model_label(n) for n in names[:8])
                mapped.detail = f"offered: {shown}" if shown else "no models offered"
            raise mapped from None
        if names is None:
            return ModelCheck("model answered a one-token request")
        answered = model_label(names[0] if len(names) == 1 else (answer.model or ""))
        return ModelCheck(f"'{self.config.model}' is not listed; the server answered with {answered!r}", answered_by=answered)

    # -- the turn -------------------------------------------------------------------------

    def chat(
        self,
        messages: Sequence[dict[str, Any]],
        *,
        on_text: OnText | None = None,
        cancel: CancelToken | None = None,
        structured: bool = True,
        language: str = Language.EN,
    ) -> ChatResult:
        """Send ``messages`` (system prompt first) and read the streamed reply.

        ``on_text`` gets the ``message`` text each time more of it has arrived.
        With ``structured`` the reply must follow the contract (one repair request
        if it does not; after a second failure its raw text becomes the message);
        without, the reply is plain text (the bare ice-breaking assistant). The
        repair request is written in ``language``, the conversation's (as its prompt).
        """
        if self.config.needs_key and not self.config.api_key:
            raise errors.NoApiKeyError()
        token = cancel or CancelToken()
        timing = Timing(request_started_at=utcnow())
        started = time.perf_counter()
        first = self._complete(list(messages), on_text, token, timing, started, structured)
        if not structured:
            timing.duration_ms = (time.perf_counter() - started) * 1000
            text = first.text.strip()
            return ChatResult("complete", text, first.text, [], None, timing, ResponseMode.TEXT, model_label(first.model))
        mode = self.memory.mode(self.config.key)
        try:
            return self._result(first.text, first.text, timing, started, mode, first.model, repaired=False)
        except ContractError as problem:
            log.info("reply broke the contract (%s); asking once for a repair", problem)
            repair = [
                *messages,
                {"role": "assistant", "content": first.text},
                {"role": "user", "content": in_language(REPAIR_REQUEST, language).format(problem=problem)},
            ]
        second = self._complete(repair, on_text, token, timing, started, structured)
        raw = f"{first.text}\n\n--- repair ---\n{second.text}"
        try:
            return self._result(second.text, raw, timing, started, mode, second.model, repaired=True)
        except ContractError as problem:
            log.warning("repaired reply broke the contract again (%s); keeping the raw text", problem)
        timing.duration_ms = (time.perf_counter() - started) * 1000
        message = first.text.strip() or second.text.strip()
        if not message:
            raise errors.MalformedReplyError("the model sent an empty reply twice")
        if on_text is not None:
            on_text(message)
        return ChatResult("raw", message, raw, [], None, timing, mode, model_label(second.model or first.model), repaired=True)

    def _result(
        self, text: str, raw: str, timing: Timing, started: float, mode: ResponseMode, model: str, *, repaired: bool
    ) -> ChatResult:
        reply = parse_reply(text)
        kept = drop_duplicates(reply.recommendations)
        timing.duration_ms = (time.perf_counter() - started) * 1000
        return ChatResult(
            status="complete",
            message=reply.message.strip(),
            raw_text=raw,
            recommendations=kept,
            follow_up=reply.follow_up,
            timing=timing,
            mode=mode,
            model=model_label(model or self.config.model),
            repaired=repaired,
            duplicates_dropped=len(reply.recommendations) - len(kept),
        )

    def _complete(
        self,
        messages: list[dict[str, Any]],
        on_text: OnText | None,
        token: CancelToken,
        timing: Timing,
        started: float,
        structured: bool,
    ) -> _Attempt:
        """One reply, streamed: falls back through the response modes the provider
        refuses, and retries once on a dropped connection or a 5xx.

        What counts as a refusal is proved, not guessed from wording: a request that
        failed with a status a refused part can cause (``evidence.may_be_refused_part``)
        is sent once more without that part (its images, then the next response mode);
        only when that succeeds is the part blamed. A 5xx is first retried as it was
        sent. A lower mode is remembered for the provider only once it has answered."""
        retried = False
        images_checked = False
        lowered_after_5xx = False
        remembered = self.memory.mode(self.config.key) if structured else ResponseMode.TEXT
        mode = remembered
        if self.memory.images_refused(self.config.key) and evidence.has_images(messages):
            # pictures of earlier turns the model could not see: the text goes, the latest picture is tried
            messages = evidence.without_images(messages, keep_last_user=True)
        while True:
            attempt = _Attempt()
            try:
                self._stream(messages, mode, attempt, on_text, token, timing, started)
            except openai.APIStatusError as exc:
                if token.cancelled:
                    raise self._failed(errors.TurnCancelledError(), attempt, structured) from None
                text = _error_text(exc)
                if "stream_options" in text and self.memory.usage_allowed(self.config.key):
                    self.memory.forbid_usage(self.config.key)
                    continue
                err = evidence.fields(exc)
                if not attempt.text and evidence.may_be_refused_part(err, self.config.model):
                    if not images_checked and evidence.has_images(messages):
                        images_checked = True
                        if self._answers_without_images(messages, mode, token):
                            log.info("%s refused the images (%s); the model takes none", self.config.host, text)
                            self.memory.refuse_images(self.config.key)
                            if evidence.has_images(messages[evidence.last_user_index(messages):]):
                                raise errors.ImagesNotSupportedError(f"HTTP {exc.status_code}: {text}") from None
                            # only earlier messages carry pictures: the participant sent this one without
                            messages = evidence.without_images(messages)
                            continue
                    lower = NEXT_MODE.get(mode) if structured else None
                    # a 4xx (or a body naming response_format) is the same every time: try the
                    # next mode at once; a 5xx only once it failed again as sent, and one step only
                    deterministic = evidence.blames_response_format(err) or exc.status_code < 500
                    if lower is not None and (deterministic or (retried and not lowered_after_5xx)):
                        lowered_after_5xx = lowered_after_5xx or not deterministic
                        log.info("%s refused response_format %s (HTTP %s: %s); trying %s",
                                 self.config.host, mode, exc.status_code, text, lower)
                        mode = lower
                        continue
                if exc.status_code >= 500 and not retried and not attempt.text:
                    retried = True
                    if token.wait(RETRY_PAUSE_S):
                        raise errors.TurnCancelledError() from None
                    continue
                raise self._failed(map_error(exc, self.config), attempt, structured) from None
            except openai.APIConnectionError as exc:
                if token.cancelled:
                    raise self._failed(errors.TurnCancelledError(), attempt, structured) from None
                timeout = isinstance(exc, openai.APITimeoutError)
                if not timeout and not retried and not attempt.text:
                    retried = True
                    if token.wait(RETRY_PAUSE_S):
                        raise errors.TurnCancelledError() from None
                    continue
                raise self._failed(map_error(exc, self.config), attempt, structured) from None
            except openai.APIError as exc:
                raise self._failed(map_error(exc, self.config), attempt, structured) from None
            if token.cancelled:
                raise self._failed(errors.TurnCancelledError(), attempt, structured)
            if attempt.refusal or attempt.finish_reason == "content_filter":
                raise errors.RefusalError(attempt.refusal or "content_filter", partial=attempt.refusal or attempt.text)
            if attempt.finish_reason is None:
                # the connection closed without a finish_reason: the server or a proxy cut it off
                raise self._failed(errors.IncompleteReplyError("stream ended without finish_reason"), attempt, structured)
            if structured and mode != remembered:
                log.info("%s answers in response mode %s: using it from now on", self.config.host, mode)
                self.memory.settle(self.config.key, mode)
            if attempt.finish_reason == "length":
                # the token cap or the context's end: a repair request would only make the prompt longer
                detail = f"finish_reason length after {timing.completion_tokens or '?'} completion tokens"
                raise self._failed(errors.ReplyCutOffError(detail), attempt, structured)
            return attempt

    @staticmethod
    def _failed(error: errors.LlmError, attempt: _Attempt, structured: bool) -> errors.LlmError:
        """``error`` with what the participant saw of the reply as its ``partial`` (the
        message text, never the raw JSON) and the raw text beside it as ``raw``."""
        error.partial = (attempt.shown if structured else attempt.text.strip()) or error.partial
        error.raw = attempt.text  # type: ignore[attr-defined]
        return error

    def _answers_without_images(self, messages: list[dict[str, Any]], mode: ResponseMode, token: CancelToken) -> bool:
        """Does the same request, its pictures left out, get an answer? (one token)"""
        kwargs: dict[str, Any] = {"model": self.config.model, "messages": evidence.without_images(messages), "max_tokens": 1}
        if mode == ResponseMode.JSON_SCHEMA:
            kwargs["response_format"] = JSON_SCHEMA_FORMAT
        elif mode == ResponseMode.JSON_OBJECT:
            kwargs["response_format"] = JSON_OBJECT_FORMAT
        try:
            with cancelling.active(token):
                self._sdk.chat.completions.create(**kwargs)
        except openai.APIError:
            return False
        finally:
            token.detach_all()
        return True

    def _stream(
        self,
        messages: list[dict[str, Any]],
        mode: ResponseMode,
        attempt: _Attempt,
        on_text: OnText | None,
        token: CancelToken,
        timing: Timing,
        started: float,
    ) -> None:
        kwargs: dict[str, Any] = {"model": self.config.model, "messages": messages, "stream": True}
        if mode == ResponseMode.JSON_SCHEMA:
            kwargs["response_format"] = JSON_SCHEMA_FORMAT
        elif mode == ResponseMode.JSON_OBJECT:
            kwargs["response_format"] = JSON_OBJECT_FORMAT
        if self.memory.usage_allowed(self.config.key):
            kwargs["stream_options"] = {"include_usage": True}
        reader = MessageStream()
        with cancelling.active(token):
            if token.cancelled:
                return
            stream = self._sdk.chat.completions.create(**kwargs)
        try:
            for chunk in stream:
                if token.cancelled:
                    break
                attempt.model = attempt.model or (chunk.model or "")
                timing.add_usage(getattr(chunk, "usage", None))
                for choice in chunk.choices or []:
                    delta = choice.delta
                    content = getattr(delta, "content", None) if delta is not None else None
                    refusal = getattr(delta, "refusal", None) if delta is not None else None
                    if content:
                        if timing.first_token_ms is None:
                            timing.first_token_ms = (time.perf_counter() - started) * 1000
                        attempt.text += content
                        shown = reader.feed(content)
                        if shown is not None:
                            attempt.shown = shown
                            if on_text is not None:
                                on_text(shown)
                    if refusal:
                        attempt.refusal += refusal
                    if choice.finish_reason:
                        attempt.finish_reason = choice.finish_reason
        finally:
            stream.close()
            token.detach_all()
