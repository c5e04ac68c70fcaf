"""Each participant's own material for the report: the suggested tracks the catalog
did not find (with what it said), the mean rating per week, the diary entries with
their word counts, and the ice-breaking sheet's (+)/(−) answers and ideation ideas.

Word counts are whitespace-separated words (``str.split``): in Korean that counts
어절 (a word with its particles), as Korean word counts usually do; a text without
spaces counts one word.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from diaryrec.protocol.model import StudyFile
from diaryrec.research.read import ParticipantSummary, StudyData
from diaryrec.vocabulary import FeedbackKind, Language, Verdict

WeekOf = Callable[[int, int], int]  # (participant id, study day) -> week
TEXT_LANGUAGE = Language.EN  # the study file's texts (questions, tasks) in the report's language, else its own


def word_count(text: str) -> int:
    """Whitespace-separated words (Korean: 어절)."""
    return len(text.split())


@dataclass(frozen=True)
class MissingTrack:
    """A suggested track the catalog did not find, and what the catalog said."""

    participant_code: str
    study_day: int
    week: int
    title: str
    artist: str
    album: str
    year: int | None
    catalog_said: str  # the verdict's reason, and the catalog's nearest track when it named one
    score: float | None


@dataclass(frozen=True)
class WeekRating:
    participant_code: str
    week: int
    ratings: int
    mean: float | None  # None: no rating that week


@dataclass(frozen=True)
class DiaryAnswer:
    question_id: str
    question: str  # its text in the study file (the id when the file cannot be read)
    text: str
    words: int


@dataclass(frozen=True)
class DiaryRecord:
    participant_code: str
    study_day: int
    week: int
    status: str
    late: bool
    answers: tuple[DiaryAnswer, ...]

    @property
    def words(self) -> int:
        return sum(a.words for a in self.answers)


@dataclass(frozen=True)
class IceBreakingTask:
    task_id: str
    stage: int | None
    instruction: str
    pros: str
    cons: str


@dataclass(frozen=True)
class IceBreakingSheet:
    tasks: tuple[IceBreakingTask, ...]
    ideas: dict[int, tuple[str, ...]]  # stage -> the ideas in its box, in order
    stage_names: dict[int, str]

    def __bool__(self) -> bool:
        return bool(self.tasks or any(self.ideas.values()))


@dataclass(frozen=True)
class ParticipantMaterial:
    summary: ParticipantSummary
    missing: tuple[MissingTrack, ...]
    ratings: tuple[WeekRating, ...]
    diaries: tuple[DiaryRecord, ...]
    ice_breaking: IceBreakingSheet

    @property
    def diary_words(self) -> int:
        return sum(d.words for d in self.diaries)


def catalog_said(track: dict[str, Any]) -> str:
    """The verdict's reason; with the catalog's nearest track ("Title — Artist") when it named one."""
    said = (track.get("verdict_reason") or "").strip()
    nearest = track.get("suggestion")
    if isinstance(nearest, dict) and nearest.get("name"):
        artists = nearest.get("artists")
        by = ", ".join(str(a) for a in artists) if isinstance(artists, list) else str(artists or "")
        found = f"{nearest['name']} — {by}" if by else str(nearest["name"])
        said = f"{said} (catalog: {found})" if said else f"catalog: {found}"
    return said or "not found in the catalog"


def missing_tracks(data: StudyData, p: ParticipantSummary, week: WeekOf) -> list[MissingTrack]:
    conversations = {c["id"]: c for c in data.rows("conversation", p.id)}
    messages = {m["id"]: m for m in data.rows("message", p.id)}
    out = []
    for t in data.rows("recommended_track", p.id):
        if t["verdict"] != Verdict.NOT_FOUND:
            continue
        message = messages.get(t["message_id"])
        conv = conversations.get(message["conversation_id"]) if message else None
        day = conv["study_day"] if conv else 0
        out.append(MissingTrack(p.code, day, week(p.id, day) if day else 0, t["title"] or "", t["artist"] or "",
                                t["album"] or "", t["year"], catalog_said(t), t["score"]))
    return sorted(out, key=lambda m: (m.study_day, m.title))


def week_ratings(data: StudyData, p: ParticipantSummary, weeks: list[int], week: WeekOf) -> list[WeekRating]:
    """The participant's 1–5 ratings per week (the week of the conversation rated in)."""
    day_of = {c["id"]: c["study_day"] for c in data.rows("conversation", p.id)}
    by_week: dict[int, list[int]] = defaultdict(list)
    for f in data.rows("feedback", p.id):
        if f["kind"] == FeedbackKind.RATING and f["rating"] is not None and f["conversation_id"] in day_of:
            by_week[week(p.id, day_of[f["conversation_id"]])].append(f["rating"])
    return [WeekRating(p.code, w, len(by_week[w]), sum(by_week[w]) / len(by_week[w]) if by_week[w] else None) for w in weeks]


