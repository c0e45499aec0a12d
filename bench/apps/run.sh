#!/usr/bin/env bash
# run.sh - the application benchmarks of bench/apps/: build every app four
# ways (sequential: the OmpSs source by plain cc; gomp: the OpenMP twin by
# gcc -fopenmp; omp: the twin by clang -fopenmp; ss: the OmpSs source by
# ssc -fompss), run all sizes with the runtimes interleaved, then write a
# markdown table (median, min, max), the targets of issue 5 and plots into
# docs/performance.md (between apps:begin / apps:end) and docs/img/.
# Usage: bash bench/apps/run.sh
#
# Settings (environment):
#   REPS=5             repetitions per case (runtimes interleaved, rotated)
#   THREADS="2"        thread counts (OMP_NUM_THREADS / SS_NUM_THREADS)
#   APPS="cholesky matmul heat heatblk nbody multisort fib"
#     (heatblk: heat with the OpenMP twin's dependences, one byte per block,
#     in the OmpSs source too; the other three columns are heat's programs)
#   CHOL_N=2048  CHOL_BS="128 64 32 16 8"      order, tile sizes
#   MM_N=1024    MM_BS="128 32 16"              order, tile sizes
#   HEAT_N=2048  HEAT_STEPS=20 HEAT_BS="256 64 32"  grid, sweeps, block sizes
#   NB_N=2048    NB_STEPS=20   NB_BS="256 16 4"      particles, steps, blocks
#   MS_N=4194304 MS_CUTS="65536 2048 256"      elements, cut-offs (sort = merge)
#   FIB_N=42     FIB_CUTS="30 20 15"           N, cut-offs
#     (each list goes from the coarse size to the finest; the targets read
#     the first as coarse and the last as finest)
#   PENDING_N=10000000 tasks behind one gate for the memory figure (0: skip)
#   TIMEOUT=60         seconds per run; a run past it reads "timeout" and
#                      that runtime's remaining repetitions of the case are
#                      skipped (as after a crash)
#   SS_SRC=.           source tree of the runtime and ssc (CMake project)
#   SS_BUILD_DIR=build its CMake build dir (targets ssc, ssc-translate, ssrt)
#   SS_REV             how the table names the runtime's version (default:
#                      git describe of SS_SRC, or the path)
#   BENCH_OUT=$SS_BUILD_DIR/apps-bin  binaries, raw results, logs
#   DOC=docs/performance.md  file to update; DOC= (empty) leaves it alone
#   REDRAW=1           build and run nothing: redraw the tables and plots
#                      from the run kept in BENCH_OUT
#   PLOTS=docs/img     where the PNGs go; PLOTS= (empty) makes none
#   CC_GNU=gcc CC_CLANG=clang-14 CFLAGS=-O2
#   KFLAGS=-falign-functions=64  added for the kernels (see build_app)

# CFLAGS and CSTD hold several flags and are split on purpose.
# shellcheck disable=SC2086
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root" || exit 1

REPS=${REPS:-5}
THREADS=${THREADS:-2}
APPS=${APPS:-"cholesky matmul heat heatblk nbody multisort fib"}
CHOL_N=${CHOL_N:-2048} CHOL_BS=${CHOL_BS:-"128 64 32 16 8"}
MM_N=${MM_N:-1024} MM_BS=${MM_BS:-"128 32 16"}
HEAT_N=${HEAT_N:-2048} HEAT_STEPS=${HEAT_STEPS:-20} HEAT_BS=${HEAT_BS:-"256 64 32"}
NB_N=${NB_N:-2048} NB_STEPS=${NB_STEPS:-20} NB_BS=${NB_BS:-"256 16 4"}
MS_N=${MS_N:-4194304} MS_CUTS=${MS_CUTS:-"65536 2048 256"}
FIB_N=${FIB_N:-42} FIB_CUTS=${FIB_CUTS:-"30 20 15"}
PENDING_N=${PENDING_N:-10000000}
REDRAW=${REDRAW:-0}
TIMEOUT=${TIMEOUT:-60}
SS_SRC=$(cd "${SS_SRC:-.}" && pwd) || exit 1
SS_BUILD_DIR=${SS_BUILD_DIR:-build}
OUT=${BENCH_OUT:-$SS_BUILD_DIR/apps-bin}
DOC=${DOC-docs/performance.md}
PLOTS=${PLOTS-docs/img}
CC_GNU=${CC_GNU:-gcc}
CC_CLANG=${CC_CLANG:-clang-14}
CFLAGS=${CFLAGS:--O2}
KFLAGS=${KFLAGS:--falign-functions=64}
CSTD="-std=gnu11 -Wall -Wextra"
RUNTIMES="seq gomp omp ss"

