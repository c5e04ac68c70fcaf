"""Reading merged study data: what the report and the researcher window show.

``open_study_data`` opens a merged SQLite file, a database URL, or a folder of
bundles (verified and merged into a temporary SQLite file that ``close`` removes).
Every method returns plain frozen dataclasses, never ORM rows, so a window can call
them on a worker thread and hand the results to the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from diaryrec.protocol.lived_days import EVENT as DAY_BEGAN
from diaryrec.protocol.lived_days import DayAnchor, DayLedger
from diaryrec.protocol.loader import parse_study_text
from diaryrec.protocol.model import StudyFile
from diaryrec.research.merge import MergeOutcome, StudyDataError, bundle_paths, merge_bundles  # noqa: F401 - StudyDataError: read's API
from diaryrec.research.merged import STUDY_TABLES, Participant, open_merged

log = logging.getLogger(__name__)

DONE_STATES = ("done", "late")
#: the day states of a day not over at the export (``protocol.schedule.DayState``)
OPEN_STATES = ("today", "upcoming")


@dataclass(frozen=True)
class ParticipantSummary:
    id: int
    study_id: str
    code: str
    time_zone: str
    exported_at: dt.datetime
    days_total: int  # the study's days
    days_done: int  # done or late, the day of the export included
    days_late: int
    days_partly: int
    days_missed: int
    sessions: int
    diary_entries: int
    days_ended: int = 0  # the days that had ended at the export (``days_ended``)
    ended_days_done: int = 0  # of those, the ones done or late

    @property
    def compliance(self) -> float | None:
        """The share of the days that had ended at the export which were done (late
        ones included); None before the first day ended. The study's own length is
        ``days_total``: a participant exported on day 9 with days 1–7 done and day 8
        missed has 7 of 8, not 7 of 21."""
        return self.ended_days_done / self.days_ended if self.days_ended else None


@dataclass(frozen=True)
class DayRow:
    number: int
    week: int
    day_in_week: int
    activity: str
    interview: bool
    had_session: bool
    diary_saved: bool
    late: bool
    state: str


@dataclass(frozen=True)
class TrackView:
    id: int
    position: int
    title: str
    artist: str
    album: str | None
    year: int | None
    reason: str
    verdict: str
    hidden: bool
    ratings: tuple[int, ...]
    catalog: str = ""  # the catalog that gave the verdict; "" in bundles from before catalogs were named


@dataclass(frozen=True)
class MessageView:
    id: int
    seq: int
    role: str
    text: str
    status: str
    created_at: dt.datetime
    tracks: tuple[TrackView, ...]
    images: tuple[Path | None, ...]


@dataclass(frozen=True)
class ConversationView:
    id: int
    study_day: int
    purpose: str
    task_id: str | None
    started_at: dt.datetime
    messages: tuple[MessageView, ...]


@dataclass(frozen=True)
class DiaryView:
    study_day: int
    status: str
    saved_at: dt.datetime | None
    late: bool
    answers: dict[str, str]
    screenshots: tuple[Path | None, ...]  # None: not extracted (e.g. a PostgreSQL merge without --files)


@dataclass(frozen=True)
class SheetView:
    id: int
    sheet_key: str
    kind: str
    version: int
    study_day: int
    content: dict[str, Any]
    compiled_prompt: str
    based_on_id: int | None
    created_at: dt.datetime


@dataclass
class StudyData:
    engine: Engine
    files_root: Path | None
    refused: list[MergeOutcome] = field(default_factory=list)  # bundles of a folder that were not merged
    _temp: Path | None = None

    def close(self) -> None:
        self.engine.dispose()
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)

    def __enter__(self) -> "StudyData":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def rows(self, table: str, participant_id: int | None = None) -> list[dict[str, Any]]:
        """Every row of a merged study table as a dict (all participants, or one)."""
        t = STUDY_TABLES[table]
        query = select(t).order_by(*t.primary_key.columns)
        if participant_id is not None:
            query = query.where(t.c.participant_id == participant_id)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def study_file(self, participant_id: int) -> StudyFile | None:
        """The study file as the participant joined it (question texts, week names, its
        day start); None when the bundle's copy cannot be read back."""
        rows = self.rows("enrolment", participant_id)
        text = rows[-1].get("study_text") if rows else None
        if not text:
            return None
        return _parse_study(text)

    def day_ledgers(self) -> dict[int, DayLedger]:
        """Each participant's study days as they lived them (``protocol.lived_days``):
        their enrolment, the study's day start and zone, and the days written down in
        their event log. Missing for a participant whose study file cannot be read."""
        anchors: dict[int, list[DayAnchor]] = defaultdict(list)
        t = STUDY_TABLES["event"]
        query = select(t.c.participant_id, t.c.detail).where(t.c.kind == DAY_BEGAN).order_by(t.c.participant_id, t.c.id)
        with self.engine.connect() as conn:
            for pid, detail in conn.execute(query):
                anchor = DayAnchor.from_event(detail)
                if anchor is not None:
                    anchors[pid].append(anchor)
        ledgers = {}
        for row in self.rows("enrolment"):
            study = _parse_study(row["study_text"] or "")
            if study is None:
                continue
            ledgers[row["participant_id"]] = DayLedger(
                row["enrolled_on"], study.study.day_start, anchors[row["participant_id"]],
                joined_zone=row["time_zone"], fixed_zone=study.study.time_zone)
        return ledgers

    def participants(self) -> list[ParticipantSummary]:
        table = Participant.__table__  # type: ignore[attr-defined]
        with self.engine.connect() as conn:
            people = list(conn.execute(select(table).order_by(table.c.study_id, table.c.participant_code)).mappings())
        days = defaultdict(list)
        for row in sorted(self.rows("protocol_day"), key=lambda r: (r["participant_id"], r["number"])):
            days[row["participant_id"]].append(row["state"])
        ledgers = self.day_ledgers()
        sessions = defaultdict(int)
        for row in self.rows("conversation"):
            sessions[row["participant_id"]] += 1
        entries = defaultdict(int)
        for row in self.rows("diary_entry"):
            entries[row["participant_id"]] += row["status"] == "saved"
        out = []
        for p in people:
            states = days[p["id"]]
            ended = days_ended(ledgers.get(p["id"]), p["exported_at"], states)
            out.append(ParticipantSummary(
                id=p["id"], study_id=p["study_id"], code=p["participant_code"], time_zone=p["time_zone"],
                exported_at=p["exported_at"], days_total=len(states),
                days_done=sum(s in DONE_STATES for s in states), days_late=states.count("late"),
                days_partly=states.count("partly"), days_missed=states.count("missed"),
                sessions=sessions[p["id"]], diary_entries=entries[p["id"]],
                days_ended=ended, ended_days_done=sum(s in DONE_STATES for s in states[:ended]),
            ))
        return out

    def protocol_days(self, participant_id: int) -> list[DayRow]:
        return [DayRow(**{k: v for k, v in r.items() if k != "participant_id"}) for r in self.rows("protocol_day", participant_id)]

    def _files(self, participant_id: int) -> Path | None:
        if self.files_root is None:
            return None
        table = Participant.__table__  # type: ignore[attr-defined]
        with self.engine.connect() as conn:
            folder = conn.execute(select(table.c.files_folder).where(table.c.id == participant_id)).scalar()
        return self.files_root / folder if folder else None

    def files_folder(self, participant_id: int) -> Path | None:
        """Where the participant's screenshots/ and images/ were extracted; None when they were not."""
        return self._files(participant_id)

    def _file(self, root: Path | None, folder: str, name: str) -> Path | None:
        if root is None:
            return None
        path = root / folder / name
        return path if path.is_file() else None

    def conversations(self, participant_id: int) -> list[ConversationView]:
        root = self._files(participant_id)
        ratings = defaultdict(list)
        for f in self.rows("feedback", participant_id):
            if f["track_id"] is not None and f["rating"] is not None:
                ratings[f["track_id"]].append(f["rating"])
        tracks = defaultdict(list)
        for t in self.rows("recommended_track", participant_id):
            tracks[t["message_id"]].append(TrackView(
                id=t["id"], position=t["position"], title=t["title"], artist=t["artist"], album=t["album"],
                year=t["year"], reason=t["reason"] or "", verdict=t["verdict"], hidden=bool(t["hidden"]),
                ratings=tuple(ratings[t["id"]]), catalog=t.get("catalog") or "",
            ))
        images = defaultdict(list)
        for i in self.rows("message_image", participant_id):
            images[i["message_id"]].append(self._file(root, "images", i["file_name"]))
        messages = defaultdict(list)
        for m in self.rows("message", participant_id):
            messages[m["conversation_id"]].append(MessageView(
                id=m["id"], seq=m["seq"], role=m["role"], text=m["text"] or "", status=m["status"],
                created_at=m["created_at"], tracks=tuple(sorted(tracks[m["id"]], key=lambda t: t.position)),
                images=tuple(images[m["id"]]),
            ))
        return [
            ConversationView(id=c["id"], study_day=c["study_day"], purpose=c["purpose"], task_id=c["task_id"],
                             started_at=c["started_at"], messages=tuple(sorted(messages[c["id"]], key=lambda m: m.seq)))
            for c in self.rows("conversation", participant_id)
        ]

    def diary_entries(self, participant_id: int) -> list[DiaryView]:
        root = self._files(participant_id)
        shots = defaultdict(list)
        for s in sorted(self.rows("diary_screenshot", participant_id), key=lambda s: s["position"]):
            shots[s["entry_id"]].append(self._file(root, "screenshots", s["file_name"]))
        return sorted(
            (DiaryView(study_day=e["study_day"], status=e["status"], saved_at=e["saved_at"], late=bool(e["late"]),
                       answers=dict(e["answers"] or {}), screenshots=tuple(shots[e["id"]]))
             for e in self.rows("diary_entry", participant_id)),
            key=lambda d: d.study_day,
        )

    def sheet_versions(self, participant_id: int) -> list[SheetView]:
        return [
            SheetView(id=s["id"], sheet_key=s["sheet_key"], kind=s["kind"], version=s["version"], study_day=s["study_day"],
                      content=dict(s["content"] or {}), compiled_prompt=s["compiled_prompt"] or "",
                      based_on_id=s["based_on_id"], created_at=s["created_at"])
            for s in self.rows("sheet_version", participant_id)
        ]


