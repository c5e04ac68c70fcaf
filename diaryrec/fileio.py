"""Small file helpers shared by everything that writes the participant's files."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
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


def write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing."""
    with atomic_output(path) as handle:
        handle.write(data)


_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_file_name(name: str) -> str:
    return _SAFE.sub("_", name).strip("._") or "file"
