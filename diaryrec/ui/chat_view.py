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

from PySide6.QtCore import QElapsedTimer, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from diaryrec.catalog.covers import fetch_cover
from diaryrec.llm.cancel import CancelToken
from diaryrec.llm.errors import LlmError
from diaryrec.media.images import PreparedImage, prepare_image, prepare_image_bytes
from diaryrec.services.feedback import FeedbackItem
from diaryrec.services.conversation import (
    ConversationView,
    TrackView,
    last_user_message,
    read_conversation,
    read_track,
    screen_text,
)
from diaryrec.runtime.context import AppContext
from diaryrec.ui.file_dialogs import pictures_folder
from diaryrec.ui.errors import error_text
from diaryrec.ui.feedback_widgets import FeedbackPanel
from diaryrec.ui.image_viewer import Thumbnail, decode_image, open_image
from diaryrec.ui.screenshots import png_bytes, render_full
from diaryrec.ui.restyle import restyle
from diaryrec.ui.services import ServicesGate
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.track_card import TrackCard
from diaryrec.ui.words import catalogs_named
from diaryrec.ui.widgets import FittingScroll, after_next_paint
from diaryrec.vocabulary import FollowUpKind, Verdict

if TYPE_CHECKING:
    from diaryrec.services.turn import TurnService

log = logging.getLogger(__name__)
PAINT_MS = 40
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".heic", ".heif"}
SETTINGS_ERRORS = {"no_key", "wrong_key", "model_not_found", "connection", "quota", "rejected"}
WAIT_NOTICE_S = 10  # no word of the reply after this long: say it is still waited for
THUMB_PX = 64  # attached pictures in the composer and in the conversation
RATING_ROWS_PER_PASS = 2  # a feedback panel's rating rows built per event-loop pass (each row is 7 widgets)


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


class ElidedLabel(QLabel):
    """One line that ends in "…" where there is no room (the whole text as its tooltip)."""

    def paintEvent(self, _event: Any) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())
        painter.drawText(self.contentsRect(), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown)


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

        self.thumbnails: list[Thumbnail] = []
        self._pictures: QHBoxLayout | None = None

    def set_text(self, text: str) -> None:
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self.setAccessibleName(f"{self.who.text()}: {text}")

    def add_picture(self, name: str) -> Thumbnail:
        """A thumbnail of an attached picture under the text (filled in when decoded)."""
        if self._pictures is None:
            self._pictures = QHBoxLayout()
            self._pictures.setSpacing(6)
            self._pictures.addStretch(1)
            self.layout().addLayout(self._pictures)  # type: ignore[union-attr]
        thumb = Thumbnail(name, THUMB_PX * 2)
        self._pictures.insertWidget(len(self.thumbnails), thumb)
        self.thumbnails.append(thumb)
        return thumb


