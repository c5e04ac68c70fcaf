"""Photos a participant attaches, made safe to store and to send.

Before anything is stored or sent: the file is opened only if it is one of the
allowed formats; decompression bombs are refused before their pixels are decoded;
EXIF orientation is applied; every piece of metadata (EXIF with GPS, XMP, IPTC, ICC,
text chunks) is dropped by building a new image from the pixels; the image is
downscaled to ``MAX_SIDE`` on its long side and re-encoded (JPEG, or PNG when it has
transparency). HEIC/HEIF from phones opens through pillow-heif.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageOps, UnidentifiedImageError

from diaryrec.errors import QT_TRANSLATE_NOOP, UserError
from diaryrec.fileio import write_atomic
from diaryrec.paths import DataLayout

log = logging.getLogger(__name__)

MAX_SIDE = 1568  # what vision models look at anyway; larger only costs tokens
MAX_FILE_BYTES = 40_000_000
MAX_PIXELS = 60_000_000  # a 60-megapixel photo is the most a phone makes; beyond is a bomb
JPEG_QUALITY = 85

try:  # pillow-heif has wheels for Windows, macOS and Linux; still, never fail import for it
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIF_AVAILABLE = True
except Exception:  # noqa: BLE001 - without it HEIC gets a clear "convert to JPEG" message
    HEIF_AVAILABLE = False

# JPEG also opens multi-picture (MPO) files; HEIF only when pillow-heif registered it
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "BMP"} | ({"HEIF"} if HEIF_AVAILABLE else set())


class ImageRejectedError(UserError):
    """An attachment diaryrec will not use; the message says what to do instead."""


@dataclass(frozen=True)
class PreparedImage:
    data: bytes
    mime: str  # image/jpeg or image/png
    width: int
    height: int
    sha256: str

    @property
    def size_bytes(self) -> int:
        return len(self.data)

    @property
    def extension(self) -> str:
        return ".png" if self.mime == "image/png" else ".jpg"

    @property
    def file_name(self) -> str:
        return f"{self.sha256}{self.extension}"

    @property
    def data_url(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"


def _looks_like_heif(head: bytes) -> bool:
    return head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")


def _open(data: bytes | BinaryIO, name: str) -> Image.Image:
    if isinstance(data, bytes):
        head, source = data[:16], io.BytesIO(data)
    else:
        head, source = data.read(16), data
        source.seek(0)
    if not HEIF_AVAILABLE and _looks_like_heif(head):
        raise ImageRejectedError(
            QT_TRANSLATE_NOOP("UserError", "{name}: HEIC photos cannot be opened on this computer."),
            hint=QT_TRANSLATE_NOOP("UserError", "Convert it to JPEG (on a phone: share or export it as JPEG) and attach it again."),
            name=name,
        )
    try:
        image = Image.open(source, formats=sorted(ALLOWED_FORMATS))
    except UnidentifiedImageError:
        raise ImageRejectedError(
            QT_TRANSLATE_NOOP("UserError", "{name} is not a picture diaryrec can use."),
            hint=QT_TRANSLATE_NOOP("UserError", "Attach a JPEG, PNG, WebP, GIF or HEIC photo."),
            name=name,
        ) from None
    except Image.DecompressionBombError:
        raise _bomb(name) from None
    if image.width * image.height > MAX_PIXELS or image.width <= 0 or image.height <= 0:
        raise _bomb(name)
    return image


def _bomb(name: str) -> ImageRejectedError:
    return ImageRejectedError(
        QT_TRANSLATE_NOOP("UserError", "{name} is too large in pixels to open safely (more than {limit} megapixels)."),
        hint=QT_TRANSLATE_NOOP("UserError", "Attach a smaller version of the picture (for example a screenshot of it)."),
        name=name,
        limit=MAX_PIXELS // 1_000_000,
    )


def _too_big(name: str) -> ImageRejectedError:
    return ImageRejectedError(
        QT_TRANSLATE_NOOP("UserError", "{name} is larger than {limit} MB."),
        hint=QT_TRANSLATE_NOOP("UserError", "Attach a smaller version of the picture."),
        name=name,
        limit=MAX_FILE_BYTES // 1_000_000,
    )


def _to_rgb_or_rgba(image: Image.Image) -> Image.Image:
    """8-bit RGB, or RGBA when the picture really is transparent."""
    mode = image.mode
    if mode.startswith("I"):
        # 16/32-bit grey: scale to 8 bits by the range in use instead of clipping to white
        top = image.getextrema()[1] or 1
        if mode.startswith("I;16"):
            full = 65535
        else:  # 32-bit: the file format does not say how many bits are used
            full = 255 if top <= 255 else 65535 if top <= 65535 else 2**31 - 1
        image = image.point(lambda v: v * (255 / full)).convert("L")
        mode = "L"
    if mode == "F":
        image = image.convert("L")
        mode = "L"
    if mode == "CMYK":
        return image.convert("RGB")
    if mode == "P" or mode == "PA":
        image = image.convert("RGBA")
    elif mode in ("LA", "La", "RGBa"):
        image = image.convert("RGBA")
    elif mode not in ("RGB", "RGBA"):
        image = image.convert("RGB")
    if image.mode == "RGBA":
        alpha_min = image.getchannel("A").getextrema()[0]
        if alpha_min == 255:
            return image.convert("RGB")
    return image


def prepare_image_bytes(data: bytes, name: str = "image") -> PreparedImage:
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(name)
    image = _open(data, name)
    try:
        if getattr(image, "is_animated", False):
            image.seek(0)  # an animated GIF or WebP: its first frame stands for it
        if image.format == "JPEG":
            image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # decode at a reduced scale: much faster for big photos
        try:
            image.load()
            oriented = ImageOps.exif_transpose(image) or image
        except (OSError, SyntaxError, ValueError) as exc:
            raise ImageRejectedError(
                QT_TRANSLATE_NOOP("UserError", "{name} is damaged and cannot be read ({detail})."), name=name, detail=str(exc)
            ) from None
        except Image.DecompressionBombError:
            raise _bomb(name) from None
        pixels = _to_rgb_or_rgba(oriented)
        if max(pixels.size) > MAX_SIDE:
            pixels.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        # A fresh image holds pixels only: no EXIF (GPS), XMP, IPTC, ICC or text chunks survive.
        clean = Image.new(pixels.mode, pixels.size)
        clean.paste(pixels)
    finally:
        image.close()
    out = io.BytesIO()
    if clean.mode == "RGBA":
        clean.save(out, format="PNG", optimize=True)
        mime = "image/png"
    else:
        clean.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
        mime = "image/jpeg"
    encoded = out.getvalue()
    return PreparedImage(encoded, mime, clean.width, clean.height, hashlib.sha256(encoded).hexdigest())


def check_picture(source: BinaryIO, name: str) -> None:
    """The same gate without keeping anything: ``source`` (seekable, read as a stream)
    is an allowed picture whose pixel count is bounded and whose structure reads.
    Its pixels are not decoded, so a picture costs little memory whatever its size.
    Raises ``ImageRejectedError``. For pictures that come from elsewhere (bundles)."""
    image = _open(source, name)
    try:
        image.verify()
    except Image.DecompressionBombError:
        raise _bomb(name) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageRejectedError(
            QT_TRANSLATE_NOOP("UserError", "{name} is damaged and cannot be read ({detail})."), name=name, detail=str(exc)
        ) from None
    finally:
        image.close()


def prepare_image(path: Path) -> PreparedImage:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_big(path.name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImageRejectedError(QT_TRANSLATE_NOOP("UserError", "{path} no longer exists."), path=path) from None
    except OSError as exc:
        raise ImageRejectedError(
            QT_TRANSLATE_NOOP("UserError", "{name} cannot be read ({detail})."), name=path.name, detail=exc.strerror
        ) from None
    return prepare_image_bytes(data, path.name)


def store_image(layout: DataLayout, image: PreparedImage) -> Path:
    """Write the prepared image under ``images/`` named by its sha256 (the same
    picture attached twice is stored once)."""
    target = layout.images / image.file_name
    if not target.exists():
        write_atomic(target, image.data)
    return target


def load_data_url(layout: DataLayout, file_name: str, mime: str) -> str:
    data = (layout.images / file_name).read_bytes()
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
