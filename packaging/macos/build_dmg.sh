#!/usr/bin/env bash
# Builds dist/diaryrec-<version>-macos-<arch>.dmg from dist/diaryrec.app (made by
# packaging/pyinstaller/diaryrec.spec), on the Mac whose architecture it is for.
#
#   bash packaging/macos/build_dmg.sh [path/to/diaryrec.app]
#
# Each step below runs only when it is configured, and says so when it is skipped:
#   signing (hardened runtime):  DIARYREC_MACOS_SIGN_IDENTITY, e.g.
#       "Developer ID Application: Example University (TEAMID1234)"; in CI also
#       DIARYREC_MACOS_CERT_P12_BASE64 + DIARYREC_MACOS_CERT_PASSWORD (the .p12,
#       imported into a throw-away keychain; the identity is then found in it).
#   notarisation + stapling (needs signing), one of:
#       DIARYREC_NOTARY_KEY_BASE64 + DIARYREC_NOTARY_KEY_ID + DIARYREC_NOTARY_ISSUER
#           (an App Store Connect API key, best for CI);
#       DIARYREC_NOTARY_APPLE_ID + DIARYREC_NOTARY_TEAM_ID + DIARYREC_NOTARY_PASSWORD
#           (an app-specific password);
#       DIARYREC_NOTARY_PROFILE (a profile saved with `xcrun notarytool store-credentials`).
set -euo pipefail
cd "$(dirname "$0")/../.."

APP=${1:-dist/diaryrec.app}
ENTITLEMENTS=packaging/macos/entitlements.plist
[ -d "$APP" ] || { echo "build_dmg: $APP not found; build it first: pyinstaller packaging/pyinstaller/diaryrec.spec" >&2; exit 1; }
VERSION=$(sed -nE 's/^__version__ = "([^"]+)"/\1/p' diaryrec/__init__.py)
[ -n "$VERSION" ] || { echo "build_dmg: no __version__ in diaryrec/__init__.py" >&2; exit 1; }
ARCH=$(lipo -archs "$APP/Contents/MacOS/diaryrec" | tr ' ' '-')
DMG="dist/diaryrec-$VERSION-macos-$ARCH.dmg"
WORK=$(mktemp -d)
KEYCHAIN=""

cleanup() {
  [ -n "$KEYCHAIN" ] && security delete-keychain "$KEYCHAIN" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- a throw-away keychain for CI ------------------------------------------------------
if [ -n "${DIARYREC_MACOS_CERT_P12_BASE64:-}" ]; then
  KEYCHAIN="$WORK/diaryrec-signing.keychain-db"
  keychain_password=$(uuidgen)
  security create-keychain -p "$keychain_password" "$KEYCHAIN"
  security set-keychain-settings -lut 3600 "$KEYCHAIN"
  security unlock-keychain -p "$keychain_password" "$KEYCHAIN"
  printf '%s' "$DIARYREC_MACOS_CERT_P12_BASE64" | base64 --decode > "$WORK/cert.p12"
  security import "$WORK/cert.p12" -k "$KEYCHAIN" -P "${DIARYREC_MACOS_CERT_PASSWORD:-}" -T /usr/bin/codesign >/dev/null
  rm -f "$WORK/cert.p12"
  security set-key-partition-list -S apple-tool:,apple: -s -k "$keychain_password" "$KEYCHAIN" >/dev/null
  # shellcheck disable=SC2046 # the existing keychains, one word each
  security list-keychains -d user -s "$KEYCHAIN" $(security list-keychains -d user | tr -d '"')
  if [ -z "${DIARYREC_MACOS_SIGN_IDENTITY:-}" ]; then
    DIARYREC_MACOS_SIGN_IDENTITY=$(security find-identity -v -p codesigning "$KEYCHAIN" \
      | sed -nE 's/.*"(Developer ID Application: [^"]+)".*/\1/p' | head -n 1)
  fi
fi
IDENTITY=${DIARYREC_MACOS_SIGN_IDENTITY:-}

# --- codesign, inside out, with the hardened runtime -----------------------------------
is_macho() { case "$(file -b "$1")" in *Mach-O*) return 0 ;; *) return 1 ;; esac; }
sign() { codesign --force --timestamp --options runtime --sign "$IDENTITY" "$@"; }

