"""The real MusicBrainz client and provider against the loopback fake on 127.0.0.1:
the User-Agent, the one-request-per-second pace, 503 and 403, escaping, one request
for a whole reply, names across scripts, the base-URL override, Korean titles."""

import itertools
import json
import threading
import time
from functools import lru_cache

import pytest
import requests

import diaryrec
from diaryrec.catalog.musicbrainz import (
    MusicBrainzClient,
    MusicBrainzConfig,
    MusicBrainzProvider,
    RateLimiter,
    UserAgentRejectedError,
    resolve_config,
)
from diaryrec.catalog.provider import CatalogUnavailable, Query, Suggestion
from diaryrec.paths import resources_dir
from diaryrec.sandbox.musicbrainz_fake import (
    MusicBrainzData,
    MusicBrainzFake,
    parse_lucene,
    start_sandbox_musicbrainz,
)
from diaryrec.sandbox.spotify_fake import load_json_tracks
from tests.catalog_data import csv_tracks
from tests.korean_catalogue import korean
from tests.unit.catalog.test_musicbrainz import FakeClock

CONTACT = "researcher@example.org"

#: tracks beside the sandbox catalogue: Korean titles, titles full of Lucene's special characters
EXTRA = [
    {"name": "밤편지", "artists": ["IU"], "album": "Palette", "release_date": "2017-03-24"},
    {"name": "좋은 날", "artists": ["IU"], "album": "Real", "release_date": "2010-12-09"},
    {"name": "위잉위잉", "artists": ["HYUKOH"], "album": "20", "release_date": "2014-09-18"},
    {"name": 'Re: "Stacks" / Woods', "artists": ["Bon Iver"], "album": "For Emma", "release_date": "2008-02-19"},
    {"name": "C++ && You || Me! ^ ~ * {x} [y] - z?", "artists": ["AC/DC"], "album": "Odd", "release_date": "1999"},
    {"name": 'Back\\Slash "Live" Edit', "artists": ["AC/DC"], "album": "Odd", "release_date": "1999"},
    {"name": '12" Vinyl', "artists": ["Bon Iver"], "album": "For Emma", "release_date": "2008-02-19"},
    {"name": "Sweet Dreams (Are Made of This)", "artists": ["Eurythmics"], "album": "Sweet Dreams",
     "release_date": "1983-01-04"},
]


@lru_cache(maxsize=1)
def sandbox_data() -> MusicBrainzData:
    tracks = load_json_tracks(resources_dir() / "sandbox" / "tracks.json")
    return MusicBrainzData(tracks + _tracks(EXTRA))


@lru_cache(maxsize=1)
def csv_data() -> MusicBrainzData:
    return MusicBrainzData(csv_tracks())


def _tracks(items):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tracks.json"
        path.write_text(json.dumps({"tracks": items}, ensure_ascii=False), encoding="utf-8")
        return load_json_tracks(path)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def fake(clock):
    """The fake on the injected clock: its 1 request/s rule is checked in clock time,
    which only moves when the client's limiter sleeps on it."""
    with MusicBrainzFake(sandbox_data(), clock=clock) as server:
        yield server


def make(fake, clock=None, *, contact=CONTACT, limiter=None, timeout_s=5.0):
    limiter = limiter or RateLimiter(clock=clock, sleep=clock.sleep)
    return MusicBrainzProvider(MusicBrainzConfig(contact=contact, api_url=fake.api_url, timeout_s=timeout_s),
                               limiter=limiter)


def first(tracks):
    return (tracks[0].title, tracks[0].artists) if tracks else None


# --- the rules of the service ---
def test_requests_carry_the_user_agent_with_version_and_contact(fake, clock):
    make(fake, clock).search(Query('recording:"Lemon"'))
    agent = fake.requests[-1].headers["user-agent"]
    assert agent == f"diaryrec/{diaryrec.__version__} ( researcher@example.org )"
    assert fake.requests[-1].arg("fmt") == "json"


def test_a_generic_or_missing_user_agent_is_refused(fake):
    url = fake.api_url + "recording"
    assert requests.get(url, params={"query": "x", "fmt": "json"}, timeout=5).status_code == 403  # python-requests/…
    assert requests.get(url, params={"query": "x", "fmt": "json"}, headers={"User-Agent": ""}, timeout=5).status_code == 403


def test_a_refused_user_agent_is_a_user_error_and_not_retried(fake, clock):
    provider = make(fake, clock, contact="")  # "diaryrec/0.1.0" alone: no way to reach anyone
    with pytest.raises(UserAgentRejectedError) as raised:
        provider.search(Query('recording:"Lemon"'))
    assert "MusicBrainz refused diaryrec's requests (User-Agent diaryrec/" in str(raised.value)
    assert "researcher's e-mail" in raised.value.hint
    assert korean(raised.value).startswith(
        f"MusicBrainz가 diaryrec의 요청을 거부했습니다(User-Agent diaryrec/{diaryrec.__version__}). "
        "MusicBrainz는 누가 운영하는지")
    assert len(fake.requests) == 1


