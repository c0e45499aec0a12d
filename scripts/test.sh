#!/usr/bin/env bash
# Set up, build the normal tree plus ThreadSanitizer and AddressSanitizer
# trees, and run every test through one ctest invocation (the sanitizer
# suites run as the tests sanitizer.thread and sanitizer.address), so the
# output ends with ctest's summary line. The sanitizer trees check the
# runtime and leave out the compiler (SS_BUILD_COMPILER=OFF: no clang
# tooling built under a sanitizer); the compiler's tests (lit.*, driver.*)
# run in the normal tree.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs="$(nproc)"
for san in thread address; do
    cmake -S . -B "build-$san" -DSS_SANITIZE="$san" \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSS_BUILD_COMPILER=OFF >/dev/null
    cmake --build "build-$san" -j"$jobs" >/dev/null
done
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSS_BUILD_COMPILER=ON \
    -DSS_SANITIZER_TREES="$PWD/build-thread;$PWD/build-address" >/dev/null
cmake --build build -j"$jobs" >/dev/null
cd build
exec ctest --output-on-failure --timeout 3000
