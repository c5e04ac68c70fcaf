"""A loopback fake of the Spotify Web API, shaped by Spotify's published OpenAPI
description of it (the endpoints and fields below), so the real spotipy code runs
against it.

- ``POST /api/token``: client credentials (form ``grant_type=client_credentials``,
  HTTP Basic); 401 ``invalid_client`` on a wrong id or secret.
- ``GET /v1/search``: field filters ``track:``, ``artist:``, ``album:``, ``year:``
  (a year or a range), ``isrc:``, ``genre:``; ``limit`` 1–10 (HTTP 400 "Invalid
  limit" above), ``offset`` ≤ 1000. Ranked like a search engine: text relevance
  with a penalty for longer titles, blended with popularity, with a one-typo
  tolerance for longer words, and free text that needs only half its words to
  match. So the first hit is often a different song (a remix, a cover, the same
  title by someone else), as it is on Spotify.
- ``GET /v1/tracks/{id}``, and ``GET /images/…`` cover JPEGs it draws itself.
- Fault modes: latency per request, 429 with a huge ``Retry-After``, 500, 401,
  malformed JSON (``set_fault``).

Tracks come from the shared CSV (tests) or ``resources/sandbox/tracks.json``
(``start_sandbox_spotify`` for ``diaryrec --sandbox``).
"""

from __future__ import annotations

import base64
import csv
import gzip
import hashlib
import io
import json
import math
import re
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from rapidfuzz.distance import OSA

from diaryrec.catalog.normalize import fold
from diaryrec.sandbox.artist_names import other_names
from diaryrec.sandbox.http import LoopbackServer, Request, Response

SANDBOX_CLIENT_ID = "diaryrec-sandbox"
SANDBOX_CLIENT_SECRET = "diaryrec-sandbox-secret"
_FILTERS = ("track", "artist", "album", "year", "isrc", "genre")
_FILTER_RE = re.compile(r"(?<![\w:])(" + "|".join(_FILTERS) + r"):", re.IGNORECASE)
_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_IMAGE_SIZES = (640, 300, 64)


def fake_id(*parts: str) -> str:
    """A stable 22-character base-62 id, like Spotify's."""
    number = int.from_bytes(hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()[:17], "big")
    chars = []
    for _ in range(22):
        number, rest = divmod(number, 62)
        chars.append(_BASE62[rest])
    return "".join(chars)


@dataclass
class FakeTrack:
    id: str
    name: str
    artists: list[str]
    album: str
    album_id: str
    release_date: str
    duration_ms: int
    popularity: int
    genre: str = ""
    isrc: str = ""
    #: popularity is deprecated: some tracks come without it, as on Spotify
    hide_popularity: bool = False
    tokens: dict[str, list[str]] = field(default_factory=dict)

    @property
    def year(self) -> int | None:
        head = self.release_date[:4]
        return int(head) if head.isdigit() else None


def _make_track(tid: str, name: str, artists: list[str], album: str, album_id: str, release_date: str,
                duration_ms: int, popularity: int, genre: str) -> FakeTrack:
    track = FakeTrack(
        id=tid, name=name, artists=artists, album=album, album_id=album_id or fake_id("album", album, *artists),
        release_date=release_date, duration_ms=duration_ms, popularity=popularity, genre=genre,
        isrc="QZ" + str(int(hashlib.sha1(tid.encode()).hexdigest(), 16))[:10],
        hide_popularity=int(hashlib.sha1(tid.encode()).hexdigest(), 16) % 7 == 0,
    )
    track.tokens = {
        "track": fold(name).split(),
        # Spotify's search finds an artist by its other names too (아이유 for IU)
        "artist": fold(" ".join([*artists, *(n for a in artists for n in other_names(a))])).split(),
        "album": fold(album).split(),
        "genre": fold(genre).split(),
    }
    return track


