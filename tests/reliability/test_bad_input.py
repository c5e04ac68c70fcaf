"""Hostile and broken inputs (issue 8, item 6): every row of ``CASES`` names the input
and the outcome it must have. ``Raises``: that UserError and words of its message
(a participant or researcher message, never a traceback). ``Refused``: the merge
refuses the bundle and names the problem. ``Accepted``: the input is taken, and the
check says what must hold for it. Rows marked ``known_gap`` fail today for a reason
outside this suite's files; they are strict xfails, so fixing the cause turns them
into failures that ask for the mark to go.

A photo's GPS position is followed everywhere it could go in its own test below.
"""

from __future__ import annotations

import base64
import io
import json
import os
import sqlite3
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlmodel import select

from diaryrec.errors import UserError
from diaryrec.media.images import MAX_SIDE, ImageRejectedError, PreparedImage, prepare_image
from diaryrec.paths import DataLayout
from diaryrec.protocol import StudyFileError, load_default_study, load_study_file, parse_study_text
from diaryrec.research.export import export_bundle
from diaryrec.research.merge import merge_bundle
from diaryrec.research.merged import open_merged
from diaryrec.services import diary
from diaryrec.services.sheet_versions import save_sheet_version
from diaryrec.services.study import join_study
from diaryrec.sheets import compile_sheet, sheet_from_json
from diaryrec.sheets.compiler import PromptTemplateError, recommender_template_name
from diaryrec.sheets.io import SheetError, load_sheet_file
from diaryrec.store import open_store
from diaryrec.store.engine import DatabaseUnreadableError
from diaryrec.store.models import MessageImage, SheetVersion
from tests.integration.research.research_helpers import NOW, participant, rewrite_zip
from tests.unit.sheets.sheet_samples import sheet_data

# -- how an outcome is stated ---------------------------------------------------------------


@dataclass(frozen=True)
class Raises:
    error: type[UserError]
    words: str


@dataclass(frozen=True)
class Refused:
    words: str


@dataclass(frozen=True)
class Accepted:
    what: str  # the property, in words
    check: Callable[[Any], bool]


@dataclass
class Ctx:
    tmp: Path
    store: Any
    bundles: Path  # a folder that outlives the test: the bundle is made once per session
    _bundle: Path | None = None

    def file(self, name: str, data: bytes) -> Path:
        path = self.tmp / name
        path.write_bytes(data)
        return path

    @property
    def bundle(self) -> Path:
        if self._bundle is None:
            self._bundle = _BUNDLES.get("one") or _BUNDLES.setdefault(
                "one", _export(participant(self.bundles / "participant", 0), self.bundles / "P001.zip"))
        return self._bundle


_BUNDLES: dict[str, Path] = {}  # one synthetic participant's bundle per test session


def _export(layout: DataLayout, out: Path) -> Path:
    store = open_store(layout)
    try:
        return export_bundle(store, out, now=NOW).path
    finally:
        store.close()


# -- inputs ------------------------------------------------------------------------------------


def jpeg(size=(400, 300), mode="RGB", color=(200, 120, 40), **save: Any) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, color).save(out, format="JPEG", **save)
    return out.getvalue()


def noise_jpeg(side: int = 400) -> bytes:
    image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


