"""``diaryrec --sandbox`` starts the app (the event loop runs until the window closes)."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlmodel import select

from diaryrec.__main__ import build_parser
from diaryrec.logs import setup_logging
from diaryrec.store.models import Event
from diaryrec.ui.app import run_app
from diaryrec.ui.main_window import MainWindow


def test_the_app_runs_with_sandbox(qtbot, data_dir):
    seen: list[MainWindow] = []

    def close_when_shown() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(50, close_when_shown)
            return
        seen.extend(windows)
        windows[0].close()

    QTimer.singleShot(50, close_when_shown)
    try:
        code = run_app(build_parser().parse_args(["--sandbox", "--data-dir", str(data_dir)]))
    finally:
        setup_logging(None)  # detach the log file the app opened
    assert code == 0
    assert seen and seen[0].context.sandbox and seen[0].first_run is not None
    from diaryrec.paths import DataLayout
    from diaryrec.store import open_store

    store = open_store(DataLayout(data_dir))
    try:
        with store.session() as session:
            started = session.exec(select(Event).where(Event.kind == "app_started")).one()
    finally:
        store.close()
    assert started.detail["sandbox"] is True
    assert (data_dir / "logs" / "diaryrec.log").exists()
