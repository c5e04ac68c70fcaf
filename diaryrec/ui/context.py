"""What the windows share: the data folder, the open store, the settings and the
joined study. Built once in ``app.run_app``; handed to windows, never looked up
globally."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale

from diaryrec.paths import DataLayout
from diaryrec.services.connection import SPOTIFY_TOKEN_URL, LlmConfig, SpotifyConfig, resolve_llm_config, resolve_spotify_config
from diaryrec.services.study import ActiveStudy, active_study
from diaryrec.settings import Settings, load_settings, save_settings
from diaryrec.store import Store, open_store

if TYPE_CHECKING:  # the LLM client pulls in openai: imported when the services start, not at start-up
    from diaryrec.llm.client import LlmClient
    from diaryrec.services.turn import TurnService

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    layout: DataLayout
    store: Store
    settings: Settings
    # ``--sandbox`` on the command line, or a study joined through "try the sandbox"
    sandbox: bool = False
    study: ActiveStudy | None = field(default=None)
    # the conversation services (start_services); None until a study is joined
    llm: "LlmClient | None" = field(default=None, repr=False)
    validator: Any = field(default=None, repr=False)
    turns: "TurnService | None" = field(default=None, repr=False)
    _sandbox_llm: Any = field(default=None, repr=False)
    _sandbox_spotify: Any = field(default=None, repr=False)

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
        if self._sandbox_llm is not None:  # "Test connection" then talks to the loopback fake
            return LlmConfig(base_url=self._sandbox_llm.url, model=self._sandbox_llm.model, api_key="", key_from_study=False)
        return resolve_llm_config(self.settings, self.study.study if self.study else None)

    def spotify_config(self) -> SpotifyConfig:
        if self._sandbox_spotify is not None:
            fake = self._sandbox_spotify
            market = self.study.study.catalog.market if self.study else "US"
            return SpotifyConfig(client_id=fake.client_id, client_secret=fake.client_secret, market=market, from_study=False)
        return resolve_spotify_config(self.settings, self.study.study if self.study else None)

    @property
    def spotify_token_url(self) -> str:
        return self._sandbox_spotify.token_url if self._sandbox_spotify is not None else SPOTIFY_TOKEN_URL

    def start_services(self) -> None:
        """The one place the conversation services start (at start-up once a study is
        joined, right after joining, and again after the settings change).

        In the sandbox the loopback fakes of the LLM and Spotify start here and the
        clients point at them; otherwise the LLM client is built from the settings,
        the study file and the keyring, and the validator from the catalog settings.
        Building clients opens no connection, so this is quick.
        """
        from diaryrec.llm.client import LlmClient
        from diaryrec.llm.provider import ProviderConfig
        from diaryrec.services.turn import TurnService

        self.stop_services()
        active = self.study
        if active is None:
            return
        study = active.study
        if self.sandbox:
            # imported here: the fakes (and their track lists) are not needed outside the sandbox
            from diaryrec.catalog.client import CatalogConfig
            from diaryrec.catalog.validator import SpotifyValidator, make_checker
            from diaryrec.sandbox.openai_fake import start_sandbox_llm
            from diaryrec.sandbox.spotify_fake import start_sandbox_spotify

            self._sandbox_llm = start_sandbox_llm()
            self._sandbox_spotify = start_sandbox_spotify()
            provider = self._sandbox_llm.provider()
            fake = self._sandbox_spotify
            config = CatalogConfig(client_id=fake.client_id, client_secret=fake.client_secret, market=study.catalog.market,
                                   api_url=fake.api_url, token_url=fake.token_url)
            self.validator = SpotifyValidator(self.store, make_checker(config, self.store))
        else:
            from diaryrec.catalog.validator import make_validator

            llm = self.llm_config()
            provider = ProviderConfig(base_url=llm.base_url.rstrip("/"), model=llm.model, api_key=llm.api_key)
            self.validator = make_validator(self.store, study_catalog=study.catalog, settings=self.settings)
        self.llm = LlmClient(provider)
        self.turns = TurnService(self.store, self.llm, self.validator, study.study.unknown_tracks,
                                 template_dir=study.llm.template_dir or None)
        log.info("services started: sandbox=%s provider=%s", self.sandbox, provider.label)

    def stop_services(self) -> None:
        """Counterpart of ``start_services``: closes the client and stops the fakes."""
        if self.llm is not None:
            self.llm.close()
        for fake in (self._sandbox_llm, self._sandbox_spotify):
            if fake is not None:
                fake.stop()
        self.llm = self.validator = self.turns = None
        self._sandbox_llm = self._sandbox_spotify = None

    def save_settings(self) -> None:
        save_settings(self.layout.settings_file, self.settings)

    def close(self) -> None:
        self.stop_services()
        self.store.close()
