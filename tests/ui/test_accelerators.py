"""Keyboard mnemonics (Alt+letter) are unique on every screen: the walk found Alt+C
and Alt+D twice on one screen and "API 키(K)" beside "마켓(K)". This walks every
screen of the real window, in English and Korean, and collects the accelerators of
the menu bar and of every visible button, label and group box."""

from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

from diaryrec.protocol.model import Activity

from study_walk import every_first_run_page, every_screen
from test_activity_flows import sandbox_joined  # noqa: F401 - the fixture
from ui_helpers import seoul


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" ("&&" is a literal ampersand), lower-cased."""
    at = 0
    while (at := text.find("&", at)) >= 0:
        if text[at + 1:at + 2] == "&":
            at += 2
            continue
        letter = text[at + 1:at + 2]
        return letter.lower() if letter.strip() else None
    return None


def accelerators(window) -> dict[str, list[str]]:
    """Accelerator → the texts that carry it, of what is on screen now."""
    found: dict[str, list[str]] = defaultdict(list)
    for action in window.menuBar().actions():
        if action.isVisible() and (key := mnemonic(action.text())):
            found[key].append(f"menu {action.text()}")
    for kind in (QAbstractButton, QLabel, QGroupBox):
        for widget in window.findChildren(kind):
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            if widget.isVisible() and widget.window() is window and (key := mnemonic(text)):
                found[key].append(f"{type(widget).__name__} {text}")
    return found


def clashes(window, where: str) -> list[str]:
    return [f"{where}: Alt+{key.upper()} on {texts}" for key, texts in accelerators(window).items() if len(texts) > 1]


def menu_clashes(window) -> list[str]:
    out = []
    for top in window.menuBar().actions():
        seen: dict[str, list[str]] = defaultdict(list)
        for action in top.menu().actions():
            if action.isVisible() and (key := mnemonic(action.text())):
                seen[key].append(action.text())
        out += [f"menu {top.text()}: {texts}" for texts in seen.values() if len(texts) > 1]
    return out


def test_mnemonic_reads_the_letter_after_a_single_ampersand():
    assert mnemonic("Open study &data…") == "d" and mnemonic("API 키(&K)") == "k"
    assert mnemonic("Rock && roll") is None and mnemonic("no accelerator") is None


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_first_run_page_has_unique_accelerators(qtbot, open_window, default_study, lang):
    window, context = open_window(now=seoul(2, 10), lang=lang)
    found = menu_clashes(window)
    for page in every_first_run_page(qtbot, window, default_study):
        found += clashes(window, page)
    assert found == []


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_screen_of_the_study_has_unique_accelerators(qtbot, open_window, sandbox_joined, lang):  # noqa: F811
    window, context = open_window(now=seoul(2, 12), lang=lang, sandbox=True)
    found = menu_clashes(window)
    for screen in every_screen(qtbot, window, context):
        found += clashes(window, screen)
    assert found == []


def test_the_go_menu_starts_todays_activity(qtbot, open_window, sandbox_joined):  # noqa: F811
    window, _ = open_window(now=seoul(3, 12), lang="en", sandbox=True)  # day 2: the composer
    go = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Go")
    start = next(a for a in go.actions() if a.text().replace("&", "") == "Start today's activity")
    assert not start.shortcut().isEmpty()
    start.trigger()
    assert window.current_key == "activity"
    assert window.screens["activity"].activity is Activity.DAILY_COMPOSER and window.screens["activity"].day == 2
