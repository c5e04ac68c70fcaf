"""The one way diaryrec runs work off the GUI thread.

``TaskRunner.run(fn, *args, on_done=..., on_error=...)`` runs ``fn`` in a thread of
the runner's own pool and hands the result (or the exception) back to the GUI
thread by a queued signal. Workers get and return plain data or ids, never widgets
or ORM sessions. ``shutdown()`` waits for running tasks; the main window calls it
on close and the test fixtures after every test, so no thread outlives its owner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._args, self._kwargs, self._relay = fn, args, kwargs, relay

    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None, max_threads: int = 4):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()
        self._closed = False

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> None:
        relay = _Relay()  # lives in the GUI thread, so its slots run there
        self._relays.add(relay)

        def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if self._closed:
                return  # the widgets that asked may be gone; the work itself is done
            owner = getattr(callback, "__self__", None)
            if isinstance(owner, QObject) and not shiboken6.isValid(owner):
                return  # the screen that asked was rebuilt (language change) or closed meanwhile
            if callback is not None:
                callback(value)
            elif isinstance(value, BaseException):
                log.error("background task failed", exc_info=value)

        relay.done.connect(lambda value: finish(on_done, value))
        relay.failed.connect(lambda exc: finish(on_error, exc))
        self._pool.start(_Task(fn, args, kwargs, relay))

    def active(self) -> int:
        return self._pool.activeThreadCount()

    def shutdown(self, timeout_ms: int = 10_000, *, drop_queued: bool = False) -> bool:
        """Wait for the tasks (queued ones too, unless ``drop_queued``: the last draft
        and settings saves are queued on close); their results are not delivered."""
        self._closed = True
        if drop_queued:
            self._pool.clear()
        return self._pool.waitForDone(timeout_ms)
