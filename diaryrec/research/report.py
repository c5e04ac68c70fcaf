"""The study report: one self-contained HTML page (inline SVG charts, inline CSS, no
scripts, nothing fetched) and, with ``--csv DIR``, the aggregate tables behind it.

- compliance heatmap, participants × study days;
- sessions and saved diary entries per week;
- the distribution of 1–5 ratings per week;
- the share of suggested tracks the catalog verified / did not find (the
  hallucination rate), per participant and per week;
- each participant's planning sheet, week 2 → week 3, side by side.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from diaryrec import __version__
from diaryrec.fileio import write_atomic
from diaryrec.paths import templates_dir
from diaryrec.research import svg
from diaryrec.research.export import csv_bytes
from diaryrec.research.read import ParticipantSummary, StudyData
from diaryrec.sheets.changes import compare_sheets, field_text, flat_fields
from diaryrec.store.types import utcnow
from diaryrec.vocabulary import VERDICT_COLOURS as COLOURS
from diaryrec.vocabulary import FeedbackKind, Verdict

#: the report's verdict groups, named as its CSV columns: each answer the catalog gives,
#: and "not_checked" for the tracks it gave none (pending, unchecked)
NOT_CHECKED = "not_checked"
VERDICT_GROUPS = {verdict: verdict.value for verdict in Verdict if verdict.checked}
#: their colours: the verdicts' own (diaryrec.vocabulary, the screens paint with them too)
VERDICT_COLOURS = {**{group: COLOURS[verdict] for verdict, group in VERDICT_GROUPS.items()}, NOT_CHECKED: COLOURS[Verdict.UNCHECKED]}
RATING_COLOURS = {str(r): c for r, c in zip(range(1, 6), ["#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32"])}


_VERDICT_COLUMNS = [*VERDICT_COLOURS, "total", "verified_share", "not_found_share"]
#: the columns of each ``--csv`` table, fixed so that scripts reading them keep working
AGGREGATE_COLUMNS = {
    "participants": ["participant_code", "study_id", "exported_at", "days_total", "days_done", "days_late",
                     "days_partly", "days_missed", "compliance", "sessions", "diary_entries"],
    "compliance": ["participant_code", "day", "week", "state"],
    "weekly_activity": ["week", "participants", "sessions", "diary_entries"],
    "ratings_by_week": ["week", "rating", "count"],
    "verdicts_by_participant": ["participant_code", *_VERDICT_COLUMNS],
    "verdicts_by_week": ["week", *_VERDICT_COLUMNS],
    "sheet_changes": ["participant_code", "week2_sheet", "week3_sheet", "new_scenario", "field", "week2", "week3", "changed"],
}


@dataclass
class SheetComparison:
    participant_code: str
    week2_key: str
    week3_key: str
    new_scenario: bool
    fields: list[tuple[str, str, str, bool]]  # field, week 2, week 3, changed
    week2_prompt: str
    week3_prompt: str


@dataclass
class Aggregates:
    participants: list[ParticipantSummary]
    weeks: list[int]
    compliance: list[dict[str, Any]] = field(default_factory=list)
    weekly: list[dict[str, Any]] = field(default_factory=list)
    ratings: list[dict[str, Any]] = field(default_factory=list)
    verdicts_by_participant: list[dict[str, Any]] = field(default_factory=list)
    verdicts_by_week: list[dict[str, Any]] = field(default_factory=list)
    sheets: list[SheetComparison] = field(default_factory=list)


def _verdict_group(verdict: str) -> str:
    return VERDICT_GROUPS.get(verdict, NOT_CHECKED)  # type: ignore[call-overload]  # str keys match


def share(count: int, total: int) -> float | None:
    """``count`` as a share of ``total`` (e.g. the hallucination rate: tracks not found
    of tracks suggested); None when there is nothing to share. The report's tables
    and the researcher window's participants table both use it."""
    return count / total if total else None


