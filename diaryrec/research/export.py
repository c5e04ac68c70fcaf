"""The participant's export bundle: one zip the research team can check file by file.

Layout (the codebook in the bundle's README.md says the same for the researcher)::

    manifest.json      format version, app version, study id, participant code,
                       export time, and the SHA-256 and size of every other file
    data.json          everything, nested (see diaryrec.research.snapshot)
    tables/*.csv       one table per entity, UTF-8 with BOM, stable columns
    prompts/*.txt      every compiled prompt version
    screenshots/, images/   the files the diary and the conversations refer to
    transcripts/*.html one readable page per conversation (research.transcripts),
                       made from data.json: the participant can read them before sending
    README.md          the codebook

The zip is written beside its destination under a temporary name and renamed into
place at the end, so a failed export leaves nothing behind. Every text that goes in
passes through the ``Scrubber`` (no keys, paths or OS user name).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import logging
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2

from diaryrec import __version__
from diaryrec.errors import QT_TRANSLATE_NOOP, UserError
from diaryrec.fileio import atomic_output, safe_file_name
from diaryrec.paths import templates_dir
from diaryrec.protocol import parse_study_text
from diaryrec.research.scrub import Scrubber, known_secrets
from diaryrec.research.snapshot import Snapshot, nest, read_snapshot
from diaryrec.research.tables import TABLES, csv_columns
from diaryrec.research.transcripts import build_transcripts, transcript_html, transcript_template
from diaryrec.store import Store
from diaryrec.store.types import utcnow

log = logging.getLogger(__name__)

BUNDLE_FORMAT_VERSION = 1
MANIFEST = "manifest.json"
Progress = Callable[[int, int, str], None]


class ExportError(UserError):
    pass


@dataclass
class ExportResult:
    path: Path
    participant_code: str
    files: int
    size_bytes: int
    missing_files: list[str] = field(default_factory=list)


def export_bundle(
    store: Store, out: Path, *, progress: Progress | None = None, now: dt.datetime | None = None
) -> ExportResult:
    """Write the participant's bundle to ``out`` (a .zip), atomically."""
    now = now or utcnow()
    out = Path(out)
    snapshot = read_snapshot(store.layout, now)
    if snapshot is None:
        raise ExportError(QT_TRANSLATE_NOOP("UserError", "There is nothing to export yet: this data folder has not joined a study."))
    enrolment = snapshot.tables["enrolment"][-1]
    study = parse_study_text(enrolment["study_text"], source="joined study").study
    scrub = Scrubber(store.layout.root, known_secrets([study.llm.api_key, study.catalog.client_secret]))
    writer = _BundleWriter(snapshot, scrub, enrolment, now, store, progress)
    with atomic_output(out, suffix=".partial") as handle, zipfile.ZipFile(handle, "w") as archive:
        writer.write(archive)
    store.log_event("export_made", files=len(writer.manifest), missing=len(writer.missing))
    log.info("exported %d files for %s", len(writer.manifest), enrolment["participant_code"])
    return ExportResult(
        path=out,
        participant_code=enrolment["participant_code"],
        files=len(writer.manifest) + 1,
        size_bytes=out.stat().st_size,
        missing_files=writer.missing,
    )


def to_json_value(value: Any, zone: ZoneInfo) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(zone).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def csv_bytes(columns: list[str], rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([to_cell(row.get(c)) for c in columns])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM tells Excel it is UTF-8 (Korean)


def codebook_environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
    )


def prompt_file_name(row: dict[str, Any]) -> str:
    return f"prompts/{safe_file_name(str(row['sheet_key']))}-v{row['version']}.txt"


def unsafe_name(name: str) -> bool:
    """True for a name that could leave its folder when unpacked (``../x``, ``/x``, ``C:\\x``, ``a//b``)."""
    return (
        not name
        or "\\" in name
        or ":" in name
        or name.startswith("/")
        or any(part in ("..", ".", "") for part in name.rstrip("/").split("/"))
    )


def bundle_member(folder: str, file_name: str) -> str | None:
    """The name inside the bundle for a stored file name, or None when it would leave its folder."""
    return None if unsafe_name(file_name) else f"{folder}/{file_name}"


def _model_names_without_folders(tables: dict[str, list[dict[str, Any]]]) -> None:
    """A model named by its file's path (llama.cpp without --alias; stored so by older
    versions) is exported by its file name only: the folders are the participant's."""
    from diaryrec.llm.evidence import model_label  # the openai SDK: only when exporting

    for rows in tables.values():
        for row in rows:
            if isinstance(row.get("model"), str):
                row["model"] = model_label(row["model"])