def load_csv_tracks(path: Path) -> list[FakeTrack]:
    """The tracks of the shared Spotify dataset (one per track id)."""
    seen: dict[str, FakeTrack] = {}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            tid = row["track_id"]
            if tid in seen or not row.get("track_name"):
                continue
            seen[tid] = _make_track(
                tid, row["track_name"], [row["track_artist"]], row["track_album_name"], row["track_album_id"],
                row["track_album_release_date"], int(float(row["duration_ms"] or 0)),
                int(float(row["track_popularity"] or 0)), row.get("playlist_genre") or "",
            )
    return list(seen.values())


def load_json_tracks(path: Path) -> list[FakeTrack]:
    """The sandbox's hand-written catalog (ids made up here)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    tracks = []
    for index, item in enumerate(data["tracks"]):
        tid = fake_id("track", item["name"], *item["artists"])
        tracks.append(_make_track(
            tid, item["name"], list(item["artists"]), item.get("album", ""), "", item.get("release_date", ""),
            int(item.get("duration_ms", 200_000)), int(item.get("popularity", 80 - index % 40)), item.get("genre", ""),
        ))
    return tracks


class SearchIndex:
    """An inverted index per field, with a one-typo tolerance (a letter missing, extra,
    wrong or two swapped) for words of 5+ letters, found through deletion variants."""

    def __init__(self, tracks: list[FakeTrack]):
        self.tracks = tracks
        self.postings: dict[str, dict[str, set[int]]] = {f: defaultdict(set) for f in ("track", "artist", "album", "genre")}
        for number, track in enumerate(tracks):
            for name, words in track.tokens.items():
                for word in words:
                    self.postings[name][word].add(number)
        self.deletions: dict[str, dict[str, set[str]]] = {f: defaultdict(set) for f in self.postings}
        for name, post in self.postings.items():
            for word in post:
                if len(word) >= 4:
                    for variant in _deleted(word) | {word}:
                        self.deletions[name][variant].add(word)

    def expand(self, fieldname: str, word: str) -> list[tuple[str, float]]:
        """The indexed words ``word`` stands for, with a weight (typos count less)."""
        found = [(word, 1.0)] if word in self.postings[fieldname] else []
        if len(word) >= 5:
            near: set[str] = set()
            for variant in _deleted(word) | {word}:
                near |= self.deletions[fieldname].get(variant, set())
            found += [(w, 0.6) for w in sorted(near) if w != word and OSA.distance(w, word) <= 1]
        return found

    def matching(self, fieldname: str, word: str) -> dict[int, float]:
        hits: dict[int, float] = {}
        for variant, weight in self.expand(fieldname, word):
            for number in self.postings[fieldname][variant]:
                hits[number] = max(hits.get(number, 0.0), weight)
        return hits


def _deleted(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def parse_query(q: str) -> tuple[list[str], dict[str, str]]:
    """'remaster track:Doxy artist:Miles Davis' -> (['remaster'], {track: Doxy, artist: Miles Davis})."""
    filters: dict[str, str] = {}
    pieces = _FILTER_RE.split(q)
    free = pieces[0]
    for i in range(1, len(pieces), 2):
        value = pieces[i + 1].strip().strip('"').strip()
        filters[pieces[i].lower()] = (filters.get(pieces[i].lower(), "") + " " + value).strip()
    return fold(free).split(), filters


class SpotifyFake(LoopbackServer):
    def __init__(self, tracks: list[FakeTrack], *, client_id: str = "test-client", client_secret: str = "fake-spotify-secret-7f3a",
                 token_ttl_s: int = 3600, index: "SearchIndex | None" = None):
        super().__init__()
        # socketserver listens with a backlog of 5: a reply's ten concurrent connections
        # would overflow it and wait a second for the SYN to be retried
        self._server.socket.listen(64)
        # headers and body leave in two writes; with Nagle on, the body waits for the
        # client's delayed ACK (40 ms a response)
        self._server.RequestHandlerClass = type("_NoDelayHandler", (self._server.RequestHandlerClass,),
                                                {"disable_nagle_algorithm": True})
        self.client_id = client_id
        self.client_secret = client_secret
        self.token_ttl_s = token_ttl_s
        self.tracks = tracks
        self.by_id = {t.id: t for t in tracks}
        self.by_album = {t.album_id: t for t in tracks}
        self.index = index if index is not None else SearchIndex(tracks)
        self.latency_s = 0.0
        self.tokens: dict[str, float] = {}
        self._fault: dict[str, Any] | None = None
        self._lock = threading.Lock()
        self._images: dict[str, bytes] = {}

    # --- for tests ---
    @property
    def api_url(self) -> str:
        return f"{self.base_url}/v1/"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/api/token"

    def env(self) -> dict[str, str]:
        """The environment that points diaryrec at this fake."""
        return {
            "DIARYREC_SPOTIFY_API_URL": self.api_url,
            "DIARYREC_SPOTIFY_TOKEN_URL": self.token_url,
            "DIARYREC_SPOTIFY_CLIENT_ID": self.client_id,
            "DIARYREC_SPOTIFY_CLIENT_SECRET": self.client_secret,
        }

    def set_fault(self, kind: str | None, *, count: int | None = None, where: str = "api",
                  retry_after: int = 86_400) -> None:
        """``kind`` one of "429", "500", "401", "malformed" (None clears); ``count``
        requests (None: all) at ``where`` ("api", "token" or "any")."""
        if kind not in (None, "429", "500", "401", "malformed"):
            raise ValueError(f"unknown fault {kind!r}")
        with self._lock:
            self._fault = None if kind is None else {"kind": kind, "count": count, "where": where, "retry_after": retry_after}

    def count(self, prefix: str) -> int:
        return sum(1 for r in list(self.requests) if r.path.startswith(prefix))

    # --- HTTP ---
    def handle(self, request: Request) -> Response:
        if self.latency_s:
            time.sleep(self.latency_s)
        where = "token" if request.path == "/api/token" else "api" if request.path.startswith("/v1/") else "other"
        fault = self._take_fault(where)
        if fault is not None:
            return fault
        if where == "token" and request.method == "POST":
            return self._token(request)
        if request.path.startswith("/images/") and request.method == "GET":
            return self._image(request.path[len("/images/"):])
        if where == "api" and request.method == "GET":
            if not self._authorised(request):
                return _error(401, "Invalid access token")
            if request.path == "/v1/search":
                return self._search(request)
            match = re.fullmatch(r"/v1/tracks/([^/]+)", request.path)
            if match:
                return self._track(match.group(1), request)
        return _error(404, "Service not found")

    def _take_fault(self, where: str) -> Response | None:
        with self._lock:
            fault = self._fault
            if fault is None or fault["where"] not in (where, "any") or where == "other":
                return None
            if fault["count"] is not None:
                fault["count"] -= 1
                if fault["count"] <= 0:
                    self._fault = None
        kind = fault["kind"]
        if kind == "429":
            return Response.json({"error": {"status": 429, "message": "API rate limit exceeded"}}, status=429,
                                 headers={"Retry-After": str(fault["retry_after"])})
        if kind == "500":
            return _error(500, "Server error")
        if kind == "401":
            if where == "token":
                return Response.json({"error": "invalid_client", "error_description": "Invalid client"}, status=401)
            return _error(401, "The access token expired")
        return Response(status=200, body=b'{"tracks": {"items": [', headers={"Content-Type": "application/json"})

    def _token(self, request: Request) -> Response:
        form = {k: v[0] for k, v in parse_qs(request.body.decode("utf-8")).items()}
        if form.get("grant_type") != "client_credentials":
            return Response.json({"error": "unsupported_grant_type", "error_description": "grant_type must be client_credentials"}, status=400)
        auth = request.headers.get("authorization", "")
        try:
            user, _, secret = base64.b64decode(auth.removeprefix("Basic ").encode()).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            user, secret = "", ""
        if not auth.startswith("Basic ") or user != self.client_id or secret != self.client_secret:
            return Response.json({"error": "invalid_client", "error_description": "Invalid client secret"}, status=401)
        token = "BQ" + fake_id("token", str(time.monotonic_ns()), str(len(self.tokens))) + "x" * 40
        with self._lock:
            self.tokens[token] = time.monotonic() + self.token_ttl_s
        return Response.json({"access_token": token, "token_type": "Bearer", "expires_in": self.token_ttl_s})

    def _authorised(self, request: Request) -> bool:
        token = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        with self._lock:
            expiry = self.tokens.get(token)
        return expiry is not None and expiry > time.monotonic()

    def _search(self, request: Request) -> Response:
        q = request.arg("q")
        if not q or not q.strip():
            return _error(400, "No search query")
        if "track" not in (request.arg("type") or "").split(","):
            return _error(400, "Missing parameter type")
        try:
            limit = int(request.arg("limit", "5") or 5)
            offset = int(request.arg("offset", "0") or 0)
        except ValueError:
            return _error(400, "Invalid limit")
        if not 1 <= limit <= 10:
            return _error(400, "Invalid limit")
        if not 0 <= offset <= 1000:
            return _error(400, "Invalid offset")
        market = request.arg("market")
        if market is not None and not re.fullmatch(r"[A-Z]{2}|from_token", market):
            return _error(400, "Invalid market code")
        ranked = self.search(q)
        page = ranked[offset : offset + limit]
        href = f"{self.api_url}search?query={q}&type=track&offset={offset}&limit={limit}"
        nxt = f"{self.api_url}search?query={q}&type=track&offset={offset + limit}&limit={limit}" if offset + limit < len(ranked) else None
        prev = f"{self.api_url}search?query={q}&type=track&offset={max(offset - limit, 0)}&limit={limit}" if offset else None
        return Response.json({"tracks": {"href": href, "items": [self.track_object(t) for t in page], "limit": limit,
                                         "next": nxt, "offset": offset, "previous": prev, "total": len(ranked)}})

    def search(self, q: str) -> list[FakeTrack]:
        """The ranked tracks for ``q`` (what the endpoint pages through)."""
        free, filters = parse_query(q)
        candidates: set[int] | None = None
        weights: Counter[int] = Counter()
        words = 0
        for name in ("track", "artist", "album", "genre"):
            for word in fold(filters.get(name, "")).split():
                words += 1
                hits = self.index.matching(name, word)
                candidates = set(hits) if candidates is None else candidates & set(hits)
                for number, weight in hits.items():
                    weights[number] += weight
        if free:
            loose: Counter[int] = Counter()
            for word in free:
                words += 1
                best: dict[int, float] = {}
                for name in ("track", "artist", "album"):
                    for number, weight in self.index.matching(name, word).items():
                        best[number] = max(best.get(number, 0.0), weight)
                for number, weight in best.items():
                    loose[number] += 1
                    weights[number] += weight
            needed = math.ceil(len(free) / 2)
            enough = {n for n, c in loose.items() if c >= needed}
            candidates = enough if candidates is None else candidates & enough
        if candidates is None:
            candidates = set(range(len(self.tracks))) if ("year" in filters or "isrc" in filters) else set()
        candidates = {n for n in candidates if self._passes(self.tracks[n], filters)}
        title_words = len(fold(filters.get("track", "")).split()) or len(free)

        def rank(number: int) -> float:
            track = self.tracks[number]
            relevance = weights[number] / words if words else 0.0
            extra = max(len(track.tokens["track"]) - title_words, 0) if title_words else 0
            return 70 * (relevance - min(0.04 * extra, 0.3)) + 0.3 * track.popularity

        return [self.tracks[n] for n in sorted(candidates, key=lambda n: (-rank(n), self.tracks[n].id))][:1000]

    @staticmethod
    def _passes(track: FakeTrack, filters: dict[str, str]) -> bool:
        year = filters.get("year", "").strip()
        if year:
            low, _, high = year.partition("-")
            try:
                lo, hi = int(low), int(high or low)
            except ValueError:
                return False
            if track.year is None or not lo <= track.year <= hi:
                return False
        isrc = filters.get("isrc", "").strip()
        return not isrc or isrc.upper() == track.isrc

    def _track(self, track_id: str, request: Request) -> Response:
        if not re.fullmatch(r"[0-9A-Za-z]{22}", track_id):
            return _error(400, "Invalid base62 id")
        track = self.by_id.get(track_id)
        if track is None:
            return _error(404, "Non existing id")
        return Response.json(self.track_object(track))

    def track_object(self, t: FakeTrack) -> dict[str, Any]:
        artists = [{"external_urls": {"spotify": f"https://open.spotify.com/artist/{fake_id('artist', a)}"},
                    "href": f"{self.api_url}artists/{fake_id('artist', a)}", "id": fake_id("artist", a), "name": a,
                    "type": "artist", "uri": f"spotify:artist:{fake_id('artist', a)}"} for a in t.artists]
        precision = {4: "year", 7: "month"}.get(len(t.release_date), "day")
        album = {
            "album_type": "album", "total_tracks": 10, "available_markets": [],
            "external_urls": {"spotify": f"https://open.spotify.com/album/{t.album_id}"},
            "href": f"{self.api_url}albums/{t.album_id}", "id": t.album_id,
            "images": [{"url": f"{self.base_url}/images/{t.album_id}-{s}.jpg", "height": s, "width": s} for s in _IMAGE_SIZES],
            "name": t.album, "release_date": t.release_date, "release_date_precision": precision,
            "type": "album", "uri": f"spotify:album:{t.album_id}", "artists": artists,
        }
        item: dict[str, Any] = {
            "album": album, "artists": artists, "available_markets": [], "disc_number": 1,
            "duration_ms": t.duration_ms, "explicit": False, "external_ids": {"isrc": t.isrc},
            "external_urls": {"spotify": f"https://open.spotify.com/track/{t.id}"},
            "href": f"{self.api_url}tracks/{t.id}", "id": t.id, "is_playable": True, "name": t.name,
            "preview_url": None, "track_number": 1, "type": "track", "uri": f"spotify:track:{t.id}", "is_local": False,
        }
        if not t.hide_popularity:
            item["popularity"] = t.popularity
        return item

    def _image(self, name: str) -> Response:
        match = re.fullmatch(r"([0-9A-Za-z]+)-(\d+)\.jpg", name)
        if not match or int(match.group(2)) not in _IMAGE_SIZES:
            return _error(404, "No such image")
        with self._lock:
            data = self._images.get(name)
        if data is None:
            from PIL import Image

            size = int(match.group(2))
            digest = hashlib.sha1(match.group(1).encode()).digest()
            picture = Image.new("RGB", (size, size), tuple(digest[:3]))
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=80)
            data = out.getvalue()
            with self._lock:
                self._images[name] = data
        return Response(status=200, body=data, headers={"Content-Type": "image/jpeg"})


def _error(status: int, message: str) -> Response:
    return Response.json({"error": {"status": status, "message": message}}, status=status)


def start_sandbox_spotify() -> SpotifyFake:
    """The fake over the sandbox catalog, started; ``.env()`` points diaryrec at it."""
    from diaryrec.paths import resources_dir

    fake = SpotifyFake(load_json_tracks(resources_dir() / "sandbox" / "tracks.json"),
                       client_id=SANDBOX_CLIENT_ID, client_secret=SANDBOX_CLIENT_SECRET)
    fake.start()
    return fake
