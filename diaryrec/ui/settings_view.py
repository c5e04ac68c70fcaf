"""Settings: the language model and Spotify (with the catalogs in use), the daily reminder, the interface
language, the data folder, and the export for the research team."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from diaryrec.secrets import Keeping, keyring_available
from diaryrec.services.own_settings import keep_what_differs
from diaryrec.settings import Settings
from diaryrec.runtime.context import AppContext
from diaryrec.ui.credentials import CredentialsForm, store_secrets
from diaryrec.runtime.data_location import choose_data_dir
from diaryrec.ui.errors import error_text
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.widgets import page_scroll
from diaryrec.vocabulary import LANGUAGES as STUDY_LANGUAGES
from diaryrec.ui.screen import Screen
from diaryrec.ui.controls import ComboBox, TimeEdit

LANGUAGES = ["", *STUDY_LANGUAGES]  # "": follow the study


class SettingsView(QWidget, Screen):
    language_changed = Signal(str)
    reminders_changed = Signal()
    saved = Signal()

    def __init__(self, context: AppContext, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.tasks = context, tasks
        self.setObjectName("settingsView")

        title = QLabel(self.tr("Settings"))
        title.setObjectName("screenTitle")
        self.credentials = CredentialsForm(tasks)
        self.sandbox_note = QLabel(self.tr("You are in the sandbox: scripted stand-ins answer instead of the provider, Spotify and MusicBrainz, so these settings are not used until you join a real study."))
        self.sandbox_note.setObjectName("sandboxNote")
        self.sandbox_note.setWordWrap(True)
        self.sandbox_note.setVisible(context.sandbox)

        self.reminders_enabled = QCheckBox(self.tr("Show a &daily reminder"))
        self.reminder_time = TimeEdit()
        self.reminder_time.setDisplayFormat("HH:mm")
        self.reminder_time.setMaximumWidth(120)
        self.reminder_time.setAccessibleName(self.tr("Reminder time"))
        self.reminders_enabled.toggled.connect(self.reminder_time.setEnabled)
        reminder_box = QGroupBox(self.tr("Reminder"))
        reminder_form = QFormLayout(reminder_box)
        reminder_form.addRow(self.reminders_enabled)
        reminder_form.addRow(self.tr("Remind me at"), self.reminder_time)

        self.language = ComboBox()
        self.language.addItem(self.tr("Same as the study"), "")
        self.language.addItem("English", "en")
        self.language.addItem("한국어", "ko")
        self.language.setAccessibleName(self.tr("Interface language"))
        language_box = QGroupBox(self.tr("Interface language"))
        language_form = QFormLayout(language_box)
        language_form.addRow(self.tr("&Language"), self.language)

        self.data_folder = QLabel(str(context.layout.root))
        self.data_folder.setWordWrap(True)
        self.data_folder.setAccessibleName(self.tr("Data folder"))
        open_folder = QPushButton(self.tr("Show f&older"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(context.layout.root))))
        self.move_folder = QPushButton(self.tr("Use another folder…"))
        self.move_folder.clicked.connect(self.choose_folder)
        self.folder_note = QLabel()
        self.folder_note.setWordWrap(True)
        self.folder_note.setObjectName("screenSubtitle")
        self.export_button = QPushButton(self.tr("&Export my data…"))
        self.export_button.setToolTip(self.tr("Write your study data into one zip file for the research team"))
        data_box = QGroupBox(self.tr("Your data"))
        data_layout = QVBoxLayout(data_box)
        data_layout.addWidget(QLabel(self.tr("Data folder (database, screenshots, log):")))
        data_layout.addWidget(self.data_folder)
        row = QHBoxLayout()
        row.addWidget(open_folder)
        row.addWidget(self.move_folder)
        row.addWidget(self.export_button)
        row.addStretch(1)
        data_layout.addLayout(row)
        data_layout.addWidget(self.folder_note)

        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("&Undo changes"))
        self.revert_button.clicked.connect(self.load)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("screenSubtitle")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        inner = QWidget()
        inner.setObjectName("settingsInner")
        inner.setMaximumWidth(880)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        for widget in (title, self.sandbox_note, self.credentials, reminder_box, language_box, data_box):
            layout.addWidget(widget)
        layout.addStretch(1)
        scroll = page_scroll(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        bottom = QWidget()
        bottom.setObjectName("buttonBar")
        bottom.setLayout(buttons)
        buttons.setContentsMargins(32, 8, 32, 16)
        outer.addWidget(bottom)
        self.credentials.setEnabled(False)  # filled by screen_shown: no keyring access before it is needed

    def screen_shown(self) -> None:
        self.load()

    def load(self) -> None:
        """Show what is stored; the keys come from the keyring in a worker (an OS
        keyring may take a moment, or ask the participant to unlock it)."""
        s = self.context.settings
        self.load_credentials()
        self.reminders_enabled.setChecked(s.reminders_enabled)
        self.reminder_time.setEnabled(s.reminders_enabled)
        self.reminder_time.setTime(QTime.fromString(s.reminder_time or "20:00", "HH:mm"))
        self.language.setCurrentIndex(LANGUAGES.index(s.ui_language))
        self.status.clear()

    def load_credentials(self) -> None:
        context = self.context
        self.credentials.setEnabled(False)
        self.tasks.run(
            lambda: (context.llm_config(), context.spotify_config(), keyring_available(), context.catalog_plan()),
            on_done=self._credentials_loaded,
            on_error=lambda exc: self.status.setText(self.tr("The stored keys could not be read: {error}").format(error=error_text(exc))),
        )

    def _credentials_loaded(self, configs: tuple) -> None:  # type: ignore[type-arg]
        self.credentials.spotify_token_url = self.context.spotify_token_url  # the sandbox's fake, when it runs
        active = self.context.study
        self.credentials.contact = active.study.study.researcher.email if active is not None else ""
        llm, spotify, keyring, catalogs = configs
        self.credentials.load(llm, spotify, keyring)
        self.credentials.show_catalogs(catalogs.names)
        self.credentials.setEnabled(True)

    def updated_settings(self) -> Settings:
        """The settings as the form shows them (values equal to the study file's are
        left empty, so the study's own values keep applying)."""
        v = self.credentials.values()
        active = self.context.study
        study = active.study if active else None
        s = keep_what_differs(self.context.settings, study, llm_base_url=v.base_url, llm_model=v.model,
                              spotify_client_id=v.spotify_client_id, market=v.market)
        s.reminders_enabled = self.reminders_enabled.isChecked()
        s.reminder_time = self.reminder_time.time().toString("HH:mm")
        s.ui_language = self.language.currentData()
        return s

    def save(self) -> None:
        try:
            new = self.updated_settings()
        except ValueError as exc:  # pydantic says which value is wrong
            self.status.setText(self.tr("Not saved: {error}").format(error=error_text(exc)))
            return
        old = self.context.settings
        values = self.credentials.values()
        self.save_button.setEnabled(False)
        language_changed = new.ui_language != old.ui_language
        reminders_changed = (new.reminder_time, new.reminders_enabled) != (old.reminder_time, old.reminders_enabled)
        self.context.settings = new
        context = self.context

        def work() -> Keeping | None:
            kept = store_secrets(values)
            context.save_settings()
            return kept

        def done(kept: Keeping | None) -> None:
            self.save_button.setEnabled(True)
            if kept is Keeping.SESSION:
                self.status.setText(self.tr("Settings saved. The keys are kept only until diaryrec closes: "
                                            "this computer has no password store (keyring)."))
            else:
                self.status.setText(self.tr("Settings saved."))
            self.saved.emit()
            self.load_credentials()
            if reminders_changed:
                self.reminders_changed.emit()
            if language_changed:
                self.language_changed.emit(self.context.language)

        def failed(exc: BaseException) -> None:
            self.context.settings = old
            self.save_button.setEnabled(True)
            self.status.setText(self.tr("Not saved: {error}").format(error=error_text(exc)))

        self.tasks.run(work, on_done=done, on_error=failed)

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Choose the data folder"), str(self.context.layout.root))
        if name:
            self.use_folder(Path(name))

    def use_folder(self, folder: Path) -> None:
        self.tasks.run(choose_data_dir, folder, on_done=lambda _: self._folder_chosen(folder), on_error=self._folder_failed)

    def _folder_chosen(self, folder: Path) -> None:
        self.folder_note.setText(
            self.tr(
                "diaryrec will use {folder} from the next start. Your data stays where it is now; "
                "to take it along, copy the whole folder there while diaryrec is closed."
            ).format(folder=folder)
        )

    def _folder_failed(self, exc: BaseException) -> None:
        self.folder_note.setText(self.tr("The folder could not be remembered: {error}").format(error=error_text(exc)))
