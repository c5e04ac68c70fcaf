"""The "test connection" checks, through the clients a turn uses, against real HTTP
servers on 127.0.0.1."""

import base64
import socket
from urllib.parse import parse_qs

import pytest

from diaryrec.sandbox.http import LoopbackServer, Request, Response
from diaryrec.services.connection import ConnectionStatus, check_llm, check_spotify


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
    assert bad.status is ConnectionStatus.UNAUTHORIZED and "rejected the client ID" in bad.detail  # the catalog client's words
    assert check_spotify("", "x").status is ConnectionStatus.MISSING
