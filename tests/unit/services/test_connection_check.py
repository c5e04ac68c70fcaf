"""The "test connection" checks against real HTTP servers on 127.0.0.1."""

import base64
import socket
import subprocess
import sys
from urllib.parse import parse_qs

import pytest

from diaryrec.sandbox.http import LoopbackServer, Request, Response
from diaryrec.services.connection import ConnectionStatus, check_llm, check_spotify, resolve_spotify_config


class FakeProvider(LoopbackServer):
    def __init__(self, models=("gpt-4o-mini",), key="sk-good-key-123456", list_status=200):
        super().__init__()
        self.models, self.key, self.list_status = models, key, list_status

    def handle(self, request: Request) -> Response:
        if request.headers.get("authorization") != f"Bearer {self.key}":
            return Response.json({"error": {"message": "Incorrect API key provided"}}, status=401)
        if request.path == "/v1/models":
            if self.list_status != 200:
                return Response.json({"error": {"message": "no listing"}}, status=self.list_status)
            return Response.json({"object": "list", "data": [{"id": m, "object": "model", "created": 0, "owned_by": "x"} for m in self.models]})
        if request.path == "/v1/chat/completions":
            if request.json()["model"] not in self.models:
                return Response.json({"error": {"message": "model not found"}}, status=404)
            return Response.json({
                "id": "c1", "object": "chat.completion", "created": 0, "model": request.json()["model"],
                "choices": [{"index": 0, "finish_reason": "length", "message": {"role": "assistant", "content": "p"}}],
            })
        return Response.json({"error": {"message": "not found"}}, status=404)


class FakeSpotifyAccounts(LoopbackServer):
    def handle(self, request: Request) -> Response:
        expected = "Basic " + base64.b64encode(b"client-id:client-secret").decode()
        if parse_qs(request.body.decode()).get("grant_type") != ["client_credentials"]:
            return Response.json({"error": "unsupported_grant_type"}, status=400)
        if request.headers.get("authorization") != expected:
            return Response.json({"error": "invalid_client", "error_description": "Invalid client"}, status=400)
        return Response.json({"access_token": "tok", "token_type": "Bearer", "expires_in": 3600})


def test_llm_ok_when_the_model_is_offered():
    with FakeProvider() as fake:
        report = check_llm(f"{fake.base_url}/v1/", "gpt-4o-mini", "sk-good-key-123456")
    assert report.ok and report.status is ConnectionStatus.OK
    assert fake.requests[0].path == "/v1/models"


def test_llm_wrong_key_is_unauthorized_in_plain_words():
    with FakeProvider() as fake:
        report = check_llm(f"{fake.base_url}/v1", "gpt-4o-mini", "sk-wrong")
    assert report.status is ConnectionStatus.UNAUTHORIZED and not report.ok
    assert "refused the key" in report.summary


def test_llm_unknown_model_names_what_is_offered():
    with FakeProvider(models=("llama3:latest",)) as fake:
        report = check_llm(f"{fake.base_url}/v1", "gpt-4o-mini", "sk-good-key-123456")
    assert report.status is ConnectionStatus.MODEL_UNKNOWN
    assert "llama3:latest" in report.detail


@pytest.mark.parametrize("model, expected", [("gpt-4o-mini", ConnectionStatus.OK), ("nope", ConnectionStatus.MODEL_UNKNOWN)])
def test_llm_without_model_listing_falls_back_to_a_one_token_request(model, expected):
    with FakeProvider(list_status=404) as fake:
        report = check_llm(f"{fake.base_url}/v1", model, "sk-good-key-123456")
    assert report.status is expected
    assert [r.path for r in fake.requests] == ["/v1/models", "/v1/chat/completions"]


def test_llm_unreachable_and_bad_input():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, not listening: the connection is refused
        assert check_llm(f"http://127.0.0.1:{port}/v1", "m", "k", timeout=3).status is ConnectionStatus.UNREACHABLE
    assert check_llm("ftp://example.org", "m", "k").status is ConnectionStatus.BAD_ADDRESS
    assert check_llm("", "m", "k").status is ConnectionStatus.MISSING


