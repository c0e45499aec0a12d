#!/usr/bin/env bash
# trace-overhead.sh - what tracing costs on the Cholesky benchmark
# (bench/cholesky_ss.c): the same program against libssrt with the trace
# hooks compiled out (-DSS_TRACE_HOOKS=OFF), with them in but tracing off,
# with each feature on, and optionally against an older libssrt.so. The
# variants run interleaved (one run of each, in a shuffled order, REPS times
# over) so that the noise of a shared machine falls on all alike; prints
# the median factorization time of each, its ratio to "hooks out", and the
# time finalize spends writing the files. Usage: bash bench/trace-overhead.sh
#
# Settings (environment):
#   N=1024 BS="32 16 8"   matrix order and tile sizes
#   REPS=9 THREADS=2      repetitions per case, SS_NUM_THREADS
#   SS_BUILD_DIR=build    a Release build of the runtime (hooks in)
#   BASE_LIB=             an older libssrt.so to compare with (optional)
#   OUT=$SS_BUILD_DIR/trace-overhead   binaries, raw results, trace files
#   CALLGRIND=1           also count instructions (valgrind's callgrind, 1
#                         worker, N=256 BS=8: 5984 tasks), a figure the noise
#                         of the machine does not touch; 0 skips it

# shellcheck disable=SC2086
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1

N=${N:-1024}
BS=${BS:-"32 16 8"}
REPS=${REPS:-9}
THREADS=${THREADS:-2}
SS_BUILD_DIR=${SS_BUILD_DIR:-build}
BASE_LIB=${BASE_LIB:-}
OUT=${OUT:-$SS_BUILD_DIR/trace-overhead}
CALLGRIND=${CALLGRIND:-1}
die() { echo "trace-overhead.sh: $*" >&2; exit 1; }

mkdir -p "$OUT"/lib-on "$OUT"/lib-out "$OUT"/lib-base "$OUT"/files || die "cannot create $OUT"
OUT=$(cd "$OUT" && pwd)
cmake --build "$SS_BUILD_DIR" --target ssrt -j2 >/dev/null 2>&1 || die "cannot build $SS_BUILD_DIR"
cp "$SS_BUILD_DIR/runtime/libssrt.so" "$OUT/lib-on/" || die "no libssrt.so in $SS_BUILD_DIR"
{ cmake -S . -B "$OUT/build-hooks-out" -DCMAKE_BUILD_TYPE=Release -DSS_BUILD_COMPILER=OFF \
      -DSS_TRACE_HOOKS=OFF && cmake --build "$OUT/build-hooks-out" --target ssrt -j2; } \
    >"$OUT/build.log" 2>&1 || die "the hooks-out build failed (see $OUT/build.log)"
cp "$OUT/build-hooks-out/runtime/libssrt.so" "$OUT/lib-out/"
# One program, linked without rpath; LD_LIBRARY_PATH picks the library.
gcc -O2 -std=gnu11 -I runtime/include bench/cholesky_ss.c bench/common.c \
    bench/cholesky.c -L "$OUT/lib-on" -lssrt -lm -pthread -o "$OUT/cholesky_ss" ||
    die "cannot build bench/cholesky_ss.c"

# variant name, library dir, settings
variants=("hooks-out|lib-out|" "off|lib-on|" "json|lib-on|SS_TRACE=json"
          "paraver|lib-on|SS_TRACE=paraver" "graph|lib-on|SS_GRAPH=$OUT/files/g.dot"
          "stats|lib-on|SS_STATS=1"
          "all|lib-on|SS_TRACE=both SS_GRAPH=$OUT/files/g.dot SS_STATS=1")
if [ -n "$BASE_LIB" ]; then
    cp "$BASE_LIB" "$OUT/lib-base/libssrt.so" || die "cannot read $BASE_LIB"
    variants=("before|lib-base|" "${variants[@]}")
fi

