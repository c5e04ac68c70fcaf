"""The default probe queries, built from catalog data so that each condition is known
and each false premise is known false.

    python -m diaryrec.research.probe.generate tests/data/spotify_songs.csv.gz \\
        > resources/probe/queries.json

reads the TidyTuesday Spotify rows (``tests/data/README.md``: 32,833 real tracks,
MIT) and writes the same file every time (a fixed seed; a test compares it with the
shipped one). Per language (English and Korean, the same items), 30 queries:

- explicit (10): release-year ranges, "before 2000", a named artist, "not by X", an
  exact number of tracks;
- implicit (10): the year or the decade of a named track, the artist who sings a
  named track (the artist is not named);
- misinformed (10): a track credited to the wrong artist, a new artist's songs
  "from the 1970s" (their first release in the data is after 2010), an album
  credited to an artist who did not make it.

Only names in plain Latin letters are used, tracks whose rows all give the same
year, artists with many tracks, and titles and albums no other artist in the data
shares, so that a query reads well in both languages and its premise is false.
"""

from __future__ import annotations

import csv
import gzip
import io
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from diaryrec.research.probe.queries import Condition, ProbeKind, ProbeQuery, queries_json

SEED = 20251125
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9' .&!?-]{1,28}[A-Za-z0-9!?.]$")
_SKIP_WORDS = re.compile(r"\b(remix|mix|edit|version|remaster(ed)?|live|feat|acoustic|instrumental|intro|interlude|"
                         r"greatest|best of|hits|collection|deluxe|edition|vol|soundtrack|essentials?|anniversary)\b",
                         re.IGNORECASE)

# (English, Korean) wording of each query shape; {n} tracks, the names in the data's spelling
TEXTS = {
    "years": ("Recommend {n} songs released between {a} and {b}.", "{a}년부터 {b}년 사이에 발매된 노래 {n}곡을 추천해 주세요."),
    "before": ("Recommend {n} songs released before {b1}.", "{b1}년 이전에 발매된 노래 {n}곡을 추천해 주세요."),
    "artist": ("Recommend {n} songs by {artist}.", "{artist}의 노래 {n}곡을 추천해 주세요."),
    "not_artist": ("Recommend {n} songs for someone who loves {artist}, but none by {artist}.",
                   "{artist} 팬에게 들려줄 노래 {n}곡을 추천해 주세요. 단, {artist}의 노래는 빼 주세요."),
    "count": ("Recommend exactly {n} songs for a rainy evening.", "비 오는 저녁에 들을 노래를 정확히 {n}곡만 추천해 주세요."),
    "same_year": ('Recommend {n} songs that came out in the same year as "{title}" by {artist}.',
                  "{artist}의 「{title}」 발매 연도와 같은 해에 나온 노래 {n}곡을 추천해 주세요."),
    "same_decade": ('Recommend {n} songs from the same decade as "{title}" by {artist}.',
                    "{artist}의 「{title}」 발매 연대(10년 단위)와 같은 연대에 나온 노래 {n}곡을 추천해 주세요."),
    "same_artist": ('Recommend {n} other songs by the artist who sings "{title}".',
                    "노래 「{title}」의 가수가 부른 다른 노래 {n}곡을 추천해 주세요."),
    "wrong_artist": ('I love "{title}" by {wrong}. Recommend {n} songs like it.',
                     "저는 {wrong}의 노래 「{title}」 같은 음악을 정말 좋아해요. 비슷한 노래 {n}곡을 추천해 주세요."),
    "wrong_era": ("Recommend {n} songs {artist} released in the {decade}s.", "{artist}의 {decade}년대 발표곡 {n}곡을 추천해 주세요."),
    "fake_album": ('Recommend {n} songs from {artists} album "{album}".', "{artist}의 앨범 「{album}」에 실린 노래 {n}곡을 추천해 주세요."),
}
PREMISES = {
    "wrong_artist": (('"{title}" is by {wrong}', '"{title}" is by {artist}'),
                     ("「{title}」의 가수: {wrong}", "「{title}」의 가수: {artist}")),
    "wrong_era": (("{artist} released songs in the {decade}s", "{artist}'s first release in the catalog data is from {first}"),
                  ("{artist}: {decade}년대 발표곡", "{artist}: 카탈로그 데이터의 첫 발표는 {first}년")),
    "fake_album": (('{artist} has an album called "{album}"', '"{album}" is an album by {owner}'),
                   ("{artist}의 앨범 「{album}」", "「{album}」: {owner}의 앨범")),
}


