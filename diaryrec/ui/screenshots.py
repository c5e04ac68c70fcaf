"""Rendering a whole scrollable view to one image: the diary's screenshot of the
day's conversation shows all of it, not only the part that fits on screen.

Must run on the GUI thread (it paints widgets); the PNG encoding of the result can
run in a worker (a QImage may cross threads, a QPixmap may not).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget

MAX_HEIGHT = 30_000  # pixels; a longer conversation is cut here (image viewers choke beyond)


def render_full(widget: QWidget) -> QImage:
    """The complete content of ``widget``: a QScrollArea's inner widget at its full
    size, any other scroll area stitched from viewport-sized slices, and a plain
    widget as it is."""
    if isinstance(widget, QScrollArea) and widget.widget() is not None:
        inner = widget.widget()
        inner.ensurePolished()
        return _grab(inner)
    if isinstance(widget, QAbstractScrollArea):
        return _stitch(widget)
    return _grab(widget)


def _grab(widget: QWidget) -> QImage:
    height = min(widget.height(), MAX_HEIGHT)
    image = QImage(widget.width(), height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    widget.render(painter, QPoint(0, 0))
    painter.end()
    return image


def _stitch(area: QAbstractScrollArea) -> QImage:
    viewport = area.viewport()
    bar = area.verticalScrollBar()
    page = viewport.height()
    total = min(bar.maximum() - bar.minimum() + page, MAX_HEIGHT)
    image = QImage(viewport.width(), total, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    keep = bar.value()
    painter = QPainter(image)
    try:
        offset = 0
        while offset < total:
            bar.setValue(bar.minimum() + offset)
            QApplication.processEvents()  # let item views lay out the newly exposed rows
            shown = bar.value() - bar.minimum()  # the last slice stops at the bar's maximum
            rows = min(page, total - shown)
            viewport.render(painter, QPoint(0, shown), sourceRegion=QRegion(QRect(0, 0, viewport.width(), rows)))
            if shown + rows >= total:
                break
            offset = shown + rows
    finally:
        painter.end()
        bar.setValue(keep)
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
