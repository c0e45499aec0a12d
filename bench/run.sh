#!/usr/bin/env bash
# run.sh - build the task benchmarks of bench/ for libgomp (gcc), libomp
# (clang) and ss (libssrt), run every shape at 1 and 2 threads, and print a
# markdown table of medians, also written into docs/performance.md between
# the bench:begin / bench:end markers. Usage: bash bench/run.sh
#
# Settings (environment):
#   REPS=3            repetitions per case; the table shows the median
#   QUICK_REPS=7      repetitions of the shapes whose runs take well under a
#                     second (independent, chain, out1000, readers): libgomp
#                     is bimodal there (independent, 2 threads, 10 runs:
#                     11.2 to 178 ns a task), so 3 runs gave a lottery
#   THREADS="1 2"     thread counts (OMP_NUM_THREADS / SS_NUM_THREADS)
#   RUNTIMES="gomp omp ss"
#   SHAPES="independent chain out1000 readers pending_mem cholesky"
#   N=1000000         tasks for independent, chain, out1000, pending_mem
#   READERS="20000 100000 1000000"   reader counts for readers
#   CHOL_N=2048 CHOL_BS="64 32 16 8" Cholesky order and tile sizes
#   PENDING_LIMIT=15  seconds pending_mem may spend creating tasks; a runtime
#                     that needs longer is measured on the tasks made by then
#   TIMEOUT=60        seconds per run; a run past it counts as "timeout"
#   SS_BUILD_DIR=build  CMake build dir of the runtime
#   SS_LINK=shared    shared (libssrt.so) or static (libssrt_static.a)
#   BENCH_OUT=$SS_BUILD_DIR/bench-bin  binaries, raw results, logs
#   DOC=docs/performance.md  file to update; DOC= (empty) leaves it alone
#   CC_GNU=gcc CC_CLANG=clang-14 CFLAGS=-O2

# CFLAGS and CSTD hold several flags and are split on purpose.
# shellcheck disable=SC2086
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1

REPS=${REPS:-3}
QUICK_REPS=${QUICK_REPS:-7}
THREADS=${THREADS:-"1 2"}
RUNTIMES=${RUNTIMES:-"gomp omp ss"}
SHAPES=${SHAPES:-"independent chain out1000 readers pending_mem cholesky"}
N=${N:-1000000}
READERS=${READERS:-"20000 100000 1000000"}
CHOL_N=${CHOL_N:-2048}
CHOL_BS=${CHOL_BS:-"64 32 16 8"}
PENDING_LIMIT=${PENDING_LIMIT:-15}
TIMEOUT=${TIMEOUT:-60}
SS_BUILD_DIR=${SS_BUILD_DIR:-build}
SS_LINK=${SS_LINK:-shared}
OUT=${BENCH_OUT:-$SS_BUILD_DIR/bench-bin}
DOC=${DOC-docs/performance.md}
CC_GNU=${CC_GNU:-gcc}
CC_CLANG=${CC_CLANG:-clang-14}
CFLAGS=${CFLAGS:--O2}
CSTD="-std=gnu11 -Wall -Wextra"

die() { echo "run.sh: $*" >&2; exit 1; }
note() { echo "run.sh: $*" >&2; }

mkdir -p "$OUT" || die "cannot create $OUT"
OUT=$(cd "$OUT" && pwd)
start_s=$(date +%s)

# ---- build -----------------------------------------------------------------

# The helpers are compiled once by gcc and linked into every program, so the
# Cholesky kernels are the same machine code for all runtimes.
build_peers() {
    $CC_GNU $CFLAGS $CSTD -c bench/common.c -o "$OUT/common.o" || return 1
    $CC_GNU $CFLAGS $CSTD -c bench/cholesky.c -o "$OUT/cholesky.o" || return 1
    local libs=("$OUT/common.o" "$OUT/cholesky.o" -lm -pthread)
    $CC_GNU $CFLAGS $CSTD bench/cholesky_seq.c "${libs[@]}" -o "$OUT/cholesky_seq" || return 1
    local s
    for s in $SHAPES; do
        $CC_GNU $CFLAGS $CSTD -fopenmp "bench/${s}_omp.c" "${libs[@]}" -o "$OUT/${s}_gomp" || return 1
        $CC_CLANG $CFLAGS $CSTD -fopenmp "bench/${s}_omp.c" "${libs[@]}" -o "$OUT/${s}_omp" || return 1
        case $(ldd "$OUT/${s}_gomp") in *libgomp.so*) ;; *) die "${s}_gomp does not link libgomp" ;; esac
        case $(ldd "$OUT/${s}_omp") in *libomp.so*) ;; *) die "${s}_omp does not link libomp (install libomp-14-dev)" ;; esac
    done
}

