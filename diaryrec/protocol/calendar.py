"""The study's calendar as plain data: its weeks, their days and activities, and the
names the home screen shows in each interface language.

Derived from the study file (``StudyFile.calendar()``) and kept as JSON beside the
database (``DataLayout.calendar_cache``), so that the home screen can be painted at
start-up with the standard library alone, before pydantic and the ORM are imported
(issue 5: start-up to the home screen within twice a bare Qt window). Standard
library only: this module is imported on that path.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import Any, Protocol

# the languages and the activities are defined in the bottom layer; re-exported here,
# where the calendar's readers have always found them
from diaryrec.vocabulary import LANGUAGES as LANGUAGES
from diaryrec.vocabulary import Activity as Activity

#: bump when the JSON below changes shape: an older cache is then ignored (and rewritten)
CALENDAR_FORMAT = 3  # 2: the ice-breaking sheet's task ids; 3: the study's own time zone


class WeekRule(Protocol):
    """What decides a day's activity: the study file's ``Week`` and ``WeekPlan`` alike."""

    first_day_activity: Activity
    daily_activity: Activity
    first_day_interview: bool


def day_activity(week: WeekRule, day_in_week: int) -> Activity:
    """The one rule: the week's first day has its own activity, the others the daily one."""
    return week.first_day_activity if day_in_week == 1 else week.daily_activity


def day_interview(week: WeekRule, day_in_week: int) -> bool:
    return day_in_week == 1 and week.first_day_interview


def parse_clock(text: str) -> dt.time:
    """"04:00" -> 04:00 (the study file has checked the format)."""
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


@dataclass(frozen=True)
class WeekPlan:
    number: int
    name: dict[str, str]  # interface language -> the week's name in it
    days: int
    first_day_activity: Activity
    daily_activity: Activity
    first_day_interview: bool


@dataclass(frozen=True)
class DayPlan:
    number: int  # 1-based over the whole study
    week: int
    day_in_week: int
    activity: Activity
    interview: bool


@dataclass(frozen=True)
class Calendar:
    study_name: dict[str, str]  # interface language -> the study's name in it
    language: str  # the study's own language
    day_starts_at: str  # "HH:MM" local time
    weeks: tuple[WeekPlan, ...]
    time_zone: str = ""  # the study's own zone; "" = the participant's (see protocol.lived_days)
    # the ice-breaking sheet's tasks: its day counts once every one of them is done
    ice_breaking_tasks: tuple[str, ...] = ()

    @property
    def day_start(self) -> dt.time:
        return parse_clock(self.day_starts_at)

    @property
    def total_days(self) -> int:
        return sum(w.days for w in self.weeks)

    def week(self, number: int) -> WeekPlan:
        return self.weeks[number - 1]

    def days(self) -> list[DayPlan]:
        out: list[DayPlan] = []
        for week in self.weeks:
            for d in range(1, week.days + 1):
                out.append(DayPlan(len(out) + 1, week.number, d, day_activity(week, d), day_interview(week, d)))
        return out

    def to_json(self, key: str) -> str:
        """The cache file's text; ``key`` names the joined study it was made from."""
        return json.dumps({"format": CALENDAR_FORMAT, "key": key, "calendar": asdict(self)}, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str, key: str) -> "Calendar | None":
        """The calendar in ``text`` if it was made from the study ``key`` in this
        format; None for anything else (another study, an older format, damage)."""
        try:
            data: Any = json.loads(text)
            if data.get("format") != CALENDAR_FORMAT or data.get("key") != key:
                return None
            raw = data["calendar"]
            weeks = tuple(
                WeekPlan(
                    number=int(w["number"]),
                    name={str(k): str(v) for k, v in w["name"].items()},
                    days=int(w["days"]),
                    first_day_activity=Activity(w["first_day_activity"]),
                    daily_activity=Activity(w["daily_activity"]),
                    first_day_interview=bool(w["first_day_interview"]),
                )
                for w in raw["weeks"]
            )
            calendar = cls(
                study_name={str(k): str(v) for k, v in raw["study_name"].items()},
                language=str(raw["language"]),
                day_starts_at=str(raw["day_starts_at"]),
                weeks=weeks,
                time_zone=str(raw["time_zone"]),
                ice_breaking_tasks=tuple(str(t) for t in raw["ice_breaking_tasks"]),
            )
            calendar.day_start  # noqa: B018 - a damaged clock fails here, not on the home screen
        except (ValueError, TypeError, KeyError, AttributeError):
            return None
        if [w.number for w in weeks] != list(range(1, len(weeks) + 1)) or any(w.days < 1 for w in weeks):
            return None
        return calendar
