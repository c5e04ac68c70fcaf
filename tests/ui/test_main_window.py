import datetime as dt

from diaryrec.services.study import DayState, join_study
from diaryrec.store.models import Conversation, DiaryEntry, Message
from diaryrec.ui.context import AppContext
from diaryrec.ui.main_window import MainWindow


def _window(qtbot, data_dir, now=None):
    context = AppContext.open(data_dir)
    if now is not None:
        context.now = lambda: now  # type: ignore[method-assign]
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, context


def test_empty_until_a_study_is_joined(qtbot, data_dir, artifacts_dir):
    window, context = _window(qtbot, data_dir)
    assert window.stack.currentWidget() is window.empty_state
    assert window.title.text() == "Welcome to diaryrec"
    window.grab().save(str(artifacts_dir / "home-empty.png"))
    window.close()
    context.close()


def test_timeline_shows_21_days_with_today_and_states(qtbot, data_dir, default_study, artifacts_dir):
    context = AppContext.open(data_dir)
    joined_at = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.timezone.utc)
    active = join_study(context.store, default_study, "P07", now=joined_at, zone_name="Asia/Seoul")
    with context.store.session() as session:
        for day in (1, 2, 3):
            conv = Conversation(study_day=day, purpose="daily")
            session.add(conv)
            session.flush()
            session.add(Message(conversation_id=conv.id, seq=1, role="assistant", text="추천"))
        session.add(DiaryEntry(study_day=1, status="saved", answers={"pros_cons": "좋음"}))
        session.add(DiaryEntry(study_day=2, status="saved", late=True, answers={}))
        session.commit()
    context.close()

    now = dt.datetime(2026, 3, 6, 3, 0, tzinfo=dt.timezone.utc)  # 12:00 in Seoul, day 5
    window, context = _window(qtbot, data_dir, now=now)
    assert context.study is not None and context.study.enrolment.participant_code == active.enrolment.participant_code
    assert window.stack.currentWidget() is window.timeline_view
    cells = window.timeline_view.cells
    assert len(cells) == 21
    states = [c.status.state for c in cells[:6]]
    assert states == [DayState.DONE, DayState.LATE, DayState.PARTLY, DayState.MISSED, DayState.TODAY, DayState.UPCOMING]
    assert [c.status.number for c in cells if c.status.is_today] == [5]
    assert "2 of 21 days" in window.timeline_view._progress.text()
    assert window.title.text() == "나만의 음악 추천 시스템 만들기"  # the study's language is Korean
    assert cells[4].accessibleName().startswith("Day 5")
    window.grab().save(str(artifacts_dir / "home-timeline.png"))
    window.close()
    context.close()
