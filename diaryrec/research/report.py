"""The study report: one self-contained HTML page (inline SVG charts, inline CSS, no
scripts, nothing fetched) and, with ``--csv DIR``, the tables behind it with their
codebook (``DIR/README.md``, from ``diaryrec.research.tables.REPORT_TABLES``).

- each participant's compliance over the days that had ended at their export, with
  the study's length beside it, and the participants × days heatmap;
- sessions and saved diary entries per week; the distribution of 1–5 ratings per week;
- the share of suggested tracks the catalog verified / did not find (the
  hallucination rate), per participant and per week;
- the scenarios of weeks 2 and 3 (the paper's Table 2), how often each stage-1/2/3
  option was chosen in the week-1 composer and the planning sheets, and the week
  2 → 3 changes per field (``diaryrec.research.sheet_tables``);
- each participant's planning sheet, week 2 → week 3, side by side, by scenario name
  and in words;
- per participant: the tracks the catalog did not find, the mean rating per week,
  the ice-breaking answers and ideas, and the diary entries with their word counts
  (``diaryrec.research.participant_tables``).

Every file goes out through ``_write``: whole or not at all, readable by whoever may
open the output folder (the researcher's group), not by its owner alone.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jinja2

from diaryrec import __version__
from diaryrec.fileio import write_atomic
from diaryrec.paths import templates_dir
from diaryrec.research import svg
from diaryrec.research.export import csv_bytes
from diaryrec.research.participant_tables import ParticipantMaterial, participant_material
from diaryrec.research.read import ParticipantSummary, StudyData
from diaryrec.research.sheet_tables import (
    SOURCES,
    FieldChange,
    OptionCount,
    Scenario,
    SheetComparison,
    field_changes,
    new_scenarios,
    option_counts,
    scenarios,
    sheet_comparisons,
)
from diaryrec.research.sheet_words import STAGE_WORDS
from diaryrec.research.tables import NOT_CHECKED, REPORT_TABLES, TableSpec
from diaryrec.sheets.changes import field_text, flat_fields
from diaryrec.store.types import utcnow
from diaryrec.vocabulary import VERDICT_COLOURS as COLOURS
from diaryrec.vocabulary import FeedbackKind, Verdict

#: the report's verdict groups, named as its CSV columns: each answer the catalog gives,
#: and "not_checked" for the tracks it gave none (pending, unchecked)
VERDICT_GROUPS = {verdict: verdict.value for verdict in Verdict if verdict.checked}
#: their colours: the verdicts' own (diaryrec.vocabulary, the screens paint with them too)
VERDICT_COLOURS = {**{group: COLOURS[verdict] for verdict, group in VERDICT_GROUPS.items()}, NOT_CHECKED: COLOURS[Verdict.UNCHECKED]}
RATING_COLOURS = {str(r): c for r, c in zip(range(1, 6), ["#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32"])}

#: the columns of each ``--csv`` table, fixed so that scripts reading them keep working
AGGREGATE_COLUMNS = {spec.name: list(spec.columns) for spec in REPORT_TABLES}


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
    scenarios: list[Scenario] = field(default_factory=list)
    options: list[OptionCount] = field(default_factory=list)
    field_changes: list[FieldChange] = field(default_factory=list)
    new_scenarios: int = 0
    material: list[ParticipantMaterial] = field(default_factory=list)


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
    ended = {p.id: p.days_ended for p in people}
    for row in data.rows("protocol_day"):
        pid = row["participant_id"]
        agg.compliance.append({"participant_code": code[pid], "day": row["number"], "week": row["week"], "state": row["state"],
                               "ended": row["number"] <= ended.get(pid, 0)})

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
    agg.scenarios = scenarios(data, people, week)
    agg.options = option_counts(data, people, week)
    agg.field_changes = field_changes(agg.sheets)
    agg.new_scenarios = new_scenarios(agg.sheets)
    agg.material = participant_material(data, people, weeks, week)
    return agg


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
        }, "Sessions and diary entries per week", x_label="week", y_label="sessions / diary entries"),
        "ratings": svg.stacked_shares(labels, ratings, RATING_COLOURS, "Ratings per week",
                                      x_label="share of the week's ratings (1–5)", y_label="week"),
        "verdicts_participant": svg.stacked_shares(
            [r["participant_code"] for r in agg.verdicts_by_participant], verdict_parts(agg.verdicts_by_participant),
            VERDICT_COLOURS, "Suggested tracks verified / not found per participant",
            x_label="share of the participant's suggested tracks", y_label="participant"),
        "verdicts_week": svg.stacked_shares(labels, verdict_parts(agg.verdicts_by_week), VERDICT_COLOURS,
                                            "Suggested tracks verified / not found per week",
                                            x_label="share of the week's suggested tracks", y_label="week"),
    }


def local_time(when: dt.datetime, zone_name: str) -> str:
    """``when`` as the participant's clock showed it, with its offset ("2025-04-09 12:00 UTC+09:00")."""
    try:
        local = when.astimezone(ZoneInfo(zone_name))
    except (ZoneInfoNotFoundError, ValueError):
        local = when.astimezone(dt.timezone.utc)
    offset = local.strftime("%z")
    return local.strftime("%Y-%m-%d %H:%M") + f" UTC{offset[:3]}:{offset[3:]}"


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())), undefined=jinja2.StrictUndefined, autoescape=True
    )


