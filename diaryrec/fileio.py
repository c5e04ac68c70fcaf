"""Small file helpers shared by everything that writes the participant's files."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a temporary file beside it, fsynced, renamed over."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_file_name(name: str) -> str:
    return _SAFE.sub("_", name).strip("._") or "file"
