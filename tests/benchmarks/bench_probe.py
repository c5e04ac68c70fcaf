"""``diaryrec research probe``: 30 queries (the shipped English set) against the
loopback fakes (an OpenAI fake that follows the conditions, the Spotify fake over the
whole catalog data set), through the real command.

Baseline, measured in the same run: the same 30 messages as ordinary participant
turns (``TurnService.run_turn``, one fresh conversation each, the study's services).
Printed: the probe's wall time against the baseline's, and the catalog requests per
suggestion against the baseline's (the probe checks in batches as the turn does, so
the ratio should stay near 1; goal <= 1.2; the wall time also holds the probe's own store, services
and report: goal <= 1.5).
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from diaryrec.__main__ import main
from diaryrec.paths import DataLayout
from diaryrec.protocol import load_study_file
from diaryrec.research.probe.queries import default_queries
from diaryrec.runtime.context import conversation_services
from diaryrec.sandbox.openai_fake import FakeOpenAI
from diaryrec.services.turn import TurnService
from diaryrec.settings import Settings
from diaryrec.store import open_store
from tests.catalog_data import csv_fake
from tests.probe_behaviours import ProbeResponder, study_file

GOAL_WALL = 1.5  # the probe also opens its own store, builds its services and writes its report
GOAL_REQUESTS = 1.2


def _report(name: str, value: float, unit: str, baseline: float, goal: float) -> None:
    ratio = value / baseline if baseline else float("inf")
    print(f"\nBENCH {name}: {value:.3f} {unit} (baseline: {baseline:.3f} {unit} as participant turns, "
          f"ratio {ratio:.2f}, goal <= {goal:g})")


def _searches(spotify) -> int:  # noqa: ANN001 - a SpotifyFake
    return spotify.count("/v1/search")


def _participant_turns(study: Path, queries, spotify) -> tuple[float, int, int]:  # noqa: ANN001
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(DataLayout(Path(folder)).ensure())
        services = conversation_services(store, load_study_file(study).study, Settings())
        turns: TurnService = services.turns  # type: ignore[assignment]
        before, tracks = _searches(spotify), 0
        began = time.perf_counter()
        for query in queries:
            conversation = turns.start_conversation(purpose="ice_breaking", study_day=1, task_id="bench", language="en")
            tracks += len(turns.run_turn(conversation, query.text).tracks)
        seconds = time.perf_counter() - began
        services.stop()
        store.close()
    return seconds, _searches(spotify) - before, tracks


def test_probe_benchmark(tmp_path, monkeypatch, capsys):
    queries = default_queries("en")
    assert len(queries) == 30
    with csv_fake() as spotify, FakeOpenAI(responder=ProbeResponder("follows", queries), api_key="sk-probe") as llm:
        monkeypatch.setenv("DIARYREC_SPOTIFY_API_URL", spotify.api_url)
        monkeypatch.setenv("DIARYREC_SPOTIFY_TOKEN_URL", spotify.token_url)
        study = study_file(tmp_path, llm, spotify)
        base_seconds, base_requests, base_tracks = _participant_turns(study, queries, spotify)
        before = _searches(spotify)
        began = time.perf_counter()
        code = main(["research", "probe", str(study), "--lang", "en", "--out", str(tmp_path / "probe.html"),
                     "--json", str(tmp_path / "probe.json")])
        seconds = time.perf_counter() - began
        requests = _searches(spotify) - before
    assert code == 0
    document = json.loads((tmp_path / "probe.json").read_text(encoding="utf-8"))
    suggestions = sum(len(o["suggestions"]) for o in document["outcomes"])
    assert suggestions and base_tracks
    with capsys.disabled():  # the probe's progress lines stay captured; the figures are printed
        _report("probe_30_queries_wall", seconds, "s", base_seconds, GOAL_WALL)
        _report("probe_catalog_requests_per_suggestion", requests / suggestions, "requests", base_requests / base_tracks, GOAL_REQUESTS)
        print(f"BENCH probe: {len(document['outcomes'])} queries, {suggestions} suggestions, {requests} catalog searches")
