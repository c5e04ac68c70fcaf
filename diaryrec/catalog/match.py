"""Deciding whether a track an LLM suggested exists in the catalog.

Several searches run in order, field-filtered first, then relaxed; every candidate
they return is scored on normalised title and artist with rapidfuzz, and version
markers (Live, Remix, …) must agree. The first hit is never trusted: a candidate
is ``verified`` only on its own scores. A title found only under another artist
becomes the ``suggestion`` of a ``not_found`` (the LLM misattributed it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from diaryrec.catalog.normalize import TitleParts, fold, split_artists, split_title, variants
from diaryrec.vocabulary import Verdict as VerdictCode

#: title and artist similarity (0–100) a candidate needs to be verified
TITLE_VERIFIED = 90.0
ARTIST_VERIFIED = 85.0
#: ... and to be worth a human look
TITLE_NEAR = 80.0
ARTIST_NEAR = 70.0
#: a single typo in a title at least this long still verifies when the artist is exact
TYPO_MIN_LENGTH = 6
ARTIST_EXACT = 95.0

# the verdict codes (diaryrec.vocabulary), by the short names the matching rules use
VERIFIED, NOT_FOUND, UNCERTAIN, UNCHECKED = VerdictCode.VERIFIED, VerdictCode.NOT_FOUND, VerdictCode.UNCERTAIN, VerdictCode.UNCHECKED


@dataclass(frozen=True)
class Suggestion:
    title: str
    artist: str
    album: str | None = None
    year: int | None = None


@dataclass
class Verdict:
    verdict: str
    score: float | None = None
    track: dict[str, Any] | None = None
    suggestion: dict[str, Any] | None = None
    discrepancies: list[dict[str, Any]] = field(default_factory=list)
    reason: str = ""
    retry_after: float | None = None  # unchecked only: when asking again makes sense

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "score": self.score,
            "track": self.track,
            "suggestion": self.suggestion,
            "discrepancies": self.discrepancies,
            "reason": self.reason,
        }


@dataclass
class Scored:
    item: dict[str, Any]
    title: float
    artist: float
    versions_agree: bool
    typo_only: bool

    @property
    def combined(self) -> float:
        return round((0.55 * self.title + 0.45 * self.artist) / 100, 4)

    @property
    def verified(self) -> bool:
        title_ok = self.title >= TITLE_VERIFIED or (self.typo_only and self.artist >= ARTIST_EXACT)
        return self.versions_agree and title_ok and self.artist >= ARTIST_VERIFIED

    @property
    def near(self) -> bool:
        return self.title >= TITLE_NEAR and self.artist >= ARTIST_NEAR

    @property
    def same_title(self) -> bool:
        return self.versions_agree and (self.title >= TITLE_VERIFIED or self.typo_only)


def query_strategies(s: Suggestion) -> list[str]:
    """Searches in the order they are tried: precise first, then forgiving."""
    parts = split_title(s.title)
    title = " ".join([parts.core, *sorted(parts.markers)])
    artists = split_artists(s.artist)
    artist = artists[0] if artists else fold(s.artist)
    queries = [
        f"track:{title} artist:{artist}" if artist else f"track:{title}",
        f"{title} {artist}".strip(),  # typos and odd credits survive the plain query better
        f"track:{title}",  # who really sings it, when the LLM named the wrong artist
    ]
    return list(dict.fromkeys(q for q in queries if q.strip()))


def _similar(a: str, b: str) -> float:
    best = 0.0
    for x in variants(a):
        for y in variants(b):
            best = max(best, fuzz.ratio(x, y), fuzz.token_sort_ratio(x, y), fuzz.ratio(x.replace(" ", ""), y.replace(" ", "")))
    return best


def _candidate_markers(item: dict[str, Any], parts: TitleParts) -> set[str]:
    markers = set(parts.markers)
    for name in item.get("artists") or []:
        folded = fold(name)
        if "karaoke" in folded:
            markers.add("karaoke")
    return markers


def score(s: Suggestion, item: dict[str, Any]) -> Scored:
    mine = split_title(s.title)
    theirs = split_title(item.get("name") or "")
    title = _similar(mine.core, theirs.core)
    typo_only = len(mine.core) >= TYPO_MIN_LENGTH and OSA.distance(mine.core, theirs.core) <= 1  # a transposition is one typo
    my_artists = split_artists(s.artist)
    their_artists = [a for name in item.get("artists") or [] for a in split_artists(name)] + theirs.credits
    artist = 0.0
    if my_artists and their_artists:
        artist = max(_similar(my_artists[0], a) for a in their_artists)
        artist = max(artist, _similar(fold(s.artist), fold(" ".join(item.get("artists") or []))))
    agree = mine.markers == _candidate_markers(item, theirs)
    return Scored(item=item, title=title, artist=artist, versions_agree=agree, typo_only=typo_only)


def _preference(s: Suggestion, c: Scored) -> tuple[Any, ...]:
    """Best first: scores, then the album and year the LLM named, then the oldest
    release (the original rather than a later compilation)."""
    album_match = 1.0 if s.album and same_album(s.album, c.item.get("album") or "") else 0.0
    year_match = 1.0 if s.year and _year(c.item) == s.year else 0.0
    released = (c.item.get("release_date") or "9999").ljust(10, "9")
    return (-c.combined, -album_match, -year_match, released)


def _year(item: dict[str, Any]) -> int | None:
    text = (item.get("release_date") or "")[:4]
    return int(text) if text.isdigit() else None


def same_album(suggested: str, catalog: str) -> bool:
    """'Perfect Velvet' names 'Perfect Velvet - The 2nd Album'; editions don't count."""
    mine = split_title(suggested).core
    if not mine:  # only symbols ("÷"): compare them as written
        return catalog.casefold().startswith(suggested.casefold().strip())
    theirs = {split_title(catalog).core, fold(re.split(r"\s[-–—:]\s|[\(\[]", catalog)[0])}
    return any(t and _similar(mine, t) >= 90 for t in theirs)


