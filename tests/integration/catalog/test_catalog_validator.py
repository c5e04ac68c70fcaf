"""CatalogValidator: verdicts written into recommended_track rows, unchecked tracks
persisted and checked again, and a cache that makes re-checking work offline."""

import datetime as dt
import threading

from sqlmodel import select

from diaryrec.catalog.spotify import SpotifyProvider
from diaryrec.catalog.cache import CatalogCache
from diaryrec.catalog.client import CatalogConfig
from diaryrec.catalog.validator import CatalogChecker, CatalogValidator, due_unchecked, make_validator
from diaryrec.store import open_store
from diaryrec.store.models import CatalogCacheEntry, Conversation, Message, RecommendedTrack
from diaryrec.store.types import utcnow

SUGGESTED = [
    ("Memories", "Maroon 5", None, None),
    ("피카부", "레드벨벳 (Red Velvet)", "Perfect Velvet", 2017),
    ("Shape of You", "Justin Bieber", None, None),
    ("Velvet Lanterns", "The Imaginary Foxes", None, None),
    ("Dance Monkey", "Tones and I", "Welcome to Wherever You Are", 2015),
]


def add_reply(store, suggested=SUGGESTED):
    with store.session() as session:
        conversation = Conversation(study_day=1, purpose="daily")
        session.add(conversation)
        session.flush()
        message = Message(conversation_id=conversation.id, seq=1, role="assistant", text="…")
        session.add(message)
        session.flush()
        rows = [RecommendedTrack(message_id=message.id, position=i, title=t, artist=a, album=al, year=y)
                for i, (t, a, al, y) in enumerate(suggested)]
        session.add_all(rows)
        session.commit()
        return [r.id for r in rows]


def rows_by_id(store, ids):
    with store.session() as session:
        rows = session.exec(select(RecommendedTrack).where(RecommendedTrack.id.in_(ids))).all()
    return {r.id: r for r in rows}


def validator(store, fake, secret="fake-spotify-secret-7f3a"):
    config = CatalogConfig("test-client", secret, market="KR", api_url=fake.api_url, token_url=fake.token_url, timeout_s=5)
    return CatalogValidator(store, CatalogChecker(SpotifyProvider(config), CatalogCache(store)))


def test_every_verdict_is_written_and_announced_as_it_is_decided(store, fake):
    ids = add_reply(store)
    announced = []
    caller = threading.get_ident()
    validator(store, fake).validate(ids, on_verdict=lambda i: announced.append((i, threading.get_ident())))
    assert sorted(i for i, _ in announced) == sorted(ids)
    assert {thread for _, thread in announced} == {caller}  # never from a pool thread
    rows = rows_by_id(store, ids)
    memories, korean, misattributed, invented, monkey = (rows[i] for i in ids)
    assert memories.verdict == "verified" and memories.catalog_track["name"] == "Memories"
    assert memories.score == 1.0 and memories.checked_at is not None and memories.next_check_at is None
    assert korean.verdict == "verified" and korean.catalog_track["name"] == "피카부 Peek-A-Boo"
    assert misattributed.verdict == "not_found" and misattributed.suggestion["artists"] == ["Ed Sheeran"]
    assert "Ed Sheeran" in misattributed.verdict_reason
    assert invented.verdict == "not_found" and invented.suggestion is None and invented.catalog_track is None
    assert monkey.verdict == "verified"
    assert [d["field"] for d in monkey.discrepancies] == ["album", "year"]


