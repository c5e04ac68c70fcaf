"""The study file, as pydantic models: what a researcher sends to participants.

Texts are either one string or a table of languages (``{ en = "…", ko = "…" }``);
``Text.get(lang)`` picks the language asked for, then the study language, then any.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    field_validator,
    model_validator,
)

from diaryrec.protocol.calendar import LANGUAGES, Activity, Calendar, WeekPlan, parse_clock
from diaryrec.vocabulary import CatalogId

FORMAT_VERSION = 1
MAX_TEXT = 20_000  # characters in any one study text; a study file is not a book


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


def _limit(value: str) -> str:
    if len(value) > MAX_TEXT:
        raise ValueError(f"text is longer than {MAX_TEXT} characters")
    if "\x00" in value:
        raise ValueError("text contains a NUL character")
    return value


BoundedStr = Annotated[str, AfterValidator(_limit)]


class Text(RootModel[BoundedStr | dict[Literal["en", "ko"], BoundedStr]]):
    """A text in one or several languages."""

    model_config = ConfigDict(frozen=True)

    def get(self, lang: str = "en", fallback: str = "en") -> str:
        value = self.root
        if isinstance(value, str):
            return value
        for key in (lang, fallback, *LANGUAGES):
            if value.get(key):  # type: ignore[call-overload]
                return value[key]  # type: ignore[index]
        return ""

    def __str__(self) -> str:  # pragma: no cover - convenience for logs
        return self.get()


class UnknownTracks(StrEnum):
    REPLACE = "replace"
    MARK = "mark"
    HIDE = "hide"


class Contact(_Strict):
    name: BoundedStr = ""
    email: BoundedStr = ""


_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class StudyInfo(_Strict):
    id: Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    name: Text
    protocol_version: Annotated[str, Field(min_length=1, max_length=50)] = "1.0"
    language: Literal["en", "ko"] = "en"
    time_zone: str = ""
    day_starts_at: str = "04:00"
    late_after_hours: Annotated[int, Field(ge=0, le=72)] = 0
    participant_code: Annotated[str, Field(max_length=64)] = ""
    unknown_tracks: UnknownTracks = UnknownTracks.REPLACE
    researcher: Contact = Contact()
    consent: Text

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if value:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("day_starts_at")
    @classmethod
    def _hh_mm(cls, value: str) -> str:
        if not _TIME.match(value):
            raise ValueError("must be a time like 04:00")
        return value

    @property
    def day_start(self) -> dt.time:
        return parse_clock(self.day_starts_at)


class LlmSettings(_Strict):
    base_url: Annotated[str, Field(pattern=r"^https?://", max_length=500)] = "https://api.openai.com/v1"
    model: Annotated[str, Field(min_length=1, max_length=200)] = "gpt-4o-mini"
    api_key: Annotated[str, Field(max_length=500)] = ""
    #: a researcher's own prompt templates (folder beside the study file); run sandboxed
    template_dir: Annotated[str, Field(max_length=500)] = ""


class CatalogSettings(_Strict):
    #: the catalogs that check tracks, in order (a track verified by any is verified);
    #: empty: Spotify when its app credentials are available, else MusicBrainz
    providers: Annotated[list[CatalogId], Field(max_length=len(CatalogId))] = []
    market: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = "US"
    client_id: Annotated[str, Field(max_length=200)] = ""
    client_secret: Annotated[str, Field(max_length=200)] = ""

    @field_validator("providers")
    @classmethod
    def _each_once(cls, value: list[CatalogId]) -> list[CatalogId]:
        if len(set(value)) != len(value):
            raise ValueError("names a catalog twice")
        return value


class Stage(_Strict):
    number: Annotated[int, Field(ge=1, le=3)]
    name: Text
    intro: Text = Text("")


class IceBreakingTask(_Strict):
    id: Annotated[str, Field(min_length=1, max_length=64)]
    stage: Annotated[int, Field(ge=1, le=3)]
    instruction: Text
    example: Text = Text("")
    wants_image: bool = False


class IceBreaking(_Strict):
    pros_prompt: Text
    cons_prompt: Text
    ideation_prompt: Text
    stages: Annotated[list[Stage], Field(min_length=1, max_length=3)]
    tasks: Annotated[list[IceBreakingTask], Field(min_length=1, max_length=50)]

    @model_validator(mode="after")
    def _unique_ids(self) -> "IceBreaking":
        ids = [t.id for t in self.tasks]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"task ids must be unique, repeated: {', '.join(dupes)}")
        return self


class PlanningSheetTexts(_Strict):
    intro: Text
    name_label: Text
    objective_label: Text
    stages_label: Text


class DiaryQuestion(_Strict):
    id: Annotated[str, Field(min_length=1, max_length=64)]
    kind: Literal["screenshot", "text"] = "text"
    text: Text


class Week(_Strict):
    number: Annotated[int, Field(ge=1, le=12)]
    name: Text
    days: Annotated[int, Field(ge=1, le=14)] = 7
    first_day_activity: Activity
    daily_activity: Activity
    first_day_interview: bool = False
    diary_questions: Annotated[list[DiaryQuestion], Field(min_length=1, max_length=20)]


class StudyFile(_Strict):
    format_version: Literal[1] = FORMAT_VERSION
    study: StudyInfo
    llm: LlmSettings = LlmSettings()
    catalog: CatalogSettings = CatalogSettings()
    ice_breaking: IceBreaking
    planning_sheet: PlanningSheetTexts
    weeks: Annotated[list[Week], Field(min_length=1, max_length=12)]

    @model_validator(mode="after")
    def _weeks_in_order(self) -> "StudyFile":
        numbers = [w.number for w in self.weeks]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"weeks must be numbered 1, 2, 3, … in order (found {numbers})")
        return self

    @property
    def total_days(self) -> int:
        return sum(w.days for w in self.weeks)

    @property
    def day_start(self) -> dt.time:
        return self.study.day_start

    def text(self, value: Text, lang: str | None = None) -> str:
        return value.get(lang or self.study.language)

    def calendar(self) -> Calendar:
        """The plain calendar the home screen is drawn from (see protocol.calendar)."""
        return Calendar(
            study_name={lang: self.study.name.get(lang) for lang in LANGUAGES},
            language=self.study.language,
            day_starts_at=self.study.day_starts_at,
            weeks=tuple(
                WeekPlan(
                    number=w.number,
                    name={lang: w.name.get(lang) for lang in LANGUAGES},
                    days=w.days,
                    first_day_activity=w.first_day_activity,
                    daily_activity=w.daily_activity,
                    first_day_interview=w.first_day_interview,
                )
                for w in self.weeks
            ),
            time_zone=self.study.time_zone,
            ice_breaking_tasks=tuple(t.id for t in self.ice_breaking.tasks),
        )
