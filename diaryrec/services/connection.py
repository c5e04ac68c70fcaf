""""Test connection": can diaryrec reach the LLM provider and Spotify with these
settings? Qt-free, run from a worker thread; each check answers with a status the
screens put into plain words (in the participant's language) and never raises.

The turn and catalog services do the real work later; these checks only make the
smallest request that proves the address, the key and the model are right.
"""

from __future__ import annotations

import base64
import json
import logging
import socket
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from diaryrec.errors import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SPOTIFY_TOKEN_URL = "https://accounts.spotify.com/api/token"
DEFAULT_TIMEOUT = 15.0


class ConnectionStatus(StrEnum):
    OK = "ok"
    MISSING = "missing"  # a required value was left empty
    BAD_ADDRESS = "bad_address"  # the base URL is not a usable http(s) address
    UNREACHABLE = "unreachable"  # nothing answered (offline, wrong host, firewall)
    TIMEOUT = "timeout"
    UNAUTHORIZED = "unauthorized"  # the key or client credentials were refused
    MODEL_UNKNOWN = "model_unknown"  # the provider answered but has no such model
    RATE_LIMITED = "rate_limited"  # too many requests, or no credit left
    SERVER_ERROR = "server_error"  # the service answered with an error of its own


def _same(text: str) -> str:
    return text


# The report's words, marked for the one translation path (pyside6-lupdate collects
# them into diaryrec_ko.ts, context "Connection"; diaryrec.ui.credentials shows them).
CONNECTION_CONTEXT = "Connection"
REPORT_LINE = QT_TRANSLATE_NOOP("Connection", "{service}: {words}")
SERVICE_NAMES = {
    "llm": QT_TRANSLATE_NOOP("Connection", "Language model"),
    "spotify": QT_TRANSLATE_NOOP("Connection", "Spotify"),
}
STATUS_WORDS = {
    ConnectionStatus.OK: QT_TRANSLATE_NOOP("Connection", "works."),
    ConnectionStatus.MISSING: QT_TRANSLATE_NOOP("Connection", "some fields are empty."),
    ConnectionStatus.BAD_ADDRESS: QT_TRANSLATE_NOOP("Connection", "the address must start with http:// or https://."),
    ConnectionStatus.UNREACHABLE: QT_TRANSLATE_NOOP("Connection", "could not be reached. Check the address and your internet connection."),
    ConnectionStatus.TIMEOUT: QT_TRANSLATE_NOOP("Connection", "did not answer in time. Try again in a moment."),
    ConnectionStatus.UNAUTHORIZED: QT_TRANSLATE_NOOP("Connection", "refused the key. Check that it is copied completely."),
    ConnectionStatus.MODEL_UNKNOWN: QT_TRANSLATE_NOOP("Connection", "answered, but has no model by that name."),
    ConnectionStatus.RATE_LIMITED: QT_TRANSLATE_NOOP("Connection", "says too many requests, or the account has no credit left."),
    ConnectionStatus.SERVER_ERROR: QT_TRANSLATE_NOOP("Connection", "answered with an error. Try again later."),
}


@dataclass(frozen=True)
class ConnectionReport:
    service: str  # "llm" | "spotify"
    status: ConnectionStatus
    detail: str = ""  # what the service said, for the log and the "details" line

    @property
    def ok(self) -> bool:
        return self.status is ConnectionStatus.OK

    @property
    def summary(self) -> str:
        """The sentence in English (the CLI, the logs); the screens show ``render(translate)``."""
        return self.render()

    def render(self, translate: Callable[[str], str] = _same) -> str:
        """"Service: what happened.", each text passed through ``translate`` (the screens
        give Qt's, context "Connection"); what the service said is added where it helps."""
        text = translate(REPORT_LINE).format(service=translate(SERVICE_NAMES[self.service]), words=translate(STATUS_WORDS[self.status]))
        if not self.ok and self.detail and self.status in (ConnectionStatus.MODEL_UNKNOWN, ConnectionStatus.SERVER_ERROR):
            text += " (" + self.detail + ")"
        return text


def check_llm(base_url: str, model: str, api_key: str, *, timeout: float = DEFAULT_TIMEOUT) -> ConnectionReport:
    """List the provider's models and look for ``model``; where listing is not
    offered (404), a one-token chat request proves the model instead."""
    base_url = base_url.strip().rstrip("/")
    if not base_url or not model.strip():
        return ConnectionReport("llm", ConnectionStatus.MISSING, "base URL and model are required")
    if urllib.parse.urlsplit(base_url).scheme not in ("http", "https"):
        return ConnectionReport("llm", ConnectionStatus.BAD_ADDRESS, base_url)
    import openai  # a second to import: not on the app's start-up path

    # Local providers (Ollama, LM Studio) take no key, but the SDK wants a non-empty one.
    client = openai.OpenAI(base_url=base_url, api_key=api_key or "no-key", timeout=timeout, max_retries=0)
    try:
        try:
            names = {m.id for m in client.models.list()}
        except openai.NotFoundError:
            client.chat.completions.create(
                model=model, messages=[{"role": "user", "content": "ping"}], max_tokens=1
            )
            return ConnectionReport("llm", ConnectionStatus.OK, "model answered a one-token request")
        if model in names:
            return ConnectionReport("llm", ConnectionStatus.OK, f"{len(names)} models offered")
        shown = ", ".join(sorted(names)[:8])
        return ConnectionReport("llm", ConnectionStatus.MODEL_UNKNOWN, f"offered: {shown}" if shown else "no models offered")
    except openai.APITimeoutError as exc:
        return _llm_failure(ConnectionStatus.TIMEOUT, exc)
    except openai.APIConnectionError as exc:
        return _llm_failure(ConnectionStatus.UNREACHABLE, exc)
    except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
        return _llm_failure(ConnectionStatus.UNAUTHORIZED, exc)
    except openai.NotFoundError as exc:  # the one-token request named an unknown model
        return _llm_failure(ConnectionStatus.MODEL_UNKNOWN, exc)
    except openai.RateLimitError as exc:
        return _llm_failure(ConnectionStatus.RATE_LIMITED, exc)
    except openai.APIError as exc:
        return _llm_failure(ConnectionStatus.SERVER_ERROR, exc)
    finally:
        client.close()


