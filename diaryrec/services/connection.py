""""Test connection": can diaryrec reach the LLM provider and Spotify with these
settings? Qt-free, run from a worker thread; each check answers with a status the
screens put into plain words (in the participant's language) and never raises.

The checks go through the very clients a turn uses (``llm.client.LlmClient`` and
``catalog.client.CatalogClient``), so a check and a turn cannot disagree; they only
make the smallest request that proves the address, the key and the model are right.
Which Spotify credentials and market apply is ``catalog.credentials.resolve_credentials``
(the one rule for the catalog, the CLI and these screens).
"""

from __future__ import annotations

import logging
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from diaryrec.catalog.credentials import DEFAULT_TOKEN_URL as SPOTIFY_TOKEN_URL  # noqa: F401 - re-exported
from diaryrec.catalog.credentials import token_url as spotify_token_url
from diaryrec.errors import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

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
    OTHER_MODEL = "other_model"  # works, but a single-model server answered the name with its own model


def _same(text: str) -> str:
    return text


# The report's words, marked for the one translation path (pyside6-lupdate collects
# them into diaryrec_ko.ts, context "Connection"; diaryrec.ui.credentials shows them).
CONNECTION_CONTEXT = "Connection"
REPORT_LINE = QT_TRANSLATE_NOOP("Connection", "{service}: {words}")
SERVICE_NAMES = {
    "llm": QT_TRANSLATE_NOOP("Connection", "Language model"),
    "spotify": QT_TRANSLATE_NOOP("Connection", "Spotify"),
    "musicbrainz": QT_TRANSLATE_NOOP("Connection", "MusicBrainz"),
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
    ConnectionStatus.OTHER_MODEL: QT_TRANSLATE_NOOP(
        "Connection", "works, but the server has no model by that name: it answers with the one model it runs."),
}
OFFERED = QT_TRANSLATE_NOOP("Connection", "Models it offers: {models}.")
NONE_OFFERED = QT_TRANSLATE_NOOP("Connection", "It lists no models.")
SERVICE_SAID = QT_TRANSLATE_NOOP("Connection", "The service said: {detail}")
ANSWERED_BY = QT_TRANSLATE_NOOP("Connection", "It answered as {model}.")


@dataclass(frozen=True)
class ConnectionReport:
    service: str  # "llm" | "spotify" | "musicbrainz"
    status: ConnectionStatus
    detail: str = ""  # what the service said, for the log and the "details" line
    offered: tuple[str, ...] | None = None  # MODEL_UNKNOWN: the models the provider lists (names, not words)

    @property
    def ok(self) -> bool:
        return self.status in (ConnectionStatus.OK, ConnectionStatus.OTHER_MODEL)

    @property
    def summary(self) -> str:
        """The sentence in English (the CLI, the logs); the screens show ``render(translate)``."""
        return self.render()

    def render(self, translate: Callable[[str], str] = _same) -> str:
        """"Service: what happened.", each text passed through ``translate`` (the screens
        give Qt's, context "Connection"); what the service said is added where it helps,
        in a sentence of the same language (model names and the service's own words
        are quoted as they are)."""
        text = translate(REPORT_LINE).format(service=translate(SERVICE_NAMES[self.service]), words=translate(STATUS_WORDS[self.status]))
        if self.status is ConnectionStatus.MODEL_UNKNOWN and self.offered is not None:
            text += " " + (translate(OFFERED).format(models=", ".join(self.offered)) if self.offered else translate(NONE_OFFERED))
        elif self.status is ConnectionStatus.OTHER_MODEL and self.detail:
            text += " " + translate(ANSWERED_BY).format(model=self.detail)
        elif not self.ok and self.detail and self.status in (ConnectionStatus.MODEL_UNKNOWN, ConnectionStatus.SERVER_ERROR):
            text += " " + translate(SERVICE_SAID).format(detail=self.detail)
        return text


def check_llm(base_url: str, model: str, api_key: str, *, timeout: float = DEFAULT_TIMEOUT) -> ConnectionReport:
    """Ask the provider through the client a turn uses (``LlmClient.check``): its
    models listed and ``model`` among them, or a one-token request where listing is
    not offered. A failure is the error a turn would meet, in a status."""
    base_url = base_url.strip().rstrip("/")
    if not base_url or not model.strip():
        return ConnectionReport("llm", ConnectionStatus.MISSING, "base URL and model are required")
    if urllib.parse.urlsplit(base_url).scheme not in ("http", "https"):
        return ConnectionReport("llm", ConnectionStatus.BAD_ADDRESS, base_url)
    # a second to import: not on the app's start-up path
    from diaryrec.llm import errors
    from diaryrec.llm.client import LlmClient
    from diaryrec.llm.provider import ProviderConfig

    config = ProviderConfig(base_url=base_url, model=model.strip(), api_key=api_key, connect_timeout=timeout, read_timeout=timeout)
    try:
        with LlmClient(config) as client:
            checked = client.check()
            if checked.answered_by:  # the name is not served as such, but a turn would get an answer
                return ConnectionReport("llm", ConnectionStatus.OTHER_MODEL, checked.answered_by)
            return ConnectionReport("llm", ConnectionStatus.OK, str(checked))
    except errors.LlmError as exc:
        status = next((s for kinds, s in _llm_statuses(errors) if isinstance(exc, kinds)), ConnectionStatus.SERVER_ERROR)
        log.info("LLM connection check: %s (%s)", status, type(exc).__name__)
        detail = (exc.detail or str(exc))[:300]
        return ConnectionReport("llm", status, detail, offered=_offered(detail) if status is ConnectionStatus.MODEL_UNKNOWN else None)


