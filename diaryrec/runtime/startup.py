"""Start-up of the desktop app as one small state machine, without Qt.

Start-up paints before it loads (issue 5: the home screen within twice the time of a
bare Qt window). Three phases, in this order and only forward:

- ``FIRST_PAINT``: ``first_paint`` runs before PySide6 is imported (PySide6 hooks
  every import made after it) and reads, with the standard library alone, the data
  folder, the saved window state and the home screen (``services.home``: a read-only
  sqlite3 connection and the cached study calendar). The window paints that.
- ``STORE_OPEN``: after the first frame a worker opens the store (SQLAlchemy; Alembic
  when a migration is due), the settings (pydantic) and the joined study
  (``open_context``); ``Startup.store_opened`` takes the context in.
- ``SERVICES_UP``: the LLM and Spotify clients, built in another worker once a study
  is joined (at start or when joining); ``Startup.services_up``.

The window subscribes and reacts to each step. What the window shows before and after
the store opened comes from here: one home reader (``read_home``) and one rule for the
interface language (``decide_language``).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from diaryrec.paths import DataLayout
from diaryrec.protocol.calendar import LANGUAGES
from diaryrec.runtime.data_location import startup_data_dir
from diaryrec.services.home import HomeSummary, start_home, study_joined

if TYPE_CHECKING:  # the context pulls in the ORM: not before the first paint
    from diaryrec.runtime.context import AppContext


class Phase(enum.IntEnum):
    FIRST_PAINT = 1
    STORE_OPEN = 2
    SERVICES_UP = 3


def decide_language(saved: str, study: str, system: str) -> str:
    """The interface language: the participant's choice, else the joined study's, else
    this computer's (Korean or English)."""
    return saved or study or system or "en"


class FirstPaint(NamedTuple):
    """What the main window shows before the store is open. (NamedTuples and plain
    classes here, not dataclasses: each dataclass costs the first paint 0.5 ms.)"""

    layout: DataLayout
    saved_language: str  # "en" | "ko" from settings.json, or ""
    geometry: str  # base64 of QWidget.saveGeometry, or ""
    last_screen: str
    last_screen_day: int  # the study day it was left on (0: not known)
    sandbox: bool  # --sandbox, or a sandbox study joined
    home: HomeSummary | None  # None: no study yet, or none readable without the store
    joined: bool | None  # a study joined? None: only the store can tell
    system_language: str = ""  # this computer's; Qt tells it, so the ui fills it in

    @property
    def language(self) -> str:
        return decide_language(self.saved_language, self.home.calendar.language if self.home is not None else "",
                               self.system_language)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def reopened_screen(last_screen: str, last_day: int, today: int) -> str:
    """The screen a start opens: the one left, while it is still the study day it was
    left on (or that day is not known); Home on a new study day, so yesterday's diary or
    settings do not greet the participant."""
    if last_day and today and last_day != today:
        return "home"
    return last_screen or "home"


def saved_window_state(layout: DataLayout) -> dict[str, str]:
    """The interface language, window geometry and last screen (and its study day, as
    digits) from settings.json,
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
    day = data.get("last_screen_day")
    state["last_screen_day"] = str(day) if isinstance(day, int) and not isinstance(day, bool) and 0 <= day <= 10_000 else "0"
    return state


def first_paint(data_dir: str | None, sandbox: bool) -> FirstPaint:
    layout = DataLayout(startup_data_dir(data_dir))
    home = start_home(layout, _now(), sandbox=sandbox)
    saved = saved_window_state(layout)
    return FirstPaint(
        layout=layout,
        saved_language=saved["ui_language"],
        geometry=saved["window_geometry"],
        last_screen=saved["last_screen"],
        last_screen_day=int(saved["last_screen_day"]),
        sandbox=sandbox or (home is not None and home.sandbox),
        home=home,
        joined=True if home is not None else study_joined(layout),
    )


def open_context(data_dir: Path, sandbox: bool, system_language: str = "en") -> AppContext:
    """Step two, in a worker: the store, the settings and the study."""
    from diaryrec.runtime.context import AppContext

    return AppContext.open(data_dir, sandbox=sandbox, system_language=system_language)


Listener = Callable[["Phase"], None]


class Startup:
    """Where start-up is. ``first`` is None when the store was open before the window
    (tests, the smoke start): then it starts at ``STORE_OPEN``."""

    def __init__(self, first: FirstPaint | None = None, context: AppContext | None = None,
                 phase: Phase = Phase.FIRST_PAINT):
        self.first, self.context, self.phase = first, context, phase
        self._listeners: list[Listener] = []

    def __repr__(self) -> str:
        return f"Startup(first={self.first!r}, context={self.context!r}, phase={self.phase!r})"

    @classmethod
    def opened(cls, context: AppContext) -> "Startup":
        startup = cls(context=context, phase=Phase.STORE_OPEN)
        if context.services_up:
            startup.phase = Phase.SERVICES_UP
        return startup

    def subscribe(self, listener: Listener) -> None:
        """``listener(phase)`` on every step from now on (on the thread that makes it)."""
        self._listeners.append(listener)

    def _advance(self, phase: Phase) -> None:
        if phase <= self.phase:
            return
        self.phase = phase
        for listener in list(self._listeners):
            listener(phase)

    def store_opened(self, context: AppContext) -> None:
        self.context = context
        self._advance(Phase.STORE_OPEN)
        if context.services_up:
            self._advance(Phase.SERVICES_UP)

    def services_up(self) -> None:
        if self.phase >= Phase.STORE_OPEN:
            self._advance(Phase.SERVICES_UP)

    @property
    def wants_services(self) -> bool:
        """A study is joined and its services are not up yet."""
        return self.context is not None and self.context.study is not None and not self.context.services_up

    # -- what the window shows, before and after the store opened -------------------------
    @property
    def language(self) -> str:
        if self.context is not None:
            return self.context.language
        return self.first.language if self.first is not None else "en"

    @property
    def sandbox(self) -> bool:
        if self.context is not None:
            return self.context.sandbox
        return self.first is not None and self.first.sandbox

    def read_home(self) -> HomeSummary | None:
        """What the home screen shows now (callable from a worker)."""
        context = self.context
        if context is not None:
            if context.study is None:
                return None
            from diaryrec.services.home import read_home

            return read_home(context.layout, context.now(), calendar=context.study.calendar, sandbox=context.sandbox)
        if self.first is not None:
            return start_home(self.first.layout, _now(), sandbox=self.first.sandbox)
        return None
