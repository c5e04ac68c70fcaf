"""Golden files: each sheet under tests/golden/prompts compiles to exactly the
prompt beside it. After an intended template change, regenerate them with
DIARYREC_UPDATE_GOLDEN=1 and review the diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diaryrec.sheets import compile_sheet, load_sheet_file

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "prompts"
SHEETS = sorted(GOLDEN.glob("*.sheet.json"))
UPDATE = os.environ.get("DIARYREC_UPDATE_GOLDEN") == "1"


def test_the_golden_set_is_varied():
    sheets = [load_sheet_file(p) for p in SHEETS]
    assert len(sheets) >= 8
    assert {s.language for s in sheets} == {"en", "ko"}
    modes = {str(m) for s in sheets for m in s.feedback.modes}
    assert modes == {"rating", "multiple_choice", "free_text", "tournament", "own"}
    assert {str(s.presentation.explanation_level) for s in sheets} == {"concrete", "balanced", "open"}


@pytest.mark.parametrize("sheet_path", SHEETS, ids=[p.name.removesuffix(".sheet.json") for p in SHEETS])
def test_prompt_matches_golden_file(sheet_path: Path):
    compiled = compile_sheet(load_sheet_file(sheet_path))
    golden = sheet_path.with_name(sheet_path.name.replace(".sheet.json", ".prompt.txt"))
    if UPDATE:
        golden.write_text(compiled.system_prompt, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}; run with DIARYREC_UPDATE_GOLDEN=1 and review it"
    assert compiled.system_prompt == golden.read_text(encoding="utf-8")
