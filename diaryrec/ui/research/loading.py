"""The researcher window's Qt side of its worker jobs: decoding screenshots into
QImages and wording an error for the window. What the jobs read is Qt-free and
lives in ``diaryrec.research.browse``."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from diaryrec.ui.errors import error_text

log = logging.getLogger(__name__)

IMAGE_WIDTH = 420  # pixels: a readable thumbnail beside the diary text
IMAGE_MAX_HEIGHT = 1200  # a full-conversation screenshot can be 30,000 px tall: show its top


def plain_reason(exc: BaseException) -> str:
    """An error's message without the SQL statement and links SQLAlchemy appends."""
    text = re.sub(r"\s*\[SQL:.*?\]", "", error_text(exc), flags=re.S)
    text = re.sub(r"\s*\(Background on this error at:[^)]*\)", "", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class DecodedImage:
    image: QImage
    clipped: bool  # only the top of a very tall image is shown


def decode_images(paths: list[Path], width: int = IMAGE_WIDTH, max_height: int = IMAGE_MAX_HEIGHT) -> dict[str, DecodedImage]:
    """Each readable image scaled to at most ``width`` wide, keyed by its path;
    unreadable ones are left out (the page says so)."""
    out: dict[str, DecodedImage] = {}
    for path in paths:
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()
        clipped = False
        if size.isValid():
            scaled = size.scaled(width, size.height() * width, Qt.AspectRatioMode.KeepAspectRatio) if size.width() > width else QSize(size)
            reader.setScaledSize(scaled)
            if scaled.height() > max_height:
                reader.setScaledClipRect(QRect(0, 0, scaled.width(), max_height))
                clipped = True
        image = reader.read()
        if image.isNull():
            log.info("image %s could not be decoded: %s", path.name, reader.errorString())
            continue
        out[str(path)] = DecodedImage(image, clipped)
    return out
