"""A participant's clock that moves under a running study (issue 19): joined in Seoul,
flown to Lisbon in week 2; a clock set back; a lid closed across the day boundary.
The computer's zone is injected (``diaryrec.clock.local_zone_name``), "now" is passed
in as the app passes it; the app's every-minute look is the reminder check."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from zoneinfo import ZoneInfo

import pytest

import diaryrec.clock
from diaryrec.research.export import export_bundle
from diaryrec.services import diary, reminders
from diaryrec.services.home import read_home
from diaryrec.services.study import active_study, join_study
from diaryrec.store.models import Event

SEOUL, LISBON = "Asia/Seoul", "Europe/Lisbon"


def at(zone: str, *when: int) -> dt.datetime:
    return dt.datetime(*when, tzinfo=ZoneInfo(zone)).astimezone(dt.timezone.utc)


@pytest.fixture
def computer(monkeypatch):
    """The computer's time zone, as the operating system reports it; the test moves it."""
    state = {"zone": SEOUL}
    monkeypatch.setattr(diaryrec.clock, "local_zone_name", lambda: state["zone"])
    return state


@pytest.fixture
def active(store, default_study, computer):
    return join_study(store, default_study, "P01", now=at(SEOUL, 2026, 3, 2, 10))


def look(store, active, now):  # noqa: ANN001, ANN201 - what the running app does every minute
    return reminders.check_reminder(store, active, "20:00", True, now)


def test_seoul_to_lisbon_in_week_two_keeps_the_day_its_draft_and_one_reminder(store, active, computer, layout):
    look(store, active, at(SEOUL, 2026, 3, 10, 9))
    assert active.day_number(at(SEOUL, 2026, 3, 10, 9)) == 9
    diary.save_draft(store, 9, {"q1": "인천공항에서 쓰는 중"}, now=at(SEOUL, 2026, 3, 10, 9))
    assert look(store, active, at(SEOUL, 2026, 3, 10, 20, 5)).due  # day 9's reminder, in Seoul
    reminders.record_reminder_shown(store, 9)
    computer["zone"] = LISBON  # landed: 01:00 on 10 March in Lisbon is 10:00 in Seoul, still day 9
    landed = at(LISBON, 2026, 3, 10, 15)
    assert active.day_number(landed) == 9
    decision = look(store, active, landed)
    assert decision.day == 9 and not decision.due  # not a second reminder for day 9
    assert diary.latest_draft(store, 9).answers == {"q1": "인천공항에서 쓰는 중"}  # today's draft kept
    home = read_home(layout, landed, calendar=active.calendar)
    assert home is not None and home.day_now == 9 and home.skipped == 0
    # the next morning in Lisbon is day 10; its reminder comes at 20:00 Lisbon time
    assert look(store, active, at(LISBON, 2026, 3, 11, 19)).day == 10
    assert look(store, active, at(LISBON, 2026, 3, 11, 20, 1)).due
    # the day-9 entry saved on the Lisbon evening of 10 March is on time (the day runs until the next morning there)
    state = diary.save_entry(store, active, 9, {"q1": "리스본 도착"}, now=at(LISBON, 2026, 3, 10, 23))
    assert not state.late
    late = diary.save_entry(store, active, 8, {"q1": "하루 늦게"}, now=at(LISBON, 2026, 3, 11, 12))
    assert late.late  # day 8 ended in Seoul on 10 March, 04:00


def test_a_restart_after_the_flight_reads_the_days_lived(store, active, computer, layout):
    look(store, active, at(SEOUL, 2026, 3, 10, 9))
    computer["zone"] = LISBON
    look(store, active, at(LISBON, 2026, 3, 10, 12))
    again = active_study(store)  # the app started again in Lisbon
    assert again.day_number(at(LISBON, 2026, 3, 10, 18)) == 9
    assert again.zone_name == LISBON
    home = read_home(layout, at(LISBON, 2026, 3, 10, 18), calendar=again.calendar)  # the first paint's reader
    assert home.day_now == 9


def test_a_clock_set_back_three_hours_keeps_today_and_its_diary(store, active, computer):
    look(store, active, at(SEOUL, 2026, 3, 10, 5))
    diary.save_entry(store, active, 9, {"q1": "아침 일기"}, now=at(SEOUL, 2026, 3, 10, 5))
    set_back = at(SEOUL, 2026, 3, 10, 2)  # before the 04:00 day start: yesterday's date
    assert look(store, active, set_back).day == 9
    assert diary.latest_draft(store, 9).status == "saved"
    assert look(store, active, at(SEOUL, 2026, 3, 10, 7)).day == 9  # corrected: still day 9


def test_sleep_across_the_boundary_gives_the_next_day_s_reminder_once(store, active):
    look(store, active, at(SEOUL, 2026, 3, 10, 23))
    woke = at(SEOUL, 2026, 3, 11, 21)  # slept through day 10's 20:00
    assert look(store, active, woke).due and look(store, active, woke).day == 10
    reminders.record_reminder_shown(store, 10)
    assert look(store, active, woke + dt.timedelta(minutes=1)).reason == "already_shown"


def test_every_time_in_the_export_carries_the_offset_of_where_the_participant_was(store, active, computer, tmp_path):
    look(store, active, at(SEOUL, 2026, 3, 10, 9))
    diary.save_entry(store, active, 9, {"q1": "서울"}, now=at(SEOUL, 2026, 3, 10, 9))
    computer["zone"] = LISBON
    look(store, active, at(LISBON, 2026, 3, 11, 9))
    diary.save_entry(store, active, 10, {"q1": "리스본"}, now=at(LISBON, 2026, 3, 11, 9))
    out = export_bundle(store, tmp_path / "bundle.zip", now=at(LISBON, 2026, 3, 11, 10)).path
    with zipfile.ZipFile(out) as bundle:
        data = json.loads(bundle.read("data.json"))
    saved = {e["study_day"]: e["saved_at"] for e in data["diary_entries"]}
    assert saved[9].endswith("+09:00") and saved[10].endswith("+00:00")
    with store.session() as session:
        from sqlmodel import select

        began = [e.detail for e in session.exec(select(Event).where(Event.kind == "study_day_began")).all()]
    assert [(d["day"], d["zone"], d["utc_offset_minutes"]) for d in began][-1] == (10, LISBON, 0)
