"""The daily reminder in the tray: a timer asks services.reminders once a minute
(so a laptop waking from sleep gets its reminder at the next tick), and a reminder
shown is written to the event log, which is what keeps it to once a day."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from diaryrec.services.reminders import ReminderDecision, check_reminder, record_reminder_shown
from diaryrec.runtime.context import AppContext
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.widgets import app_icon

log = logging.getLogger(__name__)
CHECK_EVERY_MS = 60_000


class ReminderController(QObject):
    # a reminder was shown for this study day (the window shows it too)
    reminded = Signal(int, str)
    open_requested = Signal()
    diary_requested = Signal()
    quit_requested = Signal()

    def __init__(self, context: AppContext, tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.context, self.tasks = context, tasks
        self._checking = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check_now)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip("diaryrec")
            menu = QMenu()
            for text, signal in (
                (self.tr("Open diaryrec"), self.open_requested),
                (self.tr("Write today's diary"), self.diary_requested),
                (self.tr("Quit"), self.quit_requested),
            ):
                action = QAction(text, menu)
                action.triggered.connect(signal)
                menu.addAction(action)
            self._menu = menu  # the tray does not take ownership
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(lambda reason: reason == QSystemTrayIcon.ActivationReason.Trigger and self.open_requested.emit())
            self.tray.messageClicked.connect(self.open_requested)

    def start(self) -> None:
        if self.tray is not None:
            self.tray.show()
        self.timer.start()
        self.check_now()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def check_now(self) -> None:
        active = self.context.study
        if active is None or self._checking:
            return
        self._checking = True
        s = self.context.settings
        store, now = self.context.store, self.context.now()

        def check() -> ReminderDecision:
            decision = check_reminder(store, active, s.reminder_time, s.reminders_enabled, now)
            if decision.due and decision.day is not None:
                record_reminder_shown(store, decision.day)  # recorded before shown: never twice
            return decision

        self.tasks.run(check, on_done=self._checked, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._checking = False
        log.warning("reminder check failed: %s", exc)

    def _checked(self, decision: ReminderDecision) -> None:
        self._checking = False
        if not decision.due or decision.day is None:
            return
        text = self.tr("Day {day} of your diary study: get today's recommendations and write your diary entry.").format(day=decision.day)
        if self.tray is not None:
            self.tray.showMessage(self.tr("diaryrec reminder"), text, QSystemTrayIcon.MessageIcon.Information, 20_000)
        log.info("reminder shown for day %s (tray: %s)", decision.day, self.tray is not None)
        self.reminded.emit(decision.day, text)
