"""The week-1 daily composer: each day of week 1 the participant picks one way for
each of the three stages (the paper's options and their own ideas from the
ice-breaking sheet) and gets recommendations that way. The result is a
``PlanningSheet``, so a day's experiment compiles exactly like a planning sheet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from diaryrec.sheets.models import FeedbackSetup, PlanningSheet, PreferenceInput, Presentation
from diaryrec.sheets.vocabulary import DataType, ExplanationLevel, ExplanationStyle, FeedbackMode, Purpose, label


@dataclass(frozen=True)
class Option:
    """One choice the composer offers: a fixed code, or a participant's own idea."""

    code: str  # a vocabulary code, or "" for an idea in the participant's words
    text: str


@dataclass(frozen=True)
class ComposerOptions:
    data_types: list[Option]
    purposes: list[Option]
    explanation_styles: list[Option]
    explanation_levels: list[Option]
    feedback_modes: list[Option]


def composer_options(language: str, ideas_by_stage: dict[int, Sequence[str]] | None = None) -> ComposerOptions:
    """What a day's composer offers, the participant's ice-breaking ideas included."""
    ideas = ideas_by_stage or {}

    def fixed(codes: Sequence[str]) -> list[Option]:
        return [Option(code=str(code), text=label(code, language)) for code in codes]

    def own(stage: int) -> list[Option]:
        return [Option(code="", text=text) for text in ideas.get(stage, []) if text.strip()]

    return ComposerOptions(
        data_types=fixed(list(DataType)) + own(1),
        purposes=fixed(list(Purpose)) + own(2),
        explanation_styles=fixed(list(ExplanationStyle)),
        explanation_levels=fixed(list(ExplanationLevel)),
        feedback_modes=fixed([m for m in FeedbackMode if m != FeedbackMode.OWN]) + own(3),
    )


_DAY_NAME = {"en": "Day {day} experiment", "ko": "{day}일차 실험"}
_DAY_OBJECTIVE = {
    "en": "Today's experiment: trying one way of giving preferences, being recommended and giving feedback.",
    "ko": "오늘의 실험: 취향을 알려 주고, 추천을 받고, 피드백하는 한 가지 방식을 시도해 보기.",
}


def compose_day(
    day: int,
    language: str,
    *,
    data_types: Sequence[str] = (),
    own_data_types: Sequence[str] = (),
    purposes: Sequence[str] = (),
    own_purpose: str = "",
    explanation_styles: Sequence[str] = (),
    own_explanation_style: str = "",
    explanation_level: str = ExplanationLevel.BALANCED,
    track_count: int = 5,
    exclusions: Sequence[str] = (),
    feedback_modes: Sequence[str] = (),
    own_feedback: str = "",
    objective: str = "",
    notes: str = "",
) -> PlanningSheet:
    """A day's choices as a sheet; an own feedback idea makes the mode "own"."""
    modes = [FeedbackMode(m) for m in feedback_modes]
    if own_feedback and FeedbackMode.OWN not in modes:
        modes.append(FeedbackMode.OWN)
    return PlanningSheet(
        name=_DAY_NAME.get(language, _DAY_NAME["en"]).format(day=day),
        objective=objective or _DAY_OBJECTIVE.get(language, _DAY_OBJECTIVE["en"]),
        preference_input=PreferenceInput(
            data_types=[DataType(c) for c in data_types], own_data_types=list(own_data_types)
        ),
        presentation=Presentation(
            purposes=[Purpose(c) for c in purposes],
            own_purpose=own_purpose,
            explanation_styles=[ExplanationStyle(c) for c in explanation_styles],
            own_explanation_style=own_explanation_style,
            explanation_level=ExplanationLevel(explanation_level),
            track_count=track_count,
            exclusions=list(exclusions),
            notes=notes,
        ),
        feedback=FeedbackSetup(modes=modes, own_description=own_feedback),
        language=language,  # type: ignore[arg-type]
    )
