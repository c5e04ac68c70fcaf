"""The week-1 daily composer and the planning sheet (week 2; revised in week 3).
Both fill a ``SheetForm``, show the compiled system prompt live (compiling takes
well under a millisecond, so a debounce is all it needs), save a ``SheetVersion``
in a worker and then open the chat with that version."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from diaryrec.services import ice_breaking, sheet_versions
from diaryrec.services.conversation import day_conversation
from diaryrec.services.sheet_versions import SheetInfo
from diaryrec.sheets.changes import Change, prompt_diff, sheet_changes
from diaryrec.sheets.compiler import compile_sheet, reply_contract, split_contract
from diaryrec.sheets.io import parse_sheet, sheet_to_dict
from diaryrec.ui.chat_view import ChatView
from diaryrec.runtime.context import AppContext
from diaryrec.ui.errors import error_text
from diaryrec.ui.sheet_form import SheetForm
from diaryrec.ui.services import ServicesGate
from diaryrec.ui.tasks import TaskRunner
from diaryrec.vocabulary import ConversationPurpose
from diaryrec.ui.words import choice_label
from diaryrec.ui.widgets import HeadingLabel
from diaryrec.ui.controls import ComboBox

if TYPE_CHECKING:
    from diaryrec.services.turn import TurnService



def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the form wraps instead
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


def diff_html(lines: list[str]) -> str:
    """A unified diff as the participant reads it: added lines on green with "+",
    removed ones on red with "−", one line of context in grey, "…" between the parts;
    never colour alone."""
    import html

    rows = []
    for line in lines:
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            style, text = "color:#6e7781;", "…"
        elif line.startswith("+"):
            style, text = "background-color:#dafbe1;color:#116329;", "+ " + line[1:]
        elif line.startswith("-"):
            style, text = "background-color:#ffebe9;color:#a40e26;", "− " + line[1:]
        else:
            style, text = "color:#57606a;", "  " + line[1:]
        rows.append(f'<p style="margin:0;white-space:pre-wrap;{style}">{html.escape(text) or "&nbsp;"}</p>')
    return "".join(rows)


class _SheetScreen(QWidget):
    """Form page → chat page, shared by the composer and the planning sheet."""

    chat_opened = Signal()

    def __init__(self, context: AppContext, tasks: TaskRunner, services: ServicesGate, day: int, read_only: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.tasks, self.services, self.day, self.read_only = context, tasks, services, day, read_only
        self.lang = context.language
        self.form: SheetForm | None = None
        self.saved: SheetInfo | None = None
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("promptPreview")
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Compiled system prompt"))
        self.problem = QLabel()
        self.problem.setObjectName("errorText")
        self.problem.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save and start chatting"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(not read_only)
        self.chat = ChatView(context, tasks, services)
        self.edit_button = QPushButton(self.tr("← &Change the sheet"))
        self.edit_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.edit_button.setVisible(not read_only)
        self.chat_title = HeadingLabel()
        self.chat_title.setObjectName("cardHeading")
        chat_page = QWidget()
        cl = QVBoxLayout(chat_page)
        cl.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.chat_title, 1)
        top.addWidget(self.edit_button)
        cl.addLayout(top)
        cl.addWidget(self.chat, 1)
        self.form_holder = QWidget()
        self.form_layout = QVBoxLayout(self.form_holder)
        self.form_layout.setContentsMargins(0, 0, 8, 0)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        self.preview_label = QLabel(self.tr("The system prompt your choices compile to"))
        self.preview_label.setObjectName("questionLabel")
        rl.addWidget(self.preview_label)
        rl.addWidget(self.preview, 1)
        # the reply format diaryrec appends: folded away, and said to be diaryrec's, not the participant's
        self.contract_toggle = QToolButton()
        self.contract_toggle.setObjectName("contractToggle")
        self.contract_toggle.setCheckable(True)
        self.contract_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.contract_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.contract_toggle.setText(self.tr("Reply format, added by diaryrec"))
        self.contract_toggle.setToolTip(self.tr("diaryrec adds this to every prompt so that replies arrive as track cards. "
                                                "You do not write it and it is not part of your design."))
        self.contract_toggle.toggled.connect(self._show_contract)
        self.contract_toggle.setVisible(False)
        self.contract_view = QPlainTextEdit()
        self.contract_view.setObjectName("promptContract")
        self.contract_view.setReadOnly(True)
        self.contract_view.setAccessibleName(self.tr("Reply format, added by diaryrec"))
        self.contract_view.setMaximumHeight(160)
        self.contract_view.setVisible(False)
        self.compiled_prompt = ""  # the whole prompt, the reply format included (what is saved and sent)
        rl.addWidget(self.contract_toggle)
        rl.addWidget(self.contract_view)
        self.extra = QVBoxLayout()
        rl.addLayout(self.extra)
        rl.addWidget(self.problem)
        rl.addWidget(self.save_button)
        split = QSplitter()
        split.addWidget(_scroll(self.form_holder))
        split.addWidget(right)
        split.setSizes([560, 440])
        self.pages = QStackedWidget()
        self.pages.addWidget(split)
        self.pages.addWidget(chat_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def name_objective(self) -> tuple[str, str]:
        raise NotImplementedError

    def current_sheet(self) -> Any:
        name, objective = self.name_objective()
        assert self.form is not None
        return self.form.sheet(name, objective)

    def update_preview(self) -> None:
        if self.form is None:
            return
        try:
            sheet = self.current_sheet()
        except ValueError as exc:
            self.problem.setText(self.explain(exc))
            self.save_button.setEnabled(False)
            return
        self.problem.clear()
        self.save_button.setEnabled(not self.read_only)
        self.compiled_prompt = compile_sheet(sheet, self.template_dir()).system_prompt
        own, contract = split_contract(self.compiled_prompt, reply_contract(sheet, self.template_dir()))
        self.preview.setPlainText(own)
        self.contract_view.setPlainText(contract)
        self.contract_toggle.setVisible(bool(contract))
        self.contract_view.setVisible(bool(contract) and self.contract_toggle.isChecked())
        self.sheet_changed(sheet)

    def _show_contract(self, shown: bool) -> None:
        self.contract_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.contract_view.setVisible(shown and bool(self.contract_view.toPlainText()))

    def sheet_changed(self, sheet: Any) -> None:
        pass

    def template_dir(self) -> str | None:
        """The joined study's prompt templates (None: the shipped ones)."""
        study = self.context.study
        return (study.study.llm.template_dir or None) if study is not None else None

    def explain(self, exc: ValueError) -> str:
        """What the form still needs, in the participant's words (and language), from
        the sheet model's validation error."""
        errors = getattr(exc, "errors", None)
        if not callable(errors):
            return self.tr("Not complete yet: {problem}").format(problem=error_text(exc))
        model = str(getattr(exc, "title", ""))
        problems = dict.fromkeys(self.problem_text(model, error) for error in errors())
        return self.tr("Not complete yet: {problem}").format(problem=" ".join(problems))

    def problem_text(self, model: str, error: dict[str, Any]) -> str:
        """One pydantic error of the sheet (``model`` is the part that refused)."""
        field = ".".join(str(part) for part in error.get("loc", ()))
        limit = (error.get("ctx") or {}).get("max_length")
        if error.get("type") in ("string_too_long", "too_long") and limit:
            return self.tr("An answer is too long (at most {limit} characters or items).").format(limit=limit)
        known = {
            ("PlanningSheet", "name"): self.tr("Give your recommender a name."),
            ("PlanningSheet", "objective"): self.tr("Write what your recommender is for."),
            ("PreferenceInput", ""): self.tr("Stage 1: choose at least one kind of information, or describe your own."),
            ("FeedbackSetup", "modes"): self.tr("Stage 3: choose at least one way to give feedback."),
            ("FeedbackSetup", ""): self.tr("Stage 3: describe your own way of giving feedback."),
        }
        text = known.get((model, field))
        if text is not None:
            return text
        return self.tr("Please check this answer ({field}: {detail}).").format(
            field=field or model, detail=str(error.get("msg", "")).removeprefix("Value error, "))

    def save(self) -> None:
        try:
            sheet = self.current_sheet()
        except ValueError as exc:
            self.problem.setText(self.explain(exc))
            return
        self.save_button.setEnabled(False)
        key, kind, based_on, purpose = self.version_target()
        day, store, template_dir = self.day, self.context.store, self.template_dir()

        def work() -> SheetInfo:
            saved = sheet_versions.save_sheet_version(store, sheet, sheet_key=key, kind=kind, study_day=day,
                                                      based_on_id=based_on, template_dir=template_dir)
            info = sheet_versions.latest_version(store, sheet_key=saved.sheet_key)
            assert info is not None
            return info

        self.tasks.run(work, on_done=self._saved, on_error=self._save_failed)

    def version_target(self) -> tuple[str, str, int | None, str]:
        raise NotImplementedError

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.problem.setText(self.tr("Not saved: {error}").format(error=error_text(exc)))

    def _saved(self, info: SheetInfo) -> None:
        self.save_button.setEnabled(not self.read_only)
        self.saved = info
        self.open_chat(info, None)

    def open_chat(self, info: SheetInfo, conversation_id: int | None) -> None:
        purpose = ConversationPurpose.DAILY if info.kind == "daily" else ConversationPurpose.OWN_RECOMMENDER
        day, lang = self.day, self.lang

        def create(turns: TurnService) -> int:
            return turns.start_conversation(purpose=purpose, study_day=day, sheet_version_id=info.id, language=lang)

        fb = info.content.get("feedback", {})
        self.chat_title.setText(self.tr("{name} · version {version}").format(name=info.content.get("name", ""), version=info.version))
        self.chat.set_conversation(conversation_id, create, feedback_modes=fb.get("modes", []),
                                   own_description=fb.get("own_description", ""), read_only=self.read_only)
        self.pages.setCurrentIndex(1)
        self.chat_opened.emit()


