"""What the researcher window reads, without Qt: opening study data (a merged
database, a URL or a folder of bundles), the participants table with each one's
hallucination rate, and one participant's days, conversations, diaries and sheets.
The window runs these in a worker (``diaryrec.ui.research.loading``).

Opening a folder of bundles merges them into a temporary database that must be
removed again, whatever happens to the window meanwhile; ``StudyHolder`` owns every
opened ``StudyData`` and closes it even when the window is gone before the worker
finishes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from diaryrec.protocol.model import StudyFile
from diaryrec.research.merge import MergeOutcome
from diaryrec.research.merged import NotStudyDatabaseError, SingleBundleError, check_local_database  # noqa: F401 - the window's
from diaryrec.research.read import (
    ConversationView,
    DayRow,
    DiaryView,
    ParticipantSummary,
    SheetView,
    StudyData,
    open_study_data,
)
from diaryrec.research.report import share
from diaryrec.research.sheet_tables import SheetComparison, sheet_comparisons
from diaryrec.vocabulary import Verdict


@dataclass(frozen=True)
class ParticipantRow:
    summary: ParticipantSummary
    tracks: int
    not_found: int

    @property
    def hallucination_rate(self) -> float | None:
        """Share of suggested tracks the catalogue did not find; None without tracks
        (the report's ``not_found_share``, from the same ``share``)."""
        return share(self.not_found, self.tracks)


@dataclass(frozen=True)
class LoadedStudy:
    source: str
    data: StudyData
    participants: tuple[ParticipantRow, ...]
    refused: tuple[MergeOutcome, ...]


@dataclass(frozen=True)
class ParticipantDetail:
    participant: ParticipantRow
    days: tuple[DayRow, ...]
    conversations: tuple[ConversationView, ...]
    diaries: tuple[DiaryView, ...]
    sheets: tuple[SheetView, ...]
    comparisons: tuple[SheetComparison, ...]  # week 2 → week 3 planning sheet changes
    study: StudyFile | None  # the study file as the participant joined it (question texts, week names)

    def week_of(self, day: int) -> int:
        for row in self.days:
            if row.number == day:
                return row.week
        return (day - 1) // 7 + 1


class StudyHolder:
    """Every StudyData this window opened, closed exactly once.

    A worker ``adopt``s what it opened; if the window was closed meanwhile the data is
    closed at once instead of being handed to a window that no longer wants it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: list[StudyData] = []
        self._closed = False

    def adopt(self, data: StudyData) -> bool:
        with self._lock:
            if not self._closed:
                self._open.append(data)
                return True
        data.close()
        return False

    def release(self, data: StudyData) -> None:
        with self._lock:
            if data not in self._open:
                return
            self._open.remove(data)
        data.close()

    def reopen(self) -> None:
        with self._lock:
            self._closed = False

    def close_all(self) -> None:
        with self._lock:
            self._closed = True
            opened, self._open = self._open, []
        for data in opened:
            data.close()

    def count(self) -> int:
        with self._lock:
            return len(self._open)


def load_study(source: str, holder: StudyHolder) -> LoadedStudy | None:
    """Open ``source`` (merged SQLite file, URL or folder of bundles) and read the table."""
    data = open_study_data(source)  # a file that is no merged study database is said for what it is
    try:
        rows = participant_rows(data)
    except BaseException:
        data.close()
        raise
    if not holder.adopt(data):
        return None
    return LoadedStudy(source=source, data=data, participants=tuple(rows), refused=tuple(data.refused))


def participant_rows(data: StudyData) -> list[ParticipantRow]:
    tracks: Counter[int] = Counter()
    not_found: Counter[int] = Counter()
    for track in data.rows("recommended_track"):
        tracks[track["participant_id"]] += 1
        not_found[track["participant_id"]] += track["verdict"] == Verdict.NOT_FOUND
    return [ParticipantRow(p, tracks[p.id], not_found[p.id]) for p in data.participants()]


def load_participant(data: StudyData, row: ParticipantRow) -> ParticipantDetail:
    pid = row.summary.id
    days = tuple(data.protocol_days(pid))
    weeks = {d.number: d.week for d in days}

    def week(_pid: int, day: int) -> int:
        return weeks.get(day, (day - 1) // 7 + 1)

    return ParticipantDetail(
        participant=row,
        days=days,
        conversations=tuple(sorted(data.conversations(pid), key=lambda c: (c.study_day, c.started_at))),
        diaries=tuple(data.diary_entries(pid)),
        sheets=tuple(sorted(data.sheet_versions(pid), key=lambda s: (s.sheet_key, s.version))),
        comparisons=tuple(sheet_comparisons(data, [row.summary], week)),
        study=data.study_file(pid),
    )


def local_time(when: dt.datetime | None, zone_name: str) -> str:
    """``when`` in the participant's own time zone (that is what their day meant)."""
    if when is None:
        return ""
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        zone = dt.timezone.utc
    return when.astimezone(zone).strftime("%Y-%m-%d %H:%M")