# The runtime through the project's CMake build; a failure only makes the ss
# column "n/a". Each ss program is linked separately, so one that does not
# build (an API call not there yet) is "n/a" alone.
build_ss() {
    local log="$OUT/ss-build.log" lib s
    rm -f "$OUT"/*_ss
    if ! { cmake -S . -B "$SS_BUILD_DIR" -DCMAKE_BUILD_TYPE=Release &&
           cmake --build "$SS_BUILD_DIR" --parallel 2 --target ssrt ssrt_static; } >"$log" 2>&1; then
        note "the ss runtime does not build (see $log); ss is n/a"
        return 0
    fi
    if grep -q '^SS_SANITIZE:STRING=..*' "$SS_BUILD_DIR/CMakeCache.txt" 2>/dev/null; then
        note "warning: $SS_BUILD_DIR is configured with SS_SANITIZE; ss timings are not meaningful"
    fi
    local libdir
    libdir=$(cd "$SS_BUILD_DIR/runtime" && pwd)
    if [ "$SS_LINK" = static ]; then
        read -ra lib <<<"$libdir/libssrt_static.a $(pkg-config --libs hwloc) -lpthread"
    else
        lib=("$libdir/libssrt.so" "-Wl,-rpath,$libdir")
    fi
    for s in $SHAPES; do
        $CC_GNU $CFLAGS $CSTD -I runtime/include "bench/${s}_ss.c" "$OUT/common.o" \
            "$OUT/cholesky.o" "${lib[@]}" -lm -pthread -o "$OUT/${s}_ss" >>"$log" 2>&1 ||
            note "bench/${s}_ss.c does not build against the runtime (see $log); n/a"
    done
}

build_peers || die "building the OpenMP benchmarks failed"
case " $RUNTIMES " in *" ss "*) build_ss ;; esac

# ---- run -------------------------------------------------------------------

results="$OUT/results.tsv"   # shape, size, threads, runtime, rep, value
runlog="$OUT/runs.log"       # every program's output
: >"$results"
: >"$runlog"

# run_one SHAPE SIZE THREADS RUNTIME REP ARGS...: run one program, append its
# value to the results and echo it: a number, n/a, timeout, FAIL, or for
# pending_mem throttled(K) or B@K (B bytes per task with only K pending).
run_one() {
    local shape=$1 size=$2 t=$3 rt=$4 rep=$5
    shift 5
    local bin="$OUT/${shape}_$rt" env_t value rc out
    if [ "$rt" = ss ]; then env_t="SS_NUM_THREADS=$t"; else env_t="OMP_NUM_THREADS=$t"; fi
    if [ ! -x "$bin" ]; then
        value=n/a
    else
        out=$(env "$env_t" timeout -k 5 "$TIMEOUT" "$bin" "$@" 2>&1)
        rc=$?
        printf '== %s %s %s\n%s\n' "$env_t" "${bin##*/}" "$*" "$out" >>"$runlog"
        local line
        line=$(printf '%s\n' "$out" | grep '^RESULT ' | tail -n 1)
        if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
            value=timeout
        elif [ $rc -ne 0 ] || [ -z "$line" ]; then
            value=FAIL
        else
            value=$(printf '%s\n' "$line" | tr ' ' '\n' |
                    sed -n 's/^\(ns_per_task\|bytes_per_task\|seconds\)=//p')
            if [ -z "$value" ]; then
                value=FAIL
            elif [ "$value" = throttled ]; then
                value="throttled($(printf '%s\n' "$line" | tr ' ' '\n' | sed -n 's/^pending_max=//p'))"
            else
                local n pending
                n=$(printf '%s\n' "$line" | tr ' ' '\n' | sed -n 's/^n=//p')
                pending=$(printf '%s\n' "$line" | tr ' ' '\n' | sed -n 's/^pending=//p')
                [ -n "$pending" ] && [ "$pending" != "$n" ] && value="$value@$pending"
            fi
        fi
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$shape" "$size" "$t" "$rt" "$rep" "$value" >>"$results"
    echo "$value"
}

