"""The home screen's data, read with plain SQL (services.home, store.glance): the
same answer as the ORM-side timeline, the cached calendar and when it is refused."""

import contextlib
import datetime as dt
import sqlite3

import pytest
from sqlmodel import select

from diaryrec.protocol import schedule
from diaryrec.protocol.calendar import CALENDAR_FORMAT, Calendar
from diaryrec.services import home
from diaryrec.services.study import join_study, timeline
from diaryrec.store.glance import calendar_key
from diaryrec.store.models import Conversation, DiaryEntry, IceBreakingAnswer, Message, SheetVersion
from diaryrec.store.types import utcnow

JOINED = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.timezone.utc)  # 10:00 in Seoul: day 1
DAY_5 = dt.datetime(2026, 3, 6, 3, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def active(store, default_study):
    active = join_study(store, default_study, "P07", now=JOINED, zone_name="Asia/Seoul")
    with store.session() as session:
        for day, status in ((1, "complete"), (2, "complete"), (3, "complete"), (4, "error")):
            conv = Conversation(study_day=day, purpose="daily")
            session.add(conv)
            session.flush()
            session.add(Message(conversation_id=conv.id, seq=1, role="user", text="요청"))
            session.add(Message(conversation_id=conv.id, seq=2, role="assistant", text="추천", status=status))
        session.add_all(IceBreakingAnswer(task_id=t, completed_at=utcnow()) for t in active.calendar.ice_breaking_tasks)
        session.add(DiaryEntry(study_day=1, status="saved", answers={}))
        session.add(DiaryEntry(study_day=2, status="saved", late=True, answers={}))
        session.add(DiaryEntry(study_day=5, status="draft", answers={"pros_cons": "쓰는 중"}))
        session.add(SheetVersion(sheet_key="recommender-1", kind="planning", version=1, study_day=8, content={"name": "비 오는 날 DJ"}))
        session.commit()
    return active


def test_the_home_summary_agrees_with_the_timeline_read_through_the_orm(store, active):
    summary = home.read_home(store.layout, DAY_5, calendar=active.calendar)
    assert summary is not None
    assert summary.timeline == timeline(store, active, DAY_5)
    states = [d.state for d in summary.timeline.days[:6]]
    assert states == ["done", "late", "partly", "missed", "today", "upcoming"]  # day 4's reply failed: no session
    assert summary.today is not None and summary.today.number == 5 and summary.day_now == 5
    assert summary.today_diary == "draft"
    assert summary.recommender == "비 오는 날 DJ"
    assert summary.participant_code == "P07" and summary.enrolled_on == dt.date(2026, 3, 2)
    assert summary.calendar.study_name["ko"] == "나만의 음악 추천 시스템 만들기"


def test_the_ice_breaking_day_counts_once_every_task_is_done(store, active):
    tasks = active.calendar.ice_breaking_tasks
    assert len(tasks) == 10
    with store.session() as session:
        for answer in session.exec(select(IceBreakingAnswer)).all():
            if answer.task_id not in tasks[:3]:
                answer.completed_at = None
                session.add(answer)
        session.commit()
    summary = home.read_home(store.layout, DAY_5, calendar=active.calendar)
    day1 = summary.timeline.days[0]
    assert (day1.state, day1.had_session, day1.tasks_done, day1.tasks_total) == ("partly", False, 3, 10)
    assert summary.timeline.complete_days == 1  # day 2 (late); day 1 counts only when the sheet is whole
    assert summary.timeline == timeline(store, active, DAY_5)
    assert all(d.tasks_total == 0 for d in summary.timeline.days[1:])


def test_outside_the_study_there_is_no_today(store, active):
    after = home.read_home(store.layout, JOINED + dt.timedelta(days=40), calendar=active.calendar)
    assert after.today is None and after.today_diary is None and after.day_now > 21


def test_a_clock_set_back_before_the_join_keeps_day_one(store, active):
    """Once joined, day 1 has begun (issue 19): a clock set back days before the join
    is a clock set back, not a time before the study."""
    before = home.read_home(store.layout, JOINED - dt.timedelta(days=3), calendar=active.calendar)
    assert before.day_now == 1 and before.today is not None and before.today.number == 1


def test_the_first_paint_reads_the_cached_calendar_of_the_same_study_only(store, active):
    layout = store.layout
    assert home.read_home(layout, DAY_5) is None  # nothing cached yet
    key = calendar_key(active.enrolment.id, active.enrolment.study_sha256)
    home.remember_calendar(layout, key, active.calendar)
    assert home.read_home(layout, DAY_5) == home.read_home(layout, DAY_5, calendar=active.calendar)
    home.remember_calendar(layout, "1:another-study", active.calendar)
    assert home.read_home(layout, DAY_5) is None


def test_no_early_home_without_a_database_or_with_one_to_migrate(layout, store, active):
    home.remember_calendar(layout, calendar_key(active.enrolment.id, active.enrolment.study_sha256), active.calendar)
    assert home.start_home(layout, DAY_5) is not None
    store.close()
    with contextlib.closing(sqlite3.connect(layout.database)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000'")
        conn.commit()
    assert home.start_home(layout, DAY_5) is None  # an older schema: the store migrates it first
    layout.database.write_bytes(b"not a database at all" * 100)
    assert home.start_home(layout, DAY_5) is None  # damaged: the store reports it in words
    layout.database.unlink()
    assert home.start_home(layout, DAY_5) is None


def test_the_calendar_round_trips_and_refuses_what_it_did_not_write(default_study):
    calendar = default_study.study.calendar()
    text = calendar.to_json("1:abc")
    assert Calendar.from_json(text, "1:abc") == calendar
    assert Calendar.from_json(text, "2:abc") is None
    assert Calendar.from_json(text.replace(f'"format": {CALENDAR_FORMAT}', '"format": 99'), "1:abc") is None
    assert Calendar.from_json("{not json", "1:abc") is None
    assert Calendar.from_json(text.replace('"04:00"', '"4 o\'clock"'), "1:abc") is None


def test_the_calendar_and_the_study_file_agree_day_by_day(default_study):
    study = default_study.study
    plans = study.calendar().days()
    days = schedule.days(study)
    assert [(p.number, p.week, p.day_in_week, p.activity, p.interview) for p in plans] == [
        (d.number, d.week.number, d.day_in_week, d.activity, d.interview) for d in days
    ]


def test_a_data_folder_with_korean_spaces_and_uri_characters_is_read(tmp_path, default_study):
    from diaryrec.paths import DataLayout
    from diaryrec.store import open_store

    layout = DataLayout(tmp_path / "연구 데이터 #1 ?&%20").ensure()
    store = open_store(layout)
    try:
        active = join_study(store, default_study, "P07", now=JOINED, zone_name="Asia/Seoul")
        home.remember_calendar(layout, calendar_key(active.enrolment.id, active.enrolment.study_sha256), active.calendar)
        summary = home.start_home(layout, DAY_5)
        assert summary is not None and summary.participant_code == "P07" and summary.day_now == 5
    finally:
        store.close()
    assert home.start_home(layout, DAY_5) is not None  # also with the store closed (no -wal file)
