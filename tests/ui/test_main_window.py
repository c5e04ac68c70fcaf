"""The window shell: first run until a study is joined, the sidebar and keyboard
navigation, accessible names, window state and last screen restored."""

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QTextBrowser, QTimeEdit

from diaryrec.ui.first_run import FirstRunView

from ui_helpers import seoul


def test_first_run_until_a_study_is_joined(open_window):
    window, _ = open_window(lang="en")
    assert isinstance(window.centralWidget(), FirstRunView)
    assert window.nav is None and window.screens == {}
    assert window.first_run.pages.currentWidget() is window.first_run.choose_page


def test_sidebar_and_keyboard_shortcuts_reach_every_screen(qtbot, open_window, joined):
    window, _ = open_window(now=seoul(2, 12), lang="en")
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Home", "Diary", "My taste", "Settings"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts work in the active window only
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key == "diary" and window.nav.currentRow() == 1
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key == "taste"
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_key == "settings"
    go = [a for a in window.menuBar().actions() if a.text() == "&Go"][0].menu()
    assert all(not a.shortcut().isEmpty() for a in go.actions() if not a.isSeparator())


def test_every_control_has_an_accessible_name(qtbot, open_window, joined):
    window, _ = open_window(now=seoul(2, 12), lang="en")
    for key in ("home", "diary", "taste", "settings"):
        window.show_screen(key)
        qtbot.wait(50)
    unnamed = []
    for kind in (QLineEdit, QPlainTextEdit, QComboBox, QTimeEdit, QTextBrowser):
        for widget in window.findChildren(kind):
            if isinstance(widget.parent(), (QComboBox, QTimeEdit)):
                continue  # the editor inside a combo box or time edit
            if not widget.accessibleName():
                unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and not (button.text() or button.accessibleName()):
            unnamed.append(f"button {button.objectName()}")
    assert unnamed == []


def test_window_state_and_last_screen_are_restored(qtbot, open_window, joined):
    window, context = open_window(now=seoul(2, 12), lang="en")
    window.setGeometry(QRect(20, 30, 720, 540))
    window.show_screen("taste")
    window.close()
    qtbot.waitUntil(lambda: "window_geometry" in context.layout.settings_file.read_text(encoding="utf-8"))
    again, context2 = open_window(now=seoul(2, 12))
    assert context2.settings.last_screen == "taste"
    assert again.current_key == "taste"
    assert (again.width(), again.height()) == (720, 540)


def test_a_new_study_day_opens_home_instead_of_the_screen_left_yesterday(qtbot, open_window, joined):
    window, context = open_window(now=seoul(6, 21), lang="en")  # day 5, evening
    window.show_screen("settings")
    window.close()
    assert (context.settings.last_screen, context.settings.last_screen_day) == ("settings", 5)
    qtbot.waitUntil(lambda: '"last_screen_day": 5' in context.layout.settings_file.read_text(encoding="utf-8"))
    later, _ = open_window(now=seoul(7, 1))  # 01:00: still study day 5 (days start at 04:00)
    assert later.current_key == "settings"
    later.close()
    next_day, _ = open_window(now=seoul(7, 9))  # day 6
    assert next_day.current_key == "home" and next_day.pages.currentWidget() is next_day.home


def test_a_day_view_is_not_restored_as_last_screen(qtbot, open_window, joined):
    window, context = open_window(now=seoul(3, 12), lang="en")
    window.open_day(1)
    window.close()
    assert context.settings.last_screen == "home"
