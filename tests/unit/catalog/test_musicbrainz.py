"""The MusicBrainz provider without a network: its queries, Lucene escaping, the
User-Agent and configuration, the machine-wide pace, and the JSON as CatalogTrack."""

import itertools
import threading
import time

import pytest

import diaryrec
from diaryrec.catalog import musicbrainz
from diaryrec.catalog.musicbrainz import (
    ArtistAliasQuery,
    MusicBrainzConfig,
    MusicBrainzProvider,
    RateLimiter,
    escape,
    phrase,
    recording_track,
    resolve_config,
    user_agent,
)
from diaryrec.catalog.provider import (
    PROVIDERS,
    CatalogUnavailable,
    Suggestion,
)
from diaryrec.protocol.model import Contact
from diaryrec.vocabulary import catalog_name
from diaryrec.sandbox.musicbrainz_fake import QuerySyntaxError, parse_lucene


class FakeClock:
    """A monotonic clock that only moves when something sleeps on it."""

    def __init__(self, start: float = 5000.0):
        self.now = start
        self.slept: list[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.slept.append(seconds)
            self.now += seconds


def provider() -> MusicBrainzProvider:
    return MusicBrainzProvider(MusicBrainzConfig(contact="researcher@example.org", api_url="http://127.0.0.1:9/ws/2/"))


# --- the registry ---
def test_the_provider_is_registered_under_its_id():
    assert PROVIDERS["musicbrainz"] is MusicBrainzProvider
    assert catalog_name("musicbrainz") == MusicBrainzProvider.name == "MusicBrainz"
    assert MusicBrainzProvider.concurrency == 1 and provider().cache_scope == ""


# --- configuration ---
def test_the_user_agent_names_the_version_and_the_contact():
    assert user_agent("researcher@example.org") == f"diaryrec/{diaryrec.__version__} ( researcher@example.org )"
    assert user_agent("  a@b.org \n") == f"diaryrec/{diaryrec.__version__} ( a@b.org )"
    assert user_agent("") == f"diaryrec/{diaryrec.__version__}"


def test_the_contact_is_the_argument_then_the_researchers_email_then_the_project(monkeypatch):
    class Study:
        class study:
            researcher = Contact(name="Dr. Kim", email="kim@lab.example.ac.kr")

    monkeypatch.setattr(musicbrainz, "project_url", lambda: "https://example.org/diaryrec")
    assert resolve_config(study=Study, contact="other@example.org").contact == "other@example.org"
    assert resolve_config(study=Study).contact == "kim@lab.example.ac.kr"
    assert resolve_config(study=Study).user_agent.endswith("( kim@lab.example.ac.kr )")
    assert resolve_config().contact == "https://example.org/diaryrec"


def test_the_base_url_can_be_overridden(monkeypatch):
    monkeypatch.delenv(musicbrainz.API_URL_ENV, raising=False)
    assert resolve_config(contact="x@example.org").api_url == "https://musicbrainz.org/ws/2/"
    monkeypatch.setenv("DIARYREC_MUSICBRAINZ_API_URL", "http://127.0.0.1:8123/ws/2")
    assert resolve_config(contact="x@example.org").api_url == "http://127.0.0.1:8123/ws/2/"


# --- Lucene ---
@pytest.mark.parametrize("raw", [
    'Say "Hello": (Part 2) / [Live?]',
    r"C++ && You || Me! ^ ~ * \ {x} -minus +plus",
    "AC/DC",
    "What's Up?",
    "봄날 (Spring Day)",
])
def test_escaped_text_reads_back_as_the_same_literal(raw):
    node = parse_lucene(f"recording:{phrase(raw)}", "")
    assert (node.kind, node.fieldname, node.text) == ("phrase", "recording", raw)
    term = parse_lucene(f"artist:{escape(raw.replace(' ', ''))}", "")
    assert (term.kind, term.text) == ("term", raw.replace(" ", ""))


def test_every_special_character_is_escaped():
    assert escape('+-&|!(){}[]^"~*?:\\/') == "".join("\\" + c for c in '+-&|!(){}[]^"~*?:\\/')
    assert escape("plain words 123") == "plain words 123"
    with pytest.raises(QuerySyntaxError):
        parse_lucene('recording:"12" Vinyl"', "")  # unescaped, an inner quote breaks the phrase
    with pytest.raises(QuerySyntaxError):
        parse_lucene("recording:Either/Or", "")  # an unescaped slash starts a regular expression
    with pytest.raises(QuerySyntaxError):
        parse_lucene("recording:(Sweet Dreams", "")


# --- queries ---
def test_queries_go_from_precise_to_title_only():
    queries = provider().queries(Suggestion("Through the Night", "IU"))
    assert [q.label for q in queries] == ["precise", "relaxed", "fuzzy", "alias", "title"]
    assert queries[0].text == 'recording:"Through the Night" AND artist:"IU"'
    assert queries[1].text == "recording:(through the night) AND artist:(iu)"
    assert isinstance(queries[3], ArtistAliasQuery) and queries[3].names == ("IU",)
    assert queries[4].text == 'recording:"Through the Night"'


def test_a_korean_title_and_artist_are_searched_as_written():
    queries = provider().queries(Suggestion("밤편지", "아이유"))
    assert queries[0].text == 'recording:"밤편지" AND artist:"아이유"'
    assert queries[1].text == "recording:(밤편지) AND artist:(아이유)"


def test_credits_and_edition_suffixes_are_left_out_of_the_title():
    queries = provider().queries(Suggestion("Bad Habits (feat. Someone) - Remastered 2011", "Ed Sheeran & Justin Bieber"))
    assert queries[0].text == (
        'recording:"bad habits" AND (artist:"Ed Sheeran \\& Justin Bieber" OR artist:"ed sheeran" OR artist:"justin bieber")')
    assert queries[1].text == "recording:(bad habits) AND artist:(ed sheeran justin bieber)"
    # curly quotes become straight ones before the title is escaped
    assert provider().queries(Suggestion("Don’t Start Now", "Dua Lipa"))[0].text == (
        'recording:"Don\'t Start Now" AND artist:"Dua Lipa"')


def test_a_suggestion_without_an_artist_has_one_query():
    assert [q.text for q in provider().queries(Suggestion("Clair de lune", ""))] == ['recording:"Clair de lune"']
    assert provider().queries(Suggestion("", "Nobody")) == []


# --- the pace ---
def test_the_limiter_spaces_requests_a_second_apart():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    starts = []
    for _ in range(4):
        limiter.acquire()
        starts.append(clock())
    assert [round(b - a, 6) for a, b in itertools.pairwise(starts)] == [1.0, 1.0, 1.0]


def test_the_limiter_is_shared_by_threads(monkeypatch):
    limiter = RateLimiter(interval_s=0.05)
    starts: list[float] = []
    lock = threading.Lock()

    def work():
        for _ in range(3):
            limiter.acquire()
            with lock:
                starts.append(time.monotonic())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    starts.sort()
    assert len(starts) == 12
    assert min(b - a for a, b in itertools.pairwise(starts)) >= 0.045


def test_a_long_pause_closes_the_limiter_until_it_ends():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    limiter.close_for(2.0)
    limiter.acquire()  # a short pause is waited out
    assert clock.slept == [2.0]
    limiter.close_for(60)
    with pytest.raises(CatalogUnavailable) as raised:
        limiter.acquire()
    assert raised.value.kind == "rate_limit" and raised.value.retry_after == pytest.approx(60)
    assert clock.slept == [2.0]  # refused at once, not slept on
    clock.sleep(61)
    limiter.acquire()


def test_every_provider_shares_the_process_wide_limiter():
    assert provider().client.limiter is musicbrainz.SHARED_LIMITER
    assert provider().client.limiter is provider().client.limiter


def test_retry_after_is_read_as_seconds_or_a_date():
    assert musicbrainz._retry_after({"Retry-After": "2"}) == 2.0
    assert musicbrainz._retry_after({}) == 1.0
    assert musicbrainz._retry_after({"Retry-After": "soon"}) == 1.0
    assert 0 <= musicbrainz._retry_after({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}) < 1


# --- the JSON ---
RECORDING = {
    "id": "0d0b6b0e-5c49-4d5f-a6ee-6e4b5ad4b7a1",
    "score": 100,
    "title": "Lemon",
    "length": 255000,
    "video": None,
    "artist-credit": [{
        "name": "米津玄師",
        "artist": {"id": "1a2b", "name": "米津玄師", "sort-name": "Yonezu, Kenshi",
                   "aliases": [{"sort-name": "Kenshi Yonezu", "name": "Kenshi Yonezu", "locale": "en",
                                "type": "Artist name", "primary": True, "begin-date": None, "end-date": None},
                               {"sort-name": "Hachi", "name": "ハチ", "locale": "ja", "type": None,
                                "primary": None, "begin-date": None, "end-date": None}]},
    }],
    "first-release-date": "2018-02-12",
    "releases": [
        {"id": "r1", "title": "Lemon", "status": "Official", "date": "2018-03-14",
         "release-group": {"id": "g1", "primary-type": "Single"}},
        {"id": "r2", "title": "STRAY SHEEP", "status": "Official", "date": "2020-08-05",
         "release-group": {"id": "g2", "primary-type": "Album"}},
        {"id": "r3", "title": "Bootleg Hits", "status": "Bootleg", "date": "2017-01-01",
         "release-group": {"id": "g3", "primary-type": "Album"}},
        {"id": "r4", "title": "J-Pop 2019", "status": "Official", "date": "2019-01-01",
         "release-group": {"id": "g4", "primary-type": "Album", "secondary-types": ["Compilation"]}},
    ],
}


def test_a_recording_becomes_a_catalog_track():
    track = recording_track(RECORDING)
    assert track.catalog == "musicbrainz" and track.id == RECORDING["id"]
    assert track.title == "Lemon" and track.artists == ("米津玄師",)
    assert track.album == "STRAY SHEEP"  # the earliest official album: not the single, bootleg or compilation
    assert track.release_date == "2018-02-12" and track.year == 2018
    assert track.duration_ms == 255000 and track.popularity is None and track.image_url == ""
    assert track.url == "https://musicbrainz.org/recording/0d0b6b0e-5c49-4d5f-a6ee-6e4b5ad4b7a1"
    # the other names, for matching: the sort name read forwards, each alias once
    assert track.aliases == ("Kenshi Yonezu", "ハチ", "Hachi")
    assert track.to_dict()["aliases"] == ["Kenshi Yonezu", "ハチ", "Hachi"]


def test_a_sparse_recording_still_reads():
    track = recording_track({"id": "x", "title": "Untitled", "artist-credit": [
        {"name": "A", "joinphrase": " feat. ", "artist": {"id": "a", "name": "A", "sort-name": "A"}},
        {"name": "B", "artist": {"id": "b", "name": "Bee", "sort-name": "Bee"}}]})
    assert track.artists == ("A", "B") and track.aliases == ("Bee",)
    assert track.album == "" and track.release_date == "" and track.duration_ms is None


def test_a_typo_gets_a_fuzzy_query_after_the_relaxed_one():
    queries = provider().queries(Suggestion("Lanndslide", "Fleetwood Mac"))
    labels = [q.label for q in queries]
    assert labels.index("fuzzy") == labels.index("relaxed") + 1
    fuzzy = queries[labels.index("fuzzy")].text
    assert fuzzy == "recording:(lanndslide~1) AND artist:(fleetwood mac)"
    assert "fuzzy" not in [q.label for q in provider().queries(Suggestion("Up", "R.E.M."))]  # no word of 4+ letters
