import io
import time

import pytest
from PIL import Image

import diaryrec.catalog.covers as covers
from diaryrec.catalog.covers import cover_path, fetch_cover
from diaryrec.sandbox.http import LoopbackServer, Request, Response


def jpeg(width, height):
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 60)).save(out, "JPEG")
    return out.getvalue()


class ImageServer(LoopbackServer):
    def handle(self, request: Request) -> Response:
        if request.path == "/good.jpg":
            return Response(body=jpeg(800, 600), headers={"Content-Type": "image/jpeg"})
        if request.path == "/broken.jpg":
            return Response(body=b"\xff\xd8\xff\xe0 not really a jpeg" * 10)
        if request.path == "/big.jpg":
            return Response(body=b"\0" * 50_000)
        if request.path == "/endless.jpg":  # no Content-Length: the cap must count the bytes
            return Response(body=(b"\0" * 8192 for _ in range(20)), stream=True)
        if request.path == "/slow.jpg":
            time.sleep(1.0)
            return Response(body=jpeg(10, 10))
        return Response(status=404)


@pytest.fixture
def server():
    with ImageServer() as running:
        yield running


def test_a_cover_is_thumbnailed_into_the_covers_folder_once(server, layout):
    url = server.base_url + "/good.jpg"
    path = fetch_cover(url, layout.covers, size_px=300)
    assert path == cover_path(layout.covers, url) and path.parent == layout.covers
    with Image.open(path) as image:
        assert image.format == "JPEG" and max(image.size) == 300
    assert fetch_cover(url, layout.covers) == path
    assert sum(1 for r in server.requests if r.path == "/good.jpg") == 1  # cached on disk


@pytest.mark.parametrize("name", ["broken.jpg", "big.jpg", "endless.jpg", "missing.jpg"])
def test_a_bad_cover_is_none_never_an_error(server, layout, name):
    assert fetch_cover(f"{server.base_url}/{name}", layout.covers, max_bytes=20_000) is None
    assert list(layout.covers.iterdir()) == []


def test_a_slow_cover_times_out(server, layout):
    assert fetch_cover(server.base_url + "/slow.jpg", layout.covers, timeout_s=0.2) is None


def test_a_decompression_bomb_is_refused(server, layout, monkeypatch):
    monkeypatch.setattr(covers, "MAX_PIXELS", 100 * 100)
    assert fetch_cover(server.base_url + "/good.jpg", layout.covers) is None


def test_no_url_or_no_server(layout):
    assert fetch_cover("", layout.covers) is None
    assert fetch_cover("file:///etc/passwd", layout.covers) is None
    assert fetch_cover("http://127.0.0.1:9/none.jpg", layout.covers, timeout_s=0.5) is None
