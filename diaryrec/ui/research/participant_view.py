"""One participant, read-only: a heading, their 21-day timeline, and tabs for
conversations, diary entries and sheet versions. Screenshots and chat images are
decoded and scaled in a worker; the pages are drawn at once and again when the
images arrive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QLabel, QScrollArea, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from diaryrec.research.browse import ParticipantDetail, local_time
from diaryrec.research.read import ParticipantSummary
from diaryrec.ui.research.loading import DecodedImage, decode_images
from diaryrec.ui.research.pages import ImageSlots, ResearchPages
from diaryrec.ui.research.timeline import StudyTimeline
from diaryrec.ui.tasks import TaskRunner


def _decode(detail: ParticipantDetail, paths: list[Path]) -> tuple[ParticipantDetail, dict[str, DecodedImage]]:
    return detail, decode_images(paths)


def _browser(name: str, accessible: str) -> QTextBrowser:
    browser = QTextBrowser()
    browser.setObjectName(name)
    browser.setOpenLinks(False)  # links open the full image outside; nothing navigates inside
    browser.setAccessibleName(accessible)
    browser.setReadOnly(True)
    return browser


class ParticipantView(QWidget):
    def __init__(self, tasks: TaskRunner, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.setObjectName("participantView")
        self.pages = ResearchPages(lang, self)
        self.detail: ParticipantDetail | None = None
        self.slots = ImageSlots()

        self.heading = QLabel()
        self.heading.setObjectName("screenTitle")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setObjectName("screenSubtitle")
        self.summary.setWordWrap(True)
        self.timeline = StudyTimeline()
        self.timeline.day_activated.connect(self.show_day)
        self.day_note = QLabel()
        self.day_note.setObjectName("screenSubtitle")
        timeline_page = QScrollArea()
        timeline_page.setObjectName("timelineScroll")
        timeline_page.setWidgetResizable(True)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.addWidget(self.timeline)
        holder_layout.addWidget(self.day_note)
        holder_layout.addStretch(1)
        timeline_page.setWidget(holder)

        self.conversations = _browser("researchConversations", self.tr("Conversations and recommendation cards"))
        self.diary = _browser("researchDiary", self.tr("Diary entries and screenshots"))
        self.sheets = _browser("researchSheets", self.tr("Sheet versions and compiled prompts"))
        for browser in (self.conversations, self.diary):
            browser.anchorClicked.connect(self._open_link)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("participantTabs")
        self.tabs.addTab(timeline_page, self.tr("Timeline"))
        self.tabs.addTab(self.conversations, self.tr("Conversations"))
        self.tabs.addTab(self.diary, self.tr("Diary"))
        self.tabs.addTab(self.sheets, self.tr("Sheets"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.detail = None
        self.heading.setText(self.tr("No participant chosen"))
        self.summary.setText(self.tr("Choose a participant in the table above."))
        self.timeline.clear()
        self.day_note.clear()
        for browser in (self.conversations, self.diary, self.sheets):
            browser.clear()

    def show_loading(self, code: str) -> None:
        self.heading.setText(code)
        self.summary.setText(self.tr("Reading this participant's data…"))

    def compliance_text(self, s: ParticipantSummary) -> str:
        """Compliance over the days ended at the export, the study's length beside it."""
        if s.compliance is None:
            return self.tr("no day had ended at the export (the study has {total} days)").format(total=s.days_total)
        return self.tr("compliance {percent}: {done} of {ended} ended days complete (the study has {total} days)").format(
            percent=f"{round(s.compliance * 100)}%", done=s.ended_days_done, ended=s.days_ended, total=s.days_total)

    def show_detail(self, detail: ParticipantDetail) -> None:
        self.detail = detail
        self.slots = ImageSlots()
        for browser in (self.conversations, self.diary):
            browser.document().clear()  # drops the former participant's decoded images too
        self.day_note.setText(self.tr("Choose a day to read its conversation or diary entry."))
        s = detail.participant.summary
        self.heading.setText(s.code)
        self.summary.setText(
            self.tr("Study {study} · time zone {zone} · exported {time} · {compliance} · {sessions} sessions, {entries} diary entries").format(
                study=s.study_id, zone=s.time_zone, time=local_time(s.exported_at, s.time_zone),
                compliance=self.compliance_text(s), sessions=s.sessions, entries=s.diary_entries,
            )
        )
        self.timeline.show_days(detail.days, detail.study, self.pages.lang)
        self.sheets.setHtml(self.pages.sheets(detail))
        self._draw_image_pages()
        paths = [p for c in detail.conversations for m in c.messages for p in m.images if p is not None]
        paths += [p for d in detail.diaries for p in d.screenshots if p is not None]
        if paths:
            # a bound method, not a lambda: the runner drops the answer if this view is gone by then
            self.tasks.run(_decode, detail, paths, on_done=self._images_ready)
        else:
            self.slots.done = True

    def _draw_image_pages(self) -> None:
        detail = self.detail
        if detail is None:
            return
        for browser, html in ((self.conversations, self.pages.conversations(detail, self.slots)), (self.diary, self.pages.diary(detail, self.slots))):
            position = browser.verticalScrollBar().value()
            browser.setHtml(html)
            browser.verticalScrollBar().setValue(position)

    def _images_ready(self, decoded: tuple[ParticipantDetail, dict[str, DecodedImage]]) -> None:
        detail, images = decoded
        if detail is not self.detail:
            return  # another participant was chosen meanwhile
        self.slots.done = True
        for path, decoded in images.items():
            self.slots.decoded[path] = decoded.clipped
            url = QUrl(self.slots.name(Path(path)))
            for browser in (self.conversations, self.diary):
                browser.document().addResource(QTextDocument.ResourceType.ImageResource, url, decoded.image)
        self._draw_image_pages()

    @property
    def images_done(self) -> bool:
        return self.slots.done

    def show_day(self, day: int) -> None:
        """The day's conversation, else its diary entry (the timeline's day buttons)."""
        detail = self.detail
        if detail is None:
            return
        if any(c.study_day == day for c in detail.conversations):
            self.tabs.setCurrentWidget(self.conversations)
            self.conversations.scrollToAnchor(f"day-{day}")
        elif any(d.study_day == day for d in detail.diaries):
            self.tabs.setCurrentWidget(self.diary)
            self.diary.scrollToAnchor(f"day-{day}")
        else:
            self.day_note.setText(self.tr("Day {day}: no conversation and no diary entry.").format(day=day))

    def _open_link(self, url: QUrl) -> None:
        if url.isLocalFile():
            QDesktopServices.openUrl(url)