class ComposerView(_SheetScreen):
    """Week 1, days 2–7: today's choices for the three stages, then the chat."""

    def __init__(self, context: AppContext, tasks: TaskRunner, services: ServicesGate, day: int, *, read_only: bool = False, parent: QWidget | None = None):
        super().__init__(context, tasks, services, day, read_only, parent)
        self.setObjectName("composer")
        self.intro = QLabel(self.tr("Compose today's experiment: choose one or more ways for each stage. "
                                    "Your own ideas from the ice-breaking sheet are marked ★ and listed first."))
        self.intro.setWordWrap(True)
        self.form_layout.addWidget(self.intro)
        store, key = context.store, f"day-{day}"

        def load() -> tuple[dict[int, list[str]], SheetInfo | None, int | None]:
            return (ice_breaking.ideas_by_stage(store), sheet_versions.latest_version(store, sheet_key=key),
                    day_conversation(store, day, ConversationPurpose.DAILY))

        tasks.run(load, on_done=self._loaded)

    def _loaded(self, loaded: tuple[dict[int, list[str]], SheetInfo | None, int | None]) -> None:
        ideas, saved, conversation = loaded
        self.form = SheetForm(self.lang, ideas)
        self.form.setEnabled(not self.read_only)
        self.form.changed.connect(self.update_preview)
        self.form_layout.addWidget(self.form)
        self.form_layout.addStretch(1)
        if saved is not None:
            self.form.load(saved.content)
            self.saved = saved
            if conversation is not None or self.read_only:
                self.open_chat(saved, conversation)
        self.update_preview()

    def name_objective(self) -> tuple[str, str]:
        from diaryrec.sheets.composer import day_name_objective

        return day_name_objective(self.day, self.lang)

    def version_target(self) -> tuple[str, str, int | None, str]:
        return f"day-{self.day}", "daily", self.saved.id if self.saved else None, "daily"


