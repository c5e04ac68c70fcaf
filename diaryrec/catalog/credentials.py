"""Where the Spotify client credentials and market come from: the one rule
(``resolve_credentials``) for the catalog client (``client.resolve_config`` adds the
API addresses, for the CLI and the validator) and for the credentials form and its
"Test connection" button (through ``AppContext.spotify_config``).

- Credentials: the environment (``DIARYREC_SPOTIFY_CLIENT_ID`` and
  ``DIARYREC_SPOTIFY_CLIENT_SECRET``, both set), then the study file's ``[catalog]``
  ``client_id`` and ``client_secret`` (both set), then the participant's settings
  (client id) with the keyring (client secret).
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
DEFAULT_MARKET = "US"
DEFAULT_API_URL = "https://api.spotify.com/v1/"
DEFAULT_TOKEN_URL = "https://accounts.spotify.com/api/token"


class CredentialSource(StrEnum):
    ENVIRONMENT = "environment"
    STUDY = "study"
    SETTINGS = "settings"  # the settings' client id with the keyring's secret
    SANDBOX = "sandbox"  # the loopback fake's own pair (--sandbox)
    NONE = "none"  # neither settings nor anything else to read


@dataclass(frozen=True)
class SpotifyCredentials:
    client_id: str
    client_secret: str
    market: str
    source: CredentialSource

    @property
    def complete(self) -> bool:
        return bool(self.client_id and self.client_secret)

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
    came from. The environment and the study file count only when they give both
    the id and the secret; otherwise the settings and the keyring give what they
    have (possibly only one, or nothing: ``complete`` is then false)."""
    chosen_market = resolve_market(study_catalog=study_catalog, settings=settings, market=market)
    client_id = os.environ.get(CLIENT_ID_ENV, "").strip()
    client_secret = os.environ.get(CLIENT_SECRET_ENV, "").strip()
    if client_id and client_secret:
        return SpotifyCredentials(client_id, client_secret, chosen_market, CredentialSource.ENVIRONMENT)
    if study_catalog is not None:
        client_id = (study_catalog.client_id or "").strip()
        client_secret = (study_catalog.client_secret or "").strip()
        if client_id and client_secret:
            return SpotifyCredentials(client_id, client_secret, chosen_market, CredentialSource.STUDY)
    if settings is None:
        return SpotifyCredentials("", "", chosen_market, CredentialSource.NONE)
    from diaryrec.secrets import SecretName, get_secret  # the keyring: only when it is needed

    return SpotifyCredentials(
        (settings.spotify_client_id or "").strip(),
        get_secret(SecretName.SPOTIFY_CLIENT_SECRET).strip(),
        chosen_market,
        CredentialSource.SETTINGS,
    )
