#!/bin/sh
# run-example.sh - build one example with ssc in a temporary directory and
# run it; used by the example.* ctest tests, so that a translator failure is
# a failing test rather than a broken build.
#
# Usage: run-example.sh SSC SOURCE MODE [PROGRAM-ARGS...]
#   SSC     path of the ssc driver
#   SOURCE  the example's .c file
#   MODE    seq:   ssc -O2 (no -fompss: pragmas ignored, runs sequentially)
#           ompss: ssc -fompss -O2, run with SS_NUM_THREADS=2 unless the
#                  environment already sets it
# Extra ssc flags can be given in SSC_FLAGS. Exit status: the program's
# (0 ok, 1 wrong result), or 2 for a usage or build error.
set -u

if [ $# -lt 3 ]; then
    echo "usage: $0 SSC SOURCE seq|ompss [PROGRAM-ARGS...]" >&2
    exit 2
fi
ssc=$1
src=$2
mode=$3
shift 3

case $mode in
seq) flags="-O2" ;;
ompss) flags="-fompss -O2" ;;
*)
    echo "run-example.sh: unknown mode '$mode' (seq or ompss)" >&2
    exit 2
    ;;
esac

dir=$(mktemp -d "${TMPDIR:-/tmp}/ss-example.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT
prog="$dir/$(basename "$src" .c)"

# shellcheck disable=SC2086 # flags and SSC_FLAGS are word lists
if ! "$ssc" $flags ${SSC_FLAGS:-} "$src" -o "$prog" -lm; then
    echo "run-example.sh: FAILED to build $src: $ssc $flags ${SSC_FLAGS:-} $src -o $prog -lm" >&2
    exit 2
fi

if [ "$mode" = ompss ]; then
    SS_NUM_THREADS=${SS_NUM_THREADS:-2}
    export SS_NUM_THREADS
fi
"$prog" "$@"
