"""Shared by the transcript and REFI-QDA tests: a synthetic participant whose first
conversation also holds what the synthetic study has not: a photo with a Korean file
name, text that must be escaped (and a character XML cannot hold), a multiple-choice
and a free-text feedback, a failed reply, a track hidden by the study's policy, and a
verdict whose catalog says its name."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image
from sqlmodel import select

from diaryrec.paths import DataLayout
from diaryrec.store import models as m
from diaryrec.store import open_store
from diaryrec.vocabulary import CatalogId, FeedbackKind, Verdict
from tests.integration.research.research_helpers import export, participant

PHOTO_NAME = "비오는-창가.jpg"
TRICKY_TEXT = "창밖을 봐 <script>alert('x')</script> & \"따옴표\"\x07 끝"
FREE_TEXT = "가사가 너무 슬퍼요"
ERROR_KIND = "timeout"
OTHER_CATALOG = "MusicBrainz"  # the name of the catalog id stored on the row
FULL_PROVIDER = "https://user:sk-secret-123456@llm.example.org:8443/v1?key=abc"


def photo_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (48, 32), (30, 90, 200)).save(out, format="JPEG")
    return out.getvalue()


def enrich(layout: DataLayout) -> None:
    """Add the rows above to the participant's first conversation."""
    data = photo_bytes()
    (layout.images / PHOTO_NAME).write_bytes(data)
    store = open_store(layout)
    try:
        with store.session() as session:
            conversation = session.exec(select(m.Conversation).order_by(m.Conversation.study_day)).first()
            conversation.provider = FULL_PROVIDER  # as an older version might have stored it
            messages = session.exec(select(m.Message).where(m.Message.conversation_id == conversation.id)
                                    .order_by(m.Message.seq)).all()
            user = next(msg for msg in messages if msg.role == "user")
            reply = next(msg for msg in messages if msg.role == "assistant")
            user.text = TRICKY_TEXT
            session.add(m.MessageImage(message_id=user.id, file_name=PHOTO_NAME, sha256=hashlib.sha256(data).hexdigest(),
                                       mime="image/jpeg", width=48, height=32, size_bytes=len(data)))
            tracks = session.exec(select(m.RecommendedTrack).where(m.RecommendedTrack.message_id == reply.id)
                                  .order_by(m.RecommendedTrack.position)).all()
            tracks[0].verdict = Verdict.VERIFIED
            tracks[0].catalog = CatalogId.MUSICBRAINZ
            tracks[0].catalog_track = {"catalog": CatalogId.MUSICBRAINZ, "name": "밤편지", "artists": ["아이유"]}
            tracks[-1].verdict = Verdict.NOT_FOUND
            tracks[-1].catalog = CatalogId.SPOTIFY
            tracks[-1].hidden = True
            session.add(m.Feedback(conversation_id=conversation.id, message_id=reply.id, track_id=None,
                                   kind=FeedbackKind.MULTIPLE_CHOICE, choices=["분위기가 좋다", "너무 느리다"]))
            session.add(m.Feedback(conversation_id=conversation.id, message_id=reply.id, track_id=None,
                                   kind=FeedbackKind.FREE_TEXT, text=FREE_TEXT))
            last = max(msg.seq for msg in messages)
            session.add(m.Message(conversation_id=conversation.id, seq=last + 1, role="assistant", text="",
                                  status="error", error_kind=ERROR_KIND, created_at=reply.created_at))
            session.commit()
    finally:
        store.close()


def enriched_bundle(root: Path, index: int = 0) -> Path:
    layout = participant(root, index)
    enrich(layout)
    return export(layout, root / f"P{index + 1:03d}.zip")
