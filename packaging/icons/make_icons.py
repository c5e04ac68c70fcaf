"""Generates every diaryrec icon from resources/icons/master.png (1024x1024 RGBA).

    .venv/bin/python packaging/icons/make_icons.py           # rewrite resources/icons/
    .venv/bin/python packaging/icons/make_icons.py --check   # exit 1 if they are stale

Writes, beside the master:
- diaryrec-<n>.png for n in PNG_SIZES (the Linux icon, the window icon, docs);
- diaryrec.ico with ICO_SIZES (Windows: the .exe, the installer, the Start menu);
- diaryrec.icns with 16 to 1024 px, 1x and @2x (the macOS bundle and the DMG).

The generated files are committed so that a build needs no extra step;
tests/packaging/test_icons.py fails when they no longer match the master.
"""

from __future__ import annotations

import argparse
import io
import struct
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
MASTER_NAME = "master.png"
MASTER_SIZE = 1024
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def load_master(folder: Path = ICONS) -> Image.Image:
    master = Image.open(folder / MASTER_NAME)
    master.load()
    if master.size != (MASTER_SIZE, MASTER_SIZE):
        raise SystemExit(f"{MASTER_NAME} must be {MASTER_SIZE}x{MASTER_SIZE}, not {master.size[0]}x{master.size[1]}")
    return master.convert("RGBA")


def scaled(master: Image.Image, size: int) -> Image.Image:
    # LANCZOS from the full master for every size: no blur from repeated halving.
    return master if size == master.width else master.resize((size, size), Image.Resampling.LANCZOS)


def output_names() -> list[str]:
    return [f"diaryrec-{n}.png" for n in PNG_SIZES] + ["diaryrec.ico", "diaryrec.icns"]


def write_icons(master: Image.Image, target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    images = {n: scaled(master, n) for n in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    written = []
    for n in PNG_SIZES:
        path = target / f"diaryrec-{n}.png"
        images[n].save(path, optimize=True)
        written.append(path)
    # Each size is handed over ready-made, so every frame is the LANCZOS image above.
    ico = target / "diaryrec.ico"
    largest = images[max(ICO_SIZES)]
    largest.save(ico, sizes=[(n, n) for n in ICO_SIZES], append_images=[images[n] for n in ICO_SIZES])
    written.append(ico)
    icns = target / "diaryrec.icns"
    write_icns(icns, images)
    written.append(icns)
    return written


# ICNS entry types and the pixel size each holds (1x and @2x Retina variants).
# Pillow's own writer leaves out the 16 px (icp4) entry that non-Retina Finder
# lists use, so the container is written here: 'icns', length, then entries.
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)


def write_icns(path: Path, images: dict[int, Image.Image]) -> None:
    encoded: dict[int, bytes] = {}
    for size in {n for _, n in ICNS_TYPES}:
        buffer = io.BytesIO()
        images[size].save(buffer, format="PNG", optimize=True)
        encoded[size] = buffer.getvalue()
    body = b"".join(kind + struct.pack(">I", 8 + len(encoded[n])) + encoded[n] for kind, n in ICNS_TYPES)
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def frames(path: Path) -> dict[int, Image.Image]:
    """Every size stored in one icon file, decoded to RGBA."""
    found: dict[int, Image.Image] = {}
    with Image.open(path) as image:
        if path.suffix == ".ico":
            for size in image.ico.sizes():
                image.size = size
                image.load()
                found[size[0]] = image.convert("RGBA").copy()
        elif path.suffix == ".icns":
            for width, height, scale in image.info["sizes"]:
                frame = image.icns.getimage((width, height, scale))
                found[width * scale] = frame.convert("RGBA").copy()
        else:
            image.load()
            found[image.width] = image.convert("RGBA").copy()
    return found


def differences(expected_dir: Path, actual_dir: Path) -> list[str]:
    """What differs between freshly generated icons and the committed ones, in words."""
    problems = []
    for name in output_names():
        actual = actual_dir / name
        if not actual.exists():
            problems.append(f"{name} is missing")
            continue
        want, have = frames(expected_dir / name), frames(actual)
        if sorted(want) != sorted(have):
            problems.append(f"{name} holds sizes {sorted(have)}, expected {sorted(want)}")
            continue
        for size, image in want.items():
            if ImageChops.difference(image, have[size]).getbbox() is not None:
                problems.append(f"{name} at {size}px differs from the master")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report whether the icons are current")
    args = parser.parse_args(argv)
    master = load_master()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            write_icons(master, Path(tmp))
            problems = differences(Path(tmp), ICONS)
        for problem in problems:
            print(f"stale: {problem}", file=sys.stderr)
        if problems:
            print("run: python packaging/icons/make_icons.py", file=sys.stderr)
        return 1 if problems else 0
    for path in write_icons(master, ICONS):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
