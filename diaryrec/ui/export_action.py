""""Export my data…": the participant's bundle for the research team, written by
``diaryrec.research.export`` in a worker; the window says where it went."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from diaryrec.errors import UserError
from diaryrec.runtime.context import AppContext
from diaryrec.ui.errors import error_text
from diaryrec.ui.tasks import TaskRunner


def _export(store, out: Path):  # noqa: ANN001, ANN202 - Store -> ExportResult
    from diaryrec.research.export import export_bundle  # imported on use: not on the start-up path

    return export_bundle(store, out)


class Exporter(QObject):
    """Asks where to save, exports in a worker, reports the result in a message box."""

    reported = Signal(str, bool)  # the message shown, and whether the export worked

    def __init__(self, context: AppContext, tasks: TaskRunner, parent: QWidget):
        super().__init__(parent)
        self.context, self.tasks, self.window = context, tasks, parent
        self.running = False
        self.box: QMessageBox | None = None  # the last report shown

    def suggested_name(self) -> str:
        code = self.context.study.enrolment.participant_code if self.context.study else "participant"
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in code)
        return f"diaryrec-{safe}-{dt.date.today().isoformat()}.zip"

    def ask_and_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export my data"), str(Path.home() / self.suggested_name()), self.tr("Zip files (*.zip)")
        )
        if name:
            self.export_to(Path(name) if name.endswith(".zip") else Path(name + ".zip"))

    def export_to(self, out: Path) -> None:
        if self.running:
            return
        self.running = True
        self.tasks.run(_export, self.context.store, out, on_done=self._done, on_error=self._failed)

    def _done(self, result) -> None:  # noqa: ANN001 - ExportResult
        self.running = False
        text = self.tr("Your data was exported to {path} ({files} files). Send this file to the research team.").format(
            path=result.path, files=result.files
        )
        if result.missing_files:
            text += "\n" + self.tr("{count} files were missing on this computer and are not in it.").format(count=len(result.missing_files))
        self._report(text, ok=True, folder=Path(result.path).parent)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        message = error_text(exc) if isinstance(exc, UserError) else self.tr("The export failed ({error}).").format(error=error_text(exc))
        self._report(message, ok=False)

    def _report(self, text: str, *, ok: bool, folder: Path | None = None) -> None:
        icon = QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning
        box = QMessageBox(icon, self.tr("Export my data"), text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("exportReport")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if folder is not None:  # the participant's file manager, at the bundle, to attach it to an e-mail
            show = box.addButton(self.tr("Show in &folder"), QMessageBox.ButtonRole.ActionRole)
            show.setObjectName("showInFolder")
            show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        self.box = box
        box.open()  # window-modal, without a nested event loop
        self.reported.emit(text, ok)
