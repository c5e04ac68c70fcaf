"""What the windows share: the data folder, the open store, the settings, the
joined study and the conversation services. Built once at start-up (in a worker,
``runtime.startup``); handed to windows, never looked up globally.

The services are built off the GUI thread (``build_services``: about half a second of
imports, and the sandbox's fakes) and published on it (``publish_services``); until
then ``turns``, ``llm`` and ``validator`` are None, and nobody waits for them: the
window tells its screens when they are up."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diaryrec.paths import DataLayout
from diaryrec.services.home import remember_calendar
from diaryrec.store.glance import calendar_key
from diaryrec.catalog.credentials import CredentialSource, SpotifyCredentials, resolve_credentials, resolve_market
from diaryrec.catalog.providers import CatalogPlan
from diaryrec.catalog.providers import plan as plan_catalogs
from diaryrec.services.connection import LlmConfig, resolve_llm_config, spotify_token_url
from diaryrec.services.study import ActiveStudy, active_study
from diaryrec.settings import Settings, load_settings, save_settings
from diaryrec.store import Store, open_store
from diaryrec.vocabulary import CatalogId

if TYPE_CHECKING:  # the LLM client pulls in openai: imported when the services start, not at start-up
    from diaryrec.llm.client import LlmClient
    from diaryrec.protocol import StudyFile
    from diaryrec.protocol.model import UnknownTracks
    from diaryrec.services.turn import TurnService

log = logging.getLogger(__name__)


@dataclass
class Services:
    """The conversation services of one start (``AppContext.build_services``)."""

    llm: "LlmClient | None" = None
    validator: Any = None
    turns: "TurnService | None" = None
    sandbox_llm: Any = None
    sandbox_spotify: Any = None
    sandbox_musicbrainz: Any = None

    @property
    def fakes(self) -> tuple[Any, ...]:
        """The sandbox's loopback stand-ins this start runs (none outside the sandbox)."""
        return tuple(f for f in (self.sandbox_llm, self.sandbox_spotify, self.sandbox_musicbrainz) if f is not None)

    def stop(self) -> None:
        if self.llm is not None:
            self.llm.close()
        if self.validator is not None and hasattr(self.validator, "close"):
            self.validator.close()
        for fake in self.fakes:
            fake.stop()


def conversation_services(
    store: Store, study: "StudyFile", settings: Settings, *, sandbox: bool = False, reuse: Services | None = None,
    unknown_tracks: "UnknownTracks | None" = None,
) -> Services:
    """The conversation services for ``study``: the LLM client, the catalog validator and
    the turn service over ``store`` (the app's, or the probe's own).

    In the sandbox the loopback fakes of the LLM and the catalogs start here (those of
    ``reuse``, an earlier start, are kept: the sandbox's settings do not change them) and
    the clients point at them; otherwise the LLM client is built from the settings, the
    study file and the keyring, and the validator from the catalog settings. Building
    clients opens no connection, so this is quick. ``unknown_tracks`` overrides the
    study's policy for tracks the catalog does not know (the probe keeps them all).
    """
    from diaryrec.llm.client import LlmClient
    from diaryrec.llm.provider import ProviderConfig
    from diaryrec.services.turn import TurnService

    reuse = reuse or Services()
    built = Services()
    study_catalog = study.catalog
    if sandbox:
        # imported here: the fakes (and their track lists) are not needed outside the sandbox
        from diaryrec.catalog.client import CatalogConfig
        from diaryrec.catalog.musicbrainz import MusicBrainzConfig, MusicBrainzProvider
        from diaryrec.catalog.spotify import SpotifyProvider
        from diaryrec.catalog.validator import CatalogChain, CatalogValidator, make_checker
        from diaryrec.sandbox.musicbrainz_fake import start_sandbox_musicbrainz
        from diaryrec.sandbox.openai_fake import start_sandbox_llm
        from diaryrec.sandbox.spotify_fake import start_sandbox_spotify

        built.sandbox_llm = reuse.sandbox_llm or start_sandbox_llm()
        built.sandbox_spotify = fake = reuse.sandbox_spotify or start_sandbox_spotify()
        built.sandbox_musicbrainz = open_fake = reuse.sandbox_musicbrainz or start_sandbox_musicbrainz()
        provider = built.sandbox_llm.provider()
        market = resolve_market(study_catalog=study_catalog, settings=settings)
        config = CatalogConfig(client_id=fake.client_id, client_secret=fake.client_secret, market=market,
                               api_url=fake.api_url, token_url=fake.token_url)
        open_catalog = MusicBrainzProvider(MusicBrainzConfig(contact=study.study.researcher.email or "sandbox@diaryrec.invalid",
                                                             api_url=open_fake.api_url))
        # both catalogs, as a study that lists them: what Spotify leaves unverified, MusicBrainz is asked
        built.validator = CatalogValidator(store, CatalogChain([make_checker(SpotifyProvider(config), store),
                                                                make_checker(open_catalog, store)]))
    else:
        from diaryrec.catalog.validator import make_validator

        llm = resolve_llm_config(settings, study)
        provider = ProviderConfig(base_url=llm.base_url.rstrip("/"), model=llm.model, api_key=llm.api_key)
        built.validator = make_validator(store, study_catalog=study_catalog, settings=settings,
                                         contact=study.study.researcher.email)
    built.llm = LlmClient(provider)
    built.turns = TurnService(store, built.llm, built.validator, unknown_tracks or study.study.unknown_tracks,
                              template_dir=study.llm.template_dir or None)
    log.info("services built: sandbox=%s provider=%s", sandbox, provider.label)
    return built


