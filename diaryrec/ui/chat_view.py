"""The chat: streamed replies, text and images in (attach, drag and drop, paste),
recommendation cards that fill in as the catalog answers, feedback widgets under a
reply, stop and retry, and errors shown in the conversation with what to do.

A turn runs on a TaskRunner thread (``TurnService.run_turn``); its callbacks report
progress (text, verdicts, the new conversation) that the runner hands to this view on
the GUI thread, and drops once the view is gone or shows another conversation, so no
widget is touched from the worker. Streamed text is painted at most every
``PAINT_MS``. Sending waits for the services (``ServicesGate.ready``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from diaryrec.catalog.covers import fetch_cover
from diaryrec.llm.cancel import CancelToken
from diaryrec.llm.errors import LlmError
from diaryrec.media.images import PreparedImage, prepare_image, prepare_image_bytes
from diaryrec.services.feedback import FeedbackItem
from diaryrec.services.conversation import ConversationView, TrackView, last_user_message, read_conversation, read_track
from diaryrec.runtime.context import AppContext
from diaryrec.ui.file_dialogs import pictures_folder
from diaryrec.ui.errors import error_text
from diaryrec.ui.feedback_widgets import FeedbackPanel
from diaryrec.ui.screenshots import png_bytes, render_full
from diaryrec.ui.services import ServicesGate
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.track_card import TrackCard
from diaryrec.vocabulary import FollowUpKind, Verdict

if TYPE_CHECKING:
    from diaryrec.services.turn import TurnService

log = logging.getLogger(__name__)
PAINT_MS = 40
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".heic", ".heif"}
SETTINGS_ERRORS = {"no_key", "wrong_key", "model_not_found", "connection", "quota", "rejected"}


def _load_cover(track_id: int, url: str, covers: Path) -> tuple[int, QImage]:
    """Worker side: download/thumbnail once, decode here (a QImage may cross threads)."""
    path = fetch_cover(url, covers)
    return track_id, QImage(str(path)) if path is not None else QImage()


class ChatInput(QPlainTextEdit):
    """Enter sends, Shift+Enter starts a new line; a pasted image becomes an attachment."""

    send_requested = Signal()
    image_pasted = Signal(QImage)
    files_dropped = Signal(list)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            # a Korean syllable still being composed belongs to the message: commit it first
            QGuiApplication.inputMethod().commit()
            self.send_requested.emit()
            return
        super().keyPressEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802
        return source.hasImage() or source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        if source.hasImage():
            image = QImage(source.imageData())
            if not image.isNull():
                self.image_pasted.emit(image)
                return
        files = [Path(u.toLocalFile()) for u in source.urls() if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES]
        if files:
            self.files_dropped.emit(files)
            return
        super().insertFromMimeData(source)


class Bubble(QFrame):
    def __init__(self, role: str, who: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bubble")
        self.setProperty("role", role)
        self.who = QLabel(who)
        self.who.setObjectName("bubbleWho")
        self.text = QLabel(text)
        self.text.setObjectName("bubbleText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.who)
        layout.addWidget(self.text)
        self.setAccessibleName(f"{who}: {text}")

    def set_text(self, text: str) -> None:
        self.text.setText(text)
        self.setAccessibleName(f"{self.who.text()}: {text}")


class ChatView(QWidget):
    settings_requested = Signal()
    turn_finished = Signal(object)  # TurnResult
    turn_ended = Signal()  # finished, failed or stopped
    conversation_started = Signal(int)

    def __init__(self, context: AppContext, tasks: TaskRunner, services: ServicesGate, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.tasks, self.services = context, tasks, services
        self.setObjectName("chatView")
        self.setAcceptDrops(True)
        self.conversation_id: int | None = None
        self.factory: Callable[[TurnService], int] | None = None
        self.feedback_modes: list[str] = []
        self.own_description = ""
        self.read_only = False
        self.busy = False
        self.turns_done = 0
        self.cancel_token: CancelToken | None = None
        self.attachments: list[tuple[str, Path | bytes]] = []
        self.cards: dict[int, TrackCard] = {}
        self.feedback: FeedbackPanel | None = None
        self.last_error: BaseException | None = None
        self._reply: Bubble | None = None
        self._pending_text: str | None = None
        self._retry: Callable[[], None] | None = None
        self._unanswered = ""  # stored, unanswered text that the input box still shows
        self._sent_text = ""
        self._feedback_sent = False

        self.inner = QWidget()
        self.inner.setObjectName("transcript")
        self.items = QVBoxLayout(self.inner)
        self.items.setContentsMargins(16, 12, 16, 12)
        self.items.setSpacing(8)
        self.items.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("transcriptScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.inner)
        self.scroll.setAccessibleName(self.tr("Conversation"))
        self.scroll.verticalScrollBar().rangeChanged.connect(lambda _lo, hi: self.scroll.verticalScrollBar().setValue(hi))

        self.input = ChatInput()
        self.input.setObjectName("chatInput")
        self.input.setPlaceholderText(self.tr("Write a message. Enter sends, Shift+Enter starts a new line."))
        self.input.setAccessibleName(self.tr("Message"))
        self.input.setTabChangesFocus(True)
        self.input.setFixedHeight(72)
        self.input.send_requested.connect(self.send)
        self.input.image_pasted.connect(self.attach_image)
        self.input.files_dropped.connect(self.attach_files)
        self.attach_button = QPushButton(self.tr("&Attach image…"))
        self.attach_button.clicked.connect(self.choose_images)
        self.attached = QLabel()
        self.attached.setObjectName("screenSubtitle")
        self.clear_attached = QPushButton(self.tr("Remove images"))
        self.clear_attached.clicked.connect(self.clear_attachments)
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setObjectName("primaryButton")
        self.send_button.clicked.connect(self.send)
        self.stop_button = QPushButton(self.tr("S&top"))
        self.stop_button.clicked.connect(self.stop)
        self.retry_button = QPushButton(self.tr("&Retry"))
        self.retry_button.clicked.connect(self.retry)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.attached, 1)
        buttons.addWidget(self.clear_attached)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.send_button)
        self.composer = QWidget()
        self.composer.setObjectName("chatComposer")
        composer = QVBoxLayout(self.composer)
        composer.setContentsMargins(0, 6, 0, 0)
        composer.addWidget(self.input)
        composer.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.composer)

        self._paint_timer = QTimer(self)
        self._paint_timer.setSingleShot(True)
        self._paint_timer.setInterval(PAINT_MS)
        self._paint_timer.timeout.connect(self._paint_text)
        self._card_queue: list[TrackView] = []
        self._card_queue_done: Callable[[], None] | None = None
        self._card_timer = QTimer(self)
        self._card_timer.setInterval(0)
        self._card_timer.timeout.connect(self._next_card)
        services.ready.connect(self._update_buttons)
        services.failed.connect(self._update_buttons)
        self._update_buttons()

    # -- which conversation ------------------------------------------------------------
    def set_conversation(self, conversation_id: int | None, factory: Callable[[TurnService], int] | None = None, *,
                         feedback_modes: Sequence[str] = (), own_description: str = "", read_only: bool = False) -> None:
        """Show a stored conversation, or an empty one that ``factory`` (run in the
        worker before the first turn) creates."""
        if self.busy:
            self.stop()
        self.conversation_id, self.factory = conversation_id, factory
        self.feedback_modes, self.own_description = list(feedback_modes), own_description
        self.read_only = read_only
        self.composer.setVisible(not read_only)
        self._clear()
        if conversation_id is not None:
            self.tasks.run(read_conversation, self.context.store, conversation_id, owner=self, topic="conversation",
                           on_done=self._show_history, on_error=self._history_failed)
        else:
            self.tasks.forget(self, "conversation")
        self._update_buttons()

    def _clear(self) -> None:
        while self.items.count() > 1:
            item = self.items.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.cards, self.feedback, self._reply, self._retry, self.last_error = {}, None, None, None, None
        self._unanswered = self._sent_text = ""
        self._card_queue, self._card_queue_done = [], None
        self._card_timer.stop()

    def _add(self, widget: QWidget) -> QWidget:
        self.items.insertWidget(self.items.count() - 1, widget)
        return widget

    def who(self, role: str) -> str:
        if role == "user":
            return self.tr("You")
        return self.tr("Scripted reply (sandbox)") if self.context.sandbox else self.tr("Recommender")

    def _history_failed(self, exc: BaseException) -> None:
        self._add_error(self.tr("This conversation could not be read: {error}").format(error=error_text(exc)), retry=None)

    def _show_history(self, conv: ConversationView) -> None:
        last = conv.messages[-1] if conv.messages else None
        for message in conv.messages:
            text = message.text
            if message.role == "user" and message.images:
                text += "\n" + self.tr("[{n} image(s) attached]").format(n=len(message.images))
            self._add(Bubble(message.role, self.who(message.role), text))
            if message.status == "error":
                self._add_error(self.tr("This reply was cut off."), retry=None)
            for track in message.tracks:
                self._add_card(track)
            if message is last and message.role == "assistant" and message.status != "error":
                self._show_feedback(message.id, message.tracks, message.follow_up)
        if last is not None and last.role == "user" and not self.read_only:
            self._add_error(self.tr("This message has no answer yet."), retry=self._resend_stored)
        self._update_buttons()

    # -- attachments -----------------------------------------------------------------------
    def choose_images(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach images"), pictures_folder(), self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp *.heic *.heif)"))
        self.attach_files([Path(n) for n in names])

    def attach_files(self, paths: list[Path]) -> None:
        for path in paths:
            self.attachments.append((path.name, path))
        self._update_buttons()

    def attach_image(self, image: QImage) -> None:
        self.attachments.append((self.tr("pasted image"), png_bytes(image)))
        self._update_buttons()

    def clear_attachments(self) -> None:
        self.attachments = []
        self._update_buttons()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if not self.read_only and (event.mimeData().hasUrls() or event.mimeData().hasImage()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        data = event.mimeData()
        if data.hasImage():
            self.attach_image(QImage(data.imageData()))
        files = [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES]
        self.attach_files(files)
        event.acceptProposedAction()

    def _update_buttons(self) -> None:
        # while the services start, what is typed waits in the box
        self.send_button.setEnabled(not self.busy and not self.services.starting)
        self.stop_button.setEnabled(self.busy)
        self.retry_button.setEnabled(not self.busy and self._retry is not None)
        self.attach_button.setEnabled(not self.busy)
        names = [name for name, _ in self.attachments]
        self.attached.setText(self.tr("Attached: {names}").format(names=", ".join(names)) if names else "")
        self.clear_attached.setVisible(bool(names))

    # -- a turn ---------------------------------------------------------------------------
    def send(self) -> None:
        if self.busy or self.read_only or self.services.starting:
            return
        text = self.input.toPlainText().strip()
        attachments = list(self.attachments)
        if not text and not attachments:
            return
        if text and text == self._unanswered and not attachments:
            # the message kept in the box after an error is already stored: answer that one
            self.input.clear()
            self._resend_stored()
            return
        turns = self.context.turns
        if turns is None:
            self._add_error(self.tr("The recommender is not running. Check the language model settings."), retry=None, settings=True)
            return
        shown = text + ("\n" + self.tr("[{n} image(s) attached]").format(n=len(attachments)) if attachments else "")
        self._add(Bubble("user", self.who("user"), shown))
        self.input.clear()
        self.attachments = []
        self._sent_text, self._unanswered = text, ""
        cid, factory = self.conversation_id, self.factory

        def job(token: CancelToken, progress: Callable[[Any], None]) -> Any:
            images: list[PreparedImage] = [
                prepare_image(src) if isinstance(src, Path) else prepare_image_bytes(src, f"{name}.png") for name, src in attachments
            ]
            conversation = cid
            if conversation is None:
                conversation = factory(turns)  # type: ignore[misc]
                progress(("conversation", conversation))  # known even if this turn fails
            return conversation, turns.run_turn(conversation, text, images=images, cancel=token, **self._callbacks(progress))

        self._run(job)

    def send_feedback(self, message_id: int, items: list[FeedbackItem]) -> None:
        turns, cid = self.context.turns, self.conversation_id
        if turns is None or cid is None or self.busy:
            return
        self._sent_text = self._unanswered = ""  # nothing typed to put back if this fails

        def job(token: CancelToken, progress: Callable[[Any], None]) -> Any:
            # the feedback turn is written in the conversation's (the sheet's) language
            return cid, turns.send_feedback(cid, message_id, items, cancel=token, **self._callbacks(progress))

        self._add(Bubble("user", self.who("user"), self.tr("(feedback sent)")))
        self._run(job)
        self._feedback_sent = True  # stored: a retry sends it again, the panel stays done

    def _resend_stored(self) -> None:
        turns, cid = self.context.turns, self.conversation_id
        if turns is None or cid is None or self.busy:
            return
        store = self.context.store

        self._unanswered = ""
        if self.input.toPlainText().strip() == self._sent_text:
            self.input.clear()

        def job(token: CancelToken, progress: Callable[[Any], None]) -> Any:
            message_id = last_user_message(store, cid)
            if message_id is None:
                raise ValueError("nothing to send again")
            return cid, turns.run_turn(cid, "", resend_message_id=message_id, cancel=token, **self._callbacks(progress))

        self._run(job)

    def retry(self) -> None:
        if self._retry is not None and not self.busy:
            self._retry()

    def stop(self) -> None:
        if self.cancel_token is not None:
            self.cancel_token.cancel()

    def _callbacks(self, progress: Callable[[Any], None]) -> dict[str, Any]:
        """Callbacks for the worker: each only reports progress (queued to the GUI)."""
        store = self.context.store
        return {
            "on_text": lambda text: progress(("text", text)),
            "on_verdict": lambda track_id: progress(("verdict", read_track(store, track_id))),
        }

    def _progress(self, event: tuple[str, Any]) -> None:
        kind, value = event
        if kind == "text":
            self._on_text(value)
        elif kind == "verdict":
            self._on_verdict(value)
        elif kind == "conversation":
            self._made(value)

    def _run(self, job: Callable[[CancelToken, Callable[[Any], None]], Any]) -> None:
        self.busy = True
        self._feedback_sent = False
        self._retry = None
        if self.feedback is not None:
            self.feedback.setEnabled(False)
        self.cancel_token = token = CancelToken()
        self._reply = self._add(Bubble("assistant", self.who("assistant"), self.tr("…")))  # type: ignore[assignment]
        self._update_buttons()

        def work(cancel: CancelToken, progress: Callable[[Any], None]) -> Any:
            conversation, result = job(cancel, progress)
            return conversation, result, list(result.shown_tracks)  # read once by the turn, with final verdicts

        self.tasks.run(work, owner=self, topic="turn", cancel=token, on_progress=self._progress,
                       on_done=self._turn_done, on_error=self._turn_failed)

    def _on_text(self, text: str) -> None:
        self._pending_text = text
        if not self._paint_timer.isActive():
            self._paint_timer.start()

    def _paint_text(self) -> None:
        if self._reply is not None and self._pending_text is not None:
            self._reply.set_text(self._pending_text)

    def _add_card(self, track: TrackView) -> TrackCard:
        card = self.cards.get(track.id)
        if card is None:
            card = TrackCard(track)
            self.cards[track.id] = card
            self._add(card)
        else:
            card.update_track(track)
        if track.image_url and track.verdict in (Verdict.VERIFIED, Verdict.UNCERTAIN):
            self.tasks.run(_load_cover, track.id, track.image_url, self.context.layout.covers, on_done=self._cover_loaded,
                           on_error=lambda exc: log.info("no cover for track %s: %s", track.id, exc))
        return card

    def _on_verdict(self, track: TrackView | None) -> None:
        # Verdicts land in bursts; one card per event-loop pass keeps each pass short
        # (building a card and laying the transcript out again is the costly part).
        if track is not None and self.busy:
            self._card_queue.append(track)
            if not self._card_timer.isActive():
                self._card_timer.start()

    def _next_card(self) -> None:
        if not self._card_queue:
            self._card_timer.stop()
            if self._card_queue_done is not None:
                self._card_queue_done()
            return
        self._add_card(self._card_queue.pop(0))

    def _cover_loaded(self, loaded: tuple[int, QImage]) -> None:
        track_id, image = loaded
        card = self.cards.get(track_id)
        if card is not None:
            card.set_cover(image)

    def _made(self, conversation_id: int) -> None:
        if self.conversation_id is None:
            self.conversation_id = conversation_id
            self.conversation_started.emit(conversation_id)

    def _turn_done(self, done: tuple[int, Any, list[TrackView]]) -> None:
        conversation, result, tracks = done
        self.busy, self.cancel_token = False, None
        if self.conversation_id is None:
            self.conversation_id = conversation
            self.conversation_started.emit(conversation)
        self._paint_timer.stop()
        if self._reply is not None:
            self._reply.set_text(result.message)
        standing = {t.id for t in tracks}
        for track_id in [t for t in self.cards if t not in standing]:  # hidden, or replaced by another
            card = self.cards.pop(track_id)
            card.setParent(None)
            card.deleteLater()
        self._card_queue = [t for t in self._card_queue if t.id in standing]
        for track in tracks:
            if track.id in self.cards:
                self.cards[track.id].update_track(track)
        missing = [t for t in tracks if t.id not in self.cards]
        if missing:
            self._add_card(missing[0])
            self._card_queue = missing[1:]  # the rest one per pass; the feedback panel after them
            self._card_timer.start()
        self._card_queue_done = lambda: self._finish_turn(result, tracks)
        if not self._card_timer.isActive():
            self._finish_turn(result, tracks)

    def _finish_turn(self, result: Any, tracks: list[TrackView]) -> None:
        self._card_queue_done = None
        self._show_feedback(result.assistant_message_id, tracks, result.follow_up)
        self.turns_done += 1
        self._update_buttons()
        self.turn_finished.emit(result)
        self.turn_ended.emit()

    def _show_feedback(self, message_id: int, tracks: list[TrackView], follow_up: dict[str, Any] | None) -> None:
        if self.read_only:
            return
        modes = list(self.feedback_modes)
        kind = (follow_up or {}).get("kind")
        if not modes and kind and kind != FollowUpKind.NONE:
            modes = [kind]  # the plain assistant: the feedback its reply asks for
        if not modes or (not tracks and not (follow_up or {}).get("options")):
            return
        panel = FeedbackPanel(modes, tracks, follow_up, self.own_description)
        if not panel.has_inputs():
            panel.deleteLater()
            return
        panel.submitted.connect(lambda items, m=message_id: self.send_feedback(m, items))
        self.feedback = panel
        self._add(panel)

    def _turn_failed(self, exc: BaseException) -> None:
        self.busy, self.cancel_token = False, None
        self._paint_timer.stop()
        self.last_error = exc
        stored = isinstance(exc, LlmError)  # the participant's message was stored before the model was asked
        if self._reply is not None:
            partial = getattr(exc, "partial", "") or self._pending_text or ""
            if partial:
                self._reply.set_text(partial)
            else:
                self._reply.setParent(None)
                self._reply.deleteLater()
        self._reply, self._pending_text = None, None
        typed = self._sent_text
        if typed and not self.input.toPlainText().strip():
            self.input.setPlainText(typed)  # what they typed stays in the box
            self._unanswered = typed if stored else ""
        text = error_text(exc)
        if isinstance(exc, LlmError):
            settings = exc.kind in SETTINGS_ERRORS
        else:
            settings = False
            log.warning("turn failed: %s", type(exc).__name__)
        self._add_error(text, retry=self._resend_stored if stored else self.send, settings=settings)
        if self.feedback is not None and not self._feedback_sent:
            self.feedback.setEnabled(True)  # the turn that failed was a message, not this feedback
        self.turn_ended.emit()

    def _add_error(self, text: str, *, retry: Callable[[], None] | None, settings: bool = False) -> None:
        box = QFrame()
        box.setObjectName("chatError")
        label = QLabel(text)
        label.setObjectName("errorText")
        label.setWordWrap(True)
        row = QHBoxLayout(box)
        row.addWidget(label, 1)
        if retry is not None:
            again = QPushButton(self.tr("Try again"))
            again.clicked.connect(self.retry)
            row.addWidget(again)
        if settings:
            open_settings = QPushButton(self.tr("Open settings"))
            open_settings.clicked.connect(self.settings_requested)
            row.addWidget(open_settings)
        box.setAccessibleName(text)
        self._add(box)
        self._retry = retry
        self._update_buttons()

    # -- the diary's screenshot ------------------------------------------------------------
    def capture(self) -> QImage:
        """The whole conversation as one image (not only the part on screen)."""
        # the layout may not have caught up with cards and panels added this instant
        self.items.activate()
        inner, width = self.inner, self.scroll.viewport().width()
        wanted = inner.heightForWidth(width) if inner.hasHeightForWidth() else -1
        wanted = max(wanted, inner.sizeHint().height())
        if inner.height() < wanted:
            inner.resize(width, wanted)
        return render_full(self.scroll)

    def has_content(self) -> bool:
        return self.items.count() > 1
