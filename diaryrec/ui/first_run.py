"""The first run: open the study file (dialog or drag and drop) or try the sandbox;
read the consent text and agree; the participant code; the LLM and Spotify
credentials the study file does not carry. Ends by joining the study."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from diaryrec.errors import UserError
from diaryrec.ui.errors import error_text
from diaryrec.ui.file_dialogs import documents_folder
from diaryrec.ui.i18n import interface_language
from diaryrec.vocabulary import CatalogId
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.widgets import page_scroll
from diaryrec.ui.controls import ComboBox

if TYPE_CHECKING:  # the study file's models, the store and the keyring load when first needed (see attach)
    from diaryrec.protocol import LoadedStudy
    from diaryrec.services.study import ActiveStudy
    from diaryrec.runtime.context import AppContext
    from diaryrec.ui.credentials import CredentialValues

SANDBOX_CODE = "SANDBOX"
INTERFACE_LANGUAGES = (("en", "English"), ("ko", "한국어"))  # each in its own language


class ConsentText(QTextBrowser):
    """The consent text, as tall as its text (no box of empty space under a short
    consent), scrolling only past ``MAX_HEIGHT``."""

    MIN_HEIGHT, MAX_HEIGHT = 48, 360

    def setPlainText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setPlainText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        document = self.document()
        document.setTextWidth(self.viewport().width())
        frame = self.frameWidth() * 2 + int(document.documentMargin())
        wanted = int(document.size().height()) + frame + 2
        height = max(self.MIN_HEIGHT, min(self.MAX_HEIGHT, wanted))
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)


class FirstRunView(QWidget):
    joined = Signal(object)  # ActiveStudy
    language_chosen = Signal(str)  # "en" | "ko": the participant picked the interface language

    def __init__(self, context: AppContext | None, tasks: TaskRunner, parent: QWidget | None = None):
        """``context`` may come later (``attach``): at start-up the welcome page is
        painted before the store is open; a study file opened meanwhile is shown
        once it is."""
        super().__init__(parent)
        self.context, self.tasks = context, tasks
        self._waiting: list[Callable[[], None]] = []
        self.setObjectName("firstRun")
        self.setWindowTitle(self.tr("Join a study"))
        self.setAcceptDrops(True)
        self.loaded: LoadedStudy | None = None
        self.sandbox = False
        self.pages = QStackedWidget()
        self.choose_page = self._build_choose()
        self.consent_page = self._build_consent()
        self.credentials_page: QWidget | None = None  # built when a study file lacks the keys
        for page in (self.choose_page, self.consent_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def attach(self, context: AppContext) -> None:
        self.context = context
        self.language.setEnabled(True)
        waiting, self._waiting = self._waiting, []
        for call in waiting:
            call()

    # -- pages -----------------------------------------------------------------
    @staticmethod
    def _page(*widgets: QWidget | QHBoxLayout) -> QWidget:
        inner = QFrame()
        inner.setObjectName("card")
        inner.setMaximumWidth(760)
        box = QVBoxLayout(inner)
        box.setSpacing(12)
        for item in widgets:
            if isinstance(item, QHBoxLayout):
                box.addLayout(item)
            else:
                box.addWidget(item)
        holder = QWidget()
        holder.setObjectName("pageHolder")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(inner, 8)
        row.addStretch(1)
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addLayout(row)
        outer.addStretch(1)  # the card as tall as its content, at the top
        scroll = page_scroll(holder)
        return scroll

    def _build_choose(self) -> QWidget:
        heading = QLabel(self.tr("Welcome to diaryrec"))
        heading.setObjectName("screenTitle")
        text = QLabel(
            self.tr(
                "diaryrec runs a three-week diary study in which you design your own music recommender. "
                "To begin, open the study file your research team sent you."
            )
        )
        text.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open study file…"))
        self.open_button.setObjectName("primaryButton")
        self.open_button.clicked.connect(self.choose_file)
        drop = QLabel(self.tr("…or drop the study file (.toml) anywhere on this window."))
        drop.setObjectName("dropHint")
        drop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sandbox_button = QPushButton(self.tr("Try the &sandbox (offline, scripted)"))
        self.sandbox_button.clicked.connect(self.choose_sandbox)
        sandbox_text = QLabel(
            self.tr(
                "The sandbox joins the built-in example study for trying diaryrec out. Nothing is sent anywhere: "
                "the replies come from a script, not from an AI, and are labelled so."
            )
        )
        sandbox_text.setWordWrap(True)
        sandbox_text.setObjectName("screenSubtitle")
        self.choose_error = QLabel()
        self.choose_error.setObjectName("errorText")
        self.choose_error.setWordWrap(True)
        self.choose_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the participant's choice, kept after joining (the study's language does not change it)
        self.language = ComboBox()
        for code, name in INTERFACE_LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(1 if interface_language() == "ko" else 0)
        self.language.setAccessibleName(self.tr("Interface language"))
        self.language.setEnabled(self.context is not None)  # a change rebuilds the page: once the store is open
        self.language.activated.connect(lambda index: self.language_chosen.emit(self.language.itemData(index)))
        language_label = QLabel(self.tr("&Language · 언어"))  # readable whichever language is on screen
        language_label.setBuddy(self.language)
        language_row = QHBoxLayout()
        language_row.addStretch(1)
        language_row.addWidget(language_label)
        language_row.addWidget(self.language)
        return self._page(language_row, heading, text, self.open_button, drop, self.choose_error, self.sandbox_button, sandbox_text)

    def _build_consent(self) -> QWidget:
        self.study_name = QLabel()
        self.study_name.setObjectName("screenTitle")
        self.study_name.setWordWrap(True)
        self.researcher = QLabel()
        self.researcher.setObjectName("screenSubtitle")
        self.researcher.setWordWrap(True)
        self.researcher.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        consent_heading = QLabel(self.tr("Consent"))
        consent_heading.setObjectName("cardHeading")
        self.consent_text = ConsentText()
        self.consent_text.setAccessibleName(self.tr("Consent text"))
        self.consent_box = QCheckBox(self.tr("I have read the text above and &agree to take part."))
        self.consent_box.toggled.connect(self._update_consent_buttons)
        self.code = QLineEdit()
        self.code.setMaxLength(64)
        self.code.setAccessibleName(self.tr("Participant code"))
        self.code.textChanged.connect(self._update_consent_buttons)
        self.code.textChanged.connect(lambda text: self.code_hint.setVisible(not text.strip()))
        self.code.returnPressed.connect(lambda: self.consent_next.isEnabled() and self._consented())
        self.code_hint = QLabel()
        self.code_hint.setObjectName("screenSubtitle")
        self.code_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Participant code"), self.code)
        form_holder = QWidget()
        form_holder.setLayout(form)
        self.consent_back = QPushButton(self.tr("&Back"))
        self.consent_back.clicked.connect(lambda: self.pages.setCurrentWidget(self.choose_page))
        self.consent_next = QPushButton(self.tr("&Continue"))
        self.consent_next.setObjectName("primaryButton")
        self.consent_next.setEnabled(False)
        self.consent_next.setDefault(True)
        self.consent_next.clicked.connect(self._consented)
        self.consent_error = QLabel()
        self.consent_error.setObjectName("errorText")
        self.consent_error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.consent_back)
        row.addStretch(1)
        row.addWidget(self.consent_next)
        return self._page(
            self.study_name, self.researcher, consent_heading, self.consent_text, self.consent_box,
            form_holder, self.code_hint, self.consent_error, row,
        )

    def _build_credentials(self) -> QWidget:
        from diaryrec.ui.credentials import CredentialsForm  # the keyring: imported when needed

        heading = QLabel(self.tr("Connect the language model and Spotify"))
        heading.setObjectName("screenTitle")
        text = QLabel(
            self.tr(
                "Your study file does not include these. Enter what your research team gave you; "
                "keys are kept in this computer's password store (keyring), never in the study data. "
                "You can change them later in Settings."
            )
        )
        text.setWordWrap(True)
        self.credentials = CredentialsForm(self.tasks)
        self.credentials_back = QPushButton(self.tr("&Back"))
        self.credentials_back.clicked.connect(lambda: self.pages.setCurrentWidget(self.consent_page))
        self.join_button = QPushButton(self.tr("&Join the study"))
        self.join_button.setObjectName("primaryButton")
        self.join_button.clicked.connect(self._join_with_credentials)
        self.credentials_error = QLabel()
        self.credentials_error.setObjectName("errorText")
        self.credentials_error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.credentials_back)
        row.addStretch(1)
        row.addWidget(self.join_button)
        return self._page(heading, text, self.credentials, self.credentials_error, row)

    # -- choosing a study ------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open the study file"), documents_folder(), self.tr("Study files (*.toml);;All files (*)")
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        from diaryrec.protocol import load_study_file

        self.choose_error.clear()
        self.tasks.run(load_study_file, path, on_done=lambda loaded: self.show_study(loaded, sandbox=False), on_error=self._load_failed)

    def choose_sandbox(self) -> None:
        from diaryrec.protocol import load_default_study

        self.choose_error.clear()
        self.tasks.run(load_default_study, on_done=lambda loaded: self.show_study(loaded, sandbox=True), on_error=self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        message = error_text(exc) if isinstance(exc, UserError) else self.tr("The file could not be opened ({error}).").format(error=error_text(exc))
        self.choose_error.setText(self.tr("This study file cannot be used: {message}").format(message=message))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self.pages.currentWidget() is self.choose_page and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_file(files[0])

    def study_language(self) -> str:
        """The study's texts are shown in the interface language where the study has
        them (``LocalText.get`` falls back to another language where it has not)."""
        return interface_language()

    def show_study(self, loaded: LoadedStudy, *, sandbox: bool) -> None:
        if self.context is None:  # opened in the first half second: shown once the store is open
            self._waiting.append(lambda: self.show_study(loaded, sandbox=sandbox))
            return
        self.loaded, self.sandbox = loaded, sandbox
        info = loaded.study.study
        lang = self.study_language()
        name = info.name.get(lang)
        self.study_name.setText(self.tr("{name} (sandbox)").format(name=name) if sandbox else name)
        contact = " ".join(x for x in (info.researcher.name, f"<{info.researcher.email}>" if info.researcher.email else "") if x)
        self.researcher.setText(self.tr("Researcher: {contact}").format(contact=contact or self.tr("not given")))
        self.consent_text.setPlainText(info.consent.get(lang))
        self.consent_box.setChecked(False)
        self.code_hint.setText(self.tr("Enter the participant code the research team gave you."))
        if info.participant_code:
            self.code.setText(info.participant_code)
            self.code.setReadOnly(True)
            self.code.setToolTip(self.tr("Your participant code comes with the study file."))
        else:
            self.code.setReadOnly(False)
            self.code.setToolTip("")
            self.code.setText(SANDBOX_CODE if sandbox else "")
        self.code_hint.setVisible(not self.code.text().strip())  # a pre-filled code needs no hint
        self.consent_error.clear()
        self._update_consent_buttons()
        self.pages.setCurrentWidget(self.consent_page)
        self.consent_box.setFocus()

    def _update_consent_buttons(self) -> None:
        self.consent_next.setEnabled(self.consent_box.isChecked() and bool(self.code.text().strip()))

    def needs_credentials(self) -> bool:
        if self.sandbox or self.loaded is None:
            return False
        study = self.loaded.study
        spotify_wanted = not study.catalog.providers or CatalogId.SPOTIFY in study.catalog.providers
        return not study.llm.api_key or (spotify_wanted and not (study.catalog.client_id and study.catalog.client_secret))

    def _consented(self) -> None:
        if not self.consent_box.isChecked():
            return  # consent is required: the button is disabled, and this guards shortcuts
        if self.needs_credentials():
            from diaryrec.catalog.credentials import resolve_credentials
            from diaryrec.secrets import keyring_available
            from diaryrec.services.connection import resolve_llm_config

            study = self.loaded.study if self.loaded else None
            settings = self.context.settings
            self.consent_next.setEnabled(False)
            self.tasks.run(  # the study's values pre-filled: the same one rule the validator follows
                lambda: (resolve_llm_config(settings, study),
                         resolve_credentials(study_catalog=study.catalog if study else None, settings=settings),
                         keyring_available()),
                on_done=self._show_credentials,
                on_error=self._join_failed,
            )
            return
        self.join(None)

    def _show_credentials(self, configs: tuple) -> None:  # type: ignore[type-arg]
        if self.credentials_page is None:
            self.credentials_page = self._build_credentials()
            self.pages.addWidget(self.credentials_page)
        self._update_consent_buttons()
        self.credentials.spotify_token_url = self.context.spotify_token_url  # the one tester, asking where the validator asks
        self.credentials.contact = self.loaded.study.study.researcher.email if self.loaded else ""
        self.credentials.load(*configs)
        self.pages.setCurrentWidget(self.credentials_page)
        self.credentials.base_url.setFocus()

    def _join_with_credentials(self) -> None:
        self.join(self.credentials.values())

    # -- joining ---------------------------------------------------------------
    def join(self, values: CredentialValues | None) -> None:
        loaded = self.loaded
        if loaded is None or not self.consent_box.isChecked():
            return
        if values is not None:
            from diaryrec.services.own_settings import keep_what_differs

            try:  # only what differs from the study file, so a corrected study file still applies
                settings = keep_what_differs(self.context.settings, loaded.study, llm_base_url=values.base_url, llm_model=values.model,
                                             spotify_client_id=values.spotify_client_id, market=values.market)
            except ValueError:
                self.credentials_error.setText(
                    self.tr("Please check the fields: the address must start with http:// or https://, the market is two letters.")
                )
                return
            self.context.settings = settings
        if not self.context.settings.ui_language:
            # the language the participant used to join stays: joining a study in another language changes nothing
            self.context.settings.ui_language = interface_language()  # type: ignore[assignment]
        if self.credentials_page is not None:
            self.join_button.setEnabled(False)
        self.consent_next.setEnabled(False)
        store, code, now, sandbox, context = self.context.store, self.code.text().strip(), self.context.now(), self.sandbox, self.context

        def work() -> ActiveStudy:
            from diaryrec.services.study import join_study
            from diaryrec.ui.credentials import store_secrets

            if values is not None:
                store_secrets(values)
            context.save_settings()
            return join_study(store, loaded, code, now=now, sandbox=sandbox)

        self.tasks.run(work, on_done=self.joined.emit, on_error=self._join_failed)

    def _join_failed(self, exc: BaseException) -> None:
        if self.credentials_page is not None:
            self.join_button.setEnabled(True)
        self._update_consent_buttons()
        message = error_text(exc) if isinstance(exc, UserError) else self.tr("Joining failed ({error}).").format(error=error_text(exc))
        target = self.credentials_error if self.pages.currentWidget() is self.credentials_page else self.consent_error
        target.setText(message)
