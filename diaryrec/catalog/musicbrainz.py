"""MusicBrainz, the open catalog: a thin client over the ws/2 JSON web service and
the ``CatalogProvider`` that checks suggestions against its recordings.

The service's rules (https://musicbrainz.org/doc/MusicBrainz_API and its Rate
Limiting page), which this module keeps:

- every request names the application, its version and a contact in the
  User-Agent: ``diaryrec/<version> ( <the study's researcher e-mail> )``; a request
  without one (or with a generic library's) is refused with 403;
- at most one request per second from a machine: one ``RateLimiter`` for the whole
  process, shared by every client, spaces the requests; a 503 (the service's "too
  fast") is waited out once when its ``Retry-After`` is a few seconds, otherwise the
  limiter stays closed until then and the caller is told (``CatalogUnavailable.retry_after``),
  so nothing hammers a limit it knows about;
- queries are Lucene: every value is escaped (``+ - && || ! ( ) { } [ ] ^ " ~ * ? : \\ /``).

Searching (the recording index's fields, from MusicBrainz's search schema):
``recording`` is the title, ``artist`` the whole artist credit as credited (join
phrases included, so ``artist:"Ed Sheeran"`` finds "Ed Sheeran & Justin Bieber"),
``artistname`` the artists' own names, ``arid`` their MBIDs. No recording field holds
artist *aliases*: those are searchable only in the artist index (``alias:``), though
each recording's JSON carries them (``artist-credit[].artist.aliases``). So a name
written in another script (아이유 for IU, Kenshi Yonezu for 米津玄師) is found in
two steps: an artist search that matches the alias, then the recordings of that
artist's MBID.

One request for a whole reply: ``search_batch`` ORs the precise query of up to
``batch_size`` suggestions into one request (``(recording:"A" AND artist:"X") OR
(…)``, 100 results) and hands each suggestion the recordings that fit it; what
stays unresolved gets one combined artist search and one combined ``arid`` search
(the cross-script step), and what is still empty is left out of the answer, so the
checker runs that suggestion's own ``queries``.

Why not ``musicbrainzngs``: it has had no release since 2020, speaks XML by default
and sleeps in its own rate limiter per module; ``requests`` is already here (spotipy
uses it) and the JSON is small.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import requests
import requests.adapters

from diaryrec import __version__
from diaryrec.catalog.normalize import fold, split_artists, split_title
from diaryrec.catalog.provider import (
    BatchAnswer,
    CatalogProvider,
    CatalogTrack,
    CatalogUnavailable,
    Query,
    Suggestion,
    register,
)
from diaryrec.errors import QT_TRANSLATE_NOOP, UserError
from diaryrec.vocabulary import CATALOG_NAMES, CatalogId

log = logging.getLogger(__name__)

API_URL_ENV = "DIARYREC_MUSICBRAINZ_API_URL"
DEFAULT_API_URL = "https://musicbrainz.org/ws/2/"
WEB_URL = "https://musicbrainz.org/"
# the service's rule: one request per second per machine
MIN_INTERVAL_S = 1.0
# the longest Retry-After we sit out; anything longer becomes "unchecked, retry later"
MAX_RETRY_WAIT_S = 3.0
# the service's largest page
MAX_LIMIT = 100
# suggestions ORed into one recording search (10 tracks: 2 requests of 100 results)
BATCH_SIZE = 5
# an encoded query longer than this is split (URLs past ~8 KB are refused by proxies)
MAX_QUERY_BYTES = 5000
# artists one name may stand for in the cross-script step
MAX_ARTISTS_PER_NAME = 3

_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "´": "'", "`": "'"})


# --- configuration ---
def api_url() -> str:
    """The web service's address: ``DIARYREC_MUSICBRAINZ_API_URL``, else MusicBrainz's
    (with a trailing slash)."""
    url = os.environ.get(API_URL_ENV, "").strip() or DEFAULT_API_URL
    return url if url.endswith("/") else url + "/"


def project_url() -> str:
    """The project's address from the installed package's metadata ("" when it has none)."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        meta = metadata("diaryrec")
    except (ImportError, PackageNotFoundError):
        return ""
    for entry in meta.get_all("Project-URL") or []:
        _, _, url = entry.partition(",")
        if url.strip():
            return url.strip()
    return (meta.get("Home-page") or "").strip()


