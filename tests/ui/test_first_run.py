"""The first run: a study file (dialog path, drag and drop) or the sandbox,
consent required, the participant code, credentials stored in the keyring only."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlmodel import select

from diaryrec.protocol import default_study_path
from diaryrec.sandbox.http import LoopbackServer, Request, Response
from diaryrec.secrets import SERVICE
from diaryrec.store.models import Enrolment


class FakeProvider(LoopbackServer):
    def handle(self, request: Request) -> Response:
        if request.headers.get("authorization") != "Bearer sk-participant-key-0042":
            return Response.json({"error": {"message": "Incorrect API key"}}, status=401)
        return Response.json({"object": "list", "data": [{"id": "gpt-4o-mini", "object": "model", "created": 0, "owned_by": "x"}]})


def _study_file(tmp_path: Path, code: str = "", language: str = "en") -> Path:
    text = default_study_path().read_text(encoding="utf-8")
    text = text.replace('participant_code = ""', f'participant_code = "{code}"').replace('language = "ko"', f'language = "{language}"')
    path = tmp_path / "pilot.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_sandbox_joins_the_default_study_in_sandbox_mode(qtbot, open_window):
    window, context = open_window(lang="en")
    first = window.first_run
    qtbot.mouseClick(first.sandbox_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.consent_page)
    assert "(sandbox)" in first.study_name.text()
    assert first.code.text() == "SANDBOX"
    assert not first.consent_next.isEnabled()  # consent first
    first.consent_box.setChecked(True)
    assert first.consent_next.isEnabled()
    qtbot.mouseClick(first.consent_next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: context.study is not None and window.nav is not None)
    assert context.sandbox and context.study.enrolment.sandbox
    assert context.study.enrolment.study_id == "yun-lim-2025"
    assert window.current_key == "home" and "(sandbox)" in window.windowTitle()
    with context.store.session() as session:
        assert session.exec(select(Enrolment)).one().participant_code == "SANDBOX"


def test_consent_is_required(qtbot, open_window, tmp_path):
    window, context = open_window(lang="en")
    first = window.first_run
    first.open_file(_study_file(tmp_path, code="P42"))
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.consent_page)
    assert first.code.text() == "P42" and first.code.isReadOnly()
    assert not first.consent_next.isEnabled()
    first._consented()  # even if something calls it, nothing is joined without the box ticked
    first.join(None)
    qtbot.wait(100)
    assert context.study is None
    assert first.pages.currentWidget() is first.consent_page


def test_study_file_with_credentials_stored_masked_in_the_keyring(qtbot, open_window, tmp_path, memory_keyring):
    window, context = open_window(lang="en")
    first = window.first_run
    first.open_file(_study_file(tmp_path))
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.consent_page)
    assert first.study_name.text() == "Design your own music recommender"
    assert "Study team <study@example.org>" in first.researcher.text()
    assert "three weeks" in first.consent_text.toPlainText()
    assert not first.code.isReadOnly() and first.code.text() == ""
    first.consent_box.setChecked(True)
    assert not first.consent_next.isEnabled()  # a participant code is needed too
    qtbot.keyClicks(first.code, "P ")
    # Hangul arrives through the input method as a committed string, as a Korean IME sends it
    first.code.setFocus()
    QApplication.sendEvent(first.code, QInputMethodEvent("", []))
    commit = QInputMethodEvent()
    commit.setCommitString("연구")
    QApplication.sendEvent(first.code, commit)
    qtbot.keyClicks(first.code, "-07")
    qtbot.mouseClick(first.consent_next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.credentials_page)

    form = first.credentials
    key = "sk-participant-key-0042"
    with FakeProvider() as fake:
        form.base_url.setText(f"{fake.base_url}/v1")
        form.model.setText("gpt-4o-mini")
        qtbot.keyClicks(form.api_key, key)
        assert form.api_key.echoMode() is QLineEdit.EchoMode.Password
        assert key not in form.api_key.displayText()
        qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: form.test_button.isEnabled() and "Language model" in form.result.text())
    assert "Language model: works." in form.result.text()
    assert "Spotify: not set up" in form.result.text()

    qtbot.mouseClick(first.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: context.study is not None)
    assert context.study.enrolment.participant_code == "P 연구-07"
    assert memory_keyring.store[(SERVICE, "llm_api_key")] == key
    # the key lives in the keyring only: not in the settings file, not in the database
    assert key not in context.layout.settings_file.read_text(encoding="utf-8")
    assert key.encode() not in context.layout.database.read_bytes()
    assert context.settings.llm_base_url == f"{fake.base_url}/v1"
    # shown masked afterwards: Settings shows the last four characters at most
    window.show_screen("settings")
    settings_form = window.screens["settings"].credentials
    qtbot.waitUntil(lambda: settings_form.isEnabled() and "stored" in settings_form.api_key.placeholderText())
    assert settings_form.api_key.placeholderText().startswith("stored: ••••••••0042")
    assert settings_form.api_key.text() == ""


def test_a_wrong_key_is_reported_in_plain_words(qtbot, open_window, tmp_path):
    window, _ = open_window(lang="en")
    first = window.first_run
    first.open_file(_study_file(tmp_path, code="P1"))
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.consent_page)
    first.consent_box.setChecked(True)
    first.consent_next.click()
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.credentials_page)
    form = first.credentials
    with FakeProvider() as fake:
        form.base_url.setText(f"{fake.base_url}/v1")
        form.api_key.setText("sk-wrong")
        form.test_button.click()
        qtbot.waitUntil(lambda: form.test_button.isEnabled() and form.result.text() != "Testing…")
    assert "Language model: refused the key" in form.result.text()


def test_study_file_dropped_on_the_window(qtbot, open_window, tmp_path):
    window, _ = open_window(lang="en")
    first = window.first_run
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(_study_file(tmp_path, code="P9")))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    first.dropEvent(event)
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.consent_page)
    assert first.code.text() == "P9"


def test_a_broken_study_file_is_explained(qtbot, open_window, tmp_path):
    window, context = open_window(lang="en")
    broken = tmp_path / "broken.toml"
    broken.write_text(_study_file(tmp_path).read_text(encoding="utf-8").replace('time_zone = ""', 'time_zone = "Mars/Olympus"'), encoding="utf-8")
    window.first_run.open_file(broken)
    qtbot.waitUntil(lambda: window.first_run.choose_error.text() != "")
    assert "broken.toml, line" in window.first_run.choose_error.text()
    assert "Mars/Olympus" in window.first_run.choose_error.text()
    assert context.study is None


def test_joining_starts_the_services_off_the_gui_thread(qtbot, open_window):
    """The sandbox's fakes take about a second to start: joining hands that to a worker,
    and whoever needs the recommender meanwhile waits for its ready signal."""
    import threading

    window, context = open_window(lang="en")
    started_on: list[bool] = []
    real_build = context.build_services

    def recording_build():  # noqa: ANN202
        started_on.append(threading.current_thread() is threading.main_thread())
        return real_build()

    context.build_services = recording_build  # type: ignore[method-assign]
    first = window.first_run
    qtbot.mouseClick(first.sandbox_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.consent_page)
    first.consent_box.setChecked(True)
    qtbot.mouseClick(first.consent_next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: context.study is not None and window.nav is not None)
    qtbot.waitUntil(lambda: window.services.up, timeout=15_000)  # the ready signal, not a wait on this thread
    assert context.turns is not None and context.llm.config.sandbox
    assert started_on == [False]  # once, on a worker
