"""The real spotipy code against the loopback fake: tokens, searches, every fault."""

import time

import pytest

from diaryrec.catalog.spotify import SpotifyProvider
from diaryrec.catalog.client import CatalogConfig, CredentialsRejectedError
from diaryrec.catalog.match import Suggestion
from diaryrec.catalog.validator import CatalogChecker

REPLY = [
    Suggestion("Memories", "Maroon 5"),
    Suggestion("Shape of You", "Ed Sheeran"),
    Suggestion("Dance Monkey", "Tones and I"),
    Suggestion("Señorita", "Shawn Mendes"),
    Suggestion("bad guy", "Billie Eilish"),
    Suggestion("Someone You Loved", "Lewis Capaldi"),
    Suggestion("피카부", "Red Velvet"),
    Suggestion("Landslide", "Fleetwood Mac"),
    Suggestion("Closer", "The Chainsmokers"),
    Suggestion("Bohemian Rhapsody", "Queen"),
]


def checker(fake, secret="fake-spotify-secret-7f3a", **kw):
    config = CatalogConfig("test-client", secret, market="KR", api_url=fake.api_url, token_url=fake.token_url,
                           **{"timeout_s": 5.0, **kw})
    return CatalogChecker(SpotifyProvider(config))


def searches(fake):
    return [r for r in fake.requests if r.path == "/v1/search"]


def test_a_real_track_is_verified_with_one_token_and_one_search(fake):
    verdict = checker(fake).check(Suggestion("Memories", "Maroon 5"))
    assert verdict.verdict == "verified"
    assert verdict.track["name"] == "Memories" and verdict.track["artists"] == ["Maroon 5"]
    assert verdict.track["url"].startswith("https://open.spotify.com/track/")
    assert verdict.track["image_url"].endswith("-300.jpg") and verdict.track["duration_ms"] > 0
    assert [r.path for r in fake.requests] == ["/api/token", "/v1/search"]
    search = searches(fake)[0]
    assert search.arg("limit") == "10" and search.arg("market") == "KR" and search.arg("type") == "track"
    assert search.arg("q") == "track:memories artist:maroon 5"


def test_a_reply_is_checked_concurrently_with_one_token(fake):
    results = []
    verdicts = checker(fake, concurrency=10).check_many(REPLY, on_result=lambda i, v: results.append(i))
    assert [v.verdict for v in verdicts] == ["verified"] * 10
    assert [v.track["name"] for v in verdicts][6] == "피카부 Peek-A-Boo"
    assert sorted(results) == list(range(10))
    assert fake.count("/api/token") == 1
    assert len({r.headers["authorization"] for r in searches(fake)}) == 1
    assert all(int(r.arg("limit")) <= 10 for r in searches(fake))


def test_the_token_is_reused_until_it_expires(fake, monkeypatch):
    client = checker(fake)
    client.check(REPLY[0])
    client.check(REPLY[1])
    assert fake.count("/api/token") == 1
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 3600)  # an hour later (spotipy reads time.time)
    client.check(REPLY[2])
    assert fake.count("/api/token") == 2


def test_a_huge_retry_after_makes_the_track_unchecked_without_waiting(fake):
    sleeps = []
    client = checker(fake)
    client.provider.client._sleep = sleeps.append
    fake.set_fault("429", retry_after=86_400)
    verdict = client.check(REPLY[0])
    assert verdict.verdict == "unchecked"
    assert "rate limit" in verdict.reason and verdict.retry_after == pytest.approx(86_400, abs=5)
    assert sleeps == []
    asked = len(searches(fake))
    again = client.check(REPLY[1])  # the client knows it is throttled: no request
    assert again.verdict == "unchecked" and again.retry_after > 80_000
    assert len(searches(fake)) == asked


def test_a_short_retry_after_is_waited_out(fake):
    sleeps = []
    client = checker(fake)
    client.provider.client._sleep = sleeps.append
    fake.set_fault("429", count=1, retry_after=2)
    assert client.check(REPLY[0]).verdict == "verified"
    assert sleeps == [2.0]


def test_a_server_error_makes_the_track_unchecked(fake):
    fake.set_fault("500")
    verdict = checker(fake).check(REPLY[0])
    assert verdict.verdict == "unchecked" and "HTTP 500" in verdict.reason
    assert len(searches(fake)) == 1  # no hidden retries


def test_an_expired_token_is_replaced_once(fake):
    fake.set_fault("401", count=1)
    assert checker(fake).check(REPLY[0]).verdict == "verified"
    assert fake.count("/api/token") == 2


def test_a_bad_secret_is_an_error_not_a_verdict(fake):
    with pytest.raises(CredentialsRejectedError) as info:
        checker(fake, secret="wrong").check(REPLY[0])
    assert "rejected" in info.value.message


@pytest.mark.parametrize("where", ["api", "token"])
def test_malformed_json_makes_the_track_unchecked(fake, where):
    fake.set_fault("malformed", where=where)
    verdict = checker(fake).check(REPLY[0])
    assert verdict.verdict == "unchecked" and "cannot read" in verdict.reason


def test_a_token_endpoint_failure_makes_the_track_unchecked(fake):
    fake.set_fault("500", where="token")
    verdict = checker(fake).check(REPLY[0])
    assert verdict.verdict == "unchecked" and "sign-in" in verdict.reason


def test_a_slow_catalog_times_out(fake):
    fake.latency_s = 1.0
    verdict = checker(fake, timeout_s=0.3).check(REPLY[0])
    assert verdict.verdict == "unchecked" and "in time" in verdict.reason


def test_no_server_at_all():
    config = CatalogConfig("id", "secret", api_url="http://127.0.0.1:9/v1/", token_url="http://127.0.0.1:9/api/token",
                           timeout_s=1.0)
    verdict = CatalogChecker(SpotifyProvider(config)).check(REPLY[0])
    assert verdict.verdict == "unchecked" and "cannot be reached" in verdict.reason


def test_no_cache_file_is_written(fake, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    checker(fake).check(REPLY[0])
    assert list(tmp_path.iterdir()) == []


def test_misattributed_and_invented_tracks(fake):
    client = checker(fake)
    wrong = client.check(Suggestion("Shape of You", "Justin Bieber"))
    assert wrong.verdict == "not_found" and wrong.suggestion["artists"] == ["Ed Sheeran"]
    invented = client.check(Suggestion("Velvet Lanterns", "The Imaginary Foxes"))
    assert invented.verdict == "not_found" and invented.suggestion is None
    remix = client.check(Suggestion("Memories - Dillon Francis Remix", "Maroon 5"))
    assert remix.verdict == "verified" and "Remix" in remix.track["name"]
