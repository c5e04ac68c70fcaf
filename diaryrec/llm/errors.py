"""What can go wrong in an LLM turn, as errors a participant can act on.

Each error has a ``kind`` (stored in ``message.error_kind``), an English message
and hint (``str(err)``, the CLI and the logs) and a Korean one (``localized("ko")``).
``partial`` holds whatever reply text had arrived before the failure, so the turn
service can keep it.
"""

from __future__ import annotations

from diaryrec.errors import UserError


class LlmError(UserError):
    kind = "llm"
    en = "The language model could not answer."
    en_hint = "Please try again."
    ko = "언어 모델이 답하지 못했습니다."
    ko_hint = "다시 시도해 주세요."

    def __init__(self, detail: str = "", *, partial: str = "", **values: object):
        self.values = values
        super().__init__(self.en.format(**values), hint=self.en_hint.format(**values))
        self.detail = detail  # what the provider said: for the log and a "details" line
        self.partial = partial

    def localized(self, language: str) -> str:
        if language == "ko":
            return f"{self.ko.format(**self.values)} {self.ko_hint.format(**self.values)}".strip()
        return str(self)


class NoApiKeyError(LlmError):
    kind = "no_key"
    en = "No API key is set for the language model provider."
    en_hint = "Enter your key in Settings (it is kept in your computer's password store)."
    ko = "언어 모델 제공자의 API 키가 없습니다."
    ko_hint = "설정에서 키를 입력해 주세요(키는 컴퓨터의 비밀번호 저장소에 보관됩니다)."


class WrongKeyError(LlmError):
    kind = "wrong_key"
    en = "The provider refused the API key."
    en_hint = "Check the key in Settings; copy it again without spaces."
    ko = "제공자가 API 키를 거부했습니다."
    ko_hint = "설정에서 키를 확인하고, 공백 없이 다시 붙여 넣어 주세요."


class QuotaError(LlmError):
    kind = "quota"
    en = "The API account has no credit or quota left."
    en_hint = "Tell the research team; they can top up the account or give you another key."
    ko = "API 계정의 크레딧이나 사용 한도가 남아 있지 않습니다."
    ko_hint = "연구팀에 알려 주세요. 계정을 충전하거나 다른 키를 드릴 수 있습니다."


class RateLimitError(LlmError):
    kind = "rate_limit"
    en = "Too many requests at the moment."
    en_hint = "Wait {wait} and send again; your message is kept."
    ko = "지금은 요청이 너무 많습니다."
    ko_hint = "{wait_ko} 기다린 뒤 다시 보내 주세요. 메시지는 저장되어 있습니다."

    def __init__(self, detail: str = "", *, partial: str = "", retry_after: float | None = None):
        seconds = max(1, round(retry_after)) if retry_after else None
        self.retry_after = seconds
        super().__init__(
            detail,
            partial=partial,
            wait=f"{seconds} seconds" if seconds else "a minute",
            wait_ko=f"{seconds}초" if seconds else "1분쯤",
        )


class LlmTimeoutError(LlmError):
    kind = "timeout"
    en = "The language model did not answer in time."
    en_hint = "Send again; if it keeps happening, check your internet connection."
    ko = "언어 모델이 제시간에 답하지 않았습니다."
    ko_hint = "다시 보내 보세요. 계속되면 인터넷 연결을 확인해 주세요."


class ServerError(LlmError):
    kind = "server_error"
    en = "The language model service had a problem of its own."
    en_hint = "Wait a moment and send again; your message is kept."
    ko = "언어 모델 서비스에 문제가 생겼습니다."
    ko_hint = "잠시 뒤 다시 보내 주세요. 메시지는 저장되어 있습니다."


class ConnectionFailedError(LlmError):
    kind = "connection"
    en = "Could not reach the language model provider."
    en_hint = "Check your internet connection, or that the local model server is running."
    ko = "언어 모델 제공자에 연결할 수 없습니다."
    ko_hint = "인터넷 연결이나, 로컬 모델 서버가 켜져 있는지 확인해 주세요."


class RefusalError(LlmError):
    kind = "refusal"
    en = "The language model declined to answer this message."
    en_hint = "Rephrase your message and send it again."
    ko = "언어 모델이 이 메시지에 답하기를 거절했습니다."
    ko_hint = "메시지를 바꿔서 다시 보내 보세요."


class MalformedReplyError(LlmError):
    kind = "malformed"
    en = "The language model's answer could not be read."
    en_hint = "Send again."
    ko = "언어 모델의 답을 읽을 수 없었습니다."
    ko_hint = "다시 보내 주세요."


class ContextTooLongError(LlmError):
    kind = "context_too_long"
    en = "This conversation has become too long for the model."
    en_hint = "Start a new conversation (your sheet stays the same), or attach fewer or smaller images."
    ko = "대화가 모델이 다룰 수 있는 길이를 넘었습니다."
    ko_hint = "새 대화를 시작하거나(시트는 그대로입니다) 이미지를 줄여 주세요."


class ModelNotFoundError(LlmError):
    kind = "model_not_found"
    en = "The provider does not offer the model '{model}'."
    en_hint = "Check the model name in Settings or in the study file."
    ko = "제공자에게 '{model}' 모델이 없습니다."
    ko_hint = "설정이나 연구 파일의 모델 이름을 확인해 주세요."


class RequestRejectedError(LlmError):
    kind = "rejected"
    en = "The provider rejected the request."
    en_hint = "If you attached an image, this model may not accept images; otherwise tell the research team."
    ko = "제공자가 요청을 거부했습니다."
    ko_hint = "이미지를 첨부했다면 이 모델이 이미지를 받지 않을 수 있습니다. 아니면 연구팀에 알려 주세요."


class TurnCancelledError(LlmError):
    kind = "cancelled"
    en = "Stopped."
    en_hint = ""
    ko = "중지했습니다."
    ko_hint = ""


class IncompleteReplyError(LlmError):
    kind = "incomplete"
    en = "The answer was cut off before it was complete."
    en_hint = "Send again; the part that arrived is kept."
    ko = "답이 끝나기 전에 끊겼습니다."
    ko_hint = "다시 보내 주세요. 도착한 부분은 저장되어 있습니다."
