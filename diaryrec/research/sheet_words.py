"""A sheet's fields and fixed choices in words, for the researcher's report (Qt-free).

The fields are named as the participant's revision screen names them
(``diaryrec/ui/sheet_views.py``, in English: the report's language); a fixed choice
is said with the one label it has outside the screens, ``sheets.prompt_words.LABELS``
(English and Korean), so a sheet reads "a photo or image that conveys a mood; my
current situation or emotion", not ``mood_image; situation_emotion``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from diaryrec.sheets.changes import field_text
from diaryrec.sheets.prompt_words import label
from diaryrec.sheets.vocabulary import DataType, ExplanationLevel, ExplanationStyle, FeedbackMode, Purpose
from diaryrec.vocabulary import Language

REPORT_LANGUAGE = Language.EN

#: every field of a sheet (``diaryrec.sheets.models.PlanningSheet``), flattened, in words
FIELD_WORDS: dict[str, str] = {
    "name": "name",
    "objective": "objective",
    "language": "reply language",
    "preference_input.data_types": "information given",
    "preference_input.own_data_types": "own information",
    "preference_input.notes": "notes on preference input",
    "presentation.purposes": "purpose",
    "presentation.own_purpose": "own purpose",
    "presentation.explanation_styles": "explanation style",
    "presentation.own_explanation_style": "own explanation style",
    "presentation.track_count": "number of tracks",
    "presentation.exclusions": "exclusions",
    "presentation.explanation_level": "level of explanation",
    "presentation.notes": "notes on presentation",
    "feedback.modes": "feedback",
    "feedback.own_description": "own way of giving feedback",
    "feedback.notes": "notes on feedback",
}
LANGUAGE_WORDS = {Language.EN: "English", Language.KO: "Korean"}
#: the paper's three stages, by the part of the sheet that holds them
STAGES = {"preference_input": 1, "presentation": 2, "feedback": 3}
STAGE_WORDS = {1: "stage 1, preference input", 2: "stage 2, presentation", 3: "stage 3, feedback"}


@dataclass(frozen=True)
class ChoiceField:
    """A field of fixed choices, and the field holding the participant's own idea beside them."""

    path: str
    codes: type[StrEnum]
    own: str = ""  # the own-idea field; "" when the choices have their own "own" code

    @property
    def stage(self) -> int:
        return STAGES[self.path.split(".")[0]]


CHOICE_FIELDS = (
    ChoiceField("preference_input.data_types", DataType, own="preference_input.own_data_types"),
    ChoiceField("presentation.purposes", Purpose, own="presentation.own_purpose"),
    ChoiceField("presentation.explanation_styles", ExplanationStyle, own="presentation.own_explanation_style"),
    ChoiceField("presentation.explanation_level", ExplanationLevel),
    ChoiceField("feedback.modes", FeedbackMode),
)
_BY_PATH = {choice.path: choice for choice in CHOICE_FIELDS}
#: the option "their own idea" of a choice field with an own-idea field beside it
OWN_IDEA = "own_idea"
OWN_IDEA_WORDS = "an idea of their own (in their words)"


def field_words(path: str) -> str:
    """A field's name in words (an unknown field, e.g. of an older sheet format, as it is)."""
    return FIELD_WORDS.get(path, path)


def option_words(code: str, language: str = REPORT_LANGUAGE) -> str:
    """A fixed choice in words (``sheets.prompt_words``), English or Korean."""
    return OWN_IDEA_WORDS if code == OWN_IDEA else label(code, language)


def value_words(path: str, value: Any, language: str = REPORT_LANGUAGE) -> str:
    """A field's value as a line of text, its codes in words; lists joined with "; "."""
    if path in _BY_PATH:
        codes = value if isinstance(value, list) else [] if value in (None, "") else [value]
        return "; ".join(option_words(str(code), language) for code in codes)
    if path == "language" and isinstance(value, str):
        return LANGUAGE_WORDS.get(value, value)  # type: ignore[call-overload]  # a StrEnum key matches its string
    return field_text(value)


def scenario_name(content: Mapping[str, Any], fallback: str) -> str:
    """What the participant called the scenario (the sheet's ``name``), else ``fallback``."""
    name = content.get("name")
    return name.strip() if isinstance(name, str) and name.strip() else fallback
