"""A recommendation turn, Qt-free: participant message (+ images) → stored FIRST →
system prompt + history → streamed reply → tracks stored ("pending") → catalog
verdicts → the study's policy for tracks the catalog does not know → a plain
``TurnResult``.

Run it on a worker thread. Callbacks run on that thread too: ``on_text`` with the
reply's message text so far, ``on_tracks`` once the tracks are stored, and
``on_verdict(track_id)`` as each verdict lands. Ids and plain values cross threads,
never ORM objects. An ``LlmError`` is re-raised after the participant's message and
whatever reply text had arrived (status "error") are stored; nothing half-received
is ever stored as complete.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from diaryrec.llm.cancel import CancelToken
from diaryrec.llm.client import ChatResult, LlmClient
from diaryrec.llm.contract import Recommendation, drop_duplicates
from diaryrec.llm.errors import LlmError
from diaryrec.llm.evidence import model_label
from diaryrec.media.images import PreparedImage, prepare_image, store_image
from diaryrec.protocol.model import UnknownTracks
from diaryrec.services.feedback import FeedbackItem, feedback_text, mark_sent, store_feedback
from diaryrec.services.conversation import TrackView, track_view
from diaryrec.services.turn_history import llm_messages
from diaryrec.validation import OnVerdict, TrackValidator, standing
from diaryrec.sheets.compiler import compile_plain_assistant
from diaryrec.sheets.prompt_words import REPLACE_REQUEST, REPLACE_TRACK, in_language
from diaryrec.store import Store
from diaryrec.store.engine import storage_errors
from diaryrec.store.models import Conversation, Message, MessageImage, RecommendedTrack, SheetVersion
from diaryrec.vocabulary import LANGUAGES, ConversationPurpose, Language, Verdict

log = logging.getLogger(__name__)

PURPOSES = tuple(ConversationPurpose)


@dataclass(frozen=True)
class TurnResult:
    conversation_id: int
    user_message_id: int
    assistant_message_id: int
    status: str  # "complete" | "raw"
    message: str
    follow_up: dict[str, Any] | None
    tracks: list[TrackView]
    request_started_at: dt.datetime
    first_token_ms: float | None
    duration_ms: float | None
    repaired: bool
    duplicates_dropped: int

    @property
    def shown_tracks(self) -> list[TrackView]:
        """What a screen lists: not hidden, and not replaced by another track."""
        return standing(self.tracks)  # type: ignore[return-value]

    @property
    def not_shown(self) -> list[TrackView]:
        """What the LLM suggested but a screen does not list: replaced or hidden."""
        return [t for t in self.tracks if not t.shown]


class TurnService:
    def __init__(
        self,
        store: Store,
        llm: LlmClient,
        validator: TrackValidator,
        unknown_tracks: UnknownTracks | str = UnknownTracks.REPLACE,
        *,
        template_dir: str | Path | None = None,
    ):
        self.store = store
        self.llm = llm
        self.validator = validator
        self.unknown_tracks = UnknownTracks(unknown_tracks)
        self.template_dir = template_dir or None

    # -- conversations --------------------------------------------------------------------

    def start_conversation(
        self,
        *,
        purpose: str,
        study_day: int,
        task_id: str | None = None,
        sheet_version_id: int | None = None,
        language: str = "en",
    ) -> int:
        """A new conversation whose first message is its system prompt: the sheet
        version's compiled prompt, or (ice-breaking) the plain assistant's."""
        if purpose not in PURPOSES:
            raise ValueError(f"purpose must be one of {PURPOSES}, not {purpose!r}")
        if purpose == ConversationPurpose.ICE_BREAKING and not task_id:
            raise ValueError("an ice-breaking conversation belongs to a task (task_id)")
        with self.store.session() as session:
            if sheet_version_id is not None:
                version = session.get(SheetVersion, sheet_version_id)
                if version is None:
                    raise ValueError(f"no sheet version {sheet_version_id}")
                prompt = version.compiled_prompt
            elif purpose == ConversationPurpose.ICE_BREAKING:
                prompt = compile_plain_assistant(language, template_dir=self.template_dir).system_prompt
            else:
                raise ValueError(f"a {purpose} conversation needs a sheet version")
            config = self.llm.config
            conversation = Conversation(
                study_day=study_day, purpose=purpose, task_id=task_id, sheet_version_id=sheet_version_id,
                provider=config.label, model=model_label(config.model), sandbox=config.sandbox,
            )
            session.add(conversation)
            session.flush()
            assert conversation.id is not None
            session.add(Message(conversation_id=conversation.id, seq=0, role="system", text=prompt,
                                provider=config.label, model=model_label(config.model)))
            session.commit()
            return conversation.id

    # -- the turn -------------------------------------------------------------------------------

    def run_turn(
        self,
        conversation_id: int,
        text: str,
        *,
        images: Sequence[Path | PreparedImage] = (),
        on_text: Callable[[str], None] | None = None,
        on_tracks: Callable[[list[TrackView]], None] | None = None,
        on_verdict: OnVerdict | None = None,
        cancel: CancelToken | None = None,
        resend_message_id: int | None = None,
    ) -> TurnResult:
        """One turn. ``resend_message_id`` answers an already stored participant
        message again (after an error) instead of storing ``text`` anew."""
        # Images are checked before anything is stored: a refused picture is the
        # participant's to replace, and their text is still in the input box.
        prepared = [img if isinstance(img, PreparedImage) else prepare_image(img) for img in images]
        if resend_message_id is None:
            user_id, user_seq = self._store_user_message(conversation_id, text, prepared)
        else:
            user_id, user_seq = self._existing_user_message(conversation_id, resend_message_id)
        with self.store.session() as session:
            messages = llm_messages(session, self.store.layout, conversation_id, upto_seq=user_seq)
            language = self._language(session, conversation_id)
        try:
            result = self.llm.chat(messages, on_text=on_text, cancel=cancel, language=language)
        except LlmError as exc:
            self._store_failure(conversation_id, user_id, exc)
            raise
        assistant_id, track_ids = self._store_reply(conversation_id, result)
        if on_tracks is not None and track_ids:
            on_tracks(self._tracks(assistant_id))
        self._validate(track_ids, on_verdict)
        if track_ids:
            self._apply_policy(conversation_id, assistant_id, messages, result, on_verdict, cancel, language)
        return TurnResult(
            conversation_id=conversation_id, user_message_id=user_id, assistant_message_id=assistant_id,
            status=result.status, message=result.message,
            follow_up=result.follow_up.model_dump() if result.follow_up else None,
            tracks=self._tracks(assistant_id), request_started_at=result.timing.request_started_at,
            first_token_ms=result.timing.first_token_ms, duration_ms=result.timing.duration_ms,
            repaired=result.repaired, duplicates_dropped=result.duplicates_dropped,
        )

    def send_feedback(
        self,
        conversation_id: int,
        message_id: int | None,
        items: Sequence[FeedbackItem],
        *,
        language: str | None = None,
        on_message: Callable[[str], None] | None = None,
        **turn: Any,
    ) -> TurnResult:
        """Store the participant's feedback on a reply, send it as their next turn
        (the feedback rows point at that message) and return the recommender's answer.
        The turn is written in ``language``, by default the conversation's;
        ``on_message`` gets that text once it is stored (what the screen shows as sent)."""
        feedback_ids = store_feedback(self.store, conversation_id, message_id, items)
        if language is None:
            with self.store.session() as session:
                language = self._language(session, conversation_id)
        text = feedback_text(self.store, items, language)
        user_id, _seq = self._store_user_message(conversation_id, text, [])
        mark_sent(self.store, feedback_ids, user_id)
        if on_message is not None:
            on_message(text)
        return self.run_turn(conversation_id, text, resend_message_id=user_id, **turn)

    def _language(self, session: Session, conversation_id: int) -> str:
        """The language the model is addressed in: the sheet's (its prompt follows it,
        not the interface), or for the plain assistant the language its prompt was
        compiled in; English when neither says."""
        conversation = session.get(Conversation, conversation_id)
        if conversation is None:
            return Language.EN
        if conversation.sheet_version_id is not None:
            version = session.get(SheetVersion, conversation.sheet_version_id)
            language = (version.content or {}).get("language") if version is not None else None
            return language if language in LANGUAGES else Language.EN
        system = session.exec(select(Message.text).where(Message.conversation_id == conversation_id, Message.seq == 0)).first()
        for language in LANGUAGES:
            if system == compile_plain_assistant(language, template_dir=self.template_dir).system_prompt:
                return language
        return Language.EN

    def _next_seq(self, session: Session, conversation_id: int) -> int:
        latest = session.exec(select(func.max(Message.seq)).where(Message.conversation_id == conversation_id)).one()
        return (latest if latest is not None else -1) + 1

    def _store_user_message(self, conversation_id: int, text: str, images: list[PreparedImage]) -> tuple[int, int]:
        if not text.strip() and not images:
            raise ValueError("an empty message with no picture")
        with storage_errors(self.store.layout.root):  # a full or read-only disk: a message, not a traceback
            for image in images:
                store_image(self.store.layout, image)
        with self.store.session() as session:
            if session.get(Conversation, conversation_id) is None:
                raise ValueError(f"no conversation {conversation_id}")
            seq = self._next_seq(session, conversation_id)
            message = Message(conversation_id=conversation_id, seq=seq, role="user", text=text)
            session.add(message)
            session.flush()
            assert message.id is not None
            for image in images:
                session.add(MessageImage(message_id=message.id, file_name=image.file_name, sha256=image.sha256,
                                         mime=image.mime, width=image.width, height=image.height,
                                         size_bytes=image.size_bytes))
            session.commit()
            return message.id, seq

    def _existing_user_message(self, conversation_id: int, message_id: int) -> tuple[int, int]:
        with self.store.session() as session:
            message = session.get(Message, message_id)
            if message is None or message.conversation_id != conversation_id or message.role != "user":
                raise ValueError(f"message {message_id} is not a participant message of conversation {conversation_id}")
            return message_id, message.seq

    def _store_failure(self, conversation_id: int, user_id: int, exc: LlmError) -> None:
        log.warning("turn failed in conversation %s: %s (%s)", conversation_id, exc.kind, exc.detail)
        if exc.partial:
            config = self.llm.config
            with self.store.session() as session:
                session.add(Message(conversation_id=conversation_id, seq=self._next_seq(session, conversation_id),
                                    role="assistant", text=exc.partial, raw_text=getattr(exc, "raw", "") or exc.partial,
                                    status="error", error_kind=exc.kind, provider=config.label,
                                    model=model_label(config.model)))
                session.commit()
        self.store.log_event("turn_failed", conversation_id=conversation_id, user_message_id=user_id,
                             error_kind=exc.kind, detail=exc.detail[:500])

    def _store_reply(self, conversation_id: int, result: ChatResult) -> tuple[int, list[int]]:
        config = self.llm.config
        timing = result.timing
        with self.store.session() as session:
            message = Message(
                conversation_id=conversation_id, seq=self._next_seq(session, conversation_id), role="assistant",
                text=result.message, raw_text=result.raw_text,
                follow_up=result.follow_up.model_dump() if result.follow_up else None,
                status=result.status, provider=config.label, model=model_label(result.model or config.model),
                request_started_at=timing.request_started_at, first_token_ms=timing.first_token_ms,
                duration_ms=timing.duration_ms, prompt_tokens=timing.prompt_tokens,
                completion_tokens=timing.completion_tokens,
            )
            session.add(message)
            session.flush()
            assert message.id is not None
            rows = [self._track_row(message.id, i, rec) for i, rec in enumerate(result.recommendations)]
            session.add_all(rows)
            session.commit()
            return message.id, [row.id for row in rows if row.id is not None]

    @staticmethod
    def _track_row(message_id: int, position: int, rec: Recommendation, replaces_id: int | None = None) -> RecommendedTrack:
        return RecommendedTrack(message_id=message_id, position=position, title=rec.title, artist=rec.artist,
                                album=rec.album, year=rec.year, reason=rec.reason, keywords=list(rec.keywords),
                                verdict=Verdict.PENDING, replaces_id=replaces_id)

    def _validate(self, track_ids: list[int], on_verdict: OnVerdict | None) -> None:
        if not track_ids:
            return
        try:
            self.validator.validate(track_ids, on_verdict)
        except Exception:  # noqa: BLE001 - a catalog failure must not cost the participant their reply
            log.exception("track validation failed; the tracks stay pending")

    # -- tracks the catalog does not know ----------------------------------------------------

    def _apply_policy(
        self,
        conversation_id: int,
        assistant_id: int,
        messages: list[dict[str, Any]],
        result: ChatResult,
        on_verdict: OnVerdict | None,
        cancel: CancelToken | None,
        language: str = Language.EN,
    ) -> None:
        with self.store.session() as session:
            missing = session.exec(
                select(RecommendedTrack).where(RecommendedTrack.message_id == assistant_id,
                                               RecommendedTrack.verdict == Verdict.NOT_FOUND).order_by(RecommendedTrack.position)
            ).all()
            if not missing:
                return
            if self.unknown_tracks == UnknownTracks.HIDE:
                for row in missing:
                    row.hidden = True
                    session.add(row)
                session.commit()
                return
            missing_plain = [(row.id, row.title, row.artist) for row in missing]
            count = session.exec(select(func.count()).where(RecommendedTrack.message_id == assistant_id)).one()
        if self.unknown_tracks == UnknownTracks.REPLACE:
            self._replace(assistant_id, messages, result, missing_plain, int(count), on_verdict, cancel, language)

    def _replace(
        self,
        assistant_id: int,
        messages: list[dict[str, Any]],
        result: ChatResult,
        missing: list[tuple[int | None, str, str]],
        position: int,
        on_verdict: OnVerdict | None,
        cancel: CancelToken | None,
        language: str = Language.EN,
    ) -> None:
        """Ask once, in the conversation's ``language``, for replacements of exactly the
        missing tracks; whatever is still unknown afterwards stays marked."""
        track = in_language(REPLACE_TRACK, language)
        listed = "; ".join(track.format(title=title, artist=artist) for _id, title, artist in missing)
        request = in_language(REPLACE_REQUEST, language).format(tracks=listed, n=len(missing), s="" if len(missing) == 1 else "s")
        said = json.dumps(
            {"message": result.message, "recommendations": [r.model_dump() for r in result.recommendations],
             "follow_up": result.follow_up.model_dump() if result.follow_up else None},
            ensure_ascii=False,
        )
        exchange = [*messages, {"role": "assistant", "content": said}, {"role": "user", "content": request}]
        try:
            answer = self.llm.chat(exchange, cancel=cancel, language=language)
        except LlmError as exc:
            log.warning("asking for replacement tracks failed: %s (%s)", exc.kind, exc.detail)
            self.store.log_event("tracks_replacement_failed", message_id=assistant_id, error_kind=exc.kind)
            return
        existing = {(r.title.casefold(), r.artist.casefold()) for r in result.recommendations}
        fresh = [r for r in drop_duplicates(answer.recommendations) if (r.title.casefold(), r.artist.casefold()) not in existing]
        pairs = list(zip([m[0] for m in missing], fresh))
        with self.store.session() as session:
            rows = [self._track_row(assistant_id, position + i, rec, replaces_id=old_id) for i, (old_id, rec) in enumerate(pairs)]
            session.add_all(rows)
            session.commit()
            new_ids = [row.id for row in rows if row.id is not None]
        self.store.log_event("tracks_replaced", message_id=assistant_id, asked=len(missing), received=len(new_ids))
        self._validate(new_ids, on_verdict)

    def _tracks(self, message_id: int) -> list[TrackView]:
        with self.store.session() as session:
            rows = session.exec(
                select(RecommendedTrack).where(RecommendedTrack.message_id == message_id)
                .order_by(RecommendedTrack.position, RecommendedTrack.id)
            ).all()
        replaced_by = {row.replaces_id: row.id for row in rows if row.replaces_id is not None}
        return [track_view(row, replaced_by.get(row.id)) for row in rows]
