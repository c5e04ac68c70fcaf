"""The shipped Korean catalogue (resources/translations/diaryrec_ko.ts) read without
Qt, so that tests of the Qt-free layers can check what a Korean participant reads:
``korean(err)`` is a ``UserError`` rendered as ``diaryrec.ui.errors.error_text``
renders it under the Korean interface. (tests/ui/test_i18n.py checks that the .qm
the app loads is compiled from this same file.)"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET

from diaryrec.errors import CONTEXT, UserError
from diaryrec.paths import resources_dir


@functools.cache
def _catalogue() -> dict[tuple[str, str], str]:
    root = ET.parse(resources_dir() / "translations" / "diaryrec_ko.ts").getroot()
    return {(c.findtext("name") or "", m.findtext("source") or ""): m.findtext("translation") or ""
            for c in root.iter("context") for m in c.iter("message")}


def translate(text: str, context: str = CONTEXT) -> str:
    """``text`` in Korean; the English itself when the catalogue lacks it (as Qt does)."""
    return _catalogue().get((context, text)) or text


def korean(err: UserError) -> str:
    return err.render(translate)
