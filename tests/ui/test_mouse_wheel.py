"""The mouse wheel scrolls the page; it never turns a spin box or a combo box the
pointer happens to pass over (issue 13: "Number of tracks" went from 5 to 1 while
the composer was scrolled). Driven through the real window and its screens."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QScrollBar, QTimeEdit

from diaryrec.ui.controls import VALUE_CONTROLS, WheelNeedsFocus

from study_walk import every_first_run_page, every_screen
from test_activity_flows import sandbox_joined  # noqa: F401 - the fixture
from ui_helpers import seoul


def _wheel(widget, steps: int = -3) -> None:
    """``steps`` notches of the wheel (negative: towards the user, scrolling down) over ``widget``."""
    target = widget
    centre = QPointF(target.rect().center())
    event = QWheelEvent(centre, QPointF(target.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(target, event)


def _area_of(widget) -> QScrollArea:
    parent = widget.parentWidget()
    while not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def test_the_wheel_over_the_composer_scrolls_the_page_not_the_number_of_tracks(qtbot, open_window, sandbox_joined):  # noqa: F811
    window, _ = open_window(now=seoul(3, 12), lang="en", sandbox=True)
    window.resize(1024, 700)
    window.home.refresh()
    qtbot.waitUntil(lambda: window.home.activity_button.isVisible())
    window.home.activity_button.click()
    composer = window.screens["activity"].body
    qtbot.waitUntil(lambda: composer.form is not None)
    count, level = composer.form.count, composer.form.level
    qtbot.wait(50)
    area = _area_of(count)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0, "the form is taller than the window at 1024×700"
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    _wheel(count, -3)
    _wheel(level, -3)
    assert count.value() == 5 and level.currentData() == "balanced"
    assert bar.value() > before, "the page scrolled instead"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    count.setFocus()  # clicked or tabbed into: now the wheel is the participant's way to change it
    qtbot.waitUntil(count.hasFocus)
    _wheel(count, 1)
    assert count.value() == 6


@pytest.mark.parametrize("screen", ["settings"])
def test_the_wheel_leaves_the_settings_controls_alone(qtbot, open_window, joined, screen):
    window, _ = open_window(now=seoul(3, 12), lang="en")
    window.resize(1024, 700)
    window.show_screen(screen)
    qtbot.wait(50)
    view = window.screens[screen]
    controls = [w for w in [*view.findChildren(QComboBox), *view.findChildren(QTimeEdit)] if w.isVisible()]
    assert controls
    for control in controls:
        before = control.currentIndex() if isinstance(control, QComboBox) else control.time()
        _wheel(control, -1)
        after = control.currentIndex() if isinstance(control, QComboBox) else control.time()
        assert after == before, control.accessibleName()


def _unguarded(window) -> list[str]:
    """The value controls in the window that would turn under a passing wheel."""
    controls = [c for kind in VALUE_CONTROLS for c in window.findChildren(kind) if not isinstance(c, QScrollBar)]
    return [f"{type(c).__name__} {c.accessibleName() or c.objectName()}" for c in controls if not isinstance(c, WheelNeedsFocus)]


def test_every_value_control_of_every_screen_leaves_the_wheel_to_the_page(qtbot, open_window, sandbox_joined):  # noqa: F811
    """The wheel is guarded per control (ui.controls), not by an application-wide
    filter: a screen that builds a plain QComboBox or QSpinBox is caught here."""
    window, context = open_window(now=seoul(2, 12), lang="en", sandbox=True)
    found, seen = [], 0
    for screen in every_screen(qtbot, window, context):
        found += [f"{screen}: {c}" for c in _unguarded(window)]
        seen += len(window.findChildren(WheelNeedsFocus))
    assert found == [] and seen > 0


def test_the_welcome_pages_value_controls_leave_the_wheel_to_the_page(qtbot, open_window, default_study):
    window, _ = open_window(now=seoul(2, 10), lang="en")
    found = []
    for page in every_first_run_page(qtbot, window, default_study):
        found += [f"{page}: {c}" for c in _unguarded(window)]
    assert found == [] and window.findChildren(WheelNeedsFocus)
