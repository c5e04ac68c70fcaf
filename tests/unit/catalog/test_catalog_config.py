from types import SimpleNamespace

from diaryrec.catalog.client import (
    DEFAULT_API_URL,
    DEFAULT_TOKEN_URL,
    CatalogClient,
    CatalogConfig,
    resolve_config,
)
from diaryrec.secrets import SecretName, set_secret
from diaryrec.settings import Settings


def study(**kw):
    values = {"market": "KR", "client_id": "", "client_secret": ""} | kw
    return SimpleNamespace(**values)


def test_no_credentials_no_config(monkeypatch):
    for name in ("DIARYREC_SPOTIFY_CLIENT_ID", "DIARYREC_SPOTIFY_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    assert resolve_config() is None
    assert resolve_config(study_catalog=study(), settings=Settings(spotify_client_id="only-id")) is None


def test_settings_and_keyring(monkeypatch):
    monkeypatch.delenv("DIARYREC_SPOTIFY_CLIENT_ID", raising=False)
    set_secret(SecretName.SPOTIFY_CLIENT_SECRET, "keyring-secret")
    config = resolve_config(settings=Settings(spotify_client_id="settings-id", market="JP"))
    assert (config.client_id, config.client_secret, config.market) == ("settings-id", "keyring-secret", "JP")
    assert (config.api_url, config.token_url) == (DEFAULT_API_URL, DEFAULT_TOKEN_URL)


def test_study_file_before_settings_and_environment_before_both(monkeypatch):
    set_secret(SecretName.SPOTIFY_CLIENT_SECRET, "keyring-secret")
    settings = Settings(spotify_client_id="settings-id", market="JP")
    config = resolve_config(study_catalog=study(client_id="study-id", client_secret="study-secret"), settings=settings)
    assert (config.client_id, config.market) == ("study-id", "KR")
    monkeypatch.setenv("DIARYREC_SPOTIFY_CLIENT_ID", "env-id")
    monkeypatch.setenv("DIARYREC_SPOTIFY_CLIENT_SECRET", "env-secret")
    monkeypatch.setenv("DIARYREC_SPOTIFY_API_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("DIARYREC_SPOTIFY_TOKEN_URL", "http://127.0.0.1:9/api/token")
    config = resolve_config(study_catalog=study(client_id="study-id", client_secret="study-secret"), market="us")
    assert (config.client_id, config.client_secret, config.market) == ("env-id", "env-secret", "US")
    assert config.api_url == "http://127.0.0.1:9/v1/" and config.token_url == "http://127.0.0.1:9/api/token"


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
