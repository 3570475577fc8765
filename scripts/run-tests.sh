#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the whole test suite: installs what is missing,
# checks the formatting of the changed C++ lines (scripts/check-format.sh), builds with warnings
# as errors, and runs every test under a private D-Bus session with an unlocked gnome-keyring
# (the real Secret Service the keychain tests use) on the offscreen Qt platform.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/check-format.sh
cmake --preset ci >/dev/null
cmake --build --preset ci

# Keychain and settings go to a throwaway home, never the user's own.
sandbox="$(mktemp -d)"
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/home" "$sandbox/runtime"
chmod 700 "$sandbox/runtime"

export HOME="$sandbox/home"
export XDG_DATA_HOME="$sandbox/home/.local/share"
export XDG_CONFIG_HOME="$sandbox/home/.config"
export XDG_CACHE_HOME="$sandbox/home/.cache"
export XDG_RUNTIME_DIR="$sandbox/runtime"
export QT_QPA_PLATFORM=offscreen

dbus-run-session -- bash -c '
  printf "lakeledger-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
  ctest --preset ci -j2 "$@"
' bash "$@"
