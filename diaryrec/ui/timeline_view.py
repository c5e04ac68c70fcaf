"""The home screen's timeline: the study's weeks × days, today highlighted, each
day's state shown in words and colour (never colour alone)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from diaryrec.protocol.calendar import Activity, Calendar
from diaryrec.protocol.schedule import DayState, DayStatus, Timeline


MIN_CELL_WIDTH = 80


class DayCell(QPushButton):
    """One study day; a button so it can be reached and opened by keyboard."""

    def __init__(self, status: DayStatus, activity_text: str, state_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.status = status
        self.setObjectName("dayCell")
        self.setProperty("state", status.state.value)
        self.setProperty("today", status.is_today)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # seven in a row fit a 1024-pixel window beside the sidebar; the words wrap inside
        self.setMinimumSize(MIN_CELL_WIDTH, 78)
        day = self.tr("Day {number}").format(number=status.number)
        # Labels inside, not the button's own text: the activity wraps instead of being
        # cut. Plain text (bold by style.qss), not HTML: 21 rich-text labels cost the
        # first paint 10 ms. Labels ignore the mouse: a click anywhere reaches the button.
        self.title = QLabel(day)
        self.title.setObjectName("dayCellTitle")
        self.label = QLabel(f"{activity_text}\n{state_text}")
        self.label.setObjectName("dayCellText")  # aligned top left by style.qss
        self.label.setWordWrap(True)
        # the cell's width decides where the words wrap, never the words the cell's width
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(0)
        inner = QVBoxLayout(self)
        inner.setContentsMargins(6, 6, 4, 6)
        inner.setSpacing(0)
        inner.addWidget(self.title)
        inner.addWidget(self.label, 1)
        self.setAccessibleName(f"{day}: {activity_text}, {state_text}")
        # Days to come have nothing to open yet.
        self.setEnabled(status.state is not DayState.UPCOMING)


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

    def show_timeline(self, calendar: Calendar, timeline: Timeline, lang: str) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.cells = []
        columns = max((week.days for week in calendar.weeks), default=7)
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)  # equal columns, whatever each day's words
        for row, week in enumerate(calendar.weeks):  # each week's name above its days: the row keeps its width for them
            label = QLabel(self.tr("Week {number}").format(number=week.number) + f" · {week.name.get(lang, '')}")
            label.setObjectName("weekLabel")  # aligned by style.qss
            self._grid.addWidget(label, 2 * row, 0, 1, columns)
        previous: QWidget | None = None
        for status in timeline.days:
            text = self.state_text(status.state)
            if status.is_today and status.state is not DayState.TODAY:
                text = self.tr("Today · {state}").format(state=text)
            if status.tasks_total and status.tasks_done < status.tasks_total and status.state is not DayState.UPCOMING:
                text += "\n" + self.tr("{done} of {total} done").format(done=status.tasks_done, total=status.tasks_total)
            cell = DayCell(status, self.activity_text(status.activity), text, self)
            cell.clicked.connect(lambda _=False, n=status.number: self.day_activated.emit(n))
            self._grid.addWidget(cell, 2 * status.week - 1, status.day_in_week - 1)
            if previous is not None:
                QWidget.setTabOrder(previous, cell)  # reading order: day 1, 2, 3, …
            previous = cell
            self.cells.append(cell)
        self._progress.setText(
            self.tr("{done} of {total} days with a recommendation session and a diary entry").format(
                done=timeline.complete_days, total=timeline.total_days
            )
        )
