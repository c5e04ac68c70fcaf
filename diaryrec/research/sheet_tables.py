"""The sheets across participants, for the report: each participant's scenarios
(the paper's Table 2: the name and objective of each week-2 and week-3 recommender),
how often each stage-1/2/3 option was chosen in the week-1 composer and in the
planning sheets, and what changed from week 2 to week 3, per participant and per field.

A sheet counts as its last version saved in a week (a planning sheet revised twice on
day 15 counts once, as revised); the week-1 composer's sheets are the ``daily`` ones,
one per day composed. Content of another shape (an older sheet format) is shown as it
is and chooses no option.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from diaryrec.research.read import ParticipantSummary, SheetView, StudyData
from diaryrec.research.sheet_words import CHOICE_FIELDS, OWN_IDEA, field_words, option_words, scenario_name, value_words
from diaryrec.sheets.changes import compare_sheets, field_text, flat_fields

WeekOf = Callable[[int, int], int]  # (participant id, study day) -> week

PLANNING = "planning"
DAILY = "daily"
#: where an option can be chosen: the week-1 composer's day sheets, and the planning
#: sheets of week 2 and of week 3 (the CSV's column prefixes)
SOURCES = {"week1_composer": "week-1 composer (day sheets)", "week2_planning": "week-2 planning sheets",
           "week3_planning": "week-3 planning sheets"}


@dataclass(frozen=True)
class SheetComparison:
    participant_code: str
    week2_key: str
    week3_key: str
    new_scenario: bool
    fields: list[tuple[str, str, str, bool]]  # field path, week 2, week 3 (as stored), changed
    week2_prompt: str
    week3_prompt: str
    week2_name: str = ""  # the scenario's name (the sheet's ``name``; its key when it has none)
    week3_name: str = ""
    worded: tuple[tuple[str, str, str, bool], ...] = ()  # the same fields in words

    @property
    def heading(self) -> str:
        """"Photo DJ → Photo DJ at dawn": the scenarios by the names the participant gave them."""
        return f"{self.week2_name or self.week2_key} → {self.week3_name or self.week3_key}"


@dataclass(frozen=True)
class Scenario:
    participant_code: str
    week: int
    sheet_key: str
    name: str
    objective: str
    version: int
    based_on_week2: bool  # a revision of the participant's week-2 sheet (else a new scenario, or week 2 itself)


@dataclass(frozen=True)
class OptionCount:
    stage: int
    field: str  # dotted path of the choice field
    option: str  # the option's code (``own_idea``: the participant's own words)
    sheets: dict[str, int]  # source -> sheets that chose it
    participants: dict[str, int]  # source -> participants with at least one such sheet

    @property
    def field_words(self) -> str:
        return field_words(self.field)

    @property
    def words(self) -> str:
        return option_words(self.option)


@dataclass(frozen=True)
class FieldChange:
    field: str
    revisions: int  # week-2 → week-3 revisions compared (new scenarios not included)
    changed: int  # of those, the ones in which this field changed

    @property
    def field_words(self) -> str:
        return field_words(self.field)


def last_per_week(sheets: Sequence[SheetView], kind: str, week: Callable[[int], int]) -> dict[int, list[SheetView]]:
    """Week -> the last version of each sheet of ``kind`` saved that week, in saving order."""
    latest: dict[tuple[int, str], SheetView] = {}
    for sheet in sorted(sheets, key=lambda s: (s.study_day, s.version, s.id)):
        if sheet.kind == kind:
            latest[(week(sheet.study_day), sheet.sheet_key)] = sheet
    out: dict[int, list[SheetView]] = defaultdict(list)
    for (w, _key), sheet in sorted(latest.items(), key=lambda item: (item[1].study_day, item[1].id)):
        out[w].append(sheet)
    return out


def worded_fields(before: dict[str, Any], after: dict[str, Any]) -> tuple[tuple[str, str, str, bool], ...]:
    return tuple((field_words(c.field), value_words(c.field, c.old), value_words(c.field, c.new), c.changed)
                 for c in compare_sheets(before, after))


def sheet_comparisons(data: StudyData, people: list[ParticipantSummary], week: WeekOf) -> list[SheetComparison]:
    """Each participant's last week-2 planning sheet beside each sheet of week 3, field
    by field (the fields compared as ``diaryrec.sheets.changes.compare_sheets`` does)."""
    out = []
    for p in people:
        planning = [s for s in data.sheet_versions(p.id) if s.kind == PLANNING]
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
                week2_name=scenario_name(before.content, before.sheet_key),
                week3_name=scenario_name(after.content, after.sheet_key),
                worded=worded_fields(before.content, after.content),
            ))
    return out


def scenarios(data: StudyData, people: list[ParticipantSummary], week: WeekOf) -> list[Scenario]:
    """Every participant's week-2 and week-3 recommenders by name and objective."""
    out = []
    for p in people:
        sheets = data.sheet_versions(p.id)
        by_week = last_per_week(sheets, PLANNING, lambda day, pid=p.id: week(pid, day))
        week2_ids = {s.id for s in sheets if s.kind == PLANNING and week(p.id, s.study_day) == 2}
        week2_keys = {s.sheet_key for s in sheets if s.id in week2_ids}
        for w in (2, 3):
            for s in by_week.get(w, []):
                revised = w == 3 and (s.based_on_id in week2_ids or s.sheet_key in week2_keys)
                out.append(Scenario(p.code, w, s.sheet_key, scenario_name(s.content, s.sheet_key),
                                    field_text(s.content.get("objective")), s.version, revised))
    return out


