"""Errors a participant or researcher can act on.

Anything raised as a ``UserError`` is shown as its message, never as a traceback:
the CLI prints it on one line and exits non-zero, the app shows it in plain words,
in the interface language.

A message the app can show is written as a translatable *template*: the text is
marked with ``QT_TRANSLATE_NOOP("UserError", ...)`` (pyside6-lupdate collects it into
``resources/translations/diaryrec_ko.ts``) and the values that fill its ``{fields}``
are keyword arguments::

    raise ImageRejectedError(
        QT_TRANSLATE_NOOP("UserError", "{name} is larger than {limit} MB."),
        hint=QT_TRANSLATE_NOOP("UserError", "Attach a smaller version of the picture."),
        name=path.name, limit=40,
    )

``str(err)``, ``err.message`` and ``err.hint`` are the English text (the CLI, the
logs); ``err.render(translate)`` passes the templates through ``translate`` before
filling them, which is how ``diaryrec.ui.errors.error_text`` shows them from the Qt
catalogue. A message given without values is used as it is, never ``.format()``-ed,
so an English-only message may quote text with braces.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

#: the one translation context of every UserError template
CONTEXT = "UserError"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark ``text`` for translation in ``context`` (pyside6-lupdate extracts it);
    returns ``text`` unchanged. Qt-free: the translating happens in diaryrec.ui."""
    return text


def fill(template: str, values: Mapping[str, object]) -> str:
    """``template`` with its fields filled from ``values``; without values, as it is."""
    return template.format(**values) if values else template


def _same(text: str) -> str:
    return text


class UserError(Exception):
    """An error whose message is written for the person using diaryrec."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str = "", **values: object):
        self.template, self.hint_template, self.template_values = message, hint, values
        self.message = fill(message, values)
        self.hint = fill(hint, values)
        super().__init__(self.message)

    def render(self, translate: Callable[[str], str] = _same) -> str:
        """The message and hint, each template passed through ``translate`` (e.g. to
        the interface language) and then filled with the values."""
        message = fill(translate(self.template), self.template_values) if self.template else ""
        hint = fill(translate(self.hint_template), self.template_values) if self.hint_template else ""
        return f"{message} {hint}".strip()

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()
