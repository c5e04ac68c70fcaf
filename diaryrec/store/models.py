"""The study's data: one SQLModel table per thing a researcher will analyse.

Every change to these classes needs an Alembic migration in
``diaryrec/store/migrations/versions`` (``make migration m="what changed"``);
``tests/unit/store/test_migrations.py`` fails when models and migrations differ.
Secrets never go here: they live in the OS keyring (``diaryrec.secrets``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from sqlalchemy import JSON, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from diaryrec.store.types import UtcDateTime, utcnow
from diaryrec.vocabulary import Verdict


def _when(nullable: bool = False, default: bool = True) -> Any:
    if default:
        return Field(default_factory=utcnow, sa_type=UtcDateTime, nullable=nullable)
    return Field(default=None, sa_type=UtcDateTime, nullable=nullable)


def _json(default: Any) -> Any:
    return Field(default_factory=lambda: type(default)(default), sa_column=Column(JSON, nullable=False))


def _text(nullable: bool = False) -> Any:
    return Field(default=None if nullable else "", sa_column=Column(Text, nullable=nullable))


class Enrolment(SQLModel, table=True):
    """The study this participant joined (one row; the study file is kept whole)."""

    __tablename__ = "enrolment"
    id: Optional[int] = Field(default=None, primary_key=True)
    study_id: str = Field(index=True)
    study_name: str
    protocol_version: str
    study_sha256: str
    study_text: str = _text()
    participant_code: str
    enrolled_on: dt.date
    time_zone: str
    sandbox: bool = False
    consented_at: dt.datetime = _when()
    joined_at: dt.datetime = _when()


class IceBreakingAnswer(SQLModel, table=True):
    """The (+) and (−) of one ice-breaking task."""

    __tablename__ = "ice_breaking_answer"
    id: Optional[int] = Field(default=None, primary_key=True)
    task_id: str = Field(unique=True)
    pros: str = _text()
    cons: str = _text()
    conversation_id: Optional[int] = Field(default=None, foreign_key="conversation.id")
    updated_at: dt.datetime = _when()
    completed_at: Optional[dt.datetime] = _when(nullable=True, default=False)


class IdeationItem(SQLModel, table=True):
    """One idea from the ice-breaking ideation box of a stage."""

    __tablename__ = "ideation_item"
    id: Optional[int] = Field(default=None, primary_key=True)
    stage: int = Field(ge=1, le=3)
    position: int = 0
    text: str = _text()
    created_at: dt.datetime = _when()


class SheetVersion(SQLModel, table=True):
    """One saved version of a sheet (a day's composition or a planning sheet),
    with the system prompt it compiled to. Versions are never overwritten."""

    __tablename__ = "sheet_version"
    __table_args__ = (UniqueConstraint("sheet_key", "version"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    sheet_key: str = Field(index=True)  # e.g. "day-3" or "recommender-1"
    kind: str  # "daily" | "planning"
    version: int
    study_day: int
    content: dict[str, Any] = _json({})
    compiled_prompt: str = _text()
    template: str = ""
    sheet_sha256: str = ""
    based_on_id: Optional[int] = Field(default=None, foreign_key="sheet_version.id")
    created_at: dt.datetime = _when()


class Conversation(SQLModel, table=True):
    __tablename__ = "conversation"
    id: Optional[int] = Field(default=None, primary_key=True)
    study_day: int = Field(index=True)
    purpose: str  # "ice_breaking" | "daily" | "own_recommender"
    task_id: Optional[str] = None
    sheet_version_id: Optional[int] = Field(default=None, foreign_key="sheet_version.id")
    provider: str = ""
    model: str = ""
    sandbox: bool = False
    started_at: dt.datetime = _when()


class Message(SQLModel, table=True):
    """One turn of a conversation. A reply that could not be parsed keeps its raw
    text (status "raw"); one that failed keeps what arrived (status "error")."""

    __tablename__ = "message"
    __table_args__ = (UniqueConstraint("conversation_id", "seq"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    conversation_id: int = Field(foreign_key="conversation.id", index=True)
    seq: int
    role: str  # "system" | "user" | "assistant"
    text: str = _text()
    raw_text: Optional[str] = _text(nullable=True)
    follow_up: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON, nullable=True))
    status: str = "complete"  # "complete" | "raw" | "error"
    error_kind: Optional[str] = None
    provider: str = ""
    model: str = ""
    created_at: dt.datetime = _when()
    request_started_at: Optional[dt.datetime] = _when(nullable=True, default=False)
    first_token_ms: Optional[float] = None
    duration_ms: Optional[float] = None
    prompt_tokens: Optional[int] = None
    completion_tokens: Optional[int] = None


class MessageImage(SQLModel, table=True):
    """An image the participant attached (already stripped of metadata)."""

    __tablename__ = "message_image"
    id: Optional[int] = Field(default=None, primary_key=True)
    message_id: int = Field(foreign_key="message.id", index=True)
    file_name: str
    sha256: str
    mime: str
    width: int
    height: int
    size_bytes: int


class RecommendedTrack(SQLModel, table=True):
    """A track as the LLM suggested it, and what the catalog said about it."""

    __tablename__ = "recommended_track"
    id: Optional[int] = Field(default=None, primary_key=True)
    message_id: int = Field(foreign_key="message.id", index=True)
    position: int
    title: str
    artist: str
    album: Optional[str] = None
    year: Optional[int] = None
    reason: str = _text()
    keywords: list[str] = _json([])
    verdict: str = Field(default=Verdict.PENDING.value, index=True)  # a diaryrec.vocabulary.Verdict
    verdict_reason: Optional[str] = None
    #: the catalog that gave the verdict (a diaryrec.vocabulary.CatalogId); None before one answered
    catalog: Optional[str] = None
    score: Optional[float] = None
    catalog_track: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON, nullable=True))
    suggestion: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON, nullable=True))
    discrepancies: list[dict[str, Any]] = _json([])
    checked_at: Optional[dt.datetime] = _when(nullable=True, default=False)
    next_check_at: Optional[dt.datetime] = _when(nullable=True, default=False)
    replaces_id: Optional[int] = Field(default=None, foreign_key="recommended_track.id")
    hidden: bool = False


class Feedback(SQLModel, table=True):
    """Feedback the participant gave, per track or per turn."""

    __tablename__ = "feedback"
    id: Optional[int] = Field(default=None, primary_key=True)
    conversation_id: int = Field(foreign_key="conversation.id", index=True)
    message_id: Optional[int] = Field(default=None, foreign_key="message.id")
    track_id: Optional[int] = Field(default=None, foreign_key="recommended_track.id")
    kind: str  # rating | multiple_choice | free_text | tournament | own
    rating: Optional[int] = Field(default=None, ge=1, le=5)
    choices: list[str] = _json([])
    text: str = _text()
    sent_as_message_id: Optional[int] = Field(default=None, foreign_key="message.id")
    created_at: dt.datetime = _when()


class DiaryEntry(SQLModel, table=True):
    """The diary of one study day: a draft until saved; late when saved after the day."""

    __tablename__ = "diary_entry"
    id: Optional[int] = Field(default=None, primary_key=True)
    study_day: int = Field(unique=True)
    answers: dict[str, str] = _json({})
    status: str = "draft"  # draft | saved
    revision: int = 0
    drafted_at: dt.datetime = _when()
    saved_at: Optional[dt.datetime] = _when(nullable=True, default=False)
    late: bool = False


class DiaryScreenshot(SQLModel, table=True):
    __tablename__ = "diary_screenshot"
    id: Optional[int] = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="diary_entry.id", index=True)
    position: int = 0
    file_name: str
    sha256: str
    automatic: bool = True
    created_at: dt.datetime = _when()


class Interview(SQLModel, table=True):
    """An interview with the researcher (outside the app) and its notes, if given."""

    __tablename__ = "interview"
    id: Optional[int] = Field(default=None, primary_key=True)
    week: int
    happened_at: dt.datetime = _when()
    notes: str = _text()


class Event(SQLModel, table=True):
    """The append-only event log (a trigger refuses updates and deletes)."""

    __tablename__ = "event"
    id: Optional[int] = Field(default=None, primary_key=True)
    at: dt.datetime = _when()
    kind: str = Field(index=True)  # app_started, reminder_shown, entry_opened, entry_saved, export_made, …
    detail: dict[str, Any] = _json({})


class CatalogCacheEntry(SQLModel, table=True):
    """A catalog answer (hit or miss) kept so that re-checking works offline."""

    __tablename__ = "catalog_cache"
    key: str = Field(primary_key=True)
    market: str
    payload: dict[str, Any] = _json({})
    fetched_at: dt.datetime = _when()
    expires_at: dt.datetime = Field(sa_type=UtcDateTime)


ALL_TABLES = [
    Enrolment,
    IceBreakingAnswer,
    IdeationItem,
    SheetVersion,
    Conversation,
    Message,
    MessageImage,
    RecommendedTrack,
    Feedback,
    DiaryEntry,
    DiaryScreenshot,
    Interview,
    Event,
    CatalogCacheEntry,
]
