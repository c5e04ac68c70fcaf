"""Small building blocks that several screens share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QWidget

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
    has, and that lays a long page out again only where it changed.

    QScrollArea sizes a resizable content from its size hint, which Qt works out for
    the widest layout: at 1024 × 700 word-wrapped labels (a track card's details, a
    long reply) then got less height than their lines and overlapped. And on each
    resize of its content it asks the content's height for the size hint's width too:
    with the real width in between, every word-wrapped label of the page had its text
    laid out again on each change (a box layout keeps one width's answer), so adding a
    card to a conversation cost more with every card before it.

    Here the scroll area holds a plain holder, which Qt asks nothing of, and places the
    content in it: as wide as the viewport (or the content's minimum width), as tall as
    its height for that width (at least the viewport's), worked out when the content's
    layout or the viewport's size changes. A card added then lays out only itself."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(False)
        self._content: QWidget | None = None
        # the viewport's size, from its resize events: viewport() called from Python makes
        # PySide build the type of every QWidget subclass it might be (QDialog, QMessageBox:
        # 2 ms of the first paint)
        self._viewport_size: QSize | None = None
        # a watcher of the content's layout: an eventFilter of this class would be called
        # in Python for every event of the holder too (QScrollArea watches it)
        self._watcher = _LayoutWatcher(self.fit, self)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt's name
        holder = QWidget()
        holder.setObjectName("fittingHolder")
        widget.setParent(holder)
        self._content = widget
        super().setWidget(holder)
        holder.setAutoFillBackground(False)  # QScrollArea fills its widget: the viewport's background shows, as before
        widget.installEventFilter(self._watcher)  # fitted on its first layout, or the viewport's first resize

    def content(self) -> QWidget | None:
        """The widget given to ``setWidget`` (``widget()`` is its holder)."""
        return self._content

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:  # the window, or a scroll bar shown or hidden
            self._viewport_size = event.size()  # type: ignore[attr-defined] - a QResizeEvent
            self.fit()
        return super().viewportEvent(event)

    def fit(self) -> None:
        """Size the content (and its holder) for the viewport's width now."""
        content, holder = self._content, self.widget()
        if content is None or holder is None:
            return
        viewport = self._viewport_size or self.maximumViewportSize()
        least = content.minimumSizeHint().expandedTo(content.minimumSize())
        width = max(viewport.width(), least.width())
        needed = content.heightForWidth(width) if content.hasHeightForWidth() else content.sizeHint().height()
        height = max(needed, viewport.height(), least.height())
        if content.width() != width or content.height() != height:
            content.setGeometry(0, 0, width, height)
        if holder.width() != width or holder.height() != height:
            holder.resize(width, height)


class _LayoutWatcher(QObject):
    """Calls ``changed`` when the watched widget's layout asks to be done again."""

    def __init__(self, changed: Callable[[], None], parent: QObject):
        super().__init__(parent)
        self._changed = changed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LayoutRequest:
            self._changed()
        return False


class _AfterPaint(QObject):
    """``after_next_paint``'s watcher, a child of the watched widget (gone with it)."""

    def __init__(self, widget: QWidget, call: Callable[[], None], give_up_ms: int):
        super().__init__(widget)
        self._widget, self._call = widget, call
        widget.installEventFilter(self)
        QTimer.singleShot(give_up_ms, self, self._go)  # never painted (hidden, minimised): it goes on anyway

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._go)  # once this frame is done
        return False

    def _go(self) -> None:
        call, self._call = self._call, None
        if call is None:
            return
        self._widget.removeEventFilter(self)
        self.deleteLater()
        call()


def after_next_paint(widget: QWidget, call: Callable[[], None], *, give_up_ms: int = 100) -> None:
    """Run ``call`` once ``widget`` has been painted again (or after ``give_up_ms``).
    For work that would compete with that frame: a worker running Python makes each of
    the GUI thread's calls into Python wait for the interpreter lock."""
    _AfterPaint(widget, call, give_up_ms)


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
