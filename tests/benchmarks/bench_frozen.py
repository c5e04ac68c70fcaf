"""The frozen onedir app: its size on disk and its start-up time, each against the
same app installed unfrozen, measured in the same run (``make bench``).

- size: the onedir folder vs. the installed files of diaryrec's run-time
  dependencies (the closure of pyproject's ``dependencies``, no extras), i.e. what
  running from a venv needs besides Python itself.
- start-up: the app itself, frozen vs. from the venv, on the same data folder, timed
  from spawn to the line ``diaryrec: home shown`` that DIARYREC_EXIT_WHEN_HOME_SHOWN
  makes it print once the home screen is painted, before it quits. Twice: the first
  run (no study yet: the join screen, after the store opens) and a day of the study
  (six days done: the home screen, painted before the store opens).
"""

from __future__ import annotations

import importlib.metadata as md
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "packaging"))
from test_frozen import build_onedir  # noqa: E402  (one build recipe for test and bench)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import _prepare  # noqa: E402  (the same six days of data)

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="measured on the Linux build")
RUNS = 3
MB = 1024 * 1024


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def runtime_closure_bytes() -> tuple[int, list[str]]:
    """Installed size of diaryrec's run-time dependencies, followed transitively."""
    seen: dict[str, md.Distribution] = {}
    todo = [Requirement(r) for r in md.requires("diaryrec") or []]
    while todo:
        req = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        key = req.name.lower().replace("_", "-")
        if key in seen:
            continue
        try:
            dist = md.distribution(req.name)
        except md.PackageNotFoundError:
            continue
        seen[key] = dist
        todo.extend(Requirement(r) for r in dist.requires or [])
    total = 0
    for dist in seen.values():
        for file in dist.files or []:
            path = Path(dist.locate_file(file))
            if path.is_file() and "__pycache__" not in path.parts:
                total += path.stat().st_size
    return total + folder_bytes(ROOT / "diaryrec") + folder_bytes(ROOT / "resources") + folder_bytes(
        ROOT / "templates"
    ), sorted(seen)


def largest_parts(app: Path, count: int = 8) -> list[tuple[str, int]]:
    internal = app / "_internal"
    parts: dict[str, int] = {}
    for path in internal.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(internal).parts
        if rel[0] == "PySide6" and len(rel) > 3 and rel[1] == "Qt":
            key = "PySide6/Qt/" + ("/".join(rel[2:4]) if rel[2] == "lib" else rel[2])
        else:
            key = rel[0] if len(rel) > 1 else ("shared libraries (top level)" if ".so" in rel[0] else rel[0])
        parts[key] = parts.get(key, 0) + path.stat().st_size
    return sorted(parts.items(), key=lambda kv: -kv[1])[:count]


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=cwd)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=300)
    assert line.strip() == "diaryrec: home shown", f"the app did not start (exit {proc.returncode})"
    return elapsed


def test_frozen_size_and_startup(tmp_path: Path):
    app = build_onedir(tmp_path)

    size = folder_bytes(app)
    baseline, dists = runtime_closure_bytes()
    print(f"\nBENCH frozen_onedir_size: {size / MB:.1f} MB (baseline: {baseline / MB:.1f} MB installed "
          f"run-time dependencies, {len(dists)} distributions; ratio {size / baseline:.2f}, goal <= 1.00)")
    for name, nbytes in largest_parts(app):
        print(f"      {nbytes / MB:6.1f} MB  {name}")

    frozen_cmd = [str(app / "diaryrec")]
    venv_cmd = [sys.executable, "-m", "diaryrec"]
    for label, data in (("first run", tmp_path / "empty"), ("day 7", tmp_path / "study")):
        if label == "day 7":
            _prepare(data)
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONPATH")}
        env.update(QT_QPA_PLATFORM="offscreen", DIARYREC_DATA_DIR=str(data),
                   DIARYREC_EXIT_WHEN_HOME_SHOWN="1", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
        timed(frozen_cmd, env, tmp_path)  # warm the file cache for both (and cache the study's calendar)
        timed(venv_cmd, env, tmp_path)
        frozen_times, venv_times = [], []
        for _ in range(RUNS):  # interleaved, so a busy neighbour slows both alike
            frozen_times.append(timed(frozen_cmd, env, tmp_path))
            venv_times.append(timed(venv_cmd, env, tmp_path))
        frozen_s, venv_s = statistics.median(frozen_times), statistics.median(venv_times)
        print(f"BENCH frozen_startup_to_home ({label}): {frozen_s:.2f} s (baseline: {venv_s:.2f} s from the venv; "
              f"ratio {frozen_s / venv_s:.2f}, goal <= 1.20; median of {RUNS} starts)")
