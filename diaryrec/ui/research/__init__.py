"""The researcher window (File → Open study data…): a merged study or a folder of
export bundles, read-only. ``open_research_window`` is the one entry point."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from diaryrec.ui.i18n import interface_language
from diaryrec.ui.research.window import ResearchWindow
from diaryrec.ui.tasks import TaskRunner

__all__ = ["ResearchWindow", "open_research_window"]


def open_research_window(parent: QWidget | None, tasks: TaskRunner, source: str | Path | None = None) -> ResearchWindow:
    """Show the researcher window (one per parent, reused while the interface language
    is the same) and, given ``source``, open it: a merged ``.sqlite`` file, a database
    URL or a folder of bundles. Without ``source`` the window offers both choices."""
    window = parent.findChild(ResearchWindow, options=Qt.FindChildOption.FindDirectChildrenOnly) if parent is not None else None
    if window is not None and window.lang != interface_language():
        window.shutdown()  # built in the former language: build it again
        window.deleteLater()
        window = None
    if window is None:
        window = ResearchWindow(tasks, parent)
    window.show()
    window.raise_()
    window.activateWindow()
    if source is not None:
        window.open_source(source)
    return window