def discrepancies(s: Suggestion, item: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    album = item.get("album") or ""
    if s.album and album and not same_album(s.album, album):
        found.append({"field": "album", "suggested": s.album, "catalog": album})
    year = _year(item)
    if s.year and year and s.year != year:
        found.append({"field": "year", "suggested": s.year, "catalog": year})
    return found


def public_track(item: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "name", "artists", "album", "release_date", "url", "image_url", "duration_ms")
    return {k: item.get(k) for k in keys}


def decide(s: Suggestion, items: list[dict[str, Any]]) -> Verdict:
    """The verdict on ``s`` given every candidate the searches returned."""
    unique = {item["id"]: item for item in items if item.get("id")}
    scored = [score(s, item) for item in unique.values()]
    verified = sorted((c for c in scored if c.verified), key=lambda c: _preference(s, c))
    if verified:
        best = verified[0]
        return Verdict(VERIFIED, best.combined, public_track(best.item), None, discrepancies(s, best.item), "matched title and artist")
    near = sorted((c for c in scored if c.near), key=lambda c: _preference(s, c))
    if near:
        best = near[0]
        why = "a different version" if not best.versions_agree else "a close but not exact match"
        return Verdict(UNCERTAIN, best.combined, public_track(best.item), None, discrepancies(s, best.item), f"{why}; please check")
    elsewhere = sorted((c for c in scored if c.same_title), key=lambda c: (c.title, c.item.get("popularity") or 0), reverse=True)
    if elsewhere:
        best = elsewhere[0]
        by = ", ".join(best.item.get("artists") or [])
        return Verdict(NOT_FOUND, best.combined, None, public_track(best.item), [], f"not by this artist; the title exists by {by}")
    closest = max((c.combined for c in scored), default=0.0)
    return Verdict(NOT_FOUND, closest, None, None, [], "no such track in the catalog")


def match(s: Suggestion, search: Callable[[str], list[dict[str, Any]]]) -> Verdict:
    """Run the searches until one candidate verifies (or all have run), then decide.

    ``search`` raises ``CatalogUnavailable`` when the catalog does not answer; a
    verdict built on half the searches would call real tracks missing, so that
    propagates to the caller, who marks the track unchecked."""
    if not s.title.strip() or not s.artist.strip():
        return Verdict(NOT_FOUND, 0.0, None, None, [], "the suggestion has no title or no artist")
    items: list[dict[str, Any]] = []
    for query in query_strategies(s):
        items.extend(search(query))
        if any(score(s, item).verified for item in items):
            break
    return decide(s, items)
