"""The study as a REFI-QDA project (QDA-XML 1.0, ``.qdpx``) for ATLAS.ti, MAXQDA,
NVivo, QualCoder and the other qualitative-analysis tools that import the standard.

The ``.qdpx`` is a zip of ``project.qde`` (the XML, namespace
``urn:QDA-XML:project:1.0``) and ``sources/``, the files its sources point to with
``internal://<guid>.<ext>``. It holds, per participant:

- a text source per diary entry, per conversation (the transcript of
  ``research.transcripts``: messages, tracks, verdicts, feedback) and one for the
  ice-breaking sheet (every task's (+) and (−), the ideation ideas);
- a picture source per diary screenshot and per photo attached to a message (when
  the files are at hand: a folder of bundles, or a merge that extracted them);
- a case with the participant's variables (participant code, study, scenario
  names, compliance over the days that had ended, the week reached, …) that refers
  to all of their sources; every source carries its own variables too (participant
  code, study day, week, kind);
- sets by week and by kind, so the tools group the sources (ATLAS.ti: document groups).

Sources are named so that a researcher finds and sorts them: ``P03 · day 09 · diary``.
GUIDs are UUID 5 of what a thing is (study, participant, kind, day, row id), so
exporting the same data again gives the same GUIDs and a tool can match them.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import shutil
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from diaryrec import __version__
from diaryrec.errors import UserError
from diaryrec.fileio import atomic_output
from diaryrec.protocol import parse_study_text
from diaryrec.protocol.model import StudyFile
from diaryrec.research.export import unsafe_name
from diaryrec.research.read import ParticipantSummary, StudyData
from diaryrec.research.sheet_words import scenario_name
from diaryrec.research.transcripts import build_transcripts, stamp, transcript_text
from diaryrec.vocabulary import Activity

log = logging.getLogger(__name__)

NAMESPACE = "urn:QDA-XML:project:1.0"
#: the namespace of every GUID this export makes (uuid5 of a thing's path under it)
GUID_NAMESPACE = uuid.UUID("6f0c3c52-3c1e-5b8e-9d4a-2b7f1d0e6a11")
PROJECT_FILE = "project.qde"
SOURCES = "sources"
PLANNING = "planning"  # sheet_version.kind of the week-2/3 planning sheets (their "name" is the scenario's)
# characters XML 1.0 cannot hold (C0 controls but tab, newline, return; surrogates; U+FFFE/FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class QdaExportError(UserError):
    pass


@dataclass(frozen=True)
class Variable:
    name: str
    type: str  # QDA-XML typeOfVariable: Text | Integer | Float | Boolean | Date | DateTime
    about: str

    @property
    def guid(self) -> str:
        return guid_of("variable", self.name)


PARTICIPANT_CODE = Variable("participant code", "Text", "the code the research team gave the participant")
STUDY = Variable("study", "Text", "the study file's id")
SCENARIOS = Variable("scenario names", "Text",
                     "the names of the participant's planning sheets, week 2 → week 3 revision ('; ' between sheets)")
COMPLIANCE = Variable("compliance %", "Float",
                      "days done (a session and a diary entry, late included) over the days that had ended at the export, in %")
DAYS_DONE = Variable("days done", "Integer", "days with a session and a diary entry (late included)")
DAYS_ENDED = Variable("days ended", "Integer", "study days that had ended when the participant exported")
STUDY_DAYS = Variable("study days", "Integer", "the days of the whole protocol")
WEEK_REACHED = Variable("week reached", "Integer", "the protocol week of the last day that had ended at the export")
TIME_ZONE = Variable("time zone", "Text", "the participant's time zone; every time in the sources is local with its UTC offset")
STUDY_DAY = Variable("study day", "Integer", "the study day of the source (1 = the day the participant joined)")
WEEK = Variable("week", "Integer", "the protocol week of the source (1 Exploration, 2 Selecting, 3 Finalization)")
KIND = Variable("kind", "Text", "diary, conversation, ice-breaking sheet, diary screenshot or photo")
CASE_VARIABLES = (PARTICIPANT_CODE, STUDY, SCENARIOS, COMPLIANCE, DAYS_DONE, DAYS_ENDED, STUDY_DAYS, WEEK_REACHED, TIME_ZONE)
SOURCE_VARIABLES = (PARTICIPANT_CODE, STUDY_DAY, WEEK, KIND)
VARIABLES = tuple(dict.fromkeys(CASE_VARIABLES + SOURCE_VARIABLES))

DIARY, CONVERSATION, ICE_BREAKING, SCREENSHOT, PHOTO = "diary", "conversation", "ice-breaking sheet", "diary screenshot", "photo"
KIND_SETS = {DIARY: "diary entries", CONVERSATION: "conversations", ICE_BREAKING: "ice-breaking sheets",
             SCREENSHOT: "diary screenshots", PHOTO: "photos attached to messages"}


def guid_of(*parts: object) -> str:
    """A GUID that is the same whenever the same thing is exported again."""
    return str(uuid.uuid5(GUID_NAMESPACE, "/".join(str(p) for p in parts)))


def xml_text(value: str) -> str:
    """``value`` without the characters XML 1.0 cannot carry."""
    return _NOT_XML.sub("", value)


@dataclass
class Source:
    guid: str
    name: str
    kind: str
    description: str
    created: dt.datetime | None
    variables: dict[Variable, Any]
    week: int | None
    text: str = ""  # text sources
    picture: Path | None = None  # picture sources: the file to copy

    @property
    def member(self) -> str:
        """The file's name inside the .qdpx (``sources/<guid>.txt``)."""
        suffix = ".txt" if self.picture is None else (self.picture.suffix.lower() or ".png")
        return f"{SOURCES}/{self.guid}{suffix}"


