"""Does a suggestion satisfy its query's condition, and did a reply correct a false
premise? Checked against what the catalog says about the track it found (its release
date and credited artists), never against what the model claimed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from diaryrec.catalog.match import artist_credited
from diaryrec.catalog.normalize import split_artists
from diaryrec.research.probe.queries import Condition
from diaryrec.sheets.prompt_words import PREMISE_ASK, in_language
from diaryrec.vocabulary import Verdict


class Holds(StrEnum):
    SATISFIED = "satisfied"
    VIOLATED = "violated"
    #: not decidable: the track is not in the catalog, or the catalog lacks the field
    UNKNOWN = "unknown"
    #: the query states no condition
    NONE = "none"


class Premise(StrEnum):
    CORRECTED = "corrected"  # the reply said the premise is wrong
    ACCEPTED = "accepted"  # it said the premise is right
    UNCLEAR = "unclear"  # it said neither as asked


@dataclass(frozen=True)
class Check:
    holds: Holds
    why: str = ""


def credits(named: str, artists: list[str]) -> bool:
    """Whether ``named`` is among the catalog's credited ``artists`` (the matching's own
    rule for names: spelling, "The", other scripts)."""
    names = [part for name in artists for part in split_artists(name)]
    return bool(names) and artist_credited(named, names, artists)


def _year(track: dict[str, Any]) -> int | None:
    text = str(track.get("release_date") or "")[:4]
    return int(text) if text.isdigit() else None


def check(condition: Condition, verdict: str, catalog_track: dict[str, Any] | None) -> Check:
    """Every part of ``condition`` against the track the catalog found for a suggestion."""
    if condition.empty:
        return Check(Holds.NONE)
    if verdict != Verdict.VERIFIED or not catalog_track:
        return Check(Holds.UNKNOWN, "not found in the catalog")
    artists = [str(a) for a in catalog_track.get("artists") or []]
    failed: list[str] = []
    unknown: list[str] = []
    if condition.released is not None:
        first, last = condition.released
        year = _year(catalog_track)
        if year is None:
            unknown.append("the catalog gives no release date")
        elif not first <= year <= last:
            failed.append(f"released {year}")
    if condition.artist:
        if not artists:
            unknown.append("the catalog credits no artist")
        elif not credits(condition.artist, artists):
            failed.append(f"by {', '.join(artists)}")
    if condition.not_artist:
        if not artists:
            unknown.append("the catalog credits no artist")
        elif credits(condition.not_artist, artists):
            failed.append(f"by {condition.not_artist}")
    if failed:
        return Check(Holds.VIOLATED, "; ".join(failed))
    if unknown:
        return Check(Holds.UNKNOWN, "; ".join(unknown))
    return Check(Holds.SATISFIED)


def probe_message(text: str, language: str) -> str:
    """The query as sent: its text and the request to say whether its premise holds."""
    return f"{text}\n\n{in_language(PREMISE_ASK, language)}"


# The answers PREMISE_ASK asks for, in either language (a model may answer in another)
_WRONG = re.compile(r"(premise|전제)\s*[:：]?\s*[\"'“]?\s*(wrong|incorrect|false|not correct|틀림|틀렸|틀립|잘못|사실이 아)",
                    re.IGNORECASE)
_RIGHT = re.compile(r"(premise|전제)\s*[:：]?\s*[\"'“]?\s*(correct|true|right|맞음|맞습|맞아)", re.IGNORECASE)


def premise_answer(message: str) -> Premise:
    """What the reply's message said about the premise: the answer at its start, else
    the first one anywhere in it."""
    text = (message or "").strip()
    wrong, right = _WRONG.search(text), _RIGHT.search(text)
    if wrong and (not right or wrong.start() < right.start()):
        return Premise.CORRECTED
    if right:
        return Premise.ACCEPTED
    return Premise.UNCLEAR
