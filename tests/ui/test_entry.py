"""Issue 13, the way in, lived through the real window: the study's Spotify client id
with the secret the participant types checks tracks (item 2); checking off is said
plainly (item 2); no keyring is no dead end (item 9); the interface language stays
the participant's (item 10); the credentials page's test (item 17); Qt's dialog in
Korean, opening in Documents (item 25); the consent page (item 33)."""

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from diaryrec.protocol import default_study_path
from diaryrec.sandbox.http import LoopbackServer, Request, Response
from diaryrec.sandbox.spotify_fake import SpotifyFake
from diaryrec.secrets import SecretName, forget_session_secrets, get_secret
from diaryrec.ui.i18n import install_language

SIZES = [(1024, 700), (1920, 1080)]


class FakeProvider(LoopbackServer):
    """An OpenAI-compatible provider that lists one model, "gpt-emu"."""

    def handle(self, request: Request) -> Response:
        return Response.json({"object": "list", "data": [{"id": "gpt-emu", "object": "model", "created": 0, "owned_by": "x"}]})


def study_file(tmp_path: Path, *, language: str = "ko", code: str = "", client_id: str = "", client_secret: str = "",
               api_key: str = "") -> Path:
    text = default_study_path().read_text(encoding="utf-8")
    text = text.replace('language = "ko"', f'language = "{language}"')
    text = text.replace('participant_code = ""', f'participant_code = "{code}"')
    text = text.replace('client_id = ""', f'client_id = "{client_id}"', 1)
    text = text.replace('client_secret = ""', f'client_secret = "{client_secret}"', 1)
    text = text.replace('api_key = ""', f'api_key = "{api_key}"', 1)
    path = tmp_path / "pilot.toml"
    path.write_text(text, encoding="utf-8")
    return path


def consent(qtbot, first, path: Path, code: str = "P07") -> None:
    first.open_file(path)
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.consent_page)
    first.consent_box.setChecked(True)
    if not first.code.isReadOnly():
        first.code.setText(code)
    qtbot.mouseClick(first.consent_next, Qt.MouseButton.LeftButton)


def save_png(window, qtbot, artifacts_dir, name: str) -> None:
    folder = artifacts_dir / "entry"
    folder.mkdir(exist_ok=True)
    qtbot.wait(120)
    window.grab().save(str(folder / f"{name}.png"))


@pytest.fixture
def spotify(monkeypatch):
    """A Spotify stand-in, with the app pointed at it as a proxy would (the study file
    gives its client id; the environment only its addresses)."""
    with SpotifyFake([], client_id="study-app-id", client_secret="study-app-secret-0042") as fake:
        monkeypatch.setenv("DIARYREC_SPOTIFY_API_URL", fake.api_url)
        monkeypatch.setenv("DIARYREC_SPOTIFY_TOKEN_URL", fake.token_url)
        monkeypatch.delenv("DIARYREC_SPOTIFY_CLIENT_ID", raising=False)
        monkeypatch.delenv("DIARYREC_SPOTIFY_CLIENT_SECRET", raising=False)
        yield fake


