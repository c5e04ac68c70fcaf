"""The conversation services start after the first paint, in a worker; nothing on the
GUI thread waits for them: the screens wait for ``ServicesGate.ready``."""

import datetime as dt
import threading

from diaryrec.runtime.context import AppContext
from diaryrec.services.study import join_study
from diaryrec.ui.services import ServicesGate
from diaryrec.ui.tasks import TaskRunner


def test_the_services_are_built_on_a_worker_and_published_with_the_ready_signal(qtbot, data_dir, default_study):
    context = AppContext.open(data_dir)
    context.study = join_study(context.store, default_study, "P01", now=dt.datetime.now(dt.timezone.utc),
                               zone_name="UTC", sandbox=True)
    context.sandbox = True
    runner = TaskRunner()
    gate = ServicesGate(context, runner)
    built_on: list[bool] = []
    real_build = context.build_services

    def build():  # noqa: ANN202
        built_on.append(threading.current_thread() is threading.main_thread())
        return real_build()

    context.build_services = build  # type: ignore[method-assign]
    waited: list[bool] = []
    try:
        with qtbot.waitSignal(gate.ready, timeout=15_000):
            gate.start()
            assert context.turns is None and gate.starting  # right away: not up, and nobody blocked
            gate.when_ready(gate, lambda: waited.append(context.turns is not None))
        assert built_on == [False] and waited == [True] and not gate.starting
        assert context.turns is not None and context.llm.config.sandbox and context.validator is not None
    finally:
        runner.shutdown()
        context.close()
    assert context.turns is None


def test_a_screen_asking_once_they_are_up_is_answered_at_once(qtbot, data_dir, default_study):
    context = AppContext.open(data_dir)
    context.joined(join_study(context.store, default_study, "P01", now=dt.datetime.now(dt.timezone.utc),
                              zone_name="UTC", sandbox=True))
    runner = TaskRunner()
    gate = ServicesGate(context, runner)
    called: list[bool] = []
    try:
        gate.when_ready(gate, lambda: called.append(True))
        assert called == [True]
    finally:
        runner.shutdown()
        context.close()
