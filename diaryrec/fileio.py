"""Small file helpers shared by everything that writes the participant's files.

A file or folder that cannot be written is raised as a ``PathError``: a UserError
(the CLI prints it on one line, the app shows it in the interface language) that is
still an ``OSError`` with its errno and the path as ``filename``, so code that catches
OSError (``store.engine.storage_errors``, which says "the disk is full" in its own
words for the data folder; a cache that shrugs off a failed write) works as before.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from diaryrec.errors import QT_TRANSLATE_NOOP, UserError

_NO_PERMISSION = {errno.EACCES, errno.EPERM, errno.EROFS}
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


class PathError(UserError, OSError):
    """A file or folder that cannot be written or created, said in words."""

    def __init__(self, message: str, *, hint: str = "", code: int | None, path: Path, **values: object):
        super().__init__(message, hint=hint, path=path, **values)
        self.errno = code
        self.strerror = self.message
        self.filename = str(path)


def _file_in_the_way(folder: Path) -> Path | None:
    """The nearest of ``folder`` and its parents that exists, when it is not a folder."""
    for candidate in (folder, *folder.parents):
        try:
            if candidate.exists():
                return None if candidate.is_dir() else candidate
        except OSError:
            return None
    return None


def path_error(exc: OSError, path: Path, *, folder: bool = False) -> PathError:
    """``exc``, raised while writing the file ``path`` (or creating the folder ``path``
    when ``folder``), in words that say what is wrong with the path."""
    if isinstance(exc, PathError):
        return exc
    path, code = Path(path), exc.errno
    if not folder and path.is_dir():
        return PathError(
            QT_TRANSLATE_NOOP("UserError", "{path} is a folder; the name of a file is needed here."),
            hint=QT_TRANSLATE_NOOP("UserError", "Give a file name, for example one inside that folder."),
            code=errno.EISDIR, path=path,
        )
    blocker = _file_in_the_way(path if folder else path.parent)
    if blocker is not None and blocker == path:
        return PathError(
            QT_TRANSLATE_NOOP("UserError", "{path} is a file; the name of a folder is needed here."),
            hint=QT_TRANSLATE_NOOP("UserError", "Give a folder (it is created if missing), or move that file away."),
            code=errno.ENOTDIR, path=path,
        )
    if blocker is not None:
        return PathError(
            QT_TRANSLATE_NOOP("UserError", "{path} cannot be written: {blocker} is a file, not a folder."),
            hint=QT_TRANSLATE_NOOP("UserError", "Choose another place, or move that file away."),
            code=errno.ENOTDIR, path=path, blocker=blocker,
        )
    if code == errno.ENOENT and folder:
        return PathError(
            QT_TRANSLATE_NOOP("UserError", "The folder {path} cannot be created there."),
            hint=QT_TRANSLATE_NOOP("UserError", "Choose another place."),
            code=code, path=path,
        )
    missing = path.parent
    if code == errno.ENOENT and not missing.exists():
        return PathError(
            QT_TRANSLATE_NOOP("UserError", "{path} cannot be written: the folder {folder} cannot be created there."),
            hint=QT_TRANSLATE_NOOP("UserError", "Choose another place."),
            code=code, path=path, folder=missing,
        )
    if code in _NO_PERMISSION:
        return PathError(
            QT_TRANSLATE_NOOP("UserError", "{path} cannot be written: you have no permission there, or the disk is read-only."),
            hint=QT_TRANSLATE_NOOP("UserError", "Choose another place."),
            code=code, path=path,
        )
    if code in _FULL:
        return PathError(
            QT_TRANSLATE_NOOP("UserError", "{path} cannot be written: the disk is full."),
            hint=QT_TRANSLATE_NOOP("UserError", "Free some space on it, or choose another disk."),
            code=code, path=path,
        )
    return PathError(
        QT_TRANSLATE_NOOP("UserError", "{path} cannot be written ({detail})."),
        hint=QT_TRANSLATE_NOOP("UserError", "Choose another place."),
        code=code, path=path, detail=exc.strerror or type(exc).__name__,
    )


def make_folder(folder: Path) -> Path:
    """``folder`` and its parents, created if missing; a ``PathError`` when they cannot be."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise path_error(exc, folder, folder=True) from exc
    return folder


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
    ``shared``: then it gets ``shared_file_mode`` of its folder.

    Failing to create, write or rename the file itself raises a ``PathError`` (checked
    before anything is written where it can be: ``path`` being a folder); what the
    caller's own code raises passes unchanged."""
    path = Path(path)
    if path.is_dir():
        raise path_error(IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path)), path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    except OSError as exc:
        raise path_error(exc, path) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            try:
                handle.flush()
                os.fsync(handle.fileno())
            except OSError as exc:
                raise path_error(exc, path) from exc
        try:
            if shared:
                os.chmod(tmp, shared_file_mode(path.parent))
            os.replace(tmp, path)
        except OSError as exc:
            raise path_error(exc, path) from exc
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
        try:
            handle.write(data)
        except OSError as exc:
            raise path_error(exc, path) from exc


_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_file_name(name: str) -> str:
    return _SAFE.sub("_", name).strip("._") or "file"
