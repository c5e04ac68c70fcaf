"""One participant's study days, weeks × days: each day coloured by its state AND
labelled with it in words, so the timeline reads without colour too. A day is a
button: activating it (click, Enter, Space) shows that day's records."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from diaryrec.protocol.model import StudyFile
from diaryrec.research.read import DayRow
from diaryrec.ui.research.words import STATE_COLOURS, ResearchWords


class ResearchDayCell(QPushButton):
    def __init__(self, row: DayRow, lines: list[str], accessible: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.row = row
        self.setObjectName("researchDay")
        self.setProperty("state", row.state)
        background, border = STATE_COLOURS.get(row.state, ("#ffffff", "#d8dee4"))
        # per cell, not in a shared style sheet: the colours belong to the data shown
        self.setStyleSheet(
            f"QPushButton#researchDay {{ background: {background}; border: 1px solid {border}; border-radius: 8px; text-align: left; }}"
            "QPushButton#researchDay:focus { border: 2px solid #0969da; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(92, 70)
        self.label = QLabel("<br>".join(lines))
        self.label.setObjectName("researchDayText")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setStyleSheet("background: transparent; color: #1f2328; font-size: 12px;")
        inner = QVBoxLayout(self)
        inner.setContentsMargins(7, 5, 5, 5)
        inner.addWidget(self.label)
        self.setAccessibleName(accessible)
        self.setToolTip(accessible)


class StudyTimeline(QWidget):
    day_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("researchTimeline")
        self.words = ResearchWords(self)
        self.grid = QGridLayout(self)
        self.grid.setSpacing(6)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.cells: list[ResearchDayCell] = []
        self.week_labels: list[QLabel] = []

    def clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.cells, self.week_labels = [], []

    def show_days(self, days: tuple[DayRow, ...] | list[DayRow], study: StudyFile | None, lang: str) -> None:
        self.clear()
        week_names = {w.number: w.name.get(lang) for w in study.weeks} if study is not None else {}
        for week in sorted({d.week for d in days}):
            text = self.tr("Week {number}").format(number=week)
            if week_names.get(week):
                text += "\n" + week_names[week]
            label = QLabel(text)
            label.setObjectName("weekLabel")
            self.grid.addWidget(label, week - 1, 0)
            self.week_labels.append(label)
        previous: QWidget | None = None
        for row in days:
            day = self.tr("Day {number}").format(number=row.number)
            state = self.words.state(row.state)
            activity = self.words.activity(row.activity)
            lines = [f"<b>{html.escape(day)}</b>", html.escape(activity), f"<b>{html.escape(state)}</b>"]
            accessible = f"{day}: {activity}, {state}"
            if row.interview:
                interview = self.tr("Interview")
                lines.append(html.escape(interview))
                accessible += f", {interview}"
            cell = ResearchDayCell(row, lines, accessible, self)
            cell.clicked.connect(lambda _=False, n=row.number: self.day_activated.emit(n))
            self.grid.addWidget(cell, row.week - 1, row.day_in_week)
            if previous is not None:
                QWidget.setTabOrder(previous, cell)  # reading order: day 1, 2, 3, …
            previous = cell
            self.cells.append(cell)