@dataclass
class Case:
    guid: str
    name: str
    description: str
    variables: dict[Variable, Any]
    sources: list[Source] = field(default_factory=list)


@dataclass
class QdaResult:
    path: Path
    participants: int
    text_sources: int
    picture_sources: int
    pictures_missing: list[str] = field(default_factory=list)  # sources/ of pictures not at hand


def export_qda(data: StudyData, out: Path, *, progress: Callable[[int, int, str], None] | None = None) -> QdaResult:
    """Write the study in ``data`` to ``out`` (a .qdpx), atomically."""
    participants = data.participants()
    if not participants:
        raise QdaExportError("The study holds no participants yet.", hint="Merge the participants' bundles first.")
    several_studies = len({p.study_id for p in participants}) > 1
    cases: list[Case] = []
    missing: list[str] = []
    week_names: dict[int, str] = {}
    for done, person in enumerate(participants, start=1):
        case, lost, names = _participant_case(data, person, several_studies)
        cases.append(case)
        missing += lost
        for number, name in names.items():
            week_names.setdefault(number, name)
        if progress is not None:
            progress(done, len(participants), person.code)
    latest = max(p.exported_at for p in participants)
    root = _project_xml(cases, week_names, sorted({p.study_id for p in participants}), latest)
    out = Path(out)
    stamp_tuple = latest.astimezone(dt.timezone.utc).timetuple()[:6]
    with atomic_output(out, suffix=".partial") as handle, zipfile.ZipFile(handle, "w") as archive:
        _write_member(archive, PROJECT_FILE, _xml_bytes(root), stamp_tuple)
        for case in cases:
            for source in case.sources:
                if source.picture is None:
                    # what XML cannot hold is left out of the text files too: tools read both alike
                    _write_member(archive, source.member, xml_text(source.text).encode("utf-8"), stamp_tuple)
                else:
                    _copy_member(archive, source.member, source.picture, stamp_tuple)
    sources = [s for c in cases for s in c.sources]
    pictures = sum(s.picture is not None for s in sources)
    log.info("REFI-QDA project of %d participants: %d sources", len(cases), len(sources))
    return QdaResult(out, len(cases), len(sources) - pictures, pictures, missing)