# -- item 2 and 17: the study's client id, the participant's secret ---------------------------
def test_the_studys_client_id_with_the_typed_secret_checks_tracks(qtbot, open_window, tmp_path, spotify, memory_keyring,
                                                                    artifacts_dir):
    window, context = open_window(lang="en")
    window.resize(1024, 700)
    first = window.first_run
    consent(qtbot, first, study_file(tmp_path, client_id=spotify.client_id))
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.credentials_page)
    form = first.credentials
    assert form.client_id.text() == "study-app-id"  # pre-filled from the study file
    assert form.client_id.isEnabled() and form.client_secret.isEnabled()
    assert "comes with your study file" in form.spotify_hint.text() and form.spotify_hint.isVisibleTo(form)
    assert form.market.text() == "KR"
    qtbot.keyClicks(form.client_secret, spotify.client_secret)
    with FakeProvider() as provider:
        form.base_url.setText(f"{provider.base_url}/v1")
        form.model.setText("gpt-emu")
        qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: form.test_button.isEnabled() and "Spotify" in form.result.text(), timeout=10_000)
    # the token came from the stand-in named by DIARYREC_SPOTIFY_TOKEN_URL, as the validator asks
    assert form.result.text().splitlines() == ["Language model: works.", "Spotify: works."]
    assert spotify.count("/api/token") == 1
    assert [label.property("ok") for label in form.result.labels] == ["true", "true"]
    save_png(window, qtbot, artifacts_dir, "en-credentials-tested")

    qtbot.mouseClick(first.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: context.study is not None and window.nav is not None)
    assert context.settings.spotify_client_id == ""  # the study's own id keeps applying
    assert memory_keyring.store[("diaryrec", "spotify_client_secret")] == "study-app-secret-0042"
    window.services.start()
    qtbot.waitUntil(lambda: window.services.up, timeout=10_000)
    from diaryrec.catalog.validator import CatalogValidator

    assert isinstance(context.validator, CatalogValidator)  # tracks are checked, not left "not checked yet"
    qtbot.wait(200)
    assert not window.checking_notice.isVisible()


def test_a_success_is_green_when_the_other_service_fails(qtbot, open_window, tmp_path, spotify):
    window, _ = open_window(lang="en")
    first = window.first_run
    consent(qtbot, first, study_file(tmp_path, client_id=spotify.client_id))
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.credentials_page)
    form = first.credentials
    form.client_secret.setText("wrong-secret")
    with FakeProvider() as provider:
        form.base_url.setText(f"{provider.base_url}/v1")
        form.model.setText("gpt-emu")
        form.test_button.click()
        qtbot.waitUntil(lambda: form.test_button.isEnabled() and "Spotify" in form.result.text(), timeout=10_000)
    assert form.result.text().splitlines()[0] == "Language model: works."
    assert [label.property("ok") for label in form.result.labels] == ["true", "false"]
    green, red = (label.palette().color(label.foregroundRole()).name() for label in form.result.labels)
    assert green == "#1a7f37" and red == "#cf222e"


def test_an_unknown_model_is_reported_in_one_language(qtbot, open_window, tmp_path, spotify, artifacts_dir):
    window, _ = open_window(lang="ko")
    window.resize(1024, 700)
    first = window.first_run
    consent(qtbot, first, study_file(tmp_path))
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.credentials_page)
    form = first.credentials
    with FakeProvider() as provider:
        form.base_url.setText(f"{provider.base_url}/v1")
        form.model.setText("gpt-4o-mini")
        form.test_button.click()
        qtbot.waitUntil(lambda: form.test_button.isEnabled() and "언어 모델" in form.result.text(), timeout=10_000)
    line = form.result.text().splitlines()[0]
    assert "gpt-emu" in line  # the model names, quoted as they are
    assert "offered" not in line and "models" not in line.lower()  # no English words around them
    save_png(window, qtbot, artifacts_dir, "ko-credentials-model-unknown")


# -- item 2: checking off is said plainly; since issue 14 it is never off (MusicBrainz) -----------
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_without_a_spotify_app_every_screen_says_which_catalog_checks(qtbot, open_window, joined, spotify, artifacts_dir, lang):
    window, context = open_window(lang=lang, services=True)
    notice = window.checking_notice
    qtbot.waitUntil(lambda: notice.isVisible())
    expected = "Songs are checked against MusicBrainz, not Spotify" if lang == "en" else "Spotify가 아니라 MusicBrainz에서 확인합니다"
    assert expected in notice.text.text()
    qtbot.waitUntil(lambda: window.services.up, timeout=10_000)
    assert context.validator.catalogs == ["musicbrainz"]
    for width, height in SIZES:
        window.resize(width, height)
        save_png(window, qtbot, artifacts_dir, f"{lang}-home-not-checked-{width}x{height}")
    qtbot.mouseClick(notice.open_settings, Qt.MouseButton.LeftButton)
    assert window.current_key == "settings"
    settings = window.screens["settings"]
    qtbot.waitUntil(lambda: settings.credentials.isEnabled())
    settings.credentials.client_id.setText(spotify.client_id)
    settings.credentials.client_secret.setText(spotify.client_secret)
    settings.save_button.click()
    qtbot.waitUntil(lambda: not window.checking_notice.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: context.validator.catalogs == ["spotify"], timeout=10_000)