@dataclass
class _Track:
    title: str
    artist: str
    popularity: int
    years: set[int] = field(default_factory=set)
    albums: set[str] = field(default_factory=set)


@dataclass
class _Artist:
    name: str
    tracks: list[_Track] = field(default_factory=list)
    albums: dict[str, int] = field(default_factory=dict)  # album → tracks in the data

    @property
    def first(self) -> int:
        return min(min(t.years) for t in self.tracks if t.years)

    @property
    def popularity(self) -> float:
        return sum(t.popularity for t in self.tracks) / len(self.tracks)


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rb") as raw:  # type: ignore[operator]
        yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))


def _plain(text: str) -> bool:
    return bool(_PLAIN.match(text)) and not _SKIP_WORDS.search(text)


class _Catalog:
    """The rows, as tracks and artists; every pick is sorted before the seeded choice."""

    def __init__(self, rows: Iterable[dict[str, str]]):
        tracks: dict[tuple[str, str], _Track] = {}
        self.titles: dict[str, set[str]] = defaultdict(set)  # folded title → folded artists
        self.album_owners: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            title, artist, album = row["track_name"].strip(), row["track_artist"].strip(), row["track_album_name"].strip()
            if not title or not artist:
                continue
            self.titles[title.casefold()].add(artist.casefold())
            if album:
                self.album_owners[album.casefold()].add(artist.casefold())
            key = (title.casefold(), artist.casefold())
            track = tracks.setdefault(key, _Track(title, artist, 0))
            track.popularity = max(track.popularity, int(row["track_popularity"] or 0))
            date = row["track_album_release_date"][:4]
            if date.isdigit():
                track.years.add(int(date))
            if album:
                track.albums.add(album)
        self.artists: dict[str, _Artist] = {}
        for track in tracks.values():
            entry = self.artists.setdefault(track.artist.casefold(), _Artist(track.artist))
            entry.tracks.append(track)
            for album in track.albums:
                entry.albums[album] = entry.albums.get(album, 0) + 1
        self.tracks = sorted(tracks.values(), key=lambda t: (-t.popularity, t.title, t.artist))

    def named_tracks(self, years: range, min_popularity: int = 70) -> list[_Track]:
        """Well-known tracks with one year in every row, a plain title no other artist has."""
        return [t for t in self.tracks if t.popularity >= min_popularity and len(t.years) == 1 and min(t.years) in years
                and _plain(t.title) and _plain(t.artist) and len(self.titles[t.title.casefold()]) == 1]

    def big_artists(self, min_tracks: int = 12) -> list[_Artist]:
        """Artists with many tracks in the data, the best known first."""
        found = [a for a in self.artists.values() if len(a.tracks) >= min_tracks and _plain(a.name)]
        return sorted(found, key=lambda a: (-round(a.popularity), a.name))


