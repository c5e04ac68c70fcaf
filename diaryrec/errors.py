"""Errors a participant or researcher can act on.

Anything raised as a ``UserError`` is shown as its message, never as a traceback:
the CLI prints it on one line and exits non-zero, the app shows it in plain words.
"""

from __future__ import annotations


class UserError(Exception):
    """An error whose message is written for the person using diaryrec."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()
