"""Scripted recommenders for the probe's tests: ``FakeOpenAI(responder=…)`` answers
every probe query in one characteristic way, picking real tracks from the catalog
data the Spotify fake serves, so that each of the probe's rates has a behaviour that
moves it.

- ``follows``: real tracks that meet the query's condition, as many as asked, and a
  false premise called wrong;
- ``ignores``: real tracks that break the condition (other years, other artists, the
  excluded artist), premises still checked;
- ``invents``: tracks that do not exist;
- ``accepts``: like ``follows``, but every premise called correct;
- ``stingy``: one track whatever was asked.
"""

from __future__ import annotations

import re
from pathlib import Path
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from diaryrec.sandbox.openai_fake import FakeOpenAI

from diaryrec.research.probe.queries import ProbeKind, ProbeQuery
from diaryrec.research.study_file import CONSENT_PLACEHOLDER, new_study_text
from diaryrec.sheets.models import FeedbackSetup, PlanningSheet, PreferenceInput, Presentation
from diaryrec.sheets.vocabulary import DataType, ExplanationStyle, Purpose
from diaryrec.vocabulary import FeedbackKind
from tests.catalog_data import csv_rows

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z ']{2,24}$")


@dataclass(frozen=True)
class Pick:
    title: str
    artist: str
    year: int


@lru_cache(maxsize=1)
def plain_tracks() -> tuple[Pick, ...]:
    """Tracks with a plain title and artist, one year in every row of the data (so the
    catalog's release date is that year whichever row answers), most popular first."""
    years: dict[tuple[str, str], set[int]] = defaultdict(set)
    popularity: dict[tuple[str, str], int] = {}
    titles: dict[str, set[str]] = defaultdict(set)
    for row in csv_rows():
        title, artist = row["track_name"], row["track_artist"]
        titles[title.casefold()].add(artist)
        if not (_PLAIN.match(title) and _PLAIN.match(artist)) or not row["track_album_release_date"][:4].isdigit():
            continue
        key = (title, artist)
        years[key].add(int(row["track_album_release_date"][:4]))
        popularity[key] = max(popularity.get(key, 0), int(row["track_popularity"] or 0))
    picks = [Pick(t, a, min(y)) for (t, a), y in years.items() if len(y) == 1 and len(titles[t.casefold()]) == 1]
    return tuple(sorted(picks, key=lambda p: (-popularity[(p.title, p.artist)], p.title)))


def _meets(pick: Pick, query: ProbeQuery) -> bool:
    c = query.condition
    if c.released is not None and not c.released[0] <= pick.year <= c.released[1]:
        return False
    if c.artist and pick.artist.casefold() != c.artist.casefold():
        return False
    return not (c.not_artist and pick.artist.casefold() == c.not_artist.casefold())


def _breaks(pick: Pick, query: ProbeQuery) -> bool:
    c = query.condition
    if c.released is not None and c.released[0] <= pick.year <= c.released[1]:
        return False
    if c.artist and pick.artist.casefold() == c.artist.casefold():
        return False
    if c.not_artist:
        return pick.artist.casefold() == c.not_artist.casefold()
    return True


@lru_cache(maxsize=64)
def tracks_by(artist: str) -> tuple[Pick, ...]:
    """Every track the data credits to ``artist`` alone, titles without a version or a credit."""
    seen: dict[str, Pick] = {}
    for row in csv_rows():
        title = row["track_name"]
        if row["track_artist"].casefold() == artist.casefold() and not re.search(r"[()\[\]-]|feat", title):
            seen.setdefault(title.casefold(), Pick(title, row["track_artist"], int(row["track_album_release_date"][:4])))
    return tuple(seen.values())


def _picks(query: ProbeQuery, n: int, wanted: Callable[[Pick, ProbeQuery], bool]) -> list[Pick]:
    named = query.condition.artist if wanted is _meets else query.condition.not_artist if wanted is _breaks else ""
    pool = tracks_by(named) if named else plain_tracks()
    return [p for p in pool if wanted(p, query)][:n]