die() { echo "run.sh: $*" >&2; exit 1; }
note() { echo "run.sh: $*" >&2; }

mkdir -p "$OUT" || die "cannot create $OUT"
OUT=$(cd "$OUT" && pwd)
log="$OUT/build.log"
results="$OUT/results.tsv" # app, size, threads, runtime, rep, seconds or status, tasks
runlog="$OUT/runs.log"     # every program's output
start_s=$(date +%s)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
# The version measured is the one built now: a change made to the tree
# while the apps run does not make it "dirty".
build_rev=$(git -C "$SS_SRC" describe --always --dirty 2>/dev/null || echo "$SS_SRC")

# ---- build -----------------------------------------------------------------

# build_runtime: ssc and libssrt through the project's CMake build. Without
# them the ss column reads n/a and the rest is still measured.
ssc=""
build_runtime() {
    if ! { cmake -S "$SS_SRC" -B "$SS_BUILD_DIR" -DCMAKE_BUILD_TYPE=Release &&
           cmake --build "$SS_BUILD_DIR" --parallel 2 --target ssc ssc-translate ssrt; } >>"$log" 2>&1; then
        note "ssc or the runtime does not build (see $log); ss is n/a"
        return 0
    fi
    if grep -q '^SS_SANITIZE:STRING=..*' "$SS_BUILD_DIR/CMakeCache.txt" 2>/dev/null; then
        note "warning: $SS_BUILD_DIR is configured with SS_SANITIZE; ss timings are not meaningful"
    fi
    ssc=$(cd "$SS_BUILD_DIR/bin" && pwd)/ssc
}

# The kernels (and bench/common.c) are compiled once by gcc and linked into
# all four versions of an app, so every runtime runs the same machine code,
# and with KFLAGS (functions aligned to 64 bytes), so that it also sits at
# the same offset within a cache line in every binary: the matmul kernel,
# same object code, ran 1.7x slower in the binaries that placed it 48 bytes
# into a line than in those that placed it at the start of one.
kernels_of() {
    case $1 in
    cholesky) echo bench/cholesky.c ;;
    heatblk) echo bench/apps/heat_kernels.c ;;
    *) echo "bench/apps/$1_kernels.c" ;;
    esac
}
omp_source_of() {
    case $1 in
    cholesky) echo bench/cholesky_omp.c ;; # the existing OpenMP twin
    heatblk) echo bench/apps/heat_omp.c ;;  # same program as heat's twin
    *) echo "bench/apps/$1_omp.c" ;;
    esac
}

