"""Sending the probe's queries through the participant's own turn machinery.

Each query (and each run of it) is a fresh conversation of the probed recommender —
the sheet's compiled prompt, or the plain assistant of the ice-breaking week — sent
with ``TurnService.run_turn``: the study's provider, the reply contract, the catalog
check in batches as in a participant's turn. The probe's store is its own (a
temporary data folder, never a participant's), and its turn service keeps every
suggestion (policy "mark"), so that what is measured is the model's own picks.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import select

from diaryrec.llm.errors import LlmError
from diaryrec.research.probe.conditions import Check, Premise, check, premise_answer, probe_message
from diaryrec.research.probe.queries import ProbeQuery
from diaryrec.research.transcripts import verdict_words
from diaryrec.services.sheet_versions import save_sheet_version
from diaryrec.services.turn import TurnService
from diaryrec.sheets.compiler import PLAIN_ASSISTANT_TRACKS
from diaryrec.sheets.models import PlanningSheet
from diaryrec.store import Store
from diaryrec.store.models import RecommendedTrack
from diaryrec.vocabulary import ConversationPurpose, catalog_name

#: errors that every later query would meet too: the probe stops at the first
STOPPING_ERRORS = frozenset({"no_key", "wrong_key", "quota", "connection", "model_not_found"})


@dataclass(frozen=True)
class ProbeTarget:
    """What is probed: a planning sheet, or (no sheet) the plain assistant."""

    sheet: PlanningSheet | None
    language: str
    template_dir: str | None = None
    source: str = ""  # the file it came from

    @property
    def name(self) -> str:
        return self.sheet.name if self.sheet is not None and self.sheet.name else "the plain assistant (week 1)"

    @property
    def track_limit(self) -> int:
        """The most tracks the prompt allows in one reply."""
        return self.sheet.presentation.track_count if self.sheet is not None else PLAIN_ASSISTANT_TRACKS


@dataclass(frozen=True)
class SuggestionOutcome:
    title: str
    artist: str
    year: int | None
    verdict: str
    catalog: str
    found: dict[str, Any] | None  # the catalog's track (``CatalogTrack.public()``), None when none was found
    condition: Check

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "artist": self.artist, "year": self.year, "verdict": self.verdict,
                "catalog": self.catalog or None, "catalog_track": self.found, "condition": self.condition.holds.value,
                "condition_detail": self.condition.why}

    @property
    def verdict_words(self) -> tuple[str, str]:
        """The verdict in words, with the catalog that gave it, and its colour."""
        return verdict_words(self.verdict, catalog_name(self.catalog) if self.catalog else "")

    @property
    def catalog_words(self) -> str:
        """What the catalog found, in words ("Dynamite · BTS · 2020"); "–" when nothing."""
        if not self.found:
            return "–"
        parts = [str(self.found.get("name") or ""), ", ".join(self.found.get("artists") or []),
                 str(self.found.get("release_date") or "")[:4]]
        return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class QueryOutcome:
    query: ProbeQuery
    run: int
    asked: int  # the tracks a reply should hold: the query's count, at most what the prompt allows
    message: str = ""
    suggestions: tuple[SuggestionOutcome, ...] = ()
    premise: Premise = Premise.UNCLEAR
    error: str = ""
    seconds: float = 0.0

    @property
    def answered(self) -> bool:
        return not self.error

    @property
    def too_few(self) -> bool:
        """A failure to recommend: no tracks, or fewer than asked."""
        return self.answered and len(self.suggestions) < self.asked

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query.to_dict(), "run": self.run, "asked": self.asked, "answered": self.answered,
                "error": self.error or None, "message": self.message, "too_few": self.too_few,
                "premise": self.premise.value, "seconds": round(self.seconds, 3),
                "suggestions": [s.to_dict() for s in self.suggestions]}


@dataclass
class ProbeRun:
    """Everything one probe did; ``outcomes`` grows as the queries are answered."""

    target: ProbeTarget
    provider: str
    model: str
    catalogs: list[str]
    planned: int
    started_at: dt.datetime
    outcomes: list[QueryOutcome] = field(default_factory=list)
    finished_at: dt.datetime | None = None
    stopped: str = ""  # why the probe ended before its last query


class ProbeStopped(Exception):
    """An error every later query would meet too (no key, no connection, …)."""

    def __init__(self, error: LlmError):
        super().__init__(str(error))
        self.error = error


def _suggestions(store: Store, message_id: int, query: ProbeQuery) -> tuple[SuggestionOutcome, ...]:
    with store.session() as session:
        rows = session.exec(select(RecommendedTrack).where(RecommendedTrack.message_id == message_id,
                                                           RecommendedTrack.replaces_id == None)  # noqa: E711 - SQL NULL
                            .order_by(RecommendedTrack.position)).all()
        return tuple(
            SuggestionOutcome(title=row.title, artist=row.artist, year=row.year, verdict=row.verdict,
                              catalog=row.catalog or "", found=row.catalog_track,
                              condition=check(query.condition, row.verdict, row.catalog_track))
            for row in rows
        )


def probe(
    turns: TurnService, store: Store, target: ProbeTarget, queries: Sequence[ProbeQuery], runs: int = 1,
    progress: Callable[[int, int, QueryOutcome], None] | None = None,
) -> Iterator[QueryOutcome]:
    """Each query ``runs`` times, each in a fresh conversation; yields each outcome as it
    is answered (a caller that stops iterating, or a Ctrl-C, keeps what came before).
    Raises ``ProbeStopped`` on an error every later query would meet too."""
    sheet_version_id = None
    if target.sheet is not None:
        saved = save_sheet_version(store, target.sheet, sheet_key="probe", kind="planning", study_day=1,
                                   template_dir=target.template_dir)
        sheet_version_id = saved.id
    total = len(queries) * runs
    done = 0
    for run in range(1, runs + 1):
        for query in queries:
            if sheet_version_id is not None:
                conversation = turns.start_conversation(purpose=ConversationPurpose.OWN_RECOMMENDER, study_day=1,
                                                        sheet_version_id=sheet_version_id, language=target.language)
            else:
                conversation = turns.start_conversation(purpose=ConversationPurpose.ICE_BREAKING, study_day=1,
                                                        task_id="probe", language=query.language)
            asked = min(query.count, target.track_limit)
            began = time.perf_counter()
            try:
                result = turns.run_turn(conversation, probe_message(query.text, query.language))
            except LlmError as exc:
                if exc.kind in STOPPING_ERRORS:
                    raise ProbeStopped(exc) from exc
                outcome = QueryOutcome(query, run, asked, error=str(exc), seconds=time.perf_counter() - began)
            else:
                outcome = QueryOutcome(query, run, asked, message=result.message,
                                       suggestions=_suggestions(store, result.assistant_message_id, query),
                                       premise=premise_answer(result.message), seconds=time.perf_counter() - began)
            done += 1
            if progress is not None:
                progress(done, total, outcome)
            yield outcome

