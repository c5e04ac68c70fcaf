"""The wheel carries everything: built, installed into a throw-away venv outside the
source tree, and ``diaryrec selftest`` run from there."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """The build and the throw-away venv (~300 MB) are removed after the test, passed or not."""
    yield tmp_path
    for name in ("dist", "venv"):
        shutil.rmtree(tmp_path / name, ignore_errors=True)


def test_installed_wheel_passes_selftest(work: Path):
    tmp_path = work
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    wheel = next(dist.glob("diaryrec-*.whl"))
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(target)
    bindir = target / ("Scripts" if os.name == "nt" else "bin")
    install = subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(QT_QPA_PLATFORM="offscreen", DIARYREC_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run(
        [str(bindir / "diaryrec"), "selftest"], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "selftest passed" in result.stdout
    # the shipped files come from the installed package, not from this checkout
    assert str(ROOT / "resources") not in result.stdout
    assert "site-packages" in result.stdout
