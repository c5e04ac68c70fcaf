"""Start-up paints before it loads (issue 5): the window opens from what
``diaryrec.runtime.startup`` reads with the standard library, and the store, settings and
study attach to it afterwards; what is asked for meanwhile waits, nothing is lost."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from diaryrec.runtime.startup import first_paint
from diaryrec.ui.app import apply_style, ensure_application, in_a_language, open_context
from diaryrec.ui.i18n import install_language
from diaryrec.ui.main_window import MainWindow

from ui_helpers import seoul

HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "pydantic", "jinja2", "openai", "spotipy", "keyring", "PIL", "rapidfuzz",
         "hashlib",
         # what the first paint does not show: built once the store is open
         "diaryrec.ui.checking_notice", "diaryrec.ui.services", "diaryrec.runtime.context")
# Qt types the first paint does not need (PySide creates each on first touch: QMessageBox 2 ms)
LAZY_QT_TYPES = ("QMessageBox", "QDialog")


def _cache_calendar(data_dir):
    """Opening the store once, as every start does, caches the study's calendar."""
    open_context(data_dir, False).close()


def _first_paint_in_a_child(data_dir) -> dict:
    """Paint the window from the first paint alone in a fresh interpreter; what it shows and imported."""
    child = textwrap.dedent(f"""
        import json, sys
        from diaryrec.runtime.startup import first_paint
        first = first_paint({str(data_dir)!r}, False)
        import PySide6.QtCore
        from diaryrec.ui.app import apply_style, ensure_application
        from diaryrec.ui.main_window import MainWindow
        app = ensure_application(styled=False)
        window = MainWindow(first_paint=first)
        apply_style(app)
        window.show()
        app.processEvents()
        print(json.dumps({{
            "home": window.home is not None and window.home.summary is not None,
            "cells": len(window.home.timeline_view.cells) if window.home else 0,
            "welcome": window.first_run is not None and window.first_run.isVisible(),
            "heavy": sorted(m for m in {HEAVY!r} if m in sys.modules),
            "qt_namespace_built": "Qt" in PySide6.QtCore.__dict__,
            "lazy_qt_types_built": sorted(t for t in {LAZY_QT_TYPES!r} if t in PySide6.QtWidgets.__dict__),
        }}))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, env=env, timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_first_paint_imports_no_orm_and_builds_no_qt_enums(joined, data_dir):
    _cache_calendar(data_dir)
    seen = _first_paint_in_a_child(data_dir)
    assert seen == {"home": True, "cells": 21, "welcome": False, "heavy": [], "qt_namespace_built": False,
                    "lazy_qt_types_built": []}


def test_the_welcome_page_of_a_first_run_is_painted_without_the_store_or_the_keyring(data_dir):
    seen = _first_paint_in_a_child(data_dir)
    assert seen["welcome"] and not seen["home"] and seen["heavy"] == []


@pytest.fixture
def first_window(qtbot, data_dir):
    """The window as ``run_app`` opens it, from the first paint alone; closed (with
    the context it was attached, if any) after the test."""
    opened: list[MainWindow] = []

    def _open():
        app = ensure_application(styled=False)
        first = in_a_language(first_paint(str(data_dir), False))  # as run_app does
        install_language(first.language)
        window = MainWindow(first_paint=first)
        qtbot.addWidget(window)
        apply_style(app)
        window.show()
        opened.append(window)
        return first, window

    yield _open
    for window in opened:
        window.close()
        window.tasks.shutdown()
        window.diary_tasks.shutdown()
        if window.context is not None:
            window.context.close()
    install_language("en")


def _attach(window, data_dir, now):
    context = open_context(data_dir, False)
    context.now = lambda: now  # type: ignore[method-assign]
    window.attach(context)
    return context


def test_what_is_asked_before_the_store_opens_happens_once_it_has(qtbot, joined, data_dir, first_window):
    _cache_calendar(data_dir)
    now = seoul(6, 12)
    first, window = first_window()
    assert first.home is not None and window.home is not None and not window.attached
    assert [window.nav.item(r).text() for r in range(window.nav.count())] == ["홈", "일기", "나의 취향", "설정"]
    window.nav.setCurrentRow(2)  # "My taste", not built yet: a placeholder, then the screen
    assert window.current_key == "taste" and "taste" not in window.screens
    window.home.timeline_view.cells[0].click()  # day 1, before the store is open
    _attach(window, data_dir, now)
    assert window.attached and set(window.screens) == {"home", "diary", "taste", "settings", "day", "activity"}
    assert window.current_key == "day"  # the day asked for, after the screen asked for
    qtbot.waitUntil(lambda: window.screens["day"].record is not None, timeout=10_000)
    assert window.screens["day"].record.day == 1
    assert window._loading_page is None  # the placeholder is gone


def test_a_first_run_shows_the_welcome_page_at_once_and_a_study_opened_early_once_attached(qtbot, data_dir, first_window):
    first, window = first_window()
    assert first.home is None and first.joined is False
    welcome = window.first_run
    assert welcome is not None and window.centralWidget() is welcome and welcome.context is None
    welcome.choose_sandbox()  # before the store is open: loads, then waits for it
    qtbot.waitUntil(lambda: bool(welcome._waiting), timeout=10_000)
    assert welcome.pages.currentWidget() is welcome.choose_page
    _attach(window, data_dir, seoul(2, 12))
    assert window.first_run is welcome and welcome.context is window.context  # the same page, not rebuilt
    assert welcome.pages.currentWidget() is welcome.consent_page and welcome.sandbox


@pytest.mark.parametrize("size", [(1024, 700), (1920, 1080)])
def test_the_first_paint_looks_exactly_like_the_home_once_attached(qtbot, joined, data_dir, first_window, monkeypatch,
                                                                    size):
    """Pixel for pixel: what the first paint leaves out (the checking notice, hidden
    until the store tells; the other screens) or builds differently must not show."""
    import diaryrec.runtime.startup

    _cache_calendar(data_dir)
    now = seoul(6, 12)
    monkeypatch.setattr(diaryrec.runtime.startup, "_now", lambda: now)
    (data_dir / "settings.json").write_text(json.dumps({"ui_language": "en"}), encoding="utf-8")
    _, window = first_window()
    window.resize(*size)
    qtbot.waitExposed(window)
    qtbot.wait(50)
    painted = window.grab().toImage()
    _attach(window, data_dir, now)
    home = window.home
    qtbot.waitUntil(lambda: window.checking_notice is not None and window.tasks.active() == 0, timeout=10_000)
    qtbot.wait(50)
    assert window.home is home and home.summary is not None
    window.checking_notice.setVisible(False)  # it says "no Spotify app is set up", rightly: once the store has told
    qtbot.wait(50)
    attached = window.grab().toImage()
    assert attached.size() == painted.size() and attached == painted


def test_a_database_only_the_store_can_judge_waits_for_it(qtbot, data_dir, first_window):
    import contextlib
    import sqlite3

    open_context(data_dir, False).close()  # a database with no study …
    with contextlib.closing(sqlite3.connect(data_dir / "diaryrec.sqlite")) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000'")  # … of a schema to migrate
        conn.commit()
    first, window = first_window()
    assert first.joined is None and window.first_run is None
    assert window.centralWidget().objectName() == "loadingPage"


def test_the_last_screen_is_restored_through_the_first_paint(qtbot, joined, data_dir, first_window):
    _cache_calendar(data_dir)
    (data_dir / "settings.json").write_text(json.dumps({"last_screen": "taste", "ui_language": "en"}), encoding="utf-8")
    first, window = first_window()
    assert first.last_screen == "taste" and first.language == "en"
    assert window.current_key == "taste" and window.nav.currentItem().text() == "My taste"
    assert window.pages.currentWidget() is window._loading_page  # until the store is open
    _attach(window, data_dir, seoul(6, 12))
    assert window.current_key == "taste" and window.pages.currentWidget() is window.screens["taste"]


def test_the_first_paint_opens_home_on_a_new_study_day(qtbot, joined, data_dir, first_window, monkeypatch):
    import diaryrec.runtime.startup

    _cache_calendar(data_dir)
    (data_dir / "settings.json").write_text(json.dumps({"last_screen": "diary", "last_screen_day": 4, "ui_language": "en"}),
                                            encoding="utf-8")
    monkeypatch.setattr(diaryrec.runtime.startup, "_now", lambda: seoul(6, 12))  # day 5
    first, window = first_window()
    assert first.last_screen_day == 4 and first.home.day_now == 5
    assert window.current_key == "home" and window.pages.currentWidget() is window.home


def test_a_saved_screen_that_needs_its_day_opens_home(qtbot, joined, data_dir, first_window):
    _cache_calendar(data_dir)
    (data_dir / "settings.json").write_text(json.dumps({"last_screen": "activity"}), encoding="utf-8")
    _, window = first_window()
    assert window.current_key == "home"
    _attach(window, data_dir, seoul(6, 12))
    assert window.current_key == "home" and window.pages.currentWidget() is window.home
