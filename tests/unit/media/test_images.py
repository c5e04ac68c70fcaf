from __future__ import annotations

import base64
import io

import pytest
from PIL import Image, PngImagePlugin

from diaryrec.media.images import (
    MAX_SIDE,
    ImageRejectedError,
    load_data_url,
    prepare_image,
    prepare_image_bytes,
    store_image,
)


def jpeg_with_gps_and_rotation(size=(400, 200)) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))  # left half blue: shows where rotation took it
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (37.0, 33.0, 59.0), "E", (126.0, 58.0, 40.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=95)
    return out.getvalue()


def reopen(prepared):
    return Image.open(io.BytesIO(prepared.data))


def test_orientation_applied_and_every_piece_of_metadata_dropped():
    data = jpeg_with_gps_and_rotation()
    assert b"PhoneMaker" in data
    prepared = prepare_image_bytes(data, "photo.jpg")
    assert (prepared.width, prepared.height, prepared.mime) == (200, 400, "image/jpeg")
    image = reopen(prepared)
    assert image.size == (200, 400)
    top = image.getpixel((100, 20))
    assert top[2] > top[0]  # the blue left half is now on top
    assert not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info
    assert b"PhoneMaker" not in prepared.data and b"Exif" not in prepared.data


def test_large_photos_are_downscaled_and_named_by_content(layout):
    big = io.BytesIO()
    Image.new("RGB", (4000, 3000), (10, 120, 10)).save(big, "JPEG")
    prepared = prepare_image_bytes(big.getvalue())
    assert max(prepared.width, prepared.height) == MAX_SIDE
    path = store_image(layout, prepared)
    assert path.parent == layout.images and path.name == f"{prepared.sha256}.jpg"
    assert path.read_bytes() == prepared.data
    url = load_data_url(layout, path.name, prepared.mime)
    assert url == prepared.data_url and url.startswith("data:image/jpeg;base64,")
    assert base64.b64decode(url.split(",", 1)[1]) == prepared.data


def test_transparency_stays_png_without_text_chunks():
    image = Image.new("RGBA", (50, 50), (255, 0, 0, 0))
    image.putpixel((1, 1), (0, 255, 0, 255))
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "secret location")
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info)
    prepared = prepare_image_bytes(out.getvalue())
    assert prepared.mime == "image/png" and prepared.file_name.endswith(".png")
    again = reopen(prepared)
    assert again.mode == "RGBA" and again.getpixel((1, 1)) == (0, 255, 0, 255)
    assert b"secret location" not in prepared.data and not getattr(again, "text", {})


def test_opaque_rgba_becomes_jpeg():
    out = io.BytesIO()
    Image.new("RGBA", (20, 20), (1, 2, 3, 255)).save(out, "PNG")
    assert prepare_image_bytes(out.getvalue()).mime == "image/jpeg"


def test_cmyk_sixteen_bit_and_palette_images_are_converted():
    cmyk = io.BytesIO()
    Image.new("CMYK", (30, 30), (0, 255, 255, 0)).save(cmyk, "JPEG")
    red = reopen(prepare_image_bytes(cmyk.getvalue()))
    assert red.mode == "RGB" and red.getpixel((5, 5))[0] > 200
    grey16 = io.BytesIO()
    Image.new("I;16", (30, 30), 32768).save(grey16, "PNG")
    mid = reopen(prepare_image_bytes(grey16.getvalue()))
    assert 100 < mid.convert("L").getpixel((5, 5)) < 160  # scaled, not clipped to white
    palette = io.BytesIO()
    Image.new("P", (30, 30), 3).save(palette, "GIF")
    assert reopen(prepare_image_bytes(palette.getvalue())).mode == "RGB"


def test_animated_gif_keeps_its_first_frame():
    frames = [Image.new("RGB", (40, 40), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    first = reopen(prepare_image_bytes(out.getvalue()))
    assert first.getpixel((10, 10))[0] > 200 and getattr(first, "n_frames", 1) == 1


def test_heic_from_phones_is_accepted():
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (20, 200, 20)).save(out, "HEIF")
    assert out.getvalue()[4:12] == b"ftypheic"
    prepared = prepare_image_bytes(out.getvalue(), "IMG_0001.HEIC")
    assert (prepared.mime, prepared.width, prepared.height) == ("image/jpeg", 64, 48)


def test_decompression_bombs_are_refused_before_decoding():
    out = io.BytesIO()
    Image.new("1", (10_000, 8_000)).save(out, "PNG")  # tiny file, 80 megapixels
    assert len(out.getvalue()) < 200_000
    with pytest.raises(ImageRejectedError, match="too large in pixels") as err:
        prepare_image_bytes(out.getvalue(), "bomb.png")
    assert "smaller" in err.value.hint


@pytest.mark.parametrize("fmt", ["TIFF", "ICO"])
def test_formats_outside_the_allow_list_are_refused(fmt):
    out = io.BytesIO()
    Image.new("RGB", (16, 16)).save(out, fmt)
    with pytest.raises(ImageRejectedError, match="not a picture"):
        prepare_image_bytes(out.getvalue(), f"x.{fmt.lower()}")


def test_not_an_image_and_missing_files(tmp_path):
    with pytest.raises(ImageRejectedError, match="not a picture"):
        prepare_image_bytes(b"%PDF-1.7 definitely not a photo", "doc.pdf")
    with pytest.raises(ImageRejectedError, match="no longer exists"):
        prepare_image(tmp_path / "gone.jpg")
    path = tmp_path / "사진.jpg"
    path.write_bytes(jpeg_with_gps_and_rotation())
    assert prepare_image(path).height == 400


def test_thirty_two_bit_grey_is_scaled_by_its_range():
    from diaryrec.media.images import _to_rgb_or_rgba

    small = _to_rgb_or_rgba(Image.new("I", (10, 10), 200))
    wide = _to_rgb_or_rgba(Image.new("I", (10, 10), 30000))
    assert small.mode == "RGB" and 195 <= small.getpixel((2, 2))[0] <= 205
    assert 110 <= wide.getpixel((2, 2))[0] <= 120
