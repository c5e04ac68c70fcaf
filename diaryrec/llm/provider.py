"""Which OpenAI-compatible provider a turn talks to, and what diaryrec has learnt
about it (which ``response_format`` it accepts), so a fallback found once is not
tried again on every turn."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from diaryrec.protocol.model import StudyFile
from diaryrec.secrets import SecretName, get_secret
from diaryrec.settings import Settings

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}
SANDBOX_MODEL = "diaryrec-sandbox-scripted"


class ResponseMode(StrEnum):
    JSON_SCHEMA = "json_schema"  # structured outputs, strict
    JSON_OBJECT = "json_object"  # JSON mode: valid JSON, shape from the prompt
    TEXT = "text"  # nothing asked; the reply is extracted tolerantly


NEXT_MODE = {ResponseMode.JSON_SCHEMA: ResponseMode.JSON_OBJECT, ResponseMode.JSON_OBJECT: ResponseMode.TEXT}


@dataclass(frozen=True)
class ProviderConfig:
    base_url: str
    model: str
    api_key: str = ""
    connect_timeout: float = 10.0
    read_timeout: float = 90.0  # a local model may take a while to load before its first token
    sandbox: bool = False

    @property
    def key(self) -> str:
        return f"{self.base_url.rstrip('/')}|{self.model}"

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    @property
    def label(self) -> str:
        """What ``conversation.provider`` records."""
        return "sandbox" if self.sandbox else self.host

    @property
    def needs_key(self) -> bool:
        # Ollama, LM Studio, llama.cpp and vLLM on this computer take no key
        return not self.sandbox and self.host not in LOCAL_HOSTS

    def __repr__(self) -> str:  # never show the key in a log or a traceback
        return f"ProviderConfig(base_url={self.base_url!r}, model={self.model!r}, sandbox={self.sandbox})"


def provider_config(study: StudyFile, settings: Settings | None = None) -> ProviderConfig:
    """The study's provider, with the participant's own address/model if they set
    one; the key from the study file, else from the OS keyring."""
    base_url = (settings.llm_base_url if settings and settings.llm_base_url else study.llm.base_url).rstrip("/")
    model = settings.llm_model if settings and settings.llm_model else study.llm.model
    api_key = study.llm.api_key or get_secret(SecretName.LLM_API_KEY)
    return ProviderConfig(base_url=base_url, model=model, api_key=api_key)


class ProviderMemory:
    """Per provider: the response mode that works, whether usage may be asked for, and
    whether it was proved to take no pictures."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._modes: dict[str, ResponseMode] = {}
        self._no_usage: set[str] = set()
        self._no_images: set[str] = set()

    def mode(self, key: str) -> ResponseMode:
        with self._lock:
            return self._modes.get(key, ResponseMode.JSON_SCHEMA)

    def downgrade(self, key: str, failed: ResponseMode) -> ResponseMode | None:
        """The next mode to try after ``failed`` was refused; None when none is left."""
        nxt = NEXT_MODE.get(failed)
        with self._lock:
            if nxt is not None:
                self._modes[key] = nxt
        return nxt

    def settle(self, key: str, mode: ResponseMode) -> None:
        """``mode`` answered where the remembered one was refused: use it from now on."""
        with self._lock:
            self._modes[key] = mode

    def refuse_images(self, key: str) -> None:
        """The provider was proved to take no pictures (the same request without them answered)."""
        with self._lock:
            self._no_images.add(key)

    def images_refused(self, key: str) -> bool:
        with self._lock:
            return key in self._no_images

    def usage_allowed(self, key: str) -> bool:
        with self._lock:
            return key not in self._no_usage

    def forbid_usage(self, key: str) -> None:
        with self._lock:
            self._no_usage.add(key)


DEFAULT_MEMORY = ProviderMemory()
