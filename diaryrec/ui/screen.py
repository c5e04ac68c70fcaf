"""What the main window asks of every screen of its sidebar and pages."""

from __future__ import annotations


class Screen:
    """Mixed into each screen's QWidget (after it: ``class HomeView(QWidget, Screen)``).
    The defaults are for screens with nothing to keep or refresh."""

    def flush(self) -> None:
        """Keep unsaved input: the screen is about to be hidden, rebuilt or closed."""

    def screen_shown(self) -> None:
        """The screen has just been shown: refresh what may have changed meanwhile."""

    def stop_work(self) -> None:
        """The window is closing: end what cannot wait (a reply being streamed)."""

    @property
    def busy(self) -> bool:
        """Work under way that a settings change must not pull the services from under."""
        return False
