"""A synthetic study: participants who went through the default protocol, for the
research tools' tests and benchmarks (``tests/benchmarks/bench_research.py``).

Each participant gets a data folder of their own, joined to the default study
(Asia/Seoul) ``days + 1`` days before ``now``, with, per study day:

- one conversation of ``turns_per_day`` turns (a user message and an assistant reply
  each), every reply suggesting ``tracks_per_turn`` tracks; about one track in seven
  is ``not_found`` (the hallucination the catalog check catches), a few ``unchecked``;
- a 1–5 rating of every track (a participant's own rating habit plus noise);
- a diary entry (Korean and English text) with one PNG screenshot of about
  ``screenshot_bytes`` bytes — saved on time, saved late or missing, drawn from
  the participant's own compliance so that the report has something to show;
- on day 1 the ice-breaking answers and ideation ideas, on day 8 a planning sheet
  and on day 15 its revision (``based_on_id``), each with a compiled prompt;
  interviews in weeks 2 and 3; an ``app_started`` event a day.

Everything is written straight through the SQLModel tables (the services that write
them in the app are separate) and is deterministic for a given ``seed``.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from diaryrec.paths import DataLayout
from diaryrec.protocol import load_default_study
from diaryrec.protocol import schedule
from diaryrec.services.study import join_study
from diaryrec.store import open_store
from diaryrec.store import models as m
from diaryrec.store.types import utcnow
from diaryrec.vocabulary import CatalogId, ConversationPurpose, FeedbackKind, Verdict

ZONE = "Asia/Seoul"
_TITLES = ["밤편지", "Spring Day", "사건의 지평선", "Hype Boy", "Ditto", "좋은 날", "Blueming", "Love wins all"]
_ARTISTS = ["아이유", "BTS", "윤하", "NewJeans", "혁오", "검정치마", "AKMU", "Zion.T"]
_DIARY = [
    "오늘은 비 오는 날에 어울리는 음악을 추천받았다. 이유 설명이 구체적이라 좋았다.",
    "Recommendations felt repetitive today; the explanations were too generic.",
    "처음 들어보는 인디 밴드를 알게 되어 즐거웠다. 다만 존재하지 않는 곡이 하나 있었다.",
]


@dataclass(frozen=True)
class SyntheticSpec:
    participants: int = 12
    days: int = 21
    turns_per_day: int = 3
    tracks_per_turn: int = 5
    screenshot_bytes: int = 200_000
    seed: int = 2025


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


def make_participant(root: Path, index: int, spec: SyntheticSpec = SyntheticSpec(), now: dt.datetime | None = None) -> DataLayout:
    """A data folder at ``root`` holding participant ``index``'s whole study."""
    now = now or utcnow()
    rng = random.Random(spec.seed * 1000 + index)
    layout = DataLayout(root).ensure()
    store = open_store(layout)
    try:
        loaded = load_default_study()
        start = now - dt.timedelta(days=spec.days + 1)
        active = join_study(store, loaded, participant_code(index), now=start, zone_name=ZONE)
        study, enrolled_on, zone = active.study, active.enrolment.enrolled_on, active.zone
        compliance = rng.uniform(0.6, 1.0)
        habit = rng.randint(2, 4)
        with store.session() as session:
            for number in range(1, min(spec.days, study.total_days) + 1):
                day_start, day_end = schedule.day_bounds(study, enrolled_on, zone, number)
                _write_day(session, rng, spec, number, day_start, day_end, compliance, habit, layout)
            _write_sheets_and_more(session, rng, day_bounds=lambda n: schedule.day_bounds(study, enrolled_on, zone, n))
            session.commit()
    finally:
        store.close()
    return layout


def make_study(root: Path, spec: SyntheticSpec = SyntheticSpec(), now: dt.datetime | None = None) -> list[DataLayout]:
    now = now or utcnow()
    return [make_participant(Path(root) / participant_code(i), i, spec, now) for i in range(spec.participants)]