# build_app APP: NAME_seq, NAME_gomp, NAME_omp and NAME_ss in $OUT; a version
# that does not build is left out (its column reads n/a).
build_app() {
    local app=$1 k src omp libs
    k="$OUT/$app-kernels.o"
    src="bench/apps/${app}_ss.c"
    omp=$(omp_source_of "$app")
    rm -f "$OUT/${app}"_{seq,gomp,omp,ss}
    $CC_GNU $CFLAGS $KFLAGS $CSTD -c "$(kernels_of "$app")" -o "$k" >>"$log" 2>&1 ||
        { note "the $app kernels do not build (see $log)"; return 0; }
    libs=("$OUT/common.o" "$k" -lm)
    {
        $CC_GNU $CFLAGS $CSTD -Wno-unknown-pragmas "$src" "${libs[@]}" -pthread -o "$OUT/${app}_seq"
        $CC_GNU $CFLAGS $CSTD -fopenmp "$omp" "${libs[@]}" -o "$OUT/${app}_gomp"
        $CC_CLANG $CFLAGS $CSTD -fopenmp "$omp" "${libs[@]}" -o "$OUT/${app}_omp"
        [ -n "$ssc" ] && "$ssc" -fompss $CFLAGS $CSTD "$src" "${libs[@]}" -o "$OUT/${app}_ss"
    } >>"$log" 2>&1
    local rt
    for rt in $RUNTIMES; do
        [ -x "$OUT/${app}_$rt" ] || note "${app}_$rt does not build (see $log); n/a"
    done
    if [ -x "$OUT/${app}_gomp" ]; then
        case $(ldd "$OUT/${app}_gomp") in *libgomp.so*) ;; *) die "${app}_gomp does not link libgomp" ;; esac
    fi
    if [ -x "$OUT/${app}_omp" ]; then
        case $(ldd "$OUT/${app}_omp") in *libomp.so*) ;; *) die "${app}_omp does not link libomp (install libomp-14-dev)" ;; esac
    fi
}

build_all() {
    : >"$log"
    build_runtime
    $CC_GNU $CFLAGS $CSTD -c bench/common.c -o "$OUT/common.o" >>"$log" 2>&1 ||
        die "bench/common.c does not build (see $log)"
    for app in $APPS; do build_app "$app"; done
}

# ---- run -------------------------------------------------------------------

# run_one APP SIZE THREADS RUNTIME REP ARGS...: run one program, append its
# result to $results and echo the value: seconds, n/a, timeout, crash or FAIL.
run_one() {
    local app=$1 size=$2 t=$3 rt=$4 rep=$5
    shift 5
    local bin="$OUT/${app}_$rt" value tasks="" out rc line
    if [ ! -x "$bin" ]; then
        value=n/a
    else
        out=$(env OMP_NUM_THREADS="$t" SS_NUM_THREADS="$t" timeout -k 5 "$TIMEOUT" "$bin" "$@" 2>&1)
        rc=$?
        printf '== threads=%s %s %s (exit %s)\n%s\n' "$t" "${bin##*/}" "$*" "$rc" "$out" >>"$runlog"
        line=$(printf '%s\n' "$out" | grep '^RESULT ' | tail -n 1)
        if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
            value=timeout
        elif [ $rc -gt 128 ]; then
            value=crash
        elif [ $rc -ne 0 ] || [ -z "$line" ]; then
            value=FAIL
        else
            value=$(printf '%s\n' "$line" | tr ' ' '\n' | sed -n 's/^seconds=//p')
            tasks=$(printf '%s\n' "$line" | tr ' ' '\n' | sed -n 's/^tasks=//p')
            [ -n "$value" ] || value=FAIL
        fi
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$app" "$size" "$t" "$rt" "$rep" "$value" "$tasks" >>"$results"
    echo "$value"
}

