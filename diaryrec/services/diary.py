"""The diary entry of a study day: drafts saved as the participant types, the
final save (marked late when the day is over), and the screenshots beside it.

Qt-free and callable from a worker thread. Every write is one committed SQLite
transaction (WAL, synchronous=FULL), so a draft that was autosaved survives a crash.
Screenshot files live in ``DataLayout.screenshots``; rows in ``diary_screenshot``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, select

from diaryrec.errors import QT_TRANSLATE_NOOP, UserError
from diaryrec.fileio import write_atomic
from diaryrec.services.study import ActiveStudy
from diaryrec.store import Store
from diaryrec.store.engine import storage_errors
from diaryrec.store.models import DiaryEntry, DiaryScreenshot
from diaryrec.store.types import utcnow

log = logging.getLogger(__name__)

MAX_ANSWER_CHARS = 50_000


class DiaryImageError(UserError):
    pass


@dataclass(frozen=True)
class ScreenshotInfo:
    id: int
    path: Path
    automatic: bool
    position: int


@dataclass(frozen=True)
class DiaryState:
    """A diary entry as plain data (what crosses back to the GUI thread)."""

    day: int
    answers: dict[str, str]
    status: str  # "none" | "draft" | "saved"
    late: bool = False
    revision: int = 0
    drafted_at: dt.datetime | None = None
    saved_at: dt.datetime | None = None
    screenshots: list[ScreenshotInfo] = field(default_factory=list)

    @property
    def saved(self) -> bool:
        return self.status == "saved"


def _entry(session: Session, day: int) -> DiaryEntry | None:
    return session.exec(select(DiaryEntry).where(DiaryEntry.study_day == day)).first()


def _state(store: Store, session: Session, day: int, entry: DiaryEntry | None) -> DiaryState:
    if entry is None:
        return DiaryState(day=day, answers={}, status="none")
    shots = session.exec(
        select(DiaryScreenshot).where(DiaryScreenshot.entry_id == entry.id).order_by(DiaryScreenshot.position, DiaryScreenshot.id)  # type: ignore[arg-type]
    ).all()
    return DiaryState(
        day=day,
        answers=dict(entry.answers),
        status=entry.status,
        late=entry.late,
        revision=entry.revision,
        drafted_at=entry.drafted_at,
        saved_at=entry.saved_at,
        screenshots=[
            ScreenshotInfo(id=s.id or 0, path=store.layout.screenshots / s.file_name, automatic=s.automatic, position=s.position)
            for s in shots
        ],
    )


def _clean(answers: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in answers.items():
        if len(value) > MAX_ANSWER_CHARS:
            raise UserError(
                QT_TRANSLATE_NOOP("UserError", "An answer is longer than {limit:,} characters; please shorten it."), limit=MAX_ANSWER_CHARS
            )
        out[str(key)] = value
    return out


def latest_draft(store: Store, day: int) -> DiaryState:
    """What is stored for ``day``: a draft, a saved entry, or nothing (status "none")."""
    with store.session() as session:
        return _state(store, session, day, _entry(session, day))


def open_entry(store: Store, day: int) -> DiaryState:
    """The stored entry for ``day``, and an ``entry_opened`` event for the researcher."""
    state = latest_draft(store, day)
    store.log_event("entry_opened", day=day, status=state.status)
    return state


def save_draft(store: Store, day: int, answers: dict[str, str], *, now: dt.datetime | None = None) -> DiaryState:
    """Keep what was typed so far. A saved entry stays saved: its changes wait for
    ``save_entry`` (the diary's "save" is the participant's word, not the timer's)."""
    now = now or utcnow()
    answers = _clean(answers)
    with store.session() as session:
        entry = _entry(session, day)
        if entry is None:
            entry = DiaryEntry(study_day=day, answers=answers, status="draft", drafted_at=now)
        elif entry.status == "saved":
            return _state(store, session, day, entry)
        else:
            entry.answers = answers
            entry.drafted_at = now
        session.add(entry)
        session.commit()
        session.refresh(entry)
        return _state(store, session, day, entry)


def save_entry(
    store: Store, active: ActiveStudy, day: int, answers: dict[str, str], *, now: dt.datetime | None = None
) -> DiaryState:
    """Save the entry; late when the day (plus the study's grace) ended before the
    first save. Saving again keeps that first verdict and counts a new revision."""
    now = now or utcnow()
    answers = _clean(answers)
    active.observe(store, now)  # the day as lived (a day begun or a move since the last look), for the late flag
    with store.session() as session:
        entry = _entry(session, day) or DiaryEntry(study_day=day)
        first_save = entry.status != "saved"
        entry.answers = answers
        entry.drafted_at = now
        entry.saved_at = now
        entry.status = "saved"
        entry.revision = (entry.revision or 0) + 1
        if first_save:
            entry.late = active.is_late(day, now)
        session.add(entry)
        session.commit()
        session.refresh(entry)
        state = _state(store, session, day, entry)
    store.log_event("entry_saved", day=day, late=state.late, revision=state.revision)
    return state


def _ensure_entry(session: Session, day: int) -> DiaryEntry:
    entry = _entry(session, day)
    if entry is None:
        entry = DiaryEntry(study_day=day, answers={}, status="draft")
        session.add(entry)
        session.flush()
    return entry


def add_screenshot(store: Store, day: int, image: bytes, *, automatic: bool, extension: str = ".png") -> ScreenshotInfo:
    """Store an image for ``day``'s entry (the conversation rendered by the app as
    PNG, or a photo the participant added, already made safe by media.images)."""
    digest = hashlib.sha256(image).hexdigest()
    name = f"day-{day:02d}-{digest[:16]}{extension}"
    path = store.layout.screenshots / name
    if not path.exists():
        with storage_errors(store.layout.root):
            write_atomic(path, image)
    with store.session() as session:
        entry = _ensure_entry(session, day)
        count = len(session.exec(select(DiaryScreenshot).where(DiaryScreenshot.entry_id == entry.id)).all())
        row = DiaryScreenshot(entry_id=entry.id, position=count, file_name=name, sha256=digest, automatic=automatic)  # type: ignore[arg-type]
        session.add(row)
        session.commit()
        session.refresh(row)
    store.log_event("screenshot_added", day=day, automatic=automatic)
    return ScreenshotInfo(id=row.id or 0, path=path, automatic=automatic, position=row.position)


def add_image_file(store: Store, day: int, source: Path) -> ScreenshotInfo:
    """Add an image file the participant chose, through the same gate as chat photos
    (allow-listed formats, bombs refused, every piece of metadata dropped, downscaled)."""
    from diaryrec.media.images import ImageRejectedError, prepare_image  # PIL only when an image is added

    try:
        prepared = prepare_image(source)
    except ImageRejectedError as exc:
        raise DiaryImageError(exc.template, hint=exc.hint_template, **exc.template_values) from exc
    return add_screenshot(store, day, prepared.data, automatic=False, extension=prepared.extension)


def remove_screenshot(store: Store, screenshot_id: int) -> None:
    """Take a screenshot off the entry; its file goes too unless another row uses it."""
    with store.session() as session:
        row = session.get(DiaryScreenshot, screenshot_id)
        if row is None:
            return
        name, entry_id = row.file_name, row.entry_id
        session.delete(row)
        session.commit()
        still_used = session.exec(select(DiaryScreenshot).where(DiaryScreenshot.file_name == name)).first()
        entry = session.get(DiaryEntry, entry_id)
    if still_used is None:
        (store.layout.screenshots / name).unlink(missing_ok=True)
    store.log_event("screenshot_removed", day=entry.study_day if entry else None)