def render_report(data: StudyData, now: dt.datetime | None = None) -> str:
    agg = aggregate(data)
    return _environment().get_template("report/report.html.j2").render(
        agg=agg, charts=charts(agg), generated_at=(now or utcnow()).isoformat(timespec="seconds"), app_version=__version__,
        study_ids=sorted({p.study_id for p in agg.participants}), refused=data.refused,
        sources=SOURCES, stages=STAGE_WORDS, local_time=local_time,
    )


def _write(path: Path, data: bytes) -> None:
    """The one way the report's files are written: whole or not at all, and readable by
    the people who may open the folder (``fileio.shared_file_mode``: 0644 in an ordinary
    folder, 0640 in a group's own, 0600 in a private one), not by the owner alone."""
    write_atomic(path, data, shared=True)


def write_report(data: StudyData, out: Path) -> None:
    _write(Path(out), render_report(data).encode("utf-8"))


def _rounded(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def csv_tables(agg: Aggregates) -> dict[str, list[dict[str, Any]]]:
    """The report's tables as CSV rows (columns: ``tables.REPORT_TABLES``)."""
    material = {m.summary.code: m for m in agg.material}
    not_found = {row["participant_code"]: row[Verdict.NOT_FOUND] for row in agg.verdicts_by_participant}
    return {
        "participants": [
            {"participant_code": p.code, "study_id": p.study_id, "exported_at": p.exported_at.isoformat(),
             "days_total": p.days_total, "days_ended": p.days_ended, "days_done": p.days_done,
             "ended_days_done": p.ended_days_done, "days_late": p.days_late, "days_partly": p.days_partly,
             "days_missed": p.days_missed, "compliance": _rounded(p.compliance), "sessions": p.sessions,
             "diary_entries": p.diary_entries, "diary_words": material[p.code].diary_words if p.code in material else 0,
             "tracks_not_found": not_found.get(p.code, 0)}
            for p in agg.participants
        ],
        "compliance": agg.compliance,
        "weekly_activity": agg.weekly,
        "ratings_by_week": agg.ratings,
        "ratings_by_participant_week": [
            {"participant_code": r.participant_code, "week": r.week, "ratings": r.ratings, "mean_rating": _rounded(r.mean, 2)}
            for m in agg.material for r in m.ratings
        ],
        "verdicts_by_participant": agg.verdicts_by_participant,
        "verdicts_by_week": agg.verdicts_by_week,
        "not_found_tracks": [
            {"participant_code": t.participant_code, "study_day": t.study_day, "week": t.week, "title": t.title,
             "artist": t.artist, "album": t.album, "year": t.year, "catalog_said": t.catalog_said, "score": _rounded(t.score, 1)}
            for m in agg.material for t in m.missing
        ],
        "diary_answers": [
            {"participant_code": d.participant_code, "study_day": d.study_day, "week": d.week, "status": d.status,
             "late": d.late, "question_id": a.question_id, "words": a.words, "characters": len(a.text)}
            for m in agg.material for d in m.diaries for a in d.answers
        ],
        "scenarios": [
            {"participant_code": s.participant_code, "week": s.week, "sheet_key": s.sheet_key, "version": s.version,
             "scenario": s.name, "objective": s.objective, "revises_week2": s.based_on_week2 if s.week == 3 else None}
            for s in agg.scenarios
        ],
        "option_choices": [
            {"stage": o.stage, "field": o.field, "field_words": o.field_words, "option": o.option, "option_words": o.words,
             **{f"{source}_sheets": o.sheets[source] for source in SOURCES},
             **{f"{source}_participants": o.participants[source] for source in SOURCES}}
            for o in agg.options
        ],
        "sheet_changes": [
            {"participant_code": s.participant_code, "week2_sheet": s.week2_key, "week3_sheet": s.week3_key,
             "week2_scenario": s.week2_name, "week3_scenario": s.week3_name, "new_scenario": s.new_scenario,
             "field": f, "field_words": worded[0], "week2": a, "week3": b, "week2_words": worded[1], "week3_words": worded[2],
             "changed": changed}
            for s in agg.sheets for (f, a, b, changed), worded in zip(s.fields, s.worded)
        ],
        "sheet_field_changes": [
            {"field": c.field, "field_words": c.field_words, "revisions": c.revisions, "changed": c.changed,
             "changed_share": _rounded(c.changed / c.revisions if c.revisions else None)}
            for c in agg.field_changes
        ],
    }


CODEBOOK = "README.md"


def render_codebook(specs: list[TableSpec] = REPORT_TABLES) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir())), undefined=jinja2.StrictUndefined,
                             autoescape=False, keep_trailing_newline=True)
    return env.get_template("report/codebook.md.j2").render(tables=specs, app_version=__version__)


def write_csv(data: StudyData, folder: Path) -> list[Path]:
    """The report's tables as ``DIR/<name>.csv`` (UTF-8 with BOM) and their codebook ``DIR/README.md``."""
    tables = csv_tables(aggregate(data))
    folder = Path(folder)
    written = []
    for spec in REPORT_TABLES:
        path = folder / f"{spec.name}.csv"
        _write(path, csv_bytes(AGGREGATE_COLUMNS[spec.name], tables[spec.name]))
        written.append(path)
    codebook = folder / CODEBOOK
    _write(codebook, render_codebook().encode("utf-8"))
    written.append(codebook)
    return written
