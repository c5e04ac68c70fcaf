import subprocess
import sys
from types import SimpleNamespace

import pytest

from diaryrec.catalog.client import (
    DEFAULT_API_URL,
    DEFAULT_TOKEN_URL,
    CatalogClient,
    CatalogConfig,
    resolve_config,
)
from diaryrec.catalog.credentials import CredentialSource, resolve_credentials, resolve_market
from diaryrec.secrets import SecretName, set_secret
from diaryrec.settings import Settings


def study(**kw):
    values = {"market": "KR", "client_id": "", "client_secret": ""} | kw
    return SimpleNamespace(**values)


@pytest.fixture(autouse=True)
def no_environment_credentials(monkeypatch):
    for name in ("DIARYREC_SPOTIFY_CLIENT_ID", "DIARYREC_SPOTIFY_CLIENT_SECRET",
                 "DIARYREC_SPOTIFY_API_URL", "DIARYREC_SPOTIFY_TOKEN_URL"):
        monkeypatch.delenv(name, raising=False)


def test_no_credentials_no_config():
    assert resolve_config() is None
    assert resolve_config(study_catalog=study(), settings=Settings(spotify_client_id="only-id")) is None
    assert resolve_config(study_catalog=study(client_id="study-id")) is None  # half a pair is no pair


def test_settings_and_keyring():
    set_secret(SecretName.SPOTIFY_CLIENT_SECRET, "keyring-secret")
    config = resolve_config(settings=Settings(spotify_client_id="settings-id", market="JP"))
    assert (config.client_id, config.client_secret, config.market) == ("settings-id", "keyring-secret", "JP")
    assert (config.api_url, config.token_url) == (DEFAULT_API_URL, DEFAULT_TOKEN_URL)


