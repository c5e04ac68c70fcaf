"""The ice-breaking sheet (week 1, day 1), Qt-free: the (+)/(−) answers of each
task, the ideation list of each stage, and which task the participant is on, so
the sheet can be left and resumed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import select

from diaryrec.store import Store
from diaryrec.store.models import Conversation, IceBreakingAnswer, IdeationItem
from diaryrec.store.types import utcnow
from diaryrec.vocabulary import ConversationPurpose


@dataclass(frozen=True)
class TaskState:
    task_id: str
    pros: str = ""
    cons: str = ""
    conversation_id: int | None = None
    done: bool = False


@dataclass(frozen=True)
class SheetState:
    tasks: dict[str, TaskState]
    ideas: dict[int, list[str]] = field(default_factory=dict)

    def task(self, task_id: str) -> TaskState:
        return self.tasks.get(task_id) or TaskState(task_id)

    def done_count(self, task_ids: Sequence[str]) -> int:
        return sum(1 for t in task_ids if self.task(t).done)

    def next_task(self, task_ids: Sequence[str]) -> str | None:
        """Where a resumed sheet opens: the first task not done yet."""
        return next((t for t in task_ids if not self.task(t).done), None)


def load_sheet(store: Store) -> SheetState:
    with store.session() as session:
        answers = session.exec(select(IceBreakingAnswer)).all()
        ideas = session.exec(select(IdeationItem).order_by(IdeationItem.stage, IdeationItem.position, IdeationItem.id)).all()  # type: ignore[arg-type]
        # a task chatted about but not yet judged still reopens its conversation
        convs = session.exec(
            select(Conversation).where(Conversation.purpose == ConversationPurpose.ICE_BREAKING).order_by(Conversation.id)  # type: ignore[arg-type]
        ).all()
    tasks = {
        a.task_id: TaskState(a.task_id, a.pros, a.cons, a.conversation_id, a.completed_at is not None) for a in answers
    }
    for conv in convs:
        if conv.task_id and tasks.get(conv.task_id, TaskState(conv.task_id)).conversation_id is None:
            old = tasks.get(conv.task_id) or TaskState(conv.task_id)
            tasks[conv.task_id] = TaskState(old.task_id, old.pros, old.cons, conv.id, old.done)
    by_stage: dict[int, list[str]] = {}
    for idea in ideas:
        by_stage.setdefault(idea.stage, []).append(idea.text)
    return SheetState(tasks=tasks, ideas=by_stage)


def save_answer(
    store: Store, task_id: str, pros: str, cons: str, *, conversation_id: int | None = None, done: bool | None = None
) -> TaskState:
    """Keep a task's (+)/(−); ``done`` marks (True) or unmarks (False) it, None keeps it."""
    with store.session() as session:
        row = session.exec(select(IceBreakingAnswer).where(IceBreakingAnswer.task_id == task_id)).first()
        if row is None:
            row = IceBreakingAnswer(task_id=task_id)
        row.pros, row.cons = pros.strip(), cons.strip()
        if conversation_id is not None:
            row.conversation_id = conversation_id
        row.updated_at = utcnow()
        if done is True and row.completed_at is None:
            row.completed_at = utcnow()
        elif done is False:
            row.completed_at = None
        session.add(row)
        session.commit()
        session.refresh(row)
    if done:
        store.log_event("ice_breaking_task_done", task_id=task_id)
    return TaskState(row.task_id, row.pros, row.cons, row.conversation_id, row.completed_at is not None)


def save_ideas(store: Store, stage: int, texts: Sequence[str]) -> list[str]:
    """Replace a stage's ideation list (the participant edits it as a whole)."""
    if not 1 <= stage <= 3:
        raise ValueError(f"stage must be 1, 2 or 3, not {stage}")
    cleaned: list[str] = []
    for text in texts:
        text = text.strip()
        if text and text not in cleaned:
            cleaned.append(text[:500])
    with store.session() as session:
        for row in session.exec(select(IdeationItem).where(IdeationItem.stage == stage)).all():
            session.delete(row)
        session.add_all([IdeationItem(stage=stage, position=i, text=t) for i, t in enumerate(cleaned)])
        session.commit()
    return cleaned


def ideas_by_stage(store: Store) -> dict[int, list[str]]:
    return load_sheet(store).ideas
