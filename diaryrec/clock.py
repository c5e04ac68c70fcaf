"""This computer's time zone, as the operating system has it now.

A laptop travels: the zone is read again (at most once a minute; tzlocal caches it
for the process otherwise), so that a study running in the participant's own zone
notices the move (``protocol.lived_days``). Tests inject a zone by patching
``local_zone_name``; "now" is injected through ``runtime.context.AppContext.now``.
"""

from __future__ import annotations

import threading
import time
from zoneinfo import ZoneInfo

REREAD_S = 60.0
_lock = threading.Lock()
_cached: tuple[float, str] | None = None


def _read() -> str:
    try:
        import tzlocal  # here: a few ms, not on every start-up path that never needs it

        name = tzlocal.reload_localzone() and tzlocal.get_localzone_name()
    except Exception:  # noqa: BLE001 - an unreadable OS setting is not fatal
        name = None
    return name if name and _valid_zone(name) else "UTC"


def _valid_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
        return True
    except Exception:  # noqa: BLE001 - any failure means "not usable"
        return False


def local_zone_name() -> str:
    """The IANA name of this computer's time zone (tzlocal reads it on Windows, macOS
    and Linux alike), or "UTC" when it cannot be told."""
    global _cached
    with _lock:
        if _cached is None or time.monotonic() - _cached[0] > REREAD_S:
            _cached = (time.monotonic(), _read())
        return _cached[1]