class _BundleWriter:
    def __init__(self, snapshot: Snapshot, scrub: Scrubber, enrolment: dict[str, Any], now: dt.datetime,
                 store: Store, progress: Progress | None):
        self.snapshot = snapshot
        self.scrub = scrub
        self.zone = ZoneInfo(snapshot.time_zone)
        self.code = enrolment["participant_code"]
        self.study_id = enrolment["study_id"]
        self.study_name = enrolment["study_name"]
        self.now = now
        self.layout = store.layout
        self.progress = progress
        self.manifest: list[dict[str, Any]] = []
        self.missing: list[str] = []
        self.stamp = now.astimezone(dt.timezone.utc).timetuple()[:6]

    def _step(self, done: int, total: int, what: str) -> None:
        if self.progress is not None:
            self.progress(done, total, what)

    def _rows(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: self.scrub.value(to_json_value(v, self._zone(v))) for k, v in row.items()} for row in rows]

    def _zone(self, value: Any) -> ZoneInfo:
        """A time in the zone the participant was in then (its offset says where they were)."""
        return ZoneInfo(self.snapshot.zone_of(value)) if isinstance(value, dt.datetime) else self.zone

    def _add(self, archive: zipfile.ZipFile, name: str, data: bytes, compress: bool = True) -> None:
        info = zipfile.ZipInfo(name, date_time=self.stamp)  # type: ignore[arg-type]
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        archive.writestr(info, data)
        self.manifest.append({"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})

    def _files(self) -> list[tuple[str, Path]]:
        wanted: list[tuple[str, Path]] = []
        sources = [("screenshots", self.layout.screenshots, "diary_screenshot"), ("images", self.layout.images, "message_image")]
        for folder, root, table in sources:
            for row in self.snapshot.tables[table]:
                member = bundle_member(folder, row["file_name"])
                path = root / row["file_name"] if member else None
                if member is None or path is None or not path.is_file():
                    self.missing.append(f"{folder}/{self.scrub.text(row['file_name'])}")
                    continue
                wanted.append((member, path))
        return wanted

    def _transcripts(self, tables: dict[str, list[dict[str, Any]]], days: list[dict[str, Any]],
                     files: list[tuple[str, Path]]) -> Iterator[tuple[str, str]]:
        """(member, HTML) of every conversation, from data.json's scrubbed rows; the
        pictures embedded are the bundle's own images/."""
        images = {member.removeprefix("images/"): path for member, path in files if member.startswith("images/")}
        transcripts = build_transcripts(
            tables, participant_code=self.code, study_id=self.study_id,
            localize=lambda when: when.astimezone(self._zone(when)), weeks={d["number"]: d["week"] for d in days},
            picture_path=images.get,
        )
        template = transcript_template()
        now = self.now.astimezone(self.zone)
        for transcript in transcripts:  # one page in memory at a time: the pictures are embedded
            yield f"transcripts/{transcript.file_stem}.html", transcript_html(transcript, template=template, generated_at=now)

    def write(self, archive: zipfile.ZipFile) -> None:
        tables = {name: self._rows(rows) for name, rows in self.snapshot.tables.items()}
        _model_names_without_folders(tables)
        days = self._rows(self.snapshot.protocol_days)
        files = self._files()
        total = len(TABLES) + len(files) + len(tables["conversation"]) + 4
        done = 0
        for spec in TABLES:
            rows = days if spec.model is None else tables[spec.name]
            rows = [{"participant_code": self.code, **row} for row in rows]
            self._add(archive, spec.file, csv_bytes(csv_columns(spec), rows))
            done += 1
            self._step(done, total, spec.file)
        prompt_files = []
        for row in tables["sheet_version"]:
            if row.get("compiled_prompt"):
                name = prompt_file_name(row)
                self._add(archive, name, row["compiled_prompt"].encode("utf-8"))
                prompt_files.append(name)
                row["prompt_file"] = name
        done += 1
        self._step(done, total, "prompts")
        body = {
            "bundle_format_version": BUNDLE_FORMAT_VERSION,
            "participant_code": self.code,
            "study_id": self.study_id,
            "exported_at": to_json_value(self.now, self.zone),
            "time_zone": self.snapshot.time_zone,
            "protocol_days": days,
            **nest(tables),
        }
        self._add(archive, "data.json", json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"))
        done += 1
        self._step(done, total, "data.json")
        for member, path in files:
            self._add(archive, member, path.read_bytes(), compress=False)
            done += 1
            self._step(done, total, member)
        transcript_files = []
        for name, page in self._transcripts(tables, days, files):
            self._add(archive, name, page.encode("utf-8"))
            transcript_files.append(name)
            done += 1
            self._step(done, total, name)
        readme = codebook_environment().get_template("export/README.md.j2").render(
            participant_code=self.code,
            study_id=self.study_id,
            study_name=self.study_name,
            exported_at=body["exported_at"],
            time_zone=self.snapshot.time_zone,
            app_version=__version__,
            format_version=BUNDLE_FORMAT_VERSION,
            tables=TABLES,
            prompt_files=prompt_files,
            screenshot_count=sum(1 for m, _ in files if m.startswith("screenshots/")),
            image_count=sum(1 for m, _ in files if m.startswith("images/")),
            transcript_files=transcript_files,
            missing_files=self.missing,
        )
        self._add(archive, "README.md", self.scrub.text(readme).encode("utf-8"))
        done += 1
        self._step(done, total, "README.md")
        manifest = {
            "bundle_format_version": BUNDLE_FORMAT_VERSION,
            "app": "diaryrec",
            "app_version": __version__,
            "study_id": self.study_id,
            "participant_code": self.code,
            "exported_at": body["exported_at"],
            "files": self.manifest,
        }
        info = zipfile.ZipInfo(MANIFEST, date_time=self.stamp)  # type: ignore[arg-type]
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
        done += 1
        self._step(done, total, MANIFEST)
