"""Starting the desktop app (and the smoke start that ``selftest`` runs).

Start-up paints before it loads; its phases are ``runtime.startup.Startup``'s.
``run_app`` paints the window from the ``FirstPaint`` read before Qt was imported,
then after its first frame opens the store in a worker (``load``) and hands it to
the window, which starts the LLM and Spotify clients in another worker.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from diaryrec import __version__
from diaryrec.errors import QT_TRANSLATE_NOOP, UserError
from diaryrec.paths import resources_dir
from diaryrec.runtime import startup
from diaryrec.runtime.startup import FirstPaint, first_paint
from diaryrec.ui.errors import error_text
from diaryrec.ui.i18n import install_language, system_language
from diaryrec.ui import single_instance
from diaryrec.ui.main_thread_gc import MainThreadGC
from diaryrec.ui.main_window import SCREEN_MODULES, MainWindow
from diaryrec.ui.single_instance import Instance

if TYPE_CHECKING:
    from diaryrec.runtime.context import AppContext

log = logging.getLogger(__name__)


def ensure_application(argv: list[str] | None = None, *, styled: bool = True) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("diaryrec")
        QCoreApplication.setApplicationName("diaryrec")
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    if styled:
        apply_style(app)  # type: ignore[arg-type]
    app.setQuitOnLastWindowClosed(True)
    return app  # type: ignore[return-value]


def apply_style(app: QApplication) -> None:
    """The app's style sheet. Applied once the first window is built: set before, it
    is matched again each time a widget is put into its parent (15 ms at start-up)."""
    style = resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def open_context(data_dir: Path, sandbox: bool) -> AppContext:
    """Step two, in a worker: the screens' modules, then the store and the study."""
    for name in SCREEN_MODULES:
        importlib.import_module(name)
    return startup.open_context(data_dir, sandbox, system_language())


def in_a_language(first: FirstPaint) -> FirstPaint:
    """``first`` knowing this computer's language (Qt tells it, so runtime.startup leaves it open)."""
    return first._replace(system_language=system_language())


