"""Small file helpers shared by everything that writes the participant's files."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO


def shared_file_mode(folder: Path) -> int:
    """The mode of a file meant for the people who may open ``folder`` (a report for
    the researcher's group): the owner reads and writes it; the group, and others,
    read it when the folder lets them in (its x bit for them). A 0755 folder gives
    0644, a 0750 one 0640, a private 0700 one 0600."""
    folder_mode = folder.stat().st_mode
    return 0o600 | (0o040 if folder_mode & 0o010 else 0) | (0o004 if folder_mode & 0o001 else 0)


@contextlib.contextmanager
def atomic_output(path: Path, suffix: str = ".tmp", *, shared: bool = False) -> Iterator[BinaryIO]:
    """A binary handle whose bytes become ``path`` whole or not at all: written to a
    temporary file beside it, fsynced, renamed over; any failure removes the temporary.

    The file is the owner's alone (``mkstemp``'s 0600: the participant's data), unless
    ``shared``: then it gets ``shared_file_mode`` of its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if shared:
            os.chmod(tmp, shared_file_mode(path.parent))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sweep_partials(folders: Iterable[Path], older_than_s: float = 600) -> int:
    """Remove the hidden temporaries that a kill in the middle of ``atomic_output``
    left behind (never a file under a real name). Recent ones may belong to another
    running instance and are kept."""
    cutoff = time.time() - older_than_s
    removed = 0
    for folder in folders:
        for leftover in folder.glob(".*.tmp"):
            try:
                if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
                    removed += 1
            except OSError:
                pass  # gone already, or not ours to remove: harmless either way
    return removed


def write_atomic(path: Path, data: bytes, *, shared: bool = False) -> None:
    """Write a whole file or nothing (``shared``: see ``atomic_output``)."""
    with atomic_output(path, shared=shared) as handle:
        handle.write(data)


_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_file_name(name: str) -> str:
    return _SAFE.sub("_", name).strip("._") or "file"
