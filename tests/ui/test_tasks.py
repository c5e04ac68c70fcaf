"""The one background mechanism (ui.tasks.TaskRunner): progress on the GUI thread,
cancel reaching the worker, stale results dropped centrally, one default error
route, and a shutdown that waits. Also the check that no test leaves work running."""

import os
import sys
import threading

import pytest
from PySide6.QtCore import QObject

from diaryrec.errors import QT_TRANSLATE_NOOP, UserError
from diaryrec.ui.tasks import WORKER_NICE, TaskRunner
from leftovers import leftover_work, running_threads


def test_progress_reaches_the_gui_thread_in_order(qtbot):
    runner = TaskRunner()
    seen: list[tuple[int, bool]] = []
    done: list[str] = []

    def work(progress):  # noqa: ANN001, ANN202
        for step in range(5):
            progress(step)
        return "finished"

    runner.run(work, on_progress=lambda step: seen.append((step, threading.current_thread() is threading.main_thread())),
               on_done=done.append)
    qtbot.waitUntil(lambda: done == ["finished"])
    assert seen == [(step, True) for step in range(5)]
    runner.shutdown()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux: a nice value per thread (elsewhere Qt's pool priority)")
def test_workers_yield_the_processor_to_the_gui_thread(qtbot):
    """A worker and the threads it starts run at a lower priority than the window
    (issue 12: the GUI thread shared two cores with a turn's catalog checks)."""
    runner = TaskRunner()
    seen: list[tuple[int, int]] = []

    def work():  # noqa: ANN202
        inner: list[int] = []
        started = threading.Thread(target=lambda: inner.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id())))
        started.start()
        started.join()
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id()), inner[0]

    runner.run(work, on_done=lambda both: seen.append(both))
    qtbot.waitUntil(lambda: bool(seen))
    window = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    if window >= 19:
        pytest.skip("the test runs at the lowest priority already")
    expected = min(window + WORKER_NICE, 19)
    assert seen == [(expected, expected)] and window < expected
    runner.shutdown()


def test_cancel_reaches_the_worker_and_shutdown_cancels_and_waits(qtbot):
    runner = TaskRunner()
    started, ended = threading.Event(), []

    def work(cancel):  # noqa: ANN001, ANN202
        started.set()
        ended.append(cancel.wait(10))  # True: woken by the cancel, not the timeout
        return None

    operation = runner.run(work, cancel=True)
    started.wait(5)
    operation.cancel()
    qtbot.waitUntil(lambda: ended == [True])

    started.clear()
    runner.run(work, cancel=True)
    started.wait(5)
    assert runner.shutdown(5000)  # cancels the running one and returns once it ended
    assert ended == [True, True] and runner.active() == 0


def test_a_result_for_a_screen_that_moved_on_is_dropped(qtbot):
    runner = TaskRunner()
    owner = QObject()
    gates = {day: threading.Event() for day in (1, 2, 3)}
    shown: list[int] = []
    dropped: list[int] = []

    def read(day: int) -> int:
        gates[day].wait(5)
        return day

    for day in (1, 2):
        runner.run(read, day, owner=owner, topic="day", key=day, on_done=shown.append, on_dropped=dropped.append)
    gates[2].set()
    qtbot.waitUntil(lambda: shown == [2])
    gates[1].set()  # day 1 answers last, for a screen that shows day 2 now
    qtbot.waitUntil(lambda: dropped == [1])
    runner.run(read, 3, owner=owner, topic="day", key=3, on_done=shown.append, on_dropped=dropped.append)
    runner.forget(owner, "day")  # the screen closed: nothing of it is wanted
    gates[3].set()
    qtbot.waitUntil(lambda: dropped == [1, 3])
    assert shown == [2]
    runner.shutdown()


def test_a_result_for_a_deleted_owner_is_not_delivered(qtbot):
    runner = TaskRunner()
    owner = QObject()
    gate = threading.Event()
    delivered: list[object] = []
    runner.run(lambda: gate.wait(5), owner=owner, on_done=delivered.append)
    import shiboken6

    shiboken6.delete(owner)
    gate.set()
    runner.shutdown()
    qtbot.wait(50)
    assert delivered == []


def test_an_error_nobody_handles_is_shown_in_the_window_in_words(qtbot, open_window):
    window, _context = open_window(lang="en")

    def fail() -> None:
        raise UserError(QT_TRANSLATE_NOOP("UserError", "The disk is full ({free} left)."), free="0 MB")

    window.tasks.run(fail)
    qtbot.waitUntil(lambda: "The disk is full (0 MB left)." in window.statusBar().currentMessage())


def test_the_leftover_check_sees_a_busy_pool_worker(qtbot):
    runner = TaskRunner()
    release = threading.Event()
    before = running_threads()
    runner.run(release.wait, 10)
    qtbot.waitUntil(lambda: runner.active() == 1)
    try:
        assert any("busy" in item for item in leftover_work(before, wait_s=0.1))
    finally:
        release.set()
        runner.shutdown()
    assert leftover_work(before, wait_s=1) == []


def test_the_leftover_check_sees_a_loopback_server_left_running():
    from diaryrec.sandbox.spotify_fake import start_sandbox_spotify

    before = running_threads()
    fake = start_sandbox_spotify()
    try:
        left = leftover_work(before, wait_s=0.1)
        assert left and all(item.startswith("thread ") for item in left)
    finally:
        fake.stop()
    assert leftover_work(before, wait_s=2) == []