class CardGroup(QFrame):
    """One reply's track cards, in the recommender's order, with the notes that
    belong to them (suggestions replaced or hidden, tracks the catalog could not check)."""

    def __init__(self, message_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("turnCards")
        self.message_id = message_id
        self.cards_layout = QVBoxLayout()
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(8)
        self.notes = QVBoxLayout()
        self.notes.setContentsMargins(0, 0, 0, 0)
        self.notes.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self.cards_layout)
        layout.addLayout(self.notes)
        self.not_shown: NotShownNote | None = None
        self.unchecked: QLabel | None = None

    def cards(self) -> list[TrackCard]:
        found = [self.cards_layout.itemAt(i).widget() for i in range(self.cards_layout.count())]
        return [c for c in found if isinstance(c, TrackCard)]

    def insert(self, card: TrackCard) -> None:
        """By the recommender's position while the verdicts arrive in any order."""
        after = [c for c in self.cards() if c.track.position <= card.track.position]
        self.cards_layout.insertWidget(len(after), card)

    def arrange(self, ids: Sequence[int]) -> None:
        order = {track_id: n for n, track_id in enumerate(ids)}
        cards = sorted(self.cards(), key=lambda c: order.get(c.track.id, len(order)))
        for n, card in enumerate(cards):
            if self.cards_layout.indexOf(card) != n:
                self.cards_layout.removeWidget(card)
                self.cards_layout.insertWidget(n, card)

    def show_not_shown(self, tracks: Sequence[TrackView]) -> None:
        if self.not_shown is not None:
            self.not_shown.deleteLater()
            self.not_shown = None
        if tracks:
            self.not_shown = NotShownNote(tracks)
            self.notes.addWidget(self.not_shown)

    def show_unchecked(self, tracks: Sequence[TrackView]) -> None:
        unchecked = [t for t in tracks if t.verdict == Verdict.UNCHECKED]
        later = [t for t in unchecked if t.will_recheck]
        catalogs = catalogs_named(t.catalog for t in unchecked)
        if later:
            text = (self.tr("{catalog} could not be reached, so one track is not checked yet; diaryrec checks it again later.")
                    if len(later) == 1 else
                    self.tr("{catalog} could not be reached, so {n} tracks are not checked yet; diaryrec checks them again later.")
                    ).format(catalog=catalogs, n=len(later))
        elif unchecked:
            text = self.tr("These tracks could not be checked against a music catalog.")
        else:
            text = ""
        if not text:
            if self.unchecked is not None:
                self.unchecked.setVisible(False)
            return
        if self.unchecked is None:
            self.unchecked = QLabel()
            self.unchecked.setObjectName("turnNote")
            self.unchecked.setWordWrap(True)
            self.notes.addWidget(self.unchecked)
        self.unchecked.setText(text)
        self.unchecked.setVisible(True)


