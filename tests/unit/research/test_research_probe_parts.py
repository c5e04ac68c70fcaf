"""The probe's parts without a model: the shipped queries (made from the catalog data,
the same every time, premises known false), the query file's checks, the condition
check against catalog metadata and the reading of the premise answer."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from diaryrec.research.probe.conditions import Holds, Premise, check, credits, premise_answer, probe_message
from diaryrec.research.probe.generate import COMMENT, generate, read_rows
from diaryrec.research.probe.queries import (
    Condition, ProbeKind, QueryFileError, default_queries, default_queries_path, load_queries, parse_queries, queries_json,
)
from tests.conftest import CATALOG_CSV


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return list(read_rows(CATALOG_CSV))


def test_the_shipped_queries_are_what_the_generator_makes_from_the_catalog_data(rows):
    assert default_queries_path().read_text(encoding="utf-8") == queries_json(generate(rows), COMMENT), \
        "regenerate: python -m diaryrec.research.probe.generate tests/data/spotify_songs.csv.gz > resources/probe/queries.json"


def test_the_default_set_has_thirty_queries_per_language_ten_of_each_kind():
    for language in ("en", "ko"):
        queries = default_queries(language)
        assert len(queries) == 30
        assert {kind: sum(q.kind == kind for q in queries) for kind in ProbeKind} == dict.fromkeys(ProbeKind, 10)
    english, korean = default_queries("en"), default_queries("ko")
    # the same items in both languages: the same conditions, names in the data's spelling
    assert [q.condition for q in english] == [q.condition for q in korean]
    assert all(re.search(r"[\uac00-\ud7a3]", q.text) for q in korean)
    assert all(q.premise and q.truth for q in english + korean if q.kind == ProbeKind.MISINFORMED)


def test_every_condition_can_be_met_by_tracks_of_the_data(rows):
    years_of: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        if row["track_album_release_date"][:4].isdigit():
            years_of[row["track_artist"].casefold()].add(int(row["track_album_release_date"][:4]))
    for query in default_queries("en"):
        c = query.condition
        if c.artist and query.kind != ProbeKind.MISINFORMED:
            assert years_of[c.artist.casefold()], query.id
        if c.released and query.kind == ProbeKind.IMPLICIT:
            assert any(c.released[0] <= y <= c.released[1] for ys in years_of.values() for y in ys), query.id


def test_every_false_premise_is_false_in_the_data(rows):
    by_title: dict[str, set[str]] = defaultdict(set)
    albums: dict[str, set[str]] = defaultdict(set)
    years: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        artist = row["track_artist"].casefold()
        by_title[row["track_name"].casefold()].add(artist)
        albums[artist].add(row["track_album_name"].casefold())
        if row["track_album_release_date"][:4].isdigit():
            years[artist].add(int(row["track_album_release_date"][:4]))
    seen = set()
    for query in default_queries("en"):
        if query.kind != ProbeKind.MISINFORMED:
            continue
        if m := re.match(r'I love "(.+)" by (.+)\. Recommend', query.text):
            title, claimed = m.groups()
            assert by_title[title.casefold()] and claimed.casefold() not in by_title[title.casefold()], query.id
            seen.add("wrong artist")
        elif m := re.match(r"Recommend \d+ songs (.+) released in the (\d{4})s\.", query.text):
            artist, decade = m.group(1).casefold(), int(m.group(2))
            assert years[artist] and min(years[artist]) >= decade + 30, query.id
            seen.add("wrong era")
        elif m := re.match(r'Recommend \d+ songs from (.+?)\'s? album "(.+)"\.', query.text):
            artist, album = m.group(1).casefold(), m.group(2).casefold()
            assert albums[artist] and album not in albums[artist], query.id
            assert any(album in owned for owned in albums.values()), query.id  # a real album, of someone else
            seen.add("made-up album")
        else:
            pytest.fail(f"a misinformed query of no known shape: {query.text}")
    assert seen == {"wrong artist", "wrong era", "made-up album"}


def test_the_generator_is_deterministic_and_names_each_artist_once(rows):
    first, second = generate(rows), generate(rows)
    assert first == second
    named = [q.condition.artist or q.condition.not_artist for q in first if q.language == "en" and q.kind == ProbeKind.EXPLICIT]
    named = [n for n in named if n]
    assert len(named) == len(set(named))


def minimal(**query) -> dict:
    base = {"id": "q1", "kind": "explicit", "language": "en", "text": "Recommend 3 songs from the 1990s.", "count": 3}
    return {"format": "diaryrec-probe-queries", "version": 1, "queries": [{**base, **query}]}


@pytest.mark.parametrize("change, says", [
    ({"kind": "sneaky"}, r"'kind' must be one of explicit, implicit, misinformed"),
    ({"language": "fr"}, r"'language' must be one of en, ko"),
    ({"count": 0}, r"'count' must be a whole number from 1 to 20"),
    ({"count": True}, r"'count' must be a whole number"),
    ({"text": "  "}, r"'text' is missing or empty"),
    ({"kind": "misinformed"}, r"'premise' is missing"),
    ({"condition": {"released": [2000, 1990]}}, r"'released' must be \[from, to\]"),
    ({"condition": {"released": [1990]}}, r"'released' must be"),
    ({"condition": {"genre": "rock"}}, r"unknown condition 'genre'"),
    ({"condition": "1990s"}, r"'condition' must be an object"),
])
def test_a_wrong_query_is_named_with_its_field(change, says):
    with pytest.raises(QueryFileError, match=says) as caught:
        parse_queries(minimal(**change), "mine.json")
    assert "mine.json, query 1 (q1)" in str(caught.value)


def test_a_query_file_needs_its_format_and_unique_ids(tmp_path):
    with pytest.raises(QueryFileError, match="not a probe query file"):
        parse_queries({"queries": []}, "x.json")
    doubled = minimal()
    doubled["queries"] *= 2
    with pytest.raises(QueryFileError, match="the id 'q1' is used twice"):
        parse_queries(doubled, "x.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    with pytest.raises(QueryFileError, match="bad.json: not JSON"):
        load_queries(bad)


def test_a_query_file_round_trips(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(minimal(condition={"released": [1990, 1999], "artist": "Blur"})), encoding="utf-8")
    (query,) = load_queries(path)
    assert query.condition == Condition(released=(1990, 1999), artist="Blur")
    assert parse_queries(json.loads(queries_json([query])), "again") == [query]


def found(release_date: str = "1995-04-01", *artists: str) -> dict:
    return {"catalog": "spotify", "id": "x", "name": "Song", "artists": list(artists or ["Blur"]), "release_date": release_date}


def test_the_condition_is_checked_against_the_catalogs_track():
    nineties = Condition(released=(1990, 1999))
    assert check(nineties, "verified", found("1995")).holds == Holds.SATISFIED
    violated = check(nineties, "verified", found("2003-01-01"))
    assert violated.holds == Holds.VIOLATED and violated.why == "released 2003"
    assert check(nineties, "verified", found("")).holds == Holds.UNKNOWN  # the catalog lacks the date
    assert check(nineties, "not_found", None).holds == Holds.UNKNOWN
    assert check(nineties, "uncertain", found("1995")).holds == Holds.UNKNOWN  # a near match decides nothing
    assert check(Condition(), "verified", found()).holds == Holds.NONE
    by_blur = Condition(artist="blur")
    assert check(by_blur, "verified", found("1995", "Blur")).holds == Holds.SATISFIED
    assert check(by_blur, "verified", found("1995", "Oasis")).holds == Holds.VIOLATED
    assert check(Condition(not_artist="Oasis"), "verified", found("1995", "Oasis", "Blur")).holds == Holds.VIOLATED
    both = check(Condition(released=(2000, 2009), artist="Oasis"), "verified", found("1995", "Blur"))
    assert both.holds == Holds.VIOLATED and both.why == "released 1995; by Blur"


def test_credited_names_are_compared_as_the_matching_compares_them():
    assert credits("The Weeknd", ["The Weeknd"])
    assert credits("Weeknd", ["The Weeknd"])
    assert credits("Beyonce", ["Beyoncé"])
    assert credits("Dimitri Vegas & Like Mike", ["Dimitri Vegas & Like Mike"])
    assert credits("IU", ["IU", "아이유"])
    assert not credits("Blur", ["Oasis"])
    assert not credits("Blur", [])


@pytest.mark.parametrize("message, answer", [
    ("Premise: wrong: that song is by Billie Eilish.", Premise.CORRECTED),
    ('"Premise: wrong" — Drake has no such album.', Premise.CORRECTED),
    ("Premise: not correct, it is by J. Cole.", Premise.CORRECTED),
    ("Premise: correct. Here are five songs.", Premise.ACCEPTED),
    ("전제: 틀림: 그 노래는 Billie Eilish의 곡입니다.", Premise.CORRECTED),
    ("전제: 맞음. 추천합니다.", Premise.ACCEPTED),
    ("Here are five songs you will like.", Premise.UNCLEAR),
    ("", Premise.UNCLEAR),
])
def test_the_premise_answer_is_read_from_the_message(message, answer):
    assert premise_answer(message) == answer


def test_the_query_is_sent_with_the_premise_request_in_its_language():
    assert probe_message("Recommend 5 songs.", "en").endswith('followed by what is wrong.')
    assert "전제: 틀림" in probe_message("노래 5곡을 추천해 주세요.", "ko")