# ---------------------------------------------------------------- one participant


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _study_file(enrolment: list[dict[str, Any]]) -> StudyFile | None:
    """The study file the participant joined (kept in the bundle), None when unreadable."""
    if not enrolment:
        return None
    try:
        return parse_study_text(enrolment[-1]["study_text"] or "", source="joined study").study
    except UserError as exc:
        log.warning("the joined study file cannot be read (%s): questions are named by their ids", exc)
        return None


def scenario_names(sheets: list[dict[str, Any]]) -> str:
    """``Photo DJ → Photo DJ at dawn``: each planning sheet's names by version, sheets by first version."""
    by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in sheets:
        if row.get("kind") == PLANNING:
            by_key[row["sheet_key"]].append(row)
    chains = []
    for versions in sorted(by_key.values(), key=lambda vs: min(v["version"] for v in vs)):
        names = [scenario_name(v.get("content") or {}, "") for v in sorted(versions, key=lambda v: v["version"])]
        names = [n for i, n in enumerate(names) if n and (i == 0 or n != names[i - 1])]
        if names:
            chains.append(" → ".join(names))
    return "; ".join(chains)


def _file(folder: Path | None, sub: str, name: str) -> Path | None:
    if folder is None or unsafe_name(name):
        return None
    path = folder / sub / name
    return path if path.is_file() else None


class _Names:
    """Source names: ``P03 · day 09 · diary`` (the study id first when the project holds several)."""

    def __init__(self, person: ParticipantSummary, several_studies: bool, total_days: int):
        self.prefix = f"{person.study_id} {person.code}" if several_studies else person.code
        self.width = max(2, len(str(total_days)))

    def day(self, number: int, what: str) -> str:
        return f"{self.prefix} · day {number:0{self.width}d} · {what}"


