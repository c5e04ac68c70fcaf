"""A full disk while saving the diary: the participant reads what happened in plain
words and everything they typed stays in the window (issue 8, item 3)."""

from PySide6.QtCore import Qt
from sqlalchemy import event
from sqlmodel import select

from diaryrec.store.models import DiaryEntry
from ui_helpers import seoul


def test_a_full_disk_keeps_the_typed_entry_in_the_window(qtbot, open_window, joined):
    window, context = open_window(now=seoul(2, 21), lang="en")
    window.open_diary(None)
    view = window.diary
    qtbot.waitUntil(lambda: view.state is not None)
    with context.store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    def no_room(dbapi_conn, _record):  # SQLite's own size limit: the database file cannot grow
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    event.listen(context.store.engine, "connect", no_room)
    context.store.engine.dispose()  # new connections get the limit
    typed = "디스크가 가득 찼을 때도 이 글은 남아야 한다. " * 1500  # ~100 KB: it needs new pages
    view.editors["pros_cons"].setPlainText(typed)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is full" in view.status.text(), timeout=10_000)
    assert "Traceback" not in view.status.text()
    assert view.editors["pros_cons"].toPlainText() == typed
    assert view.save_button.isEnabled()
    event.remove(context.store.engine, "connect", no_room)
    context.store.engine.dispose()
    with context.store.session() as session:
        saved = session.exec(select(DiaryEntry).where(DiaryEntry.status == "saved")).all()
    assert saved == []  # nothing half-saved; the participant saves again once there is room
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.state is not None and view.state.saved, timeout=10_000)
    assert view.state.answers["pros_cons"] == typed
