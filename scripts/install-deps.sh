#!/usr/bin/env bash
# Installs storyline's build and test dependencies from Debian's packages.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config ccache
  libicu-dev libstemmer-dev libcld2-dev libsimdjson-dev libsqlite3-dev
  libcpp-httplib-dev libcli11-dev libxxhash-dev libgumbo-dev libfmt-dev
  libabsl-dev nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev
  python3 python3-sklearn
)
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
