"""Checking suggested tracks against the catalogs: the checker the CLI uses, and the
``TrackValidator`` a recommendation turn uses, which writes every verdict into its
``recommended_track`` row as soon as that track is decided.

A checker asks one catalog (a ``CatalogProvider``): a whole reply in one combined
request where the catalog allows it (MusicBrainz), then each suggestion's own
searches for what is still open, concurrently as far as the catalog allows (one
search round for a Spotify reply whose tracks all exist). Searches are cached in the
study database, misses too, under keys that name the catalog. The validator asks the
study's catalogs in order: a track verified by any of them is verified, and the
verdict records which one answered.
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
from diaryrec.catalog.client import CredentialsRejectedError
from diaryrec.catalog.match import UNCHECKED, Verdict, match
from diaryrec.catalog.normalize import fold
from diaryrec.catalog.provider import CatalogProvider, CatalogTrack, CatalogUnavailable, Query, Suggestion
from diaryrec.validation import OnVerdict
from diaryrec.store import Store
from diaryrec.store.models import RecommendedTrack
from diaryrec.store.types import utcnow
from diaryrec.vocabulary import Verdict as VerdictCode

log = logging.getLogger(__name__)

#: when to try an unchecked track again if the catalog gave no Retry-After
DEFAULT_RECHECK_AFTER = dt.timedelta(minutes=10)
#: search results kept per query (Spotify caps search at 10 since February 2026)
SEARCH_LIMIT = 10

CacheEntry = tuple[str, str, dict[str, Any], bool]


class CatalogChecker:
    """Suggestion in, verdict out, for one catalog: search (through the cache),
    match, decide."""

    def __init__(self, provider: CatalogProvider, cache: CatalogCache | None = None, *, concurrency: int | None = None):
        self.provider = provider
        self.cache = cache
        self.concurrency = max(1, concurrency or provider.concurrency)
        # during check_many the cache is written once at the end: one fsync, not one per search
        self._deferred: list[CacheEntry] | None = None
        self._lock = threading.Lock()
        #: set when the catalog cannot be reached (or asked us to wait) during a check_many:
        #: the other searches of that reply are not sent, their tracks are unchecked at once
        self._down: CatalogUnavailable | None = None

    @property
    def catalog(self) -> str:
        return self.provider.id

    def _key(self, kind: str, *parts: Any) -> str:
        return cache_key(kind, self.provider.id, self.provider.cache_scope, *parts)

    def _cached(self, key: str, *, allow_stale: bool = False) -> list[CatalogTrack] | None:
        if self.cache is None:
            return None
        entry = self.cache.get(key, allow_stale=allow_stale)
        if entry is None:
            return None
        return [CatalogTrack.from_dict(item, catalog=self.provider.id) for item in entry.get("items") or []]

    def _remember(self, key: str, query: str, tracks: list[CatalogTrack]) -> None:
        if self.cache is None:
            return
        entry = (key, self.provider.cache_scope, {"q": query, "catalog": self.provider.id,
                                                   "items": [t.to_dict() for t in tracks]}, bool(tracks))
        with self._lock:
            deferred = self._deferred
            if deferred is not None:
                deferred.append(entry)
        if deferred is None:
            self.cache.put_many([entry])

    def _search(self, query: Query) -> list[CatalogTrack]:
        key = self._key("search", query.text, SEARCH_LIMIT)
        cached = self._cached(key)
        if cached is not None:
            return cached
        try:
            if self._down is not None:
                raise self._down
            tracks = self.provider.search(query)
        except CatalogUnavailable as exc:
            self._note_down(exc)
            stale = self._cached(key, allow_stale=True)
            if stale is not None:  # offline: yesterday's answer beats no answer
                return stale
            raise
        self._remember(key, query.text, tracks)
        return tracks

    def _note_down(self, exc: CatalogUnavailable) -> None:
        """A catalog that failed one search of a reply (unreachable, too slow, asking us
        to wait, or answering errors) is not asked the rest: those tracks wait for later."""
        with self._lock:
            if self._deferred is not None:  # within a check_many
                self._down = self._down or exc

    def _batch_key(self, s: Suggestion) -> str:
        return self._key("batch", fold(s.title), fold(s.artist))

    def _batch(self, suggestions: Sequence[Suggestion]) -> dict[int, list[CatalogTrack]]:
        """Candidates from the catalog's combined requests, cached per suggestion; {}
        for a catalog that has none, or when the catalog does not answer."""
        if not self.provider.batches or not suggestions:
            return {}
        known: dict[int, list[CatalogTrack]] = {}
        missing: list[int] = []
        for i, s in enumerate(suggestions):
            cached = self._cached(self._batch_key(s))
            if cached is not None:
                known[i] = cached
            else:
                missing.append(i)
        if missing:
            try:
                answer = self.provider.search_batch([suggestions[i] for i in missing])
            except CatalogUnavailable as exc:
                log.info("%s: combined request failed (%s)", self.provider.name, exc.reason)
                self._note_down(exc)
                return known
            for j, i in enumerate(missing):
                s = suggestions[i]
                # a suggestion the combined requests left open is remembered as such: checked
                # again, it goes straight to its own (cached) queries
                known[i] = answer.candidates.get(j, [])
                self._remember(self._batch_key(s), f"{s.title} / {s.artist}", known[i])
            for text, tracks in answer.searched.items():
                self._remember(self._key("search", text, SEARCH_LIMIT), text, tracks)
        return known

    def check(self, suggestion: Suggestion, known: Sequence[CatalogTrack] = ()) -> Verdict:
        """The verdict; ``unchecked`` when the catalog gave no answer. Raises
        CredentialsRejectedError: no track can be checked with bad credentials."""
        try:
            return match(suggestion, self._search, self.provider.queries(suggestion), catalog=self.provider.id, known=known)
        except CatalogUnavailable as exc:
            return Verdict(UNCHECKED, None, None, None, [], exc.reason, retry_after=exc.retry_after, catalog=self.provider.id)

    def check_many(
        self, suggestions: Sequence[Suggestion], on_result: Callable[[int, Verdict], None] | None = None
    ) -> list[Verdict]:
        """Check concurrently; ``on_result(index, verdict)`` runs on the calling thread
        as each one is decided. Results come back in input order."""
        results: list[Verdict | None] = [None] * len(suggestions)
        if not suggestions:
            return []
        with self._lock:
            owner = self._deferred is None  # a nested or concurrent call leaves the flush to the first
            if owner:
                self._deferred = []
                self._down = None
        try:
            known = self._batch(suggestions)
            workers = min(self.concurrency, len(suggestions))
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="catalog-check") as pool:
                futures = {pool.submit(self.check, s, known.get(i, ())): i for i, s in enumerate(suggestions)}
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
                    entries, self._deferred, self._down = self._deferred or [], None, None
                if self.cache is not None:
                    self.cache.put_many(entries)
        return [r for r in results if r is not None]

    def close(self) -> None:
        self.provider.close()


#: how much a verdict says, for choosing among the catalogs' answers: the first
#: catalog's answer stands unless a later one says more
_RANK = {VerdictCode.VERIFIED: 3, VerdictCode.UNCERTAIN: 2, VerdictCode.NOT_FOUND: 1, UNCHECKED: 0}


def better(current: Verdict | None, other: Verdict) -> Verdict:
    if current is None or _RANK.get(other.verdict, 0) > _RANK.get(current.verdict, 0):
        return other
    return current


class CatalogChain:
    """The study's catalogs, asked in order: what one leaves unverified the next is
    asked about; a track verified by any of them is verified."""

    def __init__(self, checkers: Sequence[CatalogChecker], *, stop_on_rejected: bool = False):
        if not checkers:
            raise ValueError("a catalog chain needs at least one catalog")
        self.checkers = list(checkers)
        #: the CLI stops on rejected credentials (no line would be checked); a turn goes on
        self.stop_on_rejected = stop_on_rejected

    @property
    def catalogs(self) -> list[str]:
        return [c.catalog for c in self.checkers]

    def check_many(
        self, suggestions: Sequence[Suggestion], on_result: Callable[[int, Verdict], None] | None = None
    ) -> list[Verdict]:
        """Like ``CatalogChecker.check_many``; ``on_result`` runs once per suggestion,
        with its final verdict. Rejected credentials of one catalog move its tracks on
        to the next; with none left they are unchecked, with the reason."""
        best: dict[int, Verdict] = {}
        open_ = list(range(len(suggestions)))
        for n, checker in enumerate(self.checkers):
            last = n == len(self.checkers) - 1
            order = list(open_)

            def decided(j: int, verdict: Verdict, *, order: list[int] = order, last: bool = last) -> None:
                i = order[j]
                best[i] = better(best.get(i), verdict)
                if (last or verdict.verdict == VerdictCode.VERIFIED) and on_result is not None:
                    on_result(i, best[i])

            try:
                checker.check_many([suggestions[i] for i in order], on_result=decided)
            except CredentialsRejectedError as exc:
                if self.stop_on_rejected:
                    raise
                log.warning("%s rejected its credentials", checker.provider.name)
                for i in order:
                    if i not in best or best[i].verdict != VerdictCode.VERIFIED:
                        best[i] = better(best.get(i), Verdict(UNCHECKED, reason=exc.message, catalog=checker.catalog))
                        if last and on_result is not None:
                            on_result(i, best[i])
            open_ = [i for i in order if best[i].verdict != VerdictCode.VERIFIED]
            if not open_:
                break
        return [best[i] for i in range(len(suggestions))]

    def close(self) -> None:
        for checker in self.checkers:
            checker.close()


def write_verdict(row: RecommendedTrack, verdict: Verdict, now: dt.datetime) -> None:
    row.verdict = verdict.verdict
    row.catalog = verdict.catalog or None
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


class CatalogValidator:
    """The ``TrackValidator`` backed by the study's catalogs."""

    def __init__(self, store: Store, checker: CatalogChecker | CatalogChain):
        self.store = store
        self.chain = checker if isinstance(checker, CatalogChain) else CatalogChain([checker])

    @property
    def catalogs(self) -> list[str]:
        return self.chain.catalogs

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

        self.chain.check_many([plain[i] for i in order], on_result=record)

    def recheck_unchecked(self, store: Store | None = None, on_verdict: OnVerdict | None = None,
                          now: dt.datetime | None = None) -> list[int]:
        """Check again the unchecked tracks whose ``next_check_at`` has passed."""
        return recheck_unchecked(store or self.store, self, on_verdict=on_verdict, now=now)

    def close(self) -> None:
        self.chain.close()


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


def make_checker(provider: CatalogProvider, store: Store | None, *, use_cache: bool = True,
                 concurrency: int | None = None) -> CatalogChecker:
    cache = CatalogCache(store) if (store is not None and use_cache) else None
    return CatalogChecker(provider, cache, concurrency=concurrency)


def make_validator(store: Store, *, study_catalog: Any = None, settings: Any = None, contact: str = "") -> Any:
    """A ``CatalogValidator`` over the study's catalogs (``providers.plan``)."""
    from diaryrec.catalog.providers import choose

    _plan, providers = choose(study_catalog=study_catalog, settings=settings, contact=contact)
    return CatalogValidator(store, CatalogChain([make_checker(p, store) for p in providers]))
