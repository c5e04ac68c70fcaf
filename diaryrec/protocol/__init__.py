"""The study protocol: the study file a researcher sends, and the calendar logic
that says which day it is and what is due (pure Python, no Qt).

The names below load on first use (PEP 562): the study file's pydantic models are
not imported by ``import diaryrec.protocol.calendar`` or ``.schedule``, which the
app's first paint needs without pydantic (see protocol.calendar).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "Activity": "diaryrec.protocol.calendar",
    "LoadedStudy": "diaryrec.protocol.loader",
    "StudyFileError": "diaryrec.protocol.loader",
    "default_study_path": "diaryrec.protocol.loader",
    "load_default_study": "diaryrec.protocol.loader",
    "load_study_file": "diaryrec.protocol.loader",
    "parse_study_text": "diaryrec.protocol.loader",
    "StudyFile": "diaryrec.protocol.model",
    "Text": "diaryrec.protocol.model",
    "UnknownTracks": "diaryrec.protocol.model",
}
__all__ = [
    "Activity",
    "LoadedStudy",
    "StudyFile",
    "StudyFileError",
    "Text",
    "UnknownTracks",
    "default_study_path",
    "load_default_study",
    "load_study_file",
    "parse_study_text",
]

if TYPE_CHECKING:
    from diaryrec.protocol.calendar import Activity
    from diaryrec.protocol.loader import (
        LoadedStudy,
        StudyFileError,
        default_study_path,
        load_default_study,
        load_study_file,
        parse_study_text,
    )
    from diaryrec.protocol.model import StudyFile, Text, UnknownTracks


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'diaryrec.protocol' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