class PlanningView(_SheetScreen):
    """The planning sheet; with ``revision`` it starts from the earlier version (or a
    new scenario) and shows what changed, field by field and in the prompt."""

    def __init__(self, context: AppContext, tasks: TaskRunner, services: ServicesGate, day: int, *, revision: bool = False, read_only: bool = False,
                 parent: QWidget | None = None):
        super().__init__(context, tasks, services, day, read_only, parent)
        self.setObjectName("planning")
        self.revision = revision
        self.base: SheetInfo | None = None  # what a revision starts from
        texts = context.study.study.planning_sheet  # type: ignore[union-attr]
        intro = QLabel(texts.intro.get(self.lang))
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setAccessibleName(texts.name_label.get(self.lang))
        self.objective = QPlainTextEdit()
        self.objective.setAccessibleName(texts.objective_label.get(self.lang))
        self.objective.setTabChangesFocus(True)
        self.objective.setFixedHeight(60)
        self.start_from = ComboBox()
        self.start_from.setAccessibleName(self.tr("Start from"))
        self.start_from.setVisible(revision)
        self.start_from.activated.connect(self._start_from_chosen)
        head = QFormLayout()
        if revision:
            head.addRow(self.tr("St&art from"), self.start_from)
        head.addRow(QLabel(texts.name_label.get(self.lang)))
        head.addRow(self.name)
        head.addRow(QLabel(texts.objective_label.get(self.lang)))
        head.addRow(self.objective)
        stages = QLabel(texts.stages_label.get(self.lang))
        stages.setObjectName("questionLabel")
        self.form_layout.addWidget(intro)
        self.form_layout.addLayout(head)
        self.form_layout.addWidget(stages)
        self.changes = QLabel()
        self.changes.setObjectName("changes")
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.PlainText)
        # the prompt's changed lines, coloured: added on green with "+", removed on red with "−"
        self.diff = QTextBrowser()
        self.diff.setObjectName("promptDiff")
        self.diff.setOpenLinks(False)
        self.diff.setAccessibleName(self.tr("Changes in the system prompt"))
        self.diff.setToolTip(self.tr("Lines of the system prompt added (+, green) and removed (−, red)"))
        self.diff.setMaximumHeight(170)
        self.changes_label = QLabel(self.tr("What changed since the week-2 version"))
        self.changes_label.setObjectName("questionLabel")
        for w in (self.changes_label, self.changes, self.diff):
            w.setVisible(revision)
            self.extra.addWidget(w)
        self.name.textChanged.connect(lambda _t: self.form and self.form._edited())
        self.objective.textChanged.connect(lambda: self.form and self.form._edited())
        self.versions: list[SheetInfo] = []
        store = context.store

        def load() -> tuple[list[SheetInfo], int | None, dict[int, list[str]]]:
            return sheet_versions.versions(store), day_conversation(store, day, ConversationPurpose.OWN_RECOMMENDER), ice_breaking.ideas_by_stage(store)

        tasks.run(load, on_done=self._loaded)

    def _loaded(self, loaded: tuple[list[SheetInfo], int | None, dict[int, list[str]]]) -> None:
        self.versions, conversation, ideas = loaded
        self.form = SheetForm(self.lang, ideas)
        self.form.changed.connect(self.update_preview)
        self.form_layout.addWidget(self.form)
        self.form_layout.addStretch(1)
        for w in (self.name, self.objective, self.form):
            w.setEnabled(not self.read_only)
        today = [v for v in self.versions if v.study_day == self.day]
        earlier = [v for v in self.versions if v.study_day < self.day]
        self.base = earlier[-1] if earlier else None
        if self.revision:
            if self.base is not None:
                self.start_from.addItem(self.tr("{name} (version {version})").format(name=self.base.content.get("name", ""), version=self.base.version), "base")
            self.start_from.addItem(self.tr("A new scenario"), "new")
        shown = today[-1] if today else (self.base if self.revision else None)
        if shown is not None:
            self._fill(shown.content)
        if today and (conversation is not None or self.read_only):
            self.saved = today[-1]
            self.open_chat(today[-1], conversation)
        self.update_preview()

    def _fill(self, content: dict[str, Any]) -> None:
        self.name.setText(content.get("name", ""))
        self.objective.setPlainText(content.get("objective", ""))
        assert self.form is not None
        self.form.load(content)

    def _start_from_chosen(self, _index: int) -> None:
        if self.start_from.currentData() == "base" and self.base is not None:
            self._fill(self.base.content)
        else:
            self._fill({})
        self.update_preview()

    def name_objective(self) -> tuple[str, str]:
        return self.name.text(), self.objective.toPlainText()

    def from_base(self) -> bool:
        return self.revision and self.base is not None and self.start_from.currentData() == "base"

    def sheet_changed(self, sheet: Any) -> None:
        if not self.revision:
            return
        if not self.from_base():
            self.changes.setText(self.tr("A new scenario: everything is new."))
            self.diff.clear()
            return
        assert self.base is not None
        changes = sheet_changes(self.base.content, sheet_to_dict(sheet))
        if not changes:
            self.changes.setText(self.tr("Nothing changed yet."))
        else:
            self.changes.setText("\n".join(self.change_line(c) for c in changes))
        self.diff.setHtml(diff_html(prompt_diff(self.own_part(self.base.compiled_prompt, self.base.content),
                                                self.own_part(self.compiled_prompt, sheet_to_dict(sheet)))))

    def own_part(self, prompt: str, content: dict[str, Any]) -> str:
        """The prompt without the reply format diaryrec adds: the revision shows how the
        participant's own recommender changed (the format follows from it)."""
        try:
            contract = reply_contract(parse_sheet(content), self.template_dir())
        except Exception:  # noqa: BLE001 - an old version that no longer parses: its whole prompt
            return prompt
        return split_contract(prompt, contract)[0]

    def change_line(self, change: Change) -> str:
        name = self.field_name(change.field)
        if isinstance(change.old, list) and isinstance(change.new, list):
            added = [v for v in change.new if v not in change.old]
            removed = [v for v in change.old if v not in change.new]
            parts = []
            if added:
                parts.append(self.tr("added {items}").format(items=self._short(added)))
            if removed:
                parts.append(self.tr("removed {items}").format(items=self._short(removed)))
            return f"• {name}: " + "; ".join(parts or [self.tr("new order")])
        return f"• {name}: {self._short(change.old)} → {self._short(change.new)}"

    def field_name(self, path: str) -> str:
        return {
            "name": self.tr("name"),
            "objective": self.tr("objective"),
            "language": self.tr("reply language"),
            "preference_input.data_types": self.tr("information given"),
            "preference_input.own_data_types": self.tr("own information"),
            "preference_input.notes": self.tr("notes on preference input"),
            "presentation.purposes": self.tr("purpose"),
            "presentation.own_purpose": self.tr("own purpose"),
            "presentation.explanation_styles": self.tr("explanation style"),
            "presentation.own_explanation_style": self.tr("own explanation style"),
            "presentation.track_count": self.tr("number of tracks"),
            "presentation.exclusions": self.tr("exclusions"),
            "presentation.explanation_level": self.tr("level of explanation"),
            "presentation.notes": self.tr("notes on presentation"),
            "feedback.modes": self.tr("feedback"),
            "feedback.own_description": self.tr("own way of giving feedback"),
            "feedback.notes": self.tr("notes on feedback"),
        }.get(path, path)

    def _short(self, value: Any) -> str:
        if isinstance(value, list):
            value = ", ".join(choice_label(str(v)) for v in value)
        elif isinstance(value, str):
            value = choice_label(value)
        text = str(value) if value not in (None, "") else "—"
        return text if len(text) <= 60 else text[:57] + "…"

    def version_target(self) -> tuple[str, str, int | None, str]:
        today = [v for v in self.versions if v.study_day == self.day]
        if self.saved is not None and self.saved.study_day == self.day:
            return self.saved.sheet_key, "planning", self.saved.id, ConversationPurpose.OWN_RECOMMENDER
        if self.from_base():
            assert self.base is not None
            return self.base.sheet_key, "planning", self.base.id, ConversationPurpose.OWN_RECOMMENDER
        if today:
            return today[-1].sheet_key, "planning", today[-1].id, ConversationPurpose.OWN_RECOMMENDER
        return sheet_versions.next_recommender_key(self.versions), "planning", None, ConversationPurpose.OWN_RECOMMENDER

    def _saved(self, info: SheetInfo) -> None:
        self.versions.append(info)
        super()._saved(info)
