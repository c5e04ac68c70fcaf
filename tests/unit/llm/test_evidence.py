"""What a provider's error proves (diaryrec.llm.evidence), and the model names kept.
The same shapes are met for real in tests/integration/llama/."""

from __future__ import annotations

import re

import pytest

from diaryrec.llm import evidence
from diaryrec.llm.contract import REPLY_SCHEMA, Recommendation
from diaryrec.llm.evidence import ErrorFields, model_label
from diaryrec.research.export import _model_names_without_folders


def err(status: int, message: str = "", type_: str = "", code: str = "", param: str = "") -> ErrorFields:
    return ErrorFields(status, message, type_, code, param)


@pytest.mark.parametrize("name,label", [
    ("/home/ana/models/qwen2.5-7b-q4_k_m.gguf", "qwen2.5-7b-q4_k_m.gguf"),
    ("C:\\Users\\ana\\models\\llama.gguf", "llama.gguf"),
    ("models/tiny.gguf", "tiny.gguf"),
    ("~/m/x.gguf", "x.gguf"),
    ("./x.bin", "x.bin"),
    ("meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-8B-Instruct"),  # a hub name (vLLM)
    ("hf.co/bartowski/Qwen2.5-7B-GGUF:Q4_K_M", "hf.co/bartowski/Qwen2.5-7B-GGUF:Q4_K_M"),  # Ollama
    ("gpt-4o-mini", "gpt-4o-mini"),
    ("llama3.2:3b", "llama3.2:3b"),
    ("", ""),
])
def test_a_model_path_keeps_only_its_file_name(name, label):
    assert model_label(name) == label


def test_the_export_drops_the_folders_of_model_paths_stored_before():
    tables = {"conversation": [{"model": "<home>/models/tiny.gguf"}], "message": [{"model": None}, {"model": "gpt-4o"}]}
    _model_names_without_folders(tables)
    assert tables == {"conversation": [{"model": "tiny.gguf"}], "message": [{"model": None}, {"model": "gpt-4o"}]}


@pytest.mark.parametrize("e,found", [
    (err(404, "model 'x' not found"), True),  # OpenAI, Ollama, vLLM
    (err(400, "model 'my-model' not found", "invalid_request_error"), True),  # llama.cpp router
    (err(400, "The model `my-model` does not exist.", "invalid_request_error"), True),
    (err(400, "whatever", code="model_not_found"), True),  # LM Studio, OpenAI
    (err(400, "bad value", param="model"), True),
    (err(400, "Failed to initialize samplers: my-model grammar"), False),  # names the model, not its absence
    (err(400, "image not found"), False),
    (err(500, "model 'my-model' not found"), False),
])
def test_model_not_found_however_it_is_said(e, found):
    assert evidence.is_model_not_found(e, "my-model") is found


def test_what_may_be_a_refused_part_of_the_request():
    assert evidence.may_be_refused_part(err(500, "JSON schema error at /x: minLength must be ...", "server_error"), "m")
    assert evidence.may_be_refused_part(err(400, "Failed to initialize samplers: ...", "invalid_request_error"), "m")
    assert evidence.may_be_refused_part(err(400, "Invalid schema", param="response_format"), "m")
    assert evidence.blames_response_format(err(400, "x", param="response_format.json_schema"))
    # the body says what is wrong, and it is something else: no other mode can help
    assert not evidence.may_be_refused_part(err(400, "too long", "exceed_context_size_error"), "m")
    assert not evidence.may_be_refused_part(err(400, "bad", param="messages"), "m")
    assert not evidence.may_be_refused_part(err(401, "key"), "m")
    assert not evidence.may_be_refused_part(err(429, "slow down"), "m")
    assert evidence.is_context_error(err(400, "", "exceed_context_size_error"))
    assert evidence.is_context_error(err(400, "", "invalid_request_error", "context_length_exceeded"))


def test_images_are_found_and_left_out():
    image = {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,AAAA"}}
    messages = [{"role": "system", "content": "s"}, {"role": "user", "content": [{"type": "text", "text": "hi"}, image]}]
    assert evidence.has_images(messages) and not evidence.has_images(messages[:1])
    stripped = evidence.without_images(messages)
    assert stripped[1]["content"] == [{"type": "text", "text": "hi"}] and not evidence.has_images(stripped)
    assert messages[1]["content"][1] is image  # the original is untouched


def test_the_schema_says_what_the_contract_requires():
    item = REPLY_SCHEMA["properties"]["recommendations"]["items"]["properties"]
    for key in ("title", "artist"):
        pattern = re.compile(item[key]["pattern"])
        assert pattern.match("Ditto") and pattern.match("비 오는 날") and not pattern.match("") and not pattern.match(" x")
        assert "." not in item[key]["pattern"] and not pattern.match('say "hi"')  # llama.cpp: no raw quote
    year = {k: v for branch in item["year"]["anyOf"] for k, v in branch.items() if k != "type"}
    assert year == {"minimum": 1800, "maximum": 2099}
    assert REPLY_SCHEMA["properties"]["follow_up"]["properties"]["kind"]["enum"]
    # and the contract reads an implausible year as unknown instead of keeping it
    rec = Recommendation(title="Ditto", artist="NewJeans", year=-8)
    assert rec.year is None and Recommendation(title="a", artist="b", year=2022).year == 2022