def png(image: Image.Image, **save: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", **save)
    return out.getvalue()


def png_bomb(width: int, height: int, real_pixels: bool) -> bytes:
    """A grey PNG claiming ``width`` x ``height``; with ``real_pixels`` its IDAT really
    inflates to that many (zeros compress about 1000:1), else it holds a header only."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = zlib.compress(b"\x00" * ((width + 1) * height), 9) if real_pixels else zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0131] = "secret-camera-app"  # Software
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (37.0, 33.0, 59.0)  # Seoul
    gps[3], gps[4] = "E", (126.0, 58.0, 41.0)
    return exif


def jpeg_with_gps() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (20, 90, 200)).save(out, format="JPEG", exif=gps_exif())
    data = out.getvalue()
    assert b"Exif" in data and Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the input really has GPS
    return data


def malformed_exif_jpeg() -> bytes:
    data = jpeg((60, 40))
    garbage = b"Exif\x00\x00" + b"MM\x00\x2a\x00\x00\x00\x08\xff\xff" + b"\x01" * 30
    return data[:2] + b"\xff\xe1" + struct.pack(">H", len(garbage) + 2) + garbage + data[2:]


def animated_gif() -> bytes:
    frames = [Image.new("P", (40, 30), i) for i in (10, 200, 90)]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return out.getvalue()


def sixty_mb_photo(ctx: Ctx) -> Path:
    path = ctx.file("huge.jpg", jpeg())
    with path.open("r+b") as handle:
        handle.truncate(60_000_000)  # sparse: 60 MB on paper, nothing on disk
    return path


def no_metadata(image: PreparedImage) -> bool:
    opened = Image.open(io.BytesIO(image.data))
    return (not opened.getexif() and not opened.info.get("exif") and b"Exif" not in image.data
            and b"GPS" not in image.data and not getattr(opened, "text", {}))


def prepared(ctx: Ctx, name: str, data: bytes) -> PreparedImage:
    return prepare_image(ctx.file(name, data))


def one_pixel(image: PreparedImage) -> tuple:
    return Image.open(io.BytesIO(image.data)).convert("RGB").getpixel((0, 0))


# -- study files ---------------------------------------------------------------------------------

STUDY = load_default_study().text


def study_with(old: str, new: str) -> str:
    assert old in STUDY, old
    return STUDY.replace(old, new, 1)


def study_file(ctx: Ctx, text: str | bytes) -> Any:
    path = ctx.tmp / "study.toml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return load_study_file(path)


# -- sheets and templates --------------------------------------------------------------------------


def saved_sheet(ctx: Ctx, text: str) -> SheetVersion:
    """Import the sheet JSON, save it as a version (with its compiled prompt), read it back."""
    sheet = sheet_from_json(text, source="import.json")
    saved = save_sheet_version(ctx.store, sheet, sheet_key="imported", kind="planning", study_day=8)
    with ctx.store.session() as session:
        return session.get(SheetVersion, saved.id)


def sheet_json(**changes: Any) -> str:
    return json.dumps(sheet_data(**changes), ensure_ascii=False)


def round_trips(field: str, value: str) -> Callable[[SheetVersion], bool]:
    return lambda row: row.content[field] == value and value in row.compiled_prompt


def own_template(ctx: Ctx, body: str, language: str = "ko") -> str:
    folder = ctx.tmp / "templates"
    folder.mkdir(exist_ok=True)
    (folder / recommender_template_name(language)).write_text(body, encoding="utf-8")
    return compile_sheet(sheet_from_json(sheet_json(language=language)), folder).system_prompt


# -- databases and bundles ----------------------------------------------------------------------------


def damaged_database(ctx: Ctx, damage: Callable[[bytearray], bytes]) -> Any:
    layout = DataLayout(ctx.tmp / "damaged").ensure()
    store = open_store(layout)
    active = join_study(store, load_default_study(), "P", now=NOW, zone_name="UTC")
    for day in range(1, 21):
        diary.save_entry(store, active, day, {"q1": f"{day}일째 일기 " * 300}, now=NOW)
    store.close()
    layout.database.write_bytes(damage(bytearray(layout.database.read_bytes())))
    reopened = open_store(layout)
    try:
        return [diary.latest_draft(reopened, day) for day in range(1, 21)]
    finally:
        reopened.close()


def scramble_tail(raw: bytearray) -> bytes:
    pages = len(raw) // 4096
    for page in range(pages - 8, pages):  # data pages of the newest entries; the schema stays readable
        raw[page * 4096:(page + 1) * 4096] = bytes((i * 7 + page) % 256 for i in range(4096))
    return bytes(raw)


def merged(ctx: Ctx, bundle: Path) -> Any:
    engine = open_merged(str(ctx.tmp / "study.sqlite"))
    try:
        return merge_bundle(engine, bundle, ctx.tmp / "files")
    finally:
        engine.dispose()


def with_member(ctx: Ctx, name: str, data: bytes, *, in_manifest: bool) -> Path:
    def change(member: str, content: bytes) -> list[tuple[str, bytes]]:
        if member == "manifest.json" and in_manifest:
            manifest = json.loads(content)
            manifest["files"].append({"path": name, "sha256": "0" * 64, "size": len(data)})
            return [(member, json.dumps(manifest).encode())]
        return [(member, content)] + ([(name, data)] if member == "data.json" else [])

    return rewrite_zip(ctx.bundle, ctx.tmp / "evil.zip", change)


def changed(ctx: Ctx, target: str, edit: Callable[[bytes], bytes]) -> Path:
    return rewrite_zip(ctx.bundle, ctx.tmp / "changed.zip",
                       lambda name, data: [(name, edit(data) if name == target else data)])


# -- the table -----------------------------------------------------------------------------------------

# id, input and action, expected outcome, known gap: "" or (the exception raised today, where and why)
Case = tuple[str, Callable[[Ctx], Any], Any, Any]
CASES: list[Case] = [
    # images
    ("png bomb: header claims 50000x50000", lambda c: prepared(c, "bomb.png", png_bomb(50_000, 50_000, False)),
     Raises(ImageRejectedError, "too large in pixels"), ""),
    ("png bomb: 90 KB that inflates to 64 megapixels", lambda c: prepared(c, "bomb2.png", png_bomb(8_000, 8_000, True)),
     Raises(ImageRejectedError, "too large in pixels"), ""),
    ("png bomb added to the diary", lambda c: diary.add_image_file(c.store, 1, c.file("bomb.png", png_bomb(50_000, 50_000, False))),
     Raises(UserError, "bomb.png"), ""),
    ("truncated JPEG", lambda c: prepared(c, "cut.jpg", noise_jpeg()[:6_000]), Raises(ImageRejectedError, "damaged"), ""),
    ("truncated JPEG added to the diary", lambda c: diary.add_image_file(c.store, 1, c.file("cut.jpg", noise_jpeg()[:6_000])),
     Raises(UserError, "cut.jpg"), ""),
    ("a text file named .jpg", lambda c: prepared(c, "notes.jpg", "장보기 목록: 우유, 빵\n".encode()),
     Raises(ImageRejectedError, "not a picture"), ""),
    ("an empty .jpg", lambda c: prepared(c, "empty.jpg", b""), Raises(ImageRejectedError, "not a picture"), ""),
    ("a TIFF (not an allowed format)", lambda c: prepared(c, "scan.jpg", _tiff()), Raises(ImageRejectedError, "not a picture"), ""),
    ("an SVG with a script", lambda c: prepared(c, "x.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
     Raises(ImageRejectedError, "not a picture"), ""),
    ("a 60 MB photo", lambda c: prepare_image(sixty_mb_photo(c)), Raises(ImageRejectedError, "larger than 40 MB"), ""),
    ("a 6000x4000 photo", lambda c: prepared(c, "big.jpg", jpeg((6000, 4000))),
     Accepted(f"downscaled to {MAX_SIDE} on its long side", lambda r: (r.width, r.height) == (MAX_SIDE, 1045)), ""),
    ("CMYK JPEG", lambda c: prepared(c, "cmyk.jpg", jpeg(mode="CMYK", color=(0, 255, 255, 0))),
     Accepted("an RGB JPEG of the same red", lambda r: r.mime == "image/jpeg" and one_pixel(r)[0] > 200 and one_pixel(r)[1] < 60), ""),
    ("16-bit grey PNG", lambda c: prepared(c, "deep.png", png(Image.new("I;16", (40, 30), 32768))),
     Accepted("mid grey, not clipped to white", lambda r: 110 <= one_pixel(r)[0] <= 145), ""),
    ("animated GIF", lambda c: prepared(c, "anim.gif", animated_gif()),
     Accepted("its first frame, one still picture", lambda r: getattr(Image.open(io.BytesIO(r.data)), "n_frames", 1) == 1), ""),
    ("transparent PNG", lambda c: prepared(c, "alpha.png", png(Image.new("RGBA", (30, 30), (0, 0, 0, 0)))),
     Accepted("kept as PNG with its transparency", lambda r: r.mime == "image/png"), ""),
    ("JPEG with EXIF GPS", lambda c: prepared(c, "gps.jpg", jpeg_with_gps()),
     Accepted("no EXIF, no GPS in what is kept", no_metadata), ""),
    ("JPEG with malformed EXIF", lambda c: prepared(c, "badexif.jpg", malformed_exif_jpeg()),
     Accepted("taken, the broken EXIF dropped", no_metadata), ""),
    ("PNG with text chunks", lambda c: prepared(c, "text.png", png(Image.new("RGB", (20, 20)), pnginfo=_pnginfo())),
     Accepted("no text chunks kept", no_metadata), ""),
    # study files
    ("study: wrong type", lambda c: parse_study_text(study_with("late_after_hours = 0", 'late_after_hours = "soon"')),
     Raises(StudyFileError, "late_after_hours"), ""),
    ("study: missing field", lambda c: parse_study_text(study_with('id = "yun-lim-2025"\n', "")),
     Raises(StudyFileError, "study.id"), ""),
    ("study: not TOML", lambda c: parse_study_text("[study\nid = "), Raises(StudyFileError, "line 1"), ""),
    ("study: NUL byte", lambda c: parse_study_text(STUDY.replace("[study]", "[study]\x00", 1)), Raises(StudyFileError, "line"), ""),
    ("study: enormous number", lambda c: parse_study_text(study_with("late_after_hours = 0", "late_after_hours = 99999999999999999999999")),
     Raises(StudyFileError, "late_after_hours"), ""),
    ("study: enormous participant code", lambda c: parse_study_text(study_with('participant_code = ""', f'participant_code = "{"가" * 10_000}"')),
     Raises(StudyFileError, "participant_code"), ""),
    ("study: 2 MB file", lambda c: study_file(c, STUDY + "\n# " + "x" * 2_000_000 + "\n"), Raises(StudyFileError, "at most"), ""),
    ("study: not UTF-8", lambda c: study_file(c, STUDY.encode("utf-8") + "\n# 한국어".encode("euc-kr")),
     Raises(StudyFileError, "not UTF-8"), ""),
    ("study: 5000 nested arrays", lambda c: parse_study_text("x = " + "[" * 5000 + "]" * 5000 + "\n" + STUDY),
     Raises(StudyFileError, "study"), ""),
    ("study: unknown time zone", lambda c: parse_study_text(study_with('time_zone = ""', 'time_zone = "Mars/Olympus"')),
     Raises(StudyFileError, "line 16: field study.time_zone: unknown time zone 'Mars/Olympus'"), ""),
    # a researcher's own templates (jinja2 sandbox)
    ("template reaches ''.__class__.__mro__", lambda c: own_template(c, "{{ ''.__class__.__mro__ }}"),
     Raises(PromptTemplateError, "sandbox forbids"), ""),
    ("template reaches os through globals", lambda c: own_template(c, "{{ cycler.__init__.__globals__.os.popen('id').read() }}"),
     Raises(PromptTemplateError, "sandbox forbids"), ""),
    ("template formats its way to __class__", lambda c: own_template(c, "{{ '{0.__class__}'.format(1) }}"),
     Raises(PromptTemplateError, "sandbox forbids"), ""),
    ("template includes /etc/passwd", lambda c: own_template(c, "{% include '../../../../../../etc/passwd' %}"),
     Raises(PromptTemplateError, "not found"), ""),
    ("template builds a 1 GB string", lambda c: own_template(c, "{{ 'x' * 1000000000 }}"),
     Raises(PromptTemplateError, "too large"), ""),
    ("template raises to a huge power", lambda c: own_template(c, "{{ 9 ** 99999999 }}"),
     Raises(PromptTemplateError, "too large"), ""),
    ("template loops 10^8 times", lambda c: own_template(c, "{% for i in range(100000000) %}x{% endfor %}"),
     Raises(PromptTemplateError, "range"), ""),
    # sheets
    ("sheet: 1 MB of text", lambda c: saved_sheet(c, sheet_json(objective="가나다라 " * 200_000)),
     Raises(SheetError, "objective"), ""),
    ("sheet file over 1 MB", lambda c: load_sheet_file(c.file("big.json", sheet_json(objective="x" * 1_100_000).encode())),
     Raises(SheetError, "at most"), ""),
    ("sheet: emoji", lambda c: saved_sheet(c, sheet_json(name="🎧 새벽 DJ 👨‍👩‍👧")),
     Accepted("stored and compiled as written", round_trips("name", "🎧 새벽 DJ 👨‍👩‍👧")), ""),
    ("sheet: right-to-left text", lambda c: saved_sheet(c, sheet_json(objective="موسيقى هادئة ليوم ممطر \u202eעברית")),
     Accepted("stored and compiled as written", round_trips("objective", "موسيقى هادئة ليوم ممطر \u202eעברית")), ""),
    ("sheet: Korean", lambda c: saved_sheet(c, sheet_json(objective="비 오는 날 듣기 좋은 잔잔한 노래")),
     Accepted("stored and compiled as written", round_trips("objective", "비 오는 날 듣기 좋은 잔잔한 노래")), ""),
    ("sheet: NUL bytes", lambda c: saved_sheet(c, sheet_json(objective="a\u0000b")), Raises(SheetError, "NUL"), ""),
    ("sheet: lone surrogate", lambda c: saved_sheet(c, sheet_json().replace('"name": "', '"name": "\\ud800', 1)),
     Raises(SheetError, "name"), ""),
    ("sheet: wrong type", lambda c: saved_sheet(c, sheet_json(presentation={"track_count": "four"})),
     Raises(SheetError, "track_count"), ""),
    ("sheet: unknown key", lambda c: saved_sheet(c, sheet_json(__proto__={"x": 1})), Raises(SheetError, "__proto__"), ""),
    ("sheet: a list, not an object", lambda c: saved_sheet(c, "[1, 2, 3]"), Raises(SheetError, "JSON object"), ""),
    # databases
    ("database: not SQLite at all", lambda c: damaged_database(c, lambda raw: b"PK\x03\x04" + bytes(raw[4:])),
     Raises(DatabaseUnreadableError, "cannot be read"), ""),
    ("database: damaged data pages", lambda c: damaged_database(c, scramble_tail),
     Raises(DatabaseUnreadableError, "damaged"), ""),
    ("database: cut in half", lambda c: damaged_database(c, lambda raw: bytes(raw[: len(raw) // 2])),
     Raises(DatabaseUnreadableError, "damaged"), ""),
    # export bundles fed to merge
    ("bundle: a changed table", lambda c: merged(c, changed(c, "tables/diary_entry.csv", lambda d: d + b"x")),
     Refused("changed file tables/diary_entry.csv"), ""),
    ("bundle: path traversal ../../x", lambda c: merged(c, with_member(c, "../../x", b"x", in_manifest=True)),
     Refused("unsafe file name '../../x'"), ""),
    ("bundle: absolute path", lambda c: merged(c, with_member(c, "/tmp/diaryrec-evil", b"x", in_manifest=False)),
     Refused("unsafe file name '/tmp/diaryrec-evil'"), ""),
    ("bundle: not a zip", lambda c: merged(c, c.file("fake.zip", b"not a zip at all")), Refused("cannot be read as a zip"), ""),
    ("bundle: truncated zip", lambda c: merged(c, c.file("cut.zip", c.bundle.read_bytes()[:5_000])), Refused("zip"), ""),
    ("bundle: damaged manifest", lambda c: merged(c, changed(c, "manifest.json", lambda d: d[:40])),
     Refused("manifest.json is damaged"), ""),
    ("bundle: a member larger than listed (zip bomb)", lambda c: merged(c, changed(c, "data.json", lambda d: d + os.urandom(5_000_000))),
     Refused("changed file data.json"), ""),
]


def _tiff() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="TIFF")
    return out.getvalue()


def _pnginfo():  # noqa: ANN202
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "participant-home-folder")
    info.add_text("GPS", "37.56,126.97")
    return info


def _param(case: Case):  # noqa: ANN202
    name, _action, _expected, gap = case
    marks = [pytest.mark.xfail(raises=gap[0], strict=True, reason=gap[1])] if gap else []
    return pytest.param(case, id=name, marks=marks)


def test_the_table_is_large_enough():
    assert len(CASES) >= 30 and len({c[0] for c in CASES}) == len(CASES)


@pytest.fixture(scope="session")
def bundles_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bad-input-bundles")


@pytest.fixture
def ctx(tmp_path, store, bundles_dir):
    return Ctx(tmp_path, store, bundles_dir)


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data")
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_bad_input(case: Case, ctx: Ctx):
    _name, action, expected, _gap = case
    if isinstance(expected, Raises):
        with pytest.raises(expected.error) as raised:
            action(ctx)
        message = str(raised.value)
        assert expected.words in message, message
        assert "Traceback" not in message and len(message) < 2_000  # a message, not a dump
    elif isinstance(expected, Refused):
        outcome = action(ctx)
        assert outcome.status == "refused", outcome
        assert any(expected.words in problem for problem in outcome.problems), outcome.problems
        assert not (ctx.tmp.parent / "x").exists() and not Path("/tmp/diaryrec-evil").exists()
        with sqlite3.connect(ctx.tmp / "study.sqlite") as conn:
            assert conn.execute("SELECT count(*) FROM participant").fetchone()[0] == 0
        conn.close()
    else:
        result = action(ctx)
        assert expected.check(result), expected.what


# -- a photo's GPS position, followed everywhere --------------------------------------------------


def test_gps_is_gone_from_the_stored_file_the_sent_payload_and_the_export(tmp_path, store, turn_service, llm_fake):
    active = join_study(store, load_default_study(), "P-GPS", now=NOW, zone_name="Asia/Seoul")
    photo = tmp_path / "IMG_0001.jpg"
    photo.write_bytes(jpeg_with_gps())
    service = turn_service()
    cid = service.start_conversation(purpose="ice_breaking", study_day=1, task_id="s1-describe")
    result = service.run_turn(cid, "이 사진 분위기의 노래", images=[photo])
    assert result.status == "complete"
    diary.add_image_file(store, 1, photo)
    diary.save_entry(store, active, 1, {"q1": "사진과 함께"}, now=NOW)

    def clean(data: bytes, where: str) -> None:
        image = Image.open(io.BytesIO(data))
        assert not image.getexif(), where
        assert b"Exif" not in data and b"PhoneMaker" not in data and b"secret-camera-app" not in data, where

    with store.session() as session:
        [row] = session.exec(select(MessageImage)).all()
    clean((store.layout.images / row.file_name).read_bytes(), "stored image")
    [shot] = list(store.layout.screenshots.iterdir())
    clean(shot.read_bytes(), "diary image")

    [request] = llm_fake.chat_requests
    parts = [p for m in request["messages"] if isinstance(m["content"], list) for p in m["content"]]
    urls = [p["image_url"]["url"] for p in parts if p.get("type") == "image_url"]
    assert len(urls) == 1
    clean(base64.b64decode(urls[0].split(",", 1)[1]), "sent payload")

    bundle = export_bundle(store, tmp_path / "bundle.zip", now=NOW).path
    with zipfile.ZipFile(bundle) as archive:
        pictures = [n for n in archive.namelist() if n.startswith(("images/", "screenshots/"))]
        assert len(pictures) == 2
        for name in pictures:
            clean(archive.read(name), name)
        for name in archive.namelist():
            raw = archive.read(name)
            assert b"PhoneMaker" not in raw and b"126.0, 58" not in raw and b"GPSInfo" not in raw, name
