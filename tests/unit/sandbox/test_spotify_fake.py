"""The fake Spotify API itself, spoken to over plain HTTP (no spotipy)."""

import base64
import io

import pytest
import requests
from PIL import Image

from diaryrec.sandbox.spotify_fake import SANDBOX_CLIENT_ID, parse_query, start_sandbox_spotify
from tests.catalog_data import csv_fake


@pytest.fixture(scope="module")
def fake():
    server = csv_fake()
    server.start()
    yield server
    server.stop()


def token(fake, secret="fake-spotify-secret-7f3a"):
    auth = base64.b64encode(f"test-client:{secret}".encode()).decode()
    return requests.post(fake.token_url, data={"grant_type": "client_credentials"},
                         headers={"Authorization": f"Basic {auth}"}, timeout=5)


def search(fake, **params):
    params.setdefault("type", "track")
    bearer = token(fake).json()["access_token"]
    return requests.get(fake.api_url + "search", params=params, headers={"Authorization": f"Bearer {bearer}"}, timeout=5)


def names(response):
    return [(t["name"], t["artists"][0]["name"]) for t in response.json()["tracks"]["items"]]


def test_token_needs_the_right_secret(fake):
    good = token(fake)
    assert good.status_code == 200
    assert good.json()["token_type"] == "Bearer" and good.json()["expires_in"] == 3600
    bad = token(fake, "wrong")
    assert bad.status_code == 401 and bad.json()["error"] == "invalid_client"


def test_api_needs_a_token(fake):
    response = requests.get(fake.api_url + "search", params={"q": "x", "type": "track"}, timeout=5)
    assert response.status_code == 401
    assert response.json() == {"error": {"status": 401, "message": "Invalid access token"}}


def test_limit_is_1_to_10_and_offset_at_most_1000(fake):
    assert search(fake, q="love", limit=11).status_code == 400
    assert search(fake, q="love", limit=11).json()["error"]["message"] == "Invalid limit"
    assert search(fake, q="love", limit=0).status_code == 400
    assert search(fake, q="love", offset=1001).status_code == 400
    page = search(fake, q="love", limit=10, offset=10).json()["tracks"]
    assert page["limit"] == 10 and page["offset"] == 10 and len(page["items"]) == 10
    assert page["next"] and page["previous"] and page["total"] > 20
    assert search(fake, q="love").json()["tracks"]["limit"] == 5  # the default


def test_field_filters(fake):
    both = names(search(fake, q="track:Memories artist:Maroon 5", limit=10))
    assert both and all(artist == "Maroon 5" and "Memories" in name for name, artist in both)
    assert ("Memories", "Maroon 5") in both and ("Memories - Dillon Francis Remix", "Maroon 5") in both
    title_only = names(search(fake, q="track:Memories", limit=10))
    assert {artist for _, artist in title_only} > {"Maroon 5"}
    assert names(search(fake, q="track:Shape of You artist:Justin Bieber", limit=10)) == []
    years = search(fake, q="artist:Maroon 5 year:2019", limit=10).json()["tracks"]["items"]
    assert years and all(t["album"]["release_date"].startswith("2019") for t in years)
    ranged = search(fake, q="artist:Queen year:1970-1979", limit=10).json()["tracks"]["items"]
    assert ranged and all(1970 <= int(t["album"]["release_date"][:4]) <= 1979 for t in ranged)
    album = names(search(fake, q="album:Divide artist:Ed Sheeran", limit=10))
    assert all(artist == "Ed Sheeran" for _, artist in album)
    genre = search(fake, q="genre:latin", limit=10).json()["tracks"]["items"]
    assert len(genre) == 10
    first = search(fake, q="track:Memories artist:Maroon 5", limit=1).json()["tracks"]["items"][0]
    isrc = search(fake, q=f"isrc:{first['external_ids']['isrc']}").json()["tracks"]["items"]
    assert [t["id"] for t in isrc] == [first["id"]]


