#!/usr/bin/env bash
# Optional: what the web UI's browser test (tests/web, CTest "web_ui") needs:
# Node.js, Debian's Chromium (never a downloaded browser) and the npm
# packages pinned in web/package-lock.json (playwright-core only; it
# downloads nothing). Without these the test is simply not registered.
set -euo pipefail
cd "$(dirname "$0")/.."
# Node.js may come from another packaging (with npm inside): only install
# Debian's when there is none.
packages=(chromium)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
scripts/apt-install-missing.sh "${packages[@]}"
# playwright-core has no install script; --ignore-scripts keeps it that way.
(cd web && npm ci --ignore-scripts --no-audit --no-fund)
