"""The conversation services as the screens see them: ``ready`` (a Qt signal, on the
GUI thread) each time a start has published them. Nothing on the GUI thread waits
for them: a screen that needs them before then waits for ``ready``
(``when_ready``), a send button stays off until it fires."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal

from diaryrec.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the ORM: not before the first paint
    from diaryrec.runtime.context import AppContext

log = logging.getLogger(__name__)


class ServicesGate(QObject):
    ready = Signal()
    failed = Signal(object)  # a start did not succeed: the services stay as they were

    def __init__(self, context: AppContext, tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.context, self.tasks = context, tasks
        self.starting = False

    @property
    def up(self) -> bool:
        return self.context.services_up

    def start(self) -> None:
        """Build the services on a worker and publish them here; a start asked for while
        one is under way supersedes it."""
        self.starting = True
        self.tasks.run(self.context.build_services, owner=self, topic="start",
                       on_done=self._publish, on_dropped=self._discard, on_error=self._failed)

    def _publish(self, built) -> None:  # noqa: ANN001 - runtime.context.Services
        self.starting = False
        self.context.publish_services(built)
        self.ready.emit()

    def _discard(self, built) -> None:  # noqa: ANN001
        self.context.discard_services(built)

    def _failed(self, exc: BaseException) -> None:
        self.starting = False
        log.warning("services did not start: %s", exc)
        self.failed.emit(exc)

    def when_ready(self, receiver: QObject, call: Callable[[], None]) -> None:
        """``call()`` now if the services are up, else once they are (unless ``receiver``
        is gone by then)."""
        if self.up:
            call()
            return
        from PySide6.QtCore import Qt  # here: touching Qt's enums costs the first paint (see README)

        self.ready.connect(lambda: shiboken6.isValid(receiver) and call(), Qt.ConnectionType.SingleShotConnection)
