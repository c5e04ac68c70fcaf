import io

from PIL import Image
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from diaryrec.services.diary import add_screenshot
from diaryrec.protocol.schedule import DayState
from diaryrec.store.models import Conversation, DiaryEntry, Message, RecommendedTrack, SheetVersion
from diaryrec.ui.day_view import DayView

from ui_helpers import seoul


def _seed(data_dir):
    from diaryrec.paths import DataLayout
    from diaryrec.store import open_store

    store = open_store(DataLayout(data_dir))
    with store.session() as session:
        for day in (1, 2, 3):
            conv = Conversation(study_day=day, purpose="daily")
            session.add(conv)
            session.flush()
            session.add(Message(conversation_id=conv.id, seq=1, role="user", text=f"{day}일차 요청"))
            reply = Message(conversation_id=conv.id, seq=2, role="assistant", text="추천합니다")
            session.add(reply)
            session.flush()
            session.add(RecommendedTrack(message_id=reply.id, position=0, title="봄날", artist="BTS", year=2017, verdict="verified"))
        from diaryrec.protocol import load_default_study
        from diaryrec.store.models import IceBreakingAnswer
        from diaryrec.store.types import utcnow

        # day 1's ice-breaking sheet is whole: the day counts
        session.add_all(IceBreakingAnswer(task_id=t.id, completed_at=utcnow()) for t in load_default_study().study.ice_breaking.tasks)
        session.add(DiaryEntry(study_day=1, status="saved", answers={"pros_cons": "좋음"}))
        session.add(DiaryEntry(study_day=2, status="saved", late=True, answers={}))
        session.add(SheetVersion(sheet_key="recommender-1", kind="planning", version=1, study_day=8, content={"name": "비 오는 날 DJ"}))
        session.commit()
    buf = io.BytesIO()
    Image.new("RGB", (960, 3000), (10, 200, 10)).save(buf, format="PNG")
    add_screenshot(store, 1, buf.getvalue(), automatic=True)
    store.close()


def test_timeline_states_today_progress_and_recommender(qtbot, open_window, joined, data_dir):
    _seed(data_dir)
    window, context = open_window(now=seoul(6, 12), lang="en")  # day 5
    home = window.home
    qtbot.waitUntil(lambda: len(home.timeline_view.cells) == 21)
    cells = home.timeline_view.cells
    states = [c.status.state for c in cells[:6]]
    assert states == [DayState.DONE, DayState.LATE, DayState.PARTLY, DayState.MISSED, DayState.TODAY, DayState.UPCOMING]
    assert [c.status.number for c in cells if c.status.is_today] == [5]
    assert cells[4].property("today") is True and not cells[5].isEnabled()
    assert "2 of 21 days" in home.timeline_view._progress.text()
    assert home.title.text() == "Design your own music recommender"  # the study's text in the chosen language
    assert "Today is day 5 of 21" in home.today_heading.text()
    assert "Diary entry: not written yet" in home.due_label.text()
    assert "비 오는 날 DJ" in home.recommender_label.text()
    assert cells[4].accessibleName().startswith("Day 5")


def test_past_day_opens_read_only_with_conversation_and_entry(qtbot, open_window, joined, data_dir):
    _seed(data_dir)
    window, _ = open_window(now=seoul(6, 12), lang="en")
    qtbot.waitUntil(lambda: len(window.home.timeline_view.cells) == 21)
    qtbot.mouseClick(window.home.timeline_view.cells[0], qtbot_button())
    view = window.screens["day"]
    assert isinstance(view, DayView) and window.current_key == "day"
    qtbot.waitUntil(lambda: view.record is not None)
    text = view.browser.toPlainText()
    assert "1일차 요청" in text and "봄날 — BTS (2017)" in text and "좋음" in text
    assert view.browser.isReadOnly() and not view.diary_button.isVisible()
    shot = view.record.diary.screenshots[0].path.name
    image = view.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(f"shot:{shot}"))
    assert isinstance(image, QImage) and (image.width(), image.height()) == (480, 1500)  # scaled off the GUI thread
    # a missed day offers a late diary entry
    window.open_day(4)
    qtbot.waitUntil(lambda: view.record is not None and view.record.day == 4)
    assert view.diary_button.isVisible() and "late" in view.diary_button.text()
    view.diary_button.click()
    assert window.current_key == "diary" and window.diary.day == 4


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_recommender_line_says_today_on_the_planning_day(qtbot, open_window, joined):
    for day_of_march, expected in ((6, "on the first day of week 2"), (9, "you plan it today"), (10, "not designed yet.")):
        window, _ = open_window(now=seoul(day_of_march, 12), lang="en")  # days 5, 8 (week 2, day 1), 9
        qtbot.waitUntil(lambda: window.home.summary is not None)
        assert expected in window.home.recommender_label.text()
        window.close()


def _three_tasks_done(data_dir, active):
    from diaryrec.paths import DataLayout
    from diaryrec.store import open_store
    from diaryrec.store.models import IceBreakingAnswer
    from diaryrec.store.types import utcnow

    store = open_store(DataLayout(data_dir))
    with store.session() as session:
        conv = Conversation(study_day=1, purpose="ice_breaking", task_id=active.calendar.ice_breaking_tasks[0])
        session.add(conv)
        session.flush()
        session.add(Message(conversation_id=conv.id, seq=1, role="user", text="안녕"))
        session.add(Message(conversation_id=conv.id, seq=2, role="assistant", text="추천합니다"))
        session.add_all(IceBreakingAnswer(task_id=t, completed_at=utcnow()) for t in active.calendar.ice_breaking_tasks[:3])
        session.add(DiaryEntry(study_day=1, status="saved", answers={}))
        session.commit()
    store.close()


def test_the_ice_breaking_day_shows_its_progress_and_is_not_done_before_every_task(qtbot, open_window, joined, data_dir):
    _three_tasks_done(data_dir, joined)
    window, _ = open_window(now=seoul(2, 18), lang="en")  # day 1
    home = window.home
    qtbot.waitUntil(lambda: len(home.timeline_view.cells) == 21)
    assert "(3 of 10 done)" in home.due_label.text()
    day1 = home.timeline_view.cells[0]
    assert day1.status.state is DayState.PARTLY and "3 of 10 done" in day1.label.text()
    assert "0 of 21 days" in home.timeline_view._progress.text()
    window.close()
    window, _ = open_window(now=seoul(3, 12), lang="ko")  # day 2: day 1 stays partly done
    qtbot.waitUntil(lambda: len(window.home.timeline_view.cells) == 21)
    day1 = window.home.timeline_view.cells[0]
    assert day1.status.state is DayState.PARTLY and "10개 중 3개 완료" in day1.label.text()
