"""Small building blocks that several screens share."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def page_scroll(content: QWidget) -> QScrollArea:
    """A frameless scroll area holding a whole page, so a 13-inch screen or a large
    font never cuts a screen off (styled as ``pageScroll`` in style.qss)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    scroll.setObjectName("pageScroll")
    return scroll
