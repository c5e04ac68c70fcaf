"""Cover art: downloaded with a timeout and a size cap, thumbnailed with pillow and
kept in the data folder's ``covers/``. Running it off the GUI thread is the
caller's business; whatever goes wrong (network, a broken or enormous image), the
answer is ``None`` and a card shows no cover, never an error."""

from __future__ import annotations

import hashlib
import io
import logging
import warnings
from pathlib import Path

import requests
from PIL import Image

from diaryrec.fileio import write_atomic

log = logging.getLogger(__name__)

MAX_DOWNLOAD_BYTES = 5 * 1024 * 1024
#: refuse decompression bombs: a small file that would unpack into a huge bitmap
MAX_PIXELS = 25_000_000
THUMBNAIL_PX = 300


def cover_path(covers_dir: Path, url: str) -> Path:
    return covers_dir / f"{hashlib.sha256(url.encode('utf-8')).hexdigest()[:32]}.jpg"


def fetch_cover(
    url: str,
    covers_dir: Path,
    *,
    timeout_s: float = 5.0,
    max_bytes: int = MAX_DOWNLOAD_BYTES,
    size_px: int = THUMBNAIL_PX,
    session: requests.Session | None = None,
) -> Path | None:
    """The path of the thumbnail of ``url`` (downloaded once), or None."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    target = cover_path(covers_dir, url)
    if target.exists():
        return target
    try:
        data = _download(url, timeout_s, max_bytes, session)
        if data is None:
            return None
        thumbnail = _thumbnail(data, size_px)
        if thumbnail is None:
            return None
        write_atomic(target, thumbnail)
        return target
    except Exception as exc:  # noqa: BLE001 - a cover is decoration; nothing here may break a card
        log.info("cover %s not loaded: %s", url, type(exc).__name__)
        return None


def _download(url: str, timeout_s: float, max_bytes: int, session: requests.Session | None) -> bytes | None:
    getter = session or requests
    with getter.get(url, timeout=timeout_s, stream=True) as response:
        if response.status_code != 200:
            return None
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            return None
        chunks: list[bytes] = []
        total = 0
        for chunk in response.iter_content(64 * 1024):
            total += len(chunk)
            if total > max_bytes:
                return None
            chunks.append(chunk)
    return b"".join(chunks)


def _thumbnail(data: bytes, size_px: int) -> bytes | None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                return None
            image.draft("RGB", (size_px, size_px))  # JPEG: decode at a smaller scale
            image.load()
            picture = image.convert("RGB")
    picture.thumbnail((size_px, size_px))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=85)
    return out.getvalue()
