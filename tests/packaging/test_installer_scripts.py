"""The installer scripts agree with the app (the same data folder), keep Korean
readable and parse. The Windows installer is compiled and exercised under wine by
`make windows` and on the Windows runner; the DMG only on the macOS runners (CI).
What can be seen from the text of the scripts is checked here."""

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
    for script in (MACOS / "build_dmg.sh", ROOT / "packaging" / "linux" / "system-deps.sh",
                   ROOT / "packaging" / "windows" / "build_under_wine.sh"):
        result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, f"{script.name}: {result.stderr}"


def iss_setup() -> dict[str, str]:
    text = ISS.read_text(encoding="utf-8-sig")
    return {m.group(1): m.group(2).strip() for m in re.finditer(r"^(\w+)=(.*)$", text, re.MULTILINE)}


def iss_section(name: str) -> list[str]:
    """The entries of one [Section] of the .iss, without comments and blank lines."""
    text = ISS.read_text(encoding="utf-8-sig")
    body = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", text, re.MULTILINE | re.DOTALL)
    assert body, name
    return [line for line in body.group(1).splitlines() if line.strip() and not line.startswith(";")]


def test_inno_script_requires_the_windows_that_qt_needs():
    # Qt 6.8+ (PySide6-Essentials >= 6.8) supports Windows 10 1809 (build 17763) or later
    major, minor, build = (int(n) for n in iss_setup()["MinVersion"].split("."))
    assert (major, minor, build) >= (10, 0, 17763)


def test_uninstaller_deletes_only_what_the_installer_put_there():
    # filesandordirs {app} would delete every file of a folder the participant picked
    entries = iss_section("UninstallDelete")
    assert [e for e in entries if "filesandordirs" in e.lower() or "files;" in e.lower()] == []
    assert entries == ['Type: dirifempty; Name: "{app}"']
    # an upgrade still clears the older build's files, inside the program's own folder only
    assert iss_section("InstallDelete") == ['Type: filesandordirs; Name: "{app}\\_internal"']


def test_the_numeric_file_version_comes_from_the_built_exe():
    text = ISS.read_text(encoding="utf-8-sig")
    assert "#define FileVersion AppVersion" not in text  # 0.2.0rc1 must not become 0.2.0.1
    assert iss_setup()["VersionInfoVersion"] == "{#FileVersion}"
    ps1 = (ROOT / "packaging" / "windows" / "build_installer.ps1").read_text(encoding="utf-8")
    assert "FileVersionInfo]::GetVersionInfo($exe)" in ps1
    assert "[regex]::Matches($Version" not in ps1


def innosetup_pin() -> str:
    import json

    folder = ROOT / "packaging" / "windows" / "innosetup"
    wanted = json.loads((folder / "package.json").read_text(encoding="utf-8"))["dependencies"]["innosetup"]
    locked = json.loads((folder / "package-lock.json").read_text(encoding="utf-8"))["packages"]["node_modules/innosetup"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", wanted), "an exact version, not a range"
    assert locked["version"] == wanted and locked["integrity"].startswith("sha512-")
    return wanted


def test_ci_and_make_windows_use_the_same_pinned_inno_setup():
    assert innosetup_pin() == "6.4.1"
    workflow = (ROOT / ".github" / "workflows" / "installers.yml").read_text(encoding="utf-8")
    assert "npm ci --prefix" in workflow and "packaging/windows/innosetup" in workflow
    assert "DIARYREC_ISCC" in workflow
    assert "choco install innosetup" not in workflow  # whatever version the day offers
    script = (ROOT / "packaging" / "windows" / "build_under_wine.sh").read_text(encoding="utf-8")
    assert 'INNOSETUP_DIR=$REPO/packaging/windows/innosetup' in script and "npm ci" in script


def test_make_windows_keeps_wine_workarounds_in_its_harness():
    script = (ROOT / "packaging" / "windows" / "build_under_wine.sh").read_text(encoding="utf-8")
    # the unmodified .iss is compiled; the install tests' copy differs in DefaultDirName only
    assert '"$REPO/packaging/windows/diaryrec.iss" "$WORK/dist/diaryrec"' in script
    assert "differs in more than DefaultDirName" in script
    # stand-in DLLs go to the wine prefix, never into the app folder
    assert 'cp "$d/bcryptprimitives.dll" "$d/icuuc.dll" "$WINEPREFIX/drive_c/windows/system32/"' in script
    assert iss_setup()["DefaultDirName"] == "{autopf}\\diaryrec"
    for tracked in (ISS, ROOT / "packaging" / "pyinstaller" / "diaryrec.spec"):
        assert "wine" not in tracked.read_text(encoding="utf-8-sig").lower(), tracked.name
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "bash packaging/windows/build_under_wine.sh" in makefile
    assert "make windows" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "/work/shared" not in script and "../shared" not in script  # nothing from outside the repository
