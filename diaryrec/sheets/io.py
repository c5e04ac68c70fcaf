"""Sheets as JSON: import with errors that name the key, export, and the canonical
form whose sha256 identifies a sheet in the data (and in a researcher's analysis)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from diaryrec.errors import UserError
from diaryrec.sheets.models import PlanningSheet

MAX_SHEET_BYTES = 1_000_000


class SheetError(UserError):
    """A sheet file that cannot be used; the message names the file and the key."""


def _where(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc)


def describe_errors(exc: ValidationError) -> str:
    unknown = [_where(e["loc"]) for e in exc.errors() if e["type"] == "extra_forbidden"]
    missing = [_where(e["loc"]) for e in exc.errors() if e["type"] == "missing"]
    parts: list[str] = []
    if unknown:
        parts.append("unknown key" + ("s " if len(unknown) > 1 else " ") + ", ".join(f"'{k}'" for k in unknown))
    if missing:
        parts.append("missing key" + ("s " if len(missing) > 1 else " ") + ", ".join(f"'{k}'" for k in missing))
    for error in exc.errors():
        if error["type"] in ("extra_forbidden", "missing"):
            continue
        where = _where(error["loc"])
        message = str(error["msg"]).removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts)


def parse_sheet(data: Any, source: str = "sheet") -> PlanningSheet:
    if not isinstance(data, dict):
        raise SheetError(f"{source}: a sheet is a JSON object with the keys name, objective, preference_input, "
                         "presentation, feedback and language.")
    try:
        return PlanningSheet.model_validate(data)
    except ValidationError as exc:
        raise SheetError(f"{source}: {describe_errors(exc)}") from None


def sheet_from_json(text: str, source: str = "sheet") -> PlanningSheet:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SheetError(f"{source}, line {exc.lineno}: not valid JSON ({exc.msg}).") from None
    return parse_sheet(data, source)


def load_sheet_file(path: Path) -> PlanningSheet:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SHEET_BYTES:
            raise SheetError(f"{path.name}: a sheet file is at most {MAX_SHEET_BYTES // 1000} kB.")
        text = path.read_text(encoding="utf-8-sig")  # a BOM from Windows Notepad is fine
    except FileNotFoundError:
        raise SheetError(f"{path}: no such file.") from None
    except UnicodeDecodeError:
        raise SheetError(f"{path.name}: not UTF-8 text; save the sheet as UTF-8.") from None
    except OSError as exc:
        raise SheetError(f"{path}: cannot be read ({exc.strerror}).") from None
    return sheet_from_json(text, source=path.name)


def sheet_to_dict(sheet: PlanningSheet) -> dict[str, Any]:
    return sheet.model_dump(mode="json")


def sheet_to_json(sheet: PlanningSheet) -> str:
    """Readable export (Korean kept as Korean)."""
    return json.dumps(sheet_to_dict(sheet), ensure_ascii=False, indent=2) + "\n"


def canonical_json(sheet: PlanningSheet) -> bytes:
    return json.dumps(sheet_to_dict(sheet), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sheet_sha256(sheet: PlanningSheet) -> str:
    return hashlib.sha256(canonical_json(sheet)).hexdigest()
