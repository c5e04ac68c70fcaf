"""Where diaryrec keeps the participant's data and where it finds what it ships.

Data: the per-user data folder from platformdirs, overridden by ``--data-dir`` or
the ``DIARYREC_DATA_DIR`` environment variable (the command line wins).

Shipped files (``resources/`` and ``templates/``) are found in the three places the
app runs from: a frozen PyInstaller app (``sys._MEIPASS``), an installed wheel
(inside the package, see ``force-include`` in pyproject.toml) and the source tree
(beside the package).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from diaryrec import APP_NAME
from diaryrec.fileio import make_folder

DATA_DIR_ENV = "DIARYREC_DATA_DIR"
_PACKAGE_DIR = Path(__file__).resolve().parent


def default_data_dir() -> Path:
    """The OS's per-user data folder (never used by the tests)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The data folder in effect: ``--data-dir``, then the environment, then the OS default."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def _shipped_roots() -> list[Path]:
    roots: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen))
    roots.append(_PACKAGE_DIR)  # installed wheel
    roots.append(_PACKAGE_DIR.parent)  # source tree / editable install
    return roots


def _shipped_dir(name: str) -> Path:
    for root in _shipped_roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    searched = ", ".join(str(r / name) for r in _shipped_roots())
    raise FileNotFoundError(f"diaryrec cannot find its {name} folder (looked in {searched})")


def resources_dir() -> Path:
    return _shipped_dir("resources")


def templates_dir() -> Path:
    return _shipped_dir("templates")


class DataLayout:
    """The files and folders inside one data folder, named in one place."""

    def __init__(self, root: Path):
        self.root = Path(root)

    @property
    def database(self) -> Path:
        return self.root / "diaryrec.sqlite"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def screenshots(self) -> Path:
        return self.root / "screenshots"

    @property
    def images(self) -> Path:
        return self.root / "images"

    @property
    def covers(self) -> Path:
        return self.root / "covers"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def calendar_cache(self) -> Path:
        """The joined study's calendar as JSON, for the home screen at start-up
        (services.home); derived from the database, safe to delete."""
        return self.root / "calendar.json"

    def ensure(self) -> "DataLayout":
        """Create the folders; a data folder that is a file, or that cannot be created
        or written, is a ``fileio.PathError`` that names it."""
        for folder in (self.root, self.backups, self.screenshots, self.images, self.covers, self.logs):
            make_folder(folder)
        return self