def _questions(study: StudyFile | None) -> tuple[dict[int, dict[str, str]], set[str]]:
    """Week -> question id -> its text; and the ids of the screenshot questions (a
    picture, not words: their answers are not counted)."""
    if study is None:
        return {}, set()
    texts = {w.number: {q.id: q.text.get(TEXT_LANGUAGE) for q in w.diary_questions} for w in study.weeks}
    pictures = {q.id for w in study.weeks for q in w.diary_questions if q.kind == "screenshot"}
    return texts, pictures


def diary_records(data: StudyData, p: ParticipantSummary, study: StudyFile | None, week: WeekOf) -> list[DiaryRecord]:
    questions, pictures = _questions(study)
    out = []
    for entry in data.diary_entries(p.id):
        w = week(p.id, entry.study_day)
        texts = questions.get(w, {})
        answers = tuple(DiaryAnswer(qid, texts.get(qid, qid), str(text), word_count(str(text)))
                        for qid, text in entry.answers.items() if qid not in pictures and str(text or "").strip())
        out.append(DiaryRecord(p.code, entry.study_day, w, entry.status, entry.late, answers))
    return out


def ice_breaking(data: StudyData, p: ParticipantSummary, study: StudyFile | None) -> IceBreakingSheet:
    tasks = {t.id: t for t in study.ice_breaking.tasks} if study else {}
    order = {task_id: i for i, task_id in enumerate(tasks)}
    answers = sorted(data.rows("ice_breaking_answer", p.id), key=lambda a: (order.get(a["task_id"], len(order)), a["id"]))
    out = []
    for a in answers:
        task = tasks.get(a["task_id"])
        out.append(IceBreakingTask(a["task_id"], task.stage if task else None,
                                   task.instruction.get(TEXT_LANGUAGE) if task else a["task_id"],
                                   a["pros"] or "", a["cons"] or ""))
    ideas: dict[int, list[str]] = defaultdict(list)
    for item in sorted(data.rows("ideation_item", p.id), key=lambda i: (i["stage"], i["position"], i["id"])):
        ideas[item["stage"]].append(item["text"])
    names = {s.number: s.name.get(TEXT_LANGUAGE) for s in study.ice_breaking.stages} if study else {}
    return IceBreakingSheet(tuple(out), {stage: tuple(ideas.get(stage, ())) for stage in (1, 2, 3)}, names)


def participant_material(data: StudyData, people: list[ParticipantSummary], weeks: list[int], week: WeekOf) -> list[ParticipantMaterial]:
    out = []
    for p in people:
        study = data.study_file(p.id)
        out.append(ParticipantMaterial(
            summary=p, missing=tuple(missing_tracks(data, p, week)), ratings=tuple(week_ratings(data, p, weeks, week)),
            diaries=tuple(diary_records(data, p, study, week)), ice_breaking=ice_breaking(data, p, study),
        ))
    return out
