"""What the windows share: the data folder, the open store, the settings and the
joined study. Built once in ``app.run_app``; handed to windows, never looked up
globally."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diaryrec.paths import DataLayout
from diaryrec.services.home import HomeSummary, read_home, remember_calendar
from diaryrec.store.glance import calendar_key
from diaryrec.catalog.credentials import CredentialSource, SpotifyCredentials, resolve_credentials, resolve_market
from diaryrec.services.connection import SPOTIFY_TOKEN_URL, LlmConfig, resolve_llm_config
from diaryrec.services.study import ActiveStudy, active_study
from diaryrec.settings import Settings, load_settings, save_settings
from diaryrec.store import Store, open_store
from diaryrec.ui.i18n import system_language

if TYPE_CHECKING:  # the LLM client pulls in openai: imported when the services start, not at start-up
    from diaryrec.llm.client import LlmClient
    from diaryrec.services.turn import TurnService

log = logging.getLogger(__name__)


SERVICES_START_WAIT_S = 30


def _set_event() -> threading.Event:
    event = threading.Event()
    event.set()
    return event


@dataclass
class AppContext:
    layout: DataLayout
    store: Store
    settings: Settings
    # ``--sandbox`` on the command line, or a study joined through "try the sandbox"
    sandbox: bool = False
    study: ActiveStudy | None = field(default=None)
    # the conversation services (start_services); None until a study is joined. Read
    # through the properties below, which wait while a background start is under way.
    _llm: "LlmClient | None" = field(default=None, repr=False)
    _validator: Any = field(default=None, repr=False)
    _turns: "TurnService | None" = field(default=None, repr=False)
    _idle: threading.Event = field(default_factory=_set_event, repr=False)
    _sandbox_llm: Any = field(default=None, repr=False)
    _sandbox_spotify: Any = field(default=None, repr=False)

    @classmethod
    def open(cls, data_dir: Path, sandbox: bool = False) -> "AppContext":
        layout = DataLayout(data_dir).ensure()
        store = open_store(layout)
        settings = load_settings(layout.settings_file)
        study = active_study(store)
        sandbox = sandbox or bool(study and study.enrolment.sandbox)
        context = cls(layout=layout, store=store, settings=settings, sandbox=sandbox, study=study)
        context.remember_calendar()
        return context

    def remember_calendar(self) -> None:
        """Cache the joined study's calendar for the next start's first paint."""
        if self.study is not None:
            enrolment = self.study.enrolment
            remember_calendar(self.layout, calendar_key(enrolment.id or 0, enrolment.study_sha256), self.study.calendar)

    def read_home(self) -> HomeSummary | None:
        """What the home screen shows now (callable from a worker)."""
        if self.study is None:
            return None
        return read_home(self.layout, self.now(), calendar=self.study.calendar, sandbox=self.sandbox)

    # -- the conversation services ---------------------------------------------------
    def _services(self) -> None:
        """Wait for a start under way (only the first half second after launch; the
        starting thread itself never waits)."""
        if not self._idle.is_set():
            self._idle.wait(SERVICES_START_WAIT_S)

    @property
    def llm(self) -> "LlmClient | None":
        self._services()
        return self._llm

    @property
    def validator(self) -> Any:
        self._services()
        return self._validator

    @property
    def turns(self) -> "TurnService | None":
        self._services()
        return self._turns

    def start_services_in_background(self, tasks: Any, on_done: Any = None) -> None:
        """``start_services`` on a worker of ``tasks`` (a ui.tasks.TaskRunner), so the
        window paints first: the LLM and Spotify clients cost about half a second of
        imports. Until it is done, reading ``turns``/``llm``/``validator`` waits."""
        self._idle.clear()
        tasks.run(self.start_services, on_done=on_done,
                  on_error=lambda exc: log.warning("services did not start: %s", exc))

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
        return system_language()

    def joined(self, active: ActiveStudy, tasks: Any = None, on_started: Any = None) -> None:
        """The participant has just joined ``active``: cache its calendar and start the
        services, on workers of ``tasks`` when given (the sandbox's fakes take about a
        second to start; the cache is an atomic, fsynced write)."""
        self.study = active
        self.sandbox = self.sandbox or active.enrolment.sandbox
        if tasks is None:
            self.remember_calendar()
            self.start_services()
        else:
            tasks.run(self.remember_calendar, on_error=lambda exc: log.warning("calendar not cached: %s", exc))
            self.start_services_in_background(tasks, on_done=on_started)

    def llm_config(self) -> LlmConfig:
        if self._sandbox_llm is not None:  # "Test connection" then talks to the loopback fake
            return LlmConfig(base_url=self._sandbox_llm.url, model=self._sandbox_llm.model, api_key="", key_from_study=False)
        return resolve_llm_config(self.settings, self.study.study if self.study else None)

    def spotify_config(self) -> SpotifyCredentials:
        if self._sandbox_spotify is not None:
            fake = self._sandbox_spotify
            return SpotifyCredentials(fake.client_id, fake.client_secret, self._market(), CredentialSource.SANDBOX)
        return resolve_credentials(study_catalog=self.study.study.catalog if self.study else None, settings=self.settings)

    def _market(self) -> str:
        return resolve_market(study_catalog=self.study.study.catalog if self.study else None, settings=self.settings)

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
        self._idle.clear()
        try:
            self._start_services()
        finally:
            self._idle.set()

    def _start_services(self) -> None:
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
            config = CatalogConfig(client_id=fake.client_id, client_secret=fake.client_secret, market=self._market(),
                                   api_url=fake.api_url, token_url=fake.token_url)
            self._validator = SpotifyValidator(self.store, make_checker(config, self.store))
        else:
            from diaryrec.catalog.validator import make_validator

            llm = self.llm_config()
            provider = ProviderConfig(base_url=llm.base_url.rstrip("/"), model=llm.model, api_key=llm.api_key)
            self._validator = make_validator(self.store, study_catalog=study.catalog, settings=self.settings)
        self._llm = LlmClient(provider)
        self._turns = TurnService(self.store, self._llm, self._validator, study.study.unknown_tracks,
                                 template_dir=study.llm.template_dir or None)
        log.info("services started: sandbox=%s provider=%s", self.sandbox, provider.label)

    def stop_services(self) -> None:
        """Counterpart of ``start_services``: closes the client and stops the fakes."""
        if self._llm is not None:
            self._llm.close()
        for fake in (self._sandbox_llm, self._sandbox_spotify):
            if fake is not None:
                fake.stop()
        self._llm = self._validator = self._turns = None
        self._sandbox_llm = self._sandbox_spotify = None

    def save_settings(self) -> None:
        save_settings(self.layout.settings_file, self.settings)

    def close(self) -> None:
        self.stop_services()
        self.store.close()
