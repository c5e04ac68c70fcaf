"""Bundles from untrusted hands (issue 19): refused by name, before anything is written.

Each bomb is built here, in the test (none is checked in). A bundle's manifest is
rewritten honestly for what it holds (right SHA-256 and size): the manifest check
alone would let these through; ``research.bundle_gate`` must not.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

from diaryrec.research import bundle_gate
from diaryrec.research.merge import merge_bundle
from diaryrec.research.merged import open_merged
from diaryrec.research.read import open_study_data
from tests.integration.research.research_helpers import count, export, participant

MIB = 1 << 20


@pytest.fixture(scope="module")
def honest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    return export(participant(root, 0), root / "P000.zip")


Member = tuple[str, Callable[[], Iterator[bytes]], int]  # name, its chunks, compression


def chunks_of(data: bytes) -> Callable[[], Iterator[bytes]]:
    return lambda: iter([data])


def zeros(size: int) -> Callable[[], Iterator[bytes]]:
    block = bytes(MIB)

    def chunks() -> Iterator[bytes]:
        for _ in range(size // MIB):
            yield block

    return chunks


def with_members(honest: Path, target: Path, added: list[Member], replace: dict[str, bytes] | None = None) -> Path:
    """``honest`` plus ``added`` (streamed in, zip64 where needed), every file listed in
    its manifest with its true SHA-256 and size."""
    replace = replace or {}
    with zipfile.ZipFile(honest) as src:
        manifest = json.loads(src.read("manifest.json"))
        entries = {entry["path"]: entry for entry in manifest["files"]}
        with zipfile.ZipFile(target, "w", compresslevel=1) as dst:  # level 1: the 4 GiB bomb builds in seconds
            for info in src.infolist():
                if info.filename == "manifest.json":
                    continue
                data = replace.get(info.filename, src.read(info))
                entries[info.filename] = {"path": info.filename, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                dst.writestr(info.filename, data, compress_type=zipfile.ZIP_DEFLATED)
            for name, chunks, compression in added:
                digest, size = hashlib.sha256(), 0
                info = zipfile.ZipInfo(name, date_time=(2026, 3, 9, 12, 0, 0))
                info.compress_type = compression
                with dst.open(info, "w", force_zip64=True) as handle:
                    for chunk in chunks():
                        handle.write(chunk)
                        digest.update(chunk)
                        size += len(chunk)
                entries[name] = {"path": name, "sha256": digest.hexdigest(), "size": size}
            manifest["files"] = list(entries.values())
            dst.writestr("manifest.json", json.dumps(manifest), compress_type=zipfile.ZIP_DEFLATED)
    return target


def merge(tmp_path: Path, bundle: Path):  # noqa: ANN201 - MergeOutcome
    engine = open_merged(str(tmp_path / "study.sqlite"))
    try:
        return merge_bundle(engine, bundle, tmp_path / "files")
    finally:
        engine.dispose()


def nothing_written(tmp_path: Path) -> None:
    files = tmp_path / "files"
    written = [p for p in files.rglob("*") if p.is_file()] if files.exists() else []
    assert written == []
    assert count(tmp_path / "study.sqlite", "participant") == 0


def png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b"")


def png(width: int = 64, height: int = 64) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(out, format="PNG")
    return out.getvalue()


def test_the_4_gib_screenshot_of_zeros_is_refused_at_once_with_nothing_written(honest: Path, tmp_path: Path):
    """The measured case: 4 GiB deflated to 4 MB, manifest honest. It used to merge in 23 s
    and leave 4.1 GB in study-files/."""
    bundle = with_members(honest, tmp_path / "bomb.zip", [("screenshots/day-01.png", zeros(4096 * MIB), zipfile.ZIP_DEFLATED)])
    assert bundle.stat().st_size < 40 * MIB
    tracemalloc.start()
    started = time.monotonic()
    try:
        outcome = merge(tmp_path, bundle)
        took = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert outcome.status == "refused"
    assert "screenshots/day-01.png is 4,096 MB (screenshots may be at most 64 MB)" in outcome.problems[0]
    nothing_written(tmp_path)
    assert took < 10, took  # refused on the declared sizes, not by reading 4 GiB
    assert peak < 30 * MIB, peak


def test_a_bomb_under_the_size_limit_is_refused_by_its_ratio(honest: Path, tmp_path: Path):
    bundle = with_members(honest, tmp_path / "ratio.zip", [("images/photo.jpg", zeros(30 * MIB), zipfile.ZIP_DEFLATED)])
    outcome = merge(tmp_path, bundle)
    assert outcome.status == "refused"
    assert any("images/photo.jpg inflates" in p and "zip bomb" in p for p in outcome.problems), outcome.problems
    nothing_written(tmp_path)


def test_a_bundle_whose_files_add_up_past_the_limit_is_refused(honest: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(bundle_gate, "BUNDLE_LIMIT", 3 * MIB)  # stands for 2 GiB of honest-looking photos
    noise = os.urandom(MIB)
    added = [(f"images/{i}.jpg", chunks_of(noise), zipfile.ZIP_STORED) for i in range(4)]
    outcome = merge(tmp_path, with_members(honest, tmp_path / "many.zip", added))
    assert outcome.status == "refused"
    assert any("its files add up to" in p for p in outcome.problems), outcome.problems
    nothing_written(tmp_path)


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("screenshots/day-02.png", b"\x00" * 5000, "screenshots/day-02.png is not a picture diaryrec can use"),
        ("screenshots/day-03.png", png_claiming(50_000, 50_000), "too large in pixels"),
        ("images/cut.png", png(300, 300)[:400], "images/cut.png"),
        ("tables/extra.csv", "날짜,일기\n".encode("euc-kr"), "tables/extra.csv is not UTF-8 text"),
        ("tables/huge_field.csv", b'a\n"' + b"x" * 200_000 + b'"\n', "tables/huge_field.csv is not a readable CSV table"),
        ("prompts/week-2.txt", b"\xff\xfe\x00garbage", "prompts/week-2.txt is not UTF-8 text"),
    ],
    ids=["screenshot that is no picture", "screenshot png bomb", "truncated photo", "csv not utf-8",
         "csv with a 200 KB field", "prompt not utf-8"],
)
def test_a_file_that_is_not_what_it_claims_is_refused(honest: Path, tmp_path: Path, name: str, data: bytes, problem: str):
    outcome = merge(tmp_path, with_members(honest, tmp_path / "claims.zip", [(name, chunks_of(data), zipfile.ZIP_DEFLATED)]))
    assert outcome.status == "refused"
    assert any(problem in p for p in outcome.problems), outcome.problems
    nothing_written(tmp_path)


def test_a_real_screenshot_and_photo_pass_the_gate(honest: Path, tmp_path: Path):
    added = [("screenshots/extra.png", chunks_of(png(900, 2400)), zipfile.ZIP_STORED),
             ("images/extra.png", chunks_of(png()), zipfile.ZIP_STORED)]
    outcome = merge(tmp_path, with_members(honest, tmp_path / "fine.zip", added))
    assert outcome.status == "added", outcome.problems
    assert (tmp_path / "files").rglob("extra.png")


def test_a_disk_without_room_refuses_the_bundle_before_extracting(honest: Path, tmp_path: Path, monkeypatch):
    real = bundle_gate.shutil.disk_usage

    def nearly_full(path):  # noqa: ANN001, ANN202
        usage = real(path)
        return usage._replace(free=10 * MIB)

    monkeypatch.setattr(bundle_gate.shutil, "disk_usage", nearly_full)
    outcome = merge(tmp_path, honest)
    assert outcome.status == "refused"
    assert "has 10 MB free" in outcome.problems[0]
    nothing_written(tmp_path)


def test_a_folder_of_bundles_opens_the_honest_ones_and_names_the_bomb(honest: Path, tmp_path: Path):
    """report, export-qda and the research window all read a folder through open_study_data."""
    folder = tmp_path / "bundles"
    folder.mkdir()
    (folder / "P000.zip").write_bytes(honest.read_bytes())
    with_members(honest, folder / "P666.zip", [("screenshots/x.png", zeros(200 * MIB), zipfile.ZIP_DEFLATED)])
    with open_study_data(folder) as data:
        code = json.loads(zipfile.ZipFile(honest).read("manifest.json"))["participant_code"]
        assert [p.code for p in data.participants()] == [code]
        assert [o.bundle for o in data.refused] == ["P666.zip"]
        assert "screenshots may be at most 64 MB" in data.refused[0].problems[0]
