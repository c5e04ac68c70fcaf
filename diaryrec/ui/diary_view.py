"""The diary entry of a day: the week's questions, the screenshots, and drafts
autosaved a few seconds after the participant stops typing (so a crash loses at
most those seconds)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QImageReader, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from diaryrec.protocol import schedule
from diaryrec.services import diary
from diaryrec.services.diary import DiaryState
from diaryrec.runtime.context import AppContext
from diaryrec.ui.file_dialogs import pictures_folder
from diaryrec.ui.errors import error_text
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.widgets import page_scroll
from diaryrec.ui.screen import Screen

AUTOSAVE_MS = 3000
THUMB = QSize(200, 150)
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".heic", ".heif", ".webp", ".gif", ".bmp"}


def _thumbnails(paths: list[tuple[int, Path]]) -> list[tuple[int, QImage]]:
    """Scaled previews, decoded in a worker (QImage, unlike QPixmap, may be)."""
    out = []
    for shot_id, path in paths:
        reader = QImageReader(str(path))
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
        out.append((shot_id, reader.read()))
    return out


class ScreenshotPanel(QFrame):
    """The screenshots of an entry; image files can be dropped on it."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("screenshotPanel")
        self.setAcceptDrops(True)
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setFixedHeight(THUMB.height() + 48)
        self.list.setAccessibleName(self.tr("Screenshots of this entry"))
        self.empty = QLabel(self.tr("No screenshot yet. The day's conversation is added here automatically; you can also add images or drop them here."))
        self.empty.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add image…"))
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.remove_button.setEnabled(False)
        self.list.itemSelectionChanged.connect(lambda: self.remove_button.setEnabled(bool(self.list.selectedItems())))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if any(Path(u.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        self.files_dropped.emit([p for p in paths if p.suffix.lower() in IMAGE_SUFFIXES])
        event.acceptProposedAction()


class DiaryView(QWidget, Screen):
    saved = Signal(int)

    def __init__(self, context: AppContext, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.tasks = context, tasks
        self.setObjectName("diaryView")
        self.day: int | None = None
        self.state: DiaryState | None = None
        self.editors: dict[str, QPlainTextEdit] = {}
        self.screenshots: ScreenshotPanel | None = None
        self._dirty = False

        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_draft_now)

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.status = QLabel()
        self.status.setObjectName("screenSubtitle")
        self.status.setAccessibleName(self.tr("Diary status"))
        self.body = QWidget()
        self.body.setObjectName("diaryBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(10)
        scroll = page_scroll(self.body)
        self.save_button = QPushButton(self.tr("Save entry"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setToolTip(self.tr("Save the entry (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_entry)
        self.save_button.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_entry)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

    # -- loading ---------------------------------------------------------------
    def screen_shown(self) -> None:
        active = self.context.study
        if self.day is None and active is not None:
            today = active.day_number(self.context.now())
            if 1 <= today <= active.study.total_days:
                self.show_day(today)
            else:
                self.title.setText(self.tr("Diary"))
                self.status.setText(self.tr("There is no study day today."))

    def show_day(self, day: int) -> None:
        if self.day is not None and self.day != day:
            self.flush()
        self.day = day
        self.state = None
        self.save_button.setEnabled(False)
        self.title.setText(self.tr("Diary · Day {day}").format(day=day))
        self.status.setText(self.tr("Loading…"))
        self._build_questions(day)
        self.tasks.run(diary.open_entry, self.context.store, day, owner=self, topic="day", key=day,
                       on_done=self._loaded, on_error=self._failed)

    def _build_questions(self, day: int) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.editors = {}
        self.screenshots = None
        active = self.context.study
        if active is None:
            return
        lang = self.context.language
        for question in schedule.study_day(active.study, day).diary_questions:
            label = QLabel(question.text.get(lang))
            label.setObjectName("questionLabel")
            label.setWordWrap(True)
            self.body_layout.addWidget(label)
            if question.kind == "screenshot":
                panel = ScreenshotPanel()
                panel.add_button.clicked.connect(self.choose_images)
                panel.remove_button.clicked.connect(self.remove_selected)
                panel.files_dropped.connect(self.add_images)
                panel.list.itemActivated.connect(self._open_screenshot)  # double-click or Enter: larger
                self.screenshots = panel
                self.body_layout.addWidget(panel)
                continue
            editor = QPlainTextEdit()
            editor.setObjectName(f"answer_{question.id}")
            editor.setAccessibleName(question.text.get(lang))
            editor.setTabChangesFocus(True)  # Tab moves on; the diary needs no tab characters
            editor.setMinimumHeight(120)
            editor.setEnabled(False)
            editor.textChanged.connect(self._edited)
            label.setBuddy(editor)
            self.editors[question.id] = editor
            self.body_layout.addWidget(editor)
        self.body_layout.addStretch(1)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Could not read or save the diary: {error}").format(error=error_text(exc)))

    def _loaded(self, state: DiaryState) -> None:
        self.state = state
        for key, editor in self.editors.items():
            editor.blockSignals(True)
            editor.setPlainText(state.answers.get(key, ""))
            editor.blockSignals(False)
            editor.setEnabled(True)
        self._dirty = False
        self.save_button.setEnabled(True)
        self._show_status()
        self._show_screenshots(state)

    def _show_status(self) -> None:
        state = self.state
        if state is None:
            return
        zone = self.context.study.zone if self.context.study else None
        if state.saved and state.saved_at is not None:
            text = self.tr("Saved at {time}.").format(time=state.saved_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"))
            if state.late:
                text += " " + self.tr("Marked late: it was saved after the day ended.")
            if self._dirty:
                text += " " + self.tr("You have changes: press Save entry to keep them.")
            self.save_button.setText(self.tr("Save changes"))
        elif state.status == "draft" and state.drafted_at is not None:
            text = self.tr("Draft kept at {time}. Press Save entry when you are done.").format(
                time=state.drafted_at.astimezone(zone).strftime("%H:%M:%S")
            )
            self.save_button.setText(self.tr("Save entry"))
        else:
            text = self.tr("Not written yet. What you type is kept as a draft every few seconds.")
            self.save_button.setText(self.tr("Save entry"))
        self.status.setText(text)

    def _show_screenshots(self, state: DiaryState) -> None:
        panel = self.screenshots
        if panel is None:
            return
        panel.list.clear()
        panel.empty.setVisible(not state.screenshots)
        panel.list.setVisible(bool(state.screenshots))
        if not state.screenshots:
            return
        self.tasks.run(
            _thumbnails, [(s.id, s.path) for s in state.screenshots], owner=self, topic="day", key=state.day,
            on_done=self._show_thumbnails, on_error=self._failed,
        )

    def _show_thumbnails(self, thumbs: list[tuple[int, QImage]]) -> None:
        if self.screenshots is None or self.state is None:
            return
        automatic = {s.id: s.automatic for s in self.state.screenshots}
        for number, (shot_id, image) in enumerate(thumbs, start=1):
            text = self.tr("Conversation {n}").format(n=number) if automatic.get(shot_id) else self.tr("Image {n}").format(n=number)
            item = QListWidgetItem(QPixmap.fromImage(image), text)
            item.setData(Qt.ItemDataRole.UserRole, shot_id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            self.screenshots.list.addItem(item)

    def _open_screenshot(self, item: QListWidgetItem) -> None:
        shots = {s.id: s.path for s in self.state.screenshots} if self.state is not None else {}
        path = shots.get(item.data(Qt.ItemDataRole.UserRole))
        if path is not None:
            from diaryrec.ui.image_viewer import open_image

            open_image(self, self.tasks, path, item.text())

    # -- editing ---------------------------------------------------------------
    def answers(self) -> dict[str, str]:
        return {key: editor.toPlainText() for key, editor in self.editors.items()}

    def _edited(self) -> None:
        self._dirty = True
        if self.state is not None and self.state.saved:
            self._show_status()
        self.autosave.start()

    def save_draft_now(self) -> None:
        if self.day is None or self.state is None or not self._dirty or self.state.saved:
            return
        self._dirty = False
        self.tasks.run(
            diary.save_draft, self.context.store, self.day, self.answers(), owner=self, topic="day", key=self.day,
            now=self.context.now(), on_done=self._draft_saved, on_error=self._failed,
        )

    def _draft_saved(self, state: DiaryState) -> None:
        if self.state is not None:
            self.state = state
            self._show_status()

    def flush(self) -> None:
        """Keep what was typed now (on leaving the screen, closing, or switching day)."""
        if self.autosave.isActive():
            self.autosave.stop()
        self.save_draft_now()

    def save_entry(self) -> None:
        active = self.context.study
        if self.day is None or self.state is None or active is None:
            return
        self.autosave.stop()
        self._dirty = False
        self.save_button.setEnabled(False)
        self.tasks.run(
            diary.save_entry, self.context.store, active, self.day, self.answers(),
            now=self.context.now(), on_done=self._entry_saved, on_error=self._save_failed,
        )

    def _save_failed(self, exc: BaseException) -> None:
        self._dirty = True
        self.save_button.setEnabled(True)
        self._failed(exc)

    def _entry_saved(self, state: DiaryState) -> None:
        self.save_button.setEnabled(True)
        if state.day == self.day:
            self.state = state
            self._show_status()
        self.saved.emit(state.day)

    # -- screenshots -----------------------------------------------------------
    def choose_images(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add images to the diary"), pictures_folder(),
            self.tr("Images (*.png *.jpg *.jpeg *.heic *.heif *.webp *.gif *.bmp)"),
        )
        self.add_images([Path(n) for n in names])

    def add_images(self, paths: list[Path]) -> None:
        if self.day is None or not paths:
            return
        day, store = self.day, self.context.store

        def add_all() -> DiaryState:
            for path in paths:
                diary.add_image_file(store, day, path)
            return diary.latest_draft(store, day)

        self.tasks.run(add_all, owner=self, topic="day", key=day, on_done=self._screenshots_changed, on_error=self._failed)

    def add_capture(self, png: bytes) -> None:
        """Part 2's chat view hands in the rendered conversation (screenshots.render_full)."""
        if self.day is None:
            return
        day, store = self.day, self.context.store

        def add() -> DiaryState:
            diary.add_screenshot(store, day, png, automatic=True)
            return diary.latest_draft(store, day)

        self.tasks.run(add, owner=self, topic="day", key=day, on_done=self._screenshots_changed, on_error=self._failed)

    def remove_selected(self) -> None:
        if self.screenshots is None or self.day is None:
            return
        ids = [item.data(Qt.ItemDataRole.UserRole) for item in self.screenshots.list.selectedItems()]
        day, store = self.day, self.context.store

        def remove() -> DiaryState:
            for shot_id in ids:
                diary.remove_screenshot(store, shot_id)
            return diary.latest_draft(store, day)

        self.tasks.run(remove, owner=self, topic="day", key=day, on_done=self._screenshots_changed, on_error=self._failed)

    def _screenshots_changed(self, state: DiaryState) -> None:
        if self.state is None:
            return
        # keep what is being typed; take the stored status and the new screenshot list
        self.state = state
        self._show_status()
        self._show_screenshots(state)
