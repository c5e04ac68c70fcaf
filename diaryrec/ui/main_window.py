"""The main window: the first run until a study is joined, then a sidebar of
screens (home, diary, my taste, settings, and those part 2 registers).

Screens are built by factories so that a change of interface language rebuilds
them in the new language. A screen is a QWidget whose ``windowTitle`` names it in
the sidebar; it may define ``screen_shown()`` (refresh on show) and ``flush()``
(keep unsaved input before it is hidden, rebuilt or closed).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from diaryrec import __version__
from diaryrec.protocol import schedule
from diaryrec.protocol.model import Activity
from diaryrec.services.study import ActiveStudy
from diaryrec.ui.context import AppContext
from diaryrec.ui.activity_view import ActivityView
from diaryrec.ui.day_view import DayView
from diaryrec.ui.diary_view import DiaryView
from diaryrec.ui.export_action import Exporter
from diaryrec.ui.first_run import FirstRunView
from diaryrec.ui.home_view import HomeView
from diaryrec.ui.i18n import install_language
from diaryrec.ui.reminders import ReminderController, app_icon
from diaryrec.ui.settings_view import SettingsView
from diaryrec.ui.taste_view import TasteView
from diaryrec.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
ScreenFactory = Callable[["MainWindow"], QWidget]


@dataclass
class ScreenSpec:
    key: str
    factory: ScreenFactory
    in_nav: bool = True


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *, reminders: bool = True):
        super().__init__(parent)
        self.context = context
        self.tasks = TaskRunner(self)
        # The diary's reads and writes run one after another, in the order asked: a draft
        # flushed by a screen that is going away is stored before its successor reads it.
        self.diary_tasks = TaskRunner(self, max_threads=1)
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.resize(1100, 720)
        self.specs: list[ScreenSpec] = [
            ScreenSpec("home", lambda w: w._make_home()),
            ScreenSpec("diary", lambda w: w._make_diary()),
            ScreenSpec("taste", lambda w: TasteView(w.context, w.tasks)),
            ScreenSpec("settings", lambda w: w._make_settings()),
            ScreenSpec("day", lambda w: w._make_day(), in_nav=False),
            ScreenSpec("activity", lambda w: w._make_activity(), in_nav=False),
        ]
        self.screens: dict[str, QWidget] = {}
        self.first_run: FirstRunView | None = None
        self.nav: QListWidget | None = None
        self.pages: QStackedWidget | None = None
        self.current_key = ""
        self.exporter = Exporter(context, self.tasks, self)
        self.reminders = ReminderController(context, self.tasks, self) if reminders else None
        if self.reminders is not None:
            self.reminders.reminded.connect(self._reminded)
            self.reminders.open_requested.connect(self.bring_to_front)
            self.reminders.diary_requested.connect(lambda: (self.bring_to_front(), self.open_diary(None)))
            self.reminders.quit_requested.connect(self.close)
        self._restore_geometry()
        self.rebuild(context.settings.last_screen or "home")
        if context.study is not None:
            self._study_ready()

    # -- screens ---------------------------------------------------------------
    def register_screen(self, key: str, factory: ScreenFactory, *, before: str = "settings", in_nav: bool = True) -> None:
        """Add a screen (part 2: today's activity, chat, sheets). It appears in the
        sidebar before ``before`` and is rebuilt with the others on a language change."""
        keys = [s.key for s in self.specs]
        index = keys.index(before) if before in keys else len(self.specs)
        self.specs.insert(index, ScreenSpec(key, factory, in_nav))
        if self.pages is not None:
            self.rebuild(self.current_key)

    def _make_home(self) -> HomeView:
        view = HomeView(self.context, self.tasks)
        view.day_activated.connect(self.open_day)
        view.diary_requested.connect(self.open_diary)
        view.set_activity_launcher(self.open_activity)
        return view

    def _make_activity(self) -> ActivityView:
        view = ActivityView(self.context, self.tasks, self.diary_tasks)
        view.back_requested.connect(lambda: self.show_screen("home"))
        view.diary_requested.connect(self.open_diary)
        view.settings_requested.connect(lambda: self.show_screen("settings"))
        return view

    def open_activity(self, day: int, activity: Activity, *, read_only: bool = False) -> None:
        view = self.screens.get("activity")
        if isinstance(view, ActivityView):
            view.open(day, activity, read_only=read_only)
            self.show_screen("activity")

    def _make_diary(self) -> DiaryView:
        view = DiaryView(self.context, self.diary_tasks)
        view.saved.connect(lambda _day: self.home and self.home.refresh())
        return view

    def _make_day(self) -> DayView:
        view = DayView(self.context, self.tasks)
        view.back_requested.connect(lambda: self.show_screen("home"))
        view.diary_requested.connect(self.open_diary)
        view.activity_requested.connect(self._open_past_activity)
        return view

    def _open_past_activity(self, day: int) -> None:
        active = self.context.study
        if active is not None:
            self.open_activity(day, schedule.study_day(active.study, day).activity, read_only=True)

    def _make_settings(self) -> SettingsView:
        view = SettingsView(self.context, self.tasks)
        view.language_changed.connect(self.change_language)
        view.export_button.clicked.connect(self.exporter.ask_and_export)
        view.reminders_changed.connect(lambda: self.reminders and self.reminders.check_now())
        view.saved.connect(self._settings_saved)
        return view

    def _settings_saved(self) -> None:
        """A new key, model or Spotify app takes effect from the next turn. The clients
        are rebuilt in a worker (the keyring may be slow), never under a running turn."""
        if self.context.study is None or self.context.sandbox:
            return
        activity = self.screens.get("activity")
        if isinstance(activity, ActivityView) and any(chat.busy for chat in activity.chats()):
            self.statusBar().showMessage(self.tr("The new settings apply after the reply being received."), 10_000)
            activity.turn_idle.connect(self._settings_saved, Qt.ConnectionType.SingleShotConnection)
            return
        self.tasks.run(self.context.start_services,
                       on_error=lambda exc: log.warning("services not restarted: %s", exc))

    @property
    def home(self) -> HomeView | None:
        view = self.screens.get("home")
        return view if isinstance(view, HomeView) else None

    @property
    def diary(self) -> DiaryView | None:
        view = self.screens.get("diary")
        return view if isinstance(view, DiaryView) else None

    def rebuild(self, screen: str = "home") -> None:
        """(Re)build menus and screens in the current interface language."""
        self._flush_all()
        old = self.centralWidget()
        self.screens = {}
        self.first_run = None
        self.nav = self.pages = None
        if self.context.study is None:
            self.first_run = FirstRunView(self.context, self.tasks)
            self.first_run.joined.connect(self._joined)
            self.setCentralWidget(self.first_run)
        else:
            self.setCentralWidget(self._build_shell())
        if old is not None:
            old.deleteLater()
        self._build_menus()
        self._update_title()
        if self.pages is not None:
            self.show_screen(screen if screen in self.screens and screen not in ("day", "activity") else "home")

    def _build_shell(self) -> QWidget:
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Screens"))
        self.nav.setFixedWidth(200)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        for spec in self.specs:
            widget = spec.factory(self)
            self.screens[spec.key] = widget
            self.pages.addWidget(widget)
            if spec.in_nav:
                item = QListWidgetItem(widget.windowTitle())
                item.setData(Qt.ItemDataRole.UserRole, spec.key)
                self.nav.addItem(item)
        self.nav.currentItemChanged.connect(
            lambda item, _prev: item is not None and self.show_screen(item.data(Qt.ItemDataRole.UserRole))
        )
        side = QWidget()
        side.setObjectName("sidebar")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(12, 16, 0, 16)
        brand = QLabel("diaryrec")
        brand.setObjectName("brand")
        side_layout.addWidget(brand)
        side_layout.addWidget(self.nav, 1)
        if self.context.sandbox:
            badge = QLabel(self.tr("Sandbox: replies are scripted, not from an AI. Nothing is sent anywhere."))
            badge.setObjectName("sandboxBadge")
            badge.setWordWrap(True)
            side_layout.addWidget(badge)
        shell = QWidget()
        shell.setObjectName("shell")
        layout = QHBoxLayout(shell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addWidget(self.pages, 1)
        return shell

    def show_screen(self, key: str) -> None:
        if self.pages is None or key not in self.screens:
            return
        widget = self.screens[key]
        previous = self.screens.get(self.current_key)
        if previous is not None and previous is not widget:
            flush = getattr(previous, "flush", None)
            if callable(flush):
                flush()
        self.current_key = key
        self.pages.setCurrentWidget(widget)
        if self.nav is not None:
            self.nav.blockSignals(True)
            for row in range(self.nav.count()):
                if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                    self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        self._update_title()
        shown = getattr(widget, "screen_shown", None)
        if callable(shown):
            shown()

    def open_day(self, day: int) -> None:
        view = self.screens.get("day")
        if isinstance(view, DayView):
            self.show_screen("day")
            view.show_day(day)

    def open_diary(self, day: int | None) -> None:
        diary = self.diary
        if diary is None:
            return
        if day is not None:
            diary.show_day(day)
        self.show_screen("diary")

    def _flush_all(self) -> None:
        for widget in self.screens.values():
            flush = getattr(widget, "flush", None)
            if callable(flush):
                flush()

    # -- menus and chrome ------------------------------------------------------
    def open_research_window(self, source: object = None):  # noqa: ANN201 - ResearchWindow
        # imported on demand: the research tools (merge, report) are not needed to start the app
        from diaryrec.ui.research import open_research_window

        return open_research_window(self, self.tasks, source)  # type: ignore[arg-type]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setToolTipsVisible(True)
        if self.first_run is not None:
            open_action = QAction(self.tr("&Open study file…"), self)
            open_action.setShortcut(QKeySequence.StandardKey.Open)
            open_action.triggered.connect(self.first_run.choose_file)
            file_menu.addAction(open_action)
        self.export_action = QAction(self.tr("&Export my data…"), self)
        self.export_action.setToolTip(self.tr("Write your study data into one zip file for the research team"))
        self.export_action.setEnabled(self.context.study is not None)
        self.export_action.triggered.connect(self.exporter.ask_and_export)
        file_menu.addAction(self.export_action)
        research_action = QAction(self.tr("Open study &data…"), self)
        research_action.setToolTip(self.tr("For researchers: read a merged study or a folder of export bundles"))
        research_action.triggered.connect(self.open_research_window)
        file_menu.addAction(research_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        if self.nav is not None:
            go = bar.addMenu(self.tr("&Go"))
            for row in range(self.nav.count()):
                item = self.nav.item(row)
                action = QAction(item.text(), self)
                key = item.data(Qt.ItemDataRole.UserRole)
                action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences) if key == "settings" else QKeySequence(f"Ctrl+{row + 1}"))
                if key == "settings" and action.shortcut().isEmpty():
                    action.setShortcut(QKeySequence("Ctrl+,"))
                action.triggered.connect(lambda _=False, k=key: self.show_screen(k))
                go.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About diaryrec"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _update_title(self) -> None:
        title = "diaryrec"
        widget = self.screens.get(self.current_key)
        if widget is not None and self.pages is not None:
            title = f"{widget.windowTitle()} — diaryrec"
        if self.context.sandbox:
            title += " " + self.tr("(sandbox)")
        self.setWindowTitle(title)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About diaryrec"),
            self.tr("diaryrec {version}\nA diary study of LLM-powered music recommenders.").format(version=__version__),
        )

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def _reminded(self, _day: int, text: str) -> None:
        self.statusBar().showMessage(text, 60_000)
        QApplication.alert(self)

    # -- joining, language -----------------------------------------------------
    def _joined(self, active: ActiveStudy) -> None:
        self.context.joined(active, self.tasks, on_started=lambda _: self.recheck_unchecked_tracks())
        install_language(self.context.language)  # the study's language, unless the participant chose one
        self.rebuild("home")
        if self.reminders is not None:
            self.reminders.start()

    def _study_ready(self) -> None:
        if self.reminders is not None:
            self.reminders.start()
        self.recheck_unchecked_tracks()  # run_app calls it again once the services have started

    def recheck_unchecked_tracks(self) -> None:
        """Tracks left unchecked when Spotify could not be reached, checked again in a worker."""
        validator = self.context.validator
        if validator is not None:
            from diaryrec.catalog.validator import recheck_unchecked

            self.tasks.run(recheck_unchecked, self.context.store, validator,
                           on_error=lambda exc: log.warning("re-checking unchecked tracks failed: %s", exc))

    def change_language(self, lang: str) -> None:
        install_language(lang)
        self.rebuild(self.current_key or "home")

    # -- window state ----------------------------------------------------------
    def _restore_geometry(self) -> None:
        saved = self.context.settings.window_geometry
        if saved:
            self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))

    def remember_state(self) -> None:
        settings = self.context.settings
        settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        settings.last_screen = self.current_key if self.current_key not in ("day", "activity") else "home"

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        activity = self.screens.get("activity")
        if isinstance(activity, ActivityView):
            activity.stop_turns()  # a reply being streamed ends now, so the workers can finish
        self._flush_all()
        self.remember_state()
        self.tasks.run(self.context.save_settings)
        if self.reminders is not None:
            self.reminders.stop()
        self.diary_tasks.shutdown()
        self.tasks.shutdown()
        super().closeEvent(event)
