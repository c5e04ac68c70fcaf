"""The main window: the first run until a study is joined, then a sidebar of
screens (home, diary, my taste, settings; a day's record and today's activity are
opened from the home screen).

Screens are built by factories so that a change of interface language rebuilds
them in the new language. A screen is a QWidget; the window names it (sidebar,
title bar). It may define ``screen_shown()`` (refresh on show) and ``flush()``
(keep unsaved input before it is hidden, rebuilt or closed).

Start-up has two steps (``ui.app``). The window opens from a ``FirstPaint``: the
saved window state and the home screen, read with the standard library alone. The
store, the settings and the study load meanwhile in a worker, and ``attach``
then builds the other screens; a screen asked for before that opens once they are
there. The screens' modules are imported then, not when this one is (they pull in
the ORM). Tests and the smoke start pass a ready context to the constructor.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
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
from diaryrec.protocol.calendar import Activity
from diaryrec.services.home import HomeSummary
from diaryrec.startup import FirstPaint
from diaryrec.ui.home_view import HomeView
from diaryrec.ui.i18n import install_language
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.widgets import app_icon

if TYPE_CHECKING:
    from diaryrec.services.study import ActiveStudy
    from diaryrec.ui.context import AppContext
    from diaryrec.ui.diary_view import DiaryView
    from diaryrec.ui.first_run import FirstRunView

log = logging.getLogger(__name__)
ScreenFactory = Callable[["MainWindow"], QWidget]

# what the screens' modules need; imported in the start-up worker (see ui.app)
SCREEN_MODULES = (
    "diaryrec.ui.activity_view",
    "diaryrec.ui.day_view",
    "diaryrec.ui.diary_view",
    "diaryrec.ui.export_action",
    "diaryrec.ui.first_run",
    "diaryrec.ui.reminders",
    "diaryrec.ui.settings_view",
    "diaryrec.ui.taste_view",
)


@dataclass
class ScreenSpec:
    key: str
    factory: ScreenFactory
    in_nav: bool = True


def _set_shortcut(action: QAction, keys: str) -> None:
    """``action.setShortcut``, through Qt's property system: the Python overloads of
    setShortcut make PySide build every enum of the Qt namespace (20 ms, before the
    first paint). "Ctrl" is Command on macOS."""
    action.setProperty("shortcut", QKeySequence(keys))


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None, *, reminders: bool = True,
                 first_paint: FirstPaint | None = None):
        super().__init__(parent)
        if (context is None) == (first_paint is None):
            raise ValueError("MainWindow needs either a context or a first paint")
        self.context: AppContext | None = None
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
            ScreenSpec("taste", lambda w: w._make_taste()),
            ScreenSpec("settings", lambda w: w._make_settings()),
            ScreenSpec("day", lambda w: w._make_day(), in_nav=False),
            ScreenSpec("activity", lambda w: w._make_activity(), in_nav=False),
        ]
        self.screens: dict[str, QWidget] = {}
        self.first_run: FirstRunView | None = None
        self.nav: QListWidget | None = None
        self.nav_keys: list[str] = []  # the screen of each row of the sidebar
        self.pages: QStackedWidget | None = None
        self.current_key = ""
        self.exporter: Any = None  # ui.export_action.Exporter, once attached
        self.reminders: Any = None  # ui.reminders.ReminderController, once attached
        self._want_reminders = reminders
        self._first = first_paint
        self._waiting: list[Callable[[], None]] = []  # asked for before the context was there
        self._after_first_frame: list[Callable[[], None]] = []
        self._loading_page: QWidget | None = None
        if context is not None:
            self.attach(context)
        else:
            self._paint_first()

    # -- the two start-up steps ------------------------------------------------
    def call_after_first_frame(self, call: Callable[[], None], *, give_up_ms: int = 2000) -> None:
        """Run ``call`` once the window has painted its first frame (or after
        ``give_up_ms``, if it is never shown: started minimised, say)."""
        self._after_first_frame.append(call)
        QTimer.singleShot(give_up_ms, self._first_frame_done)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if self._after_first_frame:
            QTimer.singleShot(0, self._first_frame_done)  # once this frame is on screen

    def _first_frame_done(self) -> None:
        calls, self._after_first_frame = self._after_first_frame, []
        for call in calls:
            call()

    @property
    def attached(self) -> bool:
        return self.context is not None

    @property
    def language(self) -> str:
        if self.context is not None:
            return self.context.language
        return self._first.language if self._first is not None else "en"

    @property
    def sandbox(self) -> bool:
        if self.context is not None:
            return self.context.sandbox
        return self._first is not None and self._first.sandbox

    def _paint_first(self) -> None:
        first = self._first
        assert first is not None
        if first.geometry:
            self.restoreGeometry(QByteArray.fromBase64(first.geometry.encode("ascii")))
        if first.home is not None:  # the shell with the home screen filled in; the rest comes with attach()
            central = self._build_shell(only=("home",))
        elif first.joined is False:  # the welcome page; joining waits for attach()
            central = self._build_first_run()
        else:  # only the store can tell what to show
            central = self._loading_label()
        self.setCentralWidget(central)
        self._build_menus()
        self._update_title()
        if self.pages is not None:
            self.show_screen(self._restorable(first.last_screen))

    def attach(self, context: AppContext) -> None:
        """The store, settings and study are open: build everything else."""
        from diaryrec.ui.export_action import Exporter
        from diaryrec.ui.reminders import ReminderController

        first, self._first = self._first, None
        self.context = context
        self.exporter = Exporter(context, self.tasks, self)
        if self._want_reminders:
            self.reminders = ReminderController(context, self.tasks, self)
            self.reminders.reminded.connect(self._reminded)
            self.reminders.open_requested.connect(self.bring_to_front)
            self.reminders.diary_requested.connect(lambda: (self.bring_to_front(), self.open_diary(None)))
            self.reminders.quit_requested.connect(self.close)
        if first is None:
            self._restore_geometry()
        wanted = self.current_key or context.settings.last_screen or "home"
        same_language = first is not None and context.language == first.language
        if same_language and self.pages is not None and context.study is not None:
            self._complete_shell(wanted)
        elif same_language and self.first_run is not None and context.study is None:
            self.first_run.attach(context)
            self._build_menus()  # File → Open study file… stays; the rest knows the context now
        else:
            if first is not None and context.language != first.language:
                install_language(context.language)
            self.rebuild(wanted)
        if context.study is not None:
            self._study_ready()
        waiting, self._waiting = self._waiting, []
        for call in waiting:
            call()

    def _when_attached(self, call: Callable[[], None]) -> bool:
        """Run ``call`` once the context is there; True when it had to wait."""
        if self.context is not None:
            return False
        self._waiting.append(call)
        return True

    def _loading_label(self) -> QWidget:
        label = QLabel(self.tr("Loading…"))
        label.setObjectName("loadingPage")  # centred by style.qss
        return label

    # -- screens ---------------------------------------------------------------
    def screen_title(self, key: str) -> str:
        return {
            "home": self.tr("Home"),
            "diary": self.tr("Diary"),
            "taste": self.tr("My taste"),
            "settings": self.tr("Settings"),
            "day": self.tr("Day"),
            "activity": self.tr("Today's activity"),
        }[key]

    def _read_home(self) -> HomeSummary | None:
        """The home screen's reader (runs in a worker): the context's once attached."""
        if self.context is not None:
            return self.context.read_home()
        return self._first.read_home() if self._first is not None else None

    def _make_home(self) -> HomeView:
        view = HomeView(self.tasks, self._read_home, self.language,
                        summary=self._first.home if self._first is not None else None)
        view.day_activated.connect(self.open_day)
        view.diary_requested.connect(self.open_diary)
        view.activity_requested.connect(self._open_todays_activity)
        return view

    def _make_activity(self) -> QWidget:
        from diaryrec.ui.activity_view import ActivityView

        view = ActivityView(self.context, self.tasks, self.diary_tasks)
        view.back_requested.connect(lambda: self.show_screen("home"))
        view.diary_requested.connect(self.open_diary)
        view.settings_requested.connect(lambda: self.show_screen("settings"))
        return view

    def _open_todays_activity(self, day: int) -> None:
        if self._when_attached(lambda: self._open_todays_activity(day)):
            return
        from diaryrec.protocol import schedule

        active = self.context.study if self.context is not None else None
        if active is not None:
            self.open_activity(day, schedule.study_day(active.study, day).activity)

    def open_activity(self, day: int, activity: Activity, *, read_only: bool = False) -> None:
        view = self.screens.get("activity")
        if view is not None:
            view.open(day, activity, read_only=read_only)  # type: ignore[attr-defined]
            self.show_screen("activity")

    def _make_diary(self) -> QWidget:
        from diaryrec.ui.diary_view import DiaryView

        view = DiaryView(self.context, self.diary_tasks)
        view.saved.connect(lambda _day: self.home and self.home.refresh())
        return view

    def _make_taste(self) -> QWidget:
        from diaryrec.ui.taste_view import TasteView

        return TasteView(self.context, self.tasks)

    def _make_day(self) -> QWidget:
        from diaryrec.ui.day_view import DayView

        view = DayView(self.context, self.tasks)
        view.back_requested.connect(lambda: self.show_screen("home"))
        view.diary_requested.connect(self.open_diary)
        view.activity_requested.connect(self._open_past_activity)
        return view

    def _open_past_activity(self, day: int) -> None:
        from diaryrec.protocol import schedule

        active = self.context.study if self.context is not None else None
        if active is not None:
            self.open_activity(day, schedule.study_day(active.study, day).activity, read_only=True)

    def _make_settings(self) -> QWidget:
        from diaryrec.ui.settings_view import SettingsView

        view = SettingsView(self.context, self.tasks)
        view.language_changed.connect(self.change_language)
        view.export_button.clicked.connect(self.export_data)
        view.reminders_changed.connect(lambda: self.reminders and self.reminders.check_now())
        view.saved.connect(self._settings_saved)
        return view

    def _settings_saved(self) -> None:
        """A new key, model or Spotify app takes effect from the next turn. The clients
        are rebuilt in a worker (the keyring may be slow), never under a running turn."""
        context = self.context
        if context is None or context.study is None or context.sandbox:
            return
        activity = self.screens.get("activity")
        if activity is not None and any(chat.busy for chat in activity.chats()):  # type: ignore[attr-defined]
            self.statusBar().showMessage(self.tr("The new settings apply after the reply being received."), 10_000)
            from PySide6.QtCore import Qt

            activity.turn_idle.connect(self._settings_saved, Qt.ConnectionType.SingleShotConnection)  # type: ignore[attr-defined]
            return
        self.tasks.run(context.start_services,
                       on_error=lambda exc: log.warning("services not restarted: %s", exc))

    @property
    def home(self) -> HomeView | None:
        view = self.screens.get("home")
        return view if isinstance(view, HomeView) else None

    @property
    def diary(self) -> DiaryView | None:
        return self.screens.get("diary")  # type: ignore[return-value]

    def rebuild(self, screen: str = "home") -> None:
        """(Re)build menus and screens in the current interface language."""
        self._flush_all()
        old = self.centralWidget()
        self.screens = {}
        self.first_run = None
        self.nav = self.pages = None
        self._loading_page = None
        if self.context is not None and self.context.study is None:
            self.setCentralWidget(self._build_first_run())
        else:
            self.setCentralWidget(self._build_shell())
        if old is not None:
            old.deleteLater()
        self._build_menus()
        self._update_title()
        if self.pages is not None:
            self.show_screen(self._restorable(screen))

    def _build_first_run(self) -> QWidget:
        from diaryrec.ui.first_run import FirstRunView

        self.first_run = FirstRunView(self.context, self.tasks)
        self.first_run.joined.connect(self._joined)
        return self.first_run

    def _restorable(self, key: str) -> str:
        """``key`` if a start can open it again; a day's record and an activity need
        their day, so they fall back to home."""
        return key if any(spec.key == key and spec.in_nav for spec in self.specs) else "home"

    def _add_screen(self, spec: ScreenSpec) -> None:
        assert self.pages is not None
        widget = spec.factory(self)
        widget.setWindowTitle(self.screen_title(spec.key))
        self.screens[spec.key] = widget
        self.pages.addWidget(widget)

    def _build_shell(self, only: tuple[str, ...] | None = None) -> QWidget:
        """The sidebar and the pages; ``only``: build just these screens now (the
        first paint), the others with ``_complete_shell``."""
        self.nav = QListWidget()
        self.nav_keys = []
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Screens"))
        self.nav.setFixedWidth(200)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        for spec in self.specs:
            if only is None or spec.key in only:
                self._add_screen(spec)
            if spec.in_nav:
                self.nav.addItem(QListWidgetItem(self.screen_title(spec.key)))
                self.nav_keys.append(spec.key)
        self.nav.currentRowChanged.connect(lambda row: 0 <= row < len(self.nav_keys) and self.show_screen(self.nav_keys[row]))
        side = QWidget()
        side.setObjectName("sidebar")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(12, 16, 0, 16)
        brand = QLabel("diaryrec")
        brand.setObjectName("brand")
        side_layout.addWidget(brand)
        side_layout.addWidget(self.nav, 1)
        if self.sandbox:
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

    def _complete_shell(self, screen: str) -> None:
        """After the first paint: the screens it did not build, then the one asked for."""
        for spec in self.specs:
            if spec.key not in self.screens:
                self._add_screen(spec)
        if self._loading_page is not None:
            self.pages.removeWidget(self._loading_page)  # type: ignore[union-attr]
            self._loading_page.deleteLater()
            self._loading_page = None
        self._build_menus()
        self.current_key = ""
        self.show_screen(self._restorable(screen))

    def show_screen(self, key: str) -> None:
        if self.pages is None or key not in {spec.key for spec in self.specs}:
            return
        widget = self.screens.get(key)
        if widget is None:  # not built yet (first paint): a placeholder until attach()
            self._waiting.append(lambda: self.show_screen(key))
            if self._loading_page is None:
                self._loading_page = self._loading_label()
                self.pages.addWidget(self._loading_page)
            widget = self._loading_page
        previous = self.screens.get(self.current_key)
        if previous is not None and previous is not widget:
            flush = getattr(previous, "flush", None)
            if callable(flush):
                flush()
        self.current_key = key
        self.pages.setCurrentWidget(widget)
        if self.nav is not None:
            if key in self.nav_keys:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(self.nav_keys.index(key))
                self.nav.blockSignals(False)
        self._update_title()
        shown = getattr(widget, "screen_shown", None)
        if callable(shown) and self.attached:  # the first paint's home is fresh already
            shown()

    def open_day(self, day: int) -> None:
        if self._when_attached(lambda: self.open_day(day)):
            return
        view = self.screens.get("day")
        if view is not None:
            self.show_screen("day")
            view.show_day(day)  # type: ignore[attr-defined]

    def open_diary(self, day: int | None) -> None:
        if self._when_attached(lambda: self.open_diary(day)):
            return
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
            _set_shortcut(open_action, "Ctrl+O")
            open_action.triggered.connect(self.first_run.choose_file)
            file_menu.addAction(open_action)
        self.export_action = QAction(self.tr("&Export my data…"), self)
        self.export_action.setToolTip(self.tr("Write your study data into one zip file for the research team"))
        self.export_action.setEnabled(self.context is not None and self.context.study is not None)
        self.export_action.triggered.connect(self.export_data)
        file_menu.addAction(self.export_action)
        research_action = QAction(self.tr("Open study &data…"), self)
        research_action.setToolTip(self.tr("For researchers: read a merged study or a folder of export bundles"))
        research_action.triggered.connect(self.open_research_window)
        file_menu.addAction(research_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        _set_shortcut(quit_action, "Ctrl+Q")
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        if self.nav is not None:
            go = bar.addMenu(self.tr("&Go"))
            for row, key in enumerate(self.nav_keys):
                action = QAction(self.screen_title(key), self)
                _set_shortcut(action, "Ctrl+," if key == "settings" else f"Ctrl+{row + 1}")
                action.triggered.connect(lambda _=False, k=key: self.show_screen(k))
                go.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About diaryrec"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def export_data(self) -> None:
        if self.exporter is not None:
            self.exporter.ask_and_export()

    def _update_title(self) -> None:
        title = "diaryrec"
        if self.pages is not None and self.current_key:
            title = f"{self.screen_title(self.current_key)} — diaryrec"
        if self.sandbox:
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
        assert self.context is not None
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
        validator = self.context.validator if self.context is not None else None
        if validator is not None:
            from diaryrec.catalog.validator import recheck_unchecked

            self.tasks.run(recheck_unchecked, self.context.store, validator,
                           on_error=lambda exc: log.warning("re-checking unchecked tracks failed: %s", exc))  # type: ignore[union-attr]

    def change_language(self, lang: str) -> None:
        install_language(lang)
        self.rebuild(self.current_key or "home")

    # -- window state ----------------------------------------------------------
    def _restore_geometry(self) -> None:
        assert self.context is not None
        saved = self.context.settings.window_geometry
        if saved:
            self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))

    def remember_state(self) -> None:
        assert self.context is not None
        settings = self.context.settings
        settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        settings.last_screen = self._restorable(self.current_key)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        activity = self.screens.get("activity")
        if activity is not None:
            activity.stop_turns()  # type: ignore[attr-defined]  # a reply being streamed ends now
        self._flush_all()
        if self.context is not None:  # closed before the store opened: nothing to keep
            self.remember_state()
            self.tasks.run(self.context.save_settings)
        if self.reminders is not None:
            self.reminders.stop()
        self.diary_tasks.shutdown()
        self.tasks.shutdown()
        super().closeEvent(event)
