from __future__ import annotations

import json

from diaryrec.__main__ import main
from diaryrec.sheets import compile_sheet, load_sheet_file

from tests.unit.sheets.sheet_samples import sheet_data


def test_prompt_compile_prints_the_prompt_and_json(tmp_path, capsysbinary):
    path = tmp_path / "sheet.json"
    path.write_text(json.dumps(sheet_data(), ensure_ascii=False), encoding="utf-8")
    expected = compile_sheet(load_sheet_file(path))
    assert main(["prompt", "compile", str(path)]) == 0
    assert capsysbinary.readouterr().out.decode("utf-8") == expected.system_prompt
    assert main(["prompt", "compile", str(path), "--format", "json"]) == 0
    printed = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert printed == {"system_prompt": expected.system_prompt, "template": "recommender.ko.j2",
                       "sheet_sha256": expected.sheet_sha256}


def test_prompt_compile_reports_unknown_keys(tmp_path, capsys):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(sheet_data(extra_field=1)), encoding="utf-8")
    assert main(["prompt", "compile", str(path)]) == 2
    assert "unknown key 'extra_field'" in capsys.readouterr().err
