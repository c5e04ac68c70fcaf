import datetime as dt

from diaryrec.catalog.cache import CatalogCache, cache_key
from diaryrec.store.models import CatalogCacheEntry
from diaryrec.store.types import utcnow


def test_hits_and_misses_are_kept_with_their_own_expiry(store):
    cache = CatalogCache(store, hit_ttl=dt.timedelta(days=30), miss_ttl=dt.timedelta(days=3))
    now = utcnow()
    hit_key, miss_key = cache_key("search", "KR", "track:봄날 artist:BTS", 10), cache_key("search", "KR", "track:nothing", 10)
    cache.put(hit_key, "KR", {"items": [{"id": "x", "name": "봄날"}]}, hit=True, now=now)
    cache.put(miss_key, "KR", {"items": []}, hit=False, now=now)
    assert cache.get(hit_key, now=now) == {"items": [{"id": "x", "name": "봄날"}]}
    assert cache.get(miss_key, now=now) == {"items": []}
    later = now + dt.timedelta(days=4)
    assert cache.get(miss_key, now=later) is None
    assert cache.get(miss_key, now=later, allow_stale=True) == {"items": []}
    assert cache.get(hit_key, now=later) is not None
    with store.session() as session:
        entry = session.get(CatalogCacheEntry, miss_key)
    assert entry.market == "KR" and entry.expires_at == now + dt.timedelta(days=3)


def test_keys_depend_on_market_and_query():
    assert cache_key("search", "KR", "q", 10) != cache_key("search", "US", "q", 10)
    assert cache_key("search", "KR", "q", 10) != cache_key("search", "KR", "q2", 10)
    assert cache_key("search", "KR", "q", 10) == cache_key("search", "KR", "q", 10)


def test_put_replaces_and_purge_removes_expired(store):
    cache = CatalogCache(store)
    now = utcnow()
    cache.put("k", "US", {"items": []}, hit=False, now=now - dt.timedelta(days=10))
    assert cache.get("k", now=now) is None
    cache.put("k", "US", {"items": [{"id": "y"}]}, hit=True, now=now)
    assert cache.get("k", now=now) == {"items": [{"id": "y"}]}
    cache.put("old", "US", {"items": []}, hit=False, now=now - dt.timedelta(days=10))
    assert cache.purge_expired(now) == 1
    assert cache.get("old", allow_stale=True) is None and cache.get("k") is not None


def test_a_failing_write_is_not_an_error(store):
    cache = CatalogCache(store)
    store.close()
    store.engine.dispose()
    import sqlalchemy

    store.engine = sqlalchemy.create_engine("sqlite:////nonexistent-folder/x.sqlite")
    cache.put("k", "US", {"items": []}, hit=False)  # logged, not raised