def _verdict_row(key: dict[str, Any], counts: Counter[str]) -> dict[str, Any]:
    total = sum(counts.values())
    row = {**key, **{name: counts.get(name, 0) for name in VERDICT_COLOURS}, "total": total}
    for verdict in (Verdict.VERIFIED, Verdict.NOT_FOUND):
        value = share(counts.get(verdict, 0), total)
        row[f"{verdict}_share"] = 0.0 if value is None else round(value, 4)  # the CSV has a number in every cell
    return row


def flatten_content(value: Any) -> dict[str, str]:
    """A sheet's fields as {dotted path: text}, flattened as the participant's
    revision screen flattens them (``diaryrec.sheets.changes``)."""
    return {path: field_text(v) for path, v in flat_fields(value).items()}


def aggregate(data: StudyData) -> Aggregates:
    people = data.participants()
    code = {p.id: p.code for p in people}
    week_of: dict[tuple[int, int], int] = {}
    for row in data.rows("protocol_day"):
        week_of[(row["participant_id"], row["number"])] = row["week"]
    weeks = sorted(set(week_of.values()))
    agg = Aggregates(participants=people, weeks=weeks)
    for row in data.rows("protocol_day"):
        agg.compliance.append({"participant_code": code[row["participant_id"]], "day": row["number"], "week": row["week"], "state": row["state"]})

    def week(pid: int, day: int) -> int:
        return week_of.get((pid, day), (day - 1) // 7 + 1)

    conversations = {(c["participant_id"], c["id"]): c for c in data.rows("conversation")}
    messages = {(m["participant_id"], m["id"]): m for m in data.rows("message")}
    replied = {(m["participant_id"], m["conversation_id"]) for m in messages.values() if m["role"] == "assistant"}
    sessions = Counter(week(pid, c["study_day"]) for (pid, cid), c in conversations.items() if (pid, cid) in replied)
    diaries = Counter(week(e["participant_id"], e["study_day"]) for e in data.rows("diary_entry") if e["status"] == "saved")
    for w in weeks:
        agg.weekly.append({"week": w, "participants": len(people), "sessions": sessions[w], "diary_entries": diaries[w]})

    ratings: Counter[tuple[int, int]] = Counter()
    for f in data.rows("feedback"):
        conv = conversations.get((f["participant_id"], f["conversation_id"]))
        if f["kind"] == FeedbackKind.RATING and f["rating"] is not None and conv is not None:
            ratings[(week(f["participant_id"], conv["study_day"]), f["rating"])] += 1
    for w in weeks:
        for r in range(1, 6):
            agg.ratings.append({"week": w, "rating": r, "count": ratings[(w, r)]})

    by_person: dict[int, Counter[str]] = defaultdict(Counter)
    by_week: dict[int, Counter[str]] = defaultdict(Counter)
    for t in data.rows("recommended_track"):
        pid = t["participant_id"]
        message = messages.get((pid, t["message_id"]))
        conv = conversations.get((pid, message["conversation_id"])) if message else None
        group = _verdict_group(t["verdict"])
        by_person[pid][group] += 1
        if conv is not None:
            by_week[week(pid, conv["study_day"])][group] += 1
    agg.verdicts_by_participant = [_verdict_row({"participant_code": p.code}, by_person[p.id]) for p in people]
    agg.verdicts_by_week = [_verdict_row({"week": w}, by_week[w]) for w in weeks]
    agg.sheets = sheet_comparisons(data, people, week)
    return agg


def sheet_comparisons(data: StudyData, people: list[ParticipantSummary], week) -> list[SheetComparison]:  # noqa: ANN001
    """Each participant's last week-2 planning sheet beside each sheet of week 3, field
    by field (the fields compared as ``diaryrec.sheets.changes.compare_sheets`` does)."""
    out = []
    for p in people:
        planning = [s for s in data.sheet_versions(p.id) if s.kind == "planning"]
        week2 = [s for s in planning if week(p.id, s.study_day) == 2]
        week3: dict[str, Any] = {}
        for s in planning:
            if week(p.id, s.study_day) == 3:
                week3[s.sheet_key] = s  # the last version of each sheet in week 3
        if not week2 or not week3:
            continue
        before = week2[-1]
        ids_before = {s.id for s in planning if s.sheet_key == before.sheet_key}
        for after in week3.values():
            out.append(SheetComparison(
                participant_code=p.code, week2_key=before.sheet_key, week3_key=after.sheet_key,
                new_scenario=after.sheet_key != before.sheet_key and after.based_on_id not in ids_before,
                fields=[(c.field, field_text(c.old), field_text(c.new), c.changed)
                        for c in compare_sheets(before.content, after.content)],
                week2_prompt=before.compiled_prompt, week3_prompt=after.compiled_prompt,
            ))
    return out


def charts(agg: Aggregates) -> dict[str, Any]:
    by_code: dict[str, list[str]] = defaultdict(list)
    for row in sorted(agg.compliance, key=lambda r: (r["participant_code"], r["day"])):
        by_code[row["participant_code"]].append(row["state"])
    labels = [f"week {w}" for w in agg.weeks]
    ratings = {str(r): [next(x["count"] for x in agg.ratings if x["week"] == w and x["rating"] == r) for w in agg.weeks] for r in range(1, 6)}
    verdict_parts = lambda rows: {name: [row[name] for row in rows] for name in VERDICT_COLOURS}  # noqa: E731
    return {
        "heatmap": svg.heatmap([(p.code, by_code[p.code]) for p in agg.participants]),
        "weekly": svg.grouped_bars(labels, {
            "sessions": [r["sessions"] for r in agg.weekly],
            "diary entries": [r["diary_entries"] for r in agg.weekly],
        }, "Sessions and diary entries per week"),
        "ratings": svg.stacked_shares(labels, ratings, RATING_COLOURS, "Ratings per week"),
        "verdicts_participant": svg.stacked_shares(
            [r["participant_code"] for r in agg.verdicts_by_participant], verdict_parts(agg.verdicts_by_participant),
            VERDICT_COLOURS, "Suggested tracks verified / not found per participant"),
        "verdicts_week": svg.stacked_shares(labels, verdict_parts(agg.verdicts_by_week), VERDICT_COLOURS,
                                            "Suggested tracks verified / not found per week"),
    }


def render_report(data: StudyData, now: dt.datetime | None = None) -> str:
    agg = aggregate(data)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())), undefined=jinja2.StrictUndefined, autoescape=True
    )
    return env.get_template("report/report.html.j2").render(
        agg=agg, charts=charts(agg), generated_at=(now or utcnow()).isoformat(timespec="seconds"), app_version=__version__,
        study_ids=sorted({p.study_id for p in agg.participants}), refused=data.refused,
    )