# -- item 9: no keyring ------------------------------------------------------------------------------
def test_without_a_keyring_the_participant_joins_and_is_told_keys_last_this_session(qtbot, open_window, tmp_path, spotify,
                                                                                    artifacts_dir):
    keyring.set_keyring(fail.Keyring())
    window, context = open_window(lang="en")
    window.resize(1024, 700)
    first = window.first_run
    consent(qtbot, first, study_file(tmp_path, client_id=spotify.client_id))
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.credentials_page)
    form = first.credentials
    assert form.keyring_note.isVisibleTo(form) and "typed again at the next start" in form.keyring_note.text()
    save_png(window, qtbot, artifacts_dir, "en-credentials-no-keyring")
    form.api_key.setText("sk-session-only-key-9911")
    form.client_secret.setText(spotify.client_secret)
    qtbot.mouseClick(first.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: context.study is not None and window.nav is not None)
    assert get_secret(SecretName.SPOTIFY_CLIENT_SECRET) == spotify.client_secret  # works for this session
    for path in context.layout.root.rglob("*"):  # and is written nowhere
        if path.is_file():
            assert b"sk-session-only-key-9911" not in path.read_bytes(), path
    # the next start: the keys are gone, and Home says what to do
    forget_session_secrets()
    window.checking_notice.refresh()
    qtbot.waitUntil(lambda: window.checking_notice.isVisible())
    text = window.checking_notice.text.text()
    assert "client secret is missing" in text and "no password store" in text and "typed again" in text
    save_png(window, qtbot, artifacts_dir, "en-home-no-keyring")


def test_a_study_file_with_keys_joins_without_a_keyring(qtbot, open_window, tmp_path):
    keyring.set_keyring(fail.Keyring())
    window, context = open_window(lang="en")
    first = window.first_run
    consent(qtbot, first, study_file(tmp_path, client_id="id", client_secret="secret-in-file", api_key="sk-in-the-file-1234"))
    qtbot.waitUntil(lambda: context.study is not None, timeout=10_000)
    assert context.study.study.llm.api_key == "sk-in-the-file-1234"  # usable for this session
    assert get_secret(SecretName.STUDY_LLM_API_KEY) == "sk-in-the-file-1234"
    assert "sk-in-the-file-1234" not in context.study.enrolment.study_text  # the database keeps no key


# -- item 10: the participant's language -------------------------------------------------------------
def test_joining_a_korean_study_keeps_the_english_interface(qtbot, open_window, tmp_path, monkeypatch):
    window, context = open_window()  # no language chosen: this computer's (English here)
    assert window.language == "en" and context.settings.ui_language == ""
    first = window.first_run
    first.open_file(study_file(tmp_path, language="ko"))
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.consent_page)
    assert "three weeks" in first.consent_text.toPlainText()  # the study has English text: shown in English
    assert first.study_name.text() == "Design your own music recommender"
    first.consent_box.setChecked(True)
    first.code.setText("P1")
    first.consent_next.click()
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.credentials_page)
    first.join_button.click()
    qtbot.waitUntil(lambda: context.study is not None and window.nav is not None)
    assert window.language == "en" and context.settings.ui_language == "en"
    assert window.nav.item(0).text() == "Home"
    assert '"ui_language": "en"' in context.layout.settings_file.read_text(encoding="utf-8")


