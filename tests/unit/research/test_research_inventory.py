"""The data inventory for an ethics board: every stored table and column, every file of
the data folder and every setting is listed with words in English and Korean (a new
one without words fails here), the study file's recipients are named, and no key of
the study file is printed."""

import html
import re

import pytest

from diaryrec.__main__ import main
from diaryrec.paths import DataLayout
from diaryrec.protocol import parse_study_text
from diaryrec.research import inventory_words as words
from diaryrec.research.inventory import LANGUAGES, data_folder_entries, render_inventory, settings_items, stored_tables
from diaryrec.research.study_file import new_study_text
from diaryrec.research.tables import NOT_EXPORTED, PROTOCOL_DAY_COLUMNS, model_columns
from diaryrec.settings import Settings
from diaryrec.store.models import ALL_TABLES

API_KEY = "sk-inventory-test-0123456789"
CLIENT_SECRET = "spotify-secret-0123456789"


def study_text(**changes: str) -> str:
    text = new_study_text("ethics-demo")
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def page_text(page: str) -> str:
    """What a reader sees: the page without its style and tags."""
    body = re.sub(r"<style.*?</style>", "", page, flags=re.DOTALL)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_stored_column_is_listed_with_its_meaning(lang):
    tables = {item.name: item for item in stored_tables(lang)}
    assert set(tables) == {model.__tablename__ for model in ALL_TABLES} | {"protocol_day"}
    for model in ALL_TABLES:
        item = tables[model.__tablename__]
        assert [name for name, _ in item.columns] == model_columns(model), item.name
        assert item.about.strip() and all(meaning.strip() for _, meaning in item.columns), item.name
        assert item.exported == (item.name not in NOT_EXPORTED)
    assert [name for name, _ in tables["protocol_day"].columns] == list(PROTOCOL_DAY_COLUMNS)
    assert tables["protocol_day"].derived and not tables["catalog_cache"].exported


def test_a_column_without_words_stops_the_inventory(monkeypatch):
    about, columns = words.KO_TABLES["message"]
    monkeypatch.setitem(words.KO_TABLES, "message", (about, {k: v for k, v in columns.items() if k != "raw_text"}))
    with pytest.raises(KeyError, match="raw_text"):
        stored_tables("ko")
    stored_tables("en")  # the English is the codebook's (research.tables, tested beside it)


def test_every_file_of_the_data_folder_and_every_setting_has_words():
    entries = data_folder_entries()
    assert {"database", "screenshots", "images", "logs", "settings_file"} <= set(entries)
    assert all(isinstance(getattr(DataLayout, name), property) for name in entries)
    for name in entries:
        assert all(words.DATA_FOLDER[name][lang].strip() for lang in LANGUAGES), name
    for lang in LANGUAGES:
        assert [name for name, _ in settings_items(lang)] == list(Settings.model_fields)
        assert all(meaning.strip() for _, meaning in settings_items(lang))
    for key, texts in words.WORDS.items():
        assert set(texts) == set(LANGUAGES) and all(texts[lang].strip() for lang in LANGUAGES), key


def test_the_page_names_the_recipients_and_never_prints_a_key():
    loaded = parse_study_text(study_text(**{
        'base_url = "https://api.openai.com/v1"': 'base_url = "https://llm.example.ac.kr/v1"',
        'model = "gpt-4o-mini"': 'model = "연구용-모델"',
        'api_key = ""': f'api_key = "{API_KEY}"',
        'client_id = ""': 'client_id = "the-study-app"',
        'client_secret = ""': f'client_secret = "{CLIENT_SECRET}"',
        'market = "KR"': 'market = "JP"',
    }))
    for lang in LANGUAGES:
        page = render_inventory(loaded, lang)
        text = page_text(page)
        assert API_KEY not in page and CLIENT_SECRET not in page and "the-study-app" not in page
        assert "llm.example.ac.kr (연구용-모델)" in text and "market JP" in text
        assert "<script" not in page and f'<html lang="{lang}">' in page
        for model in ALL_TABLES:
            for column in model_columns(model):
                assert f"<code>{column}</code>" in page
    english = page_text(render_inventory(loaded, "en"))
    assert "The API key is in the study file: every participant shares it." in english
    assert "This study file names a Spotify app (client ID and secret)." in english
    assert "only when the participant exports it" in english and "never uploads it" in english
    korean = page_text(render_inventory(loaded, "ko"))
    assert "API 키가 연구 파일에 있어 모든 참가자가 같이 씁니다." in korean
    assert "오늘 시도한 시나리오의 장점과 단점은 무엇이었나요?" in korean  # the study's own diary question
    assert "연구팀이 참가자에게 준 코드" in korean  # participant_code, in Korean


def test_without_keys_or_a_spotify_app_the_page_says_so():
    page = page_text(render_inventory(parse_study_text(study_text()), "en"))
    assert "Each participant enters their own API key." in page
    assert "names no Spotify app: nothing is sent to Spotify unless a participant enters" in page
    assert "api.openai.com (gpt-4o-mini)" in page
    # without a Spotify app MusicBrainz checks the tracks: what it gets is listed (the researcher's e-mail too)
    assert "MusicBrainz (musicbrainz.org)" in page and "researcher e-mail" in page
    assert "Spotify when its app is set up, otherwise MusicBrainz" in page


def test_a_study_that_lists_only_musicbrainz_sends_nothing_to_spotify():
    text = study_text(**{"providers = []": 'providers = ["musicbrainz"]'})
    page = page_text(render_inventory(parse_study_text(text), "ko"))
    assert "MusicBrainz (musicbrainz.org)" in page and "api.spotify.com" not in page and "i.scdn.co" not in page
    assert "연구 파일이 카탈로그를 순서대로 정합니다: MusicBrainz." in page


def test_study_texts_are_escaped():
    loaded = parse_study_text(study_text(**{
        'name = { en = "Design your own music recommender", ko = "나만의 음악 추천 시스템 만들기" }':
        'name = { en = "<b>Music</b> & diaries", ko = "<i>음악</i> 일기" }',
    }))
    page = render_inventory(loaded, "en")
    assert "<b>Music</b>" not in page and "&lt;b&gt;Music&lt;/b&gt; &amp; diaries" in page


def test_the_command_writes_the_study_language_by_default(tmp_path, capsys):
    study = tmp_path / "연구.toml"
    study.write_text(study_text(), encoding="utf-8")
    out = tmp_path / "inventory.html"
    assert main(["research", "data-inventory", str(study), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote {out}"
    page = out.read_text(encoding="utf-8")
    assert '<html lang="ko">' in page and "데이터 목록: 나만의 음악 추천 시스템 만들기" in page_text(page)
    assert main(["research", "data-inventory", str(study), "--out", str(out), "--lang", "en"]) == 0
    assert "Data inventory: Design your own music recommender" in page_text(out.read_text(encoding="utf-8"))
