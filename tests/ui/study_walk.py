"""Walks through every screen of the real window, for checks that must hold on each
(unique accelerators, value controls that leave the mouse wheel to the page).
``every_screen`` yields the name of each screen once it is on show."""

from __future__ import annotations

from collections.abc import Iterator

from diaryrec.protocol.model import Activity
from diaryrec.ui.first_run import FirstRunView

from test_activity_flows import _check
from ui_helpers import seoul


def every_screen(qtbot, window, context) -> Iterator[str]:
    """The sidebar's screens, a day's record and each week's activity, of a sandbox
    study joined on 2 March (``open_window(now=seoul(2, 12), sandbox=True)``)."""
    for key in ("home", "diary", "taste", "settings"):
        window.show_screen(key)
        qtbot.wait(50)
        yield key
    window.open_day(1)
    qtbot.wait(50)
    yield "day"

    window.open_activity(1, Activity.ICE_BREAKING)
    sheet = window.screens["activity"].body
    qtbot.waitUntil(lambda: sheet.current == ("task", "s1-demographics"))
    yield "ice-breaking task"
    sheet._select(("ideas", 1))
    qtbot.waitUntil(lambda: sheet.current == ("ideas", 1))
    yield "ice-breaking ideas"

    def with_form(march_day: int, day: int, activity: Activity):
        """The day's activity opened at noon on ``march_day``, once its sheet is built."""
        context.now = lambda: seoul(march_day, 12)
        window.open_activity(day, activity)
        body = window.screens["activity"].body
        qtbot.waitUntil(lambda: body.form is not None)
        return body

    composer = with_form(3, 2, Activity.DAILY_COMPOSER)
    yield "composer"
    _check(composer.form.data_types, "situation_emotion")
    _check(composer.form.modes, "rating")
    qtbot.waitUntil(composer.save_button.isEnabled)
    composer.save_button.click()
    qtbot.waitUntil(lambda: composer.pages.currentIndex() == 1)
    yield "composer chat"

    with_form(9, 8, Activity.PLANNING_SHEET)
    yield "planning sheet"
    with_form(16, 15, Activity.PLANNING_REVISION)
    yield "revision"
    window.open_activity(16, Activity.OWN_RECOMMENDER)
    qtbot.wait(100)
    yield "own recommender"


def every_first_run_page(qtbot, window, study) -> Iterator[str]:
    """The welcome page, the consent page and the credentials page of a first run."""
    first = window.centralWidget()
    assert isinstance(first, FirstRunView)
    yield "welcome"
    first.show_study(study, sandbox=False)
    qtbot.wait(20)
    yield "consent"
    first.consent_box.setChecked(True)
    first.code.setText("P07")
    first.consent_next.click()
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.credentials_page)
    yield "credentials"
