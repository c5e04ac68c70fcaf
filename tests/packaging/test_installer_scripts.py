"""The installer scripts agree with the app (the same data folder), keep Korean
readable and parse. They are only compiled and run on the Windows and macOS
runners (CI); the mistakes that can be seen from Linux are caught here."""

from __future__ import annotations

import ast
import plistlib
import re
import subprocess
from pathlib import Path

from diaryrec import APP_NAME

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "diaryrec.iss"
MACOS = ROOT / "packaging" / "macos"


def test_inno_script_is_utf8_with_bom_so_korean_survives():
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads a file without a BOM as ANSI"
    text = raw.decode("utf-8-sig")
    assert "korean.DeleteDataBox=연구 데이터도 함께 삭제" in text


def data_dir_call() -> dict[str, object]:
    """The keyword arguments diaryrec.paths passes to platformdirs.user_data_dir."""
    tree = ast.parse((ROOT / "diaryrec" / "paths.py").read_text(encoding="utf-8"))
    calls = [
        node for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "user_data_dir"
    ]
    assert len(calls) == 1
    assert [ast.unparse(arg) for arg in calls[0].args] == ["APP_NAME"]
    return {kw.arg: ast.literal_eval(kw.value) for kw in calls[0].keywords}


def test_uninstaller_keeps_the_data_folder_the_app_uses_on_windows(monkeypatch):
    import platformdirs.windows

    # What diaryrec.paths resolves to on Windows, with the shell folders stubbed
    folders = {"CSIDL_APPDATA": "%APPDATA%", "CSIDL_LOCAL_APPDATA": "%LOCALAPPDATA%"}
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    windows_dir = platformdirs.windows.Windows(APP_NAME, **data_dir_call()).user_data_dir
    assert windows_dir == f"%APPDATA%/{APP_NAME}"  # Inno Setup calls %APPDATA% {userappdata}
    text = ISS.read_text(encoding="utf-8-sig")
    assert f"ExpandConstant('{{userappdata}}\\{APP_NAME}')" in text
    # a silent uninstall never deletes the study data; the box starts unticked
    assert "if UninstallSilent() or not DirExists(ParticipantDataDir()) then\n    Exit;" in text
    assert "Box.Checked := False;" in text


def test_inno_script_installs_per_user_with_a_start_menu_entry():
    text = ISS.read_text(encoding="utf-8-sig")
    setup = {m.group(1): m.group(2).strip() for m in re.finditer(r"^(\w+)=(.*)$", text, re.MULTILINE)}
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # no way to ask for elevation
    assert setup["DefaultDirName"].startswith("{autopf}")
    assert re.search(r'^Name: "\{autoprograms\}\\diaryrec"', text, re.MULTILINE), "Start-menu entry"


def test_macos_plists_are_valid_and_filled_by_the_spec():
    template = (MACOS / "Info.plist").read_text(encoding="utf-8")
    assert "@VERSION@" in template and "@MINIMUM_MACOS@" in template
    spec = (ROOT / "packaging" / "pyinstaller" / "diaryrec.spec").read_text(encoding="utf-8")
    assert '"@VERSION@"' in spec and '"@MINIMUM_MACOS@"' in spec
    info = plistlib.loads(template.replace("@VERSION@", "1.2.3").replace("@MINIMUM_MACOS@", "13.0").encode())
    assert info["CFBundleIdentifier"] == "org.diaryrec.app"
    assert info["CFBundleShortVersionString"] == "1.2.3" and info["LSMinimumSystemVersion"] == "13.0"
    assert "ko" in info["CFBundleLocalizations"]
    entitlements = plistlib.loads((MACOS / "entitlements.plist").read_bytes())
    assert entitlements  # codesign --entitlements refuses an empty or broken file


def test_shell_scripts_parse():
    for script in (MACOS / "build_dmg.sh", ROOT / "packaging" / "linux" / "system-deps.sh"):
        result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, f"{script.name}: {result.stderr}"