def user_agent(contact: str) -> str:
    """``diaryrec/<version> ( <contact> )``, the form MusicBrainz asks for; without
    any contact, the name and version alone."""
    contact = " ".join((contact or "").split())
    return f"diaryrec/{__version__} ( {contact} )" if contact else f"diaryrec/{__version__}"


@dataclass(frozen=True)
class MusicBrainzConfig:
    # how MusicBrainz can reach whoever runs these requests: the researcher's e-mail
    contact: str = ""
    api_url: str = DEFAULT_API_URL
    timeout_s: float = 10.0
    # suggestions per combined recording search
    batch_size: int = BATCH_SIZE

    @property
    def user_agent(self) -> str:
        return user_agent(self.contact)


def resolve_config(*, study: Any = None, contact: str | None = None, timeout_s: float = 10.0) -> MusicBrainzConfig:
    """The MusicBrainz configuration in effect: the contact is the argument, else the
    study file's ``[study.researcher] email``, else the project's address; the base
    URL is ``DIARYREC_MUSICBRAINZ_API_URL`` or MusicBrainz's. ``study`` is a
    ``StudyFile`` (or anything with ``.study.researcher.email``). No key is needed,
    so there is always a configuration."""
    chosen = (contact or "").strip()
    if not chosen and study is not None:
        researcher = getattr(getattr(study, "study", None), "researcher", None)
        chosen = (getattr(researcher, "email", "") or "").strip()
    return MusicBrainzConfig(contact=chosen or project_url(), api_url=api_url(), timeout_s=timeout_s)


