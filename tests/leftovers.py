"""What a test left running, for ``conftest.no_leftover_threads`` (napari's rule: no
thread outlives its test)."""

from __future__ import annotations

import threading
import time


def running_threads() -> set[threading.Thread]:
    """The threads now, as objects: a new thread may reuse the ident of a Qt worker's
    dummy thread that is gone."""
    return set(threading.enumerate())


def started_threads(before: set[threading.Thread]) -> list[threading.Thread]:
    """Python threads started since ``before``, daemon ones too (the sandbox's loopback
    servers are daemons). A Qt pool worker that ran Python shows up as a dummy thread
    that never ends; the pools are checked by ``busy_pools`` instead."""
    return [t for t in threading.enumerate()
            if t not in before and t.is_alive() and not isinstance(t, threading._DummyThread)]  # noqa: SLF001


def leftover_work(before: set[threading.Thread], wait_s: float = 5.0) -> list[str]:
    """What is still running ``wait_s`` after the test: threads started during it and
    busy Qt pool workers (only when Qt is loaded)."""
    import sys

    deadline = time.monotonic() + wait_s
    for thread in started_threads(before):
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    left = [f"thread {t.name}" for t in started_threads(before)]
    if "diaryrec.ui.tasks" in sys.modules:
        from diaryrec.ui.tasks import busy_pools

        while busy_pools() and time.monotonic() < deadline:
            time.sleep(0.02)
        left += busy_pools()
    return left
