"""The diary screen: the week's questions, drafts autosaved and recovered after a
crash, the late mark, screenshots added and removed."""

import io

from PIL import Image
from PySide6.QtCore import Qt
from sqlmodel import select

from diaryrec.services import diary
from diaryrec.store.models import DiaryEntry, Event
from diaryrec.ui import diary_view
from diaryrec.runtime.context import AppContext
from diaryrec.ui.main_window import MainWindow

from ui_helpers import seoul


def _stored(context: AppContext, day: int) -> DiaryEntry | None:
    with context.store.session() as session:
        return session.exec(select(DiaryEntry).where(DiaryEntry.study_day == day)).first()


def test_week_questions_and_autosave_then_recovery_after_a_crash(qtbot, open_window, joined, data_dir, monkeypatch):
    monkeypatch.setattr(diary_view, "AUTOSAVE_MS", 200)  # the timer, not its length, is under test
    window, context = open_window(now=seoul(9, 21), lang="en")  # day 8: week 2
    window.open_diary(None)
    view = window.diary
    qtbot.waitUntil(lambda: view.state is not None)
    assert view.day == 8
    assert list(view.editors) == ["strengths_weaknesses", "suggestions"]  # week 2's questions
    assert view.screenshots is not None
    editor = view.editors["strengths_weaknesses"]
    editor.setFocus()
    editor.insertPlainText("내 추천 시스템은 사진으로 분위기를 잘 잡는다.\nSpotify보다 설명이 좋다.")
    qtbot.waitUntil(lambda: (e := _stored(context, 8)) is not None and "Spotify보다" in e.answers.get("strengths_weaknesses", ""), timeout=3000)
    assert _stored(context, 8).status == "draft"
    qtbot.waitUntil(lambda: "Draft kept" in view.status.text())

    # A crash: no close, no flush; the process would simply be gone. A new start reads the draft.
    view.autosave.stop()
    window.diary_tasks.shutdown()
    again = AppContext.open(data_dir)
    again.now = lambda: seoul(9, 22)  # type: ignore[method-assign]
    window2 = MainWindow(again, reminders=False)
    qtbot.addWidget(window2)
    window2.open_diary(None)
    qtbot.waitUntil(lambda: window2.diary.state is not None)
    assert "Spotify보다 설명이 좋다." in window2.diary.editors["strengths_weaknesses"].toPlainText()
    assert "Draft kept" in window2.diary.status.text()
    window2.close()
    again.close()


def test_save_on_time_and_late(qtbot, open_window, joined):
    window, context = open_window(now=seoul(2, 21), lang="en")
    window.open_diary(None)
    view = window.diary
    qtbot.waitUntil(lambda: view.state is not None)
    view.editors["pros_cons"].setPlainText("좋은 점: 새로운 곡. 아쉬운 점: 설명이 길다.")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.state is not None and view.state.saved)
    assert not view.state.late and "Saved at" in view.status.text()
    # a day that has ended is written late, from the day view's button or the diary itself
    window.open_diary(3)
    qtbot.waitUntil(lambda: view.state is not None and view.state.day == 3)
    context.now = lambda: seoul(6, 10)  # type: ignore[method-assign]
    view.editors["pros_cons"].setPlainText("늦게 씀")
    view.save_entry()
    qtbot.waitUntil(lambda: view.state.saved)
    assert view.state.late and "Marked late" in view.status.text()
    with context.store.session() as session:
        saved = [e.detail for e in session.exec(select(Event).where(Event.kind == "entry_saved")).all()]
        opened = [e.detail["day"] for e in session.exec(select(Event).where(Event.kind == "entry_opened")).all()]
    assert [(d["day"], d["late"]) for d in saved] == [(1, False), (3, True)]
    assert opened == [1, 3]


def test_screenshots_shown_added_and_removed(qtbot, open_window, joined, tmp_path):
    window, context = open_window(now=seoul(2, 21), lang="en")
    window.open_diary(None)
    view = window.diary
    qtbot.waitUntil(lambda: view.state is not None)
    buf = io.BytesIO()
    Image.new("RGB", (300, 900), (30, 90, 200)).save(buf, format="PNG")
    view.add_capture(buf.getvalue())
    photo = tmp_path / "기분.jpg"
    Image.new("RGB", (120, 80), (200, 30, 30)).save(photo, format="JPEG")
    qtbot.waitUntil(lambda: view.screenshots.list.count() == 1)
    view.add_images([photo])
    qtbot.waitUntil(lambda: view.screenshots.list.count() == 2)
    assert [view.screenshots.list.item(i).text() for i in range(2)] == ["Conversation 1", "Image 2"]
    view.screenshots.list.item(0).setSelected(True)
    assert view.screenshots.remove_button.isEnabled()
    view.remove_selected()
    qtbot.waitUntil(lambda: view.screenshots.list.count() == 1)
    state = diary.latest_draft(context.store, 1)
    assert [s.automatic for s in state.screenshots] == [False]


def test_typing_then_switching_language_keeps_the_draft(qtbot, open_window, joined):
    window, context = open_window(now=seoul(2, 21), lang="en")
    window.open_diary(None)
    qtbot.waitUntil(lambda: window.diary.state is not None)
    window.diary.editors["pros_cons"].setPlainText("언어를 바꾸기 직전에 쓴 글")
    window.change_language("ko")  # rebuilds every screen: the old diary flushes, then goes away
    qtbot.waitUntil(lambda: (e := _stored(context, 1)) is not None and e.answers.get("pros_cons") == "언어를 바꾸기 직전에 쓴 글")
    window.open_diary(None)
    qtbot.waitUntil(lambda: window.diary.state is not None)
    assert window.diary.editors["pros_cons"].toPlainText() == "언어를 바꾸기 직전에 쓴 글"
