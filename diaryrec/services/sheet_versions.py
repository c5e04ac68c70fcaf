"""The saved versions of the participant's sheets, Qt-free: saving a new version
(with its compiled prompt) and reading them back. Needs only the store: a sheet is
saved whether or not the LLM client is up. What changed between two versions is
``diaryrec.sheets.changes``; the chat's reads are ``services.conversation``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import select

from diaryrec.sheets.compiler import compile_sheet
from diaryrec.sheets.io import sheet_to_dict
from diaryrec.sheets.models import PlanningSheet
from diaryrec.store import Store
from diaryrec.store.models import SheetVersion


@dataclass(frozen=True)
class SheetInfo:
    id: int
    sheet_key: str
    kind: str
    version: int
    study_day: int
    content: dict[str, Any]
    compiled_prompt: str
    based_on_id: int | None


def _info(row: SheetVersion) -> SheetInfo:
    return SheetInfo(row.id or 0, row.sheet_key, row.kind, row.version, row.study_day, dict(row.content),
                     row.compiled_prompt, row.based_on_id)


def latest_version(store: Store, *, kind: str | None = None, sheet_key: str | None = None,
                   before_day: int | None = None) -> SheetInfo | None:
    """The newest saved version (of a kind, a key, or saved before a study day)."""
    with store.session() as session:
        query = select(SheetVersion)
        if kind:
            query = query.where(SheetVersion.kind == kind)
        if sheet_key:
            query = query.where(SheetVersion.sheet_key == sheet_key)
        if before_day is not None:
            query = query.where(SheetVersion.study_day < before_day)
        row = session.exec(query.order_by(SheetVersion.id.desc())).first()  # type: ignore[union-attr]
        return _info(row) if row is not None else None


def versions(store: Store, kind: str = "planning") -> list[SheetInfo]:
    with store.session() as session:
        rows = session.exec(select(SheetVersion).where(SheetVersion.kind == kind).order_by(SheetVersion.id)).all()  # type: ignore[arg-type]
        return [_info(r) for r in rows]


def next_recommender_key(saved: Iterable[SheetInfo]) -> str:
    """The key of a brand-new scenario beside the ``saved`` versions: recommender-1, -2, …"""
    keys = {v.sheet_key for v in saved}
    n = 1
    while f"recommender-{n}" in keys:
        n += 1
    return f"recommender-{n}"


@dataclass(frozen=True)
class SavedSheet:
    id: int
    sheet_key: str
    version: int
    compiled_prompt: str
    template: str
    sheet_sha256: str


def save_sheet_version(
    store: Store, sheet: PlanningSheet, *, sheet_key: str, kind: str, study_day: int,
    based_on_id: int | None = None, template_dir: str | Path | None = None,
) -> SavedSheet:
    """A new version of ``sheet_key`` with its compiled prompt (the study's
    ``template_dir``, else the shipped templates); older versions stay."""
    if kind not in ("daily", "planning"):
        raise ValueError(f"sheet kind must be 'daily' or 'planning', not {kind!r}")
    compiled = compile_sheet(sheet, template_dir or None)
    with store.session() as session:
        latest = session.exec(select(func.max(SheetVersion.version)).where(SheetVersion.sheet_key == sheet_key)).one()
        row = SheetVersion(
            sheet_key=sheet_key, kind=kind, version=(latest or 0) + 1, study_day=study_day,
            content=sheet_to_dict(sheet), compiled_prompt=compiled.system_prompt, template=compiled.template,
            sheet_sha256=compiled.sheet_sha256, based_on_id=based_on_id,
        )
        session.add(row)
        session.commit()
        session.refresh(row)
    store.log_event("sheet_saved", sheet_version_id=row.id, sheet_key=sheet_key, version=row.version)
    assert row.id is not None
    return SavedSheet(row.id, sheet_key, row.version, row.compiled_prompt, row.template, row.sheet_sha256)
