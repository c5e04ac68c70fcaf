"""Today's activity: the screen "Start today's activity" opens. It holds the
day's sheet or chat (ice-breaking sheet, daily composer, planning sheet or its
revision, or the participant's own recommender) and, when the participant goes on
to the diary or leaves, stores the whole conversation as the diary's automatic
screenshot. A past day opens read-only."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from diaryrec.protocol import schedule
from diaryrec.protocol.model import Activity
from diaryrec.services import diary
from diaryrec.runtime.context import AppContext
from diaryrec.ui.screen import Screen
from diaryrec.ui.screenshots import png_bytes
from diaryrec.ui.services import ServicesGate
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.widgets import ACTIVITY_WIDTH, HeadingLabel, ReadableColumn
from diaryrec.vocabulary import ConversationPurpose

if TYPE_CHECKING:
    from diaryrec.services.turn import TurnService
    from diaryrec.ui.chat_view import ChatView

log = logging.getLogger(__name__)


def _store_capture(store, day: int, image: QImage, previous: int | None) -> int:  # noqa: ANN001 - Store
    """Worker side: PNG-encode and keep the capture, replacing this screen's last one."""
    if previous is not None and previous > 0:
        diary.remove_screenshot(store, previous)
    return diary.add_screenshot(store, day, png_bytes(image), automatic=True).id


class OwnRecommenderView(QWidget):
    """Weeks 2–3, days 2–7: the chat with the newest planning sheet version."""

    def __init__(self, context: AppContext, tasks: TaskRunner, services: ServicesGate, day: int, *, read_only: bool = False,
                 parent: QWidget | None = None):
        from diaryrec.ui.chat_view import ChatView

        super().__init__(parent)
        self.context, self.day, self.read_only = context, day, read_only
        self.title = QLabel()
        self.title.setObjectName("cardHeading")
        self.chat = ChatView(context, tasks, services)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.chat, 1)
        from diaryrec.services.conversation import day_conversation
        from diaryrec.services.sheet_versions import SheetInfo, latest_version

        store = context.store

        def load() -> tuple[SheetInfo | None, int | None]:
            return latest_version(store, kind="planning", before_day=day + 1), day_conversation(store, day, ConversationPurpose.OWN_RECOMMENDER)

        tasks.run(load, on_done=self._loaded)

    def _loaded(self, loaded: tuple) -> None:  # type: ignore[type-arg] - (SheetInfo | None, conversation id | None)
        info, conversation = loaded
        if info is None:
            self.title.setText(self.tr("No planning sheet yet: fill it in on the first day of week 2."))
            self.chat.setEnabled(False)
            return
        day, lang = self.day, self.context.language

        def create(turns: TurnService) -> int:
            return turns.start_conversation(purpose=ConversationPurpose.OWN_RECOMMENDER, study_day=day, sheet_version_id=info.id, language=lang)

        self.title.setText(self.tr("{name} · version {version}").format(name=info.content.get("name", ""), version=info.version))
        fb = info.content.get("feedback", {})
        self.chat.set_conversation(conversation, create, feedback_modes=fb.get("modes", []),
                                   own_description=fb.get("own_description", ""), read_only=self.read_only)