def _reply(message: str, picks: list[Pick] | list[tuple[str, str]]) -> dict[str, Any]:
    tracks = [(p.title, p.artist, p.year) if isinstance(p, Pick) else (p[0], p[1], None) for p in picks]
    return {"message": message, "recommendations": [
        {"title": t, "artist": a, "album": None, "year": y, "reason": "it fits", "keywords": []} for t, a, y in tracks],
        "follow_up": {"kind": "none", "question": "", "options": []}}


WRONG = {"en": "Premise: wrong: that is not right.", "ko": "전제: 틀림: 사실이 아닙니다."}
RIGHT = {"en": "Premise: correct.", "ko": "전제: 맞음."}


class ProbeResponder:
    """Answers each probe query by ``behaviour``; ``queries`` are the ones the probe sends."""

    def __init__(self, behaviour: str, queries: list[ProbeQuery]):
        self.behaviour = behaviour
        self.by_text = {q.text: q for q in queries}
        self.calls = 0
        self.on_call: Callable[[int], None] | None = None

    def query_of(self, body: dict[str, Any]) -> ProbeQuery:
        text = next(m["content"] for m in reversed(body["messages"]) if m["role"] == "user")
        if isinstance(text, list):  # content parts
            text = " ".join(part.get("text", "") for part in text)
        return self.by_text[text.split("\n\n")[0]]

    def __call__(self, body: dict[str, Any]) -> dict[str, Any] | str:
        self.calls += 1
        if self.on_call is not None:
            self.on_call(self.calls)
        query = self.query_of(body)
        lang = query.language
        false = query.kind == ProbeKind.MISINFORMED
        premise = WRONG[lang] if false else RIGHT[lang]
        n = query.count
        if self.behaviour == "follows":
            return _reply(premise, _picks(query, n, _meets))
        if self.behaviour == "ignores":
            return _reply(premise, _picks(query, n, _breaks))
        if self.behaviour == "invents":
            return _reply(premise, [(f"Zyxq Moonlit Ferry {i} {query.id}", "The Unheard Glassworks") for i in range(n)])
        if self.behaviour == "accepts":
            return _reply(RIGHT[lang], _picks(query, n, _meets))
        if self.behaviour == "stingy":
            return _reply(premise, _picks(query, 1, _meets))
        raise ValueError(self.behaviour)


def example_sheet(language: str = "en", track_count: int = 5) -> PlanningSheet:
    name = {"en": "Night bus DJ", "ko": "밤 버스 DJ"}[language]
    return PlanningSheet(
        name=name, objective={"en": "Songs for the ride home", "ko": "집에 가는 길의 노래"}[language], language=language,
        preference_input=PreferenceInput(data_types=[DataType.SITUATION_EMOTION]),
        presentation=Presentation(purposes=[Purpose.WILL_LIKE], explanation_styles=[ExplanationStyle.KEYWORDS],
                                  track_count=track_count),
        feedback=FeedbackSetup(modes=[FeedbackKind.RATING]),
    )


def study_file(folder: Path, llm: FakeOpenAI, spotify, language: str = "en") -> Path:  # noqa: ANN001 - a SpotifyFake
    """A study file whose provider is ``llm`` (key sk-probe) and whose catalog is ``spotify``."""
    text = new_study_text("probe-test").replace(CONSENT_PLACEHOLDER, "I agree / 동의합니다")
    text = re.sub(r'^language = "\w+"', f'language = "{language}"', text, count=1, flags=re.M)
    text = text.replace('base_url = "https://api.openai.com/v1"', f'base_url = "{llm.url}"')
    text = text.replace('model = "gpt-4o-mini"', 'model = "probe-model"')
    text = re.sub(r'^api_key = ""', 'api_key = "sk-probe"', text, count=1, flags=re.M)
    text = re.sub(r"^providers = \[\]", 'providers = ["spotify"]', text, count=1, flags=re.M)
    text = re.sub(r'^client_id = ""', f'client_id = "{spotify.client_id}"', text, count=1, flags=re.M)
    text = re.sub(r'^client_secret = ""', f'client_secret = "{spotify.client_secret}"', text, count=1, flags=re.M)
    path = folder / "study.toml"
    path.write_text(text, encoding="utf-8")
    return path
