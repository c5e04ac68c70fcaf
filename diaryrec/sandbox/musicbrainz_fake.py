"""A loopback fake of the MusicBrainz web service (ws/2, JSON), so the real
``diaryrec.catalog.musicbrainz`` client runs against it in tests and in ``--sandbox``.

- ``GET /ws/2/recording?query=…&fmt=json&limit=…&offset=…`` and ``GET /ws/2/artist?…``:
  the answers are shaped like the service's (``created``, ``count``, ``offset``,
  ``recordings[]`` with ``id``, ``score``, ``title``, ``length``, ``artist-credit[]``
  with ``name``/``joinphrase``/``artist`` and the artist's ``aliases``,
  ``first-release-date``, ``releases[]`` with ``status`` and ``release-group``;
  ``artists[]`` with ``aliases``), after the search server's own test fixtures
  (metabrainz/mb-solr, ``recording-list.json``, ``artist-list.json``).
- Queries are parsed as a real (small) subset of Lucene: ``field:term``,
  ``field:"a phrase"``, ``field:(a b)``, ``AND``/``OR``/``NOT``/``&&``/``||``/``!``/``-``,
  ``+``, parentheses, backslash escapes; the default operator is OR (and, as in
  Lucene, ``a -b`` is a without b, ``+a b`` needs a). Unescaped special
  characters that would be wildcards, ranges, fuzzy or regular expressions in
  Lucene (``* ? ~ ^ [ ] { } /``), a lone ``:`` and unbalanced quotes or parentheses
  are a 400, as a query the service cannot parse is. Recording fields: ``recording``
  (default), ``artist`` (the whole credit with join phrases), ``artistname``,
  ``creditname``, ``arid``, ``release``, ``reid``, ``rid``, ``isrc``, ``status``,
  ``primarytype``, ``firstreleasedate``; artist fields: ``artist``, ``alias``,
  ``sortname``, ``arid`` (default: the first three). As on MusicBrainz, recording
  fields do not match artist aliases; only the artist index does.
- The service's rules: more than one request per second from a client address is
  a 503 with ``Retry-After``; a request without a User-Agent that names an
  application, its version and a contact (``name/1.0 ( contact )``), or with a
  generic library's (``python-requests/…``), is a 403.
- Fault modes (``set_fault``): "503" with a ``Retry-After``, "500", "malformed"
  JSON; ``latency_s`` per request. ``search_requests`` counts what reached a
  search, ``throttled`` the 503s it sent.

Tracks come from the same data as the Spotify fake (``spotify_fake.load_csv_tracks``
/ ``load_json_tracks``); artist names in other scripts come from ``ARTIST_NAMES``,
the fake's stand-in for MusicBrainz's alias data (``start_sandbox_musicbrainz``
serves ``resources/sandbox/tracks.json`` for ``diaryrec --sandbox``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from diaryrec.catalog.normalize import fold
from diaryrec.sandbox.http import LoopbackServer, Request, Response
from diaryrec.sandbox.artist_names import ARTIST_NAMES, ArtistNames
from diaryrec.sandbox.spotify_fake import FakeTrack

_NAMESPACE = uuid.UUID("5b1e3c0a-8f0e-4d7a-9a55-6d6f75736963")
_OFFICIAL = "4e304316-386d-3409-af2e-78857eec5cfe"
_TYPE_IDS = {"Album": "f529b476-6e62-324f-b0aa-1f3e33d313fc", "Single": "d6038452-8ee0-3f68-affc-2de9a1ede0b9"}
_WORLDWIDE = {"id": "525d4e18-3d00-31b9-a58b-a146a916de8f", "name": "[Worldwide]", "sort-name": "[Worldwide]",
              "iso-3166-1-codes": ["XW"]}


#: User-Agents of HTTP libraries that say nothing about the application (refused, as MusicBrainz does)
_GENERIC_AGENTS = re.compile(
    r"^(python-requests|python-urllib|python-httpx|httpx|aiohttp|urllib3|curl|wget|go-http-client|okhttp|java|"
    r"apache-httpclient|libwww-perl|axios|node-fetch|undici|got|ruby|php|musicbrainzngs)\b", re.IGNORECASE)
_APP_AGENT = re.compile(r"^\S+/\S+\s*\(\s*\S.*\)")


def mbid(*parts: str) -> str:
    """A stable MBID (a UUID) for a fake entity."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


