"""A conversation as the LLM sees it, rebuilt from the store for every turn.

Assistant turns are sent back as contract JSON built from what was stored (the
message, the tracks still standing after replacements and hiding, the follow-up),
so the model keeps to the contract and never sees tracks the participant did not.
Failed replies are left out; images go back as data URLs from the images folder.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlmodel import Session, select

from diaryrec.media.images import load_data_url
from diaryrec.paths import DataLayout
from diaryrec.validation import standing
from diaryrec.store.models import Message, MessageImage, RecommendedTrack

log = logging.getLogger(__name__)


def shown_tracks(tracks: list[RecommendedTrack]) -> list[RecommendedTrack]:
    return standing(tracks)  # type: ignore[return-value]


def assistant_json(message: Message, tracks: list[RecommendedTrack]) -> str:
    reply = {
        "message": message.text,
        "recommendations": [
            {"title": t.title, "artist": t.artist, "album": t.album, "year": t.year, "reason": t.reason,
             "keywords": list(t.keywords)}
            for t in shown_tracks(tracks)
        ],
        "follow_up": message.follow_up or {"kind": "none", "question": "", "options": []},
    }
    return json.dumps(reply, ensure_ascii=False)


def user_content(text: str, data_urls: list[str]) -> str | list[dict[str, Any]]:
    if not data_urls:
        return text
    parts: list[dict[str, Any]] = [{"type": "text", "text": text}]
    parts.extend({"type": "image_url", "image_url": {"url": url}} for url in data_urls)
    return parts


def llm_messages(session: Session, layout: DataLayout, conversation_id: int, *, upto_seq: int | None = None) -> list[dict[str, Any]]:
    query = select(Message).where(Message.conversation_id == conversation_id).order_by(Message.seq)  # type: ignore[arg-type]
    rows = [m for m in session.exec(query).all() if upto_seq is None or m.seq <= upto_seq]
    ids = [m.id for m in rows]
    images: dict[int, list[MessageImage]] = {}
    tracks: dict[int, list[RecommendedTrack]] = {}
    if ids:
        for image in session.exec(select(MessageImage).where(MessageImage.message_id.in_(ids)).order_by(MessageImage.id)).all():  # type: ignore[union-attr]
            images.setdefault(image.message_id, []).append(image)
        for track in session.exec(select(RecommendedTrack).where(RecommendedTrack.message_id.in_(ids)).order_by(RecommendedTrack.position, RecommendedTrack.id)).all():  # type: ignore[union-attr]
            tracks.setdefault(track.message_id, []).append(track)
    out: list[dict[str, Any]] = []
    for message in rows:
        if message.role == "system":
            out.append({"role": "system", "content": message.text})
        elif message.role == "user":
            urls = []
            for image in images.get(message.id or 0, []):
                try:
                    urls.append(load_data_url(layout, image.file_name, image.mime))
                except OSError:
                    log.warning("image %s of message %s is missing; sending the text only", image.file_name, message.id)
            out.append({"role": "user", "content": user_content(message.text, urls)})
        elif message.role == "assistant" and message.status == "complete":
            out.append({"role": "assistant", "content": assistant_json(message, tracks.get(message.id or 0, []))})
        elif message.role == "assistant" and message.status == "raw":
            out.append({"role": "assistant", "content": message.text})
    return out
