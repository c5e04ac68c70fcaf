"""What a provider's error proves, read from its structure rather than its wording.

OpenAI-compatible servers agree on the shape of an error (an HTTP status and a body
``{"error": {"message", "type", "code", "param"}}``) far more than on its English.
A real llama.cpp server showed what the fakes never did: the refusal of a
``response_format`` comes as "JSON schema error" or "Failed to initialize samplers",
a model missing in router mode as 400 ``model 'X' not found``, an image sent to a
text-only model as a 500. So the client decides from the status, the body's
``type``/``code``/``param`` and, where that is not enough, from a second request
whose success proves the cause (the same request in the next response mode, or
without its images); never from lists of English phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import openai

#: statuses with which a server may refuse a part of the request it cannot do
#: (a response_format, an image): worth one request that leaves that part out
REFUSAL_STATUSES = frozenset({400, 415, 422, 500, 501})


@dataclass(frozen=True)
class ErrorFields:
    status: int
    message: str
    type: str
    code: str
    param: str

    @property
    def tags(self) -> str:
        return f"{self.type} {self.code}".lower()


def fields(exc: openai.APIStatusError) -> ErrorFields:
    body = exc.body if isinstance(exc.body, dict) else {}
    message = str(body.get("message") or exc.message or "")
    return ErrorFields(
        status=exc.status_code,
        message=message,
        type=str(getattr(exc, "type", "") or ""),
        code=str(exc.code or ""),
        param=str(exc.param or ""),
    )


def is_context_error(err: ErrorFields) -> bool:
    """The prompt is longer than the model's context: OpenAI's ``context_length_exceeded``,
    llama.cpp's ``exceed_context_size_error``, vLLM's and others' 413."""
    return err.status == 413 or "context_length" in err.tags or "exceed_context" in err.tags


def is_model_not_found(err: ErrorFields, model: str) -> bool:
    """No such model, however the provider says it: a 404 (OpenAI, Ollama, vLLM), the
    code ``model_not_found`` (OpenAI, LM Studio), ``param: "model"``, or a 400 whose
    message names the very model that was asked for together with its absence
    (llama.cpp's router: ``model 'X' not found``)."""
    if err.status == 404 or "model_not_found" in err.tags or err.param == "model":
        return True
    if err.status in (400, 422) and model and model in err.message:
        rest = err.message.replace(model, " ").lower()
        return bool(re.search(r"\bnot\b.*\b(found|exist|available|loaded)|\bunknown\b|\bno such\b|\binvalid model", rest))
    return False


def blames_response_format(err: ErrorFields) -> bool:
    """The body points at ``response_format`` itself (OpenAI's ``param``)."""
    return err.param.startswith("response_format")


def blames_something_else(err: ErrorFields, model: str) -> bool:
    """The body says what is wrong, and it is not the response format."""
    if err.param and not blames_response_format(err):
        return True
    return is_context_error(err) or is_model_not_found(err, model) or err.status in (401, 403, 404, 408, 409, 413, 429)


def may_be_refused_part(err: ErrorFields, model: str) -> bool:
    """Could leaving a part out of the request (its response_format, its images) help?"""
    return err.status in REFUSAL_STATUSES and not blames_something_else(err, model)


# -- images ------------------------------------------------------------------------------


def has_images(messages: list[dict[str, Any]]) -> bool:
    return any(
        isinstance(m.get("content"), list) and any(isinstance(p, dict) and p.get("type") == "image_url" for p in m["content"])
        for m in messages
    )


def last_user_index(messages: list[dict[str, Any]]) -> int:
    return max((i for i, m in enumerate(messages) if m.get("role") == "user"), default=-1)


def without_images(messages: list[dict[str, Any]], *, keep_last_user: bool = False) -> list[dict[str, Any]]:
    """The same conversation with every picture left out (its text parts kept); with
    ``keep_last_user``, those of the participant's latest message stay."""
    out = []
    last = last_user_index(messages) if keep_last_user else -1
    for i, m in enumerate(messages):
        content = m.get("content")
        if isinstance(content, list) and i != last:
            texts = [p for p in content if not (isinstance(p, dict) and p.get("type") == "image_url")]
            m = {**m, "content": texts or [{"type": "text", "text": "(picture)"}]}
        out.append(m)
    return out


# -- model names ------------------------------------------------------------------------

_MODEL_FILE = re.compile(r"\.(gguf|ggml|bin|safetensors|pt|pth|onnx|llamafile)$", re.IGNORECASE)
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


def model_label(name: str | None) -> str:
    """A model name as diaryrec stores and exports it. A server that names its model by
    the file it loaded (llama.cpp without ``--alias``) reports a path such as
    ``/home/ana/models/qwen2.5-7b-q4.gguf``: only the file name is kept, never the
    folders (they carry the participant's user name and layout). Hub names such as
    ``meta-llama/Llama-3.1-8B-Instruct`` or Ollama's ``hf.co/org/repo:Q4_K_M`` are not
    paths and stay as they are."""
    name = (name or "").strip()
    is_path = (
        name.startswith(("/", "~", "./", "../", ".\\", "..\\"))
        or "\\" in name
        or bool(_DRIVE.match(name))
        or ("/" in name and bool(_MODEL_FILE.search(name)))
    )
    if not is_path:
        return name
    return re.split(r"[\\/]", name.rstrip("\\/"))[-1] or name
