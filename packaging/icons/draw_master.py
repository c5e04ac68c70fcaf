"""Draws resources/icons/master.png, the one image every diaryrec icon comes from.

    .venv/bin/python packaging/icons/draw_master.py      # then: make_icons.py

The design: a diary page with a music note on a violet-to-coral tile, inside the
macOS icon grid (an 824 px tile on a 1024 px canvas, so the Dock shows it at the
same size as other apps). It is drawn four times larger and scaled down, which is
how Pillow gets smooth edges. A designer may replace master.png with a better
drawing of the same size; make_icons.py and its test only care about master.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[2]
MASTER = ROOT / "resources" / "icons" / "master.png"
SIZE = 1024
SCALE = 4

TOP = (76, 52, 160)  # violet
BOTTOM = (232, 96, 120)  # coral
PAGE = (255, 251, 242)
RULE = (214, 205, 230)
INK = (52, 36, 112)


def _gradient(size: int) -> Image.Image:
    column = Image.new("RGB", (1, size))
    for y in range(size):
        t = y / (size - 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(TOP, BOTTOM)))
    return column.resize((size, size), Image.Resampling.NEAREST)


def draw() -> Image.Image:
    s = SIZE * SCALE

    def px(value: float) -> int:
        return round(value * SCALE)

    tile_mask = Image.new("L", (s, s), 0)
    ImageDraw.Draw(tile_mask).rounded_rectangle((px(100), px(100), px(924), px(924)), radius=px(185), fill=255)
    canvas = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    canvas.paste(_gradient(s), (0, 0), tile_mask)

    d = ImageDraw.Draw(canvas)
    # the diary page, its ruled lines and a binding on the left
    d.rounded_rectangle((px(262), px(214), px(762), px(810)), radius=px(44), fill=PAGE)
    d.rectangle((px(262), px(214), px(318), px(810)), fill=RULE)
    for y in range(330, 760, 70):
        d.rounded_rectangle((px(360), px(y), px(712), px(y + 12)), radius=px(6), fill=RULE)
    # a beamed pair of eighth notes over the page
    d.ellipse((px(378), px(560), px(498), px(660)), fill=INK)
    d.ellipse((px(578), px(520), px(698), px(620)), fill=INK)
    d.rectangle((px(466), px(360), px(498), px(612)), fill=INK)
    d.rectangle((px(666), px(320), px(698), px(572)), fill=INK)
    d.polygon([(px(466), px(330)), (px(698), px(290)), (px(698), px(352)), (px(466), px(392))], fill=INK)
    return canvas.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


def main() -> int:
    MASTER.parent.mkdir(parents=True, exist_ok=True)
    draw().save(MASTER, optimize=True)
    print(f"wrote {MASTER.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
