"""A past study day's record, as plain data for the read-only day screen: its
conversations (messages and the tracks recommended) and its diary entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import select

from diaryrec.services.diary import DiaryState, latest_draft
from diaryrec.store import Store
from diaryrec.store.models import Conversation, Message, RecommendedTrack


@dataclass(frozen=True)
class TrackRecord:
    title: str
    artist: str
    album: str | None
    year: int | None
    verdict: str
    reason: str
    catalog: str = ""  # the catalog that gave the verdict (a diaryrec.vocabulary.CatalogId)


@dataclass(frozen=True)
class MessageRecord:
    role: str
    text: str
    created_at: dt.datetime
    status: str
    tracks: list[TrackRecord] = field(default_factory=list)


@dataclass(frozen=True)
class ConversationRecord:
    id: int
    purpose: str
    task_id: str | None
    started_at: dt.datetime
    sandbox: bool
    messages: list[MessageRecord]


@dataclass(frozen=True)
class DayRecord:
    day: int
    conversations: list[ConversationRecord]
    diary: DiaryState


def day_record(store: Store, day: int) -> DayRecord:
    with store.session() as session:
        conversations = session.exec(
            select(Conversation).where(Conversation.study_day == day).order_by(Conversation.started_at, Conversation.id)  # type: ignore[arg-type]
        ).all()
        out: list[ConversationRecord] = []
        for conv in conversations:
            messages = session.exec(
                select(Message).where(Message.conversation_id == conv.id, Message.role != "system").order_by(Message.seq)  # type: ignore[arg-type]
            ).all()
            ids = [m.id for m in messages]
            tracks = session.exec(
                select(RecommendedTrack)
                .where(RecommendedTrack.message_id.in_(ids), RecommendedTrack.hidden == False)  # type: ignore[union-attr]  # noqa: E712
                .order_by(RecommendedTrack.position)  # type: ignore[arg-type]
            ).all() if ids else []
            by_message: dict[int, list[TrackRecord]] = {}
            for t in tracks:
                by_message.setdefault(t.message_id, []).append(
                    TrackRecord(title=t.title, artist=t.artist, album=t.album, year=t.year, verdict=t.verdict, reason=t.reason,
                                catalog=t.catalog or "")
                )
            out.append(
                ConversationRecord(
                    id=conv.id or 0, purpose=conv.purpose, task_id=conv.task_id, started_at=conv.started_at, sandbox=conv.sandbox,
                    messages=[
                        MessageRecord(role=m.role, text=m.text, created_at=m.created_at, status=m.status, tracks=by_message.get(m.id or 0, []))
                        for m in messages
                    ],
                )
            )
    return DayRecord(day=day, conversations=out, diary=latest_draft(store, day))