def _offered(detail: str) -> tuple[str, ...] | None:
    """The model names in ``LlmClient.check``'s "offered: a, b" (or "no models offered")."""
    if detail == "no models offered":
        return ()
    if detail.startswith("offered: "):
        return tuple(name.strip() for name in detail.removeprefix("offered: ").split(",") if name.strip())
    return None


def _llm_statuses(errors):  # noqa: ANN001, ANN202 - the diaryrec.llm.errors module, imported on use
    return (
        (errors.LlmTimeoutError, ConnectionStatus.TIMEOUT),
        (errors.ConnectionFailedError, ConnectionStatus.UNREACHABLE),
        ((errors.WrongKeyError, errors.NoApiKeyError, errors.RequestRejectedError), ConnectionStatus.UNAUTHORIZED),
        (errors.ModelNotFoundError, ConnectionStatus.MODEL_UNKNOWN),
        ((errors.QuotaError, errors.RateLimitError), ConnectionStatus.RATE_LIMITED),
    )


def check_spotify(
    client_id: str, client_secret: str, *, token_url: str | None = None, timeout: float = DEFAULT_TIMEOUT
) -> ConnectionReport:
    """Fetch an app token through the catalog client the validator uses
    (``CatalogClient.check_credentials``, the client-credentials flow); a token back
    means the id and secret are right. ``token_url``: the sandbox's fake; None is
    where the validator asks too (``DIARYREC_SPOTIFY_TOKEN_URL``, else Spotify's)."""
    token_url = token_url or spotify_token_url()
    if not client_id.strip() or not client_secret.strip():
        return ConnectionReport("spotify", ConnectionStatus.MISSING, "client id and secret are required")
    # spotipy and requests are slow to import: not on the app's start-up path
    from diaryrec.catalog.client import CatalogClient, CatalogConfig, CredentialsRejectedError

    client = CatalogClient(CatalogConfig(client_id.strip(), client_secret.strip(), token_url=token_url, timeout_s=timeout))
    return _ask_catalog("spotify", client.check_credentials, client.close, CredentialsRejectedError, "app token received")


def check_musicbrainz(contact: str = "", *, timeout: float = DEFAULT_TIMEOUT) -> ConnectionReport:
    """Ask MusicBrainz one search through the provider the validator uses (its
    User-Agent, its pace, ``DIARYREC_MUSICBRAINZ_API_URL``): no key, so an answer
    means the check works from this computer."""
    from diaryrec.catalog.musicbrainz import MusicBrainzProvider, UserAgentRejectedError, resolve_config

    provider = MusicBrainzProvider(resolve_config(contact=contact, timeout_s=timeout))
    return _ask_catalog("musicbrainz", provider.check_connection, provider.close, UserAgentRejectedError, "search answered")


def _ask_catalog(service: str, ask: Callable[[], object], close: Callable[[], None],
                 refused: type[BaseException], answered: str) -> ConnectionReport:
    """One catalog's "Test connection": ``ask`` through the client a turn uses; the
    catalog refusing us (credentials, User-Agent) or not answering, in words."""
    from diaryrec.catalog.provider import CatalogUnavailable

    try:
        ask()
    except refused as exc:
        log.info("%s connection check: refused", service)
        return ConnectionReport(service, ConnectionStatus.UNAUTHORIZED, str(exc)[:300])
    except CatalogUnavailable as exc:
        status = _CATALOG_STATUS.get(exc.kind, ConnectionStatus.SERVER_ERROR)
        log.info("%s connection check: %s (%s)", service, status, exc.reason)
        return ConnectionReport(service, status, exc.reason[:300])
    finally:
        close()
    return ConnectionReport(service, ConnectionStatus.OK, answered)


_CATALOG_STATUS = {
    "timeout": ConnectionStatus.TIMEOUT,
    "unreachable": ConnectionStatus.UNREACHABLE,
    "rate_limit": ConnectionStatus.RATE_LIMITED,
}


@dataclass(frozen=True)
class LlmConfig:
    base_url: str
    model: str
    api_key: str
    key_from_study: bool  # the study file carries the key; the participant enters none


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
