"""The Korean interface through the real catalogue: every tr() string of the UI and
every UserError template of the Qt-free layers is in diaryrec_ko.ts and translated,
the shipped .qm is compiled from it, and the app shows Korean when the participant
(or the study) asks for it."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import diaryrec
from diaryrec.errors import CONTEXT
from diaryrec.ui.i18n import translations_dir

from ui_helpers import seoul

TS = translations_dir() / "diaryrec_ko.ts"
QM = translations_dir() / "diaryrec_ko.qm"
BIN = Path(sys.executable).parent


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name"), m.findtext("source")): m.find("translation") for c in root.iter("context") for m in c.iter("message")}


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(BIN)) or shutil.which(f"pyside6-{name}")
    if found is None:
        pytest.fail(f"pyside6-{name} is missing: it ships with PySide6-Essentials")
    return found


def _fields(text: str | None) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}", text or ""))


def test_every_ui_string_is_in_the_catalogue_and_translated(tmp_path):
    fresh = tmp_path / "fresh.ts"
    # the whole package, as README's command: tr() in diaryrec/ui, QT_TRANSLATE_NOOP("UserError", ...) everywhere
    sources = sorted(str(p) for p in Path(diaryrec.__file__).parent.rglob("*.py"))
    subprocess.run([_tool("lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = set(_messages(fresh))
    assert {source for context, source in wanted if context == CONTEXT} >= {
        "Please enter the participant code the research team gave you.",  # services/study.py
        "{name} is larger than {limit} MB.",  # media/images.py
    }, "lupdate no longer collects the UserError templates"
    shipped = _messages(TS)
    assert wanted - set(shipped) == set(), "run pyside6-lupdate and translate the new strings"
    untranslated = [key for key in wanted if shipped[key].get("type") == "unfinished" or not (shipped[key].text or "").strip()]
    assert untranslated == []
    for (_, source), translation in shipped.items():
        assert _fields(source) == _fields(translation.text), f"the {{placeholders}} of {source!r} differ in its translation"


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    compiled = tmp_path / "diaryrec_ko.qm"
    subprocess.run([_tool("lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease resources/translations/diaryrec_ko.ts"


def test_korean_interface_from_the_settings(qtbot, open_window, joined):
    window, context = open_window(now=seoul(2, 12), lang="ko")
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["홈", "일기", "나의 취향", "설정"]
    qtbot.waitUntil(lambda: len(window.home.timeline_view.cells) == 21)
    assert window.home.timeline_view.cells[0].accessibleName().startswith("1일차")
    assert "21일 중 0일" in window.home.timeline_view._progress.text()
    assert window.home.title.text() == "나만의 음악 추천 시스템 만들기"
    assert [a.text() for a in window.menuBar().actions()][:2] == ["파일(&F)", "이동(&G)"]


def test_language_switch_in_settings_rebuilds_the_screens(qtbot, open_window, joined):
    window, context = open_window(now=seoul(2, 12), lang="en")
    window.show_screen("settings")
    view = window.screens["settings"]
    qtbot.waitUntil(view.credentials.isEnabled)
    view.language.setCurrentIndex(view.language.findData("ko"))
    view.save()
    qtbot.waitUntil(lambda: window.nav is not None and window.nav.item(0).text() == "홈")
    assert window.current_key == "settings" and window.screens["settings"] is not view
    assert context.settings.ui_language == "ko"


def test_the_study_language_is_the_default(qtbot, open_window, joined):
    window, context = open_window(now=seoul(2, 12))  # no choice made: the study is Korean
    assert context.language == "ko"
    assert window.nav.item(1).text() == "일기"