def _participant_case(data: StudyData, person: ParticipantSummary, several_studies: bool) -> tuple[Case, list[str], dict[int, str]]:
    pid = person.id
    zone = _zone(person.time_zone)

    def local(when: dt.datetime) -> dt.datetime:
        return when.astimezone(zone)

    tables = {name: data.rows(name, pid) for name in (
        "enrolment", "conversation", "message", "message_image", "recommended_track", "feedback",
        "diary_entry", "diary_screenshot", "ice_breaking_answer", "ideation_item", "sheet_version", "protocol_day")}
    days = tables["protocol_day"]
    weeks = {d["number"]: d["week"] for d in days}
    study = _study_file(tables["enrolment"])
    week_names = {w.number: study.text(w.name) for w in study.weeks} if study else {}
    folder = data.files_folder(pid)
    names = _Names(person, several_studies, len(days))
    key = (person.study_id, person.code)
    sources: list[Source] = []
    missing: list[str] = []

    def source(kind: str, identity: object, name: str, day: int | None, description: str,
               created: dt.datetime | None, **content: Any) -> Source:
        week = weeks.get(day) if day is not None else None
        variables: dict[Variable, Any] = {PARTICIPANT_CODE: person.code, KIND: kind}
        if day is not None:
            variables[STUDY_DAY] = day
        if week is not None:
            variables[WEEK] = week
        made = Source(guid_of(*key, kind, identity), name, kind, description,
                      local(created) if created else None, variables, week, **content)
        sources.append(made)
        return made

    # conversations and the photos in them
    transcripts = build_transcripts(
        tables, participant_code=person.code, study_id=person.study_id, localize=local, weeks=weeks,
        picture_path=lambda file_name: _file(folder, "images", file_name),
    )
    for t in transcripts:
        title = names.day(t.study_day, t.name)
        photos = {id(p): f"{title} · photo {n}" for n, p in enumerate(t.pictures, start=1)}
        source(CONVERSATION, t.conversation_id, title, t.study_day,
               f"{t.purpose_words}{' ' + t.task_id if t.task_id else ''}, started {stamp(t.started_at)}; model {t.model or 'unknown'}",
               t.started_at, text=transcript_text(t, picture_label=lambda p: f"see {photos[id(p)]}"))
        for picture in t.pictures:
            label = photos[id(picture)]
            if picture.path is None:
                missing.append(f"{label} ({picture.file_name})")
                continue
            source(PHOTO, f"{t.conversation_id}/{picture.file_name}", label, t.study_day,
                   f"a photo the participant attached in {title} ({picture.width}×{picture.height})", t.started_at,
                   picture=picture.path)

    # diary entries and their screenshots
    shots: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in sorted(tables["diary_screenshot"], key=lambda r: (r["position"], r["id"])):
        shots[row["entry_id"]].append(row)
    for entry in sorted(tables["diary_entry"], key=lambda e: e["study_day"]):
        day = entry["study_day"]
        title = names.day(day, DIARY)
        saved = entry.get("saved_at")
        text = _diary_text(title, entry, study, weeks.get(day), len(shots[entry["id"]]), local)
        source(DIARY, entry["id"], title, day, _diary_state(entry, local), saved or entry.get("drafted_at"), text=text)
        for number, shot in enumerate(shots[entry["id"]], start=1):
            label = f"{title} · screenshot {number}"
            path = _file(folder, "screenshots", shot["file_name"])
            if path is None:
                missing.append(f"{label} ({shot['file_name']})")
                continue
            source(SCREENSHOT, shot["id"], label, day, f"screenshot {number} of {title}", shot.get("created_at"), picture=path)

    # the ice-breaking sheet
    if tables["ice_breaking_answer"] or tables["ideation_item"]:
        day = _ice_breaking_day(tables, days)
        title = names.day(day, ICE_BREAKING)
        times = [r["updated_at"] for r in tables["ice_breaking_answer"] if r.get("updated_at")]
        source(ICE_BREAKING, "sheet", title, day, "the (+) and (−) of every ice-breaking task and the ideation ideas",
               max(times) if times else None, text=_ice_breaking_text(title, tables, study))

    # the report's figure (research.read: the days that had ended at the export, by the participant's own days)
    ended = days[: person.days_ended]
    variables: dict[Variable, Any] = {
        PARTICIPANT_CODE: person.code,
        STUDY: person.study_id,
        SCENARIOS: scenario_names(tables["sheet_version"]),
        COMPLIANCE: round(100 * person.compliance, 1) if person.compliance is not None else 0.0,
        DAYS_DONE: person.ended_days_done,
        DAYS_ENDED: person.days_ended,
        STUDY_DAYS: len(days),
        WEEK_REACHED: max((d["week"] for d in ended), default=0),
        TIME_ZONE: person.time_zone,
    }
    case = Case(guid_of(*key, "case"), names.prefix,
                f"participant {person.code} of {person.study_id}, exported {stamp(local(person.exported_at))}",
                variables, sources)
    return case, missing, week_names


def _diary_state(entry: dict[str, Any], local: Callable[[dt.datetime], dt.datetime]) -> str:
    if entry.get("status") != "saved" or entry.get("saved_at") is None:
        return "a draft, never saved"
    return f"saved {stamp(local(entry['saved_at']))}" + (" (late: after the day ended)" if entry.get("late") else "")


