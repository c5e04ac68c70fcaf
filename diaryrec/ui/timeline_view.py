"""The home screen's timeline: the study's weeks × days, today highlighted, each
day's state shown in words and colour (never colour alone)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from diaryrec.protocol.model import Activity
from diaryrec.services.study import ActiveStudy, DayState, DayStatus, Timeline


class DayCell(QPushButton):
    """One study day; a button so it can be reached and opened by keyboard."""

    def __init__(self, status: DayStatus, activity_text: str, state_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.status = status
        self.setObjectName("dayCell")
        self.setProperty("state", status.state.value)
        self.setProperty("today", status.is_today)
        self.setCheckable(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(96, 72)
        self.setText(f"{self.tr('Day')} {status.number}\n{activity_text}\n{state_text}")
        self.setAccessibleName(f"{self.tr('Day')} {status.number}: {activity_text}, {state_text}")


class TimelineView(QWidget):
    day_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self._grid = QGridLayout()
        self._grid.setSpacing(8)
        self._progress = QLabel()
        self._progress.setObjectName("progressLine")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._progress)
        holder = QFrame()
        holder.setLayout(self._grid)
        layout.addWidget(holder, 1)
        self.cells: list[DayCell] = []

    def activity_text(self, activity: Activity) -> str:
        return {
            Activity.ICE_BREAKING: self.tr("Ice-breaking sheet"),
            Activity.DAILY_COMPOSER: self.tr("Today's experiment"),
            Activity.PLANNING_SHEET: self.tr("Planning sheet"),
            Activity.PLANNING_REVISION: self.tr("Revise your sheet"),
            Activity.OWN_RECOMMENDER: self.tr("Your recommender"),
        }[activity]

    def state_text(self, state: DayState) -> str:
        return {
            DayState.DONE: self.tr("Done"),
            DayState.LATE: self.tr("Done (late)"),
            DayState.PARTLY: self.tr("Partly done"),
            DayState.MISSED: self.tr("Missed"),
            DayState.TODAY: self.tr("Today"),
            DayState.UPCOMING: self.tr("Upcoming"),
        }[state]

    def show_timeline(self, active: ActiveStudy, timeline: Timeline, lang: str) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.cells = []
        study = active.study
        for row, week in enumerate(study.weeks):
            label = QLabel(f"{self.tr('Week')} {week.number}\n{week.name.get(lang)}")
            label.setObjectName("weekLabel")
            label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
            self._grid.addWidget(label, row, 0)
        for status in timeline.days:
            text = self.state_text(status.state)
            if status.is_today and status.state is not DayState.TODAY:
                text = f"{self.tr('Today')} · {text}"
            cell = DayCell(status, self.activity_text(status.activity), text, self)
            cell.clicked.connect(lambda _=False, n=status.number: self.day_activated.emit(n))
            self._grid.addWidget(cell, status.week - 1, status.day_in_week)
            self.cells.append(cell)
        self._progress.setText(
            self.tr("{done} of {total} days with a recommendation session and a diary entry").format(
                done=timeline.complete_days, total=timeline.total_days
            )
        )
