#!/usr/bin/env bash
# Installs storyline's build and test dependencies from Debian's packages.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config ccache
  libicu-dev libstemmer-dev libcld2-dev libsimdjson-dev libsqlite3-dev
  libcpp-httplib-dev libcli11-dev libxxhash-dev libgumbo-dev libfmt-dev
  libabsl-dev libboost-dev libjemalloc-dev nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev
  libopenmpi-dev openmpi-bin python3 python3-sklearn
)
"$(dirname "$0")/apt-install-missing.sh" "${packages[@]}"
