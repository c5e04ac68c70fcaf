import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from diaryrec.protocol import parse_study_text
from diaryrec.protocol import schedule
from diaryrec.protocol.model import Activity

UTC = dt.timezone.utc


def at(zone: str, *args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=ZoneInfo(zone))


@pytest.fixture
def study(default_study):
    return default_study.study


def test_days_run_from_enrolment_with_a_4am_boundary(study):
    seoul = ZoneInfo("Asia/Seoul")
    enrolled = dt.date(2026, 3, 2)
    assert schedule.day_number(study, enrolled, seoul, at("Asia/Seoul", 2026, 3, 2, 9, 0)) == 1
    # 01:30 the next night still belongs to day 1 (diaries are written late at night)
    assert schedule.day_number(study, enrolled, seoul, at("Asia/Seoul", 2026, 3, 3, 1, 30)) == 1
    assert schedule.day_number(study, enrolled, seoul, at("Asia/Seoul", 2026, 3, 3, 4, 0)) == 2
    assert schedule.day_number(study, enrolled, seoul, at("Asia/Seoul", 2026, 3, 22, 23, 59)) == 21
    # the same instant expressed in UTC gives the same day
    instant = at("Asia/Seoul", 2026, 3, 3, 1, 30).astimezone(UTC)
    assert schedule.day_number(study, enrolled, seoul, instant) == 1


def test_position_before_during_after(study):
    zone = ZoneInfo("Asia/Seoul")
    enrolled = dt.date(2026, 3, 2)
    assert schedule.position(study, enrolled, zone, at("Asia/Seoul", 2026, 3, 1, 12, 0)).phase == "before"
    during = schedule.position(study, enrolled, zone, at("Asia/Seoul", 2026, 3, 10, 12, 0))
    assert during.phase == "during" and during.day.number == 9
    assert schedule.position(study, enrolled, zone, at("Asia/Seoul", 2026, 3, 23, 12, 0)).phase == "after"


def test_naive_now_is_refused(study):
    with pytest.raises(ValueError):
        schedule.day_number(study, dt.date(2026, 1, 1), ZoneInfo("UTC"), dt.datetime(2026, 1, 2))


@pytest.mark.parametrize(
    ("zone", "enrolled", "change_day"),
    [
        ("America/New_York", dt.date(2026, 3, 5), dt.date(2026, 3, 8)),  # spring forward, 23-hour day
        ("Europe/Berlin", dt.date(2026, 10, 20), dt.date(2026, 10, 25)),  # fall back, 25-hour day
        ("Australia/Sydney", dt.date(2026, 4, 1), dt.date(2026, 4, 5)),  # southern autumn
    ],
)
def test_dst_changes_do_not_shift_days(study, zone, enrolled, change_day):
    tz = ZoneInfo(zone)
    expected = (change_day - enrolled).days + 1
    for hour in (4, 9, 12, 18, 23):
        local = dt.datetime.combine(change_day, dt.time(hour, 30), tzinfo=tz)
        assert schedule.day_number(study, enrolled, tz, local.astimezone(UTC)) == expected
    # the clocks change at 02:00 or 03:00, inside the study day that began at 04:00
    # the day before: that day is 23 or 25 hours long, its neighbours 24
    lengths = []
    for number in (expected - 2, expected - 1, expected):
        start, end = schedule.day_bounds(study, enrolled, tz, number)
        lengths.append((end - start).total_seconds() / 3600)
    assert lengths[0] == lengths[2] == 24
    assert lengths[1] in (23, 25)


def test_day_bounds_are_consecutive_and_cover_every_instant(study):
    tz = ZoneInfo("America/New_York")
    enrolled = dt.date(2026, 3, 1)
    previous_end = None
    for number in range(1, 22):
        start, end = schedule.day_bounds(study, enrolled, tz, number)
        if previous_end is not None:
            assert start == previous_end
        assert schedule.day_number(study, enrolled, tz, start) == number
        assert schedule.day_number(study, enrolled, tz, end - dt.timedelta(seconds=1)) == number
        previous_end = end


def test_late_entries(study):
    tz = ZoneInfo("Asia/Seoul")
    enrolled = dt.date(2026, 3, 2)
    assert not schedule.is_late(study, enrolled, tz, 1, at("Asia/Seoul", 2026, 3, 2, 23, 0))
    assert not schedule.is_late(study, enrolled, tz, 1, at("Asia/Seoul", 2026, 3, 3, 3, 59))
    assert schedule.is_late(study, enrolled, tz, 1, at("Asia/Seoul", 2026, 3, 3, 4, 1))
    assert schedule.is_late(study, enrolled, tz, 1, at("Asia/Seoul", 2026, 3, 5, 20, 0))


def test_grace_hours_from_the_study_file(default_study):
    lenient = parse_study_text(default_study.text.replace("late_after_hours = 0", "late_after_hours = 12")).study
    tz = ZoneInfo("Asia/Seoul")
    enrolled = dt.date(2026, 3, 2)
    assert not schedule.is_late(lenient, enrolled, tz, 1, at("Asia/Seoul", 2026, 3, 3, 15, 0))
    assert schedule.is_late(lenient, enrolled, tz, 1, at("Asia/Seoul", 2026, 3, 3, 16, 1))


def test_what_is_due(study):
    tz = ZoneInfo("Asia/Seoul")
    enrolled = dt.date(2026, 3, 2)

    def due(day: int) -> schedule.Due:
        now = dt.datetime.combine(enrolled + dt.timedelta(days=day - 1), dt.time(12), tzinfo=tz)
        result = schedule.due_today(study, enrolled, tz, now)
        assert result is not None and result.day.number == day
        return result

    assert due(1).activity is Activity.ICE_BREAKING and not due(1).interview
    assert due(2).activity is Activity.DAILY_COMPOSER
    assert due(7).activity is Activity.DAILY_COMPOSER
    assert due(8).activity is Activity.PLANNING_SHEET and due(8).interview
    assert due(9).activity is Activity.OWN_RECOMMENDER and not due(9).interview
    assert due(15).activity is Activity.PLANNING_REVISION and due(15).interview
    assert due(21).activity is Activity.OWN_RECOMMENDER
    assert [q.id for q in due(3).diary_questions] == ["screenshot", "pros_cons"]
    assert [q.id for q in due(16).diary_questions] == ["screenshot", "strengths_weaknesses", "suggestions"]
    assert all(due(d).needs_recommendation_session for d in (1, 8, 21))
    assert schedule.due_today(study, enrolled, tz, at("Asia/Seoul", 2026, 4, 1, 12, 0)) is None


def test_study_day_out_of_range(study):
    with pytest.raises(ValueError, match="days 1 to 21"):
        schedule.study_day(study, 22)
