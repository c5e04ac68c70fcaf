"""Study days as the participant lives them, when their clock or time zone moves.

A study whose ``time_zone`` is empty runs in the participant's own zone, and a
laptop travels: Seoul to Lisbon in week 2, a clock corrected by hours, a lid closed
across the day boundary. Counting days from the enrolment date in whatever zone the
computer has now would count a day twice (flying west: Lisbon's date is still
yesterday's) or go back a day (a clock set back). So the days lived are written
down as they begin: a ``DayAnchor`` (study day, its local date, the zone it began
in), kept in the event log (``study_day_began``). Then:

- the zone is the study's own if it names one; else the one they joined in, until the
  computer's zone changes (each anchor notes the computer's zone too);
- today is the newest anchor's day plus the local dates that have passed since it,
  in the zone the computer has now; never fewer (a day is never lived twice, a clock
  set back keeps today; a study day is one local date, lived once, even when a flight
  west lands on yesterday's date), and a jump of more days
  than real time allows (a clock set forward by mistake) is written down and told;
- a day begins at ``day_starts_at`` on its local date, in the zone it began in, and
  ends when the next day begins: a day flown west is longer, one flown east shorter,
  a DST day 23 or 25 hours, and none overlaps another.

Standard library only: the first paint (``services.home``) uses it too.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from typing import NamedTuple
from zoneinfo import ZoneInfo

EVENT = "study_day_began"
JUMP_EVENT = "study_day_jump"
_DAY = dt.timedelta(days=1)


# NamedTuples, not dataclasses: a dataclass costs the first paint 0.5 ms to create
class DayAnchor(NamedTuple):
    day: int
    local_date: dt.date
    zone: str  # the zone the day is lived in
    os_zone: str = ""  # the computer's zone when it was written ("" = the same)

    def start(self, day_start: dt.time) -> dt.datetime:
        """When this day began (UTC): its local date at the day start, in its zone
        (through UTC, so that a start in a DST gap is a real instant)."""
        return dt.datetime.combine(self.local_date, day_start, tzinfo=ZoneInfo(self.zone)).astimezone(dt.timezone.utc)

    def as_event(self, now: dt.datetime) -> dict[str, object]:
        offset = now.astimezone(ZoneInfo(self.zone)).utcoffset() or dt.timedelta()
        return {"day": self.day, "local_date": self.local_date.isoformat(), "zone": self.zone,
                "os_zone": self.os_zone or self.zone, "utc_offset_minutes": int(offset.total_seconds() // 60)}

    @classmethod
    def from_event(cls, detail: object) -> "DayAnchor | None":
        try:
            assert isinstance(detail, dict)
            anchor = cls(int(detail["day"]), dt.date.fromisoformat(str(detail["local_date"])), str(detail["zone"]),
                         str(detail.get("os_zone") or detail["zone"]))
            ZoneInfo(anchor.zone)
        except Exception:  # noqa: BLE001 - a damaged entry only loses its anchor
            return None
        return anchor


def local_date(now: dt.datetime, zone: ZoneInfo, day_start: dt.time) -> dt.date:
    """The calendar date a study day started on, for ``now`` in ``zone`` (a diary
    written at 1 a.m. belongs to the evening before, with the default 04:00 start)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return (now.astimezone(zone) - dt.timedelta(hours=day_start.hour, minutes=day_start.minute)).date()


class Observation(NamedTuple):
    day: int
    began: DayAnchor | None  # a day (or a zone) newly begun: to be written down
    skipped: int  # days jumped over faster than real time allows (0 normally)