# run_case SHAPE SIZE ARGS...: all thread counts, repetitions and runtimes,
# the runtimes interleaved within each repetition. After a run that does not
# give a number (timeout, throttled, partial), that runtime's remaining
# repetitions of the case are skipped: they would only repeat it.
run_case() {
    local shape=$1 size=$2
    shift 2
    local t rep rt v rts reps=$REPS
    case $shape in cholesky | pending_mem) ;; *) reps=$QUICK_REPS ;; esac
    for t in $THREADS; do
        rts=$RUNTIMES
        [ "$shape" = cholesky ] && [ "$t" = 1 ] && rts="seq $rts"
        declare -A skip=()
        for rep in $(seq 1 "$reps"); do
            for rt in $rts; do
                [ -n "${skip[$rt]:-}" ] && continue
                v=$(run_one "$shape" "$size" "$t" "$rt" "$rep" "$@")
                printf '  %-12s %-10s threads=%s %-5s rep %s: %s\n' "$shape" "$size" "$t" "$rt" "$rep" "$v" >&2
                case $v in timeout | n/a | throttled* | *@*) skip[$rt]=1 ;; esac
            done
        done
        unset skip
    done
}

for shape in $SHAPES; do
    case $shape in
    readers) for r in $READERS; do run_case readers "R=$r" "$r"; done ;;
    cholesky) for bs in $CHOL_BS; do run_case cholesky "bs=$bs" "$bs" "$CHOL_N"; done ;;
    pending_mem) run_case pending_mem "n=$N" "$N" "$PENDING_LIMIT" ;;
    *) run_case "$shape" "n=$N" "$N" ;;
    esac
done

# ---- table -----------------------------------------------------------------

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
os=$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release 2>/dev/null)
gccv=$($CC_GNU -dumpfullversion 2>/dev/null)
clangv=$($CC_CLANG -dumpversion 2>/dev/null)
elapsed=$(($(date +%s) - start_s))