def _diary_text(title: str, entry: dict[str, Any], study: StudyFile | None, week: int | None, screenshots: int,
                local: Callable[[dt.datetime], dt.datetime]) -> str:
    answers = dict(entry.get("answers") or {})
    questions = []
    if study is not None and week is not None and 1 <= week <= len(study.weeks):
        questions = [(q.id, q.kind, study.text(q.text)) for q in study.weeks[week - 1].diary_questions]
    asked = {q[0] for q in questions}
    questions += [(key, "text", key) for key in answers if key not in asked]
    week_words = f", week {week}" if week else ""
    lines = [title, f"Diary of study day {entry['study_day']}{week_words}: {_diary_state(entry, local)}."]
    for key, kind, question in questions:
        lines += ["", question]
        if kind == "screenshot":
            lines += [f"[screenshot: see {title} · screenshot {n}]" for n in range(1, screenshots + 1)] or ["[no screenshot]"]
            if answers.get(key):
                lines.append(str(answers[key]))
        else:
            lines.append(str(answers.get(key) or "").strip() or "[no answer]")
    return "\n".join(lines) + "\n"


def _marked(mark: str, prompt: str) -> str:
    """``(+) What worked?`` — the study's prompt, with its mark in front unless it has one."""
    prompt = prompt.strip()
    return prompt if prompt.startswith(mark) else f"{mark} {prompt}"


def _ice_breaking_day(tables: dict[str, list[dict[str, Any]]], days: list[dict[str, Any]]) -> int:
    linked = {c["id"]: c["study_day"] for c in tables["conversation"]}
    used = [linked[a["conversation_id"]] for a in tables["ice_breaking_answer"] if a.get("conversation_id") in linked]
    if used:
        return min(used)
    return next((d["number"] for d in days if d["activity"] == Activity.ICE_BREAKING), 1)