# run_case APP SIZE ARGS...: REPS rounds; in each, the sequential build once
# and every runtime at every thread count, one after the other, the order
# rotated from round to round so that no runtime always runs first. After a
# run that gives no time, that (runtime, threads) is not run again for the
# case.
run_case() {
    local app=$1 size=$2
    shift 2
    local rep i k n v t rt
    local -a runs=() order
    local -A skip=()
    runs+=("seq:1")
    for t in $THREADS; do
        for rt in gomp omp ss; do runs+=("$rt:$t"); done
    done
    n=${#runs[@]}
    for rep in $(seq 1 "$REPS"); do
        order=()
        for ((i = 0; i < n; i++)); do order+=("${runs[$(((i + rep - 1) % n))]}"); done
        for k in "${order[@]}"; do
            [ -n "${skip[$k]:-}" ] && continue
            rt=${k%:*} t=${k#*:}
            v=$(run_one "$app" "$size" "$t" "$rt" "$rep" "$@")
            printf '  %-10s %-12s threads=%s %-5s rep %s: %s\n' "$app" "$size" "$t" "$rt" "$rep" "$v" >&2
            case $v in timeout | crash | FAIL | n/a) skip[$k]=1 ;; esac
        done
    done
}

run_all() {
    local app b c
    : >"$results"
    : >"$runlog"
    for app in $APPS; do
        case $app in
        cholesky) for b in $CHOL_BS; do run_case cholesky "bs=$b" "$b" "$CHOL_N"; done ;;
        matmul) for b in $MM_BS; do run_case matmul "bs=$b" "$b" "$MM_N"; done ;;
        heat | heatblk) for b in $HEAT_BS; do run_case "$app" "bs=$b" "$b" "$HEAT_N" "$HEAT_STEPS"; done ;;
        nbody) for b in $NB_BS; do run_case nbody "bs=$b" "$b" "$NB_N" "$NB_STEPS"; done ;;
        multisort) for c in $MS_CUTS; do run_case multisort "cut=$c" "$c" "$c" "$MS_N"; done ;;
        fib) for c in $FIB_CUTS; do run_case fib "cut=$c" "$c" "$FIB_N"; done ;;
        *) die "unknown app '$app'" ;;
        esac
    done
}

# ---- memory per pending task -----------------------------------------------

# peak_kib CMD...: the peak resident memory of a program run under
# /usr/bin/time -v, in KiB; empty if it did not finish.
peak_kib() {
    local out rc
    out=$(env SS_NUM_THREADS=2 timeout -k 5 "$TIMEOUT" /usr/bin/time -v "$@" 2>&1)
    rc=$?
    printf '== /usr/bin/time -v %s (exit %s)\n%s\n' "$*" "$rc" "$out" >>"$runlog"
    [ $rc -eq 0 ] || return 0
    printf '%s\n' "$out" | sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p'
}

# measure_pending: set pending to "base KiB, peak KiB, bytes per task of the
# peak, net bytes per task, the program's own figure" (tab-separated), or
# FAIL, or leave it empty when not measured.
pending=""
measure_pending() {
    local base full self
    [ "$PENDING_N" -gt 0 ] && [ -n "$ssc" ] || return 0
    if [ ! -x /usr/bin/time ]; then
        note "no /usr/bin/time (Debian package time); the memory figure is left out"
        return 0
    fi
    "$ssc" -fompss $CFLAGS $CSTD bench/apps/pending_ss.c "$OUT/common.o" -o "$OUT/pending_ss" >>"$log" 2>&1 ||
        { note "bench/apps/pending_ss.c does not build (see $log)"; return 0; }
    base=$(peak_kib "$OUT/pending_ss" 1)
    full=$(peak_kib "$OUT/pending_ss" "$PENDING_N")
    self=$(grep '^RESULT shape=pending' "$runlog" | tail -n 1 | tr ' ' '\n' | sed -n 's/^bytes_per_task=//p')
    if [ -n "$base" ] && [ -n "$full" ]; then
        pending=$(awk -v b="$base" -v f="$full" -v n="$PENDING_N" -v s="$self" 'BEGIN {
            printf "%d\t%d\t%.1f\t%.1f\t%s", b, f, f * 1024 / n, (f - b) * 1024 / n, s }')
    else
        pending="FAIL"
    fi
    note "pending tasks: $pending"
}

# ---- table -----------------------------------------------------------------

# describe_run: the line over the table (machine, compilers, runtime
# version, rounds, time and load of the run).
describe_run() {
    local cpu os gccv clangv rev elapsed load_end
    cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
    os=$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release 2>/dev/null)
    gccv=$($CC_GNU -dumpfullversion 2>/dev/null)
    clangv=$($CC_CLANG -dumpversion 2>/dev/null)
    rev=${SS_REV:-$build_rev}
    elapsed=$(($(date +%s) - start_s))
    load_end=$(cut -d' ' -f1-3 /proc/loadavg)
    header="Measured $(date -u +%Y-%m-%d) on $cpu, $(nproc) cores, $os; gcc $gccv (libgomp), clang $clangv (libomp), ss and ssc at $rev; $REPS rounds, runtimes interleaved; ${TIMEOUT} s limit per run; whole script ${elapsed} s; load average (1, 5, 15 min) $load_start at the start, $load_end at the end."
}

