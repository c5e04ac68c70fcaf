#!/usr/bin/env bash
# Debian/Ubuntu packages diaryrec needs to run and to be tested headless:
# Qt's offscreen and xcb platform libraries, Xvfb for a window without a screen,
# a CJK font so Korean text renders in screenshots, and binutils (objdump, strip),
# which PyInstaller uses to find and slim the libraries of the frozen app.
# Installs only what is missing, and only where apt-get can be used; elsewhere it
# says what to install.
set -euo pipefail
# shellcheck source=packaging/linux/apt.sh
. "$(dirname "$0")/apt.sh"
[ "$(uname -s)" = "Linux" ] || exit 0
command -v dpkg >/dev/null 2>&1 || { echo "system-deps: not a Debian system; install a CJK font and Qt's xcb libraries yourself"; exit 0; }

wanted=(
  libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0
  xvfb xauth fonts-nanum binutils
)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; else
  echo "system-deps: please install: ${missing[*]}" >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt_get update -qq
apt_get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
