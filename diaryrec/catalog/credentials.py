"""Where the Spotify client credentials and market come from: the one rule
(``resolve_credentials``) for the catalog client (``client.resolve_config`` adds the
API addresses, for the CLI and the validator) and for the credentials form and its
"Test connection" button (through ``AppContext.spotify_config``).

- Credentials: the environment (``DIARYREC_SPOTIFY_CLIENT_ID`` and
  ``DIARYREC_SPOTIFY_CLIENT_SECRET``, both set), then the study file's ``[catalog]``
  ``client_id`` and ``client_secret`` (both set), then each half on its own: the
  participant's settings (client id) or else the study file's, with the keyring
  (client secret) or else the study file's. So the pattern the study template
  suggests, the study's client id with the secret each participant types, works.
- Market: the explicit argument (the CLI's ``--market``), then the participant's own
  setting (``Settings.market``; "" means not set), then the study file's
  ``[catalog] market``, then "US". The participant's setting comes before the study
  file so that changing it on the Settings screen takes effect.

Light on purpose (no spotipy, no requests, the keyring only when asked): the GUI
imports it on its own thread.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

CLIENT_ID_ENV = "DIARYREC_SPOTIFY_CLIENT_ID"
CLIENT_SECRET_ENV = "DIARYREC_SPOTIFY_CLIENT_SECRET"
API_URL_ENV = "DIARYREC_SPOTIFY_API_URL"
TOKEN_URL_ENV = "DIARYREC_SPOTIFY_TOKEN_URL"
DEFAULT_MARKET = "US"
DEFAULT_API_URL = "https://api.spotify.com/v1/"
DEFAULT_TOKEN_URL = "https://accounts.spotify.com/api/token"


def token_url() -> str:
    """Where app tokens are fetched: ``DIARYREC_SPOTIFY_TOKEN_URL``, else Spotify's.
    The one answer for the catalog client and every "Test connection"."""
    return os.environ.get(TOKEN_URL_ENV, "").strip() or DEFAULT_TOKEN_URL


def api_url() -> str:
    """The Web API's address: ``DIARYREC_SPOTIFY_API_URL``, else Spotify's (with a trailing slash)."""
    url = os.environ.get(API_URL_ENV, "").strip() or DEFAULT_API_URL
    return url if url.endswith("/") else url + "/"


class CredentialSource(StrEnum):
    ENVIRONMENT = "environment"
    STUDY = "study"
    SETTINGS = "settings"  # the settings' (or the study's) client id with the keyring's (or the study's) secret
    SANDBOX = "sandbox"  # the loopback fake's own pair (--sandbox)
    NONE = "none"  # neither settings nor anything else to read


@dataclass(frozen=True)
class SpotifyCredentials:
    client_id: str
    client_secret: str
    market: str
    source: CredentialSource
    id_from_study: bool = False  # the client id is the study file's (the participant gives the secret)

    @property
    def complete(self) -> bool:
        return bool(self.client_id and self.client_secret)

    @property
    def missing(self) -> str:
        """What keeps the catalog check off: "" (nothing), "client_id", "client_secret" or "both"."""
        if self.client_id and self.client_secret:
            return ""
        if self.client_id:
            return "client_secret"
        return "client_id" if self.client_secret else "both"

    @property
    def from_study(self) -> bool:
        """The study file carries the pair: the participant enters none."""
        return self.source is CredentialSource.STUDY

    def __repr__(self) -> str:  # the secret never reaches a log line through a repr
        return f"SpotifyCredentials(client_id={self.client_id!r}, market={self.market!r}, source={self.source.value!r})"


def resolve_market(*, study_catalog: Any = None, settings: Any = None, market: str | None = None) -> str:
    """The argument, then the participant's setting, then the study file, then "US"."""
    return (
        (market or "").strip()
        or (getattr(settings, "market", "") or "").strip()
        or (getattr(study_catalog, "market", "") or "").strip()
        or DEFAULT_MARKET
    ).upper()


def resolve_credentials(*, study_catalog: Any = None, settings: Any = None, market: str | None = None) -> SpotifyCredentials:
    """The Spotify client id, secret and market in effect, and where the credentials
    came from. The environment and the study file count as the source only when
    they give both the id and the secret; otherwise each half comes from the
    settings (client id) and the keyring (secret), else from the study file, so the
    study's client id and the participant's secret work together. What is still
    missing leaves ``complete`` false (``missing`` says which)."""
    chosen_market = resolve_market(study_catalog=study_catalog, settings=settings, market=market)
    client_id = os.environ.get(CLIENT_ID_ENV, "").strip()
    client_secret = os.environ.get(CLIENT_SECRET_ENV, "").strip()
    if client_id and client_secret:
        return SpotifyCredentials(client_id, client_secret, chosen_market, CredentialSource.ENVIRONMENT)
    study_id = (getattr(study_catalog, "client_id", "") or "").strip()
    study_secret = (getattr(study_catalog, "client_secret", "") or "").strip()
    if study_id and study_secret:
        return SpotifyCredentials(study_id, study_secret, chosen_market, CredentialSource.STUDY)
    if settings is None:
        return SpotifyCredentials(study_id, study_secret, chosen_market, CredentialSource.NONE, id_from_study=bool(study_id))
    from diaryrec.secrets import SecretName, get_secret  # the keyring: only when it is needed

    own_id = (settings.spotify_client_id or "").strip()
    own_secret = get_secret(SecretName.SPOTIFY_CLIENT_SECRET).strip()
    # each half on its own: the study's client id with the participant's secret is the template's pattern
    return SpotifyCredentials(
        own_id or study_id,
        own_secret or study_secret,
        chosen_market,
        CredentialSource.SETTINGS,
        id_from_study=not own_id and bool(study_id),
    )
