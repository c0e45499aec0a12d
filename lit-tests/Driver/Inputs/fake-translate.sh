#!/bin/sh
# A stand-in for ssc-translate in driver tests: writes INPUT to OUTPUT behind
# the include and #line directive the real translator emits, pragmas left
# as they are, so the tests see the driver alone.
[ "$2" = -o ] || { echo "fake-translate: usage: INPUT -o OUTPUT ..." >&2; exit 2; }
in=$1
out=$3
{ printf '#include "ss_abi.h"\n#line 1 "%s"\n' "$in"; cat "$in"; } >"$out"
