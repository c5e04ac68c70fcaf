"""Python's garbage collector, run on the GUI thread only.

The cyclic collector runs in whichever thread happens to allocate when a threshold
is crossed, often a worker busy with SQLAlchemy. If a collected cycle holds a Qt
object (a widget and the lambda connected to its signal), Qt would delete it from
that worker thread and crash. So, as pyqtgraph and Anki do, automatic collection
is switched off while the app runs, and a timer on the GUI thread collects the
generations whose thresholds were crossed.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadGC(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> "MainThreadGC":
        gc.disable()
        self._timer.start()
        return self

    def check(self) -> None:
        first, second, third = gc.get_count()
        if first > self._threshold[0]:
            gc.collect(0)
            if second > self._threshold[1]:
                gc.collect(1)
                if third > self._threshold[2]:
                    gc.collect(2)

    def stop(self) -> None:
        """Collect everything here, then give collection back to Python."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