def test_a_plain_query_can_rank_another_song_first(fake):
    # why "first hit of the plain query" fails: the wrong artist's popular song leads
    assert names(search(fake, q="Shape of You Justin Bieber", limit=1)) == [("Shape of You", "Ed Sheeran")]


def test_korean_queries(fake):
    assert names(search(fake, q="track:피카부", limit=10)) == [("피카부 Peek-A-Boo", "Red Velvet")]
    assert ("불타오르네 FIRE", "BTS") in names(search(fake, q="불타오르네 BTS", limit=10))


def test_one_typo_is_forgiven_in_longer_words(fake):
    assert ("Landslide", "Fleetwood Mac") in names(search(fake, q="track:Lansdlide artist:Fleetwood Mac", limit=10))


def test_track_shape_follows_the_spec(fake):
    items = search(fake, q="artist:Maroon 5", limit=10).json()["tracks"]["items"]
    item = items[0]
    for key in ("album", "artists", "duration_ms", "external_urls", "href", "id", "name", "type", "uri", "external_ids"):
        assert key in item
    assert item["type"] == "track" and item["uri"] == f"spotify:track:{item['id']}"
    album = item["album"]
    for key in ("album_type", "images", "name", "release_date", "release_date_precision", "id", "artists"):
        assert key in album
    assert [i["width"] for i in album["images"]] == [640, 300, 64]
    without = [t for t in fake.tracks if t.hide_popularity]
    assert without and "popularity" not in fake.track_object(without[0])


def test_get_track_and_cover(fake):
    bearer = token(fake).json()["access_token"]
    headers = {"Authorization": f"Bearer {bearer}"}
    some = fake.tracks[0]
    got = requests.get(fake.api_url + f"tracks/{some.id}", headers=headers, timeout=5)
    assert got.status_code == 200 and got.json()["name"] == some.name
    assert requests.get(fake.api_url + "tracks/" + "0" * 22, headers=headers, timeout=5).status_code == 404
    assert requests.get(fake.api_url + "tracks/bad!", headers=headers, timeout=5).status_code == 400
    image = requests.get(got.json()["album"]["images"][1]["url"], timeout=5)
    assert image.headers["Content-Type"] == "image/jpeg"
    assert Image.open(io.BytesIO(image.content)).size == (300, 300)


@pytest.mark.parametrize("kind,status", [("429", 429), ("500", 500), ("401", 401), ("malformed", 200)])
def test_fault_modes(fake, kind, status):
    bearer = token(fake).json()["access_token"]
    fake.set_fault(kind, count=1, retry_after=99999)
    try:
        response = requests.get(fake.api_url + "search", params={"q": "love", "type": "track"},
                                headers={"Authorization": f"Bearer {bearer}"}, timeout=5)
    finally:
        fake.set_fault(None)
    assert response.status_code == status
    if kind == "429":
        assert response.headers["Retry-After"] == "99999"
    if kind == "malformed":
        with pytest.raises(ValueError):
            response.json()


def test_latency_is_added_to_every_request(fake):
    fake.latency_s = 0.2
    try:
        response = token(fake)
    finally:
        fake.latency_s = 0.0
    assert response.elapsed.total_seconds() >= 0.2


def test_query_parsing():
    assert parse_query('remaster track:Doxy artist:Miles Davis') == (["remaster"], {"track": "Doxy", "artist": "Miles Davis"})
    assert parse_query('track:"Spring Day" year:2015-2019') == ([], {"track": "Spring Day", "year": "2015-2019"})


def test_the_sandbox_catalog():
    fake = start_sandbox_spotify()
    try:
        assert fake.client_id == SANDBOX_CLIENT_ID
        hits = fake.search("track:Spring Day artist:BTS")
        assert [t.name for t in hits][:1] == ["Spring Day"]
        assert len({t.id for t in fake.tracks}) == len(fake.tracks)
    finally:
        fake.stop()
