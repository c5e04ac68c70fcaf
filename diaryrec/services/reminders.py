"""When to show the daily reminder.

Once per study day, at the time the participant chose (in the study's time zone),
and never once that day is done. Whether today's reminder was already shown is read
from the event log (``reminder_shown`` with the day's number), so a restart or a
laptop that slept through the chosen time neither repeats nor loses it: the app
asks every minute, and the first check after the chosen time says "due".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import select

from diaryrec.protocol.schedule import DayState
from diaryrec.services.study import ActiveStudy, timeline
from diaryrec.store import Store
from diaryrec.store.models import Event


@dataclass(frozen=True)
class ReminderDecision:
    due: bool
    day: int | None
    reason: str  # "due" | "disabled" | "outside_study" | "too_early" | "already_shown" | "day_done"


def parse_time(value: str) -> dt.time:
    hours, minutes = value.split(":")
    return dt.time(int(hours), int(minutes))


def reminder_at(active: ActiveStudy, day: int, reminder_time: str) -> dt.datetime:
    """The instant of day ``day``'s reminder. A study day runs from ``day_starts_at``
    to the same time next morning, so a reminder set before that hour (00:30) falls
    on the next calendar date and still belongs to the same study day."""
    start, _ = active.day_bounds(day)
    local_start = start.astimezone(active.zone)
    wanted = parse_time(reminder_time)
    at = dt.datetime.combine(local_start.date(), wanted, tzinfo=active.zone)
    if at.astimezone(dt.timezone.utc) < start:
        at = dt.datetime.combine(local_start.date() + dt.timedelta(days=1), wanted, tzinfo=active.zone)
    return at.astimezone(dt.timezone.utc)


def shown_days(store: Store) -> set[int]:
    with store.session() as session:
        events = session.exec(select(Event).where(Event.kind == "reminder_shown")).all()
    return {int(e.detail["day"]) for e in events if isinstance(e.detail.get("day"), int)}


def check_reminder(store: Store, active: ActiveStudy, reminder_time: str, enabled: bool, now: dt.datetime) -> ReminderDecision:
    if not enabled or not reminder_time:
        return ReminderDecision(False, None, "disabled")
    day = active.observe(store, now).day  # every minute: a day begun, or a move, is written down
    if not 1 <= day <= active.study.total_days:
        return ReminderDecision(False, None, "outside_study")
    if now < reminder_at(active, day, reminder_time):
        return ReminderDecision(False, day, "too_early")
    if day in shown_days(store):
        return ReminderDecision(False, day, "already_shown")
    status = timeline(store, active, now).days[day - 1]
    if status.state in (DayState.DONE, DayState.LATE):
        return ReminderDecision(False, day, "day_done")
    return ReminderDecision(True, day, "due")


def record_reminder_shown(store: Store, day: int) -> None:
    store.log_event("reminder_shown", day=day)
