"""Catalog answers kept in the study database (``catalog_cache``), hits and misses
alike, so that checking a reply again needs no network and works offline.

Keys carry the catalog that answered and what its answers depend on (Spotify's
market): ``cache_key("search", "spotify", "KR", query, limit)``. An expired entry is
not used while the catalog answers; when it does not, a stale answer is better than
none (``get(..., allow_stale=True)``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from typing import Any

from diaryrec.store import Store
from diaryrec.store.models import CatalogCacheEntry
from diaryrec.store.types import utcnow

log = logging.getLogger(__name__)

HIT_TTL = dt.timedelta(days=30)
#: a miss may become a hit (a new release, a fixed typo in the catalog): re-ask sooner
MISS_TTL = dt.timedelta(days=3)


def cache_key(kind: str, catalog: str, scope: str, *parts: Any) -> str:
    text = json.dumps([kind, catalog, scope, *parts], ensure_ascii=False)
    return f"{kind}:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:40]}"


class CatalogCache:
    def __init__(self, store: Store, *, hit_ttl: dt.timedelta = HIT_TTL, miss_ttl: dt.timedelta = MISS_TTL):
        self.store = store
        self.hit_ttl = hit_ttl
        self.miss_ttl = miss_ttl

    def get(self, key: str, *, allow_stale: bool = False, now: dt.datetime | None = None) -> dict[str, Any] | None:
        now = now or utcnow()
        with self.store.session() as session:
            entry = session.get(CatalogCacheEntry, key)
        if entry is None:
            return None
        if entry.expires_at <= now and not allow_stale:
            return None
        return entry.payload

    def put(self, key: str, market: str, payload: dict[str, Any], *, hit: bool, now: dt.datetime | None = None) -> None:
        self.put_many([(key, market, payload, hit)], now=now)

    def put_many(self, entries: list[tuple[str, str, dict[str, Any], bool]], *, now: dt.datetime | None = None) -> None:
        """Store ``(key, market, payload, hit)`` entries in one transaction (one fsync)."""
        if not entries:
            return
        now = now or utcnow()
        try:
            with self.store.session() as session:
                for key, market, payload, hit in entries:
                    entry = session.get(CatalogCacheEntry, key) or CatalogCacheEntry(key=key, market=market, expires_at=now)
                    entry.market = market
                    entry.payload = payload
                    entry.fetched_at = now
                    entry.expires_at = now + (self.hit_ttl if hit else self.miss_ttl)
                    session.add(entry)
                session.commit()
        except Exception as exc:  # noqa: BLE001 - a cache that cannot write is a slower cache, not an error
            log.warning("catalog cache write failed: %s", type(exc).__name__)

    def purge_expired(self, now: dt.datetime | None = None) -> int:
        from sqlmodel import delete

        now = now or utcnow()
        with self.store.session() as session:
            result = session.exec(delete(CatalogCacheEntry).where(CatalogCacheEntry.expires_at <= now))  # type: ignore[call-overload]
            session.commit()
            return int(result.rowcount or 0)