@functools.lru_cache(maxsize=32)
def _parse_study(text: str) -> StudyFile | None:
    """A joined study file's text read back (participants of one study share it)."""
    if not text:
        return None
    try:
        return parse_study_text(text, "the participant's study file").study
    except Exception:  # noqa: BLE001 - the report and the window go on without what it says
        log.info("a participant's study file could not be read back", exc_info=True)
        return None


def days_ended(ledger: DayLedger | None, exported_at: dt.datetime, states: list[str]) -> int:
    """How many study days had ended when the participant exported: every day before
    the one they were living then, by the participant's own day boundaries (the
    ledger of ``protocol.lived_days``, the rule the app's timeline used at the export).

    Without a ledger (a study file that cannot be read back): the days before the first
    one the export's timeline called today or upcoming (a day done on the day of the
    export then counts as ended: that timeline calls it done)."""
    if ledger is None:
        return next((i for i, state in enumerate(states) if state in OPEN_STATES), len(states))
    return min(len(states), max(0, ledger.day(exported_at, "") - 1))


def open_study_data(source: str | Path, files_root: Path | None = None) -> StudyData:
    """A merged SQLite file, a database URL, or a folder of bundles (``*.zip``), which
    are verified and merged into a temporary database first. Any other file is said
    for what it is (``merged.check_local_database``: a single bundle, a participant's
    database, not a database)."""
    text = str(source)
    if "://" in text:
        return StudyData(open_merged(text, create=False), files_root)
    path = Path(source)
    if path.is_dir():
        return _merged_bundles(bundle_paths([path]))
    if not path.is_file():
        raise StudyDataError(f"There is no merged study database or folder of bundles at {path}.",
                             hint="Run `diaryrec research merge` first, or pass the folder that holds the bundles.")
    if files_root is None:
        candidate = path.with_name(f"{path.stem}-files")
        files_root = candidate if candidate.is_dir() else None
    return StudyData(open_merged(str(path), create=False), files_root)


def _merged_bundles(bundles: list[Path]) -> StudyData:
    """``bundles`` merged into a temporary SQLite file that ``StudyData.close`` removes."""
    temp = Path(tempfile.mkdtemp(prefix="diaryrec-study-"))
    engine = None
    try:
        engine = open_merged(str(temp / "study.sqlite"))
        outcomes = merge_bundles(engine, bundles, temp / "files")
    except BaseException:
        if engine is not None:
            engine.dispose()
        shutil.rmtree(temp, ignore_errors=True)  # a failed open leaves nothing behind
        raise
    return StudyData(engine, temp / "files", [o for o in outcomes if o.status == "refused"], _temp=temp)
