"""The main window: the first run until a study is joined, then a sidebar of
screens (home, diary, my taste, settings; a day's record and today's activity are
opened from the home screen).

Screens are built by factories so that a change of interface language rebuilds
them in the new language. A screen is a QWidget and a ``ui.screen.Screen``; the
window names it (sidebar, title bar).

The window follows ``runtime.startup.Startup`` (first paint → store open → services
up). It opens from a ``FirstPaint``: the saved window state and the home screen, read
with the standard library alone. The store, the settings and the study load
meanwhile in a worker; ``attach`` hands them to the start-up, and the window then
builds the other screens; what was asked for before that happens once they are
there. The screens' modules are imported then, not when this one is (they pull in
the ORM). Once the services are up, unchecked tracks are checked again. Tests and the
smoke start pass a ready context to the constructor.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from diaryrec import __version__
from diaryrec.protocol.calendar import Activity
from diaryrec.runtime.startup import FirstPaint, Phase, Startup, reopened_screen
from diaryrec.ui.errors import error_text
from diaryrec.ui.home_view import HomeView
from diaryrec.ui.i18n import install_language
from diaryrec.ui.screen import Screen
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.widgets import after_next_paint, app_icon

if TYPE_CHECKING:
    from diaryrec.runtime.context import AppContext
    from diaryrec.services.study import ActiveStudy
    from diaryrec.ui.activity_view import ActivityView
    from diaryrec.ui.checking_notice import CheckingNotice
    from diaryrec.ui.services import ServicesGate
    from diaryrec.ui.day_view import DayView
    from diaryrec.ui.diary_view import DiaryView
    from diaryrec.ui.first_run import FirstRunView

    class ScreenWidget(QWidget, Screen):  # what the factories build
        ...

log = logging.getLogger(__name__)
ScreenFactory = Callable[["MainWindow"], "ScreenWidget"]

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


class ScreenSpec(NamedTuple):  # not a dataclass: 0.5 ms less before the first paint
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
        self.services: ServicesGate | None = None  # once the store is open
        self.tasks = TaskRunner(self)
        # The diary's reads and writes run one after another, in the order asked: a draft
        # flushed by a screen that is going away is stored before its successor reads it.
        self.diary_tasks = TaskRunner(self, max_threads=1)
        for runner in (self.tasks, self.diary_tasks):
            runner.unhandled.connect(self.show_error)
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
        self.screens: dict[str, ScreenWidget] = {}
        self.first_run: FirstRunView | None = None
        self.nav: QListWidget | None = None
        self.checking_notice: CheckingNotice | None = None  # "songs are not being checked", above the pages
        self._pages_box: QVBoxLayout | None = None  # the pages' column, which holds that line
        self.nav_keys: list[str] = []  # the screen of each row of the sidebar
        self.pages: QStackedWidget | None = None
        self.current_key = ""
        self.exporter: Any = None  # ui.export_action.Exporter, once attached
        self.reminders: Any = None  # ui.reminders.ReminderController, once attached
        self._want_reminders = reminders
        self.startup = Startup(first=first_paint) if context is None else Startup.opened(context)
        # a start from the first paint starts the services itself; tests and the smoke start
        # pass a context whose services they started (or not) themselves
        self._start_services = context is None
        self._waiting: list[Callable[[], None]] = []  # asked for before the store was open
        self._after_first_frame: list[Callable[[], None]] = []
        self._loading_page: QWidget | None = None
        self.startup.subscribe(self._phase)
        if context is not None:
            self._store_opened(painted=None)
            if self.startup.phase is Phase.SERVICES_UP:
                self._phase(Phase.SERVICES_UP)
        else:
            self._paint_first()

    # -- the two start-up steps ------------------------------------------------
    def call_after_first_frame(self, call: Callable[[], None], *, give_up_ms: int = 2000) -> None:
        """Run ``call`` once the window has painted its first frame (or after
        ``give_up_ms``, if it is never shown: started minimised, say), in the order asked."""
        self._after_first_frame.append(call)
        if len(self._after_first_frame) == 1:
            after_next_paint(self, self._first_frame_done, give_up_ms=give_up_ms)

    def _first_frame_done(self) -> None:
        calls, self._after_first_frame = self._after_first_frame, []
        for call in calls:
            call()

    @property
    def attached(self) -> bool:
        return self.context is not None

    @property
    def language(self) -> str:
        return self.startup.language

    @property
    def sandbox(self) -> bool:
        return self.startup.sandbox

    def _paint_first(self) -> None:
        first = self.startup.first
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
            today = first.home.day_now if first.home is not None else 0
            self.show_screen(self._restorable(reopened_screen(first.last_screen, first.last_screen_day, today)))

    def attach(self, context: AppContext) -> None:
        """The store, settings and study are open (``Startup.store_opened``)."""
        self.startup.store_opened(context)

    def _phase(self, phase: Phase) -> None:
        if phase is Phase.STORE_OPEN:
            self._store_opened(painted=self.startup.first)
        elif phase is Phase.SERVICES_UP:
            self.recheck_unchecked_tracks()

    def _store_opened(self, painted: FirstPaint | None) -> None:
        """Build everything the first paint did not (``painted``: what it showed; None
        when the window opened with the store open)."""
        from diaryrec.ui.export_action import Exporter
        from diaryrec.ui.reminders import ReminderController

        context = self.startup.context
        assert context is not None
        self.context = context
        from diaryrec.ui.services import ServicesGate

        self.services = ServicesGate(context, self.tasks, self)
        self.services.ready.connect(self.startup.services_up)
        if self.checking_notice is not None:
            self.checking_notice.watch(context, self.services)
        elif self._pages_box is not None:  # the first paint's shell: the line comes now
            self._add_checking_notice()
        self.exporter = Exporter(context, self.tasks, self)
        if self._want_reminders:
            self.reminders = ReminderController(context, self.tasks, self)
            self.reminders.reminded.connect(self._reminded)
            self.reminders.open_requested.connect(self.bring_to_front)
            self.reminders.diary_requested.connect(lambda: (self.bring_to_front(), self.open_diary(None)))
            self.reminders.quit_requested.connect(self.close)
        if painted is None:
            self._restore_geometry()
        settings = context.settings
        wanted = self.current_key or reopened_screen(settings.last_screen, settings.last_screen_day, self._study_day_now())
        # what was painted stays when it is what the store says to show, in its language
        kept = painted is not None and context.language == painted.language
        if kept and self.pages is not None and context.study is not None:
            self._complete_shell(wanted)
        elif kept and self.first_run is not None and context.study is None:
            self.first_run.attach(context)
            self._build_menus()  # File → Open study file… stays; the rest knows the context now
        else:
            if painted is not None and context.language != painted.language:
                install_language(context.language)
            self.rebuild(wanted)
        if context.study is not None and self.reminders is not None:
            self.reminders.start()
        if self._start_services and self.startup.wants_services:
            self.services.start()  # the home screen does not need them: they start now, in a worker
        waiting, self._waiting = self._waiting, []
        for call in waiting:
            call()

    def _when_attached(self, call: Callable[[], None]) -> bool:
        """Run ``call`` once the store is open; True when it had to wait."""
        if self.context is not None:
            return False
        self._waiting.append(call)
        return True

    def show_error(self, exc: BaseException) -> None:
        """Where an error of background work that no screen handled is shown."""
        self.statusBar().showMessage(error_text(exc), 30_000)

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

    def _make_home(self) -> HomeView:
        painted = self.startup.first.home if self.startup.phase is Phase.FIRST_PAINT and self.startup.first else None
        view = HomeView(self.tasks, self.startup.read_home, self.language, summary=painted)
        view.day_activated.connect(self.open_day)
        view.diary_requested.connect(self.open_diary)
        view.activity_requested.connect(self._open_todays_activity)
        return view

    def _make_activity(self) -> ActivityView:
        from diaryrec.ui.activity_view import ActivityView

        assert self.context is not None and self.services is not None
        view = ActivityView(self.context, self.tasks, self.diary_tasks, self.services)
        view.back_requested.connect(lambda: self.show_screen("home"))
        view.diary_requested.connect(self.open_diary)
        view.settings_requested.connect(lambda: self.show_screen("settings"))
        return view

    def start_todays_activity(self) -> None:
        """Go → Start today's activity: the same as the home screen's button."""
        if self._when_attached(self.start_todays_activity):
            return
        active = self.context.study if self.context is not None else None
        if active is None:
            return
        day = active.day_number(self.context.now())  # type: ignore[union-attr]
        if 1 <= day <= active.study.total_days:
            self._open_todays_activity(day)
        else:
            self.statusBar().showMessage(self.tr("There is no activity today: the study has not begun yet, or it is over."), 10_000)

    def _open_todays_activity(self, day: int) -> None:
        if self._when_attached(lambda: self._open_todays_activity(day)):
            return
        from diaryrec.protocol import schedule

        active = self.context.study if self.context is not None else None
        if active is not None:
            self.open_activity(day, schedule.study_day(active.study, day).activity)

    def open_activity(self, day: int, activity: Activity, *, read_only: bool = False) -> None:
        view = self.activity
        if view is not None:
            view.open(day, activity, read_only=read_only)
            self.show_screen("activity")

    def _make_diary(self) -> DiaryView:
        from diaryrec.ui.diary_view import DiaryView

        view = DiaryView(self.context, self.diary_tasks)
        view.saved.connect(lambda _day: self.home and self.home.refresh())
        return view

    def _make_taste(self) -> ScreenWidget:
        from diaryrec.ui.taste_view import TasteView

        return TasteView(self.context, self.tasks)

    def _make_day(self) -> DayView:
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

    def _make_settings(self) -> ScreenWidget:
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
        if context is None or context.study is None or context.sandbox or self.services is None:
            return
        activity = self.activity
        if activity is not None and activity.busy:
            self.statusBar().showMessage(self.tr("The new settings apply after the reply being received."), 10_000)
            from PySide6.QtCore import Qt

            activity.turn_idle.connect(self._settings_saved, Qt.ConnectionType.SingleShotConnection)
            return
        self.services.start()

    @property
    def home(self) -> HomeView | None:
        view = self.screens.get("home")
        return view if isinstance(view, HomeView) else None

    @property
    def diary(self) -> DiaryView | None:
        from diaryrec.ui.diary_view import DiaryView

        view = self.screens.get("diary")
        return view if isinstance(view, DiaryView) else None

    @property
    def activity(self) -> ActivityView | None:
        from diaryrec.ui.activity_view import ActivityView

        view = self.screens.get("activity")
        return view if isinstance(view, ActivityView) else None

    def rebuild(self, screen: str = "home") -> None:
        """(Re)build menus and screens in the current interface language."""
        self._flush_all()
        old = self.centralWidget()
        self.screens = {}
        self.first_run = None
        self.nav = self.pages = None
        self.checking_notice = None
        self._pages_box = None
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
        self.first_run.language_chosen.connect(self._first_run_language)
        return self.first_run

    def _first_run_language(self, lang: str) -> None:
        """The welcome page's language choice: kept in the settings, so joining keeps it."""
        context = self.context
        if context is None or lang == self.language:
            return
        context.settings.ui_language = lang  # type: ignore[assignment]
        self.tasks.run(context.save_settings)
        self.change_language(lang)

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
        layout.addWidget(self._with_checking_notice(self.pages), 1)
        return shell

    def _with_checking_notice(self, pages: QWidget) -> QWidget:
        """The pages under the line that says when songs are not being checked. That
        line is hidden until the store tells, so the first paint leaves it out: it is
        put in once the store is open (``_store_opened``)."""
        column = QWidget()
        column.setObjectName("pagesColumn")
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(pages, 1)
        self._pages_box = box
        if self.context is not None:
            self._add_checking_notice()
        return column

    def _add_checking_notice(self) -> None:
        from diaryrec.ui.checking_notice import CheckingNotice

        assert self._pages_box is not None
        self.checking_notice = CheckingNotice(self.tasks)  # hidden until it has something to say
        self.checking_notice.settings_requested.connect(lambda: self.show_screen("settings"))
        self._pages_box.insertWidget(0, self.checking_notice)
        if self.context is not None and self.services is not None:
            self.checking_notice.watch(self.context, self.services)

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
            previous.flush()
        self.current_key = key
        self.pages.setCurrentWidget(widget)
        if self.nav is not None:
            if key in self.nav_keys:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(self.nav_keys.index(key))
                self.nav.blockSignals(False)
        self._update_title()
        if isinstance(widget, Screen) and self.attached:  # the first paint's home is fresh already
            widget.screen_shown()

    def open_day(self, day: int) -> None:
        if self._when_attached(lambda: self.open_day(day)):
            return
        from diaryrec.ui.day_view import DayView

        view = self.screens.get("day")
        if isinstance(view, DayView):
            self.show_screen("day")
            view.show_day(day)

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
            widget.flush()

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
        # triggered(bool) must not reach open_research_window as its source
        research_action.triggered.connect(lambda _checked=False: self.open_research_window())
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
            go.addSeparator()
            start = QAction(self.tr("Start today's activity"), self)
            start.setObjectName("startTodaysActivity")
            _set_shortcut(start, "Ctrl+T")
            start.triggered.connect(lambda _checked=False: self.start_todays_activity())
            go.addAction(start)
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
        from PySide6.QtWidgets import QMessageBox  # here: its type costs the first paint 2 ms

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
        context = self.context
        assert context is not None and self.services is not None
        # both on workers: the sandbox's fakes take about a second to start, the cache is an fsynced write
        context.joined(active, start=False)
        self.tasks.run(context.remember_calendar, on_error=lambda exc: log.warning("calendar not cached: %s", exc))
        self.services.start()
        install_language(context.language)  # the participant's language: joining kept it in the settings
        self.rebuild("home")
        if self.reminders is not None:
            self.reminders.start()

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

    def _study_day_now(self) -> int:
        """Today's study-day number (0 before the study or without one)."""
        active = self.context.study if self.context is not None else None
        return max(0, active.day_number(self.context.now())) if active is not None else 0  # type: ignore[union-attr]

    def remember_state(self) -> None:
        assert self.context is not None
        settings = self.context.settings
        settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        settings.last_screen = self._restorable(self.current_key)
        settings.last_screen_day = min(self._study_day_now(), 10_000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        for screen in self.screens.values():
            screen.stop_work()
        self._flush_all()
        if self.context is not None:  # closed before the store opened: nothing to keep
            self.remember_state()
            self.tasks.run(self.context.save_settings)
        if self.reminders is not None:
            self.reminders.stop()
        self.diary_tasks.shutdown()
        self.tasks.shutdown()
        super().closeEvent(event)
