"""Deciding whether a track an LLM suggested exists in a catalog.

The catalog's searches (``CatalogProvider.queries``) run in order, precise first;
every candidate they return is compared with the suggestion, and the first hit is
never trusted: a candidate is ``verified`` only on its own comparison.

The comparison is word by word, not a character similarity: "Hold Me Closer" is
not "Hold You Closer" although 0.9 of their letters agree. A word may carry a typo
(a letter doubled, dropped or swapped with its neighbour; a changed letter only in a
long word), never be another word; numbers agree exactly. A parenthesised subtitle
that is no version marker may be on one side only. Version markers (Live, Remix, …)
must agree, and a version the suggestion names ("R3HAB Remix", "Live at Wembley")
must be the candidate's. Artists agree by their names (credits split, "&"/"and",
a leading "Ms."/"The"), by the other names the catalog lists for them (aliases), or,
when the two are written in different scripts, because the catalog's own artist
filter returned the candidate (Spotify matches romanised names). A real track that
differs in a word becomes ``uncertain`` with that track; a title found only under
another artist becomes the ``suggestion`` of a ``not_found`` (misattributed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from diaryrec.catalog.normalize import TitleParts, fold, split_artists, split_title, variants
from diaryrec.catalog.provider import CatalogTrack, Query, Suggestion
from diaryrec.vocabulary import Verdict as VerdictCode

__all__ = ["Suggestion", "Verdict", "decide", "match", "same_album", "words_agree"]

#: character similarity (0–100) of title and artist that makes a candidate worth a human look
TITLE_NEAR = 80.0
ARTIST_NEAR = 70.0

# the verdict codes (diaryrec.vocabulary), by the short names the matching rules use
VERIFIED, NOT_FOUND, UNCERTAIN, UNCHECKED = VerdictCode.VERIFIED, VerdictCode.NOT_FOUND, VerdictCode.UNCERTAIN, VerdictCode.UNCHECKED

_HONORIFIC = re.compile(r"^(the|ms|mr|mrs|miss|dr|mx)\s+(?=\S)")
_NATIVE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]")
_LATIN = re.compile(r"[a-z]")


@dataclass
class Verdict:
    verdict: str
    score: float | None = None
    track: dict[str, Any] | None = None
    suggestion: dict[str, Any] | None = None
    discrepancies: list[dict[str, Any]] = field(default_factory=list)
    reason: str = ""
    retry_after: float | None = None  # unchecked only: when asking again makes sense
    #: the provider id of the catalog that answered ("" when none was asked)
    catalog: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "catalog": self.catalog,
            "score": self.score,
            "track": self.track,
            "suggestion": self.suggestion,
            "discrepancies": self.discrepancies,
            "reason": self.reason,
        }


# --- word by word ---
#: the closed classes of English (pronouns, articles, negations, number words and the
#: small words around them): one letter more or less turns one into another ("he"/"she",
#: "the"/"they", "you"/"yo"), so two of them never count as a typo of each other.
#: Grammar, not an alias table.
FUNCTION_WORDS = frozenset("""
a an the i me my mine you your yours yo u ur he him his she her hers it its we us our they them their
this that these those who what no not nor never none nothing dont doesnt didnt cant wont isnt aint
one two three four five six seven eight nine ten first second third all some any every each
and or but if so as at by in on of off to too up for from with without into
be am is are was were been do does did have has had will would can could shall should may might must
""".split())


def _same_word(mine: str, theirs: str) -> bool:
    """One word against another: equal, or the same word with a typo in it."""
    if mine == theirs:
        return True
    if mine.isdigit() or theirs.isdigit() or (mine in FUNCTION_WORDS and theirs in FUNCTION_WORDS):
        return False  # another number, pronoun, article or negation: another title
    if max(len(mine), len(theirs)) < 3 or OSA.distance(mine, theirs) > 1:
        return False
    # a letter doubled, dropped or two swapped is a typo; a changed letter makes another
    # word ("love"/"live", "night"/"light") unless the word is long
    substituted = len(mine) == len(theirs) and Levenshtein.distance(mine, theirs) == 1
    return not substituted or len(mine) >= 8


def words_agree(mine: str, theirs: str) -> bool:
    """Two folded titles (or names) are the same words, allowing a typo within a word
    and different spacing ("peek a boo" / "peekaboo"), never a different word."""
    a, b = mine.split(), theirs.split()
    if not a or not b:
        return False
    if len(a) == len(b) and (all(map(_same_word, a, b)) or sorted(a) == sorted(b)):
        return True
    # the same letters spaced otherwise; a letter more is a word more ("god is a woman")
    return "".join(a) == "".join(b)


def _readings(parts: TitleParts) -> set[str]:
    return {v for reading in parts.readings() for v in variants(reading)}


def titles_agree(mine: TitleParts, theirs: TitleParts) -> bool:
    return any(words_agree(x, y) for x in _readings(mine) for y in _readings(theirs))


def _similar(a: str, b: str) -> float:
    """Character similarity (0–100), for "worth a look" and for ranking only."""
    best = 0.0
    for x in variants(a):
        for y in variants(b):
            best = max(best, fuzz.ratio(x, y), fuzz.token_sort_ratio(x, y), fuzz.ratio(x.replace(" ", ""), y.replace(" ", "")))
    return best


def _native(text: str) -> bool:
    return bool(_NATIVE.search(text))


def _scripts_differ(a: str, b: str) -> bool:
    """One name in Hangul, kana or Han, the other in Latin letters only."""
    return (_native(a) and not _native(b) and bool(_LATIN.search(b))) or (_native(b) and not _native(a) and bool(_LATIN.search(a)))


def _name_forms(name: str) -> set[str]:
    forms = {name, _HONORIFIC.sub("", name)}
    return {v for f in forms for v in variants(f)}


def _names_agree(mine: str, theirs: str) -> bool:
    return any(words_agree(x, y) for x in _name_forms(mine) for y in _name_forms(theirs))


def artist_credited(named: str, names: Sequence[str], artists: Sequence[str]) -> bool:
    """Whether the artist ``named`` (as a suggestion or a query writes it) is among
    ``names``, the split and folded names a catalog credits (its aliases may be among
    them), or is all of its ``artists`` together ("Simon & Garfunkel")."""
    mine = split_artists(named)
    return bool(mine) and (any(_names_agree(mine[0], a) for a in names)
                           or words_agree(fold(named), fold(" ".join(artists))))


@dataclass
class Compared:
    track: CatalogTrack
    title: float  # character similarity, 0–100
    artist: float
    title_agrees: bool
    artist_agrees: bool
    versions_agree: bool

    @property
    def combined(self) -> float:
        title = 100.0 if self.title_agrees else self.title
        artist = 100.0 if self.artist_agrees else self.artist
        return round((0.55 * title + 0.45 * artist) / 100, 4)

    @property
    def verified(self) -> bool:
        return self.title_agrees and self.artist_agrees and self.versions_agree

    @property
    def near(self) -> bool:
        return (self.title_agrees or self.title >= TITLE_NEAR) and (self.artist_agrees or self.artist >= ARTIST_NEAR)

    @property
    def same_title(self) -> bool:
        return self.title_agrees and self.versions_agree


def _candidate_parts(track: CatalogTrack) -> tuple[TitleParts, set[str]]:
    parts = split_title(track.title)
    markers = set(parts.markers)
    if any("karaoke" in fold(name) for name in track.artists):
        markers.add("karaoke")
    return parts, markers


def _versions_agree(mine: TitleParts, theirs: TitleParts, their_markers: set[str]) -> bool:
    if mine.markers != their_markers:
        return False
    for marker, named in mine.versions.items():  # "R3HAB Remix" is not "Tiësto Remix"
        their_name = theirs.versions.get(marker, "")
        # a place may be named short ("Live at Wembley" for "Wembley Stadium"); a remix
        # by R3hab is not the one by "R3hab X Henry Fong"
        agree = _names_within(named, their_name) if marker == "live" else words_agree(named, their_name)
        if not agree:
            return False
    return True


def _names_within(named: str, theirs: str) -> bool:
    """Every word a suggestion names a version by is in the candidate's name of it."""
    words = theirs.split()
    return bool(words) and all(any(_same_word(w, t) for t in words) for w in named.split())