def test_the_language_chosen_on_the_welcome_page_is_kept(qtbot, open_window, tmp_path, artifacts_dir):
    window, context = open_window()
    window.resize(1024, 700)
    first = window.first_run
    first.language.setCurrentIndex(1)
    first.language.activated.emit(1)  # 한국어, as a click in the list does
    qtbot.waitUntil(lambda: window.first_run is not first)
    assert window.language == "ko" and context.settings.ui_language == "ko"
    first = window.first_run
    assert first.open_button.text() == QApplication.translate("FirstRunView", "&Open study file…") != "&Open study file…"
    save_png(window, qtbot, artifacts_dir, "ko-welcome")
    first.open_file(study_file(tmp_path, language="en"))
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.consent_page)
    assert "3주" in first.consent_text.toPlainText()  # an English study, its Korean text
    first.consent_box.setChecked(True)
    first.code.setText("P2")
    first.consent_next.click()
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.credentials_page)
    first.join_button.click()
    qtbot.waitUntil(lambda: context.study is not None and window.nav is not None)
    assert window.language == "ko" and window.nav.item(0).text() == "홈"


# -- item 25: Qt's file dialog ---------------------------------------------------------------------------
def test_the_file_dialog_speaks_korean(qtbot):
    install_language("ko")
    try:
        dialog = QFileDialog(None, "열기", str(Path.home()), "*.toml")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"] == "다음에서 찾기(&L):"
        assert labels["fileTypeLabel"] == "파일 형식(&T):"
        assert labels["fileNameLabel"] == "파일 이름(&N):"
        dialog.close()
    finally:
        install_language("en")


def test_the_study_file_dialog_opens_in_documents(qtbot, open_window, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "Pictures").mkdir()
    monkeypatch.setenv("HOME", str(home))
    (tmp_path / "xdg-config").mkdir(exist_ok=True)
    (tmp_path / "xdg-config" / "user-dirs.dirs").write_text(
        'XDG_DOCUMENTS_DIR="$HOME/Documents"\nXDG_PICTURES_DIR="$HOME/Pictures"\n', encoding="utf-8")
    from diaryrec.ui.file_dialogs import documents_folder, pictures_folder

    assert Path(documents_folder()) == home / "Documents" and Path(pictures_folder()) == home / "Pictures"
    window, _ = open_window(lang="en")
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda parent, title, folder, filters: (asked.append(folder), ("", ""))[1])
    qtbot.mouseClick(window.first_run.open_button, Qt.MouseButton.LeftButton)
    assert asked == [str(home / "Documents")]


# -- item 33: the consent page -----------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_consent_box_fits_its_text_and_a_given_code_needs_no_hint(qtbot, open_window, tmp_path, artifacts_dir, lang):
    window, _ = open_window(lang=lang)
    first = window.first_run
    for width, height in SIZES:
        window.resize(width, height)
        first.open_file(study_file(tmp_path, code="P42"))
        qtbot.waitUntil(lambda: first.pages.currentWidget() is first.consent_page)
        qtbot.wait(50)
        box = first.consent_text
        document_height = box.document().size().height()
        assert box.height() <= max(box.MIN_HEIGHT, document_height + 24)  # no box of empty space under the text
        assert box.verticalScrollBar().maximum() == 0  # and the whole short text shows
        assert first.code.text() == "P42" and not first.code_hint.isVisible()
        save_png(window, qtbot, artifacts_dir, f"{lang}-consent-{width}x{height}")
        first.consent_back.click()
    first.open_file(study_file(tmp_path))
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.consent_page)
    assert first.code.text() == "" and first.code_hint.isVisible()
    first.code.setText("P7")
    assert not first.code_hint.isVisible()
    first.consent_back.click()
    first.choose_sandbox()
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.consent_page and first.code.text() == "SANDBOX")
    assert not first.code_hint.isVisible()
