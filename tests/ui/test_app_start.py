"""``diaryrec --sandbox`` starts the app (the event loop runs until the window closes)."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlmodel import select

from diaryrec.__main__ import build_parser
from diaryrec.logs import setup_logging
from diaryrec.store.models import Event
from diaryrec.ui.app import run_app
from diaryrec.ui.main_window import MainWindow


def _run_and_close(data_dir, ready) -> list[MainWindow]:
    """Start the app with the sandbox; close its window once ``ready(window)``."""
    seen: list[MainWindow] = []

    def close_when_ready() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible() and ready(w)]
        if not windows:
            QTimer.singleShot(10, close_when_ready)
            return
        seen.extend(windows)
        windows[0].close()

    QTimer.singleShot(10, close_when_ready)
    try:
        assert run_app(build_parser().parse_args(["--sandbox", "--data-dir", str(data_dir)])) == 0
    finally:
        setup_logging(None)  # detach the log file the app opened
    return seen


def test_the_app_runs_with_sandbox(qtbot, data_dir):
    seen = _run_and_close(data_dir, lambda window: window.attached)
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


def test_closing_before_the_store_opens_is_clean(qtbot, data_dir):
    """Closed at once (the store still opening in its worker): the app waits for
    the worker, closes the store it opened and exits normally."""
    seen = _run_and_close(data_dir, lambda window: window.tasks.active() > 0 and not window.attached)
    assert seen and seen[0].context is None
    from diaryrec.store.engine import database_revision, head_revision

    assert database_revision(data_dir / "diaryrec.sqlite") == head_revision()
    assert not (data_dir / "diaryrec.sqlite-wal").exists()  # the store was closed (WAL checkpointed)


def test_a_data_folder_it_cannot_open_is_reported_in_words_and_left_alone(qtbot, data_dir, monkeypatch):
    """A database from a newer diaryrec: the window says so (no traceback), the app
    exits with the error's code, and the file is not touched."""
    import contextlib
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from diaryrec.paths import DataLayout
    from diaryrec.store import open_store

    open_store(DataLayout(data_dir)).close()
    database = data_dir / "diaryrec.sqlite"
    with contextlib.closing(sqlite3.connect(database)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'from-the-future'")
        conn.commit()
    before = database.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _parent, _title, text: shown.append(text)))
    try:
        code = run_app(build_parser().parse_args(["--data-dir", str(data_dir)]))
    finally:
        setup_logging(None)
    assert code == 2
    assert len(shown) == 1 and "newer version of diaryrec" in shown[0]
    assert database.read_bytes() == before


def test_an_error_no_code_caught_is_logged_and_told_once_in_words(qtbot, data_dir, caplog):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from diaryrec.ui.app import unexpected_error_reporter

    window = QWidget()
    qtbot.addWidget(window)
    report = unexpected_error_reporter(window, data_dir / "logs")
    for _ in range(3):  # the same bug again and again (say, in a timer): one message
        try:
            raise ZeroDivisionError("division by zero")
        except ZeroDivisionError as exc:
            report(type(exc), exc, exc.__traceback__)
    boxes = [w for w in window.findChildren(QMessageBox) if w.objectName() == "unexpectedError"]
    assert len(boxes) == 1 and boxes[0].isVisible() and not boxes[0].isModal()
    assert "ZeroDivisionError" in boxes[0].text() and str(data_dir / "logs") in boxes[0].text()
    assert "Traceback" not in boxes[0].text()
    logged = [r for r in caplog.records if r.getMessage() == "unexpected error"]
    assert len(logged) == 3 and logged[0].exc_info is not None  # the traceback is in the log, each time
    boxes[0].close()
