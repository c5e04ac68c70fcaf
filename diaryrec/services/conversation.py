"""What the chat reads, Qt-free: a conversation with its messages and the tracks
each reply recommended (as plain data), one track, and which conversation of a day
to reopen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import select

from diaryrec.store import Store
from diaryrec.store.models import Conversation, Message, MessageImage, RecommendedTrack
from diaryrec.validation import standing

def day_conversation(store: Store, day: int, purpose: str, task_id: str | None = None) -> int | None:
    """The newest conversation of a day (and task), to reopen it."""
    with store.session() as session:
        query = select(Conversation.id).where(Conversation.study_day == day, Conversation.purpose == purpose)
        if task_id is not None:
            query = query.where(Conversation.task_id == task_id)
        return session.exec(query.order_by(Conversation.id.desc())).first()  # type: ignore[union-attr]


@dataclass(frozen=True)
class TrackView:
    """A recommended track as plain data: what a card shows and what a turn returns."""

    id: int
    message_id: int
    title: str
    artist: str
    album: str | None
    year: int | None
    reason: str
    keywords: list[str]
    verdict: str
    position: int = 0
    hidden: bool = False
    replaces_id: int | None = None
    replaced_by_id: int | None = None
    url: str = ""
    image_url: str = ""


def track_view(row: RecommendedTrack, replaced_by_id: int | None = None) -> TrackView:
    catalog = row.catalog_track or {}
    return TrackView(
        id=row.id or 0, message_id=row.message_id, position=row.position, title=row.title, artist=row.artist,
        album=row.album, year=row.year, reason=row.reason, keywords=list(row.keywords), verdict=row.verdict,
        hidden=row.hidden, replaces_id=row.replaces_id, replaced_by_id=replaced_by_id,
        url=str(catalog.get("url") or ""), image_url=str(catalog.get("image_url") or ""),
    )


def read_track(store: Store, track_id: int) -> TrackView | None:
    with store.session() as session:
        row = session.get(RecommendedTrack, track_id)
        return track_view(row) if row is not None else None


@dataclass(frozen=True)
class MessageView:
    id: int
    role: str
    text: str
    status: str
    error_kind: str | None
    follow_up: dict[str, Any] | None
    images: list[str] = field(default_factory=list)
    tracks: list[TrackView] = field(default_factory=list)


@dataclass(frozen=True)
class ConversationView:
    id: int
    purpose: str
    study_day: int
    sandbox: bool
    started_at: dt.datetime
    messages: list[MessageView]


def read_conversation(store: Store, conversation_id: int) -> ConversationView:
    with store.session() as session:
        conv = session.get(Conversation, conversation_id)
        if conv is None:
            raise ValueError(f"no conversation {conversation_id}")
        rows = session.exec(
            select(Message).where(Message.conversation_id == conversation_id, Message.role != "system").order_by(Message.seq)  # type: ignore[arg-type]
        ).all()
        messages = []
        for m in rows:
            tracks = session.exec(select(RecommendedTrack).where(RecommendedTrack.message_id == m.id)
                                  .order_by(RecommendedTrack.position, RecommendedTrack.id)).all()  # type: ignore[arg-type]
            shown = {t.id for t in standing(tracks)}
            images = session.exec(select(MessageImage.file_name).where(MessageImage.message_id == m.id)).all()
            messages.append(MessageView(m.id or 0, m.role, m.text, m.status, m.error_kind, m.follow_up, list(images),
                                        [track_view(t) for t in tracks if t.id in shown]))
        return ConversationView(conv.id or 0, conv.purpose, conv.study_day, conv.sandbox, conv.started_at, messages)


def last_user_message(store: Store, conversation_id: int) -> int | None:
    with store.session() as session:
        return session.exec(
            select(Message.id).where(Message.conversation_id == conversation_id, Message.role == "user")
            .order_by(Message.seq.desc())  # type: ignore[union-attr]
        ).first()
