"""The probe's rates, and the self-contained HTML page and the JSON that hold them.

- existence: of the suggestions the catalog answered for, the share it found
  (verified); "unchecked" ones (the catalog did not answer) are left out and counted;
- condition: of the found suggestions whose catalog data decides the condition, the
  share that satisfies it (release year in range, the named artist credited or not);
- fail to recommend: of the answered queries, the share whose reply held fewer
  tracks than asked (or than the prompt allows, when it allows fewer);
- premise correction: of the answered misinformed queries, the share whose reply
  said the premise is wrong; beside it the false alarms, replies to true premises
  that called them wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from diaryrec import __version__
from diaryrec.fileio import write_atomic
from diaryrec.paths import templates_dir
from diaryrec.research.probe.conditions import Holds, Premise
from diaryrec.research.probe.queries import ProbeKind
from diaryrec.research.probe.run import ProbeRun, QueryOutcome
from diaryrec.vocabulary import Verdict, catalog_name

RESULT_FORMAT = "diaryrec-probe-result"
RESULT_VERSION = 1


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Rates:
    queries: int = 0
    errors: int = 0
    too_few: int = 0
    suggestions: int = 0
    verified: int = 0
    not_found: int = 0
    uncertain: int = 0
    unchecked: int = 0
    satisfied: int = 0
    violated: int = 0
    unknown: int = 0  # the condition could not be decided (Holds.UNKNOWN)
    misinformed: int = 0
    corrected: int = 0
    accepted: int = 0
    unclear: int = 0
    true_premises: int = 0
    false_alarms: int = 0

    @classmethod
    def of(cls, outcomes: Iterable[QueryOutcome]) -> "Rates":
        n: dict[str, int] = dict.fromkeys(cls.__dataclass_fields__, 0)
        for outcome in outcomes:
            n["queries"] += 1
            if not outcome.answered:
                n["errors"] += 1
                continue
            n["too_few"] += outcome.too_few
            if outcome.query.kind == ProbeKind.MISINFORMED:
                n["misinformed"] += 1
                n[outcome.premise.value] += 1
            else:
                n["true_premises"] += 1
                n["false_alarms"] += outcome.premise == Premise.CORRECTED
            for s in outcome.suggestions:
                n["suggestions"] += 1
                # the verdict counts are the fields named by their codes; pending counts as unchecked
                answered = s.verdict in (Verdict.VERIFIED, Verdict.NOT_FOUND, Verdict.UNCERTAIN)
                n[s.verdict if answered else Verdict.UNCHECKED.value] += 1
                holds = s.condition.holds
                if holds != Holds.NONE:
                    n[holds.value] += 1  # satisfied, violated or unknown: the fields named by the Holds codes
        return cls(**n)

    @property
    def answered(self) -> int:
        return self.queries - self.errors

    @property
    def existence(self) -> float | None:
        return _share(self.verified, self.verified + self.not_found + self.uncertain)

    @property
    def condition(self) -> float | None:
        return _share(self.satisfied, self.satisfied + self.violated)

    @property
    def fail_to_recommend(self) -> float | None:
        return _share(self.too_few, self.answered)

    @property
    def premise_correction(self) -> float | None:
        return _share(self.corrected, self.misinformed)

    @property
    def false_alarm(self) -> float | None:
        return _share(self.false_alarms, self.true_premises)

    def to_dict(self) -> dict[str, Any]:
        counts = {name: getattr(self, name) for name in self.__dataclass_fields__}
        rates = {name: (None if value is None else round(value, 4)) for name, value in (
            ("existence", self.existence), ("condition", self.condition), ("fail_to_recommend", self.fail_to_recommend),
            ("premise_correction", self.premise_correction), ("false_alarm", self.false_alarm))}
        return {"rates": rates, "counts": counts}


def rates_by_kind(outcomes: list[QueryOutcome]) -> dict[str, Rates]:
    """Per query kind, then "overall"."""
    table = {kind.value: Rates.of(o for o in outcomes if o.query.kind == kind) for kind in ProbeKind}
    table["overall"] = Rates.of(outcomes)
    return table


def result_document(result: ProbeRun) -> dict[str, Any]:
    """The probe as JSON, for analysis (``--json``)."""
    target = result.target
    return {
        "format": RESULT_FORMAT, "version": RESULT_VERSION, "app_version": __version__,
        "target": {"name": target.name, "source": target.source, "language": target.language,
                   "sheet": target.sheet.model_dump(mode="json") if target.sheet is not None else None,
                   "track_limit": target.track_limit},
        "provider": result.provider, "model": result.model, "catalogs": result.catalogs,
        "started_at": result.started_at.isoformat(timespec="seconds"),
        "finished_at": result.finished_at.isoformat(timespec="seconds") if result.finished_at else None,
        "planned": result.planned, "stopped": result.stopped or None,
        "by_kind": {kind: rates.to_dict() for kind, rates in rates_by_kind(result.outcomes).items()},
        "outcomes": [o.to_dict() for o in result.outcomes],
    }


def render_probe(result: ProbeRun) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir())), undefined=jinja2.StrictUndefined,
                             autoescape=True)
    return env.get_template("probe/probe.html.j2").render(
        result=result, table=rates_by_kind(result.outcomes), kinds=[k.value for k in ProbeKind],
        catalogs=", ".join(catalog_name(c) for c in result.catalogs) or "none", app_version=__version__,
        Holds=Holds, Premise=Premise, misinformed=ProbeKind.MISINFORMED,
    )


def write_probe(result: ProbeRun, out: Path, json_out: Path | None = None) -> None:
    """The HTML page (and the JSON), each whole or not at all, readable by the group."""
    write_atomic(Path(out), render_probe(result).encode("utf-8"), shared=True)
    if json_out is not None:
        text = json.dumps(result_document(result), ensure_ascii=False, indent=1) + "\n"
        write_atomic(Path(json_out), text.encode("utf-8"), shared=True)
