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


def test_the_export_confirmation_shows_the_bundle_in_its_folder(qtbot, open_window, joined, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog, QPushButton

    out = tmp_path / "내보내기" / "bundle.zip"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    window, _ = open_window(now=seoul(2, 12), lang="en")
    with qtbot.waitSignal(window.exporter.reported, timeout=20_000) as reported:
        _action(window, "&File", "&Export my data…").trigger()
    assert reported.args[1] is True
    box = window.exporter.box
    show = box.findChild(QPushButton, "showInFolder")
    assert show is not None and show.isVisible() and show.text() == "Show in &folder"
    show.click()
    assert [url.toLocalFile() for url in opened] == [str(out.parent)]
