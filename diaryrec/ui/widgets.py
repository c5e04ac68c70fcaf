"""Small building blocks that several screens share."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from diaryrec.paths import resources_dir


def page_scroll(content: QWidget) -> QScrollArea:
    """A frameless scroll area holding a whole page, so a 13-inch screen or a large
    font never cuts a screen off (styled as ``pageScroll`` in style.qss)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    scroll.setObjectName("pageScroll")
    return scroll


def app_icon() -> QIcon:
    """The shipped icon (resources/icons), or a plain drawn note where it is missing."""
    folder = resources_dir() / "icons"
    sizes = sorted(folder.glob("diaryrec-*.png")) if folder.is_dir() else []
    if sizes:
        icon = QIcon()
        for path in sizes:
            icon.addFile(str(path))  # loaded by Qt when a size is first drawn
        return icon
    pixmap = QPixmap(64, 64)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#0969da"))
    painter.setPen(QColor("#0969da"))
    painter.drawEllipse(4, 4, 56, 56)
    painter.setBrush(QColor("white"))
    painter.setPen(QColor("white"))
    painter.drawEllipse(18, 36, 14, 12)
    painter.drawRect(28, 16, 4, 26)
    painter.drawRect(28, 16, 16, 5)
    painter.end()
    return QIcon(pixmap)
