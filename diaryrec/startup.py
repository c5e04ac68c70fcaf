"""Before Qt: what the desktop app's first paint needs, read with the standard
library alone.

Start-up paints before it loads (issue 5: the home screen within twice the time of
a bare Qt window). This module runs first, before PySide6 is imported (PySide6
hooks every import made after it): it finds the data folder and reads the saved
window state and the home screen (``services.home``, through a read-only sqlite3
connection and the cached study calendar). ``ui.app`` then imports Qt, paints the
window from it, and loads the store, the settings and the study in a worker.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from diaryrec.paths import DataLayout
from diaryrec.protocol.calendar import LANGUAGES
from diaryrec.services.home import HomeSummary, start_home, study_joined
from diaryrec.ui.data_location import startup_data_dir


@dataclass(frozen=True)
class FirstPaint:
    """What the main window shows before the store is open."""

    layout: DataLayout
    language: str  # "en" | "ko"; "" = this computer's (decided once Qt is loaded)
    geometry: str  # base64 of QWidget.saveGeometry, or ""
    last_screen: str
    sandbox: bool  # --sandbox, or a sandbox study joined
    home: HomeSummary | None  # None: no study yet, or none readable without the store
    joined: bool | None  # a study joined? None: only the store can tell

    def read_home(self) -> HomeSummary | None:
        """The home screen again (from a worker), until the store is open."""
        return start_home(self.layout, _now(), sandbox=self.sandbox)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def saved_window_state(layout: DataLayout) -> dict[str, str]:
    """The interface language, window geometry and last screen from settings.json,
    read with json alone. The Settings model (pydantic) reads and validates the
    whole file once the store is open; a value it would reject only costs the first
    paint its language or size."""
    try:
        data: Any = json.loads(layout.settings_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    data = data if isinstance(data, dict) else {}
    state = {key: data.get(key) for key in ("ui_language", "window_geometry", "last_screen")}
    state = {key: value if isinstance(value, str) and len(value) <= 10_000 else "" for key, value in state.items()}
    if state["ui_language"] not in LANGUAGES:
        state["ui_language"] = ""
    return state  # type: ignore[return-value]


def first_paint(data_dir: str | None, sandbox: bool) -> FirstPaint:
    layout = DataLayout(startup_data_dir(data_dir))
    home = start_home(layout, _now(), sandbox=sandbox)
    saved = saved_window_state(layout)
    return FirstPaint(
        layout=layout,
        language=saved["ui_language"] or (home.calendar.language if home is not None else ""),
        geometry=saved["window_geometry"],
        last_screen=saved["last_screen"],
        sandbox=sandbox or (home is not None and home.sandbox),
        home=home,
        joined=True if home is not None else study_joined(layout),
    )
