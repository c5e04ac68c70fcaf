"""What the windows share: the data folder, the open store, the settings and the
joined study. Built once in ``app.run_app``; handed to windows, never looked up
globally."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLocale

from diaryrec.paths import DataLayout
from diaryrec.services.connection import LlmConfig, SpotifyConfig, resolve_llm_config, resolve_spotify_config
from diaryrec.services.study import ActiveStudy, active_study
from diaryrec.settings import Settings, load_settings, save_settings
from diaryrec.store import Store, open_store

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    layout: DataLayout
    store: Store
    settings: Settings
    # ``--sandbox`` on the command line, or a study joined through "try the sandbox"
    sandbox: bool = False
    study: ActiveStudy | None = field(default=None)

    @classmethod
    def open(cls, data_dir: Path, sandbox: bool = False) -> "AppContext":
        layout = DataLayout(data_dir).ensure()
        store = open_store(layout)
        settings = load_settings(layout.settings_file)
        study = active_study(store)
        sandbox = sandbox or bool(study and study.enrolment.sandbox)
        return cls(layout=layout, store=store, settings=settings, sandbox=sandbox, study=study)

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc)

    @property
    def language(self) -> str:
        """The interface language: the participant's choice, else the joined study's,
        else this computer's (Korean or English)."""
        if self.settings.ui_language:
            return self.settings.ui_language
        if self.study is not None:
            return self.study.study.study.language
        return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"

    def joined(self, active: ActiveStudy) -> None:
        self.study = active
        self.sandbox = self.sandbox or active.enrolment.sandbox
        self.start_services()

    def llm_config(self) -> LlmConfig:
        return resolve_llm_config(self.settings, self.study.study if self.study else None)

    def spotify_config(self) -> SpotifyConfig:
        return resolve_spotify_config(self.settings, self.study.study if self.study else None)

    def start_services(self) -> None:
        """The one place the conversation services start (called at start-up once a
        study is joined, and right after joining).

        Part 2 of the app issue fills this in: with ``self.sandbox`` it starts the
        loopback fakes (diaryrec.sandbox) and points the LLM and catalog clients at
        them; otherwise it builds them from ``llm_config()``/``spotify_config()``.
        Until then no conversation screen exists, so nothing needs starting.
        """
        log.info("services: sandbox=%s (no conversation services in this build yet)", self.sandbox)

    def stop_services(self) -> None:
        """Counterpart of ``start_services``: stops what it started (part 2)."""

    def save_settings(self) -> None:
        save_settings(self.layout.settings_file, self.settings)

    def close(self) -> None:
        self.stop_services()
        self.store.close()
