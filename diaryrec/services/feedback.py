"""Feedback a participant gives on a reply (stage 3 of their recommender): stored
as structured ``feedback`` rows, and turned into the text of their next turn so the
recommender can refine its analysis.

Kinds: ``diaryrec.vocabulary.FeedbackKind``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import select

from diaryrec.sheets.prompt_words import FEEDBACK_TURN
from diaryrec.store import Store
from diaryrec.store.models import Feedback, RecommendedTrack
from diaryrec.vocabulary import FeedbackKind, Language

KINDS = tuple(FeedbackKind)


@dataclass(frozen=True)
class FeedbackItem:
    kind: str
    track_id: int | None = None
    rating: int | None = None
    choices: Sequence[str] = ()
    text: str = ""
    ranking: Sequence[int] = field(default_factory=tuple)  # tournament: track ids, winner first

    def check(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"feedback kind must be one of {KINDS}, not {self.kind!r}")
        if self.kind == FeedbackKind.RATING and (self.rating is None or not 1 <= self.rating <= 5 or self.track_id is None):
            raise ValueError("a rating is a number from 1 to 5 for one track")
        if self.kind == FeedbackKind.MULTIPLE_CHOICE and not self.choices:
            raise ValueError("multiple-choice feedback needs at least one chosen option")
        if self.kind == FeedbackKind.TOURNAMENT and len(self.ranking) < 2:
            raise ValueError("a tournament ranks at least two tracks")
        if self.kind in (FeedbackKind.FREE_TEXT, FeedbackKind.OWN) and not self.text.strip():
            raise ValueError("write something for free-text feedback")


def store_feedback(store: Store, conversation_id: int, message_id: int | None, items: Sequence[FeedbackItem]) -> list[int]:
    for item in items:
        item.check()
    with store.session() as session:
        rows = []
        for item in items:
            track_id = item.ranking[0] if item.kind == FeedbackKind.TOURNAMENT else item.track_id
            choices = [str(t) for t in item.ranking] if item.kind == FeedbackKind.TOURNAMENT else list(item.choices)
            rows.append(Feedback(conversation_id=conversation_id, message_id=message_id, track_id=track_id,
                                 kind=item.kind, rating=item.rating, choices=choices, text=item.text.strip()))
        session.add_all(rows)
        session.commit()
        return [row.id for row in rows if row.id is not None]


def mark_sent(store: Store, feedback_ids: Sequence[int], message_id: int) -> None:
    with store.session() as session:
        for row in session.exec(select(Feedback).where(Feedback.id.in_(list(feedback_ids)))).all():  # type: ignore[union-attr]
            row.sent_as_message_id = message_id
            session.add(row)
        session.commit()


def feedback_text(store: Store, items: Sequence[FeedbackItem], language: str = "en") -> str:
    """The participant's next turn, written out of their feedback: words for the
    recommender, so in the conversation's language (``sheets.prompt_words``)."""
    words = FEEDBACK_TURN.get(language) or FEEDBACK_TURN[Language.EN]  # type: ignore[call-overload]
    ids = {i.track_id for i in items if i.track_id is not None} | {t for i in items for t in i.ranking}
    with store.session() as session:
        rows = session.exec(select(RecommendedTrack).where(RecommendedTrack.id.in_(list(ids)))).all() if ids else []  # type: ignore[union-attr]
        names = {row.id: words["track"].format(title=row.title, artist=row.artist) for row in rows}
    lines = []
    for item in items:
        item.check()
        track = names.get(item.track_id) if item.track_id is not None else None
        if item.kind == FeedbackKind.RATING:
            lines.append(words["rated"].format(track=track or "?", rating=item.rating))
        elif item.kind == FeedbackKind.MULTIPLE_CHOICE:
            choices = ", ".join(item.choices)
            lines.append(words["choice_track"].format(track=track, choices=choices) if track else words["choice"].format(choices=choices))
        elif item.kind == FeedbackKind.TOURNAMENT:
            ranking = ", ".join(f"{n}. {names.get(t, '?')}" for n, t in enumerate(item.ranking, 1))
            lines.append(words["ranked"].format(ranking=ranking))
        elif item.kind == FeedbackKind.FREE_TEXT and track:
            lines.append(words["free_track"].format(track=track, text=item.text.strip()))
        else:
            lines.append(words["own_words"].format(text=item.text.strip()))
        if item.text.strip() and item.kind in (FeedbackKind.RATING, FeedbackKind.MULTIPLE_CHOICE, FeedbackKind.TOURNAMENT):
            lines.append(item.text.strip())
    return "\n".join(lines)
