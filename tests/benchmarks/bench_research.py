"""Researcher tools on a synthetic full study (``diaryrec.research.synthetic``):
12 participants × 21 days, 3 turns a day, 5 tracks a turn, a 200 KB screenshot a day;
then 100 participants of the same shape.

- Export time per participant, against a baseline of zipping the same participant's
  data folder as it is (database file and screenshots, no processing).
- Merge time of 12 and of 100 bundles into a fresh SQLite study database (with the
  screenshots extracted), each the lower of two runs: the time per participant at 100
  over that at 12 shows whether merging grows linearly (goal: within 1.3×). Each
  bundle's commit waits for the disk (fsync), so one run moves by a third on a busy
  machine; within one 100-bundle merge, the median time of the last 12 bundles over
  that of the first 12 shows whether a bundle costs more once many are merged,
  apart from that noise.
- Peak memory (tracemalloc) of merging 12 and 100 bundles: bundles are merged one
  at a time, so the peak should not grow with the number of participants.
- REFI-QDA export (``research export-qda``) of the merged 12 and 100 participants,
  against a baseline of writing the same members (the same bytes, the same
  compression) with zipfile alone: the ratio is what building the sources, the
  transcripts and the XML costs; the time per participant at 100 over that at 12
  shows whether it grows linearly.
- What the checks for bundles from other hands cost (``research.bundle_gate``: sizes,
  ratios, every picture, table and text read once more): merging 12 honest bundles
  with them against the same merge with the gate switched off (goal: within 1.3×,
  peak memory unchanged).

Run with ``make bench``.
"""

from __future__ import annotations

import os
import statistics
import time
import tracemalloc
import zipfile
from pathlib import Path

from diaryrec.research import bundle_gate
from diaryrec.research.export import export_bundle
from diaryrec.research.merge import merge_bundles
from diaryrec.research.merged import open_merged
from diaryrec.research.qda import export_qda
from diaryrec.research.read import open_study_data
from diaryrec.research.synthetic import SyntheticSpec, make_participant
from diaryrec.store import open_store
from diaryrec.store.types import utcnow

SPEC = SyntheticSpec(participants=12)
LARGE = 100


def bench(name: str, value: float, unit: str, baseline: float, baseline_unit: str, goal: str) -> None:
    ratio = value / baseline if baseline else float("inf")
    print(f"BENCH {name}: {value:.3f} {unit} (baseline: {baseline:.3f} {baseline_unit}, ratio {ratio:.2f}, goal {goal})")


def plain_zip(folder: Path, out: Path) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())


def make_bundles(root: Path, count: int) -> tuple[list[Path], list[float], list[float]]:
    now = utcnow()
    bundles, export_times, baseline_times = [], [], []
    for index in range(count):
        layout = make_participant(root / f"data-{index:03d}", index, SPEC, now)
        store = open_store(layout)
        try:
            started = time.perf_counter()
            bundles.append(export_bundle(store, root / f"bundle-{index:03d}.zip", now=now).path)
            export_times.append(time.perf_counter() - started)
        finally:
            store.close()
        started = time.perf_counter()
        plain_zip(layout.root, root / f"plain-{index:03d}.zip")
        baseline_times.append(time.perf_counter() - started)
        (root / f"plain-{index:03d}.zip").unlink()
    return bundles, export_times, baseline_times


def timed_merge(bundles: list[Path], target: Path, trace: bool = False) -> tuple[float, float, list[float]]:
    """(seconds for the merge, peak MB when traced, seconds for each bundle)."""
    if trace:
        tracemalloc.start()
    engine = open_merged(str(target))
    finished: list[float] = []
    try:
        started = time.perf_counter()
        outcomes = merge_bundles(engine, bundles, target.with_name(f"{target.stem}-files"),
                                 progress=lambda *_: finished.append(time.perf_counter()))
        elapsed = time.perf_counter() - started
    finally:
        engine.dispose()
    peak = 0.0
    if trace:
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    assert [o.status for o in outcomes] == ["added"] * len(bundles), [o.line() for o in outcomes if o.status != "added"]
    each = [end - begin for begin, end in zip([started, *finished], finished)]
    return elapsed, peak, each


def timed_qda(database: Path, out: Path) -> tuple[float, float, int]:
    """(seconds for export-qda, seconds for zipping the same members again, participants)."""
    with open_study_data(database) as data:
        started = time.perf_counter()
        result = export_qda(data, out)
        elapsed = time.perf_counter() - started
    assert result.picture_sources > 0 and not result.pictures_missing
    started = time.perf_counter()
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(out.with_suffix(".plain.zip"), "w") as copy:
        for info in source.infolist():
            copy.writestr(info, source.read(info), compress_type=info.compress_type)
    baseline = time.perf_counter() - started
    out.with_suffix(".plain.zip").unlink()
    return elapsed, baseline, result.participants


