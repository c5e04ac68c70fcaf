"""Study days when the participant's clock or time zone moves (issue 19): an injected
clock and zone, the day ledger as the app keeps it (each observation that begins a day
is written down, as the app does every minute)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from diaryrec.protocol.lived_days import DayAnchor, DayLedger

START = dt.time(4, 0)
SEOUL, LISBON, LA, BERLIN = "Asia/Seoul", "Europe/Lisbon", "America/Los_Angeles", "Europe/Berlin"


def at(zone: str, *when: int) -> dt.datetime:
    return dt.datetime(*when, tzinfo=ZoneInfo(zone)).astimezone(dt.timezone.utc)


class Laptop:
    """Observes like the running app (every hour here) and writes the anchors down."""

    def __init__(self, enrolled_on: dt.date, joined_zone: str = SEOUL):
        self.ledger = DayLedger(enrolled_on, START, joined_zone=joined_zone)
        self.skips: list[int] = []

    def look(self, now: dt.datetime, zone: str) -> int:
        seen = self.ledger.observe(now, zone)
        if seen.began is not None:
            self.ledger.record(seen.began)
        if seen.skipped:
            self.skips.append(seen.skipped)
        return seen.day

    def live(self, start: dt.datetime, hours: int, zone: str) -> list[int]:
        return [self.look(start + dt.timedelta(hours=h), zone) for h in range(hours)]


def days_seen(days: list[int]) -> list[int]:
    return list(dict.fromkeys(days))


def test_seoul_to_lisbon_mid_week_counts_no_day_twice():
    laptop = Laptop(dt.date(2026, 3, 2))
    seoul = laptop.live(at(SEOUL, 2026, 3, 9, 12), 22, SEOUL)  # day 8 afternoon → day 9 morning (Mar 10)
    assert days_seen(seoul) == [8, 9]
    # lands in Lisbon at 01:00 local on Mar 10 (10:00 in Seoul): Lisbon's study date is still Mar 9
    lisbon = laptop.live(at(LISBON, 2026, 3, 10, 1), 28, LISBON)
    assert days_seen(lisbon) == [9, 10], "day 8 came back, or a day was counted twice"
    assert laptop.skips == []
    start, end = laptop.ledger.bounds(9, LISBON)
    assert start == at(SEOUL, 2026, 3, 10, 4)  # day 9 began in Seoul
    assert end == at(LISBON, 2026, 3, 11, 4)  # and ended at Lisbon's next morning: a longer day
    assert laptop.ledger.zone_at(at(LISBON, 2026, 3, 10, 12)) == LISBON
    assert laptop.ledger.zone_at(at(SEOUL, 2026, 3, 10, 8)) == SEOUL


def test_flying_west_to_yesterday_s_date_lives_that_date_as_the_same_study_day():
    laptop = Laptop(dt.date(2026, 3, 2))
    laptop.live(at(SEOUL, 2026, 3, 10, 9), 3, SEOUL)  # day 9 is 10 March
    # Los Angeles: it is still 9 March there, then 10 March again: one study day
    assert laptop.look(at(LA, 2026, 3, 9, 20), LA) == 9
    assert laptop.look(at(LA, 2026, 3, 10, 12), LA) == 9
    assert laptop.look(at(LA, 2026, 3, 11, 5), LA) == 10  # the next morning there
    assert laptop.skips == []
    assert laptop.ledger.bounds(9, LA)[1] == at(LA, 2026, 3, 11, 4)


def test_flying_east_shortens_the_day_and_skips_none():
    laptop = Laptop(dt.date(2026, 3, 2), LISBON)
    laptop.live(at(LISBON, 2026, 3, 10, 10), 10, LISBON)  # day 9 in Lisbon until 20:00
    assert laptop.look(at(SEOUL, 2026, 3, 11, 5), SEOUL) == 10  # 20:00 UTC: morning in Seoul
    assert laptop.skips == []
    start, end = laptop.ledger.bounds(9, SEOUL)
    assert end - start < dt.timedelta(hours=24)


def test_a_clock_set_back_three_hours_neither_goes_back_a_day_nor_skips_one_later():
    laptop = Laptop(dt.date(2026, 3, 2))
    assert laptop.look(at(SEOUL, 2026, 3, 10, 5), SEOUL) == 9
    assert laptop.look(at(SEOUL, 2026, 3, 10, 2), SEOUL) == 9  # set back across the day boundary
    assert laptop.look(at(SEOUL, 2026, 3, 10, 6), SEOUL) == 9  # corrected: still day 9, not day 10
    assert laptop.look(at(SEOUL, 2026, 3, 11, 4, 30), SEOUL) == 10
    assert laptop.skips == []


def test_sleep_across_the_boundary_wakes_on_the_next_day_once():
    laptop = Laptop(dt.date(2026, 3, 2))
    assert laptop.look(at(SEOUL, 2026, 3, 10, 23), SEOUL) == 9
    assert laptop.look(at(SEOUL, 2026, 3, 11, 9), SEOUL) == 10  # the lid closed all night
    assert laptop.look(at(SEOUL, 2026, 3, 14, 9), SEOUL) == 13  # three days asleep: days missed, not skipped
    assert laptop.skips == []
    assert [a.day for a in laptop.ledger.anchors] == [9, 10, 13]


def test_a_clock_moved_forward_is_days_passed_like_sleep_not_a_skip():
    laptop = Laptop(dt.date(2026, 3, 2))
    assert laptop.look(at(SEOUL, 2026, 3, 10, 12), SEOUL) == 9
    assert laptop.look(at(SEOUL, 2026, 3, 13, 12), SEOUL) == 12  # indistinguishable from three days asleep
    assert laptop.skips == []


def test_a_date_jump_faster_than_real_time_is_a_skip_that_is_told():
    """Over the date line eastward (Samoa's Pago Pago, UTC-11, to Kiritimati, UTC+14): two
    local dates go by in 23.5 hours; the day skipped is reported, not hidden."""
    laptop = Laptop(dt.date(2026, 3, 2), "Pacific/Pago_Pago")
    assert laptop.look(at("Pacific/Pago_Pago", 2026, 3, 10, 5), "Pacific/Pago_Pago") == 9  # began 04:00 there
    landed = dt.datetime(2026, 3, 11, 14, 30, tzinfo=dt.timezone.utc)  # 04:30 on 12 March in Kiritimati
    assert laptop.look(landed, "Pacific/Kiritimati") == 11
    assert laptop.skips == [1]


def test_dst_days_are_23_and_25_hours_long_and_nothing_shifts():
    laptop = Laptop(dt.date(2026, 3, 23), BERLIN)
    # Berlin: clocks go forward on 29 March 2026 and back on 25 October 2026
    days = laptop.live(at(BERLIN, 2026, 3, 28, 12), 48, BERLIN)
    assert days_seen(days) == [6, 7, 8]
    start, end = laptop.ledger.bounds(6, BERLIN)  # 28 March 04:00 CET to 29 March 04:00 CEST
    assert end - start == dt.timedelta(hours=23)
    assert laptop.ledger.bounds(7, BERLIN)[1] - laptop.ledger.bounds(7, BERLIN)[0] == dt.timedelta(hours=24)
    autumn = Laptop(dt.date(2026, 10, 20), BERLIN)
    autumn.live(at(BERLIN, 2026, 10, 24, 12), 48, BERLIN)
    start, end = autumn.ledger.bounds(5, BERLIN)  # 24 October 04:00 CEST to 25 October 04:00 CET
    assert end - start == dt.timedelta(hours=25)
    assert autumn.skips == [] and laptop.skips == []


def test_an_anchor_round_trips_through_the_event_log_with_its_offset():
    anchor = DayAnchor(9, dt.date(2026, 3, 10), SEOUL, "UTC")
    detail = anchor.as_event(at(SEOUL, 2026, 3, 10, 12))
    assert detail["os_zone"] == "UTC"
    assert detail["utc_offset_minutes"] == 540
    assert DayAnchor.from_event(detail) == anchor
    assert DayAnchor.from_event({"day": "x"}) is None
    assert DayAnchor.from_event({"day": 3, "local_date": "2026-03-04", "zone": "Mars/Olympus"}) is None


def test_the_zone_joined_in_holds_until_the_computer_s_zone_changes():
    """Joined in Seoul on a computer set to UTC (say): its zone never changed, so the
    days stay Seoul's; once it changes, the participant has moved."""
    ledger = DayLedger(dt.date(2026, 3, 2), START, joined_zone=SEOUL)
    first = ledger.observe(at(SEOUL, 2026, 3, 10, 12), "UTC")
    ledger.record(first.began)
    assert first.day == 9 and ledger.zone("UTC") == SEOUL
    assert ledger.zone(LISBON) == LISBON  # the computer's zone changed
    fixed = DayLedger(dt.date(2026, 3, 2), START, joined_zone=SEOUL, fixed_zone=SEOUL)
    assert fixed.zone(LISBON) == SEOUL  # a study that names its zone keeps it
