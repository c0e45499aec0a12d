#!/bin/sh
# A stand-in for nvcc in driver tests: writes its arguments, one a line, to
# nvcc-args.txt in the current directory, and eight fixed bytes (the magic
# of a fat binary, then 1..4) to the file after -o.
printf '%s\n' "$@" >nvcc-args.txt
out=
while [ $# -gt 0 ]; do
    [ "$1" = -o ] && out=$2
    shift
done
[ -n "$out" ] || { echo "fake-nvcc: no -o" >&2; exit 2; }
printf '\120\355\125\272\001\002\003\004' >"$out"