def test_unchecked_tracks_are_persisted_and_checked_again_after_a_restart(layout, fake):
    store = open_store(layout)
    ids = add_reply(store, SUGGESTED[:2])
    fake.set_fault("429", retry_after=86_400)
    before = utcnow()
    validator(store, fake).validate(ids)
    rows = rows_by_id(store, ids)
    for row in rows.values():
        assert row.verdict == "unchecked" and "rate limit" in row.verdict_reason
        assert before + dt.timedelta(hours=23) < row.next_check_at < utcnow() + dt.timedelta(hours=25)
    assert due_unchecked(store) == []
    store.close()

    fake.set_fault(None)
    store = open_store(layout)  # the app started again
    try:
        later = utcnow() + dt.timedelta(days=2)
        assert sorted(due_unchecked(store, later)) == sorted(ids)
        announced = []
        checked = validator(store, fake).recheck_unchecked(on_verdict=announced.append, now=later)
        assert sorted(checked) == sorted(ids) and sorted(announced) == sorted(ids)
        rows = rows_by_id(store, ids)
        assert [rows[i].verdict for i in ids] == ["verified", "verified"]
        assert all(r.next_check_at is None for r in rows.values())
    finally:
        store.close()


def test_nothing_is_rechecked_before_it_is_due(store, fake):
    ids = add_reply(store, SUGGESTED[:1])
    fake.set_fault("500")
    validator(store, fake).validate(ids)
    assert rows_by_id(store, ids)[ids[0]].verdict == "unchecked"
    requests_before = len(fake.requests)
    assert validator(store, fake).recheck_unchecked() == []
    assert len(fake.requests) == requests_before


def test_rechecking_works_offline_from_the_cache(store, fake):
    ids = add_reply(store)
    validator(store, fake).validate(ids)
    first = {i: (r.verdict, r.catalog_track, r.suggestion) for i, r in rows_by_id(store, ids).items()}
    with store.session() as session:
        entries = session.exec(select(CatalogCacheEntry)).all()
    assert any(e.payload["items"] == [] for e in entries)  # misses are cached too
    assert any("피카부" in str(e.payload) for e in entries)

    more = add_reply(store)
    offline = CatalogConfig("test-client", "fake-spotify-secret-7f3a", market="KR", api_url="http://127.0.0.1:9/v1/",
                            token_url="http://127.0.0.1:9/api/token", timeout_s=1)
    CatalogValidator(store, CatalogChecker(SpotifyProvider(offline), CatalogCache(store))).validate(more)
    again = {r.position: (r.verdict, r.catalog_track, r.suggestion) for r in rows_by_id(store, more).values()}
    assert list(again.values()) == [first[i] for i in ids]


def test_an_expired_cache_still_answers_when_spotify_does_not(store, fake):
    ids = add_reply(store, SUGGESTED[:1])
    validator(store, fake).validate(ids)
    with store.session() as session:
        for entry in session.exec(select(CatalogCacheEntry)).all():
            entry.expires_at = utcnow() - dt.timedelta(days=1)
            session.add(entry)
        session.commit()
    more = add_reply(store, SUGGESTED[:1])
    fake.set_fault("500")
    validator(store, fake).validate(more)
    assert rows_by_id(store, more)[more[0]].verdict == "verified"


def test_a_fully_cached_reply_makes_no_request(store, fake):
    validator(store, fake).validate(add_reply(store))
    count = len(fake.requests)
    validator(store, fake).validate(add_reply(store))
    assert len(fake.requests) == count


def test_rejected_credentials_leave_every_track_unchecked_with_the_reason(store, fake):
    ids = add_reply(store)
    announced = []
    validator(store, fake, secret="wrong").validate(ids, on_verdict=announced.append)
    rows = rows_by_id(store, ids)
    assert {r.verdict for r in rows.values()} == {"unchecked"}
    assert all("rejected" in r.verdict_reason for r in rows.values())
    assert sorted(announced) == sorted(ids)


def test_the_factory_uses_spotify_with_credentials_and_musicbrainz_without(store, fake, monkeypatch):
    for name in ("DIARYREC_SPOTIFY_CLIENT_ID", "DIARYREC_SPOTIFY_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    assert make_validator(store).catalogs == ["musicbrainz"]  # checking is never off
    for key, value in fake.env().items():
        monkeypatch.setenv(key, value)
    chosen = make_validator(store)
    assert isinstance(chosen, CatalogValidator) and chosen.catalogs == ["spotify"]
    ids = add_reply(store, SUGGESTED[:1])
    chosen.validate(ids)
    assert rows_by_id(store, ids)[ids[0]].verdict == "verified"