# --- the documents ---
@dataclass
class _Artist:
    id: str
    key: str  # the data's name for it
    names: ArtistNames
    words: list[str] = field(default_factory=list)  # the name, analysed

    def __post_init__(self) -> None:
        self.words = _words(self.names.name)

    def json(self, *, score: int | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        if score is not None:
            out.update({"type": "Group" if " " not in self.key else "Person", "score": score})
        out.update({"name": self.names.name, "sort-name": self.names.sort_name})
        if self.names.aliases:
            out["aliases"] = [{"sort-name": a, "name": a, "locale": None, "type": "Artist name", "primary": None,
                               "begin-date": None, "end-date": None} for a in self.names.aliases]
        return out


@dataclass
class _Recording:
    id: str
    track: FakeTrack
    artists: list[_Artist]
    release_id: str
    group_id: str
    fields: dict[str, list[list[str]]] = field(default_factory=dict)

    @property
    def credit(self) -> list[dict[str, Any]]:
        parts = []
        for n, artist in enumerate(self.artists):
            part: dict[str, Any] = {"name": artist.names.name}
            if n < len(self.artists) - 1:
                part["joinphrase"] = " & "
            part["artist"] = artist.json()
            parts.append(part)
        return parts

    @property
    def primary_type(self) -> str:
        return "Single" if self.track.tokens["album"] == self.track.tokens["track"] else "Album"

    def json(self, score: int) -> dict[str, Any]:
        t = self.track
        primary = self.primary_type
        track_count = 1 if primary == "Single" else 10
        release: dict[str, Any] = {
            "id": self.release_id, "status-id": _OFFICIAL, "count": 1, "title": t.album or t.name, "status": "Official",
            "release-group": {"id": self.group_id, "type-id": _TYPE_IDS[primary], "primary-type-id": _TYPE_IDS[primary],
                              "title": t.album or t.name, "primary-type": primary},
            "date": t.release_date, "country": "XW",
            "release-events": [{"date": t.release_date, "area": _WORLDWIDE}],
            "track-count": track_count,
            "media": [{"position": 1, "format": "Digital Media",
                       "track": [{"id": mbid("track", t.id), "number": "1", "title": t.name, "length": t.duration_ms}],
                       "track-count": track_count, "track-offset": 0}],
        }
        out: dict[str, Any] = {"id": self.id, "score": score, "title": t.name}
        if t.duration_ms:
            out["length"] = t.duration_ms
        out["video"] = None
        out["artist-credit"] = self.credit
        if t.release_date:
            out["first-release-date"] = t.release_date
        out["releases"] = [release]
        if t.isrc:
            out["isrcs"] = [t.isrc]
        return out


def _words(text: str) -> list[str]:
    """The fake's analyser, for the data and the query alike."""
    return fold(text).split()


#: fields holding ids and codes: compared whole, lower case, not analysed
_KEYWORD_FIELDS = {"arid", "reid", "rid", "mbid", "rgid", "isrc", "status", "primarytype", "firstreleasedate", "date"}


class _Index:
    """Per field, word -> documents (and, for keyword fields, value -> documents)."""

    def __init__(self, docs: list[dict[str, list[list[str]]]]):
        self.docs = docs
        self.postings: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        for number, doc in enumerate(docs):
            for name, values in doc.items():
                for words in values:
                    for word in words:
                        self.postings[name][word].add(number)

    def term(self, name: str, word: str) -> set[int]:
        return set(self.postings.get(name, {}).get(word, ()))

    def fuzzy(self, name: str, word: str, edits: int) -> set[int]:
        """Documents with a word at most ``edits`` edits from ``word`` (Lucene's ``word~``)."""
        words = self.postings.get(name, {})
        found: set[int] = set()
        for near, _score, _ in process.extract(word, list(words), scorer=OSA.distance,
                                                score_cutoff=edits, limit=None):
            found |= words[near]
        return found

    def phrase(self, name: str, words: list[str]) -> set[int]:
        if not words:
            return set()
        found = self.term(name, words[0])
        for word in words[1:]:
            found &= self.term(name, word)
        if len(words) == 1:
            return found
        return {n for n in found if any(_contains(v, words) for v in self.docs[n].get(name, []))}


def _contains(words: list[str], part: list[str]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


# --- Lucene, a small subset ---
class QuerySyntaxError(ValueError):
    pass


_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<open>\()
  | (?P<close>\))
  | (?P<and>&&)
  | (?P<or>\|\|)
  | (?P<phrase>"(?:[^"\\]|\\.)*")
  | (?P<unclosed>")
  | (?P<term>(?:\\.|[^\s()"\\:*?~^\[\]{}/!])+(?::)?)
  | (?P<fuzzy>~[0-2]?(?![\w.]))
  | (?P<bang>!)
  | (?P<bad>.)
""", re.VERBOSE | re.DOTALL)
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)


@dataclass
class _Node:
    kind: str  # "term", "fuzzy", "phrase", "and", "or", "not", "must"
    fieldname: str = ""
    text: str = ""
    children: list[_Node] = field(default_factory=list)
    edits: int = 0  # fuzzy: the edits a matching word may be away


def _tokens(query: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "bad"
        value = match.group()
        if kind == "space":
            continue
        if kind in ("unclosed", "bad"):
            raise QuerySyntaxError(f"cannot parse {value!r} at {match.start()}")
        if kind == "term":
            if value.startswith(("-", "+")):  # a prohibited or required clause
                out.append(("not" if value[0] == "-" else "plus", value[0]))
                value = value[1:]
                if not value:
                    continue
            if value in ("AND", "OR", "NOT"):
                kind = value.lower()
            elif value.endswith(":") and not value.endswith("\\:"):
                kind, value = "field", value[:-1]
        elif kind == "bang":
            kind = "not"
        out.append((kind, value))
    return out


class _Parser:
    """or := and (("OR" | "||" | juxtaposition) and)* ; and := unary (("AND" | "&&") unary)* ;
    unary := ("NOT" | "!" | "-") unary | "+"? primary ; primary := [field ":"] (term | phrase | "(" or ")")."""

    def __init__(self, tokens: list[tuple[str, str]], default_field: str):
        self.tokens = tokens
        self.at = 0
        self.default_field = default_field

    def parse(self) -> _Node:
        if not self.tokens:
            raise QuerySyntaxError("empty query")
        node = self._or(self.default_field)
        if self.at != len(self.tokens):
            raise QuerySyntaxError(f"unexpected {self.tokens[self.at][1]!r}")
        return node

    def _peek(self) -> str | None:
        return self.tokens[self.at][0] if self.at < len(self.tokens) else None

    def _or(self, name: str) -> _Node:
        children = [self._and(name)]
        while self._peek() not in (None, "close"):
            if self._peek() == "or":
                self.at += 1
            children.append(self._and(name))
        return children[0] if len(children) == 1 else _Node("or", children=children)

    def _and(self, name: str) -> _Node:
        children = [self._unary(name)]
        while self._peek() == "and":
            self.at += 1
            children.append(self._unary(name))
        return children[0] if len(children) == 1 else _Node("and", children=children)

    def _unary(self, name: str) -> _Node:
        kind = self._peek()
        if kind == "not":
            self.at += 1
            return _Node("not", children=[self._unary(name)])
        if kind == "plus":
            self.at += 1
            return _Node("must", children=[self._primary(name)])
        return self._primary(name)

    def _primary(self, name: str) -> _Node:
        if self._peek() is None:
            raise QuerySyntaxError("the query ends too early")
        kind, value = self.tokens[self.at]
        if kind == "field":
            self.at += 1
            name = _UNESCAPE.sub(r"\1", value).lower()
            if self._peek() in (None, "close", "and", "or", "field"):
                raise QuerySyntaxError(f"nothing after {value}:")
            kind, value = self.tokens[self.at]
        if kind == "open":
            self.at += 1
            node = self._or(name)
            if self._peek() != "close":
                raise QuerySyntaxError("a parenthesis is not closed")
            self.at += 1
            return node
        if kind == "phrase":
            self.at += 1
            return _Node("phrase", fieldname=name, text=_UNESCAPE.sub(r"\1", value[1:-1]))
        if kind == "term":
            self.at += 1
            text = _UNESCAPE.sub(r"\1", value)
            if self._peek() == "fuzzy":  # word~ or word~1: Lucene's fuzzy term (2 edits at most, 2 by default)
                edits = self.tokens[self.at][1][1:] or "2"
                self.at += 1
                return _Node("fuzzy", fieldname=name, text=text, edits=int(edits))
            return _Node("term", fieldname=name, text=text)
        raise QuerySyntaxError(f"unexpected {value!r}")


def parse_lucene(query: str, default_field: str) -> _Node:
    """The query's tree; ``QuerySyntaxError`` for what this subset (or Lucene) cannot parse."""
    return _Parser(_tokens(query), default_field).parse()


class _Searcher:
    """Evaluates a parsed query over an index: documents with a score (idf-weighted
    matched clauses, so rare words count more, as in Lucene)."""

    def __init__(self, index: _Index, default_fields: dict[str, tuple[str, ...]]):
        self.index = index
        self.default_fields = default_fields
        self.size = max(len(index.docs), 1)

    def run(self, node: _Node) -> dict[int, float]:
        if node.kind == "not":
            everything = dict.fromkeys(range(len(self.index.docs)), 0.0)
            for n in self.run(node.children[0]):
                everything.pop(n, None)
            return everything
        if node.kind == "and":
            positive = [c.children[0] if c.kind == "must" else c for c in node.children if c.kind != "not"]
            scores = self.run(positive[0]) if positive else dict.fromkeys(range(len(self.index.docs)), 0.0)
            for child in positive[1:]:
                other = self.run(child)
                scores = {n: s + other[n] for n, s in scores.items() if n in other}
            for child in node.children:
                if child.kind == "not":
                    for n in self.run(child.children[0]):
                        scores.pop(n, None)
            return scores
        if node.kind == "or":
            # Lucene's boolean query: "+x" must match, "-x" must not, the rest should
            must = [self.run(c.children[0]) for c in node.children if c.kind == "must"]
            should = [self.run(c) for c in node.children if c.kind not in ("must", "not")]
            scores: dict[int, float] = {}
            if must:
                keep = set.intersection(*(set(m) for m in must))
                for part in must + should:
                    for n, s in part.items():
                        if n in keep:
                            scores[n] = scores.get(n, 0.0) + s
            elif should:
                for part in should:
                    for n, s in part.items():
                        scores[n] = scores.get(n, 0.0) + s
            else:
                scores = dict.fromkeys(range(len(self.index.docs)), 0.0)
            for child in node.children:
                if child.kind == "not":
                    for n in self.run(child.children[0]):
                        scores.pop(n, None)
            return scores
        if node.kind == "must":
            return self.run(node.children[0])
        return self._leaf(node)

    def _leaf(self, node: _Node) -> dict[int, float]:
        names = self.default_fields.get(node.fieldname, (node.fieldname,))
        found: set[int] = set()
        for name in names:
            if name in _KEYWORD_FIELDS:
                found |= self.index.term(name, node.text.strip().lower())
                continue
            words = _words(node.text)
            if not words:
                continue  # a term the analyser drops (a lone "&") matches nothing
            if node.kind == "fuzzy":
                for word in words:
                    found |= self.index.fuzzy(name, word, node.edits)
                continue
            found |= self.index.phrase(name, words) if (node.kind == "phrase" or len(words) > 1) else self.index.term(name, words[0])
        weight = 1.0 + math.log(self.size / (1 + len(found)))
        return dict.fromkeys(found, weight)


# --- the data ---
class MusicBrainzData:
    """The fake's recordings, artists and their indexes, built once from tracks (a
    test session can share one among several fakes: building takes seconds for the
    whole dataset)."""

    def __init__(self, tracks: list[FakeTrack], artist_names: dict[str, ArtistNames] | None = None):
        names = ARTIST_NAMES if artist_names is None else artist_names
        self.artists: dict[str, _Artist] = {}
        self.recordings: list[_Recording] = []
        for track in tracks:
            credited = [self._artist(a, names) for a in track.artists if a]
            self.recordings.append(_Recording(
                id=mbid("recording", track.id), track=track, artists=credited,
                release_id=mbid("release", track.album_id), group_id=mbid("release-group", track.album_id)))
        self.by_id = {r.id: r for r in self.recordings}
        self.recording_index = _Index([self._recording_doc(r) for r in self.recordings])
        self.artist_list = list(self.artists.values())
        self.artist_index = _Index([self._artist_doc(a) for a in self.artist_list])

    def _artist(self, key: str, names: dict[str, ArtistNames]) -> _Artist:
        artist = self.artists.get(key)
        if artist is None:
            artist = self.artists[key] = _Artist(mbid("artist", key), key, names.get(key) or ArtistNames(key, key))
        return artist

    @staticmethod
    def _recording_doc(r: _Recording) -> dict[str, list[list[str]]]:
        t = r.track  # its title and album were analysed when it was loaded
        credit: list[str] = []
        for n, artist in enumerate(r.artists):
            credit += (["and"] if n else []) + artist.words  # the join phrase " & " analysed
        return {
            "recording": [t.tokens["track"]],
            "artist": [credit],
            "artistname": [a.words for a in r.artists],
            "creditname": [a.words for a in r.artists],
            "arid": [[a.id] for a in r.artists],
            "release": [t.tokens["album"]],
            "reid": [[r.release_id]], "rgid": [[r.group_id]], "rid": [[r.id]], "mbid": [[r.id]],
            "isrc": [[t.isrc.lower()]] if t.isrc else [],
            "status": [["official"]],
            "primarytype": [[r.primary_type.lower()]],
            "firstreleasedate": [[t.release_date]], "date": [[t.release_date]],
        }

    @staticmethod
    def _artist_doc(a: _Artist) -> dict[str, list[list[str]]]:
        return {
            "artist": [_words(a.names.name)],
            "alias": [_words(alias) for alias in a.names.aliases],
            "sortname": [_words(a.names.sort_name)],
            "arid": [[a.id]], "mbid": [[a.id]],
        }

    def search(self, entity: str, query: str) -> list[tuple[Any, int]]:
        """The ranked documents and scores for ``query`` in ``entity``'s index
        ("recording" or "artist"); ``QuerySyntaxError`` for a query it cannot parse."""
        if entity == "recording":
            searcher = _Searcher(self.recording_index, {"": ("recording",)})
            docs: list[Any] = self.recordings
        else:
            searcher = _Searcher(self.artist_index, {"": ("artist", "alias", "sortname")})
            docs = self.artist_list
        scores = searcher.run(parse_lucene(query, ""))
        ranked = sorted(scores, key=lambda n: (-scores[n], -getattr(getattr(docs[n], "track", None), "popularity", 0), n))
        top = scores[ranked[0]] if ranked else 1.0
        return [(docs[n], max(1, round(100 * scores[n] / top)) if top > 0 else 100) for n in ranked]


# --- the server ---
class MusicBrainzFake(LoopbackServer):
    def __init__(self, tracks: list[FakeTrack] | MusicBrainzData, *, min_interval_s: float = 1.0,
                 tolerance_s: float = 0.05, clock: Callable[[], float] = time.monotonic):
        super().__init__()
        self._server.socket.listen(64)
        self.data = tracks if isinstance(tracks, MusicBrainzData) else MusicBrainzData(tracks)
        self.clock = clock
        self.min_interval_s = min_interval_s
        self.tolerance_s = tolerance_s
        self.latency_s = 0.0
        self.throttled = 0
        self.search_requests = 0
        #: (clock time, entity, query) of every request that reached a search
        self.searches: list[tuple[float, str, str]] = []
        self._last_at: dict[str, float] = {}
        self._fault: dict[str, Any] | None = None
        self._lock = threading.Lock()

    # --- for tests ---
    @property
    def api_url(self) -> str:
        return f"{self.base_url}/ws/2/"

    def env(self) -> dict[str, str]:
        """The environment that points diaryrec at this fake."""
        return {"DIARYREC_MUSICBRAINZ_API_URL": self.api_url}

    def recording_of(self, track: FakeTrack) -> str:
        """The MBID the fake gives ``track``'s recording."""
        return mbid("recording", track.id)

    def set_fault(self, kind: str | None, *, count: int | None = None, retry_after: int = 86_400) -> None:
        """``kind`` one of "503", "500", "malformed" (None clears); ``count`` requests (None: all)."""
        if kind not in (None, "503", "500", "malformed"):
            raise ValueError(f"unknown fault {kind!r}")
        with self._lock:
            self._fault = None if kind is None else {"kind": kind, "count": count, "retry_after": retry_after}

    # --- HTTP ---
    def handle(self, request: Request) -> Response:
        if self.latency_s:
            time.sleep(self.latency_s)
        agent = request.headers.get("user-agent", "").strip()
        if not agent or _GENERIC_AGENTS.match(agent) or not _APP_AGENT.match(agent):
            return _error(403, "Your User-Agent does not say which application sends these requests and how to "
                               "reach its maintainers. See https://musicbrainz.org/doc/MusicBrainz_API/Rate_Limiting")
        throttled = self._throttle(request)
        if throttled is not None:
            return throttled
        fault = self._take_fault()
        if fault is not None:
            return fault
        match = re.fullmatch(r"/ws/2/(recording|artist)/?", request.path)
        if request.method != "GET" or match is None:
            return _error(404, "Not Found")
        return self._search(match.group(1), request)

    def _throttle(self, request: Request) -> Response | None:
        client = request.headers.get("x-forwarded-for", "127.0.0.1")
        with self._lock:
            now = self.clock()
            last = self._last_at.get(client)
            if last is not None and now - last < self.min_interval_s - self.tolerance_s:
                self.throttled += 1
                wait = max(1, math.ceil(self.min_interval_s - (now - last)))
                return _error(503, "Your requests are exceeding the allowable rate limit. Please see "
                                   "https://musicbrainz.org/doc/MusicBrainz_API/Rate_Limiting for more information.",
                              headers={"Retry-After": str(wait)})
            self._last_at[client] = now
        return None

    def _take_fault(self) -> Response | None:
        with self._lock:
            fault = self._fault
            if fault is None:
                return None
            if fault["count"] is not None:
                fault["count"] -= 1
                if fault["count"] <= 0:
                    self._fault = None
        if fault["kind"] == "503":
            return _error(503, "The MusicBrainz web server is currently busy. Please try again later.",
                          headers={"Retry-After": str(fault["retry_after"])})
        if fault["kind"] == "500":
            return _error(500, "Internal server error")
        return Response(status=200, body=b'{"created": "2026-01-01T00:00:00.000Z", "recordings": [',
                        headers={"Content-Type": "application/json; charset=utf-8"})

    def _search(self, entity: str, request: Request) -> Response:
        query = request.arg("query")
        if not query or not query.strip():
            return _error(400, "Missing required parameter: query")
        if (request.arg("fmt") or "").lower() != "json" and "json" not in request.headers.get("accept", ""):
            return _error(406, "This fake speaks JSON only: add fmt=json")
        try:
            limit = int(request.arg("limit", "25") or 25)
            offset = int(request.arg("offset", "0") or 0)
        except ValueError:
            return _error(400, "Invalid limit or offset")
        if not 1 <= limit <= 100 or offset < 0:
            return _error(400, "limit must be 1 to 100 and offset 0 or more")
        with self._lock:
            self.search_requests += 1
            self.searches.append((self.clock(), entity, query))
        try:
            ranked = self.data.search(entity, query)
        except QuerySyntaxError as exc:
            return _error(400, f"Invalid query: {exc}")
        page = ranked[offset : offset + limit]
        created = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.") + "000Z"
        key = f"{entity}s"
        if entity == "recording":
            items = [doc.json(score) for doc, score in page]
        else:
            items = [doc.json(score=score) for doc, score in page]
        return Response.json({"created": created, "count": len(ranked), "offset": offset, key: items},
                             headers={"Content-Type": "application/json; charset=utf-8"})


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response.json({"error": message, "help": "For usage, please see: https://musicbrainz.org/development/mmd"},
                         status=status, headers=headers)


def artists_with_other_names(tracks: Iterable[FakeTrack]) -> set[str]:
    """The data's artists the alias table gives other names (for tests to pick from)."""
    return {a for t in tracks for a in t.artists if a in ARTIST_NAMES}


def start_sandbox_musicbrainz() -> MusicBrainzFake:
    """The fake over the sandbox catalogue, started; ``.env()`` points diaryrec at it."""
    from diaryrec.paths import resources_dir
    from diaryrec.sandbox.spotify_fake import load_json_tracks

    fake = MusicBrainzFake(load_json_tracks(resources_dir() / "sandbox" / "tracks.json"))
    fake.start()
    return fake
