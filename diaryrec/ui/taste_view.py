""""My taste": what the participant liked and disliked over the weeks, the keywords
that keep coming back, their own notes, and a box for their own annotation."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from diaryrec.services import taste
from diaryrec.services.taste import TasteSummary, TasteTrack
from diaryrec.runtime.context import AppContext
from diaryrec.ui.errors import error_text
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.screen import Screen


class TasteView(QWidget, Screen):
    def __init__(self, context: AppContext, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.tasks = context, tasks
        self.setObjectName("tasteView")
        self.summary: TasteSummary | None = None

        title = QLabel(self.tr("My taste"))
        title.setObjectName("screenTitle")
        intro = QLabel(self.tr("What you rated and said over the weeks, gathered in one place. Add your own notes on the right."))
        intro.setObjectName("screenSubtitle")
        intro.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Liked and disliked tracks, keywords and notes"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("My notes about my taste"))
        self.notes.setPlaceholderText(self.tr("What have you learned about your taste in music?"))
        self.notes.setTabChangesFocus(True)
        self.notes.textChanged.connect(lambda: self.save_button.setEnabled(True))
        notes_label = QLabel(self.tr("&My notes"))
        notes_label.setBuddy(self.notes)
        self.save_button = QPushButton(self.tr("Save notes"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_notes)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("screenSubtitle")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(notes_label)
        right_layout.addWidget(self.notes, 1)
        row = QHBoxLayout()
        row.addWidget(self.saved_label, 1)
        row.addWidget(self.save_button)
        right_layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.browser)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)

    def screen_shown(self) -> None:
        self.tasks.run(taste.taste_summary, self.context.store, on_done=self._loaded, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.saved_label.setText(self.tr("Could not read or save: {error}").format(error=error_text(exc)))
        self.save_button.setEnabled(True)

    def _loaded(self, summary: TasteSummary) -> None:
        self.summary = summary
        self.browser.setHtml(self.render_html(summary))
        if not self.save_button.isEnabled():  # never overwrite notes being typed
            self.notes.blockSignals(True)
            self.notes.setPlainText(summary.annotation)
            self.notes.blockSignals(False)
        self._show_saved(summary)

    def _show_saved(self, summary: TasteSummary) -> None:
        if summary.annotated_at is not None:
            zone = self.context.study.zone if self.context.study else None
            self.saved_label.setText(self.tr("Notes saved {time}").format(time=summary.annotated_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")))

    def save_notes(self) -> None:
        self.save_button.setEnabled(False)
        store, text = self.context.store, self.notes.toPlainText()

        def save() -> TasteSummary:
            taste.save_annotation(store, text)
            return taste.taste_summary(store)

        self.tasks.run(save, on_done=self._loaded, on_error=self._failed)

    def render_html(self, summary: TasteSummary) -> str:
        esc = html.escape
        if summary.empty:
            return "<p><i>{}</i></p>".format(
                esc(self.tr("Nothing here yet. When you rate tracks or tell the recommender what you think, it gathers here."))
            )
        parts: list[str] = []

        def tracks(heading: str, items: list[TasteTrack]) -> None:
            parts.append(f"<h3>{esc(heading)}</h3>")
            if not items:
                parts.append("<p><i>{}</i></p>".format(esc(self.tr("None yet."))))
                return
            rows = []
            for t in items:
                # the number too: stars alone say nothing to a screen reader
                stars = "★" * t.rating + "☆" * (5 - t.rating) + f" {t.rating}/5" if t.rating else esc(self.tr("tournament winner"))
                extra = ", ".join(x for x in (t.album or "", str(t.year) if t.year else "") if x)
                day = self.tr("day {day}").format(day=", ".join(str(d) for d in t.days) or t.study_day)
                rows.append(
                    f"<li><b>{esc(t.title)}</b> — {esc(t.artist)}{' (' + esc(extra) + ')' if extra else ''} "
                    f"<span style='color:#9a6700'>{stars}</span> <span style='color:#57606a'>· {esc(day)}</span></li>"
                )
            parts.append("<ul>" + "".join(rows) + "</ul>")

        def keywords(heading: str, items: list[tuple[str, int]]) -> None:
            if items:
                chips = " &nbsp; ".join(f"{esc(k)}&nbsp;<span style='color:#57606a'>×{n}</span>" for k, n in items)
                parts.append(f"<p><b>{esc(heading)}</b><br>{chips}</p>")

        tracks(self.tr("Tracks you liked"), summary.liked)
        keywords(self.tr("Keywords that keep coming back in what you liked"), summary.liked_keywords)
        tracks(self.tr("Tracks you did not like"), summary.disliked)
        keywords(self.tr("Keywords in what you did not like"), summary.disliked_keywords)
        parts.append("<h3>{}</h3>".format(esc(self.tr("What you said"))))
        if not summary.notes:
            parts.append("<p><i>{}</i></p>".format(esc(self.tr("None yet."))))
        else:
            rows = []
            for note in summary.notes:
                where = self.tr("your idea (ice-breaking)") if note.kind == "idea" else self.tr("day {day}").format(day=note.study_day)
                about = " <i>{}</i>".format(esc(self.tr("about {track}").format(track=note.track))) if note.track else ""
                rows.append(f"<li>{esc(note.text)}{about} <span style='color:#57606a'>· {esc(where)}</span></li>")
            parts.append("<ul>" + "".join(rows) + "</ul>")
        return "\n".join(parts)
