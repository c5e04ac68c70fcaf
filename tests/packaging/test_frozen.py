"""The PyInstaller onedir app, built on Linux from the same spec as the installers,
passes its own ``selftest`` and carries everything the installers rely on.

A template, resource, migration or Qt plugin that the spec forgets fails here,
long before anyone builds an installer on Windows or macOS.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import diaryrec

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "pyinstaller" / "diaryrec.spec"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform != "linux", reason="the CI workflow covers Windows and macOS")]


def build_onedir(target: Path) -> Path:
    """Build into ``target`` (never into the source tree) and return the app folder."""
    result = subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--distpath", str(target / "dist"), "--workpath", str(target / "work"), str(SPEC),
        ],
        capture_output=True,
        text=True,
        cwd=target,
        timeout=550,  # inside pytest-timeout's 600 s
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    return target / "dist" / "diaryrec"


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("frozen")
    yield build_onedir(target)
    shutil.rmtree(target, ignore_errors=True)  # ~400 MB of app and build files: not left in the temp folder


def run_frozen(app: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        # a Korean folder name: the frozen app must handle non-ASCII paths end to end
        DIARYREC_DATA_DIR=str(tmp_path / "참가자 데이터"),
        HOME=str(tmp_path / "home"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CACHE_HOME=str(tmp_path / "xdg-cache"),
        LANG="C.UTF-8",
    )
    return subprocess.run(
        [str(app / "diaryrec"), *args], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300
    )


def test_frozen_app_passes_selftest(frozen: Path, tmp_path: Path):
    report = tmp_path / "보고서.txt"
    result = run_frozen(frozen, tmp_path, "selftest", "--output", str(report))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "selftest passed"
    for check in ("resources", "templates", "database", "images", "qt"):
        assert any(line.startswith(f"ok    {check}:") for line in lines), result.stdout
    assert "offscreen platform, main window rendered" in result.stdout
    # the shipped files come from inside the bundle, not from this checkout
    internal = frozen / "_internal"
    assert f"resources: {internal / 'resources'} " in result.stdout
    assert f"templates: {internal / 'templates'} " in result.stdout
    assert str(ROOT) not in result.stdout
    # --output is how the windowed Windows build reports; it must be the same text
    assert report.read_text(encoding="utf-8") == result.stdout


def test_frozen_app_reports_the_package_version(frozen: Path, tmp_path: Path):
    result = run_frozen(frozen, tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"diaryrec {diaryrec.__version__}"


def shipped_files(folder: Path) -> list[Path]:
    return sorted(p.relative_to(ROOT) for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def test_bundle_carries_templates_resources_and_migrations(frozen: Path):
    internal = frozen / "_internal"
    expected = shipped_files(ROOT / "templates") + shipped_files(ROOT / "resources")
    assert any(p.suffix == ".j2" for p in expected) and any(p.suffix == ".toml" for p in expected)
    missing = [str(p) for p in expected if not (internal / p).is_file()]
    assert missing == []
    # Alembic reads these as files at run time; bytecode in the archive is not enough
    migrations = ROOT / "diaryrec" / "store" / "migrations"
    wanted = [migrations / "env.py", migrations / "script.py.mako", *sorted((migrations / "versions").glob("*.py"))]
    assert len(wanted) >= 3
    missing = [str(p.relative_to(ROOT)) for p in wanted if not (internal / p.relative_to(ROOT)).is_file()]
    assert missing == []


def test_bundle_carries_qt_plugins_and_translations(frozen: Path):
    qt = frozen / "_internal" / "PySide6" / "Qt"
    for plugin in ("platforms/libqoffscreen.so", "platforms/libqxcb.so", "platforms/libqwayland.so",
                   "imageformats/libqjpeg.so"):
        assert (qt / "plugins" / plugin).is_file(), plugin
    translations = sorted(p.name for p in (qt / "translations").glob("*.qm"))
    assert "qtbase_ko.qm" in translations
    assert all(re.search(r"_(en|ko)\.qm$", name) for name in translations), translations
    icons = frozen / "_internal" / "resources" / "icons"
    assert (icons / "diaryrec.ico").is_file() and (icons / "diaryrec.icns").is_file()


def test_bundle_leaves_out_what_the_app_does_not_use(frozen: Path):
    names = [p.relative_to(frozen).as_posix() for p in frozen.rglob("*")]
    heavy_qt = re.compile(r"(Qml|Quick|WebEngine|Qt63D|Multimedia|Designer|QtHelp|QtTest)", re.IGNORECASE)
    assert [n for n in names if "Qt" in n and heavy_qt.search(n)] == []
    tools = re.compile(r"(^|/)(psycopg\w*|pytest\w*|_pytest|PyInstaller|hatchling|tkinter)(/|$|\.|-)")
    assert [n for n in names if tools.search(n)] == []
    # Pillow's AVIF codec: not a format diaryrec opens (packaging/pyinstaller/build_rules.py)
    assert [n for n in names if re.search(r"(^|/)(_avif|libavif)", n)] == []


def diaryrec_modules() -> set[str]:
    names = set()
    for path in (ROOT / "diaryrec").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if not name.startswith("diaryrec.store.migrations") and name != "diaryrec.store.new_migration":
            names.add(name)
    return names


def test_bundle_holds_the_modules_loaded_by_name(frozen: Path):
    """selftest does not reach every feature: what features import lazily, Alembic's
    scripts import from files and keyring finds by entry point must be in the archive."""
    from PyInstaller.archive.readers import ZlibArchiveReader

    archive = set(ZlibArchiveReader(str(frozen.parents[1] / "work" / "diaryrec" / "PYZ-00.pyz")).toc)
    wanted = diaryrec_modules() | {
        "alembic.runtime.migration", "alembic.op", "sqlmodel.sql.sqltypes", "sqlalchemy.dialects.sqlite.pysqlite",
        "keyring.backends.SecretService", "keyring.backends.Windows", "keyring.backends.macOS",
        "openai", "httpx2", "spotipy", "partial_json_parser", "pillow_heif", "rapidfuzz", "tzlocal",
        "jinja2.sandbox", "PIL.Image",
    }
    assert len(wanted) > 30
    assert sorted(wanted - archive) == []
    internal = frozen / "_internal"
    assert list(internal.glob("_pillow_heif*.so")), "pillow_heif's extension"
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt")), "keyring finds its backends by entry point"


def test_frozen_app_paints_a_joined_study_from_its_first_paint(frozen: Path, tmp_path: Path):
    """The daily start of the frozen app: the first start opens the store and caches
    the study's calendar; the next paints the home screen before the store opens
    (diaryrec.runtime.startup), from a Korean-named data folder."""
    import datetime as dt

    from diaryrec.paths import DataLayout
    from diaryrec.protocol import load_default_study
    from diaryrec.services.study import join_study
    from diaryrec.store import open_store

    layout = DataLayout(tmp_path / "참가자 데이터")
    store = open_store(layout)
    try:
        join_study(store, load_default_study(), "P07", now=dt.datetime.now(dt.timezone.utc), zone_name="Asia/Seoul")
    finally:
        store.close()
    for start in ("first", "second"):
        result = subprocess.run(
            [str(frozen / "diaryrec")], capture_output=True, text=True, cwd=tmp_path, timeout=120,
            env={**{k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))},
                 "QT_QPA_PLATFORM": "offscreen", "DIARYREC_DATA_DIR": str(layout.root),
                 "DIARYREC_EXIT_WHEN_HOME_SHOWN": "1", "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8"},
        )
        assert result.returncode == 0, f"{start} start: {result.stdout}{result.stderr}"
        assert result.stdout.strip().splitlines()[0] == "diaryrec: home shown", start
        assert layout.calendar_cache.is_file(), f"no calendar cached after the {start} start"
