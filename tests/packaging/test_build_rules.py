"""The spec's rules (packaging/pyinstaller/build_rules.py) with the paths PyInstaller
produces on each platform: the Windows wheel keeps Qt's translations in
PySide6/translations/, Linux and macOS in PySide6/Qt/translations/, and the Windows
build writes backslashes. And the Windows file version keeps releases in order."""

from __future__ import annotations

import importlib.util
import itertools
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("build_rules", ROOT / "packaging" / "pyinstaller" / "build_rules.py")
build_rules = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_rules)

QT_TRANSLATIONS = {
    "windows": "PySide6\\translations\\{}",
    "linux": "PySide6/Qt/translations/{}",
    "macos": "PySide6/Qt/translations/{}",
}


@pytest.mark.parametrize("platform", sorted(QT_TRANSLATIONS))
def test_qt_translations_are_trimmed_to_english_and_korean(platform):
    where = QT_TRANSLATIONS[platform]
    kept = ["qtbase_ko.qm", "qtbase_en.qm", "qt_ko.qm", "qt_en.qm"]
    dropped = ["qtbase_de.qm", "qt_fr.qm", "qtbase_zh_CN.qm", "qt_help_ko.qm", "qt_help_en.qm", "qtbase_pt_BR.qm"]
    assert [name for name in kept if not build_rules.keep(where.format(name))] == []
    assert [name for name in dropped if build_rules.keep(where.format(name))] == []


def test_the_windows_wheel_layout_was_the_one_that_slipped_through():
    # The spec's old test ("/Qt" in the path) never matched the Windows wheel: 99 .qm, 7 MB.
    windows = "PySide6\\translations\\qtbase_de.qm"
    assert "/Qt" not in "/" + windows.replace("\\", "/")
    assert build_rules.is_qt_translation(windows) and not build_rules.keep(windows)


@pytest.mark.parametrize("dest", [
    "resources/translations/diaryrec_ko.qm", "resources\\translations\\diaryrec_en.qm",
    "resources/translations/diaryrec_de.qm",
])
def test_diaryrecs_own_translations_are_never_trimmed(dest):
    assert not build_rules.is_qt_translation(dest) and build_rules.keep(dest)


@pytest.mark.parametrize("dest, kept", [
    ("PySide6\\opengl32sw.dll", False),  # Windows: Mesa's software OpenGL, 19.7 MB
    ("PySide6\\Qt6Gui.dll", True),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6\\plugins\\platforms\\qoffscreen.dll", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    # HEIC: the Windows wheel's libraries sit at the top of the bundle, Linux's in pillow_heif.libs
    ("libde265-0-da04b6b2448c39c0b7f218769dedb2f1.dll", True),
    ("pillow_heif.libs/libde265-2a9ab8b1.so.0.1.8", True),
    # an encoder diaryrec never uses, but libheif imports it when it loads (its import
    # table / DT_NEEDED): without it pillow-heif does not load and no HEIC photo opens
    ("libx265-217-276e7d75772a32bd086b54d54e01fd11.dll", True),
    ("pillow_heif.libs/libx265-d6e5bb4c.so.215", True),
])
def test_what_the_bundle_keeps(dest, kept):
    assert build_rules.keep(dest) is kept


def test_pillows_avif_codec_is_excluded_and_not_a_format_diaryrec_opens():
    assert {"PIL._avif", "PIL.AvifImagePlugin"} <= set(build_rules.EXCLUDED_MODULES)
    from diaryrec.media import images

    assert "AVIF" not in images.ALLOWED_FORMATS
    spec = (ROOT / "packaging" / "pyinstaller" / "diaryrec.spec").read_text(encoding="utf-8")
    assert "*build_rules.EXCLUDED_MODULES" in spec and "build_rules.keep(entry[0])" in spec


RELEASES_IN_ORDER = [
    "0.1.0", "0.1.1", "0.2.0.dev1", "0.2.0a1", "0.2.0a2", "0.2.0b1", "0.2.0rc1", "0.2.0rc2",
    "0.2.0", "0.2.0.post1", "0.2.1", "0.10.0", "1.0.0rc1", "1.0", "1.0.1",
]


def test_windows_file_versions_follow_the_release_order():
    numbers = [build_rules.windows_file_version(v) for v in RELEASES_IN_ORDER]
    assert all(len(n) == 4 and all(0 <= part <= 65535 for part in n) for n in numbers)
    for (a, na), (b, nb) in itertools.pairwise(zip(RELEASES_IN_ORDER, numbers)):
        assert na < nb, f"{a} -> {na} is not below {b} -> {nb}"


def test_a_release_candidate_is_below_its_final_release():
    assert build_rules.file_version_string("0.2.0rc1") == "0.2.121.0"
    assert build_rules.file_version_string("0.2.0") == "0.2.150.0"
    assert build_rules.windows_file_version("0.2.0rc1") < build_rules.windows_file_version("0.2.0")


def test_the_current_version_has_a_file_version():
    import diaryrec

    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", build_rules.file_version_string(diaryrec.__version__))


@pytest.mark.parametrize("bad", ["", "v1.0", "1.0.0rc10", "1.0.0rc1.dev1", "1.2.3.4", "1.0+local"])
def test_versions_without_a_windows_file_version_are_refused(bad):
    with pytest.raises(ValueError):
        build_rules.windows_file_version(bad)
