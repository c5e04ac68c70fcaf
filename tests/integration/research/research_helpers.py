"""Shared by the research integration tests: small synthetic participants and their bundles."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile
from pathlib import Path

from diaryrec.paths import DataLayout
from diaryrec.research.export import export_bundle
from diaryrec.research.synthetic import SyntheticSpec, make_participant
from diaryrec.store import open_store

SMALL = SyntheticSpec(participants=3, turns_per_day=1, tracks_per_turn=3, screenshot_bytes=3_000, seed=7)
NOW = dt.datetime(2025, 5, 1, 12, 0, tzinfo=dt.timezone.utc)


def participant(root: Path, index: int, spec: SyntheticSpec = SMALL, now: dt.datetime = NOW) -> DataLayout:
    return make_participant(root / f"data-{index}", index, spec, now)


def export(layout: DataLayout, out: Path, now: dt.datetime = NOW, **kwargs) -> Path:
    store = open_store(layout)
    try:
        return export_bundle(store, out, now=now, **kwargs).path
    finally:
        store.close()


def rewrite_zip(source: Path, target: Path, change) -> Path:  # noqa: ANN001
    """A copy of ``source`` whose members pass through ``change(name, data) -> [(name, data), ...]``."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            for name, data in change(info.filename, src.read(info)):
                dst.writestr(name, data)
    return target


def count(database: Path, table: str, where: str = "") -> int:
    with sqlite3.connect(database) as conn:
        return conn.execute(f"SELECT count(*) FROM {table} {where}").fetchone()[0]