class _Picker:
    """Seeded choices that do not reuse an artist: every query names someone new."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.used: set[str] = set()

    def pick(self, items: list, n: int, *names) -> list:  # type: ignore[type-arg]
        """``n`` of ``items`` whose names (``names``: item → names) are not used yet."""
        chosen = []
        for _ in range(n):
            fresh = [item for item in items if not any(name.casefold() in self.used for f in names for name in f(item))]
            if not fresh:
                raise ValueError(f"the data has too few candidates ({len(chosen)} of {n})")
            item = self.rng.choice(fresh)
            self.used.update(name.casefold() for f in names for name in f(item))
            chosen.append(item)
        return chosen


def _by_year(tracks: list[_Track]) -> list[_Track]:
    """The best-known track of each year, so that the years differ."""
    best: dict[int, _Track] = {}
    for track in tracks:
        best.setdefault(min(track.years), track)
    return [best[year] for year in sorted(best)]


def _query(shape: str, kind: ProbeKind, number: int, n: int, condition: Condition, values: dict[str, object],
           premise_shape: str = "") -> list[ProbeQuery]:
    made = []
    for i, language in enumerate(("en", "ko")):
        text = TEXTS[shape][i].format(n=n, **values)
        premise = truth = ""
        if premise_shape:
            premise, truth = (t.format(**values) for t in PREMISES[premise_shape][i])
        made.append(ProbeQuery(id=f"{language}-{kind.value}-{number:02d}", kind=kind, language=language, text=text,
                               count=n, condition=condition, premise=premise, truth=truth))
    return made


def generate(rows: Iterable[dict[str, str]], seed: int = SEED) -> list[ProbeQuery]:
    picker = _Picker(seed)
    pick = picker.pick
    data = _Catalog(rows)
    artists = data.big_artists()
    name = lambda a: [a.name]  # noqa: E731
    sings = lambda t: [t.artist]  # noqa: E731
    by_kind: dict[ProbeKind, list[tuple[str, Condition, dict[str, object], int, str]]] = defaultdict(list)

    explicit = by_kind[ProbeKind.EXPLICIT]
    for a in (1970, 1980, 1990, 2000):
        explicit.append(("years", Condition(released=(a, a + 9)), {"a": a, "b": a + 9}, 5, ""))
    explicit.append(("before", Condition(released=(1800, 1999)), {"b1": 2000}, 5, ""))
    for artist in pick(artists[:40], 3, name):
        explicit.append(("artist", Condition(artist=artist.name), {"artist": artist.name}, 5, ""))
    for artist in pick(artists[:20], 1, name):
        explicit.append(("not_artist", Condition(not_artist=artist.name), {"artist": artist.name}, 5, ""))
    explicit.append(("count", Condition(), {}, 3, ""))

    implicit = by_kind[ProbeKind.IMPLICIT]
    for track in sorted(pick(_by_year(data.named_tracks(range(2010, 2020), 70)), 4, sings), key=lambda t: min(t.years)):
        year = min(track.years)
        implicit.append(("same_year", Condition(released=(year, year)), {"title": track.title, "artist": track.artist}, 5, ""))
    for decade in (1970, 1980, 1990):
        (track,) = pick(data.named_tracks(range(decade, decade + 10), 60)[:30], 1, sings)
        implicit.append(("same_decade", Condition(released=(decade, decade + 9)),
                         {"title": track.title, "artist": track.artist}, 5, ""))
    sung = [t for t in data.named_tracks(range(1960, 2021), 75) if len(data.artists[t.artist.casefold()].tracks) >= 8]
    for track in pick(sung[:60], 3, sings):
        implicit.append(("same_artist", Condition(artist=track.artist), {"title": track.title}, 5, ""))

    misinformed = by_kind[ProbeKind.MISINFORMED]
    for track in pick(data.named_tracks(range(1960, 2021), 80)[:80], 4, sings):
        others = [a for a in artists[:40] if a.name.casefold() not in data.titles[track.title.casefold()]]
        (wrong,) = pick(others, 1, name)
        misinformed.append(("wrong_artist", Condition(), {"title": track.title, "artist": track.artist, "wrong": wrong.name},
                            5, "wrong_artist"))
    new_artists = [a for a in artists if a.first >= 2012]
    for artist, decade in zip(pick(new_artists[:30], 3, name), (1960, 1970, 1960)):
        misinformed.append(("wrong_era", Condition(artist=artist.name),
                            {"artist": artist.name, "decade": decade, "first": artist.first}, 5, "wrong_era"))
    albums = sorted(  # real albums (not singles) of well-known artists, named like no track or other album
        ((album, owner) for owner in artists[:40] for album, count in owner.albums.items()
         if count >= 4 and " " in album and _plain(album) and len(data.album_owners[album.casefold()]) == 1
         and album.casefold() not in data.titles),
        key=lambda pair: (pair[0], pair[1].name),
    )
    for album, owner in pick(albums, 3, lambda pair: [pair[1].name]):
        (artist,) = pick(artists[:40], 1, name)
        artists_ = artist.name + ("'" if artist.name.endswith("s") else "'s")
        misinformed.append(("fake_album", Condition(), {"artist": artist.name, "artists": artists_, "album": album,
                                                        "owner": owner.name},
                            5, "fake_album"))

    queries: list[ProbeQuery] = []
    for kind in ProbeKind:
        for number, (shape, condition, values, n, premise) in enumerate(by_kind[kind], start=1):
            queries.extend(_query(shape, kind, number, n, condition, values, premise))
    return sorted(queries, key=lambda q: (q.language != "en", list(ProbeKind).index(q.kind), q.id))


COMMENT = ("The default queries of diaryrec research probe, generated by diaryrec/research/probe/generate.py from "
           "the TidyTuesday Spotify songs data set of 2020-01-21 (MIT, tests/data/README.md). Do not edit by hand: "
           "regenerate. Copy it to write your own (--queries FILE).")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m diaryrec.research.probe.generate SPOTIFY_SONGS.csv[.gz] > queries.json", file=sys.stderr)
        return 2
    sys.stdout.write(queries_json(generate(read_rows(Path(args[0]))), COMMENT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
