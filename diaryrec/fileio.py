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


@contextlib.contextmanager
def atomic_output(path: Path, suffix: str = ".tmp") -> Iterator[BinaryIO]:
    """A binary handle whose bytes become ``path`` whole or not at all: written to a
    temporary file beside it, fsynced, renamed over; any failure removes the temporary."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
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


def write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing."""
    with atomic_output(path) as handle:
        handle.write(data)


_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_file_name(name: str) -> str:
    return _SAFE.sub("_", name).strip("._") or "file"