# REDRAW=1 redraws the tables and plots from the run kept in $OUT; else
# build, measure, and keep what the tables need beside the results.
if [ "$REDRAW" = 1 ]; then
    if [ ! -f "$results" ] || [ ! -f "$OUT/meta.sh" ]; then
        die "REDRAW=1: no earlier run in $OUT (results.tsv, meta.sh)"
    fi
    # shellcheck source=/dev/null
    . "$OUT/meta.sh"
else
    build_all
    run_all
    measure_pending
    describe_run
    declare -p THREADS APPS PENDING_N pending header >"$OUT/meta.sh"
fi

# The thread count the targets are read at: 2 if measured, else the largest.
tgt_threads=$(printf '%s\n' $THREADS | sort -n | tail -n 1)
case " $THREADS " in *" 2 "*) tgt_threads=2 ;; esac

table=$(HEADER=$header PENDING=$pending PENDING_N=$PENDING_N awk -F '\t' -v tt="$tgt_threads" -v threads="$THREADS" '
function isnum(v) { return v ~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/ }
# Sorted numeric values of a cell into s[1..]; returns the count, or sets
# bad to the first non-number (crash and FAIL win over timeout).
function collect(key, s,    n, i, j, x, v) {
    n = 0; bad = ""
    for (i = 1; i <= cnt[key]; i++) {
        v = val[key, i]
        if (isnum(v)) s[++n] = v + 0
        else if (bad == "" || v == "crash" || v == "FAIL") bad = v
    }
    for (i = 2; i <= n; i++) { x = s[i]; for (j = i - 1; j >= 1 && s[j] > x; j--) s[j + 1] = s[j]; s[j + 1] = x }
    return n
}
function median(key,    s, n) {
    n = collect(key, s)
    if (bad != "") return bad
    if (n == 0) return "n/a"
    return n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2
}
function cell(key,    s, n, m) {
    n = collect(key, s)
    if (bad != "") return bad
    if (n == 0) return "n/a"
    m = n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2
    return sprintf("%.3f (%.3f-%.3f)", m, s[1], s[n])
}
function ratio(a, b) { return (isnum(a) && isnum(b) && b > 0) ? sprintf("%.2f", a / b) : "" }
# The faster peer of a case; a peer without a time does not count.
function best(app, size, t,    g, o) {
    g = med[app, size, t, "gomp"]; o = med[app, size, t, "omp"]
    if (isnum(g) && isnum(o)) return g < o ? g : o
    return isnum(g) ? g : (isnum(o) ? o : "")
}
function target(what, v, limit, met) {
    printf "| %s | %s | %s | %s |\n", what, v == "" ? "n/a" : v, limit, (v == "" || v == "n/a") ? "n/a" : (met ? "yes" : "no")
}
{
    key = $1 SUBSEP $2 SUBSEP $3 SUBSEP $4
    val[key, ++cnt[key]] = $6
    if ($7 != "") tasks[$1, $2] = $7
    if (!(($1, $2) in seen)) { seen[$1, $2] = 1; order[++ncase] = $1 SUBSEP $2 }
    if (!($1 in napp)) { napp[$1] = 0; apps[++nappl] = $1 }
    if (!(($1, $2) in insz)) { insz[$1, $2] = 1; sizes[$1, ++napp[$1]] = $2 }
}
END {
    nt = split(threads, th, " ")
    for (key in cnt) med[key] = median(key)
    print ENVIRON["HEADER"]
    print ""
    print "Seconds of the timed part (task creation to the final wait), median (min-max) over the rounds. seq: the OmpSs source built by plain `gcc -O2`, pragmas ignored. grain: sequential time per task. vs best peer: ss over the faster of libgomp and libomp (below 1: ss faster). speed-up: seq over ss."
    print ""
    print "| app | size | tasks | grain | threads | seq | libgomp | libomp | ss | ss vs best peer | speed-up ss | speed-up best peer |"
    print "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for (c = 1; c <= ncase; c++) {
        split(order[c], f, SUBSEP); app = f[1]; size = f[2]
        sq = med[app, size, 1, "seq"]
        gr = (isnum(sq) && tasks[app, size] > 0) ? sprintf("%.1f us", sq / tasks[app, size] * 1e6) : ""
        for (i = 1; i <= nt; i++) {
            t = th[i]; b = best(app, size, t); s = med[app, size, t, "ss"]
            printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", app, size,
                tasks[app, size], gr, t, cell(app SUBSEP size SUBSEP 1 SUBSEP "seq"),
                cell(app SUBSEP size SUBSEP t SUBSEP "gomp"), cell(app SUBSEP size SUBSEP t SUBSEP "omp"),
                cell(app SUBSEP size SUBSEP t SUBSEP "ss"), ratio(s, b), ratio(sq, s), ratio(sq, b)
        }
    }
    print ""
    print "Targets of issue 5, at " tt " threads, on the medians above:"
    print ""
    print "| target | measured | limit | met |"
    print "|---|---:|---:|---|"
    for (a = 1; a <= nappl; a++) {
        app = apps[a]
        if (app == "cholesky") {
            for (i = 1; i <= napp[app]; i++) {
                size = sizes[app, i]; s = med[app, size, tt, "ss"]
                g = med[app, size, tt, "gomp"]; o = med[app, size, tt, "omp"]
                # faster than both; a peer without a time (timeout, crash) is beaten
                target("cholesky " size ": ss / best peer", isnum(s) ? ratio(s, best(app, size, tt)) : s, "< 1",
                    isnum(s) && (!isnum(g) || s < g) && (!isnum(o) || s < o))
                sq = med[app, size, 1, "seq"]; r = isnum(s) ? ratio(sq, s) : s
                if (size == "bs=16") target("cholesky bs=16: speed-up over seq", r, ">= 1.8", isnum(r) && r + 0 >= 1.8)
                if (size == "bs=8") target("cholesky bs=8: speed-up over seq", r, "> 1", isnum(r) && r + 0 > 1)
            }
            continue
        }
        size = sizes[app, 1]; s = med[app, size, tt, "ss"]; b = best(app, size, tt)
        target(app " " size " (coarse): ss / best peer", isnum(s) ? ratio(s, b) : s, "<= 1",
            isnum(s) && (b == "" || s <= b))
        size = sizes[app, napp[app]]; s = med[app, size, tt, "ss"]; b = best(app, size, tt)
        target(app " " size " (finest): ss / best peer", isnum(s) ? ratio(s, b) : s, "< 1",
            isnum(s) && (b == "" || s < b))
    }
    if (ENVIRON["PENDING"] != "") {
        n = split(ENVIRON["PENDING"], p, "\t")
        if (n < 4) target("memory per pending task (" ENVIRON["PENDING_N"] " tasks)", "FAIL", "<= 256", 0)
        else target(sprintf("memory per pending task, %d tasks: (peak RSS - peak RSS of 1 task) / tasks, bytes", ENVIRON["PENDING_N"]), p[4], "<= 256", p[4] + 0 <= 256)
        if (n >= 4) {
            print ""
            printf "Pending tasks: `bench/apps/pending_ss` (ssc) under `/usr/bin/time -v` with 2 threads: peak RSS %d KiB for %d pending tasks, %d KiB for 1; %.1f bytes per task of the whole peak, %.1f net; resident growth over the creation, read by the program: %s bytes per task.\n", p[2], ENVIRON["PENDING_N"], p[1], p[3], p[4], p[5]
        }
    }
}' "$results")

