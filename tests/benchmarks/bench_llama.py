"""A whole turn against a real llama.cpp server (tests/llama/: built once, cached)
against the same turn on the loopback fake, printed as ratios.

1. Time from the turn's start to the first streamed ``message`` text handed to
   ``on_text`` (what the screen shows first).
2. The whole turn (``TurnService.run_turn``: stored, streamed, parsed, tracks stored).

The server runs the tiny generated model on two threads (``-t 2``), so the figures
are the client's and the server's overheads plus a few milliseconds of a 2-layer
model, not a real model's speed. No goal: the ratio says what a real server costs
beyond the fake (HTTP, the schema compiled to a grammar, prompt processing).
"""

from __future__ import annotations

import statistics
import time

from diaryrec.llm import LlmClient, ProviderMemory
from diaryrec.llm.provider import ProviderConfig
from diaryrec.sandbox.openai_fake import FakeOpenAI
from diaryrec.services.turn import TurnService
from diaryrec.validation import UncheckedValidator

from tests.llama.build import ensure_llama
from tests.llama.server import ALIAS, LlamaServer

RUNS = 8
PROMPTS = ["calm piano for a rainy evening", "upbeat songs for a morning run", "quiet jazz for reading",
           "songs like a summer road trip"]


def _report(name: str, value: float, baseline: float, unit: str = "ms") -> None:
    ratio = value / baseline if baseline else float("inf")
    print(f"\nBENCH {name}: {value:.1f} {unit} (baseline: {baseline:.1f} {unit} on the loopback fake, ratio {ratio:.1f})")


def _turns(store, client: LlmClient) -> tuple[list[float], list[float]]:  # noqa: ANN001
    service = TurnService(store, client, UncheckedValidator(store), "mark")
    cid = service.start_conversation(purpose="ice_breaking", study_day=1, task_id="bench", language="en")
    firsts, wholes = [], []
    service.run_turn(cid, "warm-up")  # imports, first connection, the server's first grammar
    for i in range(RUNS):
        cid = service.start_conversation(purpose="ice_breaking", study_day=1, task_id="bench", language="en")
        shown: list[float] = []
        started = time.perf_counter()
        service.run_turn(cid, PROMPTS[i % len(PROMPTS)],
                         on_text=lambda text: shown.append(time.perf_counter()) if text and not shown else None)
        wholes.append((time.perf_counter() - started) * 1000)
        if shown:
            firsts.append((shown[0] - started) * 1000)
    return firsts, wholes


def test_bench_turn_against_a_real_llama_server(store, tmp_path):
    built = ensure_llama()
    server = LlamaServer(built.server, ["-m", str(built.model), "-a", ALIAS], log_path=tmp_path / "server.log").start()
    fake = FakeOpenAI().start()
    try:
        with LlmClient(ProviderConfig(base_url=server.base_url, model=ALIAS), memory=ProviderMemory()) as client:
            real_first, real_whole = _turns(store, client)
        with LlmClient(fake.provider(), memory=ProviderMemory()) as client:
            fake_first, fake_whole = _turns(store, client)
    finally:
        fake.stop()
        server.stop()
    print(f"\n(llama-server turns with message text shown: {len(real_first)} of {RUNS}; the tiny model's message is sometimes empty)")
    if real_first:
        _report("llama_turn_first_message_text", statistics.median(real_first), statistics.median(fake_first))
    _report("llama_turn_whole", statistics.median(real_whole), statistics.median(fake_whole))
    assert real_whole and fake_whole
