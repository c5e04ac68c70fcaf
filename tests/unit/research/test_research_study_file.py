from diaryrec.__main__ import main
from diaryrec.protocol import load_default_study, parse_study_text
from diaryrec.research.study_file import CONSENT_PLACEHOLDER, describe, new_study_text


def test_new_study_is_complete_valid_and_asks_for_a_consent_text():
    text = new_study_text("pilot-2025")
    loaded = parse_study_text(text)
    default = load_default_study().study
    assert loaded.study.study.id == "pilot-2025"
    assert CONSENT_PLACEHOLDER in loaded.study.study.consent.get("en")
    assert loaded.study.weeks == default.weeks and loaded.study.ice_breaking == default.ice_breaking
    for setting in ("[llm]", "base_url", "[catalog]", "market", "unknown_tracks", "api_key"):
        assert setting in text
    check = describe(loaded)
    assert check.problems and "consent" in check.problems[0]


def test_check_study_shows_what_a_participant_sees(tmp_path, capsys):
    path = tmp_path / "pilot.toml"
    assert main(["research", "new-study", str(path), "--id", "pilot"]) == 0
    assert main(["research", "new-study", str(path)]) == 2  # no silent overwrite
    assert main(["research", "check-study", str(path)]) == 1  # the placeholder is still there
    capsys.readouterr()
    path.write_text(path.read_text(encoding="utf-8").replace(CONSENT_PLACEHOLDER, "연구 참여에 동의합니다"), encoding="utf-8")
    assert main(["research", "check-study", str(path)]) == 0
    out = capsys.readouterr().out
    assert "나만의 음악 추천 시스템 만들기" in out and "연구 참여에 동의합니다" in out
    assert "day 8 (week day 1): Planning sheet" in out and "interview" in out
    assert "[screenshot] 오늘 대화의 스크린샷" in out and "개선을 위한 제안" in out
    assert "day 21" in out and "day 22" not in out
    assert main(["research", "check-study", str(path), "--lang", "en"]) == 0
    assert "Suggestions for improvement" in capsys.readouterr().out


def test_check_study_names_the_line_of_an_error(tmp_path, capsys):
    path = tmp_path / "bad.toml"
    path.write_text(new_study_text().replace('unknown_tracks = "replace"', 'unknown_tracks = "drop"'), encoding="utf-8")
    assert main(["research", "check-study", str(path)]) == 2
    err = capsys.readouterr().err
    assert "bad.toml, line" in err and "study.unknown_tracks" in err


def test_check_study_says_plainly_which_catalog_checks_the_tracks(tmp_path, capsys):
    """Issue 13 item 2, issue 14: a study file without a Spotify app is checked against
    MusicBrainz; check-study says so, and says what the template's pattern (client id
    here, secret typed by each participant) asks of the participants."""
    path = tmp_path / "pilot.toml"
    text = new_study_text("pilot").replace(CONSENT_PLACEHOLDER, "I agree")
    path.write_text(text, encoding="utf-8")
    assert main(["research", "check-study", str(path)]) == 0
    captured = capsys.readouterr()
    assert "catalog check: no Spotify app in the study file: tracks are checked against MusicBrainz" in captured.out
    assert "checked against MusicBrainz only" in captured.err
    assert "MusicBrainz asks every client for a contact" in captured.err  # the template has no researcher e-mail
    path.write_text(text.replace('client_id = ""', 'client_id = "0123abcd"'), encoding="utf-8")
    assert main(["research", "check-study", str(path)]) == 0
    captured = capsys.readouterr()
    assert "client id in the study file; each participant types the client secret" in captured.out
    assert "MusicBrainz only" not in captured.err
    path.write_text(text.replace("providers = []", 'providers = ["musicbrainz"]'), encoding="utf-8")
    assert main(["research", "check-study", str(path)]) == 0
    assert "catalog check: musicbrainz (no key needed): every track is checked" in capsys.readouterr().out
    path.write_text(text.replace("providers = []", 'providers = ["musicbrainz", "discogs"]'), encoding="utf-8")
    assert main(["research", "check-study", str(path)]) != 0
    assert "catalog.providers" in capsys.readouterr().err