header="Measured $(date -u +%Y-%m-%d) on $cpu, $(nproc) cores, $os; gcc $gccv, clang $clangv; median of $QUICK_REPS runs (Cholesky and pending_mem: $REPS), ${TIMEOUT} s limit per run; ss linked $SS_LINK; whole script ${elapsed} s."
table=$(HEADER=$header awk -F '\t' -v readers="$READERS" '
function isnum(v) { return v ~ /^-?[0-9]+(\.[0-9]+)?$/ }
function median(key,    n, a, i, j, x, v, bad) {
    n = 0; bad = ""
    for (i = 1; i <= cnt[key]; i++) {
        v = val[key, i]
        if (isnum(v)) a[++n] = v + 0
        else if (bad == "" || v == "FAIL") bad = v
    }
    if (bad != "") return bad
    if (n == 0) return "n/a"
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function fmt(v, unit,    p) {
    if (v ~ /^[0-9.]+@[0-9]+$/) {   # pending_mem cut short: B@K
        split(v, p, "@")
        return sprintf("%.0f (%d pending)", p[1], p[2])
    }
    if (!isnum(v)) return v
    if (unit == "s") return sprintf("%.3f", v)
    if (unit == "B") return sprintf("%.0f", v)
    return v < 100 ? sprintf("%.1f", v) : sprintf("%.0f", v)
}
function ratio(a, b) { return (isnum(a) && isnum(b) && b > 0) ? sprintf("%.2f", a / b) : "" }
# The faster peer of a row; a peer that did not finish does not count.
function best_peer(row,    g, o) {
    g = med[row, "gomp"]; o = med[row, "omp"]
    if (isnum(g) && isnum(o)) return g < o ? g : o
    return isnum(g) ? g : (isnum(o) ? o : "")
}
# One line of the targets table: what, the measured value, the limit.
function target(what, v, limit) {
    printf "| %s | %s | %s | %s |\n", what, v == "" ? "n/a" : v, limit,
        !isnum(v) ? "n/a" : (v + 0 <= limit + 0 ? "yes" : "no")
}
# The targets of docs/performance.md, checked at 2 threads.
function targets(    r, f, row, lo, hi) {
    print ""
    print "Targets, at 2 threads (ratios are ss over the peer; best peer = the faster of libgomp and libomp):"
    print ""
    print "| target | measured | limit | met |"
    print "|---|---:|---:|---|"
    for (r = 1; r <= nrows; r++) {
        split(rows[r], f, SUBSEP)
        if (f[3] != 2) continue
        row = rows[r]
        if (f[1] == "independent")
            target("independent " f[2] ": ss / libgomp", ratio(med[row, "ss"], med[row, "gomp"]), "1.00")
        if (f[1] == "chain" || f[1] == "readers")
            target(f[1] " " f[2] ": ss / best peer", ratio(med[row, "ss"], best_peer(row)), "0.50")
        if (f[1] == "pending_mem")
            target("pending_mem " f[2] ": ss bytes per pending task", fmt(med[row, "ss"], "B"), "256")
    }
    if (nr >= 2 && has_readers) {
        lo = "readers" SUBSEP "R=" rr[1] SUBSEP 2; hi = "readers" SUBSEP "R=" rr[nr] SUBSEP 2
        if (lo in seen)
            target("readers: ss per-reader cost R=" rr[nr] " / R=" rr[1], ratio(med[hi, "ss"], med[lo, "ss"]), "2.00")
    }
}
{
    key = $1 SUBSEP $2 SUBSEP $3 SUBSEP $4
    if (!(key in cnt)) { cnt[key] = 0 }
    val[key, ++cnt[key]] = $6
    rc = $1 SUBSEP $2 SUBSEP $3
    if (!(rc in seen)) { seen[rc] = 1; rows[++nrows] = rc }
    if ($1 == "readers") has_readers = 1
}
END {
    unit["independent"] = "ns/task"; unit["chain"] = "ns/task"; unit["out1000"] = "ns/task"
    unit["readers"] = "ns/reader"; unit["pending_mem"] = "B/task"; unit["cholesky"] = "s"
    print ENVIRON["HEADER"]
    print ""
    print "| shape | size | threads | unit | libgomp | libomp | ss | ss/libgomp | ss/libomp |"
    print "|---|---|---:|---|---:|---:|---:|---:|---:|"
    for (r = 1; r <= nrows; r++) {
        split(rows[r], f, SUBSEP)
        u = unit[f[1]]; us = u == "s" ? "s" : (u == "B/task" ? "B" : "ns")
        g = median(rows[r] SUBSEP "gomp"); o = median(rows[r] SUBSEP "omp"); s = median(rows[r] SUBSEP "ss")
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", f[1], f[2], f[3], u,
            fmt(g, us), fmt(o, us), fmt(s, us), ratio(s, g), ratio(s, o)
        if (f[1] == "cholesky" && f[3] == 1) seqrow[++nseq] = rows[r]
        med[rows[r], "gomp"] = g; med[rows[r], "omp"] = o; med[rows[r], "ss"] = s
    }
    nr = split(readers, rr, " ")
    if (nr >= 2 && has_readers) {
        print ""
        printf "Readers, growth of the per-reader cost from R=%s to R=%s (target for ss: at most 2):\n\n", rr[1], rr[nr]
        print "| threads | libgomp | libomp | ss |"
        print "|---:|---:|---:|---:|"
        for (r = 1; r <= nrows; r++) {
            split(rows[r], f, SUBSEP)
            if (f[1] != "readers" || f[2] != "R=" rr[1]) continue
            hi = "readers" SUBSEP "R=" rr[nr] SUBSEP f[3]
            printf "| %s | %s | %s | %s |\n", f[3], ratio(med[hi, "gomp"], med[rows[r], "gomp"]),
                ratio(med[hi, "omp"], med[rows[r], "omp"]), ratio(med[hi, "ss"], med[rows[r], "ss"])
        }
    }
    targets()
    if (nseq > 0) {
        print ""
        print "Cholesky without tasks (same kernels, sequential), the baseline:"
        print ""
        print "| size | seconds |"
        print "|---|---:|"
        for (i = 1; i <= nseq; i++) {
            split(seqrow[i], f, SUBSEP)
            printf "| %s | %s |\n", f[2], fmt(median(seqrow[i] SUBSEP "seq"), "s")
        }
    }
}' "$results")

echo
echo "$table"

if [ -n "$DOC" ]; then
    if [ -f "$DOC" ] && grep -q '^<!-- bench:begin -->$' "$DOC" && grep -q '^<!-- bench:end -->$' "$DOC"; then
        TABLE=$table awk '
            /^<!-- bench:begin -->$/ { print; print ""; print ENVIRON["TABLE"]; print ""; skip = 1; next }
            /^<!-- bench:end -->$/ { skip = 0 }
            !skip' "$DOC" >"$DOC.tmp" && mv "$DOC.tmp" "$DOC"
    else
        printf '\n<!-- bench:begin -->\n\n%s\n\n<!-- bench:end -->\n' "$table" >>"$DOC"
    fi
    note "table written into $DOC"
fi
note "raw results in $results, program output in $runlog"