def test_requests_from_two_providers_are_a_second_apart(fake, clock):
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)  # one per process, as SHARED_LIMITER
    one, two = make(fake, limiter=limiter), make(fake, limiter=limiter)
    for provider in (one, two, one, two, two):
        provider.search(Query('recording:"Dynamite" AND artist:"BTS"'))
    times = [t for t, _, _ in fake.searches]
    assert len(times) == 5 and fake.throttled == 0
    assert [round(b - a, 6) for a, b in itertools.pairwise(times)] == [1.0, 1.0, 1.0, 1.0]


def test_the_shared_limiter_paces_threads_in_real_time():
    with MusicBrainzFake(sandbox_data()) as server:  # the real clock
        providers = [MusicBrainzProvider(MusicBrainzConfig(contact=CONTACT, api_url=server.api_url, timeout_s=5.0))
                     for _ in range(2)]
        errors: list[Exception] = []

        def work(provider, title):
            try:
                provider.search(Query(f'recording:"{title}"'))
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(providers[n % 2], title))
                   for n, title in enumerate(("Lemon", "Idol", "Ditto"))]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors and server.throttled == 0 and server.search_requests == 3
        assert time.monotonic() - started >= 1.9
        times = sorted(t for t, _, _ in server.searches)
        assert min(b - a for a, b in itertools.pairwise(times)) >= 0.95


def test_too_fast_is_a_503_that_is_waited_out_once(fake, clock):
    provider = make(fake, limiter=RateLimiter(interval_s=0, clock=clock, sleep=clock.sleep))  # no pace of its own
    provider.search(Query('recording:"Lemon"'))
    found = provider.search(Query('recording:"Idol"'))  # the fake says 503, Retry-After: 1
    assert first(found) == ("Idol", ("YOASOBI",))
    assert fake.throttled == 1 and clock.slept == [1.0]
    assert provider.requests_sent == 3


def test_a_long_retry_after_closes_the_client_until_then(fake, clock):
    provider = make(fake, clock)
    fake.set_fault("503", retry_after=120)
    with pytest.raises(CatalogUnavailable) as raised:
        provider.search(Query('recording:"Lemon"'))
    assert raised.value.kind == "rate_limit" and raised.value.retry_after == 120
    fake.set_fault(None)
    sent = len(fake.requests)
    with pytest.raises(CatalogUnavailable) as again:  # known to be closed: not even asked
        provider.search(Query('recording:"Idol"'))
    assert again.value.retry_after == pytest.approx(120, abs=1.5)
    assert len(fake.requests) == sent
    clock.sleep(121)
    assert first(provider.search(Query('recording:"Idol"'))) == ("Idol", ("YOASOBI",))


def test_a_short_503_twice_in_a_row_gives_up(fake, clock):
    provider = make(fake, clock)
    fake.set_fault("503", retry_after=2)
    with pytest.raises(CatalogUnavailable) as raised:
        provider.search(Query('recording:"Lemon"'))
    assert raised.value.retry_after == 2 and len(fake.requests) == 2


@pytest.mark.parametrize("kind", ["500", "malformed"])
def test_a_server_error_or_garbage_is_unavailable(fake, clock, kind):
    fake.set_fault(kind, count=1)
    with pytest.raises(CatalogUnavailable) as raised:
        make(fake, clock).search(Query('recording:"Lemon"'))
    assert raised.value.kind == "answer" and raised.value.retry_after is None


def test_a_slow_or_absent_service_is_a_timeout_or_unreachable(fake, clock):
    fake.latency_s = 0.6
    provider = make(fake, clock, timeout_s=0.2)
    with pytest.raises(CatalogUnavailable) as slow:
        provider.search(Query('recording:"Lemon"'))
    assert slow.value.kind == "timeout"
    fake.latency_s = 0
    gone = MusicBrainzProvider(MusicBrainzConfig(contact=CONTACT, api_url="http://127.0.0.1:9/ws/2/", timeout_s=1.0),
                               limiter=RateLimiter(clock=clock, sleep=clock.sleep))
    with pytest.raises(CatalogUnavailable) as absent:
        gone.search(Query('recording:"Lemon"'))
    assert absent.value.kind == "unreachable"


def test_the_base_url_comes_from_the_environment(fake, clock, monkeypatch):
    for key, value in fake.env().items():
        monkeypatch.setenv(key, value)
    config = resolve_config(contact=CONTACT)
    assert config.api_url == fake.api_url
    provider = MusicBrainzProvider(config, limiter=RateLimiter(clock=clock, sleep=clock.sleep))
    assert first(provider.search(provider.queries(Suggestion("Blueming", "IU"))[0])) == ("Blueming", ("IU",))
    assert fake.search_requests == 1


