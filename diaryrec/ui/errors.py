"""What the participant reads when something failed: ``error_text(exc)`` is any
exception as text in the interface language. Every screen shows errors through it.

- a ``UserError`` (diaryrec/errors.py) is translated from its templates with the Qt
  catalogue (context "UserError", ``resources/translations/diaryrec_ko.ts``), then
  filled with its values;
- anything else is its English text, or its type's name when it has none.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from diaryrec.errors import CONTEXT, UserError

log = logging.getLogger(__name__)


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def error_text(exc: BaseException) -> str:
    """``exc`` in plain words, in the interface language."""
    if isinstance(exc, UserError):
        try:
            return exc.render(_translate)
        except (KeyError, IndexError, ValueError):  # a translation whose {fields} do not match its source
            log.warning("the translation of a %s does not fit its values; shown in English", type(exc).__name__)
            return str(exc)
    return str(exc) or type(exc).__name__
