"""Merging participant bundles into one study database (SQLite or PostgreSQL).

Every bundle is checked against its manifest before anything is written: a file
whose SHA-256 or size differs, a listed file that is missing, a file the manifest
does not list, or a name that would leave the bundle (``../../x``, ``/etc/x``,
``C:\\x``) refuses that bundle, with the file named; the other bundles go on. So do
the limits of ``bundle_gate`` (sizes by kind and per bundle, bomb ratios, files that
are not what they claim) and a disk without room for the bundle's files.

A participant is (study id, participant code). Merging the same bundle again
changes nothing; a newer export of the same participant replaces their rows (one
transaction per bundle); an older one is skipped and said so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Date, Engine, delete, select

from diaryrec.errors import UserError
from diaryrec.fileio import make_folder, safe_file_name
from diaryrec.research import bundle_gate
from diaryrec.research.export import BUNDLE_FORMAT_VERSION, MANIFEST, unsafe_name
from diaryrec.research.merged import STUDY_TABLES, Participant
from diaryrec.research.snapshot import flatten
from diaryrec.store.types import UtcDateTime, utcnow

log = logging.getLogger(__name__)
FILE_FOLDERS = ("screenshots/", "images/")
_CHUNK = 1 << 20


class BundleRefused(UserError):
    def __init__(self, bundle: str, problems: list[str]):
        super().__init__(f"{bundle} refused: " + "; ".join(problems))
        self.bundle = bundle
        self.problems = problems


@dataclass
class MergeOutcome:
    bundle: str
    status: str  # added | updated | unchanged | older | refused
    participant_code: str = ""
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        if self.status == "refused":
            return f"REFUSED {self.bundle}: " + "; ".join(self.problems)
        words = {
            "added": "added",
            "updated": "updated (a newer export replaced the earlier one)",
            "unchanged": "already merged, nothing changed",
            "older": "skipped: the merged data of this participant comes from a newer export",
        }
        return f"{self.participant_code}: {words[self.status]} ({self.bundle})"


def _hash_member(archive: zipfile.ZipFile, name: str, limit: int) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with archive.open(name) as handle:
        while chunk := handle.read(_CHUNK):
            size += len(chunk)
            if size > limit:  # larger than the manifest says: stop reading (it may be a zip bomb)
                break
            digest.update(chunk)
    return digest.hexdigest(), size


@dataclass
class VerifiedBundle:
    manifest: dict[str, Any]
    manifest_sha256: str
    data: dict[str, Any]
    files_bytes: int = 0  # what extracting its screenshots and photos writes


def verify_bundle(path: Path, archive: zipfile.ZipFile) -> VerifiedBundle:
    """The manifest and data of a bundle whose every file matches; else ``BundleRefused``."""
    name = path.name
    members = [info.filename for info in archive.infolist() if not info.is_dir()]
    unsafe = [m for m in members if unsafe_name(m)]
    if unsafe:
        raise BundleRefused(name, [f"unsafe file name {m!r}" for m in unsafe])
    if MANIFEST not in members:
        raise BundleRefused(name, ["it has no manifest.json (is it a diaryrec export?)"])
    # zipfile reads no member past the size the directory declares: bounding those
    # bounds every read below, before a byte is read
    oversized = bundle_gate.size_problems(archive.infolist(), {})
    if oversized:
        raise BundleRefused(name, oversized)
    raw_manifest = archive.read(MANIFEST)
    try:
        manifest = json.loads(raw_manifest.decode("utf-8"))
        listed = {entry["path"]: entry for entry in manifest["files"]}
        version = int(manifest["bundle_format_version"])
    except (ValueError, KeyError, TypeError) as exc:
        raise BundleRefused(name, [f"manifest.json is damaged ({type(exc).__name__})"]) from exc
    if version > BUNDLE_FORMAT_VERSION:
        raise BundleRefused(name, [f"it was exported by a newer diaryrec (bundle format {version}); install the newest diaryrec"])
    problems = [f"unsafe file name {p!r} in manifest.json" for p in listed if unsafe_name(p)]
    try:
        declared = {entry_path: int(entry["size"]) for entry_path, entry in listed.items()}
    except (KeyError, TypeError, ValueError) as exc:
        raise BundleRefused(name, [f"manifest.json is damaged ({type(exc).__name__})"]) from exc
    oversized = bundle_gate.size_problems(archive.infolist(), declared)
    if oversized:
        raise BundleRefused(name, oversized)
    present = set(members)
    for entry_path, entry in listed.items():
        if unsafe_name(entry_path):
            continue
        if entry_path not in present:
            problems.append(f"missing file {entry_path}")
            continue
        digest, size = _hash_member(archive, entry_path, int(entry["size"]))
        if digest != entry["sha256"] or size != int(entry["size"]):
            problems.append(f"changed file {entry_path}")
    problems += [f"file not in manifest.json: {m}" for m in members if m != MANIFEST and m not in listed]
    if "data.json" not in listed:
        problems.append("missing file data.json")
    if problems:
        raise BundleRefused(name, problems)
    problems = [p for m in listed if m != MANIFEST and (p := bundle_gate.content_problem(archive, m))]
    if problems:
        raise BundleRefused(name, problems)
    data = json.loads(archive.read("data.json").decode("utf-8"))
    if (data.get("participant_code"), data.get("study_id")) != (manifest.get("participant_code"), manifest.get("study_id")):
        raise BundleRefused(name, ["data.json and manifest.json name different participants"])
    files_bytes = sum(size for entry_path, size in declared.items() if entry_path.startswith(FILE_FOLDERS))
    return VerifiedBundle(manifest, hashlib.sha256(raw_manifest).hexdigest(), data, files_bytes)


def _typed(table_name: str, rows: list[dict[str, Any]], participant_id: int) -> list[dict[str, Any]]:
    table = STUDY_TABLES[table_name]
    converters: dict[str, Callable[[Any], Any]] = {}
    for column in table.columns:
        if isinstance(column.type, UtcDateTime):
            converters[column.name] = dt.datetime.fromisoformat
        elif isinstance(column.type, Date):
            converters[column.name] = dt.date.fromisoformat
    names = [c.name for c in table.columns if c.name != "participant_id"]
    out = []
    for row in rows:
        record = {"participant_id": participant_id}
        for column in names:
            value = row.get(column)
            if value is not None and column in converters:
                value = converters[column](value)
            record[column] = value
        out.append(record)
    return out


def _import(engine: Engine, bundle: VerifiedBundle, files_root: Path | None, archive: zipfile.ZipFile) -> tuple[str, int]:
    """Write one verified bundle. Its files are unpacked into a staging folder inside the
    transaction and moved into place after the commit, so a failure leaves the earlier
    rows and files of the participant as they were."""
    manifest, data = bundle.manifest, bundle.data
    exported_at = dt.datetime.fromisoformat(manifest["exported_at"])
    code, study_id = manifest["participant_code"], manifest["study_id"]
    participants = Participant.__table__  # type: ignore[attr-defined]
    staging: Path | None = None
    try:
        with engine.begin() as conn:
            existing = conn.execute(
                select(participants).where(participants.c.study_id == study_id, participants.c.participant_code == code)
            ).first()
            if existing is not None and existing.bundle_sha256 == bundle.manifest_sha256:
                return "unchanged", existing.id
            if existing is not None and existing.exported_at >= exported_at:
                return "older", existing.id
            values = dict(
                study_id=study_id, participant_code=code, time_zone=data.get("time_zone", ""), exported_at=exported_at,
                app_version=str(manifest.get("app_version", "")),
                bundle_format_version=int(manifest["bundle_format_version"]),
                bundle_sha256=bundle.manifest_sha256, files_folder="", merged_at=utcnow(),
            )
            if existing is None:
                participant_id = conn.execute(participants.insert().values(**values)).inserted_primary_key[0]
                status = "added"
            else:
                participant_id = existing.id
                for table in STUDY_TABLES.values():
                    conn.execute(delete(table).where(table.c.participant_id == participant_id))
                conn.execute(participants.update().where(participants.c.id == participant_id).values(**values))
                status = "updated"
            tables = flatten(data)
            tables["protocol_day"] = data.get("protocol_days") or []
            for name, rows in tables.items():
                if rows and name in STUDY_TABLES:
                    conn.execute(STUDY_TABLES[name].insert(), _typed(name, rows, participant_id))
            folder = ""
            if files_root is not None:
                # the row id keeps apart codes that look alike once made file-name safe ("참가자1", "피험자1")
                folder = f"{safe_file_name(study_id)}/{participant_id}-{safe_file_name(code)}"
                conn.execute(participants.update().where(participants.c.id == participant_id).values(files_folder=folder))
                make_folder(files_root)
                staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=files_root))
                _extract_files(archive, staging)
        if staging is not None:
            target = files_root / folder  # type: ignore[operator]
            if target.exists():
                shutil.rmtree(target)  # a newer export replaces the earlier files too
            target.parent.mkdir(parents=True, exist_ok=True)
            staging.rename(target)
            staging = None
        return status, participant_id
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def _extract_files(archive: zipfile.ZipFile, target: Path) -> None:
    for info in archive.infolist():
        if info.is_dir() or not info.filename.startswith(FILE_FOLDERS):
            continue
        destination = target.joinpath(*info.filename.split("/"))  # names were checked by verify_bundle
        destination.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(info) as src, open(destination, "wb") as dst:
            shutil.copyfileobj(src, dst, _CHUNK)


class MergeStoppedError(UserError):
    pass


def merge_bundle(engine: Engine, path: Path, files_root: Path | None = None) -> MergeOutcome:
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        return MergeOutcome(path.name, "refused", problems=[f"cannot be read as a zip file ({exc})"])
    with archive:
        try:
            bundle = verify_bundle(path, archive)
        except BundleRefused as exc:
            log.info("bundle %s refused: %s", path.name, exc.problems)  # the outcome says it to the researcher
            return MergeOutcome(path.name, "refused", problems=exc.problems)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:  # damaged inside (bad CRC, truncated, not JSON)
            return MergeOutcome(path.name, "refused", problems=[f"damaged ({type(exc).__name__}: {exc})"])
        no_room = bundle_gate.disk_problem(files_root, bundle.files_bytes) if files_root is not None else None
        if no_room:
            log.info("bundle %s refused: %s", path.name, no_room)
            return MergeOutcome(path.name, "refused", participant_code=bundle.manifest["participant_code"], problems=[no_room])
        try:
            status, _ = _import(engine, bundle, files_root, archive)
        except OSError as exc:
            raise MergeStoppedError(
                f"Merging {path.name} stopped: {str(exc).rstrip('.')}.",
                hint="The merged data of this participant is as it was before; fix the cause and merge again.",
            ) from exc
    return MergeOutcome(path.name, status, participant_code=bundle.manifest["participant_code"])


class StudyDataError(UserError):
    """What was given as study data cannot be read as such (nothing there, no bundles)."""


class NoBundlesError(StudyDataError):
    pass


def bundle_paths(sources: Iterable[str | Path]) -> list[Path]:
    """The bundles that ``sources`` name, in order: a folder stands for the ``*.zip``
    files in it (sorted by name), a file for itself. Whether each is a sound bundle is
    the merge's to say (``merge_bundle``); a source that does not exist, or a folder
    without bundles, is a ``NoBundlesError`` naming them all."""
    bundles: list[Path] = []
    missing: list[str] = []
    empty: list[str] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.zip") if p.is_file())
            bundles += found
            if not found:
                empty.append(str(path))
        elif path.is_file():
            bundles.append(path)
        else:
            missing.append(str(path))
    if missing:
        raise NoBundlesError(f"There is no bundle or folder {', '.join(missing)}.",
                             hint="Check the name; pass export bundles (*.zip) or folders that hold them.")
    if empty:
        raise NoBundlesError(f"The folder {', '.join(empty)} holds no export bundles (*.zip).",
                             hint="Put the participants' bundles in it, or pass the bundles themselves.")
    return bundles


def merge_bundles(
    engine: Engine,
    paths: Iterable[Path],
    files_root: Path | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[MergeOutcome]:
    paths = list(paths)
    outcomes = []
    for done, path in enumerate(paths, start=1):
        outcomes.append(merge_bundle(engine, path, files_root))
        if progress is not None:
            progress(done, len(paths), Path(path).name)
    return outcomes


def default_files_root(database: str) -> Path | None:
    """Beside a SQLite file ``study.sqlite``: ``study-files/``; none for a server URL."""
    if "://" in database:
        return None
    path = Path(database)
    return path.with_name(f"{path.stem}-files")
