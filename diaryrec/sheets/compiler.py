"""Planning sheet → system prompt, through the jinja2 templates in
``templates/prompts/`` (``recommender.<language>.j2`` and the reply contract it
includes). ``StrictUndefined`` turns a misspelt variable into an error instead of an
empty gap in a participant's prompt. A study may name a researcher's own template
folder; its templates run in jinja2's ``SandboxedEnvironment`` and fall back to the
shipped ones for any file the folder lacks.

Variables every template gets (documented here because researchers write them):
``language``, ``name``, ``objective``, ``data_types`` (labels), ``own_data_types``,
``preference_notes``, ``purposes`` (labels), ``own_purpose``,
``explanation_styles`` (labels), ``own_explanation_style``, ``track_count``,
``exclusions``, ``explanation_level`` (concrete|balanced|open),
``presentation_notes``, ``feedback_modes`` (codes), ``feedback_labels``,
``own_feedback``, ``feedback_notes``, ``follow_up_kinds``, ``with_contract`` and
``sheet`` (the whole sheet as plain data).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox

from diaryrec.errors import QT_TRANSLATE_NOOP, UserError
from diaryrec.paths import templates_dir
from diaryrec.sheets.io import sheet_sha256, sheet_to_dict
from diaryrec.sheets.models import PlanningSheet
from diaryrec.sheets.prompt_words import label
from diaryrec.vocabulary import FeedbackKind, FollowUpKind

PLAIN_ASSISTANT = "plain_assistant.j2"
ALL_FOLLOW_UPS = [kind.value for kind in FollowUpKind]
# "own" feedback is asked for in the participant's words, so it travels as free text
_FOLLOW_UP_OF = {
    FeedbackKind.RATING: FollowUpKind.RATING,
    FeedbackKind.MULTIPLE_CHOICE: FollowUpKind.MULTIPLE_CHOICE,
    FeedbackKind.FREE_TEXT: FollowUpKind.FREE_TEXT,
    FeedbackKind.TOURNAMENT: FollowUpKind.TOURNAMENT,
    FeedbackKind.OWN: FollowUpKind.FREE_TEXT,
}


class PromptTemplateError(UserError):
    """A prompt template that cannot be used; names the file and the line."""


@dataclass(frozen=True)
class CompiledPrompt:
    system_prompt: str
    template: str  # the template's name, or the full path of a researcher's template
    sheet_sha256: str  # "" for the plain assistant, which has no sheet

    def as_json(self) -> dict[str, str]:
        return {"system_prompt": self.system_prompt, "template": self.template, "sheet_sha256": self.sheet_sha256}


def shipped_prompts_dir() -> Path:
    return templates_dir() / "prompts"


def _options() -> dict[str, Any]:
    return {
        "undefined": jinja2.StrictUndefined,
        "autoescape": False,  # plain text for an LLM, not HTML
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }


MAX_TEMPLATE_VALUE = 1_000_000  # characters or items one expression may build


class _BoundedSandbox(jinja2.sandbox.SandboxedEnvironment):
    """The sandbox for a researcher's templates, also refusing arithmetic that would
    build gigabytes (``'x' * 10**9``) or numbers with millions of digits."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise jinja2.sandbox.SecurityError(f"the power {right} is too large")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_TEMPLATE_VALUE:
                    raise jinja2.sandbox.SecurityError("the repetition builds a value that is too large")
        return super().call_binop(context, operator, left, right)


@functools.lru_cache(maxsize=8)
def _environment(template_dir: str | None) -> jinja2.Environment:
    shipped = jinja2.FileSystemLoader(str(shipped_prompts_dir()), encoding="utf-8")
    if template_dir is None:
        return jinja2.Environment(loader=shipped, **_options())
    own = jinja2.FileSystemLoader(template_dir, encoding="utf-8")
    return _BoundedSandbox(loader=jinja2.ChoiceLoader([own, shipped]), **_options())


def _environment_for(template_dir: str | Path | None) -> jinja2.Environment:
    if not template_dir:
        return _environment(None)
    folder = Path(template_dir).expanduser()
    if not folder.is_dir():
        raise PromptTemplateError(
            QT_TRANSLATE_NOOP("UserError", "The study's prompt template folder {folder} does not exist."),
            hint=QT_TRANSLATE_NOOP("UserError", "Fix llm.template_dir in the study file, or leave it empty to use the shipped templates."),
            folder=folder,
        )
    return _environment(str(folder.resolve()))


def _template_label(template: jinja2.Template) -> str:
    filename = Path(template.filename) if template.filename else None
    if filename is not None and filename.resolve().parent != shipped_prompts_dir().resolve():
        return str(filename)  # a researcher's own template: its full path
    return str(template.name)


_BLANK_RUNS = re.compile(r"\n{3,}")