# --- escaping ---
def leaves(node):
    return [node] if node.kind in ("term", "phrase") else [leaf for child in node.children for leaf in leaves(child)]


@pytest.mark.parametrize("title, artist", [
    ('Re: "Stacks" / Woods', "Bon Iver"),
    ('12" Vinyl', "Bon Iver"),
    ('Back\\Slash "Live" Edit', "AC/DC"),
    ("C++ && You || Me! ^ ~ * {x} [y] - z?", "AC/DC"),
    ("Sweet Dreams (Are Made of This)", "Eurythmics"),
])
def test_titles_full_of_special_characters_are_escaped(fake, clock, title, artist):
    provider = make(fake, clock)
    precise = provider.queries(Suggestion(title, artist))[0]
    assert first(provider.search(precise)) == (title, (artist,))
    sent = fake.searches[-1][2]
    assert [(leaf.fieldname, leaf.text) for leaf in leaves(parse_lucene(sent, ""))][:2] == [
        ("recording", title), ("artist", artist)]
    assert fake.throttled == 0


def test_an_unescaped_quote_breaks_the_query(fake):
    """What the escaping prevents: the service cannot parse the query (sent here by
    hand, from another address so the pace is not the point)."""
    raw = requests.get(fake.api_url + "recording", params={
        "query": 'recording:"12" Vinyl" AND artist:"Bon Iver"', "fmt": "json"},
        headers={"User-Agent": f"diaryrec/{diaryrec.__version__} ( {CONTACT} )", "X-Forwarded-For": "10.0.0.2"},
        timeout=5)
    assert raw.status_code == 400 and raw.json()["error"].startswith("Invalid query")


# --- a whole reply ---
from tests.integration.catalog.test_catalog_spotipy import REPLY  # noqa: E402 - the same reply for both catalogs


def test_a_ten_track_reply_costs_two_requests(clock):
    with MusicBrainzFake(csv_data(), clock=clock) as server:
        provider = make(server, clock)
        answer = provider.search_batch(REPLY)
        assert provider.requests_sent == 2 and server.search_requests == 2 and server.throttled == 0
        assert sorted(answer.candidates) == list(range(10))
        for i, s in enumerate(REPLY):
            candidates = answer.candidates[i]
            # every candidate is the suggestion's artist's, with the suggested title in it
            assert all(s.artist in c.artists for c in candidates), (s, [c.artists for c in candidates])
            assert all(s.title.casefold() in c.title.casefold() for c in candidates), (s, [c.title for c in candidates])
            assert all(c.catalog == "musicbrainz" and c.url.endswith(c.id) for c in candidates)
        assert [c.title for c in answer.candidates[6]] == ["피카부 Peek-A-Boo"]
        assert {c.title for c in answer.candidates[9]} >= {"Bohemian Rhapsody - Remastered 2011"}
        queries = [q for _, _, q in server.searches]
        assert queries[0].startswith('(recording:"Memories" AND artist:"Maroon 5") OR (recording:"Shape of You"')
        assert queries[0].count(" OR (") == 4 and queries[1].count(" OR (") == 4
        assert {r.arg("limit") for r in server.requests} == {"100"}


def test_an_invented_track_is_left_to_its_own_queries(fake, clock):
    provider = make(fake, clock)
    answer = provider.search_batch([Suggestion("Blueming", "IU"), Suggestion("A Song Nobody Wrote", "IU"),
                                    Suggestion("Hype Boy", "Nobody At All")])
    assert sorted(answer.candidates) == [0]
    # what the combined search answered in full, query by query (the checker caches these)
    assert set(answer.searched) == {q.text for s in (Suggestion("Blueming", "IU"), Suggestion("A Song Nobody Wrote", "IU"),
                                                     Suggestion("Hype Boy", "Nobody At All"))
                                    for q in make(fake, clock).queries(s)[:1]}
    assert answer.searched['recording:"A Song Nobody Wrote" AND artist:"IU"'] == []
    # one combined search, one artist search for the two left (IU is known; nobody is not), one by IU's MBID
    assert [entity for _, entity, _ in fake.searches] == ["recording", "artist", "recording"]
    before = provider.requests_sent
    queries = provider.queries(Suggestion("A Song Nobody Wrote", "IU"))
    # the combined answers were complete: its precise query ran in the first, its alias query in the last
    assert [q.label for q in queries] == ["relaxed", "fuzzy", "alias", "title"]
    labels = {q.label: q for q in queries}
    assert provider.search(labels["alias"]) == []
    assert provider.requests_sent == before  # known to be empty: not asked
    assert provider.search(labels["relaxed"]) == [] and provider.requests_sent == before + 1
    # a provider that ran no batch has every query
    assert [q.label for q in make(fake, clock).queries(Suggestion("A Song Nobody Wrote", "IU"))] == [
        "precise", "relaxed", "fuzzy", "alias", "title"]


