"""The study protocol: the study file a researcher sends, and the calendar logic
that says which day it is and what is due (pure Python, no Qt)."""

from diaryrec.protocol.loader import (
    LoadedStudy,
    StudyFileError,
    default_study_path,
    load_default_study,
    load_study_file,
    parse_study_text,
)
from diaryrec.protocol.model import Activity, StudyFile, Text, UnknownTracks

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