def _write_day(session, rng: random.Random, spec: SyntheticSpec, number: int, day_start: dt.datetime,
               day_end: dt.datetime, compliance: float, habit: int, layout: DataLayout) -> None:  # noqa: ANN001
    at = day_start + dt.timedelta(hours=rng.uniform(8, 16))
    session.add(m.Event(kind="app_started", at=at, detail={"day": number}))
    if rng.random() > compliance:
        return  # a missed day: no session, no diary
    purpose = ConversationPurpose.ICE_BREAKING if number == 1 else (ConversationPurpose.DAILY if number <= 7 else ConversationPurpose.OWN_RECOMMENDER)
    conversation = m.Conversation(study_day=number, purpose=purpose, provider="api.openai.com", model="gpt-4o-mini", started_at=at)
    session.add(conversation)
    session.flush()
    seq = 0
    for turn in range(spec.turns_per_day):
        at += dt.timedelta(minutes=rng.uniform(1, 5))
        session.add(m.Message(conversation_id=conversation.id, seq=seq, role="user",
                              text=f"비 오는 날 듣기 좋은 노래 추천해 줘 ({turn + 1})", created_at=at))
        reply = m.Message(conversation_id=conversation.id, seq=seq + 1, role="assistant", created_at=at,
                          text="오늘 같은 날에 어울리는 곡들이에요.", provider="api.openai.com", model="gpt-4o-mini",
                          duration_ms=rng.uniform(800, 4000), first_token_ms=rng.uniform(200, 900))
        session.add(reply)
        session.flush()
        seq += 2
        for position in range(spec.tracks_per_turn):
            roll = rng.random()
            verdict = Verdict.NOT_FOUND if roll < 0.14 else (Verdict.UNCHECKED if roll < 0.17 else Verdict.VERIFIED)
            track = m.RecommendedTrack(
                message_id=reply.id, position=position, title=rng.choice(_TITLES), artist=rng.choice(_ARTISTS),
                year=rng.randint(1995, 2024), reason="잔잔한 분위기와 따뜻한 목소리", keywords=["잔잔함", "감성"],
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
                         answers={"screenshot": "", "pros_cons": rng.choice(_DIARY), "suggestions": "설명을 더 짧게"})
    session.add(entry)
    session.flush()
    name = f"day-{number:02d}-{entry.id}.png"
    png = screenshot_png(spec.screenshot_bytes, number)
    (layout.screenshots / name).write_bytes(png)
    session.add(m.DiaryScreenshot(entry_id=entry.id, file_name=name, sha256=hashlib.sha256(png).hexdigest(), created_at=saved_at))


def _write_sheets_and_more(session, rng: random.Random, day_bounds) -> None:  # noqa: ANN001
    day1 = day_bounds(1)[0] + dt.timedelta(hours=10)
    for i, task in enumerate(("s1-demographics", "s1-five-favourites", "s2-might-dislike", "s3-rating")):
        session.add(m.IceBreakingAnswer(task_id=task, pros="편하다", cons="설명이 길다", updated_at=day1, completed_at=day1))
        session.add(m.IdeationItem(stage=i % 3 + 1, position=i, text="오늘의 날씨와 기분", created_at=day1))
    week2 = day_bounds(8)[0] + dt.timedelta(hours=11)
    stages = {"preference_input": "좋아하는 사진 한 장", "presentation": "키워드로 이유 설명", "feedback": "1–5점 평가"}
    first = m.SheetVersion(sheet_key="recommender-1", kind="planning", version=1, study_day=8, created_at=week2,
                           content={"name": "사진 DJ", "objective": "말로 설명하기 어려운 음악을 사진으로 찾기", "stages": stages},
                           compiled_prompt="당신은 사용자의 사진으로 음악 취향을 분석하는 추천 시스템입니다.")
    session.add(first)
    session.flush()
    revised_stages = dict(stages, feedback=rng.choice(["객관식 선택지", "토너먼트 비교"]))
    session.add(m.SheetVersion(sheet_key="recommender-1", kind="planning", version=2, study_day=15, based_on_id=first.id,
                               created_at=day_bounds(15)[0] + dt.timedelta(hours=11),
                               content={"name": "사진 DJ 2", "objective": first.content["objective"], "stages": revised_stages},
                               compiled_prompt="당신은 사용자의 사진과 피드백으로 취향을 분석하는 추천 시스템입니다."))
    for week, day in ((2, 8), (3, 15)):
        session.add(m.Interview(week=week, happened_at=day_bounds(day)[0] + dt.timedelta(hours=9), notes="인터뷰 메모"))
