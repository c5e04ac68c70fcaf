"""The seam between a recommendation turn and the catalog check.

A turn stores the tracks an LLM suggested (verdict "pending") and hands their ids to
a ``TrackValidator``, which writes each verdict into the ``recommended_track`` row
and calls ``on_verdict(track_id)`` as soon as that track is decided, so a screen can
fill in its card. ``diaryrec.catalog`` provides the Spotify validator; the
``UncheckedValidator`` below is what runs when no catalog is configured.

It sits below both ``diaryrec.catalog`` (which implements the protocol) and
``diaryrec.services`` (which calls it), above ``diaryrec.store`` only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from sqlmodel import select

from diaryrec.store import Store
from diaryrec.store.models import RecommendedTrack
from diaryrec.store.types import utcnow
from diaryrec.vocabulary import Verdict

OnVerdict = Callable[[int], None]

VERDICTS = tuple(Verdict)


class _TrackLike(Protocol):
    id: int | None
    hidden: bool
    replaces_id: int | None


def standing(tracks: Sequence[_TrackLike]) -> list[_TrackLike]:
    """The tracks a participant is shown (and the LLM is reminded of): neither hidden
    by the study's ``unknown_tracks`` policy nor replaced by another track. Works on
    stored rows and on the plain results built from them alike."""
    replaced = {t.replaces_id for t in tracks if t.replaces_id is not None}
    return [t for t in tracks if not t.hidden and t.id not in replaced]


class TrackValidator(Protocol):
    def validate(self, track_ids: Sequence[int], on_verdict: OnVerdict | None = None) -> None:
        """Decide the verdict of every stored track in ``track_ids``; never raise for
        a catalog failure (such tracks become "unchecked" with a reason)."""


class UncheckedValidator:
    """Marks every track "unchecked" with a reason: no catalog is configured."""

    def __init__(self, store: Store, reason: str = "no catalog is configured"):
        self.store = store
        self.reason = reason

    def validate(self, track_ids: Sequence[int], on_verdict: OnVerdict | None = None) -> None:
        decide_each(self.store, track_ids, lambda _row: (Verdict.UNCHECKED, self.reason), on_verdict)


def decide_each(
    store: Store,
    track_ids: Sequence[int],
    decide: Callable[[RecommendedTrack], tuple[str, str | None]],
    on_verdict: OnVerdict | None = None,
) -> None:
    """Write ``decide(row)`` (verdict, reason) into every track of ``track_ids`` in one
    transaction, then report each id: for validators that need no catalog round trip."""
    with store.session() as session:
        rows = session.exec(select(RecommendedTrack).where(RecommendedTrack.id.in_(list(track_ids)))).all()  # type: ignore[union-attr]
        for row in rows:
            row.verdict, row.verdict_reason = decide(row)
            row.checked_at = utcnow()
            session.add(row)
        session.commit()
    if on_verdict is not None:
        for track_id in track_ids:
            on_verdict(track_id)
