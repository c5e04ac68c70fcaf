"""The reply contract: the JSON object every recommender answers with, its strict
JSON schema for ``response_format``, tolerant parsing, and the ``message`` text
read out of a reply while it is still streaming."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

import partial_json_parser
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from diaryrec.vocabulary import FollowUpKind

#: the years a recording can plausibly carry (what the strings "2017-03-24", "2017년" are
#: read as too); the schema sends the same bounds, so a grammar cannot produce -8
YEAR_MIN, YEAR_MAX = 1800, 2099
TEXT_MAX = 500


class Recommendation(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=500)
    artist: str = Field(min_length=1, max_length=500)
    album: str | None = Field(default=None, max_length=500)
    year: int | None = None
    reason: str = ""
    keywords: list[str] = []

    @field_validator("album", mode="before")
    @classmethod
    def _empty_album(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("year", mode="before")
    @classmethod
    def _year(cls, value: Any) -> Any:
        # models write "2017", "2017-03-24" or "2017년" as often as 2017
        if isinstance(value, str):
            found = re.search(r"\b(1[89]\d\d|20\d\d)", value)
            return int(found.group(1)) if found else None
        if isinstance(value, float):
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and not YEAR_MIN <= value <= YEAR_MAX:
            return None  # no recording's year: unknown rather than a repair round
        return value

    @field_validator("keywords", mode="before")
    @classmethod
    def _keywords(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value


class FollowUp(BaseModel):
    model_config = ConfigDict(extra="ignore")

    kind: FollowUpKind = FollowUpKind.NONE
    question: str = ""
    options: list[str] = []


class Reply(BaseModel):
    model_config = ConfigDict(extra="ignore")

    message: str
    recommendations: list[Recommendation] = []
    follow_up: FollowUp = FollowUp()


_KINDS = [kind.value for kind in FollowUpKind]
# "pattern" (not minLength, which OpenAI's strict mode refuses). llama.cpp compiles a
# pattern to grammar characters as they are, without JSON's escaping: its "." lets a raw
# '"' through and the reply stops being JSON. So: anchored, no "." and no \S, quotes,
# backslashes and control characters left out (a title loses its quotation marks).
_NON_EMPTY: dict[str, Any] = {"type": "string", "pattern": r'^[^\x00-\x20"\\][^\x00-\x1f"\\]*$'}

#: Strict structured-output schema: every property required, nothing else allowed.
REPLY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "message": {"type": "string"},
        "recommendations": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    # non-empty and not only spaces, as Recommendation requires
                    "title": _NON_EMPTY,
                    "artist": _NON_EMPTY,
                    "album": {"type": ["string", "null"]},
                    "year": {"anyOf": [{"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX}, {"type": "null"}]},
                    "reason": {"type": "string"},
                    "keywords": {"type": "array", "items": {"type": "string"}},
                },
                "required": ["title", "artist", "album", "year", "reason", "keywords"],
                "additionalProperties": False,
            },
        },
        "follow_up": {
            "type": "object",
            "properties": {
                "kind": {"type": "string", "enum": _KINDS},
                "question": {"type": "string"},
                "options": {"type": "array", "items": {"type": "string"}},
            },
            "required": ["kind", "question", "options"],
            "additionalProperties": False,
        },
    },
    "required": ["message", "recommendations", "follow_up"],
    "additionalProperties": False,
}

JSON_SCHEMA_FORMAT: dict[str, Any] = {
    "type": "json_schema",
    "json_schema": {"name": "diaryrec_reply", "strict": True, "schema": REPLY_SCHEMA},
}
JSON_OBJECT_FORMAT: dict[str, Any] = {"type": "json_object"}


class ContractError(ValueError):
    """The text is not a reply of the contract; the message says why (for the repair request)."""


def _json_objects(text: str) -> list[Any]:
    """Every JSON object that starts at a "{" in ``text``, first one first: models
    wrap replies in code fences or a sentence more often than one would hope."""
    decoder = json.JSONDecoder()
    found = []
    for match in re.finditer(r"\{", text):
        try:
            value, _end = decoder.raw_decode(text, match.start())
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            found.append(value)
            if "message" in value:
                break
    return found


def parse_reply(text: str) -> Reply:
    """The reply in ``text``: strict JSON first, then the first JSON object in it."""
    stripped = text.strip()
    candidates: list[Any] = []
    try:
        candidates.append(json.loads(stripped))
    except json.JSONDecodeError:
        candidates.extend(_json_objects(stripped))
    if not candidates:
        raise ContractError("the reply is not a JSON object")
    problem = "the JSON object has no \"message\""
    for candidate in reversed(candidates) if len(candidates) > 1 else candidates:
        if not isinstance(candidate, dict):
            problem = "the reply is JSON but not an object"
            continue
        try:
            return Reply.model_validate(candidate)
        except ValidationError as exc:
            first = exc.errors()[0]
            problem = f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    raise ContractError(problem)


def _track_key(rec: Recommendation) -> tuple[str, str]:
    def norm(value: str) -> str:
        value = unicodedata.normalize("NFKC", value).casefold()
        value = re.sub(r"\s*[\(\[].*?[\)\]]", "", value)  # "(feat. …)", "[Remastered]"
        return re.sub(r"[\W_]+", "", value)

    return norm(rec.title), norm(rec.artist)


def drop_duplicates(recommendations: list[Recommendation]) -> list[Recommendation]:
    """One card per track: later repeats of a title by the same artist are dropped."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for rec in recommendations:
        key = _track_key(rec)
        if key in seen:
            continue
        seen.add(key)
        kept.append(rec)
    return kept


class MessageStream:
    """Reads the ``message`` text out of a reply while it streams in.

    ``feed(delta)`` returns the message text so far when it changed, else None.
    Once another key follows the message the text is final and parsing stops, so
    the cost does not grow with the track list. A reply that does not start with
    JSON (a model ignoring the contract) streams as plain text.
    """

    def __init__(self) -> None:
        self.buffer = ""
        self.text = ""
        self.done = False
        self._start: int | None = None
        self._plain = False

    def feed(self, delta: str) -> str | None:
        self.buffer += delta
        if self.done:
            return None
        if self._start is None and not self._plain:
            head = self.buffer.lstrip()
            if not head:
                return None
            if head[0] in "{`":
                brace = self.buffer.find("{")
                if brace < 0:
                    return None
                self._start = brace
            else:
                self._plain = True
        if self._plain:
            return self._update(self.buffer.strip())
        try:
            value = partial_json_parser.loads(self.buffer[self._start :], partial_json_parser.Allow.ALL)
        # AssertionError too: its parser asserts on some malformed text (a real server's
        # gibberish "{ blue\" guitar gentle} ..." in text mode)
        except (partial_json_parser.MalformedJSON, ValueError, IndexError, RecursionError, AssertionError):
            return None
        if not isinstance(value, dict):
            return None
        message = value.get("message")
        if any(key != "message" for key in value) and isinstance(message, str):
            self.done = True
        return self._update(message) if isinstance(message, str) else None

    def _update(self, text: str) -> str | None:
        if text == self.text:
            return None
        self.text = text
        return text