# --- the machine-wide pace ---
class RateLimiter:
    """At most one request per ``interval_s``, for every thread and client that shares
    it (``SHARED_LIMITER``: the whole process). A request reserves the next free slot
    under the lock and sleeps until it outside it, so waiting threads queue up rather
    than retry. ``close_for`` holds every slot back after a 503."""

    def __init__(self, interval_s: float = MIN_INTERVAL_S, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.interval_s = interval_s
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next_at = float("-inf")
        self._closed_until = float("-inf")

    def acquire(self, max_closed_s: float = MAX_RETRY_WAIT_S) -> None:
        """Wait for this request's turn; raises ``CatalogUnavailable`` at once when the
        service asked for a pause longer than ``max_closed_s``."""
        with self._lock:
            now = self._clock()
            closed = self._closed_until - now
            if closed > max_closed_s:
                raise CatalogUnavailable(f"MusicBrainz's rate limit (retry after {closed:.0f} s)", retry_after=closed)
            start = max(now, self._next_at, self._closed_until)
            self._next_at = start + self.interval_s
        if start > now:
            self._sleep(start - now)

    def close_for(self, seconds: float) -> None:
        with self._lock:
            self._closed_until = max(self._closed_until, self._clock() + seconds)

    def closed_for(self) -> float:
        """Seconds until the service may be asked again after a 503 (0 when open)."""
        with self._lock:
            return max(self._closed_until - self._clock(), 0.0)


SHARED_LIMITER = RateLimiter()


# --- the client ---
class UserAgentRejectedError(UserError):
    """MusicBrainz answered 403: it refuses requests that do not say who sends them."""


def escape(text: str) -> str:
    """``text`` as a literal in a Lucene query: every special character backslashed."""
    return _LUCENE_SPECIAL.sub(r"\\\1", text)


def phrase(text: str) -> str:
    return f'"{escape(text)}"'


class MusicBrainzClient:
    """``GET /ws/2/<entity>?query=…&fmt=json``: one request at a time per machine, with
    the User-Agent, a timeout, and 403/503/garbage turned into diaryrec's errors."""

    def __init__(self, config: MusicBrainzConfig, *, limiter: RateLimiter | None = None,
                 session: requests.Session | None = None):
        self.config = config
        self.limiter = limiter or SHARED_LIMITER
        self._session = session or _session()
        self._session.headers.update({"User-Agent": config.user_agent, "Accept": "application/json"})
        self._count_lock = threading.Lock()
        # requests sent (throttled ones included): what the benchmarks count
        self.requests_sent = 0

    def search(self, entity: str, query: str, *, limit: int = 25, offset: int = 0) -> dict[str, Any]:
        """The search answer's JSON for ``query`` in the ``entity`` index ("recording", "artist")."""
        params = {"query": query, "fmt": "json", "limit": str(max(1, min(limit, MAX_LIMIT))), "offset": str(max(offset, 0))}
        data = self._get(entity, params)
        key = f"{entity}s"
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            raise CatalogUnavailable("MusicBrainz sent an answer diaryrec cannot read")
        return data

    def close(self) -> None:
        self._session.close()

    def _get(self, path: str, params: dict[str, str]) -> Any:
        url = self.config.api_url + path
        for attempt in range(2):
            self.limiter.acquire()
            with self._count_lock:
                self.requests_sent += 1
            try:
                response = self._session.get(url, params=params, timeout=self.config.timeout_s)
            except requests.exceptions.Timeout:
                raise CatalogUnavailable("MusicBrainz did not answer in time", kind="timeout") from None
            except requests.exceptions.RequestException as exc:
                raise CatalogUnavailable(f"MusicBrainz cannot be reached ({type(exc).__name__})", kind="unreachable") from None
            status = response.status_code
            if status == 503:
                wait = _retry_after(response.headers)
                self.limiter.close_for(wait)
                if wait <= MAX_RETRY_WAIT_S and attempt == 0:
                    log.info("MusicBrainz asked for a pause of %.1f s; waiting once", wait)
                    continue  # acquire() sleeps the pause out
                raise CatalogUnavailable(f"MusicBrainz's rate limit (retry after {wait:.0f} s)", retry_after=wait)
            if status == 403:
                raise UserAgentRejectedError(
                    QT_TRANSLATE_NOOP("UserError", "MusicBrainz refused diaryrec's requests (User-Agent {agent})."),
                    hint=QT_TRANSLATE_NOOP(
                        "UserError",
                        "MusicBrainz answers only applications that say who runs them: put the researcher's "
                        "e-mail in the study file ([study.researcher] email), or ask the research team."),
                    agent=self.config.user_agent,
                )
            if status != 200:
                raise CatalogUnavailable(f"MusicBrainz answered HTTP {status}")
            try:
                return response.json()
            except ValueError:
                raise CatalogUnavailable("MusicBrainz sent an answer diaryrec cannot read") from None
        raise CatalogUnavailable("MusicBrainz kept refusing the request", retry_after=self.limiter.closed_for())


def _session() -> requests.Session:
    session = requests.Session()
    adapter = requests.adapters.HTTPAdapter(pool_connections=1, pool_maxsize=2, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def _retry_after(headers: Any) -> float:
    """``Retry-After`` in seconds (a number or an HTTP date); 1 s when missing or unreadable."""
    value = (headers or {}).get("Retry-After")
    if value is None:
        return MIN_INTERVAL_S
    try:
        return max(float(value), 0.0)
    except (TypeError, ValueError):
        pass
    try:
        from email.utils import parsedate_to_datetime

        when = parsedate_to_datetime(str(value))
        return max((when - dt.datetime.now(when.tzinfo or dt.UTC)).total_seconds(), 0.0)
    except (TypeError, ValueError, IndexError):
        return MIN_INTERVAL_S


# --- the JSON as CatalogTrack ---
def _unsorted(sort_name: str) -> str:
    """'Yonezu, Kenshi' -> 'Kenshi Yonezu' (MusicBrainz's sort names put the family name first)."""
    family, comma, given = sort_name.partition(", ")
    return f"{given} {family}" if comma and given and family and "," not in given else sort_name


def _credit_aliases(credit: Sequence[Any]) -> tuple[str, ...]:
    """The other names the JSON gives for the credited artists: the artist's own name
    (when credited otherwise), its sort name read forwards, its aliases."""
    credited = {fold(str(part.get("name") or "")) for part in credit if isinstance(part, dict)}
    names: list[str] = []
    for part in credit:
        artist = part.get("artist") if isinstance(part, dict) else None
        if not isinstance(artist, dict):
            continue
        names.append(str(artist.get("name") or ""))
        names.append(_unsorted(str(artist.get("sort-name") or "")))
        for alias in artist.get("aliases") or []:
            if isinstance(alias, dict):
                names.append(str(alias.get("name") or ""))
                names.append(_unsorted(str(alias.get("sort-name") or "")))
    seen: dict[str, str] = {}
    for name in names:
        key = fold(name)
        if name and key and key not in credited and key not in seen:
            seen[key] = name
    return tuple(seen.values())


def _album(releases: Sequence[Any]) -> tuple[str, str]:
    """The title and date of the release to show: the earliest official album, else
    the earliest official release, else the first one listed."""
    usable = [r for r in releases if isinstance(r, dict) and r.get("title")]
    official = [r for r in usable if (r.get("status") or "").lower() == "official"]

    def kind(release: dict[str, Any]) -> int:
        group = release.get("release-group") or {}
        primary = (group.get("primary-type") or "").lower()
        plain = not group.get("secondary-types")
        return 0 if primary == "album" and plain else 1 if primary == "album" else 2 if primary in ("single", "ep") else 3

    def date(release: dict[str, Any]) -> str:
        return str(release.get("date") or "9999")

    for pool in (official, usable):
        if pool:
            best = min(pool, key=lambda r: (kind(r), date(r)))
            return str(best.get("title") or ""), str(best.get("date") or "")
    return "", ""


def recording_track(recording: dict[str, Any]) -> CatalogTrack:
    """One ``recordings[]`` entry of the search JSON as a ``CatalogTrack``."""
    mbid = str(recording.get("id") or "")
    credit = [c for c in recording.get("artist-credit") or [] if isinstance(c, dict)]
    artists = tuple(str(c.get("name") or (c.get("artist") or {}).get("name") or "") for c in credit)
    album, album_date = _album(recording.get("releases") or [])
    length = recording.get("length")
    return CatalogTrack(
        catalog=MusicBrainzProvider.id,
        id=mbid,
        title=str(recording.get("title") or ""),
        artists=tuple(a for a in artists if a),
        album=album,
        release_date=str(recording.get("first-release-date") or album_date or ""),
        duration_ms=int(length) if isinstance(length, (int, float)) and length > 0 else None,
        url=f"{WEB_URL}recording/{mbid}",
        image_url="",
        popularity=None,
        aliases=_credit_aliases(credit),
    )


def _credit_text(recording: dict[str, Any]) -> str:
    return "".join(f"{c.get('name') or ''}{c.get('joinphrase') or ''}"
                   for c in recording.get("artist-credit") or [] if isinstance(c, dict))


def _artist_ids(recording: dict[str, Any]) -> set[str]:
    return {str((c.get("artist") or {}).get("id") or "") for c in recording.get("artist-credit") or []
            if isinstance(c, dict)} - {""}


# --- what a suggestion is searched by ---
def _lucene_value(raw: str, folded: str) -> str:
    """What to send for a title or name: as written (so MusicBrainz analyses it the way
    it analysed its own data) when nothing was stripped from it, else the folded words."""
    text = unicodedata.normalize("NFKC", raw or "").translate(_QUOTES).strip()
    return text if fold(text) == folded else folded


@dataclass(frozen=True)
class _Terms:
    """A suggestion reduced to what is searched and compared."""

    title: str  # for the query
    core: str  # folded, for comparing
    names: tuple[str, ...]  # for the query
    folded_names: tuple[str, ...]

    @classmethod
    def of(cls, s: Suggestion) -> _Terms:
        core = split_title(s.title).core
        folded = tuple(dict.fromkeys(split_artists(s.artist))) if s.artist else ()
        if len(folded) == 1:
            names: tuple[str, ...] = (_lucene_value(s.artist, folded[0]),)
        else:  # "AC/DC" is split in two, but it is one name in the credit: both ways
            whole = _lucene_value(s.artist, fold(s.artist))
            names = tuple(dict.fromkeys((whole, *folded))) if folded else ()
        return cls(title=_lucene_value(s.title, core), core=core, names=names, folded_names=folded)

    def artist_clause(self) -> str:
        parts = [f"artist:{phrase(n)}" for n in self.names]
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def precise(self) -> str:
        head = f"recording:{phrase(self.title)}"
        return f"{head} AND {self.artist_clause()}" if self.names else head

    def relaxed(self) -> str:
        words = " ".join(escape(w) for w in self.core.split())
        head = f"recording:({words})"
        if not self.names:
            return head
        artist_words = " ".join(escape(w) for w in dict.fromkeys(" ".join(self.folded_names).split()))
        return f"{head} AND artist:({artist_words})"

    def fuzzy(self) -> str:
        """The relaxed query with one edit allowed in each title word of 4+ letters;
        "" when no word is that long."""
        words = self.core.split()
        if not any(len(w) >= 4 for w in words):
            return ""
        head = "recording:(" + " ".join(escape(w) + ("~1" if len(w) >= 4 else "") for w in words) + ")"
        artist_words = " ".join(escape(w) for w in dict.fromkeys(" ".join(self.folded_names).split()))
        return f"{head} AND artist:({artist_words})"

    def by_artist_ids(self, ids: Sequence[str]) -> str:
        arids = " OR ".join(phrase(i) for i in ids)
        return f"recording:{phrase(self.title)} AND arid:({arids})"


def _artist_query(names: Sequence[str]) -> str:
    return " OR ".join(f"alias:{phrase(n)} OR artist:{phrase(n)} OR sortname:{phrase(n)}" for n in names)


def _contains(words: list[str], part: list[str]) -> bool:
    if not part or len(part) > len(words):
        return False
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def title_fits(terms: _Terms, track: CatalogTrack) -> bool:
    """The title the search matched: one core contains the other, word for word."""
    mine, theirs = terms.core.split(), split_title(track.title).core.split()
    return _contains(theirs, mine) or _contains(mine, theirs)


def artist_fits(terms: _Terms, track: CatalogTrack, credit: str = "") -> bool:
    """Any of the suggestion's names is a credited name, an alias, or (word for word)
    part of the whole credit."""
    if not terms.folded_names:
        return True
    known = {fold(a) for a in (*track.artists, *track.aliases)} - {""}
    whole = fold(credit or " & ".join(track.artists)).split()
    return any(n in known or _contains(whole, n.split()) for n in terms.folded_names)


@dataclass(frozen=True)
class ArtistAliasQuery(Query):
    """The cross-script search for one suggestion: the artists whose name, sort name
    or alias is one of ``names`` (artist index), then ``title`` among their
    recordings (``arid:``). Two requests; one when no artist has such a name or the
    provider looked the names up before; none when a complete combined answer
    (``search_batch``) already showed that those artists have no such recording.

    A subclass of ``Query`` so that it travels through the checker like any other;
    ``text`` describes both steps (for logs and cache keys)."""

    title: str = ""
    names: tuple[str, ...] = ()


@register
class MusicBrainzProvider(CatalogProvider):
    """Suggestions checked against MusicBrainz's recordings (no key; the researcher's
    e-mail in the User-Agent)."""

    id = CatalogId.MUSICBRAINZ
    name = CATALOG_NAMES[CatalogId.MUSICBRAINZ]
    concurrency = 1  # one request per second: parallel searches would only queue
    batches = True  # a reply in combined searches (search_batch)

    def __init__(self, config: MusicBrainzConfig | None = None, *, client: MusicBrainzClient | None = None,
                 limiter: RateLimiter | None = None):
        self.config = config or (client.config if client is not None else resolve_config())
        self.client = client or MusicBrainzClient(self.config, limiter=limiter)
        self._artists: dict[str, list[str]] = {}  # folded name -> artist MBIDs (the cross-script step's memo)
        # what complete combined answers (search_batch) already showed: precise queries
        # that ran in them and found nothing that fits, recording-by-MBID queries that found nothing
        self._precise_ran: set[str] = set()
        self._nothing_by_ids: set[str] = set()
        self._artists_lock = threading.Lock()

    @classmethod
    def from_study(cls, *, study_catalog: Any = None, settings: Any = None, market: str | None = None,
                   contact: str = "", concurrency: int = 10) -> MusicBrainzProvider:
        return cls(resolve_config(contact=contact))

    @property
    def requests_sent(self) -> int:
        return self.client.requests_sent

    # --- one suggestion ---
    def queries(self, s: Suggestion) -> list[Query]:
        """Precise (title and artist phrases), relaxed (their words), the cross-script
        alias query, then the title alone. After ``search_batch`` ran a suggestion's
        precise query as part of a complete answer, its queries start relaxed (the
        relaxed query finds everything the precise one would)."""
        terms = _Terms.of(s)
        if not terms.core:
            return []
        with self._artists_lock:
            ran = terms.precise() in self._precise_ran
        found = [] if ran and terms.names else [Query(terms.precise(), "precise")]
        if terms.names:
            relaxed = terms.relaxed()
            if relaxed != terms.precise():
                found.append(Query(relaxed, "relaxed"))
            fuzzy = terms.fuzzy()
            if fuzzy:  # a typo in the title: Lucene's fuzzy terms find it (matching then judges the words)
                found.append(Query(fuzzy, "fuzzy"))
            found.append(ArtistAliasQuery(
                f"{_artist_query(terms.names)} => recording:{phrase(terms.title)} AND arid:(…)", "alias",
                title=s.title, names=(s.artist,)))
            found.append(Query(f"recording:{phrase(terms.title)}", "title"))
        return found

    def search(self, query: Query) -> list[CatalogTrack]:
        if isinstance(query, ArtistAliasQuery):
            return self._search_by_alias(query)
        limit = 50 if query.label == "title" else 25
        data = self.client.search("recording", query.text, limit=limit)
        return [recording_track(r) for r in data["recordings"] if isinstance(r, dict) and r.get("id")]

    def _search_by_alias(self, query: ArtistAliasQuery) -> list[CatalogTrack]:
        terms = _Terms.of(Suggestion(title=query.title, artist=" & ".join(query.names)))
        ids = self._lookup_artists(terms.folded_names)
        wanted = list(dict.fromkeys(i for n in terms.folded_names for i in ids.get(n, [])))
        if not wanted or not terms.core:
            return []
        text = terms.by_artist_ids(wanted)
        with self._artists_lock:
            if text in self._nothing_by_ids:
                return []
        data = self.client.search("recording", text, limit=25)
        return [recording_track(r) for r in data["recordings"] if isinstance(r, dict) and r.get("id")]

    # --- a whole reply ---
    def search_batch(self, suggestions: Sequence[Suggestion]) -> BatchAnswer:
        answer = BatchAnswer()
        parts = [(i, _Terms.of(s)) for i, s in enumerate(suggestions)]
        parts = [(i, t) for i, t in parts if t.core and t.names]
        precise = lambda part: f"({part[1].precise()})"
        for chunk in self._chunks(parts, precise):
            recordings, complete = self._recordings(" OR ".join(precise(part) for part in chunk))
            for i, terms in chunk:
                found = [track for track, credit, _ in recordings
                         if title_fits(terms, track) and artist_fits(terms, track, credit)]
                if found:
                    answer.candidates[i] = found
                elif complete:  # its precise query ran, whole: the follow-ups start relaxed
                    with self._artists_lock:
                        self._precise_ran.add(terms.precise())
                if complete:
                    answer.searched[terms.precise()] = found
        unresolved = [(i, t) for i, t in parts if i not in answer.candidates]
        if unresolved:
            self._resolve_across_scripts(unresolved, answer)
        return answer

    def _resolve_across_scripts(self, unresolved: list[tuple[int, _Terms]], answer: BatchAnswer) -> None:
        """One artist search for every unresolved suggestion's names, then one
        recording search by the artists' MBIDs."""
        ids = self._lookup_artists([n for _, t in unresolved for n in t.folded_names])
        wanted = [(i, t, list(dict.fromkeys(a for n in t.folded_names for a in ids.get(n, []))))
                  for i, t in unresolved]
        wanted = [(i, t, a) for i, t, a in wanted if a]
        by_index = {i: a for i, _, a in wanted}
        clause = lambda part: f"({part[1].by_artist_ids(by_index[part[0]])})"
        for chunk in self._chunks([(i, t) for i, t, _ in wanted], clause):
            recordings, complete = self._recordings(" OR ".join(clause(part) for part in chunk))
            for i, terms in chunk:
                found = [track for track, _, arids in recordings
                         if title_fits(terms, track) and arids & set(by_index[i])]
                if found:
                    answer.candidates[i] = found
                elif complete:  # the whole answer came back: this one's own alias query would find nothing
                    with self._artists_lock:
                        self._nothing_by_ids.add(terms.by_artist_ids(by_index[i]))

    def _recordings(self, text: str) -> tuple[list[tuple[CatalogTrack, str, set[str]]], bool]:
        """The recordings of one combined search (with each one's credit and artist
        MBIDs), and whether that was every match (not just the first page)."""
        data = self.client.search("recording", text, limit=MAX_LIMIT)
        found = [(recording_track(r), _credit_text(r), _artist_ids(r))
                 for r in data["recordings"] if isinstance(r, dict) and r.get("id")]
        count = data.get("count")
        return found, isinstance(count, int) and count <= len(data["recordings"])

    def _chunks(self, parts: list[tuple[int, _Terms]],
                clause: Callable[[tuple[int, _Terms]], str]) -> list[list[tuple[int, _Terms]]]:
        """``parts`` in groups of at most ``batch_size`` whose ORed query stays short enough."""
        chunks: list[list[tuple[int, _Terms]]] = []
        size = 0
        for part in parts:
            length = len(quote(clause(part))) + len(quote(" OR "))
            if not chunks or len(chunks[-1]) >= max(self.config.batch_size, 1) or size + length > MAX_QUERY_BYTES:
                chunks.append([])
                size = 0
            chunks[-1].append(part)
            size += length
        return chunks

    def _lookup_artists(self, names: Sequence[str]) -> dict[str, list[str]]:
        """Artist MBIDs per folded name (name, sort name or alias equal to it), from
        one artist search for the names not looked up before."""
        with self._artists_lock:
            missing = [n for n in dict.fromkeys(names) if n and n not in self._artists]
        if missing:
            data = self.client.search("artist", _artist_query(missing), limit=MAX_LIMIT)
            found: dict[str, list[str]] = {n: [] for n in missing}
            for artist in data["artists"]:
                if not isinstance(artist, dict) or not artist.get("id"):
                    continue
                known = {fold(str(artist.get("name") or "")), fold(_unsorted(str(artist.get("sort-name") or "")))}
                for alias in artist.get("aliases") or []:
                    if isinstance(alias, dict):
                        known.add(fold(str(alias.get("name") or "")))
                        known.add(fold(_unsorted(str(alias.get("sort-name") or ""))))
                for n in missing:
                    if n in known and len(found[n]) < MAX_ARTISTS_PER_NAME:
                        found[n].append(str(artist["id"]))
            with self._artists_lock:
                self._artists.update(found)
        with self._artists_lock:
            return {n: list(self._artists.get(n, [])) for n in names}

    def check_connection(self) -> None:
        self.client.search("recording", f"recording:{phrase('test')}", limit=1)

    def close(self) -> None:
        self.client.close()
