#!/usr/bin/env bash
# Set-up: system packages, the build (build/sitrep) and the data files sitrep needs.
# Idempotent and fast on re-runs: apt is skipped when every package is installed, cmake and ninja
# rebuild only what changed (ccache), and the fetch scripts only do missing work.
#
# Usage: scripts/setup.sh
#   BUILD_DIR=build            where to build (default build/)
#   BUILD_TYPE=RelWithDebInfo  CMake build type
#   JOBS=N                     parallel compile jobs (default: number of cores)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# ccache hits across checkouts in different folders (CI clones elsewhere).
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}"
BUILD_DIR="${BUILD_DIR:-build}"
BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

PACKAGES=(build-essential cmake ninja-build ccache pkg-config libsqlite3-dev libicu-dev
          libgumbo-dev nlohmann-json3-dev libcpp-httplib-dev libgtest-dev libbenchmark-dev libjemalloc-dev
          python3 nodejs npm sqlite3
          clang libclang-rt-14-dev chromium wrk curl)

# Tools often installed outside Debian's packages (e.g. nodejs from NodeSource bundles npm, and
# then Debian's npm conflicts with it): the command on PATH is enough.
declare -A COMMAND_OF=([nodejs]=node [npm]=npm [cmake]=cmake [python3]=python3 [sqlite3]=sqlite3)

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] && continue
  [[ -n "${COMMAND_OF[$p]:-}" ]] && command -v "${COMMAND_OF[$p]}" >/dev/null && continue
  missing+=("$p")
done
if (( ${#missing[@]} > 0 )); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install packages" >&2; exit 1; }
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  # Update the package lists only when an install fails for want of them.
  if ! $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; then
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
  fi
fi

cmake -S "$ROOT" -B "$ROOT/$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" >/dev/null
cmake --build "$ROOT/$BUILD_DIR" -j "$JOBS"

# The gazetteer is compiled by sitrep itself, so it comes after the build.
if [[ -x scripts/fetch_data.sh ]]; then
  SITREP="$ROOT/$BUILD_DIR/sitrep" scripts/fetch_data.sh
fi
if [[ -x scripts/fetch_web_assets.sh ]]; then
  scripts/fetch_web_assets.sh || echo "setup: web assets not installed (the web page needs them)" >&2
fi
echo "setup: done; binary at $BUILD_DIR/sitrep" >&2
