"""LLM turn overheads, printed as ratios against baselines measured in the same run.

1. Streaming: from the fake server's first streamed byte to the reply's ``message``
   text being handed to ``on_text`` (what the UI shows), through the real openai
   client, the reply contract's partial-JSON reader and the cancel plumbing.
   Baseline: reading the same stream raw with httpx2 and plain ``json.loads`` of each
   SSE line until the message's first characters are there. Goal: <= 20 ms median.
2. Compiling a planning sheet to its system prompt (the golden sheets, in turn).
   Baseline: only parsing the same sheet JSON into the model. Goal: <= 5 ms median.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import httpx2

from diaryrec.llm import LlmClient, ProviderMemory
from diaryrec.sandbox.openai_fake import FakeOpenAI
from diaryrec.sheets import compile_plain_assistant, compile_sheet, sheet_from_json

RUNS = 25
COMPILES = 200
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "prompts"


def _report(name: str, value: float, baseline: float, goal: float, unit: str = "ms") -> None:
    ratio = value / baseline if baseline else float("inf")
    print(f"\nBENCH {name}: {value:.3f} {unit} (baseline: {baseline:.3f} {unit}, ratio {ratio:.2f}, goal <= {goal:g} {unit})")


def _raw_first_message(url: str, body: dict) -> float:
    """perf_counter when the raw SSE read has the first characters of the message."""
    content = ""
    with httpx2.Client(timeout=10) as http:
        with http.stream("POST", f"{url}/chat/completions", json=body) as response:
            for line in response.iter_lines():
                if not line.startswith("data: ") or line == "data: [DONE]":
                    continue
                for choice in json.loads(line[6:]).get("choices", []):
                    content += choice.get("delta", {}).get("content") or ""
                marker = content.find('"message": "')
                if marker >= 0 and len(content) > marker + len('"message": "'):
                    return time.perf_counter()
    raise AssertionError("the message never arrived")


def test_bench_stream_first_byte_to_message_text():
    system = compile_plain_assistant("ko").system_prompt
    messages = [{"role": "system", "content": system}, {"role": "user", "content": "잔잔한 인디 음악 추천해 줘"}]
    fake = FakeOpenAI(chunk_chars=8).start()
    try:
        overheads, baselines = [], []
        with LlmClient(fake.provider(), memory=ProviderMemory()) as client:
            client.chat(messages)  # warm-up: imports, first connection
            for _ in range(RUNS):
                shown: list[float] = []
                client.chat(messages, on_text=lambda _t: shown.append(time.perf_counter()))
                overheads.append((shown[0] - fake.first_byte_at[-1]) * 1000)
        body = {"model": fake.model, "messages": messages, "stream": True,
                "response_format": {"type": "json_object"}}
        _raw_first_message(fake.url, body)
        for _ in range(RUNS):
            done = _raw_first_message(fake.url, body)
            baselines.append((done - fake.first_byte_at[-1]) * 1000)
    finally:
        fake.stop()
    value, baseline = statistics.median(overheads), statistics.median(baselines)
    _report("llm_first_byte_to_message_text", value, baseline, 20)
    assert value > 0 and baseline > 0


def test_bench_compile_planning_sheet():
    texts = [p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.sheet.json"))]
    sheets = [sheet_from_json(t) for t in texts]
    for sheet in sheets:
        compile_sheet(sheet)  # warm-up: templates loaded and cached
    compile_times, parse_times = [], []
    for i in range(COMPILES):
        sheet, text = sheets[i % len(sheets)], texts[i % len(texts)]
        started = time.perf_counter()
        compile_sheet(sheet)
        compile_times.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        sheet_from_json(text)
        parse_times.append((time.perf_counter() - started) * 1000)
    value, baseline = statistics.median(compile_times), statistics.median(parse_times)
    _report("sheet_compile", value, baseline, 5)
    assert value > 0
