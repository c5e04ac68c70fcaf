"""Pictures, small and large: ``decode_image`` (worker side: a scaled QImage from a
file or bytes), ``Thumbnail`` (a focusable preview; double-click, Enter or Space
opens it larger) and ``ImageViewer``, the one dialog that shows a picture larger (a
chat attachment, a diary screenshot); Esc closes it. Decoding always runs on a
TaskRunner worker: ``open_image`` decodes, then shows the dialog."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QKeyEvent, QMouseEvent, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from diaryrec.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
LARGE_PX = 2048  # the longest side the viewer decodes to


def decode_image(source: Path | bytes, max_px: int) -> QImage:
    """Worker side: the picture scaled to fit ``max_px`` (a QImage may cross threads);
    a null image when it cannot be read. Formats Qt lacks (HEIC) go through Pillow."""
    if isinstance(source, Path):
        reader = QImageReader(str(source))
    else:
        buffer = QBuffer()
        buffer.setData(QByteArray(source))
        buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > max_px:
        reader.setScaledSize(size.scaled(QSize(max_px, max_px), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        image = _decode_with_pillow(source, max_px)
    return image


def _decode_with_pillow(source: Path | bytes, max_px: int) -> QImage:
    try:
        from PIL import Image

        from diaryrec.media import images  # noqa: F401 - registers the HEIC opener where installed

        with Image.open(source if isinstance(source, Path) else io.BytesIO(source)) as picture:
            picture = picture.convert("RGB")
            picture.thumbnail((max_px, max_px))
            out = io.BytesIO()
            picture.save(out, format="PNG")
        return QImage.fromData(out.getvalue())
    except Exception as exc:  # noqa: BLE001 - an unreadable picture is shown as its name
        log.info("picture could not be decoded: %s", type(exc).__name__)
        return QImage()


class Thumbnail(QLabel):
    """A small picture that opens larger with a double-click, Enter or Space."""

    opened = Signal()

    def __init__(self, name: str, px: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("thumbnail")
        self.name, self.px = name, px
        self.setFixedSize(px, px)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setText("🖼")
        self.setAccessibleName(self.tr("Picture {name}").format(name=name))
        self.setToolTip(self.tr("{name}: double-click or press Enter to see it larger").format(name=name))

    def set_image(self, image: QImage) -> None:
        if image.isNull():
            self.setText(self.name)
            self.setWordWrap(True)
            return
        scaled = image.scaled(self.px, self.px, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.setPixmap(QPixmap.fromImage(scaled))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.opened.emit()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.opened.emit()
            return
        super().keyPressEvent(event)


class ImageViewer(QDialog):
    """A picture as large as the screen allows (scrolls when larger); Esc closes."""

    def __init__(self, image: QImage, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self.setWindowTitle(title)
        self.image = image
        self.picture = QLabel()
        self.picture.setObjectName("viewerPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName(title)
        if image.isNull():
            self.picture.setText(self.tr("This picture cannot be shown."))
        else:
            self.picture.setPixmap(QPixmap.fromImage(image))
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() * 0.9 if screen is not None else QSize(1000, 700)
        want = image.size() + QSize(40, 80) if not image.isNull() else QSize(360, 160)
        self.resize(min(want.width(), room.width()), min(want.height(), room.height()))


def open_image(parent: QWidget, tasks: TaskRunner, source: Path | bytes, title: str) -> None:
    """Decode ``source`` on a worker, then show it in an ``ImageViewer`` over ``parent``."""

    def show(image: QImage) -> None:
        viewer = ImageViewer(image, title, parent)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()

    tasks.run(decode_image, source, LARGE_PX, owner=parent, topic="image-viewer", on_done=show,
              on_error=lambda exc: log.info("picture could not be opened: %s", exc))
