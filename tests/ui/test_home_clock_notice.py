"""A day jumped over by the clock or the zone is told on the home screen (issue 19)."""

from __future__ import annotations

from ui_helpers import seoul


def test_a_skipped_day_is_told_on_home(qtbot, open_window, joined):
    window, context = open_window(now=seoul(10, 12), lang="en")
    home = window.home
    home.refresh()
    qtbot.waitUntil(lambda: home.summary is not None and home.summary.day_now == 9)
    assert "jumped ahead" not in home.due_label.text()
    context.store.log_event("study_day_jump", day=9, skipped=1, zone="Pacific/Kiritimati")
    home.refresh()
    qtbot.waitUntil(lambda: home.summary is not None and home.summary.skipped == 1)
    assert "clock or time zone jumped ahead: 1 study day(s) before today were skipped" in home.due_label.text()
