"""The committed icons in resources/icons/ are exactly what
packaging/icons/make_icons.py makes from master.png."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


@pytest.fixture(scope="module")
def make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging" / "icons" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_icons_match_the_master(make_icons, tmp_path: Path):
    make_icons.write_icons(make_icons.load_master(ICONS), tmp_path)
    assert make_icons.differences(tmp_path, ICONS) == [], "run: python packaging/icons/make_icons.py"


def test_icon_files_hold_every_size_each_platform_needs(make_icons):
    assert sorted(make_icons.frames(ICONS / "diaryrec.ico")) == [16, 24, 32, 48, 64, 128, 256]
    assert sorted(make_icons.frames(ICONS / "diaryrec.icns")) == [16, 32, 64, 128, 256, 512, 1024]
    for n in make_icons.PNG_SIZES:
        with Image.open(ICONS / f"diaryrec-{n}.png") as image:
            assert image.size == (n, n) and image.mode == "RGBA"


def test_a_changed_master_is_reported_as_stale(make_icons, tmp_path: Path):
    committed = tmp_path / "committed"
    shutil.copytree(ICONS, committed)
    master = make_icons.load_master(committed)
    ImageDraw.Draw(master).rectangle((0, 0, 511, 511), fill=(0, 128, 0, 255))
    fresh = tmp_path / "fresh"
    make_icons.write_icons(master, fresh)
    problems = make_icons.differences(fresh, committed)
    assert "diaryrec-1024.png at 1024px differs from the master" in problems
    assert "diaryrec.ico at 16px differs from the master" in problems
    assert "diaryrec.icns at 1024px differs from the master" in problems
    (committed / "diaryrec.ico").unlink()
    assert "diaryrec.ico is missing" in make_icons.differences(fresh, committed)
