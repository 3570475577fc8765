#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the whole test suite: installs what is missing,
# checks the formatting of the changed C++ lines (scripts/check-format.sh), builds with warnings
# as errors, and runs every test under a private D-Bus session with an unlocked gnome-keyring
# (the real Secret Service the keychain tests use) on the offscreen Qt platform. LL_ASAN=1 then
# runs the same suite again built with AddressSanitizer + UndefinedBehaviorSanitizer (preset
# "asan", any finding fails its test); LL_FUZZ=1 adds every fuzz target for 60 s
# (scripts/run-fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/check-format.sh
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake --preset ci "${launcher[@]}" >/dev/null
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

suite() {
  dbus-run-session -- bash -c '
    printf "lakeledger-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
    ctest "$@"
  ' bash "$@"
}

start=$SECONDS
suite --preset ci -j2 "$@"
echo "run-tests: normal suite passed ($((SECONDS - start)) s since the build)"
# The sanitizer suite is opt-in (LL_ASAN=1) until a whole asan run on a clean machine has been
# measured green within CI's time limit; see README, "What the tests cover".
if [ "${LL_QUICK:-0}" = 1 ] || [ "${LL_ASAN:-0}" != 1 ]; then
  exit 0
fi

start=$SECONDS
cmake --preset asan "${launcher[@]}" >/dev/null
cmake --build --preset asan
suite --preset asan -j2 "$@"
echo "run-tests: sanitizer suite passed ($((SECONDS - start)) s with its build)"

# Fuzzing is opt-in until its clang build has been timed in CI (see README, "What the tests cover").
if [ "${LL_FUZZ:-0}" = 1 ]; then
  start=$SECONDS
  bash scripts/run-fuzz.sh "${LL_FUZZ_SECONDS:-60}"
  echo "run-tests: fuzzing passed ($((SECONDS - start)) s with its build)"
fi
