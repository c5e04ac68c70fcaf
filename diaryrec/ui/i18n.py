"""The interface language: Qt translators loaded from the compiled catalogues in
``resources/translations`` (``diaryrec_ko.qm``, built from ``diaryrec_ko.ts`` with
pyside6-lrelease), plus Qt's own strings (dialog buttons) where Qt ships them.

To update: ``.venv/bin/pyside6-lupdate $(find diaryrec -name '*.py') -no-obsolete -ts
resources/translations/diaryrec_ko.ts``, translate, then ``.venv/bin/pyside6-lrelease
resources/translations/diaryrec_ko.ts``. The whole package is scanned: the error
messages of the Qt-free layers are marked ``QT_TRANSLATE_NOOP("UserError", ...)``
(diaryrec/errors.py) and shown translated by ``diaryrec.ui.errors.error_text``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from diaryrec.paths import resources_dir
from diaryrec.protocol.calendar import LANGUAGES

log = logging.getLogger(__name__)
SUPPORTED = LANGUAGES
_installed: list[QTranslator] = []  # kept alive here: Qt does not own them


def translations_dir() -> Path:
    return resources_dir() / "translations"


def system_language() -> str:
    """This computer's language, as far as diaryrec speaks it (Korean or English)."""
    return "ko" if QLocale.system().name().startswith("ko") else "en"


def interface_language() -> str:
    """The interface language ``install_language`` last set up ("ko" or "en")."""
    return "ko" if QLocale().name().startswith("ko") else "en"


def install_language(lang: str) -> bool:
    """Make ``lang`` the interface language for widgets built from now on; English
    needs no catalogue. Returns False when the catalogue is missing."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale("ko_KR" if lang == "ko" else "en_US"))
    if lang not in SUPPORTED or lang == "en":
        return True
    ours = QTranslator(app)
    if not ours.load(f"diaryrec_{lang}", str(translations_dir())):
        log.warning("no translation catalogue for %s in %s", lang, translations_dir())
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return True
