"""Only what differs from the study file is kept in the participant's settings (the
first-run credentials page and the Settings screen save through the same rule)."""

import pytest

from diaryrec.services.own_settings import keep_what_differs
from diaryrec.settings import Settings


def test_values_equal_to_the_study_files_are_left_empty(default_study):
    base = default_study.study
    study = base.model_copy(update={"catalog": base.catalog.model_copy(update={"client_id": "study-id", "market": "KR"})})
    kept = keep_what_differs(Settings(reminder_time="21:30"), study, llm_base_url=study.llm.base_url,
                             llm_model="my-own-model", spotify_client_id="study-id", market="JP")
    assert (kept.llm_base_url, kept.llm_model, kept.spotify_client_id, kept.market) == ("", "my-own-model", "", "JP")
    assert kept.reminder_time == "21:30"  # everything else is the settings' own


def test_without_a_study_every_value_is_kept_and_bad_ones_are_refused():
    kept = keep_what_differs(Settings(), None, llm_base_url="http://localhost:11434/v1", llm_model="m",
                             spotify_client_id="id", market="DE")
    assert (kept.llm_base_url, kept.llm_model, kept.spotify_client_id, kept.market) == ("http://localhost:11434/v1", "m", "id", "DE")
    with pytest.raises(ValueError):
        keep_what_differs(Settings(), None, llm_base_url="ftp://x", llm_model="m", spotify_client_id="", market="")
