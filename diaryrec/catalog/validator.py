"""Checking suggested tracks against Spotify: the checker the CLI uses, and the
``TrackValidator`` a recommendation turn uses, which writes every verdict into its
``recommended_track`` row as soon as that track is decided.

The tracks of one reply are checked concurrently (one search round for a reply
whose tracks all exist); searches are cached in the study database, misses too.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any

from sqlmodel import select

from diaryrec.catalog.cache import CatalogCache, cache_key
from diaryrec.catalog.client import (
    MAX_SEARCH_LIMIT,
    CatalogClient,
    CatalogConfig,
    CatalogUnavailable,
    CredentialsRejectedError,
    resolve_config,
)
from diaryrec.catalog.match import UNCHECKED, Suggestion, Verdict, match
from diaryrec.validation import OnVerdict, UncheckedValidator
from diaryrec.store import Store
from diaryrec.store.models import RecommendedTrack
from diaryrec.store.types import utcnow
from diaryrec.vocabulary import Verdict as VerdictCode

log = logging.getLogger(__name__)

#: when to try an unchecked track again if Spotify gave no Retry-After
DEFAULT_RECHECK_AFTER = dt.timedelta(minutes=10)


class CatalogChecker:
    """Suggestion in, verdict out: search (through the cache), match, decide."""

    def __init__(self, client: CatalogClient, cache: CatalogCache | None = None, *, concurrency: int | None = None):
        self.client = client
        self.cache = cache
        self.market = client.config.market
        self.concurrency = max(1, concurrency or client.config.concurrency)
        # during check_many the cache is written once at the end: one fsync, not one per search
        self._deferred: list[tuple[str, str, dict[str, Any], bool]] | None = None
        self._lock = threading.Lock()

    def _search(self, query: str) -> list[dict[str, Any]]:
        key = cache_key("search", self.market, query, MAX_SEARCH_LIMIT)
        if self.cache is not None:
            cached = self.cache.get(key)
            if cached is not None:
                return list(cached.get("items") or [])
        try:
            items = self.client.search_tracks(query, MAX_SEARCH_LIMIT)
        except CatalogUnavailable:
            stale = self.cache.get(key, allow_stale=True) if self.cache is not None else None
            if stale is not None:  # offline: yesterday's answer beats no answer
                return list(stale.get("items") or [])
            raise
        if self.cache is not None:
            entry = (key, self.market, {"q": query, "items": items}, bool(items))
            with self._lock:
                deferred = self._deferred
                if deferred is not None:
                    deferred.append(entry)
            if deferred is None:
                self.cache.put_many([entry])
        return items

    def check(self, suggestion: Suggestion) -> Verdict:
        """The verdict; ``unchecked`` when the catalog gave no answer. Raises
        CredentialsRejectedError: no track can be checked with bad credentials."""
        try:
            return match(suggestion, self._search)
        except CatalogUnavailable as exc:
            return Verdict(UNCHECKED, None, None, None, [], exc.reason, retry_after=exc.retry_after)

    def check_many(
        self, suggestions: Sequence[Suggestion], on_result: Callable[[int, Verdict], None] | None = None
    ) -> list[Verdict]:
        """Check concurrently; ``on_result(index, verdict)`` runs on the calling thread
        as each one is decided. Results come back in input order."""
        results: list[Verdict | None] = [None] * len(suggestions)
        if not suggestions:
            return []
        workers = min(self.concurrency, len(suggestions))
        with self._lock:
            owner = self._deferred is None  # a nested or concurrent call leaves the flush to the first
            if owner:
                self._deferred = []
        try:
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="catalog-check") as pool:
                futures = {pool.submit(self.check, s): i for i, s in enumerate(suggestions)}
                try:
                    for future in as_completed(futures):
                        index = futures[future]
                        results[index] = future.result()
                        if on_result is not None:
                            on_result(index, results[index])  # type: ignore[arg-type]
                except BaseException:
                    for pending in futures:
                        pending.cancel()
                    raise
        finally:
            if owner:
                with self._lock:
                    entries, self._deferred = self._deferred or [], None
                if self.cache is not None:
                    self.cache.put_many(entries)
        return [r for r in results if r is not None]


def write_verdict(row: RecommendedTrack, verdict: Verdict, now: dt.datetime) -> None:
    row.verdict = verdict.verdict
    row.verdict_reason = verdict.reason or None
    row.score = verdict.score
    row.catalog_track = verdict.track
    row.suggestion = verdict.suggestion
    row.discrepancies = list(verdict.discrepancies)
    row.checked_at = now
    if verdict.verdict == UNCHECKED:
        wait = dt.timedelta(seconds=verdict.retry_after) if verdict.retry_after else DEFAULT_RECHECK_AFTER
        row.next_check_at = now + wait
    else:
        row.next_check_at = None


class SpotifyValidator:
    """The ``TrackValidator`` backed by Spotify."""

    def __init__(self, store: Store, checker: CatalogChecker):
        self.store = store
        self.checker = checker

    def validate(self, track_ids: Sequence[int], on_verdict: OnVerdict | None = None) -> None:
        ids = [int(i) for i in track_ids]
        with self.store.session() as session:
            rows = session.exec(select(RecommendedTrack).where(RecommendedTrack.id.in_(ids))).all()  # type: ignore[union-attr]
            plain = {r.id: Suggestion(r.title, r.artist, r.album, r.year) for r in rows}
        order = [i for i in ids if i in plain]

        def record(index: int, verdict: Verdict) -> None:
            track_id = order[index]
            with self.store.session() as session:
                row = session.get(RecommendedTrack, track_id)
                if row is None:
                    return
                write_verdict(row, verdict, utcnow())
                session.add(row)
                session.commit()
            if on_verdict is not None:
                on_verdict(track_id)

        try:
            self.checker.check_many([plain[i] for i in order], on_result=record)
        except CredentialsRejectedError as exc:
            # the turn must go on: every track not yet decided is unchecked, with the reason
            log.warning("Spotify credentials rejected; tracks left unchecked")
            self._mark_rest_unchecked(order, exc.message, on_verdict)

    def _mark_rest_unchecked(self, ids: list[int], reason: str, on_verdict: OnVerdict | None) -> None:
        now = utcnow()
        decided: list[int] = []
        with self.store.session() as session:
            for track_id in ids:
                row = session.get(RecommendedTrack, track_id)
                if row is None or row.verdict not in (VerdictCode.PENDING, UNCHECKED):
                    continue
                write_verdict(row, Verdict(UNCHECKED, reason=reason), now)
                session.add(row)
                decided.append(track_id)
            session.commit()
        for track_id in decided:
            if on_verdict is not None:
                on_verdict(track_id)

    def recheck_unchecked(self, store: Store | None = None, on_verdict: OnVerdict | None = None,
                          now: dt.datetime | None = None) -> list[int]:
        """Check again the unchecked tracks whose ``next_check_at`` has passed."""
        return recheck_unchecked(store or self.store, self, on_verdict=on_verdict, now=now)


def due_unchecked(store: Store, now: dt.datetime | None = None) -> list[int]:
    now = now or utcnow()
    with store.session() as session:
        rows = session.exec(
            select(RecommendedTrack.id).where(
                RecommendedTrack.verdict == UNCHECKED,
                RecommendedTrack.next_check_at.is_not(None),  # type: ignore[union-attr]
                RecommendedTrack.next_check_at <= now,  # type: ignore[operator]
            )
        ).all()
    return [int(r) for r in rows]


def recheck_unchecked(store: Store, validator: Any, on_verdict: OnVerdict | None = None,
                      now: dt.datetime | None = None) -> list[int]:
    """Validate again every persisted unchecked track that is due; returns their ids."""
    ids = due_unchecked(store, now)
    if ids:
        validator.validate(ids, on_verdict)
    return ids


def make_checker(config: CatalogConfig, store: Store | None, *, use_cache: bool = True) -> CatalogChecker:
    cache = CatalogCache(store) if (store is not None and use_cache) else None
    return CatalogChecker(CatalogClient(config), cache)


def make_validator(store: Store, *, study_catalog: Any = None, settings: Any = None) -> Any:
    """A SpotifyValidator when credentials exist, else an UncheckedValidator."""
    config = resolve_config(study_catalog=study_catalog, settings=settings)
    if config is None:
        return UncheckedValidator(store)
    return SpotifyValidator(store, make_checker(config, store))
