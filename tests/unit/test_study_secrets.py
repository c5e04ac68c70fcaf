import datetime as dt

from sqlmodel import select

from diaryrec.fileio import sweep_partials
from diaryrec.protocol import parse_study_text
from diaryrec.secrets import SecretName, get_secret
from diaryrec.services.study import active_study, join_study
from diaryrec.store.models import Enrolment

NOW = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.timezone.utc)


def test_keys_in_a_study_file_go_to_the_keyring_not_the_database(store, default_study):
    text = default_study.text.replace('api_key = ""', 'api_key = "sk-study-key-0123456789"', 1)
    text = text.replace('client_secret = ""', 'client_secret = "spotify-secret-abcdef"', 1)
    loaded = parse_study_text(text, source="study.toml")
    join_study(store, loaded, "P01", now=NOW, zone_name="Asia/Seoul")
    with store.session() as session:
        stored = session.exec(select(Enrolment)).one()
    assert "sk-study-key" not in stored.study_text and "spotify-secret" not in stored.study_text
    assert stored.study_sha256 == loaded.sha256  # the researcher's file is still identifiable
    assert get_secret(SecretName.STUDY_LLM_API_KEY) == "sk-study-key-0123456789"
    active = active_study(store)
    assert active.study.llm.api_key == "sk-study-key-0123456789"
    assert active.study.catalog.client_secret == "spotify-secret-abcdef"
    assert active.study.study.id == default_study.study.study.id


def test_a_study_without_keys_stores_its_text_unchanged(store, default_study):
    join_study(store, default_study, "P02", now=NOW, zone_name="Asia/Seoul")
    with store.session() as session:
        assert session.exec(select(Enrolment)).one().study_text == default_study.text


def test_sweep_removes_only_old_hidden_temporaries(tmp_path):
    import os
    import time

    old = tmp_path / ".diaryrec.sqlite.abc.tmp"
    fresh = tmp_path / ".settings.json.def.tmp"
    real = tmp_path / "settings.json"
    for path in (old, fresh, real):
        path.write_text("x")
    past = time.time() - 3600
    os.utime(old, (past, past))
    os.utime(real, (past, past))
    assert sweep_partials([tmp_path]) == 1
    assert not old.exists() and fresh.exists() and real.exists()
