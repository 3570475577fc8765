#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the LakeLedger window on the built-in demo
# account: installs what is missing, builds, generates the demo store once, opens the GUI.
# Without a display it writes a screenshot of the Overview instead and says where.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev

store="${LAKELEDGER_DEMO_STORE:-$HOME/.local/share/LakeLedger/LakeLedger/profiles/demo.lakeledger}"
if [ ! -f "$store" ]; then
  ./build/app/cli/lakeledger-cli --store "$store" demo
fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec ./build/app/gui/lakeledger --store "$store" "$@"
fi
png="${LAKELEDGER_SCREENSHOT:-$PWD/build/overview.png}"
QT_QPA_PLATFORM=offscreen ./build/app/gui/lakeledger --store "$store" --screenshot "$png" --view overview
echo "No display found: wrote a screenshot of the Overview to $png"
