#!/usr/bin/env bash
# Cost of translation: `ssc -fompss -c` against a plain `cc -c` of the same
# generated file (about 1,000 lines, 100 task pragmas; gen.py), at -O0 (the
# default) and at -O2, the runs interleaved, REPS times each; prints medians
# and the difference. Usage: bench/translate/run.sh [build-dir] (default build)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$root/build}"
ssc="$build/bin/ssc"
reps="${REPS:-11}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 "$root/bench/translate/gen.py" >"$tmp/app.c" 2>/dev/null
lines=$(wc -l <"$tmp/app.c")
tasks=$(grep -c '#pragma oss task' "$tmp/app.c")
now() { date +%s%N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "input: $lines lines, $tasks task pragmas; $reps runs of each, medians in ms"
printf '%-6s %10s %16s %8s %14s\n' level "cc -c" "ssc -fompss -c" added "translate only"
for opt in -O0 -O2; do
    plain=(); ssct=(); trt=()
    for ((i = 0; i < reps; i++)); do
        t0=$(now); cc $opt -c "$tmp/app.c" -o "$tmp/plain.o"; t1=$(now)
        "$ssc" -fompss $opt -c "$tmp/app.c" -o "$tmp/ssc.o"; t2=$(now)
        "$build/bin/ssc-translate" "$tmp/app.c" -o "$tmp/app.ss.c" \
            -- -I"$root/runtime/include"; t3=$(now)
        plain+=($(((t1 - t0) / 1000000))); ssct+=($(((t2 - t1) / 1000000)))
        trt+=($(((t3 - t2) / 1000000)))
    done
    mp=$(median "${plain[@]}"); ms=$(median "${ssct[@]}"); mt=$(median "${trt[@]}")
    printf '%-6s %10s %16s %8s %14s\n' "$opt" "$mp" "$ms" "$((ms - mp))" "$mt"
done
