"""The main window: the study's home with its timeline, or an empty state until a
study is joined."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from diaryrec import __version__
from diaryrec.services.study import timeline
from diaryrec.ui.context import AppContext
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.timeline_view import TimelineView


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.tasks = TaskRunner(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle("diaryrec")
        self.resize(1100, 720)
        self._build_menus()

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("screenSubtitle")
        self.stack = QStackedWidget()
        self.empty_state = self._build_empty_state()
        self.timeline_view = TimelineView()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.timeline_view)

        body = QWidget()
        body.setObjectName("home")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.statusBar().showMessage(self.tr("Data folder: {path}").format(path=context.layout.root))
        self.refresh()

    @property
    def lang(self) -> str:
        study = self.context.study
        return self.context.settings.ui_language or (study.study.study.language if study else "en")

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About diaryrec"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_empty_state(self) -> QWidget:
        card = QFrame()
        card.setObjectName("emptyState")
        layout = QVBoxLayout(card)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(self.tr("No study joined yet"))
        heading.setObjectName("emptyHeading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "Open the study file your research team sent you to begin. "
                "Your three weeks will appear here, day by day."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        layout.addWidget(text)
        return card

    def refresh(self) -> None:
        active = self.context.study
        if active is None:
            self.title.setText(self.tr("Welcome to diaryrec"))
            self.subtitle.setText(self.tr("A three-week diary study: design your own music recommender."))
            self.stack.setCurrentWidget(self.empty_state)
            return
        study = active.study
        self.title.setText(study.study.name.get(self.lang))
        self.subtitle.setText(
            self.tr("Participant {code} · joined {date}").format(
                code=active.enrolment.participant_code, date=active.enrolment.enrolled_on.isoformat()
            )
        )
        self.timeline_view.show_timeline(active, timeline(self.context.store, active, self.context.now()), self.lang)
        self.stack.setCurrentWidget(self.timeline_view)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About diaryrec"),
            self.tr("diaryrec {version}\nA diary study of LLM-powered music recommenders.").format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.tasks.shutdown()
        super().closeEvent(event)
