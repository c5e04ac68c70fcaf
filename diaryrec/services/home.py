"""What the home screen shows beyond the timeline: the current recommender's name
and a past day's record (conversations, tracks, diary entry), as plain data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import select

from diaryrec.services.diary import DiaryState, latest_draft
from diaryrec.services.study import ActiveStudy, Timeline, timeline
from diaryrec.store import Store
from diaryrec.store.models import Conversation, Message, RecommendedTrack, SheetVersion


def current_recommender(store: Store) -> str | None:
    """The name on the newest planning sheet version, or None before week 2."""
    with store.session() as session:
        newest = session.exec(
            select(SheetVersion).where(SheetVersion.kind == "planning").order_by(SheetVersion.created_at.desc(), SheetVersion.id.desc())  # type: ignore[union-attr]
        ).first()
    if newest is None:
        return None
    name = newest.content.get("name") if isinstance(newest.content, dict) else None
    return str(name).strip() or None if name else None


@dataclass(frozen=True)
class TrackRecord:
    title: str
    artist: str
    album: str | None
    year: int | None
    verdict: str
    reason: str


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
                    TrackRecord(title=t.title, artist=t.artist, album=t.album, year=t.year, verdict=t.verdict, reason=t.reason)
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


@dataclass(frozen=True)
class HomeSummary:
    """Everything the home screen shows, read in one go off the GUI thread."""

    timeline: Timeline
    recommender: str | None
    today_diary: DiaryState | None  # None outside the study
    day_now: int  # study-day number of "now" (< 1 before the study, > total after)


def home_summary(store: Store, active: ActiveStudy, now: dt.datetime) -> HomeSummary:
    line = timeline(store, active, now)
    today = line.today
    return HomeSummary(
        timeline=line,
        recommender=current_recommender(store),
        today_diary=latest_draft(store, today) if today is not None else None,
        day_now=active.day_number(now),
    )
