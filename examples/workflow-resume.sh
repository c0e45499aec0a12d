#!/bin/bash
# workflow-resume.sh - the resume test of workflow.c (ctest
# example.workflow.resume): build it, run it once to completion; run it
# again in a fresh directory with SS_RESUME_LOG and kill it (SIGKILL) once
# about half of its tasks are in the log; rerun it there with SS_RESUME=1
# and the same log; check that the rerun skipped exactly the logged tasks
# (SS_STATS=1: "skipped as up to date N") and ended with the checksum of
# the clean run. The runs' speed is never judged: the only bound (120 s to
# reach half-way) guards against a hang.
#
# Usage: workflow-resume.sh SSC SOURCE
# Exit status: 0 ok, 1 a check failed, 2 a usage or build error.
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 SSC SOURCE" >&2
    exit 2
fi
ssc=$1
src=$2
dir=$(mktemp -d "${TMPDIR:-/tmp}/ss-workflow.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT
prog=$dir/workflow
if ! "$ssc" -fompss -O2 "$src" -o "$prog"; then
    echo "workflow-resume.sh: FAILED to build $src" >&2
    exit 2
fi
export SS_NUM_THREADS=2
unset SS_RESUME SS_RESUME_LOG SS_STATS

fail() {
    echo "workflow-resume.sh: FAILED: $*" >&2
    exit 1
}
lines() {  # lines in file $1, 0 if it does not exist yet
    if [ -e "$1" ]; then wc -l < "$1"; else echo 0; fi
}

# An uninterrupted run.
"$prog" "$dir/clean" > "$dir/clean.out" 2>&1 || fail "the clean run: $(cat "$dir/clean.out")"
total=$(sed -n 's/.*(\([0-9]*\) binary tasks.*/\1/p' "$dir/clean.out")
[ -n "$total" ] || fail "no task count in: $(cat "$dir/clean.out")"

# The same, killed once about half of its tasks are logged.
log=$dir/resume.log
SS_RESUME_LOG=$log "$prog" "$dir/broken" > "$dir/killed.out" 2>&1 &
pid=$!
deadline=$((SECONDS + 120))
while kill -0 "$pid" 2>/dev/null && [ "$(lines "$log")" -lt $((total / 2)) ] && [ $SECONDS -lt $deadline ]; do
    sleep 0.01
done
kill -KILL "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
status=$?
done=$(lines "$log")
[ $status -eq 137 ] || fail "the run was not killed half-way (exit status $status, $done of $total tasks logged): $(cat "$dir/killed.out")"
[ "$done" -gt 0 ] && [ "$done" -lt "$total" ] || fail "$done of $total tasks logged before the kill"
[ ! -e "$dir/broken/all.md5" ] || fail "the killed run got to the checksum"

# Resumed in its directory with its log: what was logged is skipped.
SS_RESUME=1 SS_RESUME_LOG=$log SS_STATS=1 "$prog" "$dir/broken" > "$dir/resumed.out" 2> "$dir/resumed.err" ||
    fail "the resumed run: $(cat "$dir/resumed.out" "$dir/resumed.err")"
grep -q "skipped as up to date $done\$" "$dir/resumed.err" ||
    fail "the resumed run did not skip the $done logged tasks: $(grep 'skipped as up to date' "$dir/resumed.err")"
cmp -s "$dir/clean/all.md5" "$dir/broken/all.md5" ||
    fail "checksums differ: $(cat "$dir/clean/all.md5" "$dir/broken/all.md5")"
echo "workflow-resume.sh: ok (killed after $done of $total tasks; the rerun skipped those and ended with md5 $(cut -c1-32 "$dir/clean/all.md5"), as the clean run)"