def compare(s: Suggestion, track: CatalogTrack, *, artist_vouched: bool = False) -> Compared:
    """``s`` against one candidate. ``artist_vouched``: the catalog's own artist filter
    returned this candidate for the suggested artist."""
    mine = split_title(s.title)
    theirs, their_markers = _candidate_parts(track)
    my_artists = split_artists(s.artist)
    their_artists = [a for name in track.artists for a in split_artists(name)] + theirs.credits
    their_names = their_artists + [a for alias in track.aliases for a in split_artists(alias)]
    artist = 0.0
    agrees = False
    if my_artists and their_names:
        artist = max(_similar(my_artists[0], a) for a in their_names)
        artist = max(artist, _similar(fold(s.artist), fold(" ".join(track.artists))))
        agrees = artist_credited(s.artist, their_names, track.artists)
        if not agrees and artist_vouched:
            agrees = any(_scripts_differ(my_artists[0], a) for a in their_artists)
    return Compared(
        track=track,
        title=_similar(mine.core, theirs.core),
        artist=artist,
        title_agrees=titles_agree(mine, theirs),
        artist_agrees=agrees,
        versions_agree=_versions_agree(mine, theirs, their_markers),
    )


def _preference(s: Suggestion, c: Compared) -> tuple[Any, ...]:
    """Best first: agreement, then the album and year the LLM named, then the oldest
    release (the original rather than a later compilation)."""
    album_match = 1.0 if s.album and same_album(s.album, c.track.album) else 0.0
    year_match = 1.0 if s.year and c.track.year == s.year else 0.0
    released = (c.track.release_date or "9999").ljust(10, "9")
    return (-c.combined, -album_match, -year_match, released, c.track.id)