def write_report(data: StudyData, out: Path) -> None:
    write_atomic(Path(out), render_report(data).encode("utf-8"))


def write_csv(data: StudyData, folder: Path) -> list[Path]:
    agg = aggregate(data)
    folder = Path(folder)
    tables: dict[str, list[dict[str, Any]]] = {
        "participants": [
            {"participant_code": p.code, "study_id": p.study_id, "exported_at": p.exported_at.isoformat(),
             "days_total": p.days_total, "days_done": p.days_done, "days_late": p.days_late,
             "days_partly": p.days_partly, "days_missed": p.days_missed, "compliance": round(p.compliance, 4),
             "sessions": p.sessions, "diary_entries": p.diary_entries}
            for p in agg.participants
        ],
        "compliance": agg.compliance,
        "weekly_activity": agg.weekly,
        "ratings_by_week": agg.ratings,
        "verdicts_by_participant": agg.verdicts_by_participant,
        "verdicts_by_week": agg.verdicts_by_week,
        "sheet_changes": [
            {"participant_code": s.participant_code, "week2_sheet": s.week2_key, "week3_sheet": s.week3_key,
             "new_scenario": s.new_scenario, "field": f, "week2": a, "week3": b, "changed": changed}
            for s in agg.sheets for f, a, b, changed in s.fields
        ],
    }
    written = []
    for name, rows in tables.items():
        columns = AGGREGATE_COLUMNS[name]
        path = folder / f"{name}.csv"
        write_atomic(path, csv_bytes(columns, rows))
        written.append(path)
    return written
