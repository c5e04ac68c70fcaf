"""The LLM provider and Spotify credentials form, shared by the first run and the
settings screen: keys are typed into password fields, a stored key is shown only
masked, and "Test connection" reports in plain words what works and what does not."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from diaryrec.logs import register_secret
from diaryrec.catalog.credentials import SpotifyCredentials
from diaryrec.secrets import mask
from diaryrec.secrets import Keeping, SecretName, set_secret
from diaryrec.services.connection import (
    CONNECTION_CONTEXT,
    ConnectionReport,
    LlmConfig,
    check_llm,
    check_musicbrainz,
    check_spotify,
)
from diaryrec.ui.errors import error_text
from diaryrec.ui.tasks import TaskRunner
from diaryrec.ui.controls import ComboBox

PROVIDERS = [  # (key, base URL); the names are translated in _provider_names
    ("openai", "https://api.openai.com/v1"),
    ("ollama", "http://localhost:11434/v1"),
    ("lmstudio", "http://localhost:1234/v1"),
    ("other", ""),
]


@dataclass(frozen=True)
class CredentialValues:
    base_url: str
    model: str
    api_key: str  # "" keeps the stored key
    spotify_client_id: str
    spotify_secret: str  # "" keeps the stored secret
    market: str


def store_secrets(values: CredentialValues) -> Keeping | None:
    """Keep newly typed secrets in the keyring (run in a worker: some keyrings
    ask the OS and may take a moment). Empty fields keep what is stored. Returns
    where they went (``Keeping.SESSION``: this start only, no keyring), None when
    nothing was typed."""
    register_secret(values.api_key)
    register_secret(values.spotify_secret)
    kept: list[Keeping] = []
    if values.api_key:
        kept.append(set_secret(SecretName.LLM_API_KEY, values.api_key))
    if values.spotify_secret:
        kept.append(set_secret(SecretName.SPOTIFY_CLIENT_SECRET, values.spotify_secret))
    if not kept:
        return None
    return Keeping.SESSION if Keeping.SESSION in kept else Keeping.KEYRING


def session_only_note() -> str:
    """The plain sentence shown wherever keys are typed on a computer without a keyring."""
    return QCoreApplication.translate(
        "CredentialsForm",
        "This computer has no password store (keyring) that diaryrec can use. The keys you type here are kept "
        "only while diaryrec is open, never written to disk, and must be typed again at the next start.",
    )


class CredentialsForm(QWidget):
    tested = Signal(list)  # [ConnectionReport, ...]

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks = tasks
        #: the study's researcher e-mail, MusicBrainz's contact for "Test connection"
        self.contact = ""
        # the sandbox's loopback fake; None: where the validator asks (DIARYREC_SPOTIFY_TOKEN_URL, else Spotify's)
        self.spotify_token_url: str | None = None
        self._stored_key = ""
        self._stored_secret = ""
        self._key_from_study = False

        self.provider = ComboBox()
        for (key, _url), name in zip(PROVIDERS, self._provider_names()):
            self.provider.addItem(name, key)
        self.provider.setAccessibleName(self.tr("Provider"))
        self.provider.activated.connect(self._provider_chosen)
        self.base_url = QLineEdit()
        self.base_url.setAccessibleName(self.tr("Base URL"))
        self.base_url.setPlaceholderText("https://api.openai.com/v1")
        self.model = QLineEdit()
        self.model.setAccessibleName(self.tr("Model"))
        self.model.setPlaceholderText("gpt-4o-mini")
        self.api_key = QLineEdit()
        self.api_key.setObjectName("apiKey")
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setAccessibleName(self.tr("API key"))
        llm_box = QGroupBox(self.tr("Language model"))
        llm_form = QFormLayout(llm_box)
        llm_form.addRow(self.tr("&Provider"), self.provider)
        llm_form.addRow(self.tr("Base U&RL"), self.base_url)
        llm_form.addRow(self.tr("&Model"), self.model)
        llm_form.addRow(self.tr("API &key"), self.api_key)

        self.client_id = QLineEdit()
        self.client_id.setAccessibleName(self.tr("Spotify client ID"))
        self.client_secret = QLineEdit()
        self.client_secret.setObjectName("spotifySecret")
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.client_secret.setAccessibleName(self.tr("Spotify client secret"))
        self.market = QLineEdit()
        self.market.setAccessibleName(self.tr("Spotify market"))
        self.market.setMaxLength(2)
        self.market.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,2}"), self.market))
        self.market.textEdited.connect(lambda text: self.market.setText(text.upper()))
        spotify_box = QGroupBox(self.tr("Spotify (checks that recommended tracks exist)"))
        spotify_form = QFormLayout(spotify_box)
        spotify_form.addRow(self.tr("Client &ID"), self.client_id)
        spotify_form.addRow(self.tr("Client se&cret"), self.client_secret)
        spotify_form.addRow(self.tr("M&arket"), self.market)
        self.spotify_hint = QLabel()
        self.spotify_hint.setObjectName("screenSubtitle")
        self.spotify_hint.setWordWrap(True)
        self.spotify_hint.setVisible(False)
        spotify_form.addRow(self.spotify_hint)
        self.catalogs_line = QLabel()
        self.catalogs_line.setObjectName("catalogsInUse")
        self.catalogs_line.setWordWrap(True)
        self.catalogs_line.setVisible(False)
        spotify_form.addRow(self.catalogs_line)

        self.keyring_note = QLabel(session_only_note())
        self.keyring_note.setObjectName("sandboxNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setVisible(False)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.result = ResultLines()
        self.result.setAccessibleName(self.tr("Connection test result"))
        row = QHBoxLayout()
        row.addWidget(self.test_button, 0)
        row.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.keyring_note)
        layout.addWidget(llm_box)
        layout.addWidget(spotify_box)
        layout.addLayout(row)

    def _provider_names(self) -> list[str]:
        return [self.tr("OpenAI"), self.tr("Ollama (on this computer)"), self.tr("LM Studio (on this computer)"), self.tr("Other OpenAI-compatible service")]

    def _provider_chosen(self, index: int) -> None:
        url = PROVIDERS[index][1]
        if url:
            self.base_url.setText(url)

    def load(self, llm: LlmConfig, spotify: SpotifyCredentials, keyring: bool = True) -> None:
        """Show what is in effect (``keyring``: False where keys last only this session)."""
        self.keyring_note.setVisible(not keyring)
        self.base_url.setText(llm.base_url)
        self.model.setText(llm.model)
        keys = [url for _, url in PROVIDERS]
        self.provider.setCurrentIndex(keys.index(llm.base_url) if llm.base_url in keys else len(PROVIDERS) - 1)
        self._key_from_study = llm.key_from_study
        self._stored_key = llm.api_key
        self.api_key.clear()
        if llm.key_from_study:
            self.api_key.setEnabled(False)
            self.api_key.setPlaceholderText(self.tr("provided by the study"))
        else:
            self.api_key.setPlaceholderText(
                self.tr("stored: {masked} (type to replace)").format(masked=mask(llm.api_key)) if llm.api_key else self.tr("paste your key here")
            )
        self.client_id.setText(spotify.client_id)  # the study's id, pre-filled, when the participant has none of their own
        self._stored_secret = spotify.client_secret
        self.client_secret.clear()
        self.client_id.setEnabled(not spotify.from_study)
        self.client_secret.setEnabled(not spotify.from_study)
        if spotify.from_study:
            self.client_secret.setPlaceholderText(self.tr("provided by the study"))
        elif spotify.client_secret:
            self.client_secret.setPlaceholderText(self.tr("stored: {masked} (type to replace)").format(masked=mask(spotify.client_secret)))
        elif spotify.id_from_study:
            self.client_secret.setPlaceholderText(self.tr("the secret your research team gave you"))
        else:
            self.client_secret.setPlaceholderText(self.tr("optional: without it, tracks are checked against MusicBrainz"))
        if spotify.id_from_study and not spotify.client_secret:
            self.spotify_hint.setText(self.tr("The client ID comes with your study file; type the client secret your research team gave you, "
                                              "so that recommended tracks are checked against Spotify."))
        elif spotify.id_from_study:
            self.spotify_hint.setText(self.tr("The client ID comes with your study file."))
        else:
            self.spotify_hint.setText("")
        self.spotify_hint.setVisible(bool(self.spotify_hint.text()))
        self.market.setText(spotify.market)

    def show_catalogs(self, names: list[str]) -> None:
        """Which catalogs check the tracks now (``AppContext.catalog_plan``)."""
        self.catalogs_line.setText(self.tr("Recommended tracks are checked against: {catalogs}").format(catalogs=", ".join(names)))
        self.catalogs_line.setVisible(bool(names))

    def values(self) -> CredentialValues:
        return CredentialValues(
            base_url=self.base_url.text().strip().rstrip("/"),
            model=self.model.text().strip(),
            api_key=self.api_key.text().strip(),
            spotify_client_id=self.client_id.text().strip(),
            spotify_secret=self.client_secret.text().strip(),
            market=self.market.text().strip().upper(),
        )

    def test_connection(self) -> None:
        v = self.values()
        key = v.api_key or self._stored_key
        secret = v.spotify_secret or self._stored_secret
        token_url = self.spotify_token_url
        self.test_button.setEnabled(False)
        self.result.show_lines([(self.tr("Testing…"), "")])

        contact = self.contact

        def run() -> list[ConnectionReport]:
            reports = [check_llm(v.base_url, v.model, key)]
            if v.spotify_client_id or secret:
                reports.append(check_spotify(v.spotify_client_id, secret, token_url=token_url))
            else:  # no Spotify app: MusicBrainz checks the tracks, so it is what to test
                reports.append(check_musicbrainz(contact))
            return reports

        self.tasks.run(run, on_done=self._tested, on_error=self._test_failed)

    def _test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.result.show_lines([(self.tr("The test itself failed: {error}").format(error=error_text(exc)), "false")])

    def _tested(self, reports: list[ConnectionReport]) -> None:
        self.test_button.setEnabled(True)
        lines = [(self.report_text(r), "true" if r.ok else "false") for r in reports]
        if not any(r.service == "spotify" for r in reports):
            lines.append((self.tr("Spotify: not set up, so recommended tracks are checked against MusicBrainz, the open catalog."), "warn"))
        self.result.show_lines(lines)  # each line in its own colour: a success is never red
        self.tested.emit(reports)

    def report_text(self, report: ConnectionReport) -> str:
        return report.render(lambda text: QCoreApplication.translate(CONNECTION_CONTEXT, text))


class ResultLines(QWidget):
    """The test's outcome, one label a line (``connectionResult``, property ``ok``:
    "true" green, "false" red, "warn" amber, "" plain), so that "works." is green even
    when the other service failed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.labels: list[QLabel] = []

    def show_lines(self, lines: list[tuple[str, str]]) -> None:
        for label in self.labels:
            label.deleteLater()
        self.labels = []
        for text, ok in lines:
            label = QLabel(text)
            label.setObjectName("connectionResult")
            label.setWordWrap(True)
            label.setProperty("ok", ok)
            label.setAccessibleName(self.accessibleName())
            self._layout.addWidget(label)
            self.labels.append(label)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.labels)
