"""What the participant's own settings keep of the connection values they entered:
only what differs from the study file, so that the study's values (and a corrected
study file sent later) keep applying. The first-run credentials page and the
Settings screen both save through it."""

from __future__ import annotations

from typing import Any

from diaryrec.settings import Settings


def keep_what_differs(
    settings: Settings, study: Any, *, llm_base_url: str, llm_model: str, spotify_client_id: str, market: str,
) -> Settings:
    """A copy of ``settings`` with the entered values, each left empty where it equals
    the study file's (``study``: a StudyFile, or None before one is joined: then every
    value is kept). Raises ValueError for a value the settings refuse (an address that
    is not http(s), a market that is not two letters)."""
    out = settings.model_copy()
    entered = {
        "llm_base_url": (llm_base_url, study.llm.base_url if study is not None else None),
        "llm_model": (llm_model, study.llm.model if study is not None else None),
        "spotify_client_id": (spotify_client_id, study.catalog.client_id if study is not None else None),
        "market": (market, study.catalog.market if study is not None else None),
    }
    for name, (value, studys) in entered.items():
        setattr(out, name, "" if study is not None and value == studys else value)
    return out