# --- names across scripts ---
def test_a_hangul_name_finds_the_latin_named_artist_and_back(fake, clock):
    provider = make(fake, clock)
    answer = provider.search_batch([Suggestion("Through the Night", "아이유"), Suggestion("Lemon", "Kenshi Yonezu"),
                                    Suggestion("Dynamite", "방탄소년단"), Suggestion("Plastic Love", "竹内まりや"),
                                    Suggestion("Hype Boy", "NewJeans")])
    assert first(answer.candidates[0]) == ("Through the Night", ("IU",))
    assert "아이유" in answer.candidates[0][0].aliases
    assert first(answer.candidates[1]) == ("Lemon", ("米津玄師",))  # MusicBrainz names him in Japanese
    assert "Kenshi Yonezu" in answer.candidates[1][0].aliases
    assert first(answer.candidates[2]) == ("Dynamite", ("BTS",))
    assert first(answer.candidates[3]) == ("Plastic Love", ("竹内まりや",))
    assert first(answer.candidates[4]) == ("Hype Boy", ("NewJeans",))
    # one combined search; one artist search for the three written in another script; one by their MBIDs
    assert [entity for _, entity, _ in fake.searches] == ["recording", "artist", "recording"]
    assert fake.throttled == 0


def test_the_alias_query_of_one_suggestion_crosses_scripts(fake, clock):
    provider = make(fake, clock)
    for suggestion, expected in [(Suggestion("Blueming", "아이유"), ("Blueming", ("IU",))),
                                 (Suggestion("Lemon", "Kenshi Yonezu"), ("Lemon", ("米津玄師",))),
                                 (Suggestion("Tomboy", "HYUKOH"), ("Tomboy", ("혁오",)))]:
        queries = {q.label: q for q in provider.queries(suggestion)}
        assert provider.search(queries["precise"]) == []  # the recording index knows no aliases
        before = provider.requests_sent
        assert first(provider.search(queries["alias"])) == expected
        assert provider.requests_sent == before + 2  # the artist, then its recordings
    again = {q.label: q for q in provider.queries(Suggestion("Love wins all", "아이유"))}
    before = provider.requests_sent
    assert first(provider.search(again["alias"])) == ("Love wins all", ("IU",))
    assert provider.requests_sent == before + 1  # 아이유 was looked up already


def test_korean_titles(fake, clock):
    provider = make(fake, clock)
    answer = provider.search_batch([Suggestion("밤편지", "아이유"), Suggestion("좋은 날", "IU"),
                                    Suggestion("위잉위잉", "혁오"), Suggestion("봄날", "BTS")])
    assert first(answer.candidates[0]) == ("밤편지", ("IU",))
    assert first(answer.candidates[1]) == ("좋은 날", ("IU",))
    assert first(answer.candidates[2]) == ("위잉위잉", ("혁오",))
    assert 3 not in answer.candidates  # BTS's "Spring Day" is not called 봄날 here: the checker's queries follow
    title_only = {q.label: q for q in provider.queries(Suggestion("좋은 날", ""))}
    assert first(provider.search(title_only["precise"])) == ("좋은 날", ("IU",))


# --- the sandbox ---
def test_the_sandbox_fake_serves_the_sandbox_catalogue(monkeypatch):
    server = start_sandbox_musicbrainz()
    try:
        for key, value in server.env().items():
            monkeypatch.setenv(key, value)
        provider = MusicBrainzProvider(resolve_config(contact=CONTACT))
        answer = provider.search_batch([Suggestion("Spring Day", "BTS")])
        assert first(answer.candidates[0]) == ("Spring Day", ("BTS",))
        provider.check_connection()
        assert server.throttled == 0
    finally:
        server.stop()


def test_the_client_reads_the_total_and_pages(fake, clock):
    client = MusicBrainzClient(MusicBrainzConfig(contact=CONTACT, api_url=fake.api_url),
                               limiter=RateLimiter(clock=clock, sleep=clock.sleep))
    page = client.search("recording", "artist:IU", limit=2, offset=1)
    assert page["count"] == 5 and page["offset"] == 1 and len(page["recordings"]) == 2
    assert set(page) == {"created", "count", "offset", "recordings"}
    recording = page["recordings"][0]
    assert {"id", "score", "title", "length", "artist-credit", "first-release-date", "releases"} <= set(recording)
    assert recording["releases"][0]["status"] == "Official" and "primary-type" in recording["releases"][0]["release-group"]
    artists = client.search("artist", 'alias:"아이유"')["artists"]
    assert [a["name"] for a in artists] == ["IU"] and artists[0]["score"] == 100
    client.close()
