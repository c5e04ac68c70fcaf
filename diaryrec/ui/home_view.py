"""Home: today's card (what is due, the diary's state, the current recommender)
above the three-week timeline. Reads its data through a worker on every show."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from diaryrec.protocol import schedule
from diaryrec.protocol.model import Activity
from diaryrec.services.home import HomeSummary, home_summary
from diaryrec.ui.context import AppContext
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.timeline_view import TimelineView
from diaryrec.ui.widgets import page_scroll


class HomeView(QWidget):
    day_activated = Signal(int)  # open a day's read-only record
    diary_requested = Signal(int)  # write the diary of a day

    def __init__(self, context: AppContext, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.tasks = context, tasks
        self.setObjectName("home")
        self.setWindowTitle(self.tr("Home"))
        self.summary: HomeSummary | None = None
        self._activity_launcher: Callable[[int, Activity], None] | None = None

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("screenSubtitle")

        self.today_card = QFrame()
        self.today_card.setObjectName("card")
        card = QVBoxLayout(self.today_card)
        self.today_heading = QLabel()
        self.today_heading.setObjectName("cardHeading")
        self.today_heading.setWordWrap(True)
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.due_label.setTextFormat(Qt.TextFormat.PlainText)
        self.recommender_label = QLabel()
        self.recommender_label.setObjectName("recommenderLine")
        self.recommender_label.setWordWrap(True)
        buttons = QHBoxLayout()
        self.activity_button = QPushButton(self.tr("Start today's activity"))
        self.activity_button.setObjectName("primaryButton")
        self.activity_button.clicked.connect(self._start_activity)
        self.activity_button.setVisible(False)
        self.diary_button = QPushButton(self.tr("Write today's diary"))
        self.diary_button.setObjectName("primaryButton")
        self.diary_button.clicked.connect(self._write_diary)
        buttons.addWidget(self.activity_button)
        buttons.addWidget(self.diary_button)
        buttons.addStretch(1)
        card.addWidget(self.today_heading)
        card.addWidget(self.due_label)
        card.addWidget(self.recommender_label)
        card.addLayout(buttons)

        self.timeline_view = TimelineView()
        self.timeline_view.day_activated.connect(self.day_activated)

        inner = QWidget()
        inner.setObjectName("homeInner")
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.today_card)
        layout.addWidget(self.timeline_view, 1)
        scroll = page_scroll(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.diary_button.setEnabled(False)

    def set_activity_launcher(self, launcher: Callable[[int, Activity], None] | None) -> None:
        """Part 2 (sheets, chat) hands in what opens the day's activity; until then
        the home screen offers only the diary."""
        self._activity_launcher = launcher
        self._render()

    def screen_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        active = self.context.study
        if active is None:
            return
        self.tasks.run(home_summary, self.context.store, active, self.context.now(), on_done=self._loaded, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.due_label.setText(self.tr("The study's data could not be read: {error}").format(error=exc))

    def _loaded(self, summary: HomeSummary) -> None:
        self.summary = summary
        self._render()

    def _render(self) -> None:
        active, summary = self.context.study, self.summary
        if active is None or summary is None:
            return
        lang = self.context.language
        study = active.study
        self.title.setText(study.study.name.get(lang))
        subtitle = self.tr("Participant {code} · joined {date}").format(
            code=active.enrolment.participant_code, date=active.enrolment.enrolled_on.isoformat()
        )
        if self.context.sandbox:
            subtitle += " · " + self.tr("sandbox (scripted replies)")
        self.subtitle.setText(subtitle)
        self.timeline_view.show_timeline(active, summary.timeline, lang)
        if summary.recommender:
            self.recommender_label.setText(self.tr("Your recommender: {name}").format(name=summary.recommender))
        else:
            self.recommender_label.setText(self.tr("Your recommender: not designed yet (you plan it on the first day of week 2)."))
        today = summary.timeline.today
        if today is None:
            self._render_outside(summary)
            return
        day = schedule.study_day(study, today)
        self.today_heading.setText(
            self.tr("Today is day {day} of {total} · Week {week}: {name}").format(
                day=today, total=summary.timeline.total_days, week=day.week.number, name=day.week.name.get(lang)
            )
        )
        lines = [self.activity_line(day.activity)]
        if day.interview:
            lines.append(self.tr("• Interview with the researcher (outside the app)"))
        lines.append(self.diary_line(summary))
        self.due_label.setText("\n".join(lines))
        self.diary_button.setEnabled(True)
        diary = summary.today_diary
        self.diary_button.setText(
            self.tr("Edit today's diary") if diary is not None and diary.status != "none" else self.tr("Write today's diary")
        )
        self.activity_button.setVisible(self._activity_launcher is not None)

    def _render_outside(self, summary: HomeSummary) -> None:
        self.diary_button.setEnabled(False)
        self.activity_button.setVisible(False)
        if summary.day_now < 1:
            self.today_heading.setText(self.tr("The study has not started yet."))
            self.due_label.setText(self.tr("Your first day begins at {time}.").format(time=self.context.study.study.study.day_starts_at))  # type: ignore[union-attr]
        else:
            self.today_heading.setText(self.tr("The study is over. Thank you for taking part!"))
            self.due_label.setText(self.tr("Please export your data for the research team when they ask for it."))

    def activity_line(self, activity: Activity) -> str:
        return {
            Activity.ICE_BREAKING: self.tr("• The ice-breaking sheet: ten short tasks with the plain assistant"),
            Activity.DAILY_COMPOSER: self.tr("• Today's experiment: compose a prompt from your ideas and get recommendations"),
            Activity.PLANNING_SHEET: self.tr("• The planning sheet: design your own recommender"),
            Activity.PLANNING_REVISION: self.tr("• Revise your planning sheet (or design a new scenario)"),
            Activity.OWN_RECOMMENDER: self.tr("• Get recommendations from your own recommender"),
        }[activity]

    def diary_line(self, summary: HomeSummary) -> str:
        diary = summary.today_diary
        if diary is None or diary.status == "none":
            return self.tr("• Diary entry: not written yet")
        if diary.saved:
            return self.tr("• Diary entry: saved")
        return self.tr("• Diary entry: draft (not saved yet)")

    def _write_diary(self) -> None:
        if self.summary is not None and self.summary.timeline.today is not None:
            self.diary_requested.emit(self.summary.timeline.today)

    def _start_activity(self) -> None:
        summary, active = self.summary, self.context.study
        if self._activity_launcher and summary and summary.timeline.today and active:
            day = schedule.study_day(active.study, summary.timeline.today)
            self._activity_launcher(day.number, day.activity)