def test_study_file_before_settings_and_environment_before_both(monkeypatch):
    set_secret(SecretName.SPOTIFY_CLIENT_SECRET, "keyring-secret")
    settings = Settings(spotify_client_id="settings-id", market="JP")
    config = resolve_config(study_catalog=study(client_id="study-id", client_secret="study-secret"), settings=settings)
    assert (config.client_id, config.client_secret) == ("study-id", "study-secret")
    # a study file with half a pair leaves the credentials to the settings and keyring
    config = resolve_config(study_catalog=study(client_id="study-id"), settings=settings)
    assert (config.client_id, config.client_secret) == ("settings-id", "keyring-secret")
    monkeypatch.setenv("DIARYREC_SPOTIFY_CLIENT_ID", "env-id")
    monkeypatch.setenv("DIARYREC_SPOTIFY_CLIENT_SECRET", "env-secret")
    monkeypatch.setenv("DIARYREC_SPOTIFY_API_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("DIARYREC_SPOTIFY_TOKEN_URL", "http://127.0.0.1:9/api/token")
    config = resolve_config(study_catalog=study(client_id="study-id", client_secret="study-secret"),
                            settings=settings, market="us")
    assert (config.client_id, config.client_secret, config.market) == ("env-id", "env-secret", "US")
    assert config.api_url == "http://127.0.0.1:9/v1/" and config.token_url == "http://127.0.0.1:9/api/token"
    # half a pair in the environment counts for nothing
    monkeypatch.setenv("DIARYREC_SPOTIFY_CLIENT_SECRET", "")
    config = resolve_config(study_catalog=study(client_id="study-id", client_secret="study-secret"), settings=settings)
    assert (config.client_id, config.client_secret) == ("study-id", "study-secret")


def test_the_studys_client_id_and_the_participants_secret_work_together():
    """Issue 13 item 2: the template's pattern, [catalog] client_id in the study file and
    the secret typed by the participant (the settings keep "" for an id equal to the
    study's), checks tracks; before the fix it resolved to no config at all."""
    half = study(client_id="study-id")
    assert resolve_credentials(study_catalog=half, settings=Settings()).missing == "client_secret"
    set_secret(SecretName.SPOTIFY_CLIENT_SECRET, "typed-secret")
    resolved = resolve_credentials(study_catalog=half, settings=Settings(spotify_client_id=""))
    assert (resolved.client_id, resolved.client_secret, resolved.id_from_study, resolved.from_study) == (
        "study-id", "typed-secret", True, False)
    assert resolved.complete and resolved.missing == ""
    config = resolve_config(study_catalog=half, settings=Settings())
    assert (config.client_id, config.client_secret, config.market) == ("study-id", "typed-secret", "KR")
    # the participant's own id still comes first
    assert resolve_config(study_catalog=half, settings=Settings(spotify_client_id="own-id")).client_id == "own-id"
    assert resolve_credentials(settings=Settings()).missing == "client_id"


def test_the_token_url_is_one_answer_for_the_client_and_test_connection(monkeypatch):
    from diaryrec.catalog.credentials import token_url

    assert token_url() == DEFAULT_TOKEN_URL
    monkeypatch.setenv("DIARYREC_SPOTIFY_TOKEN_URL", "http://127.0.0.1:9/api/token")
    assert token_url() == "http://127.0.0.1:9/api/token"
    assert resolve_config(study_catalog=study(client_id="i", client_secret="s")).token_url == token_url()


def test_market_argument_then_settings_then_study_then_us():
    with_creds = study(client_id="study-id", client_secret="study-secret", market="KR")
    assert resolve_config(study_catalog=with_creds, settings=Settings(market="JP"), market="de").market == "DE"
    assert resolve_config(study_catalog=with_creds, settings=Settings(market="JP")).market == "JP"
    assert resolve_config(study_catalog=with_creds, settings=Settings(market="")).market == "KR"
    assert resolve_config(study_catalog=with_creds).market == "KR"
    assert resolve_market() == "US"
    assert resolve_market(study_catalog=study(market=""), settings=Settings()) == "US"
    assert resolve_market(settings=Settings(market="JP"), market="") == "JP"  # an empty argument is no argument


def test_credentials_say_where_they_came_from(monkeypatch):
    set_secret(SecretName.SPOTIFY_CLIENT_SECRET, "keyring-secret")
    settings = Settings(spotify_client_id="settings-id")
    from_study = study(client_id="study-id", client_secret="study-secret")
    assert resolve_credentials().source is CredentialSource.NONE
    assert not resolve_credentials().complete
    assert resolve_credentials(study_catalog=study(), settings=settings).source is CredentialSource.SETTINGS
    resolved = resolve_credentials(study_catalog=from_study, settings=settings)
    assert (resolved.source, resolved.complete) == (CredentialSource.STUDY, True)
    assert "study-secret" not in repr(resolved)
    monkeypatch.setenv("DIARYREC_SPOTIFY_CLIENT_ID", "env-id")
    monkeypatch.setenv("DIARYREC_SPOTIFY_CLIENT_SECRET", "env-secret")
    assert resolve_credentials(study_catalog=from_study, settings=settings).source is CredentialSource.ENVIRONMENT


def test_the_secret_stays_out_of_reprs_and_logs():
    from diaryrec.logs import redact

    config = resolve_config(study_catalog=study(client_id="id", client_secret="s3cr3t-value"))
    assert "s3cr3t-value" not in repr(config)
    assert redact("token request with s3cr3t-value") == "token request with [redacted]"


def test_the_client_is_built_as_the_issue_asks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    client = CatalogClient(CatalogConfig("id", "secret", api_url="http://127.0.0.1:9/v1/", token_url="http://127.0.0.1:9/t",
                                         timeout_s=4.0))
    spotify, auth = client._spotify, client._auth
    assert spotify.requests_timeout == 4.0 and auth.requests_timeout == 4.0
    assert spotify.retries == 0 and spotify.status_retries == 0
    assert spotify.prefix == "http://127.0.0.1:9/v1/" and auth.OAUTH_TOKEN_URL == "http://127.0.0.1:9/t"
    assert type(auth.cache_handler).__name__ == "MemoryCacheHandler"
    adapter = spotify._session.get_adapter("http://127.0.0.1:9/")
    assert adapter.max_retries.total == 0
    assert list(tmp_path.iterdir()) == []  # no .cache file


# -- the one resolver, as the credentials form and "Test connection" call it ----------------

ENV_NAMES = ("DIARYREC_SPOTIFY_CLIENT_ID", "DIARYREC_SPOTIFY_CLIENT_SECRET")


@pytest.fixture
def no_env(monkeypatch):
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def resolved(settings, study):
    """What the credentials form shows (AppContext.spotify_config, the first run)."""
    return resolve_credentials(study_catalog=study.catalog if study is not None else None, settings=settings)


def a_study(default_study, *, market="KR", client_id="", client_secret=""):
    from diaryrec.protocol.model import CatalogSettings

    catalog = CatalogSettings(market=market, client_id=client_id, client_secret=client_secret)
    return default_study.study.model_copy(update={"catalog": catalog})


def test_spotify_config_market_is_the_participants_before_the_studys(default_study, no_env):
    from diaryrec.settings import Settings

    study = a_study(default_study, market="KR")
    assert resolved(Settings(market="JP"), study).market == "JP"  # the Settings screen's field wins
    assert resolved(Settings(market=""), study).market == "KR"
    assert resolved(Settings(), None).market == "US"
    assert resolved(Settings(market="JP"), None).market == "JP"


def test_spotify_config_credentials_environment_then_study_then_settings(default_study, no_env):
    from diaryrec.secrets import SecretName, set_secret
    from diaryrec.settings import Settings

    set_secret(SecretName.SPOTIFY_CLIENT_SECRET, "keyring-secret")
    settings = Settings(spotify_client_id="settings-id")
    plain, keyed = a_study(default_study), a_study(default_study, client_id="study-id", client_secret="study-secret")
    for study in (plain, None):
        config = resolved(settings, study)
        assert (config.client_id, config.client_secret, config.from_study) == ("settings-id", "keyring-secret", False)
    config = resolved(settings, keyed)
    assert (config.client_id, config.client_secret, config.from_study) == ("study-id", "study-secret", True)
    no_env.setenv("DIARYREC_SPOTIFY_CLIENT_ID", "env-id")
    no_env.setenv("DIARYREC_SPOTIFY_CLIENT_SECRET", "env-secret")
    config = resolved(settings, keyed)
    assert (config.client_id, config.client_secret, config.from_study) == ("env-id", "env-secret", False)


@pytest.mark.parametrize("env", [False, True], ids=["no-env", "env"])
@pytest.mark.parametrize("study_kind", ["none", "plain", "keyed"])
@pytest.mark.parametrize("settings_market", ["", "JP"], ids=["no-settings-market", "settings-market"])
@pytest.mark.parametrize("settings_creds", [False, True], ids=["no-settings-creds", "settings-creds"])
@pytest.mark.parametrize("argument", [None, "DE"], ids=["no-argument", "argument"])
def test_the_catalog_and_test_connection_agree(default_study, no_env, env, study_kind, settings_market,
                                               settings_creds, argument):
    """The one resolver (resolve_credentials) over every mix of inputs, as the form
    shows it, and the CLI and validator's resolve_config passing it on; only the CLI
    has a --market argument, and it wins."""
    from diaryrec.catalog.client import resolve_config
    from diaryrec.secrets import SecretName, set_secret
    from diaryrec.settings import Settings

    if env:
        no_env.setenv("DIARYREC_SPOTIFY_CLIENT_ID", "env-id")
        no_env.setenv("DIARYREC_SPOTIFY_CLIENT_SECRET", "env-secret")
    if settings_creds:
        set_secret(SecretName.SPOTIFY_CLIENT_SECRET, "keyring-secret")
    settings = Settings(spotify_client_id="settings-id" if settings_creds else "", market=settings_market)
    study = {
        "none": None,
        "plain": a_study(default_study, market="KR"),
        "keyed": a_study(default_study, market="KR", client_id="study-id", client_secret="study-secret"),
    }[study_kind]

    shown = resolved(settings, study)
    used = resolve_config(study_catalog=study.catalog if study is not None else None, settings=settings, market=argument)

    expected_creds = (("env-id", "env-secret") if env else ("study-id", "study-secret") if study_kind == "keyed"
                      else ("settings-id", "keyring-secret") if settings_creds else ("", ""))
    expected_market = settings_market or ("KR" if study is not None else "US")
    assert (shown.client_id, shown.client_secret, shown.market) == (*expected_creds, expected_market)
    assert shown.from_study == (study_kind == "keyed" and not env)
    if not all(expected_creds):
        assert used is None
        return
    assert (used.client_id, used.client_secret) == (shown.client_id, shown.client_secret)
    assert used.market == (argument or shown.market)


def test_resolving_the_spotify_config_does_not_import_spotipy():
    """"Test connection" runs on the GUI's side: spotipy and requests stay unloaded."""
    code = (
        "import os, sys\n"
        "os.environ['DIARYREC_SPOTIFY_CLIENT_ID'] = 'id'; os.environ['DIARYREC_SPOTIFY_CLIENT_SECRET'] = 'secret'\n"
        "from diaryrec.services.connection import check_spotify\n"
        "from diaryrec.catalog.credentials import resolve_credentials\n"
        "from diaryrec.settings import Settings\n"
        "assert resolve_credentials(settings=Settings(market='JP')).market == 'JP'\n"
        "print(sorted(m for m in ('spotipy', 'requests') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
