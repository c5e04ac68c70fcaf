"""Longest GUI-thread stall during a full recommendation turn through the sandbox
fakes (streamed reply, ten tracks checked against the Spotify fake, covers loaded,
everything stored), measured by a 5 ms QTimer heartbeat: the largest gap between
two beats. Three turns in a row in one conversation; the figure is the median of
their longest stalls. Baseline: the same heartbeat over an idle event loop for as
long. Goal: the longest stall <= 16 ms, one frame (issue 12; it was <= 50 ms)."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))

from diaryrec.protocol.model import Activity  # noqa: E402
from diaryrec.services.study import join_study  # noqa: E402
from diaryrec.runtime.context import AppContext  # noqa: E402
from diaryrec.ui.main_window import MainWindow  # noqa: E402
from ui_helpers import JOINED, seoul  # noqa: E402

GOAL_MS = 16.0
#: turns in a row in one conversation (its transcript grows); the figure is the median of
#: their longest stalls, each turn's printed too: one turn's maximum swings by 5-10 ms
#: with the machine's other work
TURNS = 3
MESSAGES = ["rainy day songs, calm and warm", "something brighter for the evening", "songs for a long train ride"]


class Heartbeat:
    def __init__(self) -> None:
        self.beats: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def start(self) -> None:
        self.beats = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self.beats.append(time.perf_counter())
        return max(b - a for a, b in zip(self.beats, self.beats[1:])) * 1000

    def worst(self, n: int = 3) -> list[tuple[float, float]]:
        """The ``n`` longest gaps as (ms since the start, gap in ms), for finding their cause."""
        gaps = sorted(((b - a) * 1000, (a - self.beats[0]) * 1000) for a, b in zip(self.beats, self.beats[1:]))
        return [(round(at), round(gap, 1)) for gap, at in gaps[-n:]]


def test_gui_stall_during_a_recommendation_turn(qtbot, data_dir, default_study):
    context = AppContext.open(data_dir)
    join_study(context.store, default_study, "P07", now=JOINED, zone_name="Asia/Seoul", sandbox=True)
    context.close()
    context = AppContext.open(data_dir)
    context.now = lambda: seoul(3, 12)  # type: ignore[method-assign]
    context.start_services()
    window = MainWindow(context, reminders=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    try:
        window.open_activity(2, Activity.DAILY_COMPOSER)
        composer = window.screens["activity"].body
        qtbot.waitUntil(lambda: composer.form is not None)
        for lst, code in ((composer.form.data_types, "situation_emotion"), (composer.form.purposes, "will_like"),
                          (composer.form.styles, "keywords"), (composer.form.modes, "rating")):
            for row in range(lst.count()):
                if lst.item(row).data(256) == code:
                    lst.item(row).setCheckState(lst.item(row).checkState().Checked)
        composer.form.count.setValue(10)
        qtbot.waitUntil(lambda: composer.save_button.isEnabled())
        composer.save_button.click()
        qtbot.waitUntil(lambda: composer.pages.currentIndex() == 1)
        chat = composer.chat
        context._services.sandbox_llm.chunk_delay = 0.005  # a streamed reply, not one burst

        beat = Heartbeat()
        stalls, worst, turns_ms = [], [], []
        for turn in range(1, TURNS + 1):
            beat.start()
            started = time.perf_counter()
            chat.input.setPlainText(MESSAGES[turn - 1])
            chat.send()
            qtbot.waitUntil(lambda: chat.turns_done == turn, timeout=30000)
            covers = [c for c in chat.cards.values() if c.track.image_url]
            qtbot.waitUntil(lambda: all(c.cover.pixmap() is not None and not c.cover.pixmap().isNull() for c in covers),
                            timeout=10000)
            turns_ms.append((time.perf_counter() - started) * 1000)
            stalls.append(beat.stop())
            worst.append(beat.worst())
            assert chat.last_error is None and len(chat.cards) >= 8 * turn
            qtbot.wait(200)  # the turn's last writes, before the next one is typed

        beat.start()
        qtbot.wait(int(statistics.median(turns_ms)))
        idle = beat.stop()
        stall = statistics.median(stalls)
        ratio = stall / idle if idle else float("inf")
        print(f"BENCH gui_stall_turn: {stall:.1f} ms longest stall, median of {TURNS} turns with 10 cards each "
              f"(each turn: {', '.join(f'{s:.1f}' for s in stalls)} ms over {statistics.median(turns_ms):.0f} ms; "
              f"baseline: {idle:.1f} ms idle, ratio {ratio:.2f}, goal <= {GOAL_MS:.0f} ms)")
        print(f"  longest gaps per turn (at ms, gap ms): {worst}")
    finally:
        window.close()
        window.diary_tasks.shutdown()
        window.tasks.shutdown()
        context.close()
        QApplication.processEvents()
