"""The one way diaryrec runs work off the GUI thread.

``tasks.run(fn, *args, on_done=..., on_error=..., on_progress=..., owner=..., topic=...,
key=..., cancel=...)`` runs ``fn`` in a thread of the runner's own pool; its result, its
exception and its progress reach the GUI thread by queued signals. Workers get and
return plain data or ids, never widgets or ORM sessions.

- Progress: with ``on_progress``, ``fn`` is called with ``progress=`` a callable the
  worker may call any number of times; each value is handed to ``on_progress`` on the
  GUI thread, in order.
- Cancel: with ``cancel=`` a ``CancelToken`` (or ``True`` for a new one), ``fn`` is
  called with ``cancel=token``; the token is cancelled when the operation is
  superseded and on ``shutdown``.
- Stale results: an operation with an ``owner`` (a QObject) and a ``topic`` delivers
  only while the owner is alive and ``key`` is still the owner's latest for that topic
  (the default key is new each run: the latest run wins). ``forget(owner, topic)``
  drops what is under way. A dropped result goes to ``on_dropped`` (to free it; after
  ``shutdown`` too, so it must touch no widget), never to ``on_done``/``on_progress``;
  a dropped failure (not a cancelled one) goes the default error route below. Screens
  keep no generation of their own.
- Errors: without ``on_error`` an exception is logged and emitted as ``unhandled``,
  which the window shows in words (``ui.errors.error_text``).

``shutdown()`` waits for running tasks; the main window calls it on close and the
test fixtures after every test, so no thread outlives its owner.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal

if TYPE_CHECKING:  # diaryrec.llm pulls in openai: not before the first paint
    from diaryrec.llm.cancel import CancelToken

log = logging.getLogger(__name__)
Callback = Callable[[Any], None]
_NOTHING = object()
#: how long a thread running Python keeps the interpreter lock from one that waits for it
#: (Python's default: 5 ms). The GUI thread gives the lock up at its Qt calls and waits for
#: it again each time; with a worker running Python beside it, a frame's dozens of waits
#: of 5 ms added up to 30-50 ms stalls while a turn's cards came in. 1 ms keeps them short.
SWITCH_INTERVAL_S = 0.001
#: Workers yield the processor to the GUI thread when both want it (a turn's catalog
#: checks and the sandbox's fakes beside its cards: issue 12). Qt lowers its pool threads'
#: priority on Windows and macOS; on Linux, where it leaves ordinary threads alone, each
#: worker raises its own nice value by this much, once (threads it starts inherit it).
WORKER_NICE = 5
_lowered = threading.local()


def _yield_to_the_window() -> None:
    """Lower this worker thread's priority below the GUI thread's (once per thread)."""
    if getattr(_lowered, "done", False):
        return
    _lowered.done = True
    if not sys.platform.startswith("linux"):
        return  # QThreadPool.setThreadPriority did it
    thread = threading.get_native_id()
    try:
        os.setpriority(os.PRIO_PROCESS, thread, min(os.getpriority(os.PRIO_PROCESS, thread) + WORKER_NICE, 19))
    except OSError as exc:  # a sandbox that forbids it: the work runs all the same
        log.debug("worker priority left as it was: %s", exc)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._args, self._kwargs, self._relay = fn, args, kwargs, relay

    def run(self) -> None:
        _yield_to_the_window()
        try:
            result = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class Operation:
    """One run: whether its results are still wanted, and its cancel token."""

    def __init__(self, runner: "TaskRunner", owner: QObject | None, topic: str | None, key: object,
                 token: CancelToken | None):
        self._runner, self.owner, self.topic, self.key, self.token = runner, owner, topic, key, token

    @property
    def wanted(self) -> bool:
        runner = self._runner
        if runner._closed:
            return False  # the widgets that asked may be gone; the work itself is done
        if self.owner is not None and not shiboken6.isValid(self.owner):
            return False  # the screen that asked was rebuilt (language change) or closed meanwhile
        if self.topic is not None:
            return runner._latest.get((id(self.owner), self.topic), _NOTHING) == self.key
        return True

    def cancel(self) -> None:
        if self.token is not None:
            self.token.cancel()


def _bound_owner(callback: Callable[..., Any] | None) -> QObject | None:
    owner = getattr(callback, "__self__", None)
    return owner if isinstance(owner, QObject) else None


_live: "weakref.WeakSet[TaskRunner]" = weakref.WeakSet()


def busy_pools() -> list[str]:
    """The thread pools with a worker still running: every TaskRunner's and Qt's global
    one (for the test fixtures' check that nothing outlives its test)."""
    busy = [f"{runner.objectName() or 'TaskRunner'} ({runner.active()} busy)"
            for runner in list(_live) if shiboken6.isValid(runner) and runner.active()]
    if QThreadPool.globalInstance().activeThreadCount():
        busy.append(f"global QThreadPool ({QThreadPool.globalInstance().activeThreadCount()} busy)")
    return busy


class TaskRunner(QObject):
    unhandled = Signal(object)  # an exception no caller handled: the window shows it

    def __init__(self, parent: QObject | None = None, max_threads: int = 4):
        super().__init__(parent)
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:  # for the whole process: workers run here
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._prioritised = False  # the pool's thread priority, set at the first run (QThread: not before the first paint)
        self._relays: set[_Relay] = set()
        self._running: set[Operation] = set()
        self._latest: dict[tuple[int, str], object] = {}
        self._closed = False
        _live.add(self)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callback | None = None,
        on_dropped: Callback | None = None,
        owner: QObject | None = None,
        topic: str | None = None,
        key: object = None,
        cancel: CancelToken | bool | None = None,
        **kwargs: Any,
    ) -> Operation:
        if topic is not None and owner is None:
            raise ValueError("a topic needs its owner")
        owner = owner or _bound_owner(on_done) or _bound_owner(on_error)
        if cancel is True:
            from diaryrec.llm.cancel import CancelToken

            cancel = CancelToken()
        token = cancel or None
        if topic is not None:
            key = object() if key is None else key
            previous = [op for op in self._running if op.owner is owner and op.topic == topic and op.key != key]
            self._latest[(id(owner), topic)] = key
            for op in previous:
                op.cancel()
        if not self._prioritised:
            self._pool.setThreadPriority(QThread.Priority.LowPriority)  # Windows, macOS; Linux: _yield_to_the_window
            self._prioritised = True
        operation = Operation(self, owner, topic, key, token)
        if token is not None:
            kwargs["cancel"] = token
        relay = _Relay()  # lives in the GUI thread, so its slots run there
        self._relays.add(relay)
        self._running.add(operation)
        if on_progress is not None:
            kwargs["progress"] = relay.progressed.emit
            relay.progressed.connect(lambda value: operation.wanted and on_progress(value))

        def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
            self._relays.discard(relay)
            self._running.discard(operation)
            relay.deleteLater()
            failure = isinstance(value, BaseException)
            if not operation.wanted:
                if failure and not self._closed and not (token is not None and token.cancelled):
                    callback = None  # nobody waits for it any more, but a real failure is still told
                elif on_dropped is not None and not failure:
                    on_dropped(value)
                    return
                else:
                    return
            if callback is not None:
                callback(value)
            elif failure:
                log.error("background task failed", exc_info=value)
                self.unhandled.emit(value)

        relay.done.connect(lambda value: finish(on_done, value))
        relay.failed.connect(lambda exc: finish(on_error, exc))
        self._pool.start(_Task(fn, args, kwargs, relay))
        return operation

    def forget(self, owner: QObject, topic: str) -> None:
        """What ``owner`` asked about ``topic`` is no longer wanted (cancelled when it can be)."""
        self._latest[(id(owner), topic)] = object()
        for op in [op for op in self._running if op.owner is owner and op.topic == topic]:
            op.cancel()

    @property
    def closed(self) -> bool:
        return self._closed

    def active(self) -> int:
        return self._pool.activeThreadCount()

    def shutdown(self, timeout_ms: int = 10_000, *, drop_queued: bool = False) -> bool:
        """Cancel what can be cancelled and wait for the tasks (queued ones too, unless
        ``drop_queued``: the last draft and settings saves are queued on close); their
        results are not delivered."""
        self._closed = True
        for op in list(self._running):
            op.cancel()
        if drop_queued:
            self._pool.clear()
        return self._pool.waitForDone(timeout_ms)
