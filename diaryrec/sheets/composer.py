"""The week-1 daily composer: each day of week 1 the participant picks one way for
each of the three stages (the paper's options and their own ideas from the
ice-breaking sheet) and gets recommendations that way. The result is a
``PlanningSheet``, so a day's experiment compiles exactly like a planning sheet."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from diaryrec.sheets.models import FeedbackSetup, PlanningSheet, PreferenceInput, Presentation
from diaryrec.sheets.prompt_words import DAY_NAME, DAY_OBJECTIVE, in_language
from diaryrec.sheets.vocabulary import DataType, ExplanationLevel, ExplanationStyle, FeedbackMode, Purpose


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


def composer_options(words: Callable[[str], str], ideas_by_stage: dict[int, Sequence[str]] | None = None) -> ComposerOptions:
    """What a day's composer offers, the participant's ice-breaking ideas included;
    ``words`` gives a fixed choice's text on the screen (the ui's, through Qt)."""
    ideas = ideas_by_stage or {}

    def fixed(codes: Sequence[str]) -> list[Option]:
        return [Option(code=str(code), text=words(code)) for code in codes]

    def own(stage: int) -> list[Option]:
        return [Option(code="", text=text) for text in ideas.get(stage, []) if text.strip()]

    return ComposerOptions(
        data_types=fixed(list(DataType)) + own(1),
        purposes=fixed(list(Purpose)) + own(2),
        explanation_styles=fixed(list(ExplanationStyle)),
        explanation_levels=fixed(list(ExplanationLevel)),
        feedback_modes=fixed([m for m in FeedbackMode if m != FeedbackMode.OWN]) + own(3),
    )


def day_name_objective(day: int, language: str) -> tuple[str, str]:
    """A day's sheet's name and objective, in the sheet's language (they go into its prompt)."""
    return in_language(DAY_NAME, language).format(day=day), in_language(DAY_OBJECTIVE, language)


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
        name=day_name_objective(day, language)[0],
        objective=objective or day_name_objective(day, language)[1],
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