class NotShownNote(QFrame):
    """"N suggestions were not found and were replaced": what the LLM made up stays
    visible to the participant, behind one button."""

    def __init__(self, tracks: Sequence[TrackView], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notShownNote")
        self.tracks = list(tracks)
        replaced = [t for t in tracks if t.replaced_by_id is not None]
        hidden = [t for t in tracks if t.replaced_by_id is None]
        parts = []
        catalog = catalogs_named(t.catalog for t in tracks)
        if len(replaced) == 1:
            parts.append(self.tr("1 suggestion was not found in {catalog} and was replaced.").format(catalog=catalog))
        elif replaced:
            parts.append(self.tr("{n} suggestions were not found in {catalog} and were replaced.").format(n=len(replaced), catalog=catalog))
        if len(hidden) == 1:
            parts.append(self.tr("1 suggestion was not found in {catalog} and is not shown.").format(catalog=catalog))
        elif hidden:
            parts.append(self.tr("{n} suggestions were not found in {catalog} and are not shown.").format(n=len(hidden), catalog=catalog))
        self.summary = QLabel(" ".join(parts))
        self.summary.setObjectName("turnNote")
        self.summary.setWordWrap(True)
        self.toggle = QPushButton(self.tr("Show them"))
        self.toggle.setObjectName("linkButton")
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._toggled)
        lines = []
        for t in self.tracks:
            why = (self.tr("by another artist: {artist}").format(artist=t.suggested_artist) if t.suggested_artist
                   else self.tr("not found"))
            lines.append(self.tr("{title} — {artist} ({why})").format(title=t.title, artist=t.artist, why=why))
        self.details = QLabel("\n".join(lines))
        self.details.setObjectName("notShownList")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setVisible(False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.summary, 1)
        row.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.details)
        self.setAccessibleName(self.summary.text())

    def _toggled(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.toggle.setText(self.tr("Hide them") if shown else self.tr("Show them"))


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
        self.groups: dict[int, CardGroup] = {}  # each reply's cards, by its message id
        self.error_boxes: list[QFrame] = []
        self.thumbnails: list[Thumbnail] = []  # the composer's, one per attachment
        self.feedback: FeedbackPanel | None = None
        self.last_error: BaseException | None = None
        self._reply: Bubble | None = None
        self._pending_text: str | None = None
        self._retry: Callable[[], None] | None = None
        self._unanswered = ""  # stored, unanswered text that the input box still shows
        self._sent_text = ""
        self._feedback_sent = False
        self._feedback_bubble: Bubble | None = None

        self.inner = QWidget()
        self.inner.setObjectName("transcript")
        self.items = QVBoxLayout(self.inner)
        self.items.setContentsMargins(16, 12, 16, 12)
        self.items.setSpacing(8)
        self.items.addStretch(1)
        self.scroll = FittingScroll()  # wrapped card text never overlaps in a narrow chat
        self.scroll.setObjectName("transcriptScroll")
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
        self.attached = ElidedLabel()
        self.attached.setObjectName("screenSubtitle")
        # names never widen the window: they are cut to the room there is
        self.attached.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.clear_attached = QPushButton(self.tr("Remove images"))
        self.clear_attached.clicked.connect(self.clear_attachments)
        self.thumb_row = QHBoxLayout()
        self.thumb_row.setContentsMargins(0, 0, 0, 0)
        self.thumb_row.setSpacing(6)
        self.thumb_row.addStretch(1)
        thumbs = QWidget()
        thumbs.setObjectName("attachedPictures")
        thumbs.setLayout(self.thumb_row)
        self.thumb_scroll = QScrollArea()
        self.thumb_scroll.setObjectName("attachedScroll")
        self.thumb_scroll.setWidget(thumbs)
        self.thumb_scroll.setWidgetResizable(True)
        self.thumb_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.thumb_scroll.setFixedHeight(THUMB_PX + 8)
        self.thumb_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.thumb_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.attach_row = QWidget()
        self.attach_row.setObjectName("attachRow")
        attach_row = QHBoxLayout(self.attach_row)
        attach_row.setContentsMargins(0, 0, 0, 0)
        attach_row.addWidget(self.thumb_scroll)
        attach_row.addWidget(self.attached, 1)
        attach_row.addWidget(self.clear_attached)
        self.attach_row.setVisible(False)
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setObjectName("primaryButton")
        self.send_button.clicked.connect(self.send)
        self.stop_button = QPushButton(self.tr("S&top"))
        self.stop_button.clicked.connect(self.stop)
        self.retry_button = QPushButton(self.tr("&Retry"))
        self.retry_button.clicked.connect(self.retry)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.send_button)
        self.composer = QWidget()
        self.composer.setObjectName("chatComposer")
        composer = QVBoxLayout(self.composer)
        composer.setContentsMargins(0, 6, 0, 0)
        composer.addWidget(self.input)
        composer.addWidget(self.attach_row)
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
        self._cover_queue: list[TrackView] = []  # cards waiting for their cover (_load_next_cover)
        self._cover_loading = False
        self._then: list[Callable[[], None]] = []  # steps after the queued cards, one per pass too
        self._card_timer = QTimer(self)
        self._card_timer.setInterval(0)
        self._card_timer.timeout.connect(self._next_card)
        self._waited = QElapsedTimer()
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._still_waiting)
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
        self.groups, self.error_boxes, self._feedback_bubble = {}, [], None
        self._wait_timer.stop()
        self._unanswered = self._sent_text = ""
        self._card_queue, self._then = [], []
        self._card_timer.stop()
        self._cover_queue = []  # a cover under way still lands, on no card

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
        folder = self.context.layout.images
        for message in conv.messages:
            text = message.text if message.role == "user" else screen_text(message.text, broken=message.status != "complete")
            bubble = self._add(Bubble(message.role, self.who(message.role), text))
            for name in message.images:
                self._show_picture(bubble.add_picture(name), folder / name)  # type: ignore[attr-defined]
            if message.status == "error":
                self._add_error(self.tr("This reply was cut off."), retry=None)
            elif message.status == "raw":
                again = self._resend_stored if message is last and not self.read_only else None
                self._add_error(self._raw_note(), retry=again)
            for track in message.tracks:
                self._add_card(track)
            if message.not_shown:
                self._group(message.id).show_not_shown(message.not_shown)
            if message.id in self.groups:
                self.groups[message.id].show_unchecked(message.tracks)
            if message is last and message.role == "assistant" and message.status == "complete":
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
            self._attach(path.name, path)
        self._update_buttons()

    def attach_image(self, image: QImage) -> None:
        self._attach(self.tr("pasted image"), png_bytes(image))
        self._update_buttons()

    def _attach(self, name: str, source: Path | bytes) -> None:
        self.attachments.append((name, source))
        thumb = Thumbnail(name, THUMB_PX)
        self.thumb_row.insertWidget(len(self.thumbnails), thumb)
        self.thumbnails.append(thumb)
        self._show_picture(thumb, source)

    def _show_picture(self, thumb: Thumbnail, source: Path | bytes) -> None:
        """Decode a preview on a worker; double-click or Enter opens the picture larger."""
        thumb.opened.connect(lambda: open_image(self, self.tasks, source, thumb.name))
        self.tasks.run(decode_image, source, thumb.px, owner=thumb, on_done=thumb.set_image,
                       on_error=lambda exc: log.info("no preview of a picture: %s", exc))

    def clear_attachments(self) -> None:
        self.attachments = []
        for thumb in self.thumbnails:
            thumb.setParent(None)
            thumb.deleteLater()
        self.thumbnails = []
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
        self.attached.setToolTip(self.attached.text())
        self.attach_row.setVisible(bool(names))
        self.thumb_scroll.setMaximumWidth(len(self.thumbnails) * (THUMB_PX + 6) + 4)

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
        bubble = self._add(Bubble("user", self.who("user"), text))
        for name, source in attachments:
            self._show_picture(bubble.add_picture(name), source)  # type: ignore[attr-defined]
        self.input.clear()
        self.clear_attachments()
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
            return cid, turns.send_feedback(cid, message_id, items, cancel=token,
                                            on_message=lambda text: progress(("sent", text)), **self._callbacks(progress))

        # the bubble shows what was sent, as the recommender reads it (and the day's record shows it)
        self._feedback_bubble = self._add(Bubble("user", self.who("user"), self.tr("Sending your feedback…")))  # type: ignore[assignment]
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
        elif kind == "sent" and self._feedback_bubble is not None:
            self._feedback_bubble.set_text(value)

    def _run(self, job: Callable[[CancelToken, Callable[[Any], None]], Any]) -> None:
        self.busy = True
        self._feedback_sent = False
        self._retry = None
        if self.feedback is not None:
            self.feedback.setEnabled(False)
        for box in self.error_boxes:  # an answered error keeps no live Retry
            box.setEnabled(False)
            box.setProperty("stale", True)
            restyle(box)
        self.cancel_token = token = CancelToken()
        self._pending_text = None
        self._reply = self._add(Bubble("assistant", self.who("assistant"), self.tr("…")))  # type: ignore[assignment]
        self._waited.start()
        self._wait_timer.start()
        self._update_buttons()

        def work(cancel: CancelToken, progress: Callable[[Any], None]) -> Any:
            conversation, result = job(cancel, progress)
            return conversation, result, list(result.shown_tracks)  # read once by the turn, with final verdicts

        def start() -> None:
            if not self.tasks.closed:
                self.tasks.run(work, owner=self, topic="turn", cancel=token, on_progress=self._progress,
                               on_done=self._turn_done, on_error=self._turn_failed)

        # the message and the "…" bubble are painted first: the turn's worker starting
        # beside that frame made it wait for the interpreter lock (10-17 ms, issue 12)
        after_next_paint(self.inner, start)

    def _still_waiting(self) -> None:
        seconds = self._waited.elapsed() // 1000
        if self._reply is None or self._pending_text is not None or not self.busy:
            self._wait_timer.stop()
        elif self._waited.elapsed() >= WAIT_NOTICE_S * 1000:
            self._reply.set_text(self.tr("Still waiting for the recommender… ({seconds} s)").format(seconds=seconds))

    def _on_text(self, text: str) -> None:
        self._wait_timer.stop()
        self._pending_text = text
        if not self._paint_timer.isActive():
            self._paint_timer.start()

    def _paint_text(self) -> None:
        if self._reply is not None and self._pending_text is not None:
            self._reply.set_text(screen_text(self._pending_text))  # a model chatting around its JSON: not the JSON

    def _group(self, message_id: int) -> CardGroup:
        group = self.groups.get(message_id)
        if group is None:
            group = self.groups[message_id] = CardGroup(message_id)
            self._add(group)
        return group

    def _add_card(self, track: TrackView) -> TrackCard:
        card = self.cards.get(track.id)
        if card is None:
            card = TrackCard(track)
            self.cards[track.id] = card
            self._group(track.message_id).insert(card)
        else:
            card.update_track(track)
        if track.image_url and track.verdict in (Verdict.VERIFIED, Verdict.UNCERTAIN):
            self._cover_queue.append(track)
            self._load_next_cover()
        return card

    def _load_next_cover(self) -> None:
        """Covers load one at a time, and not while a turn is under way: each download
        and thumbnail is Python work in a worker, and every worker running Python makes
        the GUI thread wait for the interpreter lock (a turn's cards came in 50 ms
        stalls with three covers loading beside the turn). A card shows "♪" meanwhile."""
        if self._cover_loading or self.busy or self._card_queue or self._then or not self._cover_queue:
            return
        track = self._cover_queue.pop(0)
        self._cover_loading = True

        def failed(exc: BaseException) -> None:
            log.info("no cover for track %s: %s", track.id, exc)
            self._cover_done()

        self.tasks.run(_load_cover, track.id, track.image_url, self.context.layout.covers, owner=self,
                       on_done=self._cover_loaded, on_error=failed)

    def _cover_done(self) -> None:
        self._cover_loading = False
        self._load_next_cover()

    def _on_verdict(self, track: TrackView | None) -> None:
        # Verdicts land in bursts; one card per event-loop pass keeps each pass short
        # (building a card and laying the transcript out again is the costly part).
        if track is not None and self.busy:
            self._card_queue.append(track)
            if not self._card_timer.isActive():
                self._card_timer.start()

    def _next_card(self) -> None:
        """One step per event-loop pass: a card, else what waits for the cards (the
        end of a turn: its feedback panel put in place, then its rating rows a few per
        pass). Covers follow once the last step is painted: a cover loading in a worker
        makes each of the GUI thread's calls into Python wait for the interpreter lock."""
        if self._card_queue:
            self._add_card(self._card_queue.pop(0))
        elif self._then:
            self._then.pop(0)()
        if not self._card_queue and not self._then:
            self._card_timer.stop()
            after_next_paint(self.inner, self._load_next_cover)  # the turn's last step on screen first

    def _cover_loaded(self, loaded: tuple[int, QImage]) -> None:
        track_id, image = loaded
        card = self.cards.get(track_id)
        if card is not None:
            card.set_cover(image)
        self._cover_done()

    def _made(self, conversation_id: int) -> None:
        if self.conversation_id is None:
            self.conversation_id = conversation_id
            self.conversation_started.emit(conversation_id)

    def _turn_done(self, done: tuple[int, Any, list[TrackView]]) -> None:
        conversation, result, tracks = done
        self.busy, self.cancel_token = False, None
        self._wait_timer.stop()
        if self.conversation_id is None:
            self.conversation_id = conversation
            self.conversation_started.emit(conversation)
        self._paint_timer.stop()
        shown = screen_text(result.message, broken=result.status != "complete")  # the message's words, never JSON
        if self._reply is not None:
            if shown:
                self._reply.set_text(shown)
            else:
                self._reply.setParent(None)
                self._reply.deleteLater()
                self._reply = None
        if result.status != "complete":
            self._add_error(self._raw_note(), retry=self._resend_stored)
        standing = {t.id for t in tracks}
        this_reply = result.assistant_message_id
        # hidden, or replaced by another: only this reply's cards; earlier replies keep theirs
        for track_id in [t for t, c in self.cards.items() if c.track.message_id == this_reply and t not in standing]:
            card = self.cards.pop(track_id)
            card.setParent(None)
            card.deleteLater()
        self._card_queue = [t for t in self._card_queue if t.id in standing]
        for track in tracks:
            if track.id in self.cards:
                self.cards[track.id].update_track(track)
        missing = [t for t in tracks if t.id not in self.cards]
        if missing:
            self._card_queue = missing[1:]  # the rest one per pass; the feedback panel after them
            self._add_card(missing[0])
        self._then = [lambda: self._finish_turn(result, tracks)]
        self._card_timer.start()

    def _finish_turn(self, result: Any, tracks: list[TrackView]) -> None:
        message_id = result.assistant_message_id
        if tracks or result.not_shown:
            group = self._group(message_id)
            group.arrange([t.id for t in tracks])  # one order, the recommender's: the rating list's too
            group.show_not_shown(result.not_shown)
            group.show_unchecked(tracks)
        # the panel without its rating rows here; the rows a few per pass (all at once: 60
        # widgets built, shown, laid out and painted in one pass, more than a frame)
        panel = (self._feedback_panel(message_id, tracks, result.follow_up, rating_rows=0)
                 if result.status == "complete" else None)
        if panel is not None:
            self._put_feedback(panel)
            self._then.append(lambda: self._grow_feedback(result, panel))
        else:
            self._then.append(lambda: self._end_turn(result))

    def _grow_feedback(self, result: Any, panel: FeedbackPanel) -> None:
        more = panel.add_rating_rows(RATING_ROWS_PER_PASS)
        self._then.insert(0, (lambda: self._grow_feedback(result, panel)) if more else (lambda: self._end_turn(result)))

    def _end_turn(self, result: Any) -> None:
        self.turns_done += 1
        self._update_buttons()
        self.turn_finished.emit(result)
        self.turn_ended.emit()

    def _show_feedback(self, message_id: int, tracks: list[TrackView], follow_up: dict[str, Any] | None) -> None:
        panel = self._feedback_panel(message_id, tracks, follow_up)
        if panel is not None:
            self._put_feedback(panel)

    def _feedback_panel(self, message_id: int, tracks: list[TrackView], follow_up: dict[str, Any] | None,
                        rating_rows: int | None = None) -> FeedbackPanel | None:
        """The feedback panel under a reply, not yet in the transcript (None: nothing to ask)."""
        if self.read_only:
            return None
        modes = list(self.feedback_modes)
        kind = (follow_up or {}).get("kind")
        if not modes and kind and kind != FollowUpKind.NONE:
            modes = [kind]  # the plain assistant: the feedback its reply asks for
        if not modes or (not tracks and not (follow_up or {}).get("options")):
            return None
        panel = FeedbackPanel(modes, tracks, follow_up, self.own_description, rating_rows=rating_rows)
        if not panel.has_inputs():
            panel.deleteLater()
            return None
        panel.submitted.connect(lambda items, m=message_id: self.send_feedback(m, items))
        return panel

    def _put_feedback(self, panel: FeedbackPanel) -> None:
        self.feedback = panel
        self._add(panel)

    def _turn_failed(self, exc: BaseException) -> None:
        self.busy, self.cancel_token = False, None
        self._paint_timer.stop()
        self._wait_timer.stop()
        self.last_error = exc
        stored = isinstance(exc, LlmError)  # the participant's message was stored before the model was asked
        if self._reply is not None:
            # what streamed of the message, never the raw reply the error kept
            partial = (screen_text(self._pending_text) if self._pending_text
                       else screen_text(getattr(exc, "partial", "") or "", broken=True))
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
        self._load_next_cover()
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
        self.error_boxes.append(box)
        self._retry = retry
        self._update_buttons()

    def _raw_note(self) -> str:
        return self.tr("This reply did not arrive in the form diaryrec reads, so it shows no tracks. "
                       "Try again to ask for it once more.")

    # -- the diary's screenshot ------------------------------------------------------------
    def capture(self) -> QImage:
        """The whole conversation as one image (not only the part on screen)."""
        # the layout may not have caught up with cards and panels added this instant
        self.items.activate()
        self.scroll.fit()
        return render_full(self.scroll)

    def has_content(self) -> bool:
        return self.items.count() > 1