def _ice_breaking_text(title: str, tables: dict[str, list[dict[str, Any]]], study: StudyFile | None) -> str:
    answers = {a["task_id"]: a for a in tables["ice_breaking_answer"]}
    ideas: dict[int, list[str]] = defaultdict(list)
    for item in sorted(tables["ideation_item"], key=lambda i: (i["stage"], i["position"], i["id"])):
        if (item.get("text") or "").strip():
            ideas[item["stage"]].append(item["text"].strip())
    lines = [title]
    if study is not None:
        sheet = study.ice_breaking
        pros, cons, ideation = study.text(sheet.pros_prompt), study.text(sheet.cons_prompt), study.text(sheet.ideation_prompt)
        stages = [(s.number, study.text(s.name)) for s in sheet.stages]
        tasks = [(t.id, t.stage, study.text(t.instruction)) for t in sheet.tasks]
    else:
        # the study file could not be read: tasks by their ids, all under the first stage
        pros, cons, ideation = "what worked", "what did not", "ideas"
        stages = [(n, f"stage {n}") for n in sorted(set(ideas) | {1})]
        tasks = []
    known = {t[0] for t in tasks}
    tasks += [(task_id, 1, task_id) for task_id in answers if task_id not in known]
    for number, stage_name in stages:
        lines += ["", f"Stage {number}: {stage_name}"]
        for task_id, stage, instruction in tasks:
            if stage != number:
                continue
            answer = answers.get(task_id) or {}
            lines += ["", f"Task {task_id}: {instruction}",
                      f"{_marked('(+)', pros)} {(answer.get('pros') or '').strip() or '[no answer]'}",
                      f"{_marked('(−)', cons)} {(answer.get('cons') or '').strip() or '[no answer]'}"]
        if ideas.get(number):
            lines += ["", f"{ideation} (stage {number}):", *[f"- {idea}" for idea in ideas[number]]]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- XML and zip


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, /, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, _tag(tag), {k: xml_text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def _xml_time(when: dt.datetime) -> str:
    return when.replace(microsecond=0).isoformat()


def _variable_values(parent: ET.Element, values: dict[Variable, Any]) -> None:
    for variable, value in values.items():
        holder = _sub(parent, "VariableValue")
        _sub(holder, "VariableRef", targetGUID=variable.guid)
        if variable.type == "Integer":
            _sub(holder, "IntegerValue", str(int(value)))
        elif variable.type == "Float":
            _sub(holder, "FloatValue", f"{float(value):.1f}")
        else:
            _sub(holder, "TextValue", str(value))


def _project_xml(cases: list[Case], week_names: dict[int, str], study_ids: list[str], latest: dt.datetime) -> ET.Element:
    user = guid_of("user", "diaryrec")
    when = _xml_time(latest.astimezone(dt.timezone.utc))
    root = ET.Element(_tag("Project"), {
        "name": xml_text(f"diaryrec study {', '.join(study_ids)}"), "origin": f"diaryrec {__version__}",
        "creatingUserGUID": user, "creationDateTime": when, "modifyingUserGUID": user, "modifiedDateTime": when,
    })
    users = _sub(root, "Users")
    _sub(users, "User", guid=user, name="diaryrec export", id="diaryrec")
    variables = _sub(root, "Variables")
    for variable in VARIABLES:
        element = _sub(variables, "Variable", guid=variable.guid, name=variable.name, typeOfVariable=variable.type)
        _sub(element, "Description", variable.about)
    cases_element = _sub(root, "Cases")
    for case in cases:
        element = _sub(cases_element, "Case", guid=case.guid, name=case.name)
        _sub(element, "Description", case.description)
        _variable_values(element, case.variables)
        for source in case.sources:
            _sub(element, "SourceRef", targetGUID=source.guid)
    every = [s for c in cases for s in c.sources]
    if every:  # the schema wants at least one source in <Sources>
        sources_element = _sub(root, "Sources")
        for source in every:
            attributes = {"guid": source.guid, "name": source.name, "creatingUser": user}
            if source.created is not None:
                attributes["creationDateTime"] = _xml_time(source.created)
            path = f"internal://{source.member.removeprefix(SOURCES + '/')}"
            if source.picture is None:
                element = _sub(sources_element, "TextSource", plainTextPath=path, **attributes)
            else:
                element = _sub(sources_element, "PictureSource", path=path, **attributes)
            _sub(element, "Description", source.description)
            _variable_values(element, source.variables)
    sets = ET.Element(_tag("Sets"))
    for week in sorted({s.week for s in every if s.week is not None}):
        name = f"week {week}" + (f" · {week_names[week]}" if week_names.get(week) else "")
        element = _sub(sets, "Set", guid=guid_of("set", "week", week), name=name)
        _sub(element, "Description", f"every source of protocol week {week}")
        for source in every:
            if source.week == week:
                _sub(element, "MemberSource", targetGUID=source.guid)
    for kind, name in KIND_SETS.items():
        members = [s for s in every if s.kind == kind]
        if members:
            element = _sub(sets, "Set", guid=guid_of("set", "kind", kind), name=name)
            _sub(element, "Description", f"every {kind} source")
            for source in members:
                _sub(element, "MemberSource", targetGUID=source.guid)
    if len(sets):  # the schema wants at least one set in it
        root.append(sets)
    _sub(root, "Description", f"Exported by diaryrec {__version__} from the merged study data: diary entries, "
         "conversations (transcripts with the suggested tracks and what the catalog said), ice-breaking sheets, "
         "diary screenshots and attached photos, one case per participant.")
    return root


def _xml_bytes(root: ET.Element) -> bytes:
    ET.register_namespace("", NAMESPACE)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n"


def _write_member(archive: zipfile.ZipFile, name: str, data: bytes, when: tuple[int, ...]) -> None:
    info = zipfile.ZipInfo(name, date_time=when)  # type: ignore[arg-type]
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def _copy_member(archive: zipfile.ZipFile, name: str, path: Path, when: tuple[int, ...]) -> None:
    info = zipfile.ZipInfo(name, date_time=when)  # type: ignore[arg-type]
    info.compress_type = zipfile.ZIP_STORED  # pictures are compressed already
    info.file_size = path.stat().st_size
    with open(path, "rb") as src, archive.open(info, "w") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
