"""Settings saved and read back; the tray reminder shown once and logged."""

from PySide6.QtCore import QTime
from sqlmodel import select

from diaryrec.settings import load_settings
from diaryrec.store.models import Event
from diaryrec.runtime.data_location import chosen_data_dir

from ui_helpers import seoul


def test_settings_round_trip(qtbot, open_window, joined, memory_keyring, tmp_path):
    window, context = open_window(now=seoul(2, 12), lang="en")
    window.show_screen("settings")
    view = window.screens["settings"]
    form = view.credentials
    qtbot.waitUntil(form.isEnabled)
    assert form.base_url.text() == "https://api.openai.com/v1" and form.market.text() == "KR"  # from the study
    form.provider.setCurrentIndex(1)
    form.provider.activated.emit(1)  # as when picked by the participant
    assert form.base_url.text() == "http://localhost:11434/v1"
    form.model.setText("llama3.1:8b")
    form.api_key.setText("ollama-local-key-5678")
    form.client_id.setText("my-spotify-app")
    form.client_secret.setText("spotify-secret-abcd")
    form.market.setText("US")
    view.reminder_time.setTime(QTime(21, 30))
    view.reminders_enabled.setChecked(True)
    view.save()
    qtbot.waitUntil(lambda: view.status.text() == "Settings saved.")

    stored = load_settings(context.layout.settings_file)
    assert (stored.llm_base_url, stored.llm_model, stored.spotify_client_id, stored.market, stored.reminder_time) == (
        "http://localhost:11434/v1", "llama3.1:8b", "my-spotify-app", "US", "21:30",
    )
    assert memory_keyring.store[("diaryrec", "llm_api_key")] == "ollama-local-key-5678"
    assert memory_keyring.store[("diaryrec", "spotify_client_secret")] == "spotify-secret-abcd"
    assert "spotify-secret-abcd" not in context.layout.settings_file.read_text(encoding="utf-8")
    # read back: the form shows the stored values, the secrets only masked
    qtbot.waitUntil(lambda: form.api_key.text() == "" and "5678" in form.api_key.placeholderText())
    assert form.model.text() == "llama3.1:8b" and form.provider.currentIndex() == 1
    assert "ollama-local-key" not in form.api_key.placeholderText()
    assert form.client_secret.placeholderText().endswith("abcd (type to replace)")

    # values equal to the study file's are not copied into the settings
    form.base_url.setText("https://api.openai.com/v1")
    form.model.setText("gpt-4o-mini")
    view.save()
    qtbot.waitUntil(lambda: load_settings(context.layout.settings_file).llm_model == "")
    assert context.llm_config().base_url == "https://api.openai.com/v1"

    # another data folder is remembered for the next start
    view.use_folder(tmp_path / "elsewhere")
    qtbot.waitUntil(lambda: "next start" in view.folder_note.text())
    assert chosen_data_dir() == (tmp_path / "elsewhere").resolve()
    assert view.export_button.isEnabled() and view.export_button.toolTip()


def test_invalid_settings_are_refused_in_words(qtbot, open_window, joined):
    window, context = open_window(now=seoul(2, 12), lang="en")
    window.show_screen("settings")
    view = window.screens["settings"]
    qtbot.waitUntil(view.credentials.isEnabled)
    view.credentials.base_url.setText("api.openai.com")
    view.save()
    assert view.status.text().startswith("Not saved:")
    assert context.settings.llm_base_url == ""


def test_reminder_shown_once_a_day_and_logged(qtbot, open_window, joined):
    window, context = open_window(now=seoul(2, 20, 30), lang="en", reminders=True)
    controller = window.reminders
    shown: list[int] = []
    controller.reminded.connect(lambda day, _text: shown.append(day))
    # start() checks at once; the tray or not, the reminder is shown in the window too
    qtbot.waitUntil(lambda: shown == [1])
    assert "Day 1" in window.statusBar().currentMessage()
    controller.check_now()
    qtbot.wait(200)
    controller.check_now()
    qtbot.wait(200)
    assert shown == [1]
    with context.store.session() as session:
        events = session.exec(select(Event).where(Event.kind == "reminder_shown")).all()
    assert [e.detail["day"] for e in events] == [1]


def test_no_reminder_before_the_chosen_time(qtbot, open_window, joined):
    window, context = open_window(now=seoul(2, 19, 0), lang="en", reminders=True)
    shown: list[int] = []
    window.reminders.reminded.connect(lambda day, _text: shown.append(day))
    window.reminders.check_now()
    qtbot.waitUntil(lambda: not window.reminders._checking)
    assert shown == []


def test_export_my_data_writes_the_bundle(qtbot, open_window, joined, tmp_path):
    import zipfile

    window, context = open_window(now=seoul(2, 12), lang="en")
    assert window.export_action.isEnabled()
    out = tmp_path / "내보내기" / "bundle.zip"
    with qtbot.waitSignal(window.exporter.reported, timeout=20_000) as reported:
        window.exporter.export_to(out)
    text, ok = reported.args
    assert ok and str(out) in text
    with zipfile.ZipFile(out) as archive:
        assert "manifest.json" in archive.namelist()
    with context.store.session() as session:
        assert session.exec(select(Event).where(Event.kind == "export_made")).first() is not None