echo
echo "$table"

# ---- plots -----------------------------------------------------------------

# plot APP XLABEL: median seconds against the size at the first thread
# count of the targets, one line per runtime, min-max as error bars, log-log.
plot() {
    local app=$1 xlabel=$2 png="$PLOTS/apps_$1.png" data="$OUT/plot_$1.dat"
    awk -F '\t' -v app="$app" -v tt="$tgt_threads" '
        function isnum(v) { return v ~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/ }
        $1 == app && isnum($6) && ($4 == "seq" || $3 == tt) {
            x = $2; sub(/^[a-z]+=/, "", x)
            k = x SUBSEP $4; v[k, ++n[k]] = $6; xs[x] = 1
        }
        END {
            split("seq gomp omp ss", rts, " ")
            for (x in xs) {
                line = x
                for (r = 1; r <= 4; r++) {
                    k = x SUBSEP rts[r]; m = n[k]
                    if (!m) { line = line " NaN NaN NaN"; continue }
                    for (i = 1; i <= m; i++) a[i] = v[k, i]
                    for (i = 2; i <= m; i++) { y = a[i]; for (j = i - 1; j >= 1 && a[j] > y; j--) a[j + 1] = a[j]; a[j + 1] = y }
                    med = m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
                    line = line " " med " " a[1] " " a[m]
                }
                print line
            }
        }' "$results" | sort -n >"$data"
    [ -s "$data" ] || return 0
    local tics
    tics=$(awk '{ printf "%s\"%s\" %s", (NR > 1 ? ", " : ""), $1, $1 }' "$data")
    gnuplot >>"$log" 2>&1 <<EOF || note "gnuplot failed for $app (see $log)"
set terminal pngcairo size 800,500 font ",10"
set output "$png"
set title "$app, $tgt_threads threads: median seconds, bars from min to max (no point: timeout or crash)"
set logscale xy
set autoscale xfix
set xlabel "$xlabel"
set ylabel "seconds"
set grid
set key top right
set xtics ($tics)
set offsets graph 0.05, graph 0.05, 0, 0
plot "$data" using 1:2:3:4 with yerrorlines lw 2 title "sequential", \
     "" using 1:5:6:7 with yerrorlines lw 2 title "libgomp (gcc)", \
     "" using 1:8:9:10 with yerrorlines lw 2 title "libomp (clang)", \
     "" using 1:11:12:13 with yerrorlines lw 2 title "ss (ssc -fompss)"
EOF
    [ -f "$png" ] && note "plot written to $png"
}