def test_spotify_token_endpoint():
    with FakeSpotifyAccounts() as fake:
        url = f"{fake.base_url}/api/token"
        assert check_spotify("client-id", "client-secret", token_url=url).status is ConnectionStatus.OK
        bad = check_spotify("client-id", "wrong", token_url=url)
    assert bad.status is ConnectionStatus.UNAUTHORIZED and "Invalid client" in bad.detail
    assert check_spotify("", "x").status is ConnectionStatus.MISSING


# -- which credentials and market "Test connection" uses -------------------------------

ENV_NAMES = ("DIARYREC_SPOTIFY_CLIENT_ID", "DIARYREC_SPOTIFY_CLIENT_SECRET")


@pytest.fixture
def no_env(monkeypatch):
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def a_study(default_study, *, market="KR", client_id="", client_secret=""):
    from diaryrec.protocol.model import CatalogSettings

    catalog = CatalogSettings(market=market, client_id=client_id, client_secret=client_secret)
    return default_study.study.model_copy(update={"catalog": catalog})


def test_spotify_config_market_is_the_participants_before_the_studys(default_study, no_env):
    from diaryrec.settings import Settings

    study = a_study(default_study, market="KR")
    assert resolve_spotify_config(Settings(market="JP"), study).market == "JP"  # the Settings screen's field wins
    assert resolve_spotify_config(Settings(market=""), study).market == "KR"
    assert resolve_spotify_config(Settings(), None).market == "US"
    assert resolve_spotify_config(Settings(market="JP"), None).market == "JP"


def test_spotify_config_credentials_environment_then_study_then_settings(default_study, no_env):
    from diaryrec.secrets import SecretName, set_secret
    from diaryrec.settings import Settings

    set_secret(SecretName.SPOTIFY_CLIENT_SECRET, "keyring-secret")
    settings = Settings(spotify_client_id="settings-id")
    plain, keyed = a_study(default_study), a_study(default_study, client_id="study-id", client_secret="study-secret")
    for study in (plain, None):
        config = resolve_spotify_config(settings, study)
        assert (config.client_id, config.client_secret, config.from_study) == ("settings-id", "keyring-secret", False)
    config = resolve_spotify_config(settings, keyed)
    assert (config.client_id, config.client_secret, config.from_study) == ("study-id", "study-secret", True)
    no_env.setenv("DIARYREC_SPOTIFY_CLIENT_ID", "env-id")
    no_env.setenv("DIARYREC_SPOTIFY_CLIENT_SECRET", "env-secret")
    config = resolve_spotify_config(settings, keyed)
    assert (config.client_id, config.client_secret, config.from_study) == ("env-id", "env-secret", False)


@pytest.mark.parametrize("env", [False, True], ids=["no-env", "env"])
@pytest.mark.parametrize("study_kind", ["none", "plain", "keyed"])
@pytest.mark.parametrize("settings_market", ["", "JP"], ids=["no-settings-market", "settings-market"])
@pytest.mark.parametrize("settings_creds", [False, True], ids=["no-settings-creds", "settings-creds"])
@pytest.mark.parametrize("argument", [None, "DE"], ids=["no-argument", "argument"])
def test_the_catalog_and_test_connection_agree(default_study, no_env, env, study_kind, settings_market,
                                               settings_creds, argument):
    """The CLI and validator (resolve_config) and "Test connection"
    (resolve_spotify_config) resolve the same inputs to the same credentials and
    market; only the CLI has a --market argument, and it wins."""
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

    shown = resolve_spotify_config(settings, study)
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
        "from diaryrec.services.connection import resolve_spotify_config\n"
        "from diaryrec.settings import Settings\n"
        "assert resolve_spotify_config(Settings(market='JP'), None).market == 'JP'\n"
        "print(sorted(m for m in ('spotipy', 'requests') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
