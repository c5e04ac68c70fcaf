"""The LLM side of a turn: one client over the openai SDK (Chat Completions,
streamed), the reply contract, and typed errors a participant can act on."""

from diaryrec.llm.cancel import CancelToken
from diaryrec.llm.client import ChatResult, LlmClient, Timing, map_error
from diaryrec.llm.contract import REPLY_SCHEMA, FollowUp, Recommendation, Reply, parse_reply
from diaryrec.llm.errors import LlmError
from diaryrec.llm.provider import SANDBOX_MODEL, ProviderConfig, ProviderMemory, ResponseMode, provider_config

__all__ = [
    "REPLY_SCHEMA",
    "SANDBOX_MODEL",
    "CancelToken",
    "ChatResult",
    "FollowUp",
    "LlmClient",
    "LlmError",
    "ProviderConfig",
    "ProviderMemory",
    "Recommendation",
    "Reply",
    "ResponseMode",
    "Timing",
    "map_error",
    "parse_reply",
    "provider_config",
]
