"""The conversation services start after the first paint, in a worker; whoever needs
them meanwhile waits for them instead of finding none."""

import datetime as dt

from diaryrec.services.study import join_study
from diaryrec.ui.context import AppContext
from diaryrec.ui.tasks import TaskRunner


def test_reading_the_services_waits_for_a_background_start(qapp, data_dir, default_study):
    context = AppContext.open(data_dir)
    context.study = join_study(context.store, default_study, "P01", now=dt.datetime.now(dt.timezone.utc),
                               zone_name="UTC", sandbox=True)
    context.sandbox = True
    runner = TaskRunner()
    done = []
    try:
        context.start_services_in_background(runner, on_done=done.append)
        turns = context.turns  # right away, on this (the GUI) thread
        assert turns is not None and context.llm is not None and context.validator is not None
        assert context.llm.config.sandbox
    finally:
        runner.shutdown()
        context.close()
    assert context.turns is None