def _llm_failure(status: ConnectionStatus, exc: Exception) -> ConnectionReport:
    detail = getattr(exc, "message", "") or type(exc).__name__
    log.info("LLM connection check: %s (%s)", status, type(exc).__name__)
    return ConnectionReport("llm", status, str(detail)[:300])


def check_spotify(
    client_id: str, client_secret: str, *, token_url: str = SPOTIFY_TOKEN_URL, timeout: float = DEFAULT_TIMEOUT
) -> ConnectionReport:
    """Ask Spotify's token endpoint for an app token (the client-credentials flow
    the catalog uses); a token back means the id and secret are right."""
    if not client_id.strip() or not client_secret.strip():
        return ConnectionReport("spotify", ConnectionStatus.MISSING, "client id and secret are required")
    import urllib.error  # urllib.request is slow to import: not on the app's start-up path
    import urllib.request
    basic = base64.b64encode(f"{client_id.strip()}:{client_secret.strip()}".encode()).decode("ascii")
    request = urllib.request.Request(
        token_url,
        data=urllib.parse.urlencode({"grant_type": "client_credentials"}).encode("ascii"),
        headers={"Authorization": f"Basic {basic}", "Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - https/loopback only
            payload = json.loads(response.read().decode("utf-8") or "{}")
    except urllib.error.HTTPError as exc:
        return _spotify_http_error(exc)
    except (TimeoutError, socket.timeout) as exc:
        return ConnectionReport("spotify", ConnectionStatus.TIMEOUT, type(exc).__name__)
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            return ConnectionReport("spotify", ConnectionStatus.TIMEOUT, str(exc.reason))
        return ConnectionReport("spotify", ConnectionStatus.UNREACHABLE, str(exc.reason)[:300])
    except (OSError, ValueError) as exc:
        return ConnectionReport("spotify", ConnectionStatus.UNREACHABLE, type(exc).__name__)
    if isinstance(payload, dict) and payload.get("access_token"):
        return ConnectionReport("spotify", ConnectionStatus.OK, "app token received")
    return ConnectionReport("spotify", ConnectionStatus.SERVER_ERROR, "no access token in the answer")


def _spotify_http_error(exc) -> ConnectionReport:  # noqa: ANN001 - urllib.error.HTTPError
    try:
        body = json.loads(exc.read().decode("utf-8") or "{}")
    except (OSError, ValueError):
        body = {}
    said = body.get("error_description") or body.get("error") or exc.reason if isinstance(body, dict) else exc.reason
    if exc.code in (400, 401, 403):
        status = ConnectionStatus.UNAUTHORIZED
    elif exc.code == 429:
        status = ConnectionStatus.RATE_LIMITED
    else:
        status = ConnectionStatus.SERVER_ERROR
    log.info("Spotify connection check: %s (HTTP %s)", status, exc.code)
    return ConnectionReport("spotify", status, f"HTTP {exc.code}: {said}"[:300])


@dataclass(frozen=True)
class LlmConfig:
    base_url: str
    model: str
    api_key: str
    key_from_study: bool  # the study file carries the key; the participant enters none


@dataclass(frozen=True)
class SpotifyConfig:
    client_id: str
    client_secret: str
    market: str
    from_study: bool


def resolve_llm_config(settings, study) -> LlmConfig:  # noqa: ANN001 - Settings, StudyFile | None
    """What the turn uses (llm.provider.provider_config decides: the participant's
    settings where set, else the study file's; the key from the study file, else
    from the keyring); before a study is joined, the settings alone."""
    from diaryrec.secrets import SecretName, get_secret

    if study is None:
        return LlmConfig(settings.llm_base_url, settings.llm_model, get_secret(SecretName.LLM_API_KEY), False)
    from diaryrec.llm.provider import provider_config

    provider = provider_config(study, settings)
    return LlmConfig(provider.base_url, provider.model, provider.api_key, key_from_study=bool(study.llm.api_key))


def resolve_spotify_config(settings, study) -> SpotifyConfig:  # noqa: ANN001 - Settings, StudyFile | None
    """What the catalog uses (``catalog.credentials.resolve_credentials``, the rule
    the CLI and the validator follow too). Credentials: the environment, then the
    study file's ``[catalog]``, then the settings' client id with the keyring's
    secret. Market: the participant's setting, then the study file, then "US".
    ``from_study`` only when the credentials come from the study file."""
    from diaryrec.catalog.credentials import CredentialSource, resolve_credentials

    resolved = resolve_credentials(study_catalog=study.catalog if study is not None else None, settings=settings)
    return SpotifyConfig(
        client_id=resolved.client_id,
        client_secret=resolved.client_secret,
        market=resolved.market,
        from_study=resolved.source is CredentialSource.STUDY,
    )
