"""The Spotify catalog client: spotipy with the client-credentials flow, tuned for a
desktop app that must never hang or be throttled into silence.

- ``requests_timeout`` on the client and on the auth manager; no urllib3 retries
  (spotipy's own retry would sleep on a huge ``Retry-After`` and swallow the header);
- one access token in memory (never a ``.cache`` file), fetched by one thread while
  the others wait, reused until it expires;
- a 429 is waited out only when ``Retry-After`` is a few seconds; otherwise the
  client stays closed until then and says so (``CatalogUnavailable.retry_after``),
  so the caller can mark tracks ``unchecked`` and retry them later.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import requests
import requests.adapters
import spotipy
from spotipy.cache_handler import MemoryCacheHandler
from spotipy.exceptions import SpotifyException, SpotifyOauthError

from diaryrec.catalog.credentials import (  # noqa: F401 - env names re-exported
    API_URL_ENV,
    CLIENT_ID_ENV,
    CLIENT_SECRET_ENV,
    DEFAULT_API_URL,
    DEFAULT_TOKEN_URL,
    TOKEN_URL_ENV,
    api_url,
    resolve_credentials,
    token_url,
)
from diaryrec.catalog.provider import CatalogTrack, CatalogUnavailable
from diaryrec.errors import QT_TRANSLATE_NOOP, UserError
from diaryrec.logs import register_secret

log = logging.getLogger(__name__)

#: Spotify caps search at 10 results per type since February 2026
MAX_SEARCH_LIMIT = 10
#: the longest Retry-After we sit out; anything longer becomes "unchecked, retry later"
MAX_RETRY_WAIT_S = 3.0


class CredentialsMissingError(UserError):
    pass


class CredentialsRejectedError(UserError):
    pass


@dataclass(frozen=True)
class CatalogConfig:
    client_id: str
    client_secret: str
    market: str = "US"
    api_url: str = DEFAULT_API_URL
    token_url: str = DEFAULT_TOKEN_URL
    timeout_s: float = 10.0
    concurrency: int = 10

    def __repr__(self) -> str:  # the secret never reaches a log line through a repr
        return f"CatalogConfig(client_id={self.client_id!r}, market={self.market!r}, api_url={self.api_url!r})"


def resolve_config(
    *,
    study_catalog: Any = None,
    settings: Any = None,
    market: str | None = None,
    timeout_s: float = 10.0,
    concurrency: int = 10,
) -> CatalogConfig | None:
    """The catalog configuration in effect, or None when no credentials exist.

    ``credentials.resolve_credentials`` (the one rule, which the credentials form
    and "Test connection" follow too) with the API addresses added. Credentials: the environment, then the study file's
    ``[catalog]``, then the participant's settings (client id) with the keyring
    (client secret). Market: the argument (the CLI's ``--market``), then the
    participant's settings, then the study file, then "US"."""
    resolved = resolve_credentials(study_catalog=study_catalog, settings=settings, market=market)
    if not resolved.complete:
        return None
    client_id, client_secret = resolved.client_id, resolved.client_secret
    register_secret(client_secret)
    return CatalogConfig(
        client_id=client_id,
        client_secret=client_secret,
        market=resolved.market,
        api_url=api_url(),
        token_url=token_url(),
        timeout_s=timeout_s,
        concurrency=max(1, concurrency),
    )


class _OneTokenCredentials(spotipy.SpotifyClientCredentials):
    """Client credentials whose token is fetched by one thread at a time: without the
    lock, ten concurrent searches at start-up would ask for ten tokens."""

    def __init__(self, *args: Any, token_url: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.OAUTH_TOKEN_URL = token_url
        self._lock = threading.Lock()

    def get_access_token(self, as_dict: bool = False, check_cache: bool = True) -> Any:
        with self._lock:
            return super().get_access_token(as_dict=as_dict, check_cache=check_cache)

    def forget_token(self) -> None:
        with self._lock:
            self.cache_handler.save_token_to_cache(None)


def _session(pool: int) -> requests.Session:
    session = requests.Session()
    adapter = requests.adapters.HTTPAdapter(pool_connections=2, pool_maxsize=max(pool, 2), max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def trim_track(item: dict[str, Any]) -> CatalogTrack:
    """The parts of a TrackObject diaryrec keeps (and caches)."""
    album = item.get("album") or {}
    images = [i for i in album.get("images") or [] if isinstance(i, dict) and i.get("url")]
    # the 300-px image suits a card; the largest when there is no medium one
    images.sort(key=lambda i: abs((i.get("width") or 300) - 300))
    duration, popularity = item.get("duration_ms"), item.get("popularity")
    return CatalogTrack(
        catalog="spotify",
        id=str(item.get("id") or ""),
        title=str(item.get("name") or ""),
        artists=tuple(str(a.get("name") or "") for a in item.get("artists") or [] if isinstance(a, dict)),
        album=str(album.get("name") or ""),
        release_date=str(album.get("release_date") or ""),
        url=str((item.get("external_urls") or {}).get("spotify") or ""),
        image_url=str(images[0]["url"]) if images else "",
        duration_ms=duration if isinstance(duration, int) else None,
        popularity=popularity if isinstance(popularity, int) else None,
    )


class CatalogClient:
    """Search and track lookup; thread-safe, one token, our own 429 handling."""

    def __init__(self, config: CatalogConfig, *, sleep: Any = time.sleep):
        self.config = config
        self._sleep = sleep
        self._sessions = (_session(2), _session(config.concurrency))
        self._auth = _OneTokenCredentials(
            client_id=config.client_id,
            client_secret=config.client_secret,
            requests_session=self._sessions[0],
            requests_timeout=config.timeout_s,
            cache_handler=MemoryCacheHandler(),
            token_url=config.token_url,
        )
        self._spotify = spotipy.Spotify(
            auth_manager=self._auth,
            requests_session=self._sessions[1],
            requests_timeout=config.timeout_s,
            retries=0,
            status_retries=0,
        )
        self._spotify.prefix = config.api_url
        self._closed_until = 0.0
        self._lock = threading.Lock()

    def search_tracks(self, query: str, limit: int = MAX_SEARCH_LIMIT) -> list[CatalogTrack]:
        limit = max(1, min(limit, MAX_SEARCH_LIMIT))
        result = self._call(lambda: self._spotify.search(q=query, limit=limit, type="track", market=self.config.market))
        tracks = result.get("tracks") if isinstance(result, dict) else None
        if not isinstance(tracks, dict) or not isinstance(tracks.get("items"), list):
            raise CatalogUnavailable("Spotify sent an answer diaryrec cannot read")
        return [trim_track(item) for item in tracks["items"] if isinstance(item, dict) and item.get("id")]

    def track(self, track_id: str) -> CatalogTrack:
        result = self._call(lambda: self._spotify.track(track_id, market=self.config.market))
        if not isinstance(result, dict) or not result.get("id"):
            raise CatalogUnavailable("Spotify sent an answer diaryrec cannot read")
        return trim_track(result)

    def check_credentials(self) -> None:
        """Fetch a token now: raises CredentialsRejectedError or CatalogUnavailable."""
        self._call(lambda: self._auth.get_access_token(as_dict=False))

    def close(self) -> None:
        for session in self._sessions:
            session.close()

    # --- the one place every request goes through ---
    def _call(self, request: Any) -> Any:
        for attempt in range(2):
            self._wait_if_closed()
            try:
                return request()
            except SpotifyOauthError as exc:
                if exc.error in ("invalid_client", "unauthorized_client") or "401" in str(exc.error_description or ""):
                    raise CredentialsRejectedError(
                        QT_TRANSLATE_NOOP("UserError", "Spotify rejected the client ID and secret."),
                        hint=QT_TRANSLATE_NOOP("UserError", "Check them in the settings or the study file, or ask the research team."),
                    ) from None
                raise CatalogUnavailable(f"Spotify's sign-in failed ({exc.error or 'no reason given'})") from None
            except SpotifyException as exc:
                if exc.http_status == 429:
                    wait = _retry_after(exc.headers)
                    if wait <= MAX_RETRY_WAIT_S and attempt == 0:
                        self._sleep(wait)
                        continue
                    self._close_for(wait)
                    raise CatalogUnavailable(f"Spotify's rate limit (retry after {wait:.0f} s)", retry_after=wait) from None
                if exc.http_status == 401 and attempt == 0:
                    self._auth.forget_token()  # expired or revoked: one fresh token, once
                    continue
                raise CatalogUnavailable(f"Spotify answered HTTP {exc.http_status}") from None
            except requests.exceptions.JSONDecodeError:
                raise CatalogUnavailable("Spotify sent an answer diaryrec cannot read") from None
            except requests.exceptions.Timeout:
                raise CatalogUnavailable("Spotify did not answer in time", kind="timeout") from None
            except requests.exceptions.RequestException as exc:
                raise CatalogUnavailable(f"Spotify cannot be reached ({type(exc).__name__})", kind="unreachable") from None
            except (ValueError, KeyError, TypeError) as exc:
                raise CatalogUnavailable(f"Spotify sent an answer diaryrec cannot read ({type(exc).__name__})") from None
        raise CatalogUnavailable("Spotify kept refusing the request")

    def _wait_if_closed(self) -> None:
        with self._lock:
            remaining = self._closed_until - time.monotonic()
        if remaining > MAX_RETRY_WAIT_S:
            # another request was told to wait long: don't hammer a limit we know about
            raise CatalogUnavailable(f"Spotify's rate limit (retry after {remaining:.0f} s)", retry_after=remaining)
        if remaining > 0:
            self._sleep(remaining)

    def _close_for(self, seconds: float) -> None:
        with self._lock:
            self._closed_until = max(self._closed_until, time.monotonic() + seconds)


def _retry_after(headers: Any) -> float:
    try:
        value = float((headers or {}).get("Retry-After", 1))
    except (TypeError, ValueError):
        value = 1.0
    return max(value, 0.0)
