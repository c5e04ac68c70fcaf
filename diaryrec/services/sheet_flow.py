"""What the sheet screens read, Qt-free: the saved versions of a sheet, what
changed between two versions (field by field, and the compiled prompts line by
line), a day's conversations and a conversation as plain data for the chat view."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import select

from diaryrec.validation import standing
from diaryrec.store import Store
from diaryrec.store.models import Conversation, Message, MessageImage, RecommendedTrack, SheetVersion


@dataclass(frozen=True)
class SheetInfo:
    id: int
    sheet_key: str
    kind: str
    version: int
    study_day: int
    content: dict[str, Any]
    compiled_prompt: str
    based_on_id: int | None


def _info(row: SheetVersion) -> SheetInfo:
    return SheetInfo(row.id or 0, row.sheet_key, row.kind, row.version, row.study_day, dict(row.content),
                     row.compiled_prompt, row.based_on_id)


def latest_version(store: Store, *, kind: str | None = None, sheet_key: str | None = None,
                   before_day: int | None = None) -> SheetInfo | None:
    """The newest saved version (of a kind, a key, or saved before a study day)."""
    with store.session() as session:
        query = select(SheetVersion)
        if kind:
            query = query.where(SheetVersion.kind == kind)
        if sheet_key:
            query = query.where(SheetVersion.sheet_key == sheet_key)
        if before_day is not None:
            query = query.where(SheetVersion.study_day < before_day)
        row = session.exec(query.order_by(SheetVersion.id.desc())).first()  # type: ignore[union-attr]
        return _info(row) if row is not None else None


def versions(store: Store, kind: str = "planning") -> list[SheetInfo]:
    with store.session() as session:
        rows = session.exec(select(SheetVersion).where(SheetVersion.kind == kind).order_by(SheetVersion.id)).all()  # type: ignore[arg-type]
        return [_info(r) for r in rows]


def next_recommender_key(store: Store) -> str:
    """The key of a brand-new scenario: recommender-1, -2, …"""
    keys = {v.sheet_key for v in versions(store)}
    n = 1
    while f"recommender-{n}" in keys:
        n += 1
    return f"recommender-{n}"


@dataclass(frozen=True)
class Change:
    field: str  # dotted path, e.g. "presentation.track_count"
    old: Any
    new: Any


def _flat(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, inner in value.items():
            out.update(_flat(inner, f"{prefix}{key}."))
        return out
    return {prefix.rstrip("."): value}


def sheet_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every field whose value differs, in the order of the new sheet."""
    before, after = _flat(old), _flat(new)
    keys = list(after) + [k for k in before if k not in after]
    return [Change(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


def prompt_diff(old: str, new: str) -> list[str]:
    return list(difflib.unified_diff(old.splitlines(), new.splitlines(), "before", "after", lineterm="", n=1))


def day_conversation(store: Store, day: int, purpose: str, task_id: str | None = None) -> int | None:
    """The newest conversation of a day (and task), to reopen it."""
    with store.session() as session:
        query = select(Conversation.id).where(Conversation.study_day == day, Conversation.purpose == purpose)
        if task_id is not None:
            query = query.where(Conversation.task_id == task_id)
        return session.exec(query.order_by(Conversation.id.desc())).first()  # type: ignore[union-attr]


def conversation_sheet(store: Store, conversation_id: int) -> SheetInfo | None:
    with store.session() as session:
        conv = session.get(Conversation, conversation_id)
        if conv is None or conv.sheet_version_id is None:
            return None
        row = session.get(SheetVersion, conv.sheet_version_id)
        return _info(row) if row is not None else None


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
