"""The local study database (SQLModel over SQLite, migrated with Alembic)."""

from diaryrec.store.engine import (
    DatabaseUnreadableError,
    NewerDatabaseError,
    Store,
    open_store,
)

__all__ = ["DatabaseUnreadableError", "NewerDatabaseError", "Store", "open_store"]
