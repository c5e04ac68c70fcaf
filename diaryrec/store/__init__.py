"""The local study database (SQLModel over SQLite, migrated with Alembic).

The names below load on first use (PEP 562), so that ``store.sqlite_file`` and
``store.glance`` (standard library only) can be imported for the app's first paint
without SQLAlchemy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = ("DatabaseUnreadableError", "NewerDatabaseError", "Store", "open_store")
__all__ = ["DatabaseUnreadableError", "NewerDatabaseError", "Store", "open_store"]

if TYPE_CHECKING:
    from diaryrec.store.engine import DatabaseUnreadableError, NewerDatabaseError, Store, open_store


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'diaryrec.store' has no attribute {name!r}")
    value = getattr(importlib.import_module("diaryrec.store.engine"), name)
    globals()[name] = value
    return value