class DayLedger:
    """The anchors of one enrolment, and the rules above. Thread-safe: the GUI reads
    today while a worker writes a new day down."""

    def __init__(self, enrolled_on: dt.date, day_start: dt.time, anchors: Iterable[DayAnchor] = (), *,
                 joined_zone: str, fixed_zone: str = ""):
        self.enrolled_on, self.day_start = enrolled_on, day_start
        self.joined_zone, self.fixed_zone = joined_zone, fixed_zone
        self._lock = threading.Lock()
        self._anchors: list[DayAnchor] = []
        for anchor in anchors:
            self._add(anchor)

    def _add(self, anchor: DayAnchor) -> None:
        # anchors only go forward; one out of order (a damaged log) is ignored
        if not self._anchors or anchor.day >= self._anchors[-1].day:
            self._anchors.append(anchor)

    @property
    def anchors(self) -> list[DayAnchor]:
        with self._lock:
            return list(self._anchors)

    def _newest(self) -> DayAnchor | None:
        return self._anchors[-1] if self._anchors else None

    def _zone(self, os_zone: str) -> str:
        newest = self._newest()
        if self.fixed_zone:
            return self.fixed_zone
        if newest is None:
            return self.joined_zone
        if os_zone and os_zone != (newest.os_zone or newest.zone):
            return os_zone  # the computer's zone changed since the last day was written: it moved
        return newest.zone

    def zone(self, os_zone: str) -> str:
        """The zone the participant lives in now: the study's own if it names one; else
        where they joined, until the computer's zone changes (they travelled)."""
        with self._lock:
            return self._zone(os_zone)

    def observe(self, now: dt.datetime, os_zone: str) -> Observation:
        """Today for ``now`` with the computer in ``os_zone``, and what to write down."""
        with self._lock:
            zone_name = self._zone(os_zone)
            date = local_date(now, ZoneInfo(zone_name), self.day_start)
            newest = self._newest()
            os_zone = os_zone or zone_name
            if newest is None:
                day = (date - self.enrolled_on).days + 1
                return Observation(day, DayAnchor(day, date, zone_name, os_zone) if day >= 1 else None, 0)
            passed = (date - newest.local_date).days
            if passed <= 0:
                # the same date, a clock set back, or a flight west that lands on yesterday's
                # date: still today. Once the date there is today's, the day goes on in the
                # new zone, so the next begins at that zone's next morning.
                moved = passed == 0 and (zone_name != newest.zone or os_zone != (newest.os_zone or newest.zone))
                return Observation(newest.day, DayAnchor(newest.day, date, zone_name, os_zone) if moved else None, 0)
            # more new days than real time has brought: the clock or the zone jumped
            real = max(1, int((now - newest.start(self.day_start)) / _DAY) + 1)
            skipped = max(0, passed - real)
            day = newest.day + passed
            return Observation(day, DayAnchor(day, date, zone_name, os_zone), skipped)

    def record(self, anchor: DayAnchor) -> None:
        with self._lock:
            self._add(anchor)

    def day(self, now: dt.datetime, os_zone: str) -> int:
        return self.observe(now, os_zone).day

    def start_of(self, number: int, os_zone: str) -> dt.datetime:
        """When study day ``number`` began (or will begin, in the zone lived in now)."""
        with self._lock:
            zone_name = self._zone(os_zone)
            known = [a for a in self._anchors if a.day == number]
            if known:
                return known[0].start(self.day_start)  # the zone it began in (the first anchor of that day)
            before = [a for a in self._anchors if a.day < number]
            base = before[-1] if before else DayAnchor(1, self.enrolled_on, zone_name)
            # a day not lived yet: counted on from the newest before it, in the zone now
            date = base.local_date + dt.timedelta(days=number - base.day)
            start = DayAnchor(number, date, zone_name).start(self.day_start)
            if before:  # never before the day it follows began
                start = max(start, base.start(self.day_start) + dt.timedelta(hours=1))
            return start

    def bounds(self, number: int, os_zone: str) -> tuple[dt.datetime, dt.datetime]:
        start = self.start_of(number, os_zone)
        end = self.start_of(number + 1, os_zone)
        return start, max(end, start + dt.timedelta(hours=1))

    def zone_at(self, when: dt.datetime) -> str:
        """The zone the participant was in at ``when`` (for local times in the export)."""
        with self._lock:
            zone = self.fixed_zone or self.joined_zone
            for anchor in self._anchors:
                if anchor.start(self.day_start) <= when:
                    zone = anchor.zone
            return zone
