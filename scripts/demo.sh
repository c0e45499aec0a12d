#!/usr/bin/env bash
# Set up, build everything (Release), and run a demo: an OmpSs program (the
# blocked Cholesky of examples/) compiled with `ssc -fompss`, checked against
# its own sequential run, then the same compiled without -fompss.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
out=build/demo
mkdir -p "$out"
echo "== demo: ssc -fompss -O2 examples/cholesky.c -o $out/cholesky =="
./build/bin/ssc -fompss -O2 examples/cholesky.c -o "$out/cholesky" -lm
"$out/cholesky" 1024 64
echo "== the same source as plain sequential C (no -fompss) =="
./build/bin/ssc -O2 examples/cholesky.c -o "$out/cholesky_seq" -lm
"$out/cholesky_seq" 1024 64
