"""The ice-breaking and planning sheets (pydantic) and their compilation to a
system prompt (jinja2)."""

from diaryrec.sheets.compiler import (
    CompiledPrompt,
    PromptTemplateError,
    compile_plain_assistant,
    compile_sheet,
)
from diaryrec.sheets.composer import ComposerOptions, Option, compose_day, composer_options
from diaryrec.sheets.io import (
    SheetError,
    canonical_json,
    load_sheet_file,
    parse_sheet,
    sheet_from_json,
    sheet_sha256,
    sheet_to_dict,
    sheet_to_json,
)
from diaryrec.sheets.models import (
    SHEET_KEYS,
    FeedbackSetup,
    IceBreakingAnswers,
    Idea,
    PlanningSheet,
    PreferenceInput,
    Presentation,
    TaskAnswer,
)

__all__ = [
    "SHEET_KEYS",
    "CompiledPrompt",
    "ComposerOptions",
    "FeedbackSetup",
    "IceBreakingAnswers",
    "Idea",
    "Option",
    "PlanningSheet",
    "PreferenceInput",
    "Presentation",
    "PromptTemplateError",
    "SheetError",
    "TaskAnswer",
    "canonical_json",
    "compile_plain_assistant",
    "compile_sheet",
    "compose_day",
    "composer_options",
    "load_sheet_file",
    "parse_sheet",
    "sheet_from_json",
    "sheet_sha256",
    "sheet_to_dict",
    "sheet_to_json",
]
