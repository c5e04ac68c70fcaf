"""The probe's queries: what each asks, in which language, and the condition its
suggestions can be checked against (RecBench+'s three kinds, Huang et al. 2025).

A query file is JSON (``diaryrec research probe --write-queries FILE`` writes the
default set as a start)::

    {"format": "diaryrec-probe-queries", "version": 1,
     "queries": [
       {"id": "years-1", "kind": "explicit", "language": "en",
        "text": "Recommend 5 songs released between 1990 and 1999.",
        "count": 5, "condition": {"released": [1990, 1999]}},
       {"id": "album-1", "kind": "misinformed", "language": "en",
        "text": "Recommend 5 songs from Adele's album \\"Future Nostalgia\\".", "count": 5,
        "premise": "Adele has an album called Future Nostalgia",
        "truth": "Future Nostalgia is an album by Dua Lipa"}]}

- ``kind``: ``explicit`` (the condition is stated), ``implicit`` (stated through
  another item: "from the same year as <track>") or ``misinformed`` (the request
  rests on a false ``premise``; ``truth`` says what is right, for the report).
- ``count``: how many tracks the query asks for (fewer is a failure to recommend).
- ``condition`` (optional; every key given must hold): ``released``: ``[from, to]``
  years, inclusive; ``artist``: a name the catalog must credit; ``not_artist``: a
  name it must not credit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from diaryrec.errors import UserError
from diaryrec.paths import resources_dir
from diaryrec.vocabulary import LANGUAGES

FORMAT = "diaryrec-probe-queries"
VERSION = 1
MAX_QUERIES = 500
MAX_COUNT = 20
CONDITION_KEYS = ("released", "artist", "not_artist")


class ProbeKind(StrEnum):
    EXPLICIT = "explicit"
    IMPLICIT = "implicit"
    MISINFORMED = "misinformed"


@dataclass(frozen=True)
class Condition:
    """What every suggestion of a query must satisfy; an empty condition checks nothing."""

    released: tuple[int, int] | None = None
    artist: str = ""
    not_artist: str = ""

    @property
    def empty(self) -> bool:
        return self.released is None and not self.artist and not self.not_artist

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.released is not None:
            out["released"] = list(self.released)
        if self.artist:
            out["artist"] = self.artist
        if self.not_artist:
            out["not_artist"] = self.not_artist
        return out


@dataclass(frozen=True)
class ProbeQuery:
    id: str
    kind: ProbeKind
    language: str
    text: str
    count: int = 5
    condition: Condition = field(default_factory=Condition)
    premise: str = ""
    truth: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "kind": self.kind.value, "language": self.language, "text": self.text,
                               "count": self.count}
        if not self.condition.empty:
            out["condition"] = self.condition.to_dict()
        if self.kind == ProbeKind.MISINFORMED:
            out["premise"], out["truth"] = self.premise, self.truth
        return out


class QueryFileError(UserError):
    """A query file that cannot be used; the message names the query and the field."""


def _fail(where: str, problem: str) -> QueryFileError:
    return QueryFileError(f"{where}: {problem}", hint="The format is in the README (\"Probe a recommender\"); "
                          "diaryrec research probe --write-queries FILE writes the default set to start from.")


def _text(raw: dict[str, Any], key: str, where: str, *, required: bool = True, limit: int = 2000) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise _fail(where, f"{key!r} must be text")
    value = value.strip()
    if required and not value:
        raise _fail(where, f"{key!r} is missing or empty")
    if len(value) > limit:
        raise _fail(where, f"{key!r} is longer than {limit} characters")
    return value


def _condition(raw: Any, where: str) -> Condition:
    if raw is None:
        return Condition()
    if not isinstance(raw, dict):
        raise _fail(where, "'condition' must be an object")
    unknown = sorted(set(raw) - set(CONDITION_KEYS))
    if unknown:
        raise _fail(where, f"unknown condition {', '.join(map(repr, unknown))} (known: {', '.join(CONDITION_KEYS)})")
    released = raw.get("released")
    years: tuple[int, int] | None = None
    if released is not None:
        if (not isinstance(released, list) or len(released) != 2
                or not all(isinstance(y, int) and not isinstance(y, bool) and 1800 <= y <= 2099 for y in released)
                or released[0] > released[1]):
            raise _fail(where, "'released' must be [from, to]: two years from 1800 to 2099, the first not after the second")
        years = (released[0], released[1])
    return Condition(released=years, artist=_text(raw, "artist", where, required=False, limit=500),
                     not_artist=_text(raw, "not_artist", where, required=False, limit=500))


def parse_query(raw: Any, where: str) -> ProbeQuery:
    if not isinstance(raw, dict):
        raise _fail(where, "a query must be an object")
    query_id = _text(raw, "id", where, limit=100)
    where = f"{where} ({query_id})"
    try:
        kind = ProbeKind(raw.get("kind"))
    except ValueError:
        raise _fail(where, f"'kind' must be one of {', '.join(k.value for k in ProbeKind)}") from None
    language = raw.get("language", "en")
    if language not in LANGUAGES:
        raise _fail(where, f"'language' must be one of {', '.join(LANGUAGES)}")
    count = raw.get("count", 5)
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_COUNT:
        raise _fail(where, f"'count' must be a whole number from 1 to {MAX_COUNT}")
    premise = _text(raw, "premise", where, required=kind == ProbeKind.MISINFORMED)
    truth = _text(raw, "truth", where, required=False)
    return ProbeQuery(id=query_id, kind=kind, language=language, text=_text(raw, "text", where), count=count,
                      condition=_condition(raw.get("condition"), where), premise=premise, truth=truth)


def parse_queries(data: Any, source: str = "queries") -> list[ProbeQuery]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _fail(source, f'not a probe query file (it needs "format": "{FORMAT}")')
    if data.get("version") != VERSION:
        raise _fail(source, f"version {data.get('version')!r} is not one this diaryrec reads (it reads {VERSION})")
    raw = data.get("queries")
    if not isinstance(raw, list) or not raw:
        raise _fail(source, "'queries' must be a non-empty list")
    if len(raw) > MAX_QUERIES:
        raise _fail(source, f"more than {MAX_QUERIES} queries")
    queries = [parse_query(item, f"{source}, query {i + 1}") for i, item in enumerate(raw)]
    seen: set[str] = set()
    for query in queries:
        if query.id in seen:
            raise _fail(source, f"the id {query.id!r} is used twice")
        seen.add(query.id)
    return queries


def queries_document(queries: list[ProbeQuery], comment: str = "") -> dict[str, Any]:
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if comment:
        document["_comment"] = comment
    document["queries"] = [q.to_dict() for q in queries]
    return document


def queries_json(queries: list[ProbeQuery], comment: str = "") -> str:
    return json.dumps(queries_document(queries, comment), ensure_ascii=False, indent=1) + "\n"


def load_queries(path: Path) -> list[ProbeQuery]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise _fail(str(path), "not UTF-8 text") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise _fail(str(path), f"not JSON ({exc})") from None
    return parse_queries(data, Path(path).name)


def default_queries_path() -> Path:
    return resources_dir() / "probe" / "queries.json"


def default_queries(language: str | None = None) -> list[ProbeQuery]:
    """The shipped set (``resources/probe/queries.json``, made by ``probe.generate``
    from the catalog data), in ``language`` or both."""
    queries = load_queries(default_queries_path())
    return [q for q in queries if language is None or q.language == language]

