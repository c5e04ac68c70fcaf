"""Value controls (combo boxes, spin boxes, time fields) that leave the mouse wheel
to the page unless they have the keyboard focus. Every screen builds its value
controls from here; a test walks the screens for any other kind."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox, QComboBox, QSpinBox, QTimeEdit, QWidget


class WheelNeedsFocus:
    """The mouse wheel scrolls the page, not the value under the pointer: a wheel over
    a spin box, combo box or time field that does not have the keyboard focus goes to
    the scroll area around it (the walk found "Number of tracks" turned from 5 to 1
    while scrolling the composer). Click or tab into the control and the wheel changes
    it. Mixed into each value control the screens use (``ComboBox``, ``SpinBox``,
    ``TimeEdit``); a test checks that no screen has another kind. (It was one
    application-wide event filter: called in Python for every event of every widget,
    a quarter of the GUI thread's time while a turn's cards came in.)"""

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
            return
        area = _scroll_area_around(self)  # type: ignore[arg-type]
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)  # the area scrolls (or, at its end, lets it go)
        event.accept()  # never the control's value


class ComboBox(WheelNeedsFocus, QComboBox):
    pass


class SpinBox(WheelNeedsFocus, QSpinBox):
    pass


class TimeEdit(WheelNeedsFocus, QTimeEdit):
    pass


#: the kinds of control whose value a mouse wheel turns (WheelNeedsFocus)
VALUE_CONTROLS = (QAbstractSpinBox, QComboBox, QAbstractSlider)


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QComboBox):
            return parent
        parent = parent.parentWidget()
    return None