def _render(env: jinja2.Environment, name: str, context: dict[str, Any]) -> tuple[str, str]:
    try:
        template = env.get_template(name)
        text = template.render(**context)
    except jinja2.TemplateNotFound as exc:
        raise PromptTemplateError(QT_TRANSLATE_NOOP("UserError", "The prompt template {name} was not found."), name=exc.name) from None
    except jinja2.TemplateSyntaxError as exc:
        raise PromptTemplateError(
            QT_TRANSLATE_NOOP("UserError", "{name}, line {line}: {detail}"),
            name=exc.filename or exc.name or name,
            line=exc.lineno,
            detail=exc.message,
        ) from None
    except jinja2.sandbox.SecurityError as exc:
        raise PromptTemplateError(
            QT_TRANSLATE_NOOP("UserError", "{name}: the template tried something the sandbox forbids ({detail})."), name=name, detail=str(exc)
        ) from None
    except (OverflowError, RecursionError, MemoryError) as exc:  # the sandbox's range limit, runaway macros
        raise PromptTemplateError(
            QT_TRANSLATE_NOOP("UserError", "{name}: the template asks for too much work ({detail})."),
            name=name,
            detail=str(exc) or type(exc).__name__,
        ) from None
    except jinja2.UndefinedError as exc:
        raise PromptTemplateError(
            QT_TRANSLATE_NOOP("UserError", "{name}: {detail}."),
            hint=QT_TRANSLATE_NOOP("UserError", "See diaryrec/sheets/compiler.py for the variables a template gets."),
            name=name,
            detail=exc.message,
        ) from None
    lines = [line.rstrip() for line in text.splitlines()]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip() + "\n", _template_label(template)


def follow_up_kinds(sheet: PlanningSheet) -> list[str]:
    kinds: list[str] = []
    for mode in sheet.feedback.modes:
        kind = _FOLLOW_UP_OF[mode].value
        if kind not in kinds:
            kinds.append(kind)
    return [*kinds, FollowUpKind.NONE.value]


def sheet_context(sheet: PlanningSheet) -> dict[str, Any]:
    lang = sheet.language
    pref, pres, feed = sheet.preference_input, sheet.presentation, sheet.feedback
    return {
        "language": lang,
        "with_contract": True,
        "sheet": sheet_to_dict(sheet),
        "name": sheet.name,
        "objective": sheet.objective,
        "data_types": [label(code, lang) for code in pref.data_types],
        "own_data_types": list(pref.own_data_types),
        "preference_notes": pref.notes,
        "purposes": [label(code, lang) for code in pres.purposes],
        "own_purpose": pres.own_purpose,
        "explanation_styles": [label(code, lang) for code in pres.explanation_styles],
        "own_explanation_style": pres.own_explanation_style,
        "track_count": pres.track_count,
        "exclusions": list(pres.exclusions),
        "explanation_level": str(pres.explanation_level),
        "presentation_notes": pres.notes,
        "feedback_modes": [str(mode) for mode in feed.modes],
        "feedback_labels": [label(mode, lang) for mode in feed.modes if mode != FeedbackKind.OWN],
        "own_feedback": feed.own_description,
        "feedback_notes": feed.notes,
        "follow_up_kinds": follow_up_kinds(sheet),
    }


def recommender_template_name(language: str) -> str:
    return f"recommender.{language}.j2"


def compile_sheet(sheet: PlanningSheet, template_dir: str | Path | None = None) -> CompiledPrompt:
    """The system prompt of ``sheet`` (a planning sheet or a day's composition)."""
    env = _environment_for(template_dir)
    text, template = _render(env, recommender_template_name(sheet.language), sheet_context(sheet))
    return CompiledPrompt(system_prompt=text, template=template, sheet_sha256=sheet_sha256(sheet))


def reply_contract(sheet: PlanningSheet, template_dir: str | Path | None = None) -> str:
    """The reply contract that ``compile_sheet`` puts into the prompt of ``sheet``
    (the JSON reply format): what diaryrec adds, not what the participant wrote, so
    the preview can fold it away."""
    env = _environment_for(template_dir)
    text, _template = _render(env, f"reply_contract.{sheet.language}.j2", sheet_context(sheet))
    return text


def split_contract(prompt: str, contract: str) -> tuple[str, str]:
    """``prompt`` without ``contract``, and the contract as found in it ("" when it is
    not there: a researcher's template that leaves it out or words it otherwise)."""
    core = contract.strip()
    at = prompt.find(core) if core else -1
    if at < 0:
        return prompt, ""
    rest = (prompt[:at].rstrip() + "\n\n" + prompt[at + len(core):].strip()).strip()
    return rest + "\n", core


#: how many tracks the plain assistant of the ice-breaking week recommends in a reply
PLAIN_ASSISTANT_TRACKS = 5


def compile_plain_assistant(
    language: str, *, with_contract: bool = True, template_dir: str | Path | None = None
) -> CompiledPrompt:
    """The not-yet-customised assistant of the ice-breaking sheet. With the reply
    contract the chat can show track cards; without it, it is a bare assistant."""
    env = _environment_for(template_dir)
    context = {
        "language": language,
        "with_contract": with_contract,
        "track_count": PLAIN_ASSISTANT_TRACKS,
        "follow_up_kinds": ALL_FOLLOW_UPS,
    }
    text, template = _render(env, PLAIN_ASSISTANT, context)
    return CompiledPrompt(system_prompt=text, template=template, sheet_sha256="")
