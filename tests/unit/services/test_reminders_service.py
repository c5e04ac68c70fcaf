import datetime as dt

import pytest

from diaryrec.services import reminders
from diaryrec.services.diary import save_entry
from diaryrec.services.study import join_study
from diaryrec.store.models import Conversation, IceBreakingAnswer, Message
from diaryrec.store.types import utcnow

UTC = dt.timezone.utc
JOINED = dt.datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 10:00 in Seoul on 2 March: day 1


def seoul(day_of_march: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day_of_march, hour, minute, tzinfo=dt.timezone(dt.timedelta(hours=9))).astimezone(UTC)


@pytest.fixture
def active(store, default_study):
    return join_study(store, default_study, "P01", now=JOINED, zone_name="Asia/Seoul")


def test_due_once_after_the_chosen_time(store, active):
    assert reminders.check_reminder(store, active, "20:00", True, seoul(2, 19, 59)).reason == "too_early"
    decision = reminders.check_reminder(store, active, "20:00", True, seoul(2, 20, 0))
    assert decision.due and decision.day == 1
    reminders.record_reminder_shown(store, 1)
    assert reminders.check_reminder(store, active, "20:00", True, seoul(2, 21, 0)).reason == "already_shown"
    # the next study day is due again at its own time
    assert reminders.check_reminder(store, active, "20:00", True, seoul(3, 20, 5)).due


def test_a_laptop_that_slept_through_the_time_gets_it_on_waking(store, active):
    # asleep from 19:00 to 23:40: the first check after waking is due, for the same day
    assert reminders.check_reminder(store, active, "20:00", True, seoul(2, 19, 0)).reason == "too_early"
    woke = reminders.check_reminder(store, active, "20:00", True, seoul(2, 23, 40))
    assert woke.due and woke.day == 1
    # after 04:00 the study day has changed: yesterday's reminder is not shown any more,
    # today's waits for its own time
    assert reminders.check_reminder(store, active, "20:00", True, seoul(3, 4, 30)).reason == "too_early"


def test_shown_state_survives_a_restart(store, active, layout):
    from diaryrec.services.study import active_study
    from diaryrec.store import open_store

    reminders.record_reminder_shown(store, 1)
    store.close()
    reopened = open_store(layout)
    try:
        again = active_study(reopened)
        assert reminders.check_reminder(reopened, again, "20:00", True, seoul(2, 22, 0)).reason == "already_shown"
    finally:
        reopened.close()


def test_not_due_when_the_day_is_done_or_disabled_or_outside(store, active):
    with store.session() as session:
        conv = Conversation(study_day=1, purpose="ice_breaking")
        session.add(conv)
        session.flush()
        session.add(Message(conversation_id=conv.id, seq=1, role="assistant", text="추천"))
        session.commit()
    save_entry(store, active, 1, {"pros_cons": "끝"}, now=seoul(2, 18, 0))
    # the ice-breaking day is done once every task of its sheet is (issue 13)
    assert reminders.check_reminder(store, active, "20:00", True, seoul(2, 20, 30)).reason == "due"
    with store.session() as session:
        session.add_all(IceBreakingAnswer(task_id=t, completed_at=utcnow()) for t in active.calendar.ice_breaking_tasks)
        session.commit()
    assert reminders.check_reminder(store, active, "20:00", True, seoul(2, 20, 30)).reason == "day_done"
    assert reminders.check_reminder(store, active, "20:00", False, seoul(3, 20, 30)).reason == "disabled"
    # a clock set back to the evening before the join keeps day 1, whose 20:00 is still ahead
    assert reminders.check_reminder(store, active, "20:00", True, seoul(1, 20, 30)).reason == "too_early"
    assert reminders.check_reminder(store, active, "20:00", True, seoul(30, 20, 30)).reason == "outside_study"


def test_a_reminder_after_midnight_belongs_to_the_evening_before(store, active):
    at = reminders.reminder_at(active, 1, "00:30")
    assert at == seoul(3, 0, 30)
    assert reminders.check_reminder(store, active, "00:30", True, seoul(2, 23, 0)).reason == "too_early"
    decision = reminders.check_reminder(store, active, "00:30", True, seoul(3, 0, 45))
    assert decision.due and decision.day == 1
