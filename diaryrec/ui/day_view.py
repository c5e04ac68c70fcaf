"""A study day's record, read-only: its conversations (messages and the tracks
recommended) and its diary entry with the screenshots."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QImage, QImageReader, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from diaryrec.protocol import schedule
from diaryrec.services.day_record import DayRecord, day_record
from diaryrec.store import Store
from diaryrec.runtime.context import AppContext
from diaryrec.ui.errors import error_text
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.words import verdict_text
from diaryrec.ui.screen import Screen


SHOT_WIDTH = 480


def _record_with_images(store: Store, day: int) -> tuple[DayRecord, dict[str, QImage]]:
    """The day's record and its screenshots scaled for the page (worker side)."""
    record = day_record(store, day)
    images: dict[str, QImage] = {}
    for shot in record.diary.screenshots:
        reader = QImageReader(str(shot.path))
        size = reader.size()
        if size.isValid() and size.width() > SHOT_WIDTH:
            reader.setScaledSize(size.scaled(SHOT_WIDTH, 10 * size.height(), Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if not image.isNull():
            images[shot.path.name] = image
    return record, images


class DayView(QWidget, Screen):
    back_requested = Signal()
    diary_requested = Signal(int)
    activity_requested = Signal(int)  # a past day's sheet or chat, read-only

    def __init__(self, context: AppContext, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.tasks = context, tasks
        self.setObjectName("dayView")
        self.day: int | None = None
        self.record: DayRecord | None = None

        self.back_button = QPushButton(self.tr("← Back to home"))
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.diary_button = QPushButton()
        self.diary_button.clicked.connect(lambda: self.day is not None and self.diary_requested.emit(self.day))
        self.diary_button.setVisible(False)
        self.activity_button = QPushButton(self.tr("Open this day's activity (read-only)"))
        self.activity_button.clicked.connect(lambda: self.day is not None and self.activity_requested.emit(self.day))
        self.activity_button.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.activity_button)
        top.addWidget(self.diary_button)

        self.browser = QTextBrowser()
        self.browser.setObjectName("dayRecord")
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(self.tr("Conversations and diary entry of this day"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)

    def show_day(self, day: int) -> None:
        self.day = day
        self.record = None
        self.title.setText(self.tr("Day {day}").format(day=day))
        self.browser.setPlainText(self.tr("Loading…"))
        self.tasks.run(_record_with_images, self.context.store, day, on_done=self._loaded, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.browser.setPlainText(self.tr("This day could not be read: {error}").format(error=error_text(exc)))

    def _loaded(self, loaded: tuple[DayRecord, dict[str, QImage]]) -> None:
        record, images = loaded
        if record.day != self.day:
            return  # the participant opened another day meanwhile
        self.record = record
        active = self.context.study
        if active is None:
            return
        lang = self.context.language
        study_day = schedule.study_day(active.study, record.day)
        self.title.setText(
            self.tr("Day {day} · Week {week}: {name}").format(day=record.day, week=study_day.week.number, name=study_day.week.name.get(lang))
        )
        today = active.day_number(self.context.now())
        self.activity_button.setVisible(record.day < today)
        can_write = record.day <= today and not record.diary.saved
        self.diary_button.setVisible(can_write)
        if can_write:
            self.diary_button.setText(self.tr("Write this day's diary") if record.day == today else self.tr("Write this day's diary (late)"))
        document = self.browser.document()
        for name, image in images.items():  # decoded in the worker; the browser reads no file itself
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"shot:{name}"), image)
        self.browser.setHtml(self.render_html(record, study_day))

    def render_html(self, record: DayRecord, study_day: schedule.StudyDay) -> str:
        esc = html.escape
        lang = self.context.language
        parts = ["<h2>{}</h2>".format(esc(self.tr("Conversations")))]
        if not record.conversations:
            parts.append("<p><i>{}</i></p>".format(esc(self.tr("No conversation on this day."))))
        for conv in record.conversations:
            label = self.tr("Conversation started {time}").format(time=conv.started_at.astimezone(self.context.study.zone).strftime("%H:%M"))  # type: ignore[union-attr]
            if conv.sandbox:
                label += " · " + self.tr("sandbox (scripted replies)")
            parts.append(f"<h3>{esc(label)}</h3>")
            for message in conv.messages:
                who = self.tr("You") if message.role == "user" else self.tr("Recommender")
                text = esc(message.text).replace("\n", "<br>")
                parts.append(f"<p><b>{esc(who)}:</b> {text}</p>")
                if message.tracks:
                    items = "".join(
                        "<li>{title} — {artist}{album}{year} <i>[{verdict}]</i></li>".format(
                            title=esc(t.title), artist=esc(t.artist),
                            album=f", {esc(t.album)}" if t.album else "", year=f" ({t.year})" if t.year else "",
                            verdict=esc(verdict_text(t.verdict, t.catalog)),
                        )
                        for t in message.tracks
                    )
                    parts.append(f"<ul>{items}</ul>")
        parts.append("<h2>{}</h2>".format(esc(self.tr("Diary entry"))))
        diary = record.diary
        if diary.status == "none":
            parts.append("<p><i>{}</i></p>".format(esc(self.tr("No diary entry for this day."))))
        else:
            state = self.tr("Saved") if diary.saved else self.tr("Draft, not saved")
            if diary.late:
                state += " · " + self.tr("late")
            parts.append(f"<p><i>{esc(state)}</i></p>")
            for question in study_day.diary_questions:
                if question.kind == "screenshot":
                    parts.append(f"<p><b>{esc(question.text.get(lang))}</b></p>")
                    for shot in diary.screenshots:
                        parts.append(f'<p><img src="shot:{esc(shot.path.name)}"></p>')
                    if not diary.screenshots:
                        parts.append("<p><i>{}</i></p>".format(esc(self.tr("No screenshot."))))
                    continue
                answer = esc(diary.answers.get(question.id, "")).replace("\n", "<br>") or "<i>{}</i>".format(esc(self.tr("(no answer)")))
                parts.append(f"<p><b>{esc(question.text.get(lang))}</b><br>{answer}</p>")
        return "\n".join(parts)

