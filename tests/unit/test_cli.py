import subprocess
import sys

import pytest

from diaryrec import __version__
from diaryrec.__main__ import COMMAND_MODULES, main


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"diaryrec {__version__}"


def test_help_lists_every_subcommand(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--data-dir" in out and "--sandbox" in out
    for name in COMMAND_MODULES:
        assert name in out


def test_selftest_in_process(capsys):
    assert main(["selftest"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in out[1:-1]] == ["ok    resources", "ok    templates", "ok    prompts", "ok    database", "ok    images", "ok    qt"]
    assert out[-1] == "selftest passed"


def test_selftest_reports_a_missing_resource(monkeypatch, capsys, tmp_path):
    import diaryrec.protocol.loader as loader

    monkeypatch.setattr(loader, "DEFAULT_STUDY_FILE", "protocols/missing.toml")
    report = tmp_path / "report.txt"
    assert main(["selftest", "--no-qt", "--output", str(report)]) == 1
    out = capsys.readouterr().out
    assert "FAIL  resources" in out and "missing.toml" in out
    assert "selftest FAILED (1 of 5 checks)" in report.read_text()


def test_the_headless_commands_do_not_import_qt():
    code = "import sys; from diaryrec.__main__ import main; main(['selftest','--no-qt']); print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False")
