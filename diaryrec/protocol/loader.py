"""Reading study files: TOML in, a validated ``StudyFile`` out, or an error that
names the file, the line and the field."""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from diaryrec.errors import QT_TRANSLATE_NOOP, UserError, fill
from diaryrec.paths import resources_dir
from diaryrec.protocol.model import StudyFile

MAX_STUDY_FILE_BYTES = 1_000_000
DEFAULT_STUDY_FILE = "protocols/yun-lim-2025.toml"


class StudyFileError(UserError):
    """A study file that cannot be used: the file, the line and the TOML field are
    named as they are; the ``problem`` is a translatable template filled from
    ``values`` (or, from pydantic or tomllib, English text used as it is)."""

    def __init__(self, file: str, line: int | None, field: str, problem: str, **values: object):
        if line and field:
            where = QT_TRANSLATE_NOOP("UserError", "{file}, line {line}: field {field}: {problem}")
        elif line:
            where = QT_TRANSLATE_NOOP("UserError", "{file}, line {line}: {problem}")
        elif field:
            where = QT_TRANSLATE_NOOP("UserError", "{file}: field {field}: {problem}")
        else:
            where = QT_TRANSLATE_NOOP("UserError", "{file}: {problem}")
        text = fill(problem, values)
        super().__init__(where, file=file, line=line, field=field, problem=text)
        self.problem_template, self.problem_values = problem, values
        self.file, self.line, self.field, self.problem = file, line, field, text

    def render(self, translate: Callable[[str], str] = lambda text: text) -> str:
        problem = fill(translate(self.problem_template), self.problem_values)
        return fill(translate(self.template), {**self.template_values, "problem": problem})


@dataclass(frozen=True)
class LoadedStudy:
    study: StudyFile
    text: str
    sha256: str
    source: str


def default_study_path() -> Path:
    return resources_dir() / DEFAULT_STUDY_FILE


def load_study_file(path: str | Path) -> LoadedStudy:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_STUDY_FILE_BYTES:
            raise StudyFileError(
                path.name, None, "", QT_TRANSLATE_NOOP("UserError", "the file is {size:,} bytes; a study file is at most {limit:,}"),
                size=size, limit=MAX_STUDY_FILE_BYTES,
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise StudyFileError(
            str(path), None, "", QT_TRANSLATE_NOOP("UserError", "cannot be read ({detail})"), detail=exc.strerror or str(exc)
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StudyFileError(path.name, _line_of_offset(raw, exc.start), "", QT_TRANSLATE_NOOP("UserError", "is not UTF-8 text")) from exc
    return parse_study_text(text, source=path.name)


def load_default_study() -> LoadedStudy:
    return load_study_file(default_study_path())


def parse_study_text(text: str, source: str = "study file") -> LoadedStudy:
    if len(text.encode("utf-8")) > MAX_STUDY_FILE_BYTES:
        raise StudyFileError(
            source, None, "", QT_TRANSLATE_NOOP("UserError", "a study file is at most {limit:,} bytes"), limit=MAX_STUDY_FILE_BYTES
        )
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise StudyFileError(source, None, "", QT_TRANSLATE_NOOP("UserError", "is nested too deeply to be a study file")) from None
    except tomllib.TOMLDecodeError as exc:
        line = _toml_error_line(exc)
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)) or "is not valid TOML"
        raise StudyFileError(source, line, "", QT_TRANSLATE_NOOP("UserError", "not valid TOML: {detail}"), detail=problem) from exc
    try:
        study = StudyFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        loc = _data_path(data, first["loc"])
        field = format_field(loc)
        line = locate_key(text, loc)
        problem = re.sub(r"^(Value|Assertion) error, ", "", first["msg"])  # pydantic's or the model's English
        if first["type"] == "missing":
            problem = QT_TRANSLATE_NOOP("UserError", "is required but missing")
        elif first["type"] == "extra_forbidden":
            problem = QT_TRANSLATE_NOOP("UserError", "is not a known field (check its spelling)")
        raise StudyFileError(source, line, field, problem) from exc
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return LoadedStudy(study=study, text=text, sha256=digest, source=source)


def format_field(loc: tuple[Any, ...]) -> str:
    """``weeks[0].diary_questions[1].kind`` for a location."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _line_of_offset(raw: bytes, offset: int) -> int:
    return raw[:offset].count(b"\n") + 1


def _toml_error_line(exc: tomllib.TOMLDecodeError) -> int | None:
    lineno = getattr(exc, "lineno", None)
    if lineno:
        return int(lineno)
    match = re.search(r"at line (\d+)", str(exc))
    return int(match.group(1)) if match else None


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The part of a pydantic error location that names real keys and indices
    (dropping union member names such as ``str`` or ``dict[...]``); a missing or
    extra key is kept as the last part."""
    path: list[Any] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not path_is_type_tag(part):
            path.append(part)
            break
        else:
            break
    return tuple(path)


def path_is_type_tag(part: str) -> bool:
    return part in {"str", "int", "bool"} or "[" in part


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _split_dotted(key: str) -> list[str]:
    return [part.strip().strip("\"'") for part in re.split(r"\.(?=(?:[^\"']|\"[^\"]*\"|'[^']*')*$)", key)]


def locate_key(text: str, loc: tuple[Any, ...]) -> int | None:
    """The line on which ``loc`` (keys and array indices) is written, or the line
    of its nearest written ancestor. A small scanner of TOML's structure: tables,
    arrays of tables and ``key =`` lines, skipping multi-line strings."""
    target = tuple(loc)
    best_line, best_len = None, -1
    array_index: dict[tuple[Any, ...], int] = {}
    table: tuple[Any, ...] = ()
    in_multiline = False
    for number, line in enumerate(text.splitlines(), start=1):
        quotes = line.count('"""') + line.count("'''")
        if in_multiline:
            if quotes % 2 == 1:
                in_multiline = False
            continue
        header = _HEADER.match(line)
        path: tuple[Any, ...] | None = None
        if header and not line.lstrip().startswith("#"):
            is_array = header.group(1) == "[["
            resolved: list[Any] = []
            parts = _split_dotted(header.group(2))
            for i, part in enumerate(parts):
                resolved.append(part)
                last = i == len(parts) - 1
                key = tuple(resolved)
                if last and is_array:
                    array_index[key] = array_index.get(key, -1) + 1
                    resolved.append(array_index[key])
                elif key in array_index:
                    resolved.append(array_index[key])
            table = tuple(resolved)
            path = table
        else:
            key_match = _KEY.match(line)
            if key_match and not line.lstrip().startswith("#"):
                path = table + tuple(_split_dotted(key_match.group(1)))
            if quotes % 2 == 1:
                in_multiline = True
        if path is None:
            continue
        common = 0
        for a, b in zip(path, target):
            if a != b:
                break
            common += 1
        if common == len(path) and common > best_len:
            best_line, best_len = number, common
    return best_line
