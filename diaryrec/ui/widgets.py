"""Small building blocks that several screens share."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScrollBar,
    QSizePolicy,
    QWidget,
)

from diaryrec.paths import resources_dir


#: the widest a page's content grows (px): on a 1920-pixel screen a track card or the
#: timeline stays readable, its stars near their titles, the rest is margin
READABLE_WIDTH = 1180
#: the same for a day's activity, whose sheet sits beside its prompt preview
ACTIVITY_WIDTH = 1360


class ReadableColumn(QWidget):
    """Holds ``content`` centred, at most ``max_width`` wide: the side margins take the
    rest of a wide window. Below that width it adds nothing (no minimum of its own)."""

    def __init__(self, content: QWidget, max_width: int = READABLE_WIDTH, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pageHolder")  # the page background (style.qss)
        self.content, self.max_width = content, max_width
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(content)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        side = max(0, (event.size().width() - self.max_width) // 2)
        self.layout().setContentsMargins(side, 0, side, 0)
        super().resizeEvent(event)


class FittingScroll(QScrollArea):
    """A scroll area whose content is always as tall as its text needs at the width it
    has. QScrollArea sizes its content from the content's size hint, which Qt works
    out for the widest layout: at 1024 × 700 word-wrapped labels (a track card's
    details, a long reply) then get less height than their lines and overlap. Here the
    content's minimum height follows its height for its width, whenever its layout or
    its width changes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt's name
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget() and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        content = self.widget()
        if content is None or not content.hasHeightForWidth():
            return
        needed = content.heightForWidth(content.width())
        if needed > 0 and content.minimumHeight() != needed:
            content.setMinimumHeight(needed)


def page_scroll(content: QWidget, max_width: int = READABLE_WIDTH) -> QScrollArea:
    """A frameless scroll area holding a whole page, so a 13-inch screen or a large
    font never cuts a screen off (styled as ``pageScroll`` in style.qss). It scrolls
    up and down only: pages wrap to the window's width (down to 1024 × 700), and on a
    wide screen their content keeps a readable width (``ReadableColumn``)."""
    scroll = FittingScroll()
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(ReadableColumn(content, max_width))
    scroll.setObjectName("pageScroll")
    return scroll


class HeadingLabel(QLabel):
    """A heading that keeps one line: too long for the window, it ends in "…" and
    shows the whole text as its tooltip, instead of wrapping to two lines and pushing
    the page down. ``text()`` is the whole text."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def text(self) -> str:  # noqa: D102 - the whole text, not the elided one on screen
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full = text
        self.setAccessibleName(text)
        self._elide()

    def shown_text(self) -> str:
        return super().text()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(40, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        from PySide6.QtCore import Qt  # here: the Qt namespace costs the first paint (README), which has no heading of this kind

        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width) if width > 40 else self._full
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


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


class WheelGuard(QObject):
    """The mouse wheel scrolls the page, not the value under the pointer: a wheel over
    a spin box, combo box or slider that does not have the keyboard focus goes to the
    scroll area around it (the walk found "Number of tracks" turned from 5 to 1 while
    scrolling the composer). Click or tab into the control and the wheel changes it.
    One application-wide event filter (``install_wheel_guard``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        control = _value_control(watched)
        if control is None or control.hasFocus():
            return False
        area = _scroll_area_around(control)
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)  # the area scrolls (or, at its end, lets it go)
        return True  # never the control's value


def _value_control(widget: QWidget) -> QWidget | None:
    """``widget`` or the spin box / combo box / slider it is part of (a spin box's line edit, say)."""
    for candidate in (widget, widget.parentWidget()):
        if isinstance(candidate, (QAbstractSpinBox, QComboBox)):
            return candidate
        if isinstance(candidate, QAbstractSlider) and not isinstance(candidate, QScrollBar):
            return candidate
    return None


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QComboBox):
            return parent
        parent = parent.parentWidget()
    return None


def install_wheel_guard(app: QApplication) -> None:
    """Install the ``WheelGuard`` once per application (after the first paint: an
    application-wide filter sees every event)."""
    if app.property("diaryrecWheelGuard"):
        return
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    app.setProperty("diaryrecWheelGuard", True)
