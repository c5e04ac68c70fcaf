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
    suggested_artist: str = ""  # not found by this artist: who the catalog has the title by
    will_recheck: bool = False  # unchecked because the catalog gave no answer: checked again later
    catalog: str = ""  # the catalog that gave the verdict (a diaryrec.vocabulary.CatalogId), "" before one answered

    @property
    def shown(self) -> bool:
        """On screen: neither hidden by the study's policy nor replaced by another track."""
        return not self.hidden and self.replaced_by_id is None


def track_view(row: RecommendedTrack, replaced_by_id: int | None = None) -> TrackView:
    catalog = row.catalog_track or {}
    elsewhere = row.suggestion or {}
    artists = elsewhere.get("artists") or []
    return TrackView(
        id=row.id or 0, message_id=row.message_id, position=row.position, title=row.title, artist=row.artist,
        album=row.album, year=row.year, reason=row.reason, keywords=list(row.keywords), verdict=row.verdict,
        hidden=row.hidden, replaces_id=row.replaces_id, replaced_by_id=replaced_by_id,
        url=str(catalog.get("url") or ""), image_url=str(catalog.get("image_url") or ""),
        suggested_artist=", ".join(str(a) for a in artists) if isinstance(artists, list) else str(artists),
        will_recheck=row.next_check_at is not None, catalog=row.catalog or "",
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
    not_shown: list[TrackView] = field(default_factory=list)  # replaced or hidden: the LLM's suggestions all the same


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
            replaced_by = {t.replaces_id: t.id for t in tracks if t.replaces_id is not None}
            images = session.exec(select(MessageImage.file_name).where(MessageImage.message_id == m.id)).all()
            views = [track_view(t, replaced_by.get(t.id)) for t in tracks]
            messages.append(MessageView(m.id or 0, m.role, m.text, m.status, m.error_kind, m.follow_up, list(images),
                                        [v for v in views if v.id in shown], [v for v in views if v.id not in shown]))
        return ConversationView(conv.id or 0, conv.purpose, conv.study_day, conv.sandbox, conv.started_at, messages)


def screen_text(text: str, *, broken: bool = False) -> str:
    """What of a reply may reach the screen: its ``message`` text. A reply that broke
    the contract or was cut off (``broken``: raw JSON, a half object, prose around a
    code fence) shows only its readable words, never the JSON; other text shows as it
    is unless it carries a JSON object or a code fence."""
    from diaryrec.llm.contract import MessageStream  # the contract's own partial-JSON reader

    text = (text or "").strip()
    if not broken and '{"' not in text and "```" not in text and not text.startswith("{"):
        return text
    brace = text.find("{")
    if brace < 0:
        return text.replace("```json", "").replace("```", "").strip()
    reader = MessageStream()
    reader.feed(text[brace:])
    if reader.text:
        return reader.text.strip()
    return text[:brace].replace("```json", "").replace("```", "").strip()


def last_user_message(store: Store, conversation_id: int) -> int | None:
    with store.session() as session:
        return session.exec(
            select(Message.id).where(Message.conversation_id == conversation_id, Message.role == "user")
            .order_by(Message.seq.desc())  # type: ignore[union-attr]
        ).first()