def run_app(args: argparse.Namespace, first: FirstPaint | None = None) -> int:
    """The desktop app. ``first``: read before Qt was imported (see diaryrec.runtime.startup)."""
    if first is None:
        first = first_paint(args.data_dir, bool(args.sandbox))
    layout, data_dir = first.layout, first.layout.root
    app = ensure_application(styled=False)
    instance = _hold_data_folder(data_dir)
    if instance is None:
        return 0  # another window has this data folder: it came to the front
    first = in_a_language(first)
    install_language(first.language)
    window = MainWindow(first_paint=first)
    apply_style(app)
    window.show()
    opened: list[AppContext] = []

    def load() -> AppContext:
        from diaryrec.logs import setup_logging  # here, not before the first paint: 5-10 ms of imports

        setup_logging(layout.logs)
        context = open_context(data_dir, bool(args.sandbox))
        opened.append(context)  # closed below even if the window is gone by then
        context.store.log_event("app_started", version=__version__, sandbox=context.sandbox)
        return context

    def failed(exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox  # here, not before the first paint: its type costs 2 ms

        if not isinstance(exc, UserError):
            log.error("the study data could not be opened", exc_info=exc)
            exc = UserError(
                QT_TRANSLATE_NOOP("UserError", "diaryrec could not open its data folder {folder} ({kind}: {detail})."),
                folder=data_dir, kind=type(exc).__name__, detail=str(exc),
            )
        QMessageBox.critical(window, "diaryrec", error_text(exc))
        app.exit(getattr(exc, "exit_code", 1))

    if os.environ.get(EXIT_WHEN_HOME_SHOWN) == "1":
        _exit_when_home_shown(app, window)
    # after the first frame: importing the store in a worker before it would slow the
    # paint by a third (the worker holds the interpreter lock while it imports)
    window.call_after_first_frame(lambda: window.tasks.run(load, on_done=window.attach, on_error=failed))
    instance.activation_requested.connect(window.bring_to_front)
    window.call_after_first_frame(instance.listen)
    collector = MainThreadGC(app).start()
    previous_hook, sys.excepthook = sys.excepthook, unexpected_error_reporter(window, layout.logs)
    try:
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        window.tasks.shutdown()
        for context in opened:
            context.close()
        collector.stop()
        instance.release()


def _hold_data_folder(data_dir: Path) -> Instance | None:
    """This start's hold on its data folder (one window per folder: a second window
    would write the same drafts). None: another diaryrec holds it and was asked to
    come forward."""
    instance = single_instance.claim(data_dir)
    if instance is not None:
        return instance
    # the running window listens from its first frame on: give it a moment
    for _attempt in range(10):
        if single_instance.hand_over(data_dir, timeout_ms=500):
            print("diaryrec is already open with this data folder: its window was brought to the front.", flush=True)
            return None
        time.sleep(0.3)
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(None, "diaryrec", QCoreApplication.translate(
        "SingleInstance",
        "diaryrec is already open with this study's data folder ({folder}). Switch to its window; "
        "if you cannot find it, wait a moment and start diaryrec again.",
    ).format(folder=data_dir))
    return None


def unexpected_error_reporter(window: MainWindow, log_folder: Path):  # noqa: ANN201 - a sys.excepthook
    """A ``sys.excepthook`` for errors no code caught (a bug; PySide hands it those
    of slots and event handlers): the traceback goes to the log, the participant gets
    one plain message per kind of error, and the app goes on. What was saved is
    saved: every write is its own committed transaction."""
    told: set[tuple[str, str]] = set()

    def report(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.critical("unexpected error", exc_info=(kind, exc, tb))
        key = (kind.__name__, str(exc)[:200])
        if key in told or not shiboken6.isValid(window):
            return
        told.add(key)
        from PySide6.QtCore import Qt  # here: touching Qt's enums costs the first paint (see README)
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, "diaryrec", QCoreApplication.translate(
            "UnexpectedError",
            "Something went wrong inside diaryrec ({kind}). What you saved is kept, and you can go on.\n\n"
            "If it happens again, please send the file diaryrec.log from {folder} to the research team.",
        ).format(kind=kind.__name__, folder=log_folder), parent=window)
        box.setObjectName("unexpectedError")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setModal(False)  # the participant can go on working beside it
        box.show()

    return report


EXIT_WHEN_HOME_SHOWN = "DIARYREC_EXIT_WHEN_HOME_SHOWN"


def _exit_when_home_shown(app: QApplication, window: MainWindow) -> None:
    """For the start-up benchmarks (venv and frozen app alike): once the home screen
    is painted with its data (or, before any study is joined, the welcome page), print
    one line and quit. Checked at the first frame, then (a home that needs the store
    first) every 5 ms."""
    timer = QTimer(window)
    done: list[bool] = []

    def check() -> None:
        home = window.home
        painted = home is not None and home.summary is not None
        first_run = window.first_run is not None  # no study yet: the welcome page is the home
        if done or not (painted or first_run):
            return
        done.append(True)
        timer.stop()
        app.processEvents()  # the filled-in home is painted before the line goes out
        print("diaryrec: home shown", flush=True)
        app.quit()

    timer.timeout.connect(check)
    window.call_after_first_frame(lambda: (check(), done or timer.start(5)))


def smoke_start() -> str:
    """Start the main window on an empty data folder, render it once, close it."""
    import tempfile

    app = ensure_application()
    with tempfile.TemporaryDirectory(prefix="diaryrec-qt-") as tmp:
        context = startup.open_context(Path(tmp), False, system_language())
        window = MainWindow(context, reminders=False)
        window.show()
        app.processEvents()
        image = window.grab().toImage()
        window.close()
        context.close()
    if image.isNull() or image.width() < 100:
        raise RuntimeError("the main window did not render")
    return f"{app.platformName()} platform, main window rendered {image.width()}x{image.height()}"
