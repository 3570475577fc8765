#!/usr/bin/env bash
# Installs the Debian 12 packages LakeLedger builds, runs and tests with. Idempotent: it asks
# apt only for packages that are missing, so a second run does nothing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev libgl-dev libvulkan-dev libxkbcommon-dev
  qt6-charts-dev qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qt6-qpa-plugins
  qtkeychain-qt6-dev libqt6sql6-sqlite libsqlite3-dev sqlite3
  gnome-keyring libsecret-1-0 dbus dbus-x11 fonts-dejavu-core
  clang-format git
  openssl
  clang libclang-rt-14-dev
)
# openssl makes the TLS test's CA and server certificate (tests/extract/tst_tls.cpp); clang and
# its runtime (libFuzzer, sanitizers; only a Recommends of clang) build tests/fuzz/
# (scripts/run-fuzz.sh). GCC's AddressSanitizer/UBSan runtimes come with build-essential.

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
