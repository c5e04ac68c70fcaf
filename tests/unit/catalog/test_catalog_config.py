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
