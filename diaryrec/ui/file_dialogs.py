"""Where file dialogs open, and the few Qt strings Qt's own Korean catalogue lacks.

Dialogs start where a participant keeps such files, not in the program's folder:
pictures in Pictures, a study file (an e-mail attachment, usually saved there) in
Documents; the home folder where the system has neither.

Qt's own translations (``qtbase_ko.qm``, loaded by ``ui.i18n.install_language``)
predate two labels of Qt 6's file dialog ("&Look in:", "Files of &type:"), which
stayed English in a Korean dialog. They are listed here under Qt's context
("QFileDialog") so that pyside6-lupdate collects them into ``diaryrec_ko.ts``; Qt asks
every installed translator, so ours answers what qtbase_ko does not.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from diaryrec.errors import QT_TRANSLATE_NOOP

QT_OWN_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def _standard_folder(location: QStandardPaths.StandardLocation) -> str:
    folder = QStandardPaths.writableLocation(location)
    if folder and Path(folder).is_dir():
        return folder
    return str(Path.home())


def pictures_folder() -> str:
    """Where a dialog for pictures opens: Pictures, else the home folder."""
    return _standard_folder(QStandardPaths.StandardLocation.PicturesLocation)


def documents_folder() -> str:
    """Where a dialog for a study file opens: Documents, else the home folder."""
    return _standard_folder(QStandardPaths.StandardLocation.DocumentsLocation)
