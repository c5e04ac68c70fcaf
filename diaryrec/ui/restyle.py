"""Styling a widget again after a dynamic property its style sheet selects on changed
(a track card's verdict badge, an answered error box).

Imported with the screens, in the start-up worker: PySide builds the type of the style
``widget.style()`` returns, with QStyle's thirteen enums (600 values, 5-8 ms), when it
is first touched; without the import here that was the first track card of a session,
on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCommonStyle, QWidget

assert QCommonStyle  # built at import (see above)


def restyle(widget: QWidget) -> None:
    """Apply the style sheet to ``widget`` again; one not yet polished takes its
    properties when it is, so it is left alone."""
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
