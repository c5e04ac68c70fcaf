from __future__ import annotations

import pytest

from diaryrec.llm import errors
from diaryrec.llm.provider import ProviderConfig, ProviderMemory, ResponseMode, provider_config
from diaryrec.secrets import SecretName, set_secret
from diaryrec.settings import Settings

from korean_catalogue import korean


def test_config_comes_from_study_settings_and_keyring(default_study):
    study = default_study.study
    assert provider_config(study).api_key == ""
    set_secret(SecretName.LLM_API_KEY, "sk-participant-key-123456")
    config = provider_config(study)
    assert (config.base_url, config.model, config.api_key) == ("https://api.openai.com/v1", "gpt-4o-mini",
                                                               "sk-participant-key-123456")
    assert config.needs_key and config.label == "api.openai.com"
    local = provider_config(study, Settings(llm_base_url="http://localhost:11434/v1/", llm_model="llama3.2"))
    assert (local.base_url, local.model, local.needs_key) == ("http://localhost:11434/v1", "llama3.2", False)
    assert "sk-participant" not in repr(config)


def test_memory_walks_the_fallback_chain_once_per_provider():
    memory = ProviderMemory()
    a, b = ProviderConfig("http://x/v1", "m1"), ProviderConfig("http://x/v1", "m2")
    assert memory.mode(a.key) == ResponseMode.JSON_SCHEMA
    assert memory.downgrade(a.key, ResponseMode.JSON_SCHEMA) == ResponseMode.JSON_OBJECT
    assert memory.mode(a.key) == ResponseMode.JSON_OBJECT
    assert memory.mode(b.key) == ResponseMode.JSON_SCHEMA
    assert memory.downgrade(a.key, ResponseMode.JSON_OBJECT) == ResponseMode.TEXT
    assert memory.downgrade(a.key, ResponseMode.TEXT) is None
    assert memory.mode(a.key) == ResponseMode.TEXT


def all_error_classes():
    found, todo = [], [errors.LlmError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize("cls", all_error_classes(), ids=lambda c: c.__name__)
def test_every_error_speaks_english_and_korean(cls):
    err = cls.__new__(cls)
    kwargs = {"model": "gpt-x"} if cls is errors.ModelNotFoundError else {}
    err.__init__("detail", partial="p", **kwargs)  # type: ignore[misc]
    assert str(err) and korean(err) and korean(err) != str(err)
    assert any("\uac00" <= ch <= "\ud7a3" for ch in korean(err))
    assert err.kind and err.partial == "p" and err.detail == "detail"


def test_rate_limit_says_how_long_to_wait():
    err = errors.RateLimitError(retry_after=7.2)
    assert err.retry_after == 7 and "7 seconds" in str(err) and "7초" in korean(err)
    assert "a minute" in str(errors.RateLimitError())
