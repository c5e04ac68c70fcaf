"""Helpers for the UI tests: a main window over a temporary data folder, closed
(with its worker threads) after the test."""

from __future__ import annotations

import datetime as dt

import pytest

from diaryrec.services.study import join_study
from diaryrec.ui.app import ensure_application
from diaryrec.runtime.context import AppContext
from diaryrec.ui.i18n import install_language
from diaryrec.ui.main_thread_gc import MainThreadGC
from diaryrec.ui.main_window import MainWindow

from ui_helpers import JOINED


@pytest.fixture
def open_window(qtbot, data_dir):
    """``open_window(now=..., reminders=False, lang=None)`` → (window, context)."""
    opened: list[tuple[MainWindow, AppContext]] = []
    collector = MainThreadGC().start()  # as run_app does: no collection in worker threads

    def _open(now: dt.datetime | None = None, *, reminders: bool = False, lang: str | None = None, sandbox: bool = False,
              services: bool | None = None):
        ensure_application()  # the app's style sheet, as the real start applies it
        context = AppContext.open(data_dir, sandbox=sandbox)
        if now is not None:
            context.now = lambda: now  # type: ignore[method-assign]
        if lang is not None:
            context.settings.ui_language = lang  # type: ignore[assignment]
        install_language(context.language)
        if context.study is not None and (services if services is not None else context.sandbox):
            context.start_services()  # as run_app does (the sandbox fakes, or the real clients)
        window = MainWindow(context, reminders=reminders)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, context))
        return window, context

    yield _open
    for window, context in opened:
        if window.isVisible():
            window.close()
        window.diary_tasks.shutdown()
        window.tasks.shutdown()
        context.close()
    install_language("en")
    collector.stop()


@pytest.fixture
def joined(data_dir, default_study):
    """A data folder with the default (Korean) study joined on 2 March 2026 in Seoul."""
    context = AppContext.open(data_dir)
    active = join_study(context.store, default_study, "P07", now=JOINED, zone_name="Asia/Seoul")
    context.close()
    return active
