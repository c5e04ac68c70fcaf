"""The ice-breaking sheet (week 1, day 1): the protocol's tasks in order, each
with its instruction and example, a chat with the plain assistant, the (+)/(−)
boxes, and after each stage's tasks the stage's ideation list. Everything is kept
as it is typed, so the sheet can be left and resumed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from diaryrec.services import ice_breaking
from diaryrec.services.ice_breaking import SheetState
from diaryrec.ui.chat_view import ChatView
from diaryrec.runtime.context import AppContext
from diaryrec.ui.services import ServicesGate
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.widgets import HeadingLabel
from diaryrec.vocabulary import ConversationPurpose

if TYPE_CHECKING:
    from diaryrec.services.turn import TurnService



FEEDBACK_STAGE = 3  # the recommender's third stage: user feedback


class IceBreakingView(QWidget):
    # before the chat switches to another task's conversation (the diary keeps a picture of each)
    leaving_conversation = Signal()

    def __init__(self, context: AppContext, tasks: TaskRunner, services: ServicesGate, day: int, *, read_only: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.tasks, self.day, self.read_only = context, tasks, day, read_only
        self.setObjectName("iceBreaking")
        active = context.study
        assert active is not None
        self.sheet = active.study.ice_breaking
        self.lang = context.language
        self.task_ids = [t.id for t in self.sheet.tasks]
        self.state: SheetState | None = None
        self.current: tuple[str, object] | None = None

        self.progress = QLabel()
        self.progress.setObjectName("progressLine")
        self.steps = QListWidget()
        self.steps.setObjectName("steps")
        self.steps.setAccessibleName(self.tr("Tasks of the ice-breaking sheet"))
        self.steps.setMinimumWidth(230)
        self.steps.setWordWrap(True)
        self.steps.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.steps.currentItemChanged.connect(lambda item, _prev: item is not None and self.open_step(item.data(Qt.ItemDataRole.UserRole)))

        # a task: instruction, chat, (+)/(−)
        self.stage_label = HeadingLabel()
        self.stage_label.setObjectName("cardHeading")
        self.instruction = QLabel()
        self.instruction.setWordWrap(True)
        self.instruction.setObjectName("instruction")
        self.example = QLabel()
        self.example.setWordWrap(True)
        self.example.setObjectName("screenSubtitle")
        self.chat = ChatView(context, tasks, services)
        self.pros = QPlainTextEdit()
        self.pros.setAccessibleName(self.sheet.pros_prompt.get(self.lang))
        self.pros.setTabChangesFocus(True)
        self.pros.setFixedHeight(56)
        self.cons = QPlainTextEdit()
        self.cons.setAccessibleName(self.sheet.cons_prompt.get(self.lang))
        self.cons.setTabChangesFocus(True)
        self.cons.setFixedHeight(56)
        judge = QHBoxLayout()  # side by side: the chat above keeps the height
        for prompt, box in ((self.sheet.pros_prompt, self.pros), (self.sheet.cons_prompt, self.cons)):
            column = QVBoxLayout()
            label = QLabel(prompt.get(self.lang))
            label.setWordWrap(True)
            label.setBuddy(box)
            column.addWidget(label)
            column.addWidget(box)
            judge.addLayout(column, 1)
        self.done_button = QPushButton(self.tr("Task done, &next"))
        self.done_button.setObjectName("primaryButton")
        self.done_button.clicked.connect(self.finish_task)
        self.task_state = QLabel()
        self.task_state.setObjectName("screenSubtitle")
        done_row = QHBoxLayout()
        done_row.addWidget(self.task_state, 1)
        done_row.addWidget(self.done_button)
        task_page = QWidget()
        tl = QVBoxLayout(task_page)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.stage_label)
        tl.addWidget(self.instruction)
        tl.addWidget(self.example)
        tl.addWidget(self.chat, 1)
        tl.addLayout(judge)
        tl.addLayout(done_row)

        # a stage's ideation list
        self.ideas_heading = HeadingLabel()
        self.ideas_heading.setObjectName("cardHeading")
        self.ideas_prompt = QLabel(self.sheet.ideation_prompt.get(self.lang))
        self.ideas_prompt.setWordWrap(True)
        self.ideas = QListWidget()
        self.ideas.setAccessibleName(self.tr("Your ideas"))
        self.new_idea = QLineEdit()
        self.new_idea.setAccessibleName(self.tr("New idea"))
        self.new_idea.setPlaceholderText(self.tr("one idea, then Enter"))
        self.new_idea.returnPressed.connect(self.add_idea)
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.clicked.connect(self.add_idea)
        self.remove_button = QPushButton(self.tr("&Remove selected"))
        self.remove_button.clicked.connect(self.remove_idea)
        row = QHBoxLayout()
        row.addWidget(self.new_idea, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        self.next_button = QPushButton(self.tr("Next &stage"))
        self.next_button.setObjectName("primaryButton")
        self.next_button.clicked.connect(self.next_step)
        ideas_page = QWidget()
        il = QVBoxLayout(ideas_page)
        il.setContentsMargins(0, 0, 0, 0)
        il.addWidget(self.ideas_heading)
        il.addWidget(self.ideas_prompt)
        il.addWidget(self.ideas, 1)
        il.addLayout(row)
        il.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignRight)

        self.pages = QStackedWidget()
        self.task_page, self.ideas_page = task_page, ideas_page
        self.pages.addWidget(task_page)
        self.pages.addWidget(ideas_page)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.progress)
        ll.addWidget(self.steps, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.pages)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        for w in (self.pros, self.cons, self.done_button, self.new_idea, self.add_button, self.remove_button):
            w.setEnabled(not read_only)
        self.reload()

    # -- reading -------------------------------------------------------------------------
    def reload(self, then: tuple[str, object] | None = None) -> None:
        self.tasks.run(ice_breaking.load_sheet, self.context.store, on_done=lambda state: self._loaded(state, then))

    def _loaded(self, state: SheetState, then: tuple[str, object] | None) -> None:
        self.state = state
        done = state.done_count(self.task_ids)
        self.progress.setText(self.tr("{done} of {total} tasks done").format(done=done, total=len(self.task_ids)))
        target = then or self.current or (("task", state.next_task(self.task_ids)) if state.next_task(self.task_ids) else ("ideas", 3))
        self.steps.blockSignals(True)
        self.steps.clear()
        for stage in self.sheet.stages:
            for number, task in enumerate([t for t in self.sheet.tasks if t.stage == stage.number], 1):
                mark = "✓ " if state.task(task.id).done else "○ "
                item = QListWidgetItem(mark + self.tr("{stage}.{n} {instruction}").format(
                    stage=stage.number, n=number, instruction=task.instruction.get(self.lang)))
                item.setToolTip(task.instruction.get(self.lang))
                item.setData(Qt.ItemDataRole.UserRole, ("task", task.id))
                self.steps.addItem(item)
            count = len(state.ideas.get(stage.number, []))
            item = QListWidgetItem(("✓ " if count else "○ ") + self.tr("Stage {stage} · ideas ({n})").format(stage=stage.number, n=count))
            item.setData(Qt.ItemDataRole.UserRole, ("ideas", stage.number))
            self.steps.addItem(item)
        self.steps.blockSignals(False)
        self.current = None
        self._select(target)

    def _select(self, step: tuple[str, object]) -> None:
        for row in range(self.steps.count()):
            if tuple(self.steps.item(row).data(Qt.ItemDataRole.UserRole)) == tuple(step):
                self.steps.setCurrentRow(row)  # opens it through currentItemChanged
                if self.current is None:
                    self.open_step(step)
                return

    def open_step(self, step: object) -> None:
        step = tuple(step)  # type: ignore[arg-type]
        if self.current == step or self.state is None:
            return
        self.flush()
        self.leaving_conversation.emit()  # the task's conversation goes into the diary before the chat shows another
        self.current = step  # type: ignore[assignment]
        kind, key = step  # type: ignore[misc]
        if kind == "task":
            self._open_task(str(key))
        else:
            self._open_ideas(int(key))  # type: ignore[arg-type]

    def _open_task(self, task_id: str) -> None:
        task = next(t for t in self.sheet.tasks if t.id == task_id)
        stage = next(s for s in self.sheet.stages if s.number == task.stage)
        assert self.state is not None
        saved = self.state.task(task_id)
        self.pages.setCurrentWidget(self.task_page)
        self.stage_label.setText(self.tr("Stage {n}: {name}").format(n=stage.number, name=stage.name.get(self.lang)))
        self.instruction.setText(task.instruction.get(self.lang))
        example = task.example.get(self.lang)
        self.example.setText(self.tr("For example: “{text}”").format(text=example) if example else stage.intro.get(self.lang))
        if task.wants_image:
            self.example.setText(self.example.text() + "\n" + self.tr("Attach a picture with “Attach image…”, drag it here or paste it."))
        if task.stage == FEEDBACK_STAGE:  # the plain assistant shows no stars or choices: feedback is typed
            self.example.setText(self.example.text() + "\n" + self.tr(
                "The plain assistant has no rating buttons: write your feedback in your message, "
                "for example “1st song: 4/5, 2nd song: 2/5”."))
        self.pros.setPlainText(saved.pros)
        self.cons.setPlainText(saved.cons)
        self.task_state.setText(self.tr("Done") if saved.done else self.tr("Chat with the assistant, then write the (+) and (−)."))
        store, day, lang = self.context.store, self.day, self.lang

        def create(turns: TurnService) -> int:
            cid = turns.start_conversation(purpose=ConversationPurpose.ICE_BREAKING, study_day=day, task_id=task_id, language=lang)
            ice_breaking.save_answer(store, task_id, "", "", conversation_id=cid)
            return cid

        self.chat.set_conversation(saved.conversation_id, create, read_only=self.read_only)

    def _open_ideas(self, stage_number: int) -> None:
        stage = next(s for s in self.sheet.stages if s.number == stage_number)
        assert self.state is not None
        self.pages.setCurrentWidget(self.ideas_page)
        self.ideas_heading.setText(self.tr("Stage {n}: {name} · your ideas").format(n=stage.number, name=stage.name.get(self.lang)))
        self.ideas.clear()
        for text in self.state.ideas.get(stage_number, []):
            self.ideas.addItem(text)
        self.next_button.setVisible(stage_number < 3)

    # -- writing --------------------------------------------------------------------------
    def flush(self) -> None:
        """Keep the (+)/(−) being typed when the task changes or the screen closes."""
        if self.read_only or self.current is None or self.current[0] != "task" or self.state is None:
            return
        task_id = str(self.current[1])
        pros, cons = self.pros.toPlainText(), self.cons.toPlainText()
        saved = self.state.task(task_id)
        if (pros.strip(), cons.strip()) != (saved.pros, saved.cons):
            self.tasks.run(ice_breaking.save_answer, self.context.store, task_id, pros, cons,
                           conversation_id=self.chat.conversation_id)

    def finish_task(self) -> None:
        if self.current is None or self.current[0] != "task":
            return
        task_id = str(self.current[1])
        index = self.task_ids.index(task_id)
        stage = self.sheet.tasks[index].stage
        after = self.sheet.tasks[index + 1] if index + 1 < len(self.task_ids) else None
        then = ("task", after.id) if after is not None and after.stage == stage else ("ideas", stage)
        self.tasks.run(ice_breaking.save_answer, self.context.store, task_id, self.pros.toPlainText(), self.cons.toPlainText(),
                       conversation_id=self.chat.conversation_id, done=True, on_done=lambda _s: self.reload(then))
        self.current = None

    def _idea_texts(self) -> list[str]:
        return [self.ideas.item(r).text() for r in range(self.ideas.count())]

    def _save_ideas(self) -> None:
        if self.current is None or self.current[0] != "ideas":
            return
        stage = int(self.current[1])  # type: ignore[arg-type]
        self.tasks.run(ice_breaking.save_ideas, self.context.store, stage, self._idea_texts(),
                       on_done=lambda _t: self.reload(("ideas", stage)))
        self.current = None

    def add_idea(self) -> None:
        text = self.new_idea.text().strip()
        if text:
            self.ideas.addItem(text)
            self.new_idea.clear()
            self._save_ideas()

    def remove_idea(self) -> None:
        for item in self.ideas.selectedItems():
            self.ideas.takeItem(self.ideas.row(item))
        self._save_ideas()

    def next_step(self) -> None:
        row = self.steps.currentRow()
        if row + 1 < self.steps.count():
            self.steps.setCurrentRow(row + 1)
