"""``make migration m="what changed"``: autogenerate the next Alembic revision from
the models against a database at the current head (developers only)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from diaryrec.paths import DataLayout
from diaryrec.store.engine import alembic_config, head_revision, open_store


def main(message: str) -> None:
    if not message.strip():
        sys.exit('usage: make migration m="what changed"')
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(DataLayout(Path(tmp)))
        config = alembic_config()
        next_id = f"{int(head_revision()) + 1:04d}"
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.revision(config, message=message, autogenerate=True, rev_id=next_id)
        store.close()


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]))
