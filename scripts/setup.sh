#!/usr/bin/env bash
# Installs what the project needs from Debian's packages, if missing.
# Cheap when everything is present: one dpkg query, no apt-get call.
set -euo pipefail

# clang-14 tooling (libclang-14-dev, llvm-14-dev) builds ssc-translate;
# llvm-14-tools brings lit and FileCheck for lit-tests/; libclang-rt-14-dev
# brings libFuzzer for compiler/fuzz/. graphviz renders SS_GRAPH task
# graphs (dot); librsvg2-bin's rsvg-convert turns scripts/trace-timeline.py's
# SVG into the PNG of docs/tracing.md. openmpi-bin and libopenmpi-dev run
# MPI tasks (mpirun) and build the MPI program of their tests.
PKGS=(build-essential cmake pkg-config libhwloc-dev hwloc libgtest-dev
      clang-14 libomp-14-dev python3 libclang-14-dev llvm-14-dev llvm-14-tools
      libclang-rt-14-dev graphviz librsvg2-bin openmpi-bin libopenmpi-dev)

missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