results="$OUT/results.tsv" # bs, variant, rep, factorization s, whole run s
: >"$results"
for rep in $(seq "$REPS"); do
    for bs in $BS; do
        mapfile -t order < <(printf '%s\n' "${variants[@]}" | shuf)
        for v in "${order[@]}"; do
            IFS='|' read -r name lib settings <<<"$v"
            t0=$(date +%s%N)
            line=$(cd "$OUT/files" && env -u SS_TRACE -u SS_GRAPH -u SS_STATS \
                   SS_NUM_THREADS="$THREADS" SS_TRACE_FILE="$OUT/files/t" $settings \
                   LD_LIBRARY_PATH="$OUT/$lib" "$OUT/cholesky_ss" "$bs" "$N" 2>/dev/null |
                   grep '^RESULT')
            t1=$(date +%s%N)
            s=$(printf '%s\n' "$line" | tr ' ' '\n' | sed -n 's/^seconds=//p')
            [ -n "$s" ] || die "$name bs=$bs failed"
            printf '%s\t%s\t%s\t%s\t%s\n' "$bs" "$name" "$rep" "$s" \
                "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')" \
                >>"$results"
        done
    done
    echo "trace-overhead.sh: round $rep of $REPS done" >&2
done

# Medians, minima and per-round ratios.
python3 - "$results" "$N" "$THREADS" "$REPS" "${variants[@]}" <<'PY'
import statistics, sys
path, n, threads, reps = sys.argv[1:5]
order = [v.split("|")[0] for v in sys.argv[5:]]
rows = [l.rstrip("\n").split("\t") for l in open(path)]
sizes = sorted({int(r[0]) for r in rows}, reverse=True)
n = int(n)
print(f"Cholesky N={n}, SS_NUM_THREADS={threads}, {reps} interleaved rounds. Per "
      "variant: median and minimum factorization time, the median over rounds of "
      "its ratio to hooks-out in the same round, and the median time the whole "
      "run spends outside the factorization (start, matrix set-up and check, "
      "finalize: writing the files) minus that of hooks-out.")
for bs in sizes:
    nt = n // bs
    print()
    print(f"bs={bs} ({nt * (nt + 1) * (nt + 2) // 6} tasks):")
    print()
    print("| variant | median s | min s | ratio to hooks-out | extra outside s |")
    print("|---|---|---|---|---|")
    fac = {(v, int(r[2])): float(r[3]) for r in rows if int(r[0]) == bs for v in [r[1]]}
    rest = {(v, int(r[2])): float(r[4]) - float(r[3]) for r in rows if int(r[0]) == bs
            for v in [r[1]]}
    rounds = sorted({k[1] for k in fac})
    base_rest = statistics.median(rest["hooks-out", k] for k in rounds)
    for v in order:
        xs = [fac[v, k] for k in rounds]
        ratio = statistics.median(fac[v, k] / fac["hooks-out", k] for k in rounds)
        extra = statistics.median(rest[v, k] for k in rounds) - base_rest
        print(f"| {v} | {statistics.median(xs):.4f} | {min(xs):.4f} | {ratio:.3f} | "
              f"{extra:+.3f} |")
PY

# Instructions per task: the whole run, and the part inside ssi_trace_fini
# (writing the files), over the hooks-out build.
command -v valgrind >/dev/null || CALLGRIND=0
if [ "$CALLGRIND" = 1 ]; then
    tasks=5984
    count() { # lib settings [toggle]: instructions callgrind collected
        (cd "$OUT/files" && env -u SS_TRACE -u SS_GRAPH -u SS_STATS SS_NUM_THREADS=1 \
            SS_TRACE_FILE="$OUT/files/t" $2 LD_LIBRARY_PATH="$OUT/$1" \
            valgrind --tool=callgrind --callgrind-out-file=/dev/null ${3:+--toggle-collect=$3} \
            "$OUT/cholesky_ss" 8 256 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
    }
    echo
    echo "Instructions per task (callgrind; 1 worker; N=256 BS=8, $tasks tasks), over hooks-out:"
    echo
    echo "| variant | while running | writing at finalize |"
    echo "|---|---|---|"
    base=$(count lib-out "")
    for v in "${variants[@]}"; do
        IFS='|' read -r name lib settings <<<"$v"
        total=$(count "$lib" "$settings")
        fini=$(count "$lib" "$settings" ssi_trace_fini)
        awk -v n="$name" -v t="$total" -v f="$fini" -v b="$base" -v k="$tasks" \
            'BEGIN { printf "| %s | %+.1f | %.1f |\n", n, (t - f - b) / k, f / k }'
    done
fi