class ActivityView(QWidget, Screen):
    back_requested = Signal()
    diary_requested = Signal(int)
    settings_requested = Signal()
    turn_idle = Signal()  # a turn on this screen has ended

    def __init__(self, context: AppContext, tasks: TaskRunner, diary_tasks: TaskRunner, services: ServicesGate,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.tasks, self.diary_tasks, self.services = context, tasks, diary_tasks, services
        self.setObjectName("activityView")
        self.day: int | None = None
        self.activity: Activity | None = None
        self.body: QWidget | None = None
        self.read_only = False
        # conversation id → (turns captured, screenshot id): one picture per conversation,
        # so a screen that shows several one after another (the ice-breaking tasks) keeps all
        self._captured: dict[int, tuple[int, int]] = {}
        self.back_button = QPushButton(self.tr("← Back to home"))
        self.back_button.clicked.connect(self.back_requested)
        self.title = HeadingLabel()  # one line: a long one ends in "…" instead of pushing the sheet down
        self.title.setObjectName("screenTitle")
        self.diary_button = QPushButton(self.tr("Go on to the &diary"))
        self.diary_button.setObjectName("primaryButton")
        self.diary_button.setToolTip(self.tr("A picture of the whole conversation goes into the diary entry"))
        self.diary_button.clicked.connect(self.go_to_diary)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.diary_button)
        self.holder = QVBoxLayout()
        self.holder.setContentsMargins(0, 0, 0, 0)
        column = QWidget()  # at most ACTIVITY_WIDTH wide, centred: cards and sheets stay readable on a wide screen
        column.setObjectName("activityColumn")
        layout = QVBoxLayout(column)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addLayout(self.holder, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(ReadableColumn(column, ACTIVITY_WIDTH))

    def open(self, day: int, activity: Activity, *, read_only: bool = False) -> None:
        self.flush()
        if self.body is not None:
            self.body.setParent(None)
            self.body.deleteLater()
        self.day, self.activity, self.read_only = day, activity, read_only
        self._captured = {}
        # the sheets and the chat (and the openai, Spotify and pillow code under them)
        # load on the first activity opened, not at start-up
        from diaryrec.ui.chat_view import ChatView
        from diaryrec.ui.ice_breaking_view import IceBreakingView
        from diaryrec.ui.sheet_views import ComposerView, PlanningView

        active = self.context.study
        assert active is not None
        study_day = schedule.study_day(active.study, day)
        title = self.tr("Day {day} · {activity}").format(day=day, activity=self.activity_name(activity))
        if study_day.interview:
            title += " · " + self.tr("interview with the researcher today")
        if read_only:
            title += " · " + self.tr("read-only")
        self.title.setText(title)
        args = (self.context, self.tasks, self.services, day)
        if activity is Activity.ICE_BREAKING:
            body: QWidget = IceBreakingView(*args, read_only=read_only)
        elif activity is Activity.DAILY_COMPOSER:
            body = ComposerView(*args, read_only=read_only)
        elif activity in (Activity.PLANNING_SHEET, Activity.PLANNING_REVISION):
            body = PlanningView(*args, revision=activity is Activity.PLANNING_REVISION, read_only=read_only)
        else:
            body = OwnRecommenderView(*args, read_only=read_only)
        for chat in body.findChildren(ChatView):
            chat.settings_requested.connect(self.settings_requested)
            chat.turn_ended.connect(self.turn_idle)
        if isinstance(body, IceBreakingView):  # one chat, a conversation per task: each is kept
            body.leaving_conversation.connect(self.capture_conversations)
        self.body = body
        self.holder.addWidget(body)
        self.diary_button.setVisible(not read_only)

    def activity_name(self, activity: Activity) -> str:
        return {
            Activity.ICE_BREAKING: self.tr("The ice-breaking sheet"),
            Activity.DAILY_COMPOSER: self.tr("Today's experiment"),
            Activity.PLANNING_SHEET: self.tr("The planning sheet"),
            Activity.PLANNING_REVISION: self.tr("Revising the planning sheet"),
            Activity.OWN_RECOMMENDER: self.tr("Your own recommender"),
        }[activity]

    def chats(self) -> list[ChatView]:
        from diaryrec.ui.chat_view import ChatView

        return self.body.findChildren(ChatView) if self.body is not None else []

    def capture_conversations(self) -> None:
        """Store each conversation shown here that has new turns as one image of all
        of it (the diary's automatic screenshot); an older capture of it is replaced."""
        if self.read_only or self.day is None:
            return
        for chat in self.chats():
            key = chat.conversation_id
            if key is None:
                continue
            done, previous = self._captured.get(key, (0, None))
            if chat.turns_done == 0 or chat.turns_done == done:
                continue
            image = chat.capture()
            self._captured[key] = (chat.turns_done, -1)
            self.diary_tasks.run(_store_capture, self.context.store, self.day, image, previous,
                                 on_done=lambda shot_id, k=key, n=chat.turns_done: self._captured.__setitem__(k, (n, shot_id)))

    def stop_work(self) -> None:
        for chat in self.chats():  # a reply being streamed ends now
            chat.stop()

    @property
    def busy(self) -> bool:
        return any(chat.busy for chat in self.chats())

    def flush(self) -> None:
        if self.body is not None:
            inner = getattr(self.body, "flush", None)
            if callable(inner):
                inner()
        self.capture_conversations()

    def go_to_diary(self) -> None:
        self.flush()
        if self.day is not None:
            self.diary_requested.emit(self.day)
