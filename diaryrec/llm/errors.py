"""What can go wrong in an LLM turn, as errors a participant can act on.

Each error has a ``kind`` (stored in ``message.error_kind``) and, as every
``UserError``, a message and a hint written as English templates marked for
translation (``str(err)`` for the CLI and the logs; the screens show them in the
interface language through ``diaryrec.ui.errors.error_text`` and the Qt catalogue).
``partial`` holds whatever reply text had arrived before the failure, so the turn
service can keep it.
"""

from __future__ import annotations

from diaryrec.errors import QT_TRANSLATE_NOOP, UserError


class LlmError(UserError):
    kind = "llm"
    text = QT_TRANSLATE_NOOP("UserError", "The language model could not answer.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "Please try again.")

    def __init__(self, detail: str = "", *, partial: str = "", hint: str | None = None, **values: object):
        super().__init__(self.text, hint=self.hint_text if hint is None else hint, **values)
        self.detail = detail  # what the provider said: for the log and a "details" line
        self.partial = partial


class NoApiKeyError(LlmError):
    kind = "no_key"
    text = QT_TRANSLATE_NOOP("UserError", "No API key is set for the language model provider.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "Enter your key in Settings (it is kept in your computer's password store).")


class WrongKeyError(LlmError):
    kind = "wrong_key"
    text = QT_TRANSLATE_NOOP("UserError", "The provider refused the API key.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "Check the key in Settings; copy it again without spaces.")


class QuotaError(LlmError):
    kind = "quota"
    text = QT_TRANSLATE_NOOP("UserError", "The API account has no credit or quota left.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "Tell the research team; they can top up the account or give you another key.")


class RateLimitError(LlmError):
    kind = "rate_limit"
    text = QT_TRANSLATE_NOOP("UserError", "Too many requests at the moment.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "Wait a minute and send again; your message is kept.")
    hint_seconds = QT_TRANSLATE_NOOP("UserError", "Wait {seconds} seconds and send again; your message is kept.")

    def __init__(self, detail: str = "", *, partial: str = "", retry_after: float | None = None):
        seconds = max(1, round(retry_after)) if retry_after else None
        self.retry_after = seconds
        if seconds:
            super().__init__(detail, partial=partial, hint=self.hint_seconds, seconds=seconds)
        else:
            super().__init__(detail, partial=partial)


class LlmTimeoutError(LlmError):
    kind = "timeout"
    text = QT_TRANSLATE_NOOP("UserError", "The language model did not answer in time.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "Send again; if it keeps happening, check your internet connection.")


class ServerError(LlmError):
    kind = "server_error"
    text = QT_TRANSLATE_NOOP("UserError", "The language model service had a problem of its own.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "Wait a moment and send again; your message is kept.")


class ConnectionFailedError(LlmError):
    kind = "connection"
    text = QT_TRANSLATE_NOOP("UserError", "Could not reach the language model provider.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "Check your internet connection, or that the local model server is running.")


class RefusalError(LlmError):
    kind = "refusal"
    text = QT_TRANSLATE_NOOP("UserError", "The language model declined to answer this message.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "Rephrase your message and send it again.")


class MalformedReplyError(LlmError):
    kind = "malformed"
    text = QT_TRANSLATE_NOOP("UserError", "The language model's answer could not be read.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "Send again.")


class ContextTooLongError(LlmError):
    kind = "context_too_long"
    text = QT_TRANSLATE_NOOP("UserError", "This conversation has become too long for the model.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "Start a new conversation (your sheet stays the same), or attach fewer or smaller images.")


class ModelNotFoundError(LlmError):
    kind = "model_not_found"
    text = QT_TRANSLATE_NOOP("UserError", "The provider does not offer the model '{model}'.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "Check the model name in Settings or in the study file.")


class RequestRejectedError(LlmError):
    kind = "rejected"
    text = QT_TRANSLATE_NOOP("UserError", "The provider rejected the request.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "If you attached an image, this model may not accept images; otherwise tell the research team.")


class TurnCancelledError(LlmError):
    kind = "cancelled"
    text = QT_TRANSLATE_NOOP("UserError", "Stopped.")
    hint_text = ""


class IncompleteReplyError(LlmError):
    kind = "incomplete"
    text = QT_TRANSLATE_NOOP("UserError", "The answer was cut off before it was complete.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "Send again; the part that arrived is kept.")


class ImagesNotSupportedError(LlmError):
    """The model takes no pictures (proved by the same request without them working):
    sending again cannot help, only another model or no picture."""

    kind = "images_not_supported"
    text = QT_TRANSLATE_NOOP("UserError", "This model cannot see images.")
    hint_text = QT_TRANSLATE_NOOP("UserError", "Pick a model that sees images in Settings, or send your message without the picture.")


class ReplyCutOffError(LlmError):
    """The provider stopped the reply at a length limit (``finish_reason: "length"``):
    its token cap, or the end of the model's context."""

    kind = "cut_off"
    text = QT_TRANSLATE_NOOP("UserError", "The answer was cut off: it reached the model's length limit.")
    hint_text = QT_TRANSLATE_NOOP(
        "UserError",
        "Start a new conversation (your sheet stays the same) so the model has room to answer, "
        "or raise the answer-length limit of the model server (its maximum tokens).",
    )
