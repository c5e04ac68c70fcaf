"""Home: today's card (what is due, the diary's state, the current recommender)
above the three-week timeline. Drawn from one ``services.home.HomeSummary``, read
through a worker on every show; at start-up the first one is read before the
window opens (``ui.app``), so the home screen is the first thing painted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from diaryrec.protocol.calendar import Activity
from diaryrec.services.home import HomeSummary
from diaryrec.ui.errors import error_text
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.timeline_view import TimelineView
from diaryrec.ui.widgets import page_scroll
from diaryrec.ui.screen import Screen

# reads the home screen's data (in a worker); None when there is none yet
HomeReader = Callable[[], "HomeSummary | None"]


class HomeView(QWidget, Screen):
    day_activated = Signal(int)  # open a day's read-only record
    diary_requested = Signal(int)  # write the diary of a day
    activity_requested = Signal(int)  # start (or go on with) a day's activity

    def __init__(self, tasks: TaskRunner, read: HomeReader, language: str, summary: HomeSummary | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks, self.read, self.language = tasks, read, language
        self.setObjectName("home")
        self.summary: HomeSummary | None = None

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
        self.due_label.setObjectName("dueList")  # plain text (style.qss): never read as HTML
        self.due_label.setWordWrap(True)
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
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.today_card)
        layout.addWidget(self.timeline_view)
        layout.addStretch(1)
        scroll = page_scroll(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.diary_button.setEnabled(False)
        if summary is not None:
            self._loaded(summary)

    def screen_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.tasks.run(self.read, on_done=self._loaded, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.due_label.setText(self.tr("The study's data could not be read: {error}").format(error=error_text(exc)))

    def _loaded(self, summary: HomeSummary | None) -> None:
        if summary is None:
            return
        self.summary = summary
        self._render(summary)

    def _render(self, summary: HomeSummary) -> None:
        lang, calendar = self.language, summary.calendar
        self.title.setText(calendar.study_name.get(lang, ""))
        subtitle = self.tr("Participant {code} · joined {date}").format(
            code=summary.participant_code, date=summary.enrolled_on.isoformat()
        )
        if summary.sandbox:
            subtitle += " · " + self.tr("sandbox (scripted replies)")
        self.subtitle.setText(subtitle)
        self.timeline_view.show_timeline(calendar, summary.timeline, lang)
        self.recommender_label.setText(self.recommender_line(summary))
        day = summary.today
        if day is None:
            self._render_outside(summary)
            return
        self.today_heading.setText(
            self.tr("Today is day {day} of {total} · Week {week}: {name}").format(
                day=day.number, total=summary.timeline.total_days, week=day.week,
                name=calendar.week(day.week).name.get(lang, ""),
            )
        )
        lines = [self.activity_line(day.activity)]
        if day.tasks_total:  # the ice-breaking sheet: how far it is
            lines[0] += " " + self.tr("({done} of {total} done)").format(done=day.tasks_done, total=day.tasks_total)
        if summary.skipped:  # told, not hidden: the study's days are the participant's evidence
            lines.insert(0, self.tr("• Your computer's clock or time zone jumped ahead: {n} study day(s) before today "
                                    "were skipped.").format(n=summary.skipped))
        if day.interview:
            lines.append(self.tr("• Interview with the researcher (outside the app)"))
        lines.append(self.diary_line(summary))
        self.due_label.setText("\n".join(lines))
        self.diary_button.setEnabled(True)
        self.diary_button.setText(
            self.tr("Edit today's diary") if summary.today_diary not in (None, "none") else self.tr("Write today's diary")
        )
        self.activity_button.setVisible(True)

    def _render_outside(self, summary: HomeSummary) -> None:
        self.diary_button.setEnabled(False)
        self.activity_button.setVisible(False)
        if summary.day_now < 1:
            self.today_heading.setText(self.tr("The study has not started yet."))
            self.due_label.setText(self.tr("Your first day begins at {time}.").format(time=summary.calendar.day_starts_at))
        else:
            self.today_heading.setText(self.tr("The study is over. Thank you for taking part!"))
            self.due_label.setText(self.tr("Please export your data for the research team when they ask for it."))

    def recommender_line(self, summary: HomeSummary) -> str:
        if summary.recommender:
            return self.tr("Your recommender: {name}").format(name=summary.recommender)
        planning = next((d.number for d in summary.timeline.days if d.activity is Activity.PLANNING_SHEET), None)
        if planning is not None and summary.day_now == planning:
            return self.tr("Your recommender: not designed yet (you plan it today, with the planning sheet).")
        if planning is not None and summary.day_now < planning:
            return self.tr("Your recommender: not designed yet (you plan it on the first day of week 2).")
        return self.tr("Your recommender: not designed yet.")

    def activity_line(self, activity: Activity) -> str:
        return {
            Activity.ICE_BREAKING: self.tr("• The ice-breaking sheet: ten short tasks with the plain assistant"),
            Activity.DAILY_COMPOSER: self.tr("• Today's experiment: compose a prompt from your ideas and get recommendations"),
            Activity.PLANNING_SHEET: self.tr("• The planning sheet: design your own recommender"),
            Activity.PLANNING_REVISION: self.tr("• Revise your planning sheet (or design a new scenario)"),
            Activity.OWN_RECOMMENDER: self.tr("• Get recommendations from your own recommender"),
        }[activity]

    def diary_line(self, summary: HomeSummary) -> str:
        if summary.today_diary in (None, "none"):
            return self.tr("• Diary entry: not written yet")
        if summary.today_diary == "saved":
            return self.tr("• Diary entry: saved")
        return self.tr("• Diary entry: draft (not saved yet)")

    def _write_diary(self) -> None:
        if self.summary is not None and self.summary.timeline.today is not None:
            self.diary_requested.emit(self.summary.timeline.today)

    def _start_activity(self) -> None:
        if self.summary is not None and self.summary.timeline.today is not None:
            self.activity_requested.emit(self.summary.timeline.today)
