"""The sheets a participant fills in, as pydantic models.

A planning sheet (week 2, revised in week 3) and a week-1 day composition are the
same ``PlanningSheet``, so both compile to a system prompt the same way. Its JSON
has exactly the keys ``name``, ``objective``, ``preference_input``,
``presentation``, ``feedback`` and ``language``; unknown keys are refused.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from diaryrec.sheets.vocabulary import DataType, ExplanationLevel, ExplanationStyle, FeedbackMode, Purpose

MAX_FIELD = 4_000  # characters in one answer; a sheet is a form, not an essay
MAX_ITEMS = 30
MAX_TRACKS = 20


def _clean(value: str) -> str:
    if "\x00" in value:
        raise ValueError("text contains a NUL character")
    return value.strip()


Answer = Annotated[str, Field(max_length=MAX_FIELD), AfterValidator(_clean)]
Item = Annotated[str, Field(min_length=1, max_length=500), AfterValidator(_clean)]


def _unique(values: list) -> list:  # type: ignore[type-arg]
    seen: list = []  # type: ignore[type-arg]
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PreferenceInput(_Part):
    """Stage 1: what the recommender gets to know."""

    data_types: Annotated[list[DataType], Field(max_length=len(DataType)), AfterValidator(_unique)] = []
    own_data_types: Annotated[list[Item], Field(max_length=MAX_ITEMS), AfterValidator(_unique)] = []
    notes: Answer = ""

    @model_validator(mode="after")
    def _something(self) -> "PreferenceInput":
        if not self.data_types and not self.own_data_types and not self.notes:
            raise ValueError("choose at least one kind of information, or describe your own")
        return self


class Presentation(_Part):
    """Stage 2: what the picks are for and how they are explained."""

    purposes: Annotated[list[Purpose], Field(max_length=len(Purpose)), AfterValidator(_unique)] = []
    own_purpose: Answer = ""
    explanation_styles: Annotated[list[ExplanationStyle], Field(max_length=len(ExplanationStyle)), AfterValidator(_unique)] = []
    own_explanation_style: Answer = ""
    track_count: Annotated[int, Field(ge=1, le=MAX_TRACKS)] = 5
    exclusions: Annotated[list[Item], Field(max_length=MAX_ITEMS), AfterValidator(_unique)] = []
    explanation_level: ExplanationLevel = ExplanationLevel.BALANCED
    notes: Answer = ""


class FeedbackSetup(_Part):
    """Stage 3: how the participant answers the picks."""

    modes: Annotated[list[FeedbackMode], Field(min_length=1, max_length=len(FeedbackMode)), AfterValidator(_unique)]
    own_description: Answer = ""
    notes: Answer = ""

    @model_validator(mode="after")
    def _own_needs_words(self) -> "FeedbackSetup":
        if FeedbackMode.OWN in self.modes and not self.own_description:
            raise ValueError("describe your own way of giving feedback (own_description)")
        return self


class PlanningSheet(_Part):
    name: Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_clean)]
    objective: Annotated[str, Field(min_length=1, max_length=MAX_FIELD), AfterValidator(_clean)]
    preference_input: PreferenceInput
    presentation: Presentation
    feedback: FeedbackSetup
    language: Literal["en", "ko"] = "en"


SHEET_KEYS = tuple(PlanningSheet.model_fields)


class TaskAnswer(_Part):
    """The (+) and (−) a participant wrote for one ice-breaking task."""

    task_id: Annotated[str, Field(min_length=1, max_length=64)]
    pros: Answer = ""
    cons: Answer = ""


class Idea(_Part):
    """One line of a stage's ideation box."""

    stage: Annotated[int, Field(ge=1, le=3)]
    text: Item


class IceBreakingAnswers(_Part):
    """Everything written on the ice-breaking sheet (week 1, day 1)."""

    answers: list[TaskAnswer] = []
    ideas: Annotated[list[Idea], Field(max_length=3 * MAX_ITEMS)] = []

    def ideas_for(self, stage: int) -> list[str]:
        return [idea.text for idea in self.ideas if idea.stage == stage]

    def check_tasks(self, task_ids: list[str]) -> None:
        """Refuse answers to tasks the study does not have, naming them."""
        unknown = sorted({a.task_id for a in self.answers} - set(task_ids))
        if unknown:
            raise ValueError(f"answers to unknown ice-breaking tasks: {', '.join(unknown)}")
