"""The researcher window: open a merged study database or a folder of export
bundles, see every participant's compliance in a table, and read one participant's
timeline, conversations, diary and sheets; write the study report or a REFI-QDA
project of what is open (File menu: what ``research report`` and ``research
export-qda`` write). It only reads: nothing here writes to the study data.

Reads of the open study run one after another on the window's own single-thread
TaskRunner (open → participant → participant → close), so study data is closed
only after every read queued before; screenshots decode on the app's shared runner.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from diaryrec.errors import UserError
from diaryrec.research.merged import database_url, make_url_safe
from diaryrec.research.browse import (
    LoadedStudy,
    NotStudyDatabaseError,
    ParticipantDetail,
    ParticipantRow,
    SingleBundleError,
    StudyHolder,
    load_participant,
    load_study,
)
from diaryrec.ui.research.loading import plain_reason
from diaryrec.ui.research.participant_view import ParticipantView
from diaryrec.ui.research.participants_table import ParticipantsTable
from diaryrec.ui.i18n import interface_language
from diaryrec.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

MAX_REFUSED_SHOWN = 8  # bundles, and problems per bundle, listed in the notice; the log has every one

STYLE = """
QMainWindow#researchWindow, QWidget#researchBody, QWidget#researchContent { background: #f7f7f5; }
QLabel#researchNotice { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 8px; color: #1f2328; }
QLabel#researchError { background: #ffebe9; border: 1px solid #ff8182; border-radius: 6px; padding: 8px; color: #1f2328; }
QTableView#participantsTable { background: #ffffff; alternate-background-color: #f6f8fa; gridline-color: #d8dee4; }
QTableView#participantsTable:focus { border: 2px solid #0969da; }
"""


def shown_source(source: str) -> str:
    """A path as it is; a database URL without its password."""
    return make_url_safe(database_url(source)) if "://" in source else source


def source_name(source: str) -> str:
    return shown_source(source) if "://" in source else Path(source).name


class ResearchWindow(QMainWindow):
    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.db_tasks = TaskRunner(self, max_threads=1)
        self.holder = StudyHolder()
        self.lang = interface_language()
        self.study: LoadedStudy | None = None
        self.loading = False
        self.writing = False  # a report or a REFI-QDA project is being written
        self.setObjectName("researchWindow")
        self.setStyleSheet(STYLE)
        self.resize(1280, 800)

        self.title = QLabel(self.tr("Study data"))
        self.title.setObjectName("screenTitle")
        self.source_label = QLabel(self.tr("Nothing opened yet. This window only reads: it changes no study data."))
        self.source_label.setObjectName("screenSubtitle")
        self.source_label.setWordWrap(True)
        self.database_button = QPushButton(self.tr("Open merged database…"))
        self.database_button.clicked.connect(self.choose_database)
        self.folder_button = QPushButton(self.tr("Open folder of bundles…"))
        self.folder_button.clicked.connect(self.choose_folder)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.source_label)
        top.addLayout(heading, 1)
        top.addWidget(self.database_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.folder_button, 0, Qt.AlignmentFlag.AlignTop)

        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # the merge reports no steps: a busy bar, with words beside it
        self.busy_bar.setMaximumWidth(220)
        self.busy_bar.setAccessibleName(self.tr("Loading"))
        self.busy_label = QLabel()
        self.busy_row = QWidget()
        busy = QHBoxLayout(self.busy_row)
        busy.setContentsMargins(0, 0, 0, 0)
        busy.addWidget(self.busy_bar)
        busy.addWidget(self.busy_label, 1)
        self.busy_row.setVisible(False)

        self.error = QLabel()
        self.error.setObjectName("researchError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setVisible(False)
        self.notice = QLabel()
        self.notice.setObjectName("researchNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setVisible(False)

        self.stack = QStackedWidget()
        self.empty_page = self._build_empty_page()
        self.table = ParticipantsTable()
        self.table.participant_chosen.connect(self._participant_chosen)
        self.view = ParticipantView(tasks, self.lang)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("researchContent")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.splitter)

        body = QWidget()
        body.setObjectName("researchBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addLayout(top)
        layout.addWidget(self.busy_row)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self._build_menus()
        self._update_title()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- building ------------------------------------------------------------------
    def _build_empty_page(self) -> QWidget:
        frame = QFrame()
        frame.setObjectName("emptyState")
        heading = QLabel(self.tr("Open study data"))
        heading.setObjectName("emptyHeading")
        text = QLabel(self.tr(
            "Open a merged study database (written by “diaryrec research merge”) or a folder holding the "
            "participants' export bundles (.zip files). Bundles are checked file by file; a changed or "
            "incomplete bundle is refused and named."
        ))
        text.setWordWrap(True)
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_database_button = QPushButton(self.tr("Open merged database…"))
        self.empty_database_button.setObjectName("primaryButton")
        self.empty_database_button.clicked.connect(self.choose_database)
        self.empty_folder_button = QPushButton(self.tr("Open folder of bundles…"))
        self.empty_folder_button.setObjectName("primaryButton")
        self.empty_folder_button.clicked.connect(self.choose_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_database_button)
        buttons.addWidget(self.empty_folder_button)
        buttons.addStretch(1)
        inner = QVBoxLayout(frame)
        inner.addWidget(heading)
        inner.addWidget(text)
        inner.addWidget(self.empty_text)
        inner.addLayout(buttons)
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(frame)
        outer.addStretch(1)
        return page

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_database_action = QAction(self.tr("Open merged &database…"), self)
        self.open_database_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_database_action.triggered.connect(self.choose_database)
        self.open_folder_action = QAction(self.tr("Open &folder of bundles…"), self)
        self.open_folder_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.open_folder_action.triggered.connect(self.choose_folder)
        close = QAction(self.tr("&Close window"), self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        # what the command line's report and export-qda write, of the study that is open
        self.report_action = QAction(self.tr("Write study &report…"), self)
        self.report_action.setShortcut(QKeySequence("Ctrl+R"))
        self.report_action.triggered.connect(self.choose_report)
        self.qda_action = QAction(self.tr("Export for &qualitative coding (REFI-QDA)…"), self)
        self.qda_action.setShortcut(QKeySequence("Ctrl+E"))
        self.qda_action.triggered.connect(self.choose_qda)
        menu.addAction(self.open_database_action)
        menu.addAction(self.open_folder_action)
        menu.addSeparator()
        menu.addAction(self.report_action)
        menu.addAction(self.qda_action)
        menu.addSeparator()
        menu.addAction(close)
        self._update_actions()

    def _update_actions(self) -> None:
        """Writing needs a study with participants, and nothing else running."""
        ready = self.study is not None and bool(self.study.participants) and not self.loading and not self.writing
        self.report_action.setEnabled(ready)
        self.qda_action.setEnabled(ready)

    def _update_title(self) -> None:
        title = self.tr("Study data — diaryrec")
        if self.study is not None:
            title = f"{source_name(self.study.source)} — {title}"
        self.setWindowTitle(title)

    # -- opening -------------------------------------------------------------------
    def choose_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a merged study database"), str(self._start_folder()),
            self.tr("Merged study databases (*.sqlite *.sqlite3 *.db);;All files (*)"),
        )
        if name:
            self.open_source(name)

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Open a folder of export bundles"), str(self._start_folder()))
        if name:
            self.open_source(name)

    def _start_folder(self) -> Path:
        if self.study is not None and "://" not in self.study.source:
            return Path(self.study.source).parent
        return Path.home()

    def open_source(self, source: str | Path) -> None:
        """Open a merged SQLite file, a database URL, or a folder of ``*.zip`` bundles."""
        if self.loading:
            return
        text = str(source)
        path = Path(text)
        self.loading = True
        self._set_busy(True, self._busy_text(path, text))
        self.error.setVisible(False)
        self.db_tasks.run(self.holder.reopen)
        # every open and close supersedes the one before: its late results are dropped
        self.db_tasks.run(
            load_study, text, self.holder, owner=self, topic="study",
            on_done=self._loaded, on_error=lambda exc: self._failed(text, exc), on_dropped=self._release,
        )
        self.db_tasks.forget(self, "participant")

    def _release(self, loaded: LoadedStudy | None) -> None:
        """A study opened for nobody: closed after any read of it queued before."""
        if loaded is not None and not self.db_tasks.closed:
            self.db_tasks.run(self.holder.release, loaded.data)

    def _busy_text(self, path: Path, text: str) -> str:
        if "://" not in text and path.is_dir():
            count = len(list(path.glob("*.zip")))
            return self.tr("Checking and merging the export bundles in {folder} ({count} found)…").format(count=count, folder=path.name)
        return self.tr("Opening {name}…").format(name=source_name(text))

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy_row.setVisible(busy)
        self.busy_label.setText(text)
        for widget in (self.database_button, self.folder_button, self.empty_database_button, self.empty_folder_button,
                       self.open_database_action, self.open_folder_action):
            widget.setEnabled(not busy)
        if busy:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()
            self.busy_bar.setRange(0, 0)  # a busy bar again after an export's steps
        self._update_actions()

    def _loaded(self, loaded: LoadedStudy | None) -> None:
        self.loading = False
        self._set_busy(False)
        if loaded is None:
            return
        previous, self.study = self.study, loaded
        self._release(previous)
        self._show_refused(loaded)
        studies = sorted({r.summary.study_id for r in loaded.participants})
        people = self.tr("one participant") if len(loaded.participants) == 1 else self.tr("{count} participants").format(count=len(loaded.participants))
        self.source_label.setText(
            self.tr("{source} · {participants} · study {studies}").format(
                source=shown_source(loaded.source), participants=people, studies=", ".join(studies) or "—"
            )
        )
        self._update_title()
        self._update_actions()
        self.view.show_nothing()
        self.table.set_rows(list(loaded.participants))
        if loaded.participants:
            self.stack.setCurrentWidget(self.splitter)
            self._size_table(len(loaded.participants))
            self.table.setFocus()
        else:
            self.empty_text.setText(self.tr("No participant could be read from {name}.").format(name=source_name(loaded.source)))
            self.stack.setCurrentWidget(self.empty_page)

    def _size_table(self, rows: int) -> None:
        """The table as tall as its rows (and its horizontal scroll bar, when the columns
        are wider than the window), up to two fifths of the room; the participant gets the rest."""
        total = max(self.splitter.height(), 400)
        wanted = self.table.horizontalHeader().height() + rows * self.table.verticalHeader().defaultSectionSize() + 6
        if self.table.horizontalHeader().length() > self.table.viewport().width():
            wanted += self.table.horizontalScrollBar().sizeHint().height()
        table = min(wanted, total * 2 // 5)
        self.splitter.setSizes([table, total - table])

    def _show_refused(self, loaded: LoadedStudy) -> None:
        if not loaded.refused:
            self.notice.setVisible(False)
            return
        count = len(loaded.refused)
        for outcome in loaded.refused:
            log.warning("%s", outcome.line())
        lines = [self.tr("One bundle was refused and is not shown:") if count == 1
                 else self.tr("{count} bundles were refused and are not shown:").format(count=count)]
        for outcome in loaded.refused[:MAX_REFUSED_SHOWN]:
            problems = "; ".join(outcome.problems[:MAX_REFUSED_SHOWN]) + ("; …" if len(outcome.problems) > MAX_REFUSED_SHOWN else "")
            lines.append("• " + self.tr("{bundle}: {problems}").format(bundle=outcome.bundle, problems=problems))
        if count > MAX_REFUSED_SHOWN:
            lines.append(self.tr("… and {count} more (the log names them all).").format(count=count - MAX_REFUSED_SHOWN))
        lines.append(self.tr("Ask the participants whose bundles were refused to export their data again."))
        self.notice.setText("\n".join(lines))
        self.notice.setVisible(True)

    def _failed(self, source: str, exc: BaseException) -> None:
        self.loading = False
        self._set_busy(False)
        self.error.setText(self.error_text(source, exc))
        self.error.setVisible(True)

    def error_text(self, source: str, exc: BaseException) -> str:
        """Plain words for what went wrong; tracebacks go to the log only."""
        name = source_name(source)
        if isinstance(exc, SingleBundleError):
            return self.tr(
                "{name} is a single export bundle. Put the participants' bundles in one folder and open the folder, "
                "or merge them first with “diaryrec research merge”."
            ).format(name=name)
        if isinstance(exc, NotStudyDatabaseError):
            return {
                "not_sqlite": self.tr("{name} is not a database file. Choose the merged study database (.sqlite) or a folder of bundles."),
                "participant": self.tr(
                    "{name} is a participant's own diaryrec database, not a merged study. Open the folder of the "
                    "participants' export bundles instead, or merge the bundles with “diaryrec research merge”."
                ),
                "other": self.tr("{name} is a database, but not a merged diaryrec study. Merge the bundles with “diaryrec research merge” and open what it writes."),
            }[exc.kind].format(name=name)
        if isinstance(exc, UserError):
            return self.tr("{name} could not be opened: {reason}").format(name=name, reason=plain_reason(exc))
        if isinstance(exc, OSError):
            return self.tr("{name} could not be read: {reason}").format(name=name, reason=exc.strerror or str(exc))
        log.error("opening study data failed", exc_info=exc)
        return self.tr("{name} could not be opened because of an unexpected problem ({kind}). The details are in the log.").format(
            name=name, kind=type(exc).__name__
        )

    # -- writing what is open: the report, the REFI-QDA project ---------------------------------
    def choose_report(self) -> None:
        out = self._save_as(self.tr("Write the study report"), "report.html", self.tr("Web pages (*.html);;All files (*)"))
        if out is not None:
            self.write_report(out)

    def choose_qda(self) -> None:
        out = self._save_as(self.tr("Export a REFI-QDA project"), "study.qdpx",
                            self.tr("REFI-QDA projects (*.qdpx);;All files (*)"))
        if out is not None:
            self.write_qda(out)

    def _save_as(self, title: str, default: str, kinds: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, title, str(self._start_folder() / default), kinds)
        return Path(name) if name else None

    def write_report(self, out: Path) -> None:
        """The study report of what is open (``research report``), written off the GUI thread."""
        from diaryrec.research.report import write_report

        def done(_result: object) -> None:
            self._written(self.tr("Wrote the report {name} ({folder}).").format(name=out.name, folder=out.parent))

        self._write(self.tr("Writing the report {name}…").format(name=out.name), out, write_report, done)

    def write_qda(self, out: Path) -> None:
        """A REFI-QDA project of what is open (``research export-qda``), with its progress."""
        from diaryrec.research.qda import export_qda

        def run(data, path, progress=None):  # noqa: ANN001, ANN202 - StudyData, Path, the runner's relay
            return export_qda(data, path, progress=None if progress is None else lambda d, t, _name: progress((d, t)))

        def done(result) -> None:  # noqa: ANN001 - a QdaResult
            text = self.tr("Wrote {name}: {participants} participant(s), {texts} text and {pictures} picture source(s).").format(
                name=out.name, participants=result.participants, texts=result.text_sources, pictures=result.picture_sources)
            if result.pictures_missing:
                text += " " + self.tr("{count} picture(s) are not included: their files are not at hand.").format(
                    count=len(result.pictures_missing))
            self._written(text)

        self._write(self.tr("Exporting {name}…").format(name=out.name), out, run, done, progress=True)

    def _write(self, busy: str, out: Path, fn, on_done, *, progress: bool = False) -> None:  # noqa: ANN001
        study = self.study
        if study is None or self.writing or self.loading:
            return
        self.writing = True
        self.error.setVisible(False)
        self._set_busy(True, busy)

        def failed(exc: BaseException) -> None:
            self.writing = False
            self._set_busy(False)
            if isinstance(exc, (UserError, OSError)):
                reason = plain_reason(exc) if isinstance(exc, UserError) else (exc.strerror or str(exc))
            else:
                log.error("writing %s failed", out, exc_info=exc)
                reason = self.tr("an unexpected problem ({kind}); the details are in the log").format(kind=type(exc).__name__)
            self.error.setText(self.tr("{name} could not be written: {reason}").format(name=out.name, reason=reason))
            self.error.setVisible(True)

        def stepped(value: tuple[int, int]) -> None:
            done, total = value
            self.busy_bar.setRange(0, total)
            self.busy_bar.setValue(done)

        # on the window's reader thread: the open study's reads run one after another there
        self.db_tasks.run(fn, study.data, out, owner=self, topic="write", on_done=on_done, on_error=failed,
                          on_progress=stepped if progress else None)

    def _written(self, text: str) -> None:
        self.writing = False
        self._set_busy(False)
        self.statusBar().showMessage(text)

    # -- one participant -----------------------------------------------------------------
    def _participant_chosen(self, row: ParticipantRow) -> None:
        study = self.study
        if study is None:
            return
        self.view.show_loading(row.summary.code)
        # the participant chosen last is the one shown
        self.db_tasks.run(
            load_participant, study.data, row, owner=self, topic="participant", key=row,
            on_done=self._participant_loaded, on_error=lambda exc: self._participant_failed(row, exc),
        )

    def _participant_loaded(self, detail: ParticipantDetail) -> None:
        self.view.show_detail(detail)

    def _participant_failed(self, row: ParticipantRow, exc: BaseException) -> None:
        log.error("reading participant %s failed", row.summary.code, exc_info=exc)
        reason = plain_reason(exc) if isinstance(exc, UserError) else type(exc).__name__
        self.view.summary.setText(self.tr("This participant's data could not be read ({reason}).").format(reason=reason))

    # -- closing ----------------------------------------------------------------------------
    def _forget(self) -> None:
        self.db_tasks.forget(self, "study")
        self.db_tasks.forget(self, "participant")
        self.db_tasks.forget(self, "write")
        self.loading = False
        self.writing = False
        self._set_busy(False)
        self.study = None
        self.table.set_rows([])
        self.view.show_nothing()
        self.notice.setVisible(False)
        self.error.setVisible(False)
        self.stack.setCurrentWidget(self.empty_page)
        self._update_title()
        self._update_actions()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        # Closing frees the study's temporary merge; the window stays, ready to open again.
        self._forget()
        self.db_tasks.run(self.holder.close_all)
        super().closeEvent(event)

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Wait for the reads, then close every study data (app quit, tests)."""
        self._forget()
        self.db_tasks.shutdown(timeout_ms, drop_queued=True)
        self.holder.close_all()  # anything a still-running open adopts later is closed at once