@dataclass
class AppContext:
    layout: DataLayout
    store: Store
    settings: Settings
    # ``--sandbox`` on the command line, or a study joined through "try the sandbox"
    sandbox: bool = False
    study: ActiveStudy | None = field(default=None)
    # this computer's language (the ui reads it from Qt; tests and the CLI: English)
    system_language: str = "en"
    # the conversation services, once published; None until a study is joined and they are up
    _services: Services = field(default_factory=Services, repr=False)

    @classmethod
    def open(cls, data_dir: Path, sandbox: bool = False, system_language: str = "en") -> "AppContext":
        layout = DataLayout(data_dir).ensure()
        store = open_store(layout)
        settings = load_settings(layout.settings_file)
        study = active_study(store)
        sandbox = sandbox or bool(study and study.enrolment.sandbox)
        context = cls(layout=layout, store=store, settings=settings, sandbox=sandbox, study=study,
                      system_language=system_language)
        context.remember_calendar()
        return context

    def remember_calendar(self) -> None:
        """Cache the joined study's calendar for the next start's first paint."""
        if self.study is not None:
            enrolment = self.study.enrolment
            remember_calendar(self.layout, calendar_key(enrolment.id or 0, enrolment.study_sha256), self.study.calendar)

    # -- the conversation services ---------------------------------------------------
    @property
    def llm(self) -> "LlmClient | None":
        return self._services.llm

    @property
    def validator(self) -> Any:
        return self._services.validator

    @property
    def turns(self) -> "TurnService | None":
        return self._services.turns

    @property
    def services_up(self) -> bool:
        return self._services.turns is not None

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc)

    @property
    def language(self) -> str:
        """The interface language (``runtime.startup.decide_language``)."""
        from diaryrec.runtime.startup import decide_language

        return decide_language(self.settings.ui_language,
                               self.study.study.study.language if self.study is not None else "", self.system_language)

    def joined(self, active: ActiveStudy, *, start: bool = True) -> None:
        """The participant has just joined ``active``: cache its calendar and start the
        services (``start=False``: the caller does both on workers; the sandbox's fakes
        take about a second to start, the cache is an atomic, fsynced write)."""
        self.study = active
        self.sandbox = self.sandbox or active.enrolment.sandbox
        if start:
            self.remember_calendar()
            self.start_services()

    def llm_config(self) -> LlmConfig:
        fake_llm = self._services.sandbox_llm
        if fake_llm is not None:  # "Test connection" then talks to the loopback fake
            return LlmConfig(base_url=fake_llm.url, model=fake_llm.model, api_key="", key_from_study=False)
        return resolve_llm_config(self.settings, self.study.study if self.study else None)

    def spotify_config(self) -> SpotifyCredentials:
        fake = self._services.sandbox_spotify
        if fake is not None:
            return SpotifyCredentials(fake.client_id, fake.client_secret, self._market(), CredentialSource.SANDBOX)
        return resolve_credentials(study_catalog=self.study.study.catalog if self.study else None, settings=self.settings)

    def catalog_plan(self) -> CatalogPlan:
        """Which catalogs check tracks (``catalog.providers.plan``): the sandbox's fake
        Spotify there, else the study file's list, else Spotify with credentials, else
        MusicBrainz."""
        if self.sandbox:
            return CatalogPlan((CatalogId.SPOTIFY, CatalogId.MUSICBRAINZ), "sandbox")
        return plan_catalogs(study_catalog=self.study.study.catalog if self.study else None, settings=self.settings)

    def _market(self) -> str:
        return resolve_market(study_catalog=self.study.study.catalog if self.study else None, settings=self.settings)

    @property
    def spotify_token_url(self) -> str:
        """Where "Test connection" asks for a token: the sandbox's fake, else where the
        validator asks (``DIARYREC_SPOTIFY_TOKEN_URL``, else Spotify's)."""
        fake = self._services.sandbox_spotify
        return fake.token_url if fake is not None else spotify_token_url()

    def start_services(self) -> None:
        """Build and publish the services at once (the CLI, tests, the smoke start)."""
        self.publish_services(self.build_services())

    def build_services(self) -> Services:
        """The one place the app's conversation services are built (at start-up once a
        study is joined, right after joining, and again after the settings change); safe
        on a worker, since nothing is published here (``conversation_services``)."""
        if self.study is None:
            return Services()
        return conversation_services(self.store, self.study.study, self.settings, sandbox=self.sandbox,
                                     reuse=self._services)

    def publish_services(self, built: Services) -> None:
        """Make ``built`` the services the screens use (on the GUI thread); the ones
        before are stopped, except the fakes ``built`` kept."""
        previous, self._services = self._services, built
        if previous.llm is not None and previous.llm is not built.llm:
            previous.llm.close()
        for fake in previous.fakes:
            if fake not in built.fakes:
                fake.stop()

    def discard_services(self, built: Services) -> None:
        """``built`` will not be published (a later start superseded it): stop what it
        does not share with the published services."""
        current = self._services
        if built.llm is not None and built.llm is not current.llm:
            built.llm.close()
        for fake in built.fakes:
            if fake not in current.fakes:
                fake.stop()

    def stop_services(self) -> None:
        """Counterpart of ``start_services``: closes the client and stops the fakes."""
        previous, self._services = self._services, Services()
        previous.stop()

    def save_settings(self) -> None:
        save_settings(self.layout.settings_file, self.settings)

    def close(self) -> None:
        self.stop_services()
        self.store.close()