def same_album(suggested: str, catalog: str) -> bool:
    """'Perfect Velvet' names 'Perfect Velvet - The 2nd Album'; editions don't count."""
    mine = split_title(suggested).core
    if not mine:  # only symbols ("÷"): compare them as written
        return catalog.casefold().startswith(suggested.casefold().strip())
    theirs = {split_title(catalog).core, fold(re.split(r"\s[-–—:]\s|[\(\[]", catalog)[0])}
    return any(t and _similar(mine, t) >= 90 for t in theirs)


def discrepancies(s: Suggestion, track: CatalogTrack) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if s.album and track.album and not same_album(s.album, track.album):
        found.append({"field": "album", "suggested": s.album, "catalog": track.album})
    if s.year and track.year and s.year != track.year:
        found.append({"field": "year", "suggested": s.year, "catalog": track.year})
    return found


def _why_uncertain(s: Suggestion, c: Compared) -> str:
    if not c.versions_agree:
        return "a different version; please check"
    if not c.title_agrees:
        return "a title that differs in a word; please check"
    return "a close but not exact match; please check"


def decide(s: Suggestion, tracks: Iterable[CatalogTrack], *, catalog: str = "",
           vouched: frozenset[str] | set[str] = frozenset()) -> Verdict:
    """The verdict on ``s`` given every candidate the searches returned; ``vouched``:
    the ids of candidates the catalog's artist filter returned."""
    unique = {t.id: t for t in tracks if t.id}
    compared = [compare(s, t, artist_vouched=t.id in vouched) for t in unique.values()]
    catalog = catalog or next((t.catalog for t in unique.values()), "")
    verified = sorted((c for c in compared if c.verified), key=lambda c: _preference(s, c))
    if verified:
        best = verified[0]
        return Verdict(VERIFIED, best.combined, best.track.public(), None, discrepancies(s, best.track),
                       "matched title and artist", catalog=best.track.catalog)
    near = sorted((c for c in compared if c.near), key=lambda c: _preference(s, c))
    if near:
        best = near[0]
        return Verdict(UNCERTAIN, best.combined, best.track.public(), None, discrepancies(s, best.track),
                       _why_uncertain(s, best), catalog=best.track.catalog)
    elsewhere = sorted((c for c in compared if c.same_title),
                       key=lambda c: (c.title, c.track.popularity or 0), reverse=True)
    if elsewhere:
        best = elsewhere[0]
        by = ", ".join(best.track.artists)
        return Verdict(NOT_FOUND, best.combined, None, best.track.public(), [],
                       f"not by this artist; the title exists by {by}", catalog=best.track.catalog)
    closest = max((c.combined for c in compared), default=0.0)
    return Verdict(NOT_FOUND, closest, None, None, [], "no such track in the catalog", catalog=catalog)


def match(s: Suggestion, search: Callable[[Query], list[CatalogTrack]], queries: Sequence[Query], *,
          catalog: str = "", known: Sequence[CatalogTrack] = (), known_vouched: Iterable[str] = ()) -> Verdict:
    """Run the searches until one candidate verifies (or all have run), then decide.

    ``known``: candidates already at hand (a combined request's answer), tried
    before any search. ``search`` raises ``CatalogUnavailable`` when the catalog does
    not answer; a verdict built on half the searches would call real tracks missing,
    so that propagates to the caller, who marks the track unchecked."""
    if not s.title.strip() or not s.artist.strip():
        return Verdict(NOT_FOUND, 0.0, None, None, [], "the suggestion has no title or no artist", catalog=catalog)
    tracks: list[CatalogTrack] = list(known)
    vouched: set[str] = set(known_vouched)

    def settled() -> bool:
        return any(compare(s, t, artist_vouched=t.id in vouched).verified for t in tracks)

    if not (tracks and settled()):
        for query in queries:
            found = search(query)
            tracks.extend(found)
            if query.vouches_artist:
                vouched.update(t.id for t in found)
            if settled():
                break
    return decide(s, tracks, catalog=catalog, vouched=vouched)
