#!/usr/bin/env bash
# Optional: what the web UI's browser test (tests/web, CTest "web_ui") needs:
# Node.js, Debian's Chromium (never a downloaded browser) and the npm
# packages pinned in web/package-lock.json (playwright-core only; it
# downloads nothing). Without these the test is simply not registered.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(chromium nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
# playwright-core has no install script; --ignore-scripts keeps it that way.
(cd web && npm ci --ignore-scripts --no-audit --no-fund)
