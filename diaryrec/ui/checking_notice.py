"""The line above every screen that says plainly when recommended songs are checked
against another catalog than the study meant (MusicBrainz because no Spotify client
ID or secret is set up), or when keys typed earlier are gone because this computer
has no keyring, with a button to Settings.

The check is the study's headline measure, and it is never off: without a Spotify
app, MusicBrainz (no key) checks the songs. What is in effect comes from the one
rule (``catalog.providers.plan`` through ``AppContext.catalog_plan``, with
``catalog.credentials.resolve_credentials`` for what is missing), read in a worker
(the keyring may be slow) each time the services are (re)started. Light on purpose:
the window builds it before the first paint.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from diaryrec.ui.tasks import TaskRunner
from diaryrec.vocabulary import CatalogId

if TYPE_CHECKING:
    from diaryrec.runtime.context import AppContext
    from diaryrec.ui.services import ServicesGate

log = logging.getLogger(__name__)


def read_checking_state(context: AppContext) -> dict[str, Any]:
    """What the notice needs (in a worker): what keeps the check off, and whether keys
    can outlive this start."""
    from diaryrec.secrets import keyring_available

    spotify = context.spotify_config()
    llm = context.llm_config()
    local = any(host in llm.base_url for host in ("://localhost", "://127.0.0.1", "://[::1]"))
    catalogs = context.catalog_plan()
    # Spotify is wanted but cannot be used: by default (no list), or listed and left out
    spotify_wanted = catalogs.because == "no spotify credentials" or any(c == CatalogId.SPOTIFY for c, _ in catalogs.left_out)
    return {
        "missing": spotify.missing if spotify_wanted else None,
        "catalogs": ", ".join(catalogs.names),
        "keyring": keyring_available(),
        "llm_key_missing": not llm.api_key and not llm.key_from_study and not local,
    }


class CheckingNotice(QFrame):
    settings_requested = Signal()

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.context: AppContext | None = None
        self.setObjectName("checkingNotice")
        self.text = QLabel()
        self.text.setObjectName("checkingNoticeText")
        self.text.setWordWrap(True)
        self.open_settings = QPushButton(self.tr("Open Settings"))
        self.open_settings.clicked.connect(self.settings_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.open_settings, 0)
        self.setVisible(False)

    def watch(self, context: AppContext, services: ServicesGate) -> None:
        """Follow ``context``: now, and each time its services are up again."""
        self.context = context
        services.ready.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        context = self.context
        if context is None or context.study is None or context.sandbox:
            self.setVisible(False)
            return
        self.tasks.run(read_checking_state, context, owner=self, topic="state", on_done=self.show_state,
                       on_error=lambda exc: log.warning("checking state not read: %s", exc))

    def show_state(self, state: dict[str, Any]) -> None:
        lines = []
        reason = {
            "both": self.tr("no Spotify app (client ID and client secret) is set up"),
            "client_secret": self.tr("the Spotify client secret is missing"),
            "client_id": self.tr("the Spotify client ID is missing"),
        }.get(state["missing"])
        if reason:
            lines.append(self.tr("Songs are checked against {catalogs}, not Spotify: {reason}. Open Settings and enter what "
                                 "your research team gave you.").format(catalogs=state["catalogs"], reason=reason))
        if state["llm_key_missing"] and not state["keyring"]:
            lines.append(self.tr("The language model's key is not there: it has to be typed again in Settings."))
        if lines and not state["keyring"]:
            lines.append(self.tr("This computer has no password store (keyring), so keys are kept only while diaryrec is open."))
        self.text.setText("\n".join(lines))
        self.setVisible(bool(lines))
