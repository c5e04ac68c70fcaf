"""Starting the desktop app (and the smoke start that ``selftest`` runs)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer, QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from diaryrec import __version__
from diaryrec.errors import UserError
from diaryrec.logs import setup_logging
from diaryrec.paths import DataLayout, resources_dir
from diaryrec.ui.context import AppContext
from diaryrec.ui.data_location import startup_data_dir
from diaryrec.ui.i18n import install_language
from diaryrec.ui.main_thread_gc import MainThreadGC
from diaryrec.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("diaryrec")
        QCoreApplication.setApplicationName("diaryrec")
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    style = resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    app.setQuitOnLastWindowClosed(True)
    return app  # type: ignore[return-value]


def run_app(args: argparse.Namespace) -> int:
    data_dir = startup_data_dir(args.data_dir)
    app = ensure_application()
    setup_logging(DataLayout(data_dir).logs)
    try:
        context = AppContext.open(data_dir, sandbox=args.sandbox)
    except UserError as exc:
        QMessageBox.critical(None, "diaryrec", str(exc))
        return exc.exit_code
    context.store.log_event("app_started", version=__version__, sandbox=context.sandbox)
    install_language(context.language)
    collector = MainThreadGC(app).start()
    window = MainWindow(context)
    window.show()
    if context.study is not None:
        # after the first paint: the home screen does not need the LLM and Spotify clients
        context.start_services_in_background(window.tasks, on_done=lambda _: window.recheck_unchecked_tracks())
    if os.environ.get(EXIT_WHEN_HOME_SHOWN) == "1":
        _exit_when_home_shown(app, window)
    try:
        return app.exec()
    finally:
        context.close()
        collector.stop()


EXIT_WHEN_HOME_SHOWN = "DIARYREC_EXIT_WHEN_HOME_SHOWN"


def _exit_when_home_shown(app: QApplication, window: MainWindow) -> None:
    """For the start-up benchmarks (venv and frozen app alike): once the home screen
    is painted with its data, print one line and quit."""
    timer = QTimer(window)

    def check() -> None:
        home = window.home
        if window.context.study is not None and (home is None or home.summary is None):
            return
        timer.stop()
        app.processEvents()  # the filled-in home is painted before the line goes out
        print("diaryrec: home shown", flush=True)
        app.quit()

    timer.timeout.connect(check)
    timer.start(5)


def smoke_start() -> str:
    """Start the main window on an empty data folder, render it once, close it."""
    app = ensure_application()
    with tempfile.TemporaryDirectory(prefix="diaryrec-qt-") as tmp:
        context = AppContext.open(Path(tmp))
        window = MainWindow(context, reminders=False)
        window.show()
        app.processEvents()
        image = window.grab().toImage()
        window.close()
        context.close()
    if image.isNull() or image.width() < 100:
        raise RuntimeError("the main window did not render")
    return f"{app.platformName()} platform, main window rendered {image.width()}x{image.height()}"
