"""A synthetic study: participants who went through the default protocol, for the
research tools' tests and benchmarks (``tests/benchmarks/bench_research.py``).

Each participant gets a data folder of their own, joined to the default study
(Asia/Seoul) ``days + 1`` days before ``now``, with, per study day:

- one conversation of ``turns_per_day`` turns (a user message and an assistant reply
  each), every reply suggesting ``tracks_per_turn`` tracks; about one track in seven
  is ``not_found`` (the hallucination the catalog check catches), a few ``unchecked``;
- a 1–5 rating of every track (a participant's own rating habit plus noise);
- a diary entry answering the week's diary questions, with one PNG screenshot of
  about ``screenshot_bytes`` bytes — saved on time, saved late or missing, drawn
  from the participant's own compliance so that the report has something to show;
- on day 1 the ice-breaking answers and ideation ideas, on day 8 a planning sheet
  and on day 15 its revision (``based_on_id``), real ``PlanningSheet``s compiled to
  their prompts as the app saves them; with ``daily_sheets``, days 2-7 each a
  day's composition; every conversation names the sheet it used; interviews in
  weeks 2 and 3; an ``app_started`` event a day.

Participants write in Korean (``languages``: e.g. ``("ko", "en")`` alternates).

Everything is written straight through the SQLModel tables (the services that write
them in the app are separate) and is deterministic for a given ``seed``.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from diaryrec.paths import DataLayout
from diaryrec.protocol import LoadedStudy, load_default_study
from diaryrec.protocol import schedule
from diaryrec.services.study import join_study
from diaryrec.sheets import FeedbackSetup, PlanningSheet, PreferenceInput, Presentation, compile_sheet, compose_day, sheet_to_dict
from diaryrec.sheets.vocabulary import DataType, ExplanationLevel, ExplanationStyle, Purpose
from diaryrec.store import open_store
from diaryrec.store import models as m
from diaryrec.store.types import utcnow
from diaryrec.vocabulary import CatalogId, ConversationPurpose, FeedbackKind, Verdict

ZONE = "Asia/Seoul"
_TITLES = ["밤편지", "Spring Day", "사건의 지평선", "Hype Boy", "Ditto", "좋은 날", "Blueming", "Love wins all"]
_ARTISTS = ["아이유", "BTS", "윤하", "NewJeans", "혁오", "검정치마", "AKMU", "Zion.T"]

#: what a participant writes, in the language they write in
TEXTS = {
    "ko": {
        "ask": "비 오는 날 듣기 좋은 노래 추천해 줘 ({turn})",
        "reply": "오늘 같은 날에 어울리는 곡들이에요.",
        "reason": "잔잔한 분위기와 따뜻한 목소리",
        "keywords": ["잔잔함", "감성"],
        "diary": [
            "오늘은 비 오는 날에 어울리는 음악을 추천받았다. 이유 설명이 구체적이라 좋았다.",
            "추천이 조금 반복적이었다. 설명이 너무 일반적이었다.",
            "처음 들어보는 인디 밴드를 알게 되어 즐거웠다. 다만 존재하지 않는 곡이 하나 있었다.",
        ],
        "suggestion": "설명을 더 짧게",
        "pros": "편하다",
        "cons": "설명이 길다",
        "idea": "오늘의 날씨와 기분",
        "sheet_name": "사진 DJ",
        "objective": "말로 설명하기 어려운 음악을 사진으로 찾기",
        "own_data": "오늘의 날씨",
        "input_notes": "좋아하는 사진 한 장",
        "exclusion": "너무 시끄러운 곡",
        "interview": "인터뷰 메모",
    },
    "en": {
        "ask": "Songs for a rainy afternoon, please ({turn})",
        "reply": "Here are songs that fit a day like today.",
        "reason": "a calm mood and a warm voice",
        "keywords": ["calm", "warm"],
        "diary": [
            "The reasons were concrete today and I liked two of the picks a lot.",
            "Recommendations felt repetitive today; the explanations were too generic.",
            "I found an indie band I did not know, but one of the songs does not exist.",
        ],
        "suggestion": "Shorter explanations",
        "pros": "easy to ask",
        "cons": "the answers are long",
        "idea": "today's weather and mood",
        "sheet_name": "Photo DJ",
        "objective": "Find music I cannot describe in words, from a photo",
        "own_data": "today's weather",
        "input_notes": "one photo I like",
        "exclusion": "very loud songs",
        "interview": "interview notes",
    },
}


@dataclass(frozen=True)
class SyntheticSpec:
    participants: int = 12
    days: int = 21
    turns_per_day: int = 3
    tracks_per_turn: int = 5
    screenshot_bytes: int = 200_000
    seed: int = 2025
    #: participant i writes in languages[i % len(languages)] (messages, diaries, sheets)
    languages: tuple[str, ...] = ("ko",)
    #: days 2-7 each save the day's composition (a "daily" sheet, as the week-1 composer does)
    daily_sheets: bool = False


@functools.lru_cache(maxsize=64)
def screenshot_png(size_bytes: int, variant: int) -> bytes:
    """A PNG of noise (noise does not compress, so the file is about ``size_bytes``)."""
    side = max(8, int((size_bytes / 3) ** 0.5))
    noise = random.Random(variant).randbytes(side * side * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), noise).save(out, format="PNG", compress_level=1)
    return out.getvalue()


def participant_code(index: int) -> str:
    return f"P{index + 1:03d}"


def make_participant(root: Path, index: int, spec: SyntheticSpec = SyntheticSpec(), now: dt.datetime | None = None,
                     study: LoadedStudy | None = None) -> DataLayout:
    """A data folder at ``root`` holding participant ``index``'s whole study of
    ``study`` (default: the shipped protocol)."""
    now = now or utcnow()
    rng = random.Random(spec.seed * 1000 + index)
    sheets_rng = random.Random(spec.seed * 1000 + index + 500_000)  # apart, so the days stay as they were
    language = spec.languages[index % len(spec.languages)]
    layout = DataLayout(root).ensure()
    store = open_store(layout)
    try:
        loaded = study or load_default_study()
        start = now - dt.timedelta(days=spec.days + 1)
        active = join_study(store, loaded, participant_code(index), now=start, zone_name=ZONE)
        study_file, enrolled_on, zone = active.study, active.enrolment.enrolled_on, active.zone
        writer = _Writer(rng, sheets_rng, spec, language, layout, study_file,
                         lambda n: schedule.day_bounds(study_file, enrolled_on, zone, n))
        compliance = rng.uniform(0.6, 1.0)
        habit = rng.randint(2, 4)
        with store.session() as session:
            writer.planning_sheets(session)
            for number in range(1, min(spec.days, study_file.total_days) + 1):
                writer.day(session, number, compliance, habit)
            writer.ice_breaking_and_interviews(session)
            session.commit()
    finally:
        store.close()
    return layout


def make_study(root: Path, spec: SyntheticSpec = SyntheticSpec(), now: dt.datetime | None = None,
               study: LoadedStudy | None = None) -> list[DataLayout]:
    now = now or utcnow()
    return [make_participant(Path(root) / participant_code(i), i, spec, now, study) for i in range(spec.participants)]


def _saved_sheet(sheet: PlanningSheet, **row: Any) -> m.SheetVersion:
    """A sheet version as the app saves one (``services.sheet_versions``): the sheet in
    its JSON form and the prompt it compiles to."""
    compiled = compile_sheet(sheet)
    return m.SheetVersion(**row, content=sheet_to_dict(sheet), compiled_prompt=compiled.system_prompt,
                          template=compiled.template, sheet_sha256=compiled.sheet_sha256)


class _Writer:
    def __init__(self, rng: random.Random, sheets_rng: random.Random, spec: SyntheticSpec, language: str,
                 layout: DataLayout, study: Any, day_bounds: Callable[[int], tuple[dt.datetime, dt.datetime]]):
        self.rng, self.sheets_rng, self.spec, self.layout, self.study = rng, sheets_rng, spec, layout, study
        self.language, self.text = language, TEXTS[language]
        self.day_bounds = day_bounds
        self.weeks = {day.number: day.week for day in schedule.days(study)}
        self.planning: list[m.SheetVersion] = []

    def planning_sheets(self, session) -> None:  # noqa: ANN001
        """Week 2's planning sheet (day 8) and week 3's revision of it (day 15)."""
        t = self.text
        sheet = PlanningSheet(
            name=t["sheet_name"], objective=t["objective"], language=self.language,
            preference_input=PreferenceInput(data_types=[DataType.MOOD_IMAGE, DataType.SITUATION_EMOTION],
                                             own_data_types=[t["own_data"]], notes=t["input_notes"]),
            presentation=Presentation(purposes=[Purpose.WILL_LIKE], explanation_styles=[ExplanationStyle.KEYWORDS],
                                      track_count=self.spec.tracks_per_turn, exclusions=[t["exclusion"]]),
            feedback=FeedbackSetup(modes=[FeedbackKind.RATING]),
        )
        first = _saved_sheet(sheet, sheet_key="recommender-1", kind="planning", version=1, study_day=8,
                             created_at=self.day_bounds(8)[0] + dt.timedelta(hours=11))
        session.add(first)
        session.flush()
        revised = sheet.model_copy(update={
            "name": f"{t['sheet_name']} 2",
            "feedback": FeedbackSetup(modes=[self.sheets_rng.choice([FeedbackKind.MULTIPLE_CHOICE, FeedbackKind.TOURNAMENT])]),
            "presentation": sheet.presentation.model_copy(update={"explanation_level": ExplanationLevel.OPEN}),
        })
        second = _saved_sheet(revised, sheet_key="recommender-1", kind="planning", version=2, study_day=15,
                              based_on_id=first.id, created_at=self.day_bounds(15)[0] + dt.timedelta(hours=11))
        session.add(second)
        session.flush()
        self.planning = [first, second]

    def _daily_sheet(self, session, number: int, at: dt.datetime) -> int | None:  # noqa: ANN001
        """The day's composition of the week-1 composer (days 2-7), as its own sheet."""
        if not self.spec.daily_sheets or not 2 <= number <= 7:
            return None
        pick = self.sheets_rng
        sheet = compose_day(
            number, self.language,
            data_types=pick.sample(list(DataType), pick.randint(1, 3)),
            purposes=pick.sample(list(Purpose), 1),
            explanation_styles=pick.sample(list(ExplanationStyle), pick.randint(1, 2)),
            feedback_modes=pick.sample([FeedbackKind.RATING, FeedbackKind.MULTIPLE_CHOICE, FeedbackKind.FREE_TEXT], 1),
            track_count=self.spec.tracks_per_turn,
        )
        row = _saved_sheet(sheet, sheet_key=f"day-{number}", kind="daily", version=1, study_day=number, created_at=at)
        session.add(row)
        session.flush()
        return row.id

    def _sheet_in_use(self, session, number: int, at: dt.datetime) -> int | None:  # noqa: ANN001
        if number >= 8 and self.planning:
            return (self.planning[1] if number >= 15 else self.planning[0]).id
        return self._daily_sheet(session, number, at)

    def day(self, session, number: int, compliance: float, habit: int) -> None:  # noqa: ANN001
        rng, spec, t = self.rng, self.spec, self.text
        day_start, day_end = self.day_bounds(number)
        at = day_start + dt.timedelta(hours=rng.uniform(8, 16))
        session.add(m.Event(kind="app_started", at=at, detail={"day": number}))
        if rng.random() > compliance:
            return  # a missed day: no session, no diary
        purpose = (ConversationPurpose.ICE_BREAKING if number == 1
                   else ConversationPurpose.DAILY if number <= 7 else ConversationPurpose.OWN_RECOMMENDER)
        conversation = m.Conversation(study_day=number, purpose=purpose, provider="api.openai.com", model="gpt-4o-mini",
                                      started_at=at, sheet_version_id=self._sheet_in_use(session, number, at))
        session.add(conversation)
        session.flush()
        seq = 0
        for turn in range(spec.turns_per_day):
            at += dt.timedelta(minutes=rng.uniform(1, 5))
            session.add(m.Message(conversation_id=conversation.id, seq=seq, role="user",
                                  text=t["ask"].format(turn=turn + 1), created_at=at))
            reply = m.Message(conversation_id=conversation.id, seq=seq + 1, role="assistant", created_at=at,
                              text=t["reply"], provider="api.openai.com", model="gpt-4o-mini",
                              duration_ms=rng.uniform(800, 4000), first_token_ms=rng.uniform(200, 900))
            session.add(reply)
            session.flush()
            seq += 2
            for position in range(spec.tracks_per_turn):
                roll = rng.random()
                verdict = Verdict.NOT_FOUND if roll < 0.14 else (Verdict.UNCHECKED if roll < 0.17 else Verdict.VERIFIED)
                track = m.RecommendedTrack(
                    message_id=reply.id, position=position, title=rng.choice(_TITLES), artist=rng.choice(_ARTISTS),
                    year=rng.randint(1995, 2024), reason=t["reason"], keywords=list(t["keywords"]),
                    verdict=verdict, score=rng.uniform(0.9, 1.0) if verdict is Verdict.VERIFIED else None, checked_at=at,
                    catalog=None if verdict is Verdict.UNCHECKED else CatalogId.SPOTIFY,
                )
                session.add(track)
                session.flush()
                rating = min(5, max(1, habit + rng.choice((-1, 0, 0, 1, 1))))
                session.add(m.Feedback(conversation_id=conversation.id, message_id=reply.id, track_id=track.id,
                                       kind=FeedbackKind.RATING, rating=rating, created_at=at))
        if rng.random() > compliance + 0.1:
            return  # a session but no diary entry
        late = rng.random() < 0.15
        saved_at = (day_end + dt.timedelta(hours=6)) if late else (at + dt.timedelta(minutes=20))
        entry = m.DiaryEntry(study_day=number, status="saved", revision=1, drafted_at=at, saved_at=saved_at, late=late,
                             answers=self._diary_answers(number, rng.choice(t["diary"])))
        session.add(entry)
        session.flush()
        name = f"day-{number:02d}-{entry.id}.png"
        png = screenshot_png(spec.screenshot_bytes, number)
        (self.layout.screenshots / name).write_bytes(png)
        session.add(m.DiaryScreenshot(entry_id=entry.id, file_name=name, sha256=hashlib.sha256(png).hexdigest(), created_at=saved_at))

    def _diary_answers(self, number: int, text: str) -> dict[str, str]:
        """Answers to the day's own diary questions (the week's, from the study file)."""
        week = self.weeks[number]
        answers = {}
        texts = iter([text, self.text["suggestion"]])
        for question in week.diary_questions:
            answers[question.id] = "" if question.kind == "screenshot" else next(texts, "")
        return answers

    def ice_breaking_and_interviews(self, session) -> None:  # noqa: ANN001
        t = self.text
        day1 = self.day_bounds(1)[0] + dt.timedelta(hours=10)
        for i, task in enumerate(self.study.ice_breaking.tasks[:4]):
            session.add(m.IceBreakingAnswer(task_id=task.id, pros=t["pros"], cons=t["cons"], updated_at=day1, completed_at=day1))
            session.add(m.IdeationItem(stage=i % 3 + 1, position=i, text=t["idea"], created_at=day1))
        for week, day in ((2, 8), (3, 15)):
            session.add(m.Interview(week=week, happened_at=self.day_bounds(day)[0] + dt.timedelta(hours=9), notes=t["interview"]))