plots_md=""
if [ -n "$PLOTS" ]; then
    if ! command -v gnuplot >/dev/null; then
        note "gnuplot is missing; installing Debian's gnuplot-nox for the plots"
        { apt-get install -y --no-install-recommends gnuplot-nox || sudo apt-get install -y --no-install-recommends gnuplot-nox; } >>"$log" 2>&1 ||
            note "could not install gnuplot-nox (see $log); no plots"
    fi
    if command -v gnuplot >/dev/null; then
        mkdir -p "$PLOTS"
        for app in $APPS; do
            case $app in
            cholesky | matmul | heat | heatblk | nbody) xl="tile or block size" ;;
            *) xl="cut-off" ;;
            esac
            plot "$app" "$xl"
            rel=$(realpath --relative-to="$(dirname "${DOC:-docs/x}")" "$PLOTS/apps_$app.png" 2>/dev/null)
            [ -f "$PLOTS/apps_$app.png" ] && plots_md="$plots_md"$'\n'"![$app]($rel)"$'\n'
        done
    fi
fi

if [ -n "$DOC" ]; then
    block="$table"$'\n'"$plots_md"
    if [ -f "$DOC" ] && grep -q '^<!-- apps:begin -->$' "$DOC" && grep -q '^<!-- apps:end -->$' "$DOC"; then
        TABLE=$block awk '
            /^<!-- apps:begin -->$/ { print; print ""; print ENVIRON["TABLE"]; skip = 1; next }
            /^<!-- apps:end -->$/ { skip = 0 }
            !skip' "$DOC" >"$DOC.tmp" && mv "$DOC.tmp" "$DOC"
    else
        printf '\n<!-- apps:begin -->\n\n%s\n<!-- apps:end -->\n' "$block" >>"$DOC"
    fi
    note "table written into $DOC"
fi
note "raw results in $results, program output in $runlog, build log in $log"