def without_gate(monkeypatch_context):  # noqa: ANN001, ANN201 - a pytest MonkeyPatch
    monkeypatch_context.setattr(bundle_gate, "size_problems", lambda *_: [])
    monkeypatch_context.setattr(bundle_gate, "content_problem", lambda *_: None)
    monkeypatch_context.setattr(bundle_gate, "disk_problem", lambda *_: None)


def test_research_benchmark(tmp_path_factory, monkeypatch):
    root = tmp_path_factory.mktemp("research-bench")
    bundles, export_times, baseline_times = make_bundles(root, LARGE)
    size = statistics.mean(b.stat().st_size for b in bundles[: SPEC.participants]) / 1e6
    print(f"\nsynthetic study: {LARGE} participants, {SPEC.days} days, {SPEC.turns_per_day} turns, "
          f"{SPEC.tracks_per_turn} tracks a turn, {SPEC.screenshot_bytes // 1000} KB screenshots; bundle {size:.1f} MB")
    bench("export time per participant", statistics.median(export_times), "s",
          statistics.median(baseline_times), "s plain zip of the data folder", "<= 3")

    small = bundles[: SPEC.participants]
    # the lower of two runs for both sizes alike: a single run of either moves with the disk
    t_small = min(timed_merge(small, root / f"small-{i}.sqlite")[0] for i in range(2))
    large_runs = [timed_merge(bundles, root / name) for name in ("large.sqlite", "large-again.sqlite")]
    t_large = min(run[0] for run in large_runs)
    per_small, per_large = t_small / len(small), t_large / len(bundles)
    bench(f"merge time per participant, {len(small)} participants", per_small, "s", per_small, "s", "reference")
    bench(f"merge time per participant, {len(bundles)} participants", per_large, "s",
          per_small, f"s per participant at {len(small)}", "<= 1.3")
    each = min((run[2] for run in large_runs), key=sum)
    count = len(small)
    bench(f"merge time of a bundle, the last {count} of {len(bundles)}", statistics.median(each[-count:]), "s",
          statistics.median(each[:count]), f"s the first {count} (medians)", "<= 1.3")

    # the lower of two runs, as for the times: when the cyclic garbage collector runs
    # moves a single run's peak by a few MB
    peak_small = min(timed_merge(small, root / f"small-traced-{i}.sqlite", trace=True)[1] for i in range(2))
    peak_large = min(timed_merge(bundles, root / f"large-traced-{i}.sqlite", trace=True)[1] for i in range(2))
    largest = max(b.stat().st_size for b in bundles) / 1e6
    bench(f"merge peak memory, {len(small)} participants", peak_small, "MB", largest, "MB largest bundle", "<= 1")
    bench(f"merge peak memory, {len(bundles)} participants", peak_large, "MB",
          peak_small, f"MB at {len(small)} participants", "<= 1.3")
    assert os.path.getsize(root / "large.sqlite") > 0

    qda_small = min((timed_qda(root / "small-0.sqlite", root / f"small-{i}.qdpx") for i in range(2)), key=lambda r: r[0])
    qda_large = timed_qda(root / "large.sqlite", root / "large.qdpx")
    for elapsed, baseline, people in (qda_small, qda_large):
        bench(f"export-qda time, {people} participants", elapsed, "s", baseline, "s writing the same members with zipfile",
              "reference")
    bench(f"export-qda time per participant, {qda_large[2]} participants", qda_large[0] / qda_large[2], "s",
          qda_small[0] / qda_small[2], f"s per participant at {qda_small[2]}", "<= 1.3")

    # with and without the checks in turns, the lower of three each: measured apart (the
    # checked merge first, on a cold disk cache), one fsync-bound run moved the ratio by 0.5
    gated, ungated = [], []
    for i in range(3):
        gated.append(timed_merge(small, root / f"gated-{i}.sqlite")[0])
        with monkeypatch.context() as switched_off:
            without_gate(switched_off)
            ungated.append(timed_merge(small, root / f"ungated-{i}.sqlite")[0])
    with monkeypatch.context() as switched_off:
        without_gate(switched_off)
        peak_plain = min(timed_merge(small, root / f"ungated-traced-{i}.sqlite", trace=True)[1] for i in range(2))
    bench(f"merge time with the bundle checks, {len(small)} participants", min(gated), "s", min(ungated), "s without them",
          "<= 1.3")
    bench(f"merge peak memory with the bundle checks, {len(small)} participants", peak_small, "MB",
          peak_plain, "MB without them", "<= 1.1")
