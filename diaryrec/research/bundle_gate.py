"""What a bundle from someone else's hands may hold, checked before anything is written.

Bundles arrive by e-mail or USB stick. A manifest can honestly list a 4 GiB
"screenshot" of zeros that deflates to 4 MB: its SHA-256 and size are right, so the
manifest check alone lets it through. So each member is also held to:

- a size limit for its kind (a screenshot, a photo, a table, data.json, a text), on
  what the manifest and the zip's own directory declare, before a byte is read, and
  on what is actually read (reading stops at the limit);
- a limit for the whole bundle;
- a compression ratio no honest export reaches (screenshots and photos are stored,
  tables and JSON deflate about 5-20 times; a bomb deflates about 1000 times);
- being what it claims: screenshots and photos decode as bounded pictures (the same
  gate as the participant's photos), CSV and JSON parse, text (and the readable
  transcripts/*.html, which the merge never reads otherwise) is UTF-8.

Every check streams: no member is held in memory whole (data.json, which the merge
needs as one object, is bounded by its limit first).
"""

from __future__ import annotations

import codecs
import csv
import io
import shutil
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MIB = 1 << 20


@dataclass(frozen=True)
class Kind:
    name: str  # said in a refusal: "screenshot", "photo", …
    limit: int  # bytes, uncompressed
    content: str  # "picture" | "csv" | "json" | "text"


SCREENSHOT = Kind("screenshot", 64 * MIB, "picture")
PHOTO = Kind("photo", 40 * MIB, "picture")  # media.images.MAX_FILE_BYTES: what the app itself takes
TABLE = Kind("table", 256 * MIB, "csv")
DATA = Kind("data.json", 256 * MIB, "json")
TEXT = Kind("text", 8 * MIB, "text")  # prompts/*.txt, README.md, manifest.json
# transcripts/*.html: a conversation's page embeds its photos (base64, 4/3 of their
# size; the app keeps photos at most 1568 px, well under 1 MB each)
TRANSCRIPT = Kind("transcript", 128 * MIB, "text")

BUNDLE_LIMIT = 2048 * MIB  # all members together, uncompressed
BOMB_RATIO = 100  # uncompressed / compressed, for members over RATIO_FLOOR
RATIO_FLOOR = 1 * MIB  # small files compress well for honest reasons (a blank CSV)
DISK_RESERVE = 256 * MIB  # left free after extracting, so the researcher's disk is never filled


def kind_of(name: str) -> Kind:
    """The kind a member's name says it is; an unknown name is held to the text limit."""
    path = PurePosixPath(name)
    top = path.parts[0] if len(path.parts) > 1 else ""
    if top == "screenshots":
        return SCREENSHOT
    if top == "images":
        return PHOTO
    if top == "tables" and path.suffix == ".csv":
        return TABLE
    if top == "transcripts" and path.suffix == ".html":
        return TRANSCRIPT
    if name == "data.json":
        return DATA
    return TEXT


def size_problems(infos: Iterable[zipfile.ZipInfo], declared: dict[str, int]) -> list[str]:
    """What the zip's directory and the manifest declare, before anything is read."""
    problems = []
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        kind = kind_of(info.filename)
        claimed = max(info.file_size, declared.get(info.filename, 0))
        total += claimed
        if claimed > kind.limit:
            problems.append(f"{info.filename} is {_mb(claimed)} ({kind.name}s may be at most {_mb(kind.limit)})")
        elif info.file_size > RATIO_FLOOR and info.file_size > BOMB_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            problems.append(f"{info.filename} inflates {ratio} times (a zip bomb, not an export)")
    if total > BUNDLE_LIMIT:
        problems.append(f"its files add up to {_mb(total)} (a bundle may hold at most {_mb(BUNDLE_LIMIT)})")
    return problems


def content_problem(archive: zipfile.ZipFile, name: str) -> str | None:
    """None when ``name`` is what its kind says, else the problem in words (streamed)."""
    kind = kind_of(name)
    try:
        with archive.open(name) as handle:
            if kind.content == "picture":
                return _picture_problem(handle, name)
            if kind.content == "csv":
                text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
                for _row in csv.reader(text):
                    pass
            elif kind.content == "text" or kind.content == "json":
                # data.json is parsed whole by the merge (after this bound); here: UTF-8
                decoder = codecs.getincrementaldecoder("utf-8")()
                while chunk := handle.read(MIB):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return f"{name} is not UTF-8 text"
    except csv.Error as exc:
        return f"{name} is not a readable CSV table ({exc})"
    return None


def _picture_problem(handle: zipfile.ZipExtFile, name: str) -> str | None:
    from diaryrec.errors import UserError
    from diaryrec.media.images import check_picture

    try:
        check_picture(handle, name)
    except UserError as exc:
        return str(exc)
    return None


def disk_problem(target: Path, needed: int) -> str | None:
    """None when ``target``'s disk has room for ``needed`` bytes and the reserve."""
    probe = target
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    if needed + DISK_RESERVE > free:
        return f"its files need {_mb(needed)} and the disk holding {target} has {_mb(free)} free"
    return None


def _mb(size: int) -> str:
    return f"{size / MIB:,.0f} MB" if size >= MIB else f"{size:,} bytes"