if [ -n "$IDENTITY" ]; then
  echo "build_dmg: signing $APP as '$IDENTITY'"
  # every library and extension module first, deepest paths first, then frameworks
  find "$APP/Contents" -type f ! -path "$APP/Contents/MacOS/diaryrec" -print0 \
    | while IFS= read -r -d '' f; do if is_macho "$f"; then printf '%s\0' "$f"; fi; done \
    | xargs -0 -n 50 codesign --force --timestamp --options runtime --sign "$IDENTITY"
  find "$APP/Contents" -type d -name "*.framework" -print \
    | awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f2- \
    | while IFS= read -r fw; do sign "$fw"; done
  sign --entitlements "$ENTITLEMENTS" "$APP/Contents/MacOS/diaryrec"
  sign --entitlements "$ENTITLEMENTS" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
else
  echo "build_dmg: codesign skipped: no signing identity configured (set DIARYREC_MACOS_SIGN_IDENTITY, or"
  echo "           DIARYREC_MACOS_CERT_P12_BASE64 + DIARYREC_MACOS_CERT_PASSWORD). The app keeps PyInstaller's"
  echo "           ad-hoc signature: participants must right-click > Open (or allow it in System Settings)."
fi

# --- the disk image: the app and a link to /Applications --------------------------------
STAGE="$WORK/diaryrec $VERSION"
mkdir -p "$STAGE"
ditto "$APP" "$STAGE/diaryrec.app"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "diaryrec $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG" >/dev/null
if [ -n "$IDENTITY" ]; then codesign --force --timestamp --sign "$IDENTITY" "$DMG"; fi

# --- notarisation and stapling ---------------------------------------------------------
# (a function, not an array: macOS's bash 3.2 treats an empty array as unset under set -u)
notary_mode=""
if [ -n "${DIARYREC_NOTARY_KEY_BASE64:-}" ] && [ -n "${DIARYREC_NOTARY_KEY_ID:-}" ] && [ -n "${DIARYREC_NOTARY_ISSUER:-}" ]; then
  notary_mode=api-key
  printf '%s' "$DIARYREC_NOTARY_KEY_BASE64" | base64 --decode > "$WORK/notary.p8"
elif [ -n "${DIARYREC_NOTARY_APPLE_ID:-}" ] && [ -n "${DIARYREC_NOTARY_TEAM_ID:-}" ] && [ -n "${DIARYREC_NOTARY_PASSWORD:-}" ]; then
  notary_mode=apple-id
elif [ -n "${DIARYREC_NOTARY_PROFILE:-}" ]; then
  notary_mode=profile
fi
notarytool() {
  case "$notary_mode" in
    api-key) xcrun notarytool "$@" --key "$WORK/notary.p8" --key-id "$DIARYREC_NOTARY_KEY_ID" --issuer "$DIARYREC_NOTARY_ISSUER" ;;
    apple-id) xcrun notarytool "$@" --apple-id "$DIARYREC_NOTARY_APPLE_ID" --team-id "$DIARYREC_NOTARY_TEAM_ID" --password "$DIARYREC_NOTARY_PASSWORD" ;;
    profile) xcrun notarytool "$@" --keychain-profile "$DIARYREC_NOTARY_PROFILE" ;;
  esac
}

if [ -z "$IDENTITY" ]; then
  echo "build_dmg: notarisation skipped: the app is not signed"
elif [ -z "$notary_mode" ]; then
  echo "build_dmg: notarisation skipped: no notary credentials configured (see the top of $0)"
else
  # Notarising the DMG covers the app inside it; the ticket is stapled to the DMG so
  # Gatekeeper accepts it offline, and Apple's servers know the app's own signature.
  echo "build_dmg: notarising $DMG (this takes a few minutes)"
  notarytool submit "$DMG" --wait --timeout 45m --output-format json > "$WORK/notary.json"
  status=$(plutil -extract status raw -o - "$WORK/notary.json")
  if [ "$status" != "Accepted" ]; then
    id=$(plutil -extract id raw -o - "$WORK/notary.json")
    echo "build_dmg: notarisation $status; Apple's log follows" >&2
    notarytool log "$id" >&2 || true
    exit 1
  fi
  xcrun stapler staple "$DMG"
  xcrun stapler validate "$DMG"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"
fi

echo "build_dmg: $DMG"
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "dmg=$DMG" >> "$GITHUB_OUTPUT"; fi
