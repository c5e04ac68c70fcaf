"""The MusicBrainz fake's search itself: its Lucene subset and its indexes (no HTTP)."""

import json

import pytest

from diaryrec.sandbox.musicbrainz_fake import (
    ArtistNames,
    MusicBrainzData,
    QuerySyntaxError,
    parse_lucene,
)
from diaryrec.sandbox.spotify_fake import load_json_tracks

TRACKS = [
    {"name": "Lemon", "artists": ["Kenshi Yonezu"], "album": "Lemon"},
    {"name": "Lemon", "artists": ["U2"], "album": "Zooropa"},
    {"name": "Lemon Tree", "artists": ["Fool's Garden"], "album": "Dish of the Day"},
    {"name": "Bad Habits", "artists": ["Ed Sheeran"], "album": "="},
    {"name": "Peaches", "artists": ["Justin Bieber", "Daniel Caesar", "Giveon"], "album": "Justice"},
]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    path = tmp_path_factory.mktemp("mb") / "tracks.json"
    path.write_text(json.dumps({"tracks": TRACKS}), encoding="utf-8")
    return MusicBrainzData(load_json_tracks(path), {"Kenshi Yonezu": ArtistNames(
        "米津玄師", "Yonezu, Kenshi", ("Kenshi Yonezu",))})


def found(data, query, entity="recording"):
    docs = [doc for doc, _ in data.search(entity, query)]
    if entity == "artist":
        return [a.names.name for a in docs]
    return sorted((r.track.name, r.artists[0].names.name) for r in docs)


def test_terms_phrases_and_the_default_field(data):
    assert found(data, "lemon") == [("Lemon", "U2"), ("Lemon", "米津玄師"), ("Lemon Tree", "Fool's Garden")]
    assert found(data, 'recording:"lemon tree"') == [("Lemon Tree", "Fool's Garden")]
    assert found(data, 'recording:"tree lemon"') == []  # a phrase keeps its order


def test_and_or_not_and_groups(data):
    assert found(data, 'recording:lemon AND artist:u2') == [("Lemon", "U2")]
    assert found(data, 'recording:lemon && NOT artist:u2') == [("Lemon", "米津玄師"), ("Lemon Tree", "Fool's Garden")]
    assert found(data, 'recording:lemon -artist:u2 -tree') == found(data, "recording:lemon AND NOT (artist:u2 OR tree)")
    assert found(data, '(recording:"bad habits" AND artist:"ed sheeran") || (recording:peaches AND artist:giveon)') == [
        ("Bad Habits", "Ed Sheeran"), ("Peaches", "Justin Bieber")]
    assert found(data, "+recording:tree lemon") == [("Lemon Tree", "Fool's Garden")]
    assert found(data, "recording:(bad peaches)") == [("Bad Habits", "Ed Sheeran"), ("Peaches", "Justin Bieber")]


def test_the_artist_field_is_the_whole_credit_and_knows_no_aliases(data):
    assert found(data, 'artist:"justin bieber and daniel caesar"') == [("Peaches", "Justin Bieber")]
    assert found(data, 'artistname:"daniel caesar"') == [("Peaches", "Justin Bieber")]
    assert found(data, 'artist:"Kenshi Yonezu"') == []  # an alias: only the artist index has it
    assert found(data, 'artist:"米津玄師"') == [("Lemon", "米津玄師")]
    assert found(data, 'alias:"kenshi yonezu"', "artist") == ["米津玄師"]
    assert found(data, '"yonezu kenshi"', "artist") == ["米津玄師"]  # the default fields include the sort name


def test_ids_are_matched_whole(data):
    recording = data.search("recording", 'recording:"lemon" AND artist:u2')[0][0]
    assert found(data, f'arid:"{recording.artists[0].id}"') == [("Lemon", "U2")]
    assert found(data, f"rid:{recording.id}") == [("Lemon", "U2")]


def test_escapes_are_literals(data):
    assert found(data, r"recording:Fool\'s") == []  # a word the analyser reads as "fools"
    assert found(data, r'artist:Fool\'s\ Garden') == [("Lemon Tree", "Fool's Garden")]


@pytest.mark.parametrize("query", [
    'recording:"unclosed', "recording:(open", "recording:Either/Or", "lemon*", "lemon~3", "title^2",
    "recording:[a TO b]", ": lemon", "lemon AND", "recording:", "",
])
def test_what_it_cannot_parse_is_an_error(query):
    with pytest.raises(QuerySyntaxError):
        parse_lucene(query, "")


def test_scores_are_relative_to_the_best_hit(data):
    scores = [score for _, score in data.search("recording", 'lemon OR artist:u2')]
    assert scores[0] == 100 and scores == sorted(scores, reverse=True) and scores[-1] < 100


def test_fuzzy_terms_allow_edits_with_transpositions_as_one(data):
    assert found(data, "recording:lemno~1") == [("Lemon", "U2"), ("Lemon", "米津玄師"), ("Lemon Tree", "Fool's Garden")]
    assert found(data, "recording:lemno") == []
    assert found(data, "recording:(bda~1 habitts~1) AND artist:(ed sheeran)") == [("Bad Habits", "Ed Sheeran")]
    assert found(data, "recording:peechez~1") == []  # two edits away: not with ~1
    assert found(data, "recording:peechez~") == [("Peaches", "Justin Bieber")]  # Lucene's default: two
