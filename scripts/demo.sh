#!/usr/bin/env bash
# Set up, build everything (Release), and run a demo program.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
echo "== demo: blocked Cholesky on the ss runtime =="
echo "sequential:"; ./build/bench/cholesky_seq 64 1024
echo "ss runtime, all cores:"; ./build/bench/cholesky_ss 64 1024
