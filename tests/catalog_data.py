"""The Spotify dataset the repository carries (``tests/data/spotify_songs.csv.gz``,
provenance and licence in ``tests/data/README.md``) loaded once per test session, and
fakes of the Spotify API filled from it."""

from __future__ import annotations

import csv
import gzip
from functools import lru_cache
from typing import Any

from diaryrec.sandbox.spotify_fake import FakeTrack, SearchIndex, SpotifyFake, load_csv_tracks
from tests.conftest import CATALOG_CSV

CSV_PATH = CATALOG_CSV


@lru_cache(maxsize=1)
def csv_tracks() -> list[FakeTrack]:
    return load_csv_tracks(CSV_PATH)


@lru_cache(maxsize=1)
def csv_index() -> SearchIndex:
    return SearchIndex(csv_tracks())


@lru_cache(maxsize=1)
def csv_rows() -> list[dict[str, Any]]:
    """The CSV's rows, one per track id (the dataset lists a track once per playlist)."""
    seen: dict[str, dict[str, Any]] = {}
    with gzip.open(CSV_PATH, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["track_name"] and row["track_id"] not in seen:
                seen[row["track_id"]] = row
    return list(seen.values())


def csv_fake(**kwargs: Any) -> SpotifyFake:
    """A (not yet started) fake over the whole dataset; the index is shared."""
    return SpotifyFake(csv_tracks(), index=csv_index(), **kwargs)


def by_name(name: str, artist: str) -> FakeTrack:
    for track in csv_tracks():
        if track.name == name and track.artists == [artist]:
            return track
    raise LookupError(f"{name} by {artist} is not in the dataset")
