"""Where the participant asked diaryrec to keep its data, remembered outside the
data folder (the choice cannot live inside the folder it points to).

A small JSON file in the per-user config folder; ``--data-dir`` and
``DIARYREC_DATA_DIR`` still win over it. Plain Python, used by app start-up and
the settings screen.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import platformdirs

from diaryrec import APP_NAME
from diaryrec.fileio import write_atomic
from diaryrec.paths import DATA_DIR_ENV, resolve_data_dir

log = logging.getLogger(__name__)


def pointer_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True)) / "data-location.json"


def chosen_data_dir() -> Path | None:
    try:
        data = json.loads(pointer_file().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("data location file unreadable (%s); using the default folder", exc)
        return None
    folder = data.get("data_dir") if isinstance(data, dict) else None
    return Path(folder) if isinstance(folder, str) and folder else None


def choose_data_dir(folder: Path | None) -> None:
    """Remember ``folder`` for the next start (None: back to the default)."""
    payload = {"data_dir": str(folder.resolve())} if folder else {}
    write_atomic(pointer_file(), json.dumps(payload, ensure_ascii=False).encode("utf-8"))


def startup_data_dir(cli_value: str | None) -> Path:
    """The data folder for this start: ``--data-dir``, the environment, the
    participant's choice, the OS default."""
    if cli_value or os.environ.get(DATA_DIR_ENV):
        return resolve_data_dir(cli_value)
    chosen = chosen_data_dir()
    return resolve_data_dir(str(chosen) if chosen else None)
