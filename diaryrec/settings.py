"""The participant's settings, declared once with default, title and validation.

Stored as ``settings.json`` in the data folder with a schema version, written
atomically. Secrets are not settings: they live in the keyring (diaryrec.secrets).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from diaryrec.fileio import write_atomic

log = logging.getLogger(__name__)
SETTINGS_SCHEMA_VERSION = 1


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    schema_version: int = SETTINGS_SCHEMA_VERSION
    llm_base_url: Annotated[str, Field(title="LLM provider base URL", pattern=r"^(https?://.*)?$")] = ""
    llm_model: Annotated[str, Field(title="Model", max_length=200)] = ""
    spotify_client_id: Annotated[str, Field(title="Spotify client ID", max_length=200)] = ""
    market: Annotated[str, Field(title="Spotify market", pattern=r"^([A-Z]{2})?$")] = ""
    reminder_time: Annotated[str, Field(title="Daily reminder", pattern=r"^(([01]\d|2[0-3]):[0-5]\d)?$")] = "20:00"
    reminders_enabled: Annotated[bool, Field(title="Show a daily reminder")] = True
    ui_language: Annotated[Literal["", "en", "ko"], Field(title="Interface language")] = ""
    last_screen: Annotated[str, Field(title="Screen shown last", max_length=100)] = ""
    # the study day it was shown on: a new study day opens Home instead (0: not known)
    last_screen_day: Annotated[int, Field(title="Study day of the screen shown last", ge=0, le=10_000)] = 0
    window_geometry: Annotated[str, Field(title="Window geometry (base64)", max_length=10_000)] = ""

    @field_validator("llm_base_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")


def load_settings(path: Path) -> Settings:
    """Settings from ``path``; defaults when it is missing, and (logged) when it is damaged."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    data = _migrate(data)
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        log.warning("settings file %s has invalid values (%s); keeping the valid ones", path, exc.error_count())
        good = {k: v for k, v in data.items() if k in Settings.model_fields and _valid(k, v)}
        return Settings.model_validate(good)


def _valid(key: str, value: Any) -> bool:
    try:
        Settings.model_validate({key: value})
        return True
    except ValidationError:
        return False


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    # Version 1 is the first; later versions add their steps here.
    data["schema_version"] = SETTINGS_SCHEMA_VERSION
    return data


def save_settings(path: Path, settings: Settings) -> None:
    write_atomic(path, settings.model_dump_json(indent=2).encode("utf-8"))