def _chosen(content: dict[str, Any]) -> set[tuple[str, str]]:
    """(field, option) of every option a sheet chose, an own idea included."""
    fields = flat_fields(content)
    out: set[tuple[str, str]] = set()
    for choice in CHOICE_FIELDS:
        value = fields.get(choice.path)
        for code in value if isinstance(value, list) else [] if value in (None, "") else [value]:
            out.add((choice.path, str(code)))
        if choice.own and fields.get(choice.own) not in (None, "", []):
            out.add((choice.path, OWN_IDEA))
    return out


def option_counts(data: StudyData, people: list[ParticipantSummary], week: WeekOf) -> list[OptionCount]:
    """How many sheets (and participants) chose each option of each stage, in the
    week-1 composer and in the week-2 and week-3 planning sheets."""
    sheets: dict[str, dict[tuple[str, str], int]] = {source: defaultdict(int) for source in SOURCES}
    chosen_by: dict[str, dict[tuple[str, str], set[int]]] = {source: defaultdict(set) for source in SOURCES}
    extra: list[tuple[str, str]] = []  # options outside the vocabulary (a newer or older sheet)
    for p in people:
        versions = data.sheet_versions(p.id)
        daily = last_per_week(versions, DAILY, lambda day, pid=p.id: week(pid, day))
        planning = last_per_week(versions, PLANNING, lambda day, pid=p.id: week(pid, day))
        groups = {"week1_composer": [s for w in sorted(daily) for s in daily[w]],
                  "week2_planning": planning.get(2, []), "week3_planning": planning.get(3, [])}
        for source, group in groups.items():
            for sheet in group:
                for key in _chosen(sheet.content):
                    sheets[source][key] += 1
                    chosen_by[source][key].add(p.id)
                    if key not in extra:
                        extra.append(key)
    keys: list[tuple[str, str]] = []
    for choice in CHOICE_FIELDS:
        keys += [(choice.path, str(code)) for code in choice.codes]
        if choice.own:
            keys.append((choice.path, OWN_IDEA))
    keys += [k for k in extra if k not in keys]
    stage_of = {choice.path: choice.stage for choice in CHOICE_FIELDS}
    return [OptionCount(stage_of[path], path, option, {s: sheets[s].get((path, option), 0) for s in SOURCES},
                        {s: len(chosen_by[s].get((path, option), ())) for s in SOURCES})
            for path, option in keys]


def field_changes(comparisons: Sequence[SheetComparison]) -> list[FieldChange]:
    """Per field, in how many week-2 → week-3 revisions it changed (a new scenario
    changes everything, so those are counted apart, in ``new_scenarios``)."""
    revisions = [c for c in comparisons if not c.new_scenario]
    changed: dict[str, int] = {}
    for comparison in revisions:
        for path, _before, _after, did_change in comparison.fields:
            changed[path] = changed.get(path, 0) + did_change
    return [FieldChange(path, len(revisions), count) for path, count in changed.items()]


def new_scenarios(comparisons: Sequence[SheetComparison]) -> int:
    return sum(c.new_scenario for c in comparisons)
