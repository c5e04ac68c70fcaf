"""The window's menus as a participant (or a researcher) uses them: each action
does what it says, reached through the menu itself."""

from PySide6.QtCore import Qt

from diaryrec.ui.research import ResearchWindow

from ui_helpers import seoul


def _action(window, menu_text: str, action_text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_text)
    return next(a for a in menu.actions() if a.text() == action_text)


def test_open_study_data_opens_the_research_window_without_a_source(qtbot, open_window, joined):
    window, _ = open_window(now=seoul(2, 12), lang="en")
    _action(window, "&File", "Open study &data…").trigger()  # triggered(False) is no source
    research = window.findChild(ResearchWindow, options=Qt.FindChildOption.FindDirectChildrenOnly)
    try:
        assert research is not None and research.isVisible()
        assert not research.loading and not research.error.isVisible()
        assert "False" not in research.error.text()
    finally:
        research.shutdown()
        research.close()
