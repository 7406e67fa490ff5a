#!/bin/sh
# soak.sh SAN_BINARY: make soak, the monkey's long run: 20,000 random inputs
# and 500 resizes on each of the three directories of
# tests/cli/monkey_pty.sh (the built-in one, a hostile file, 100,000 rows;
# the same terminal types), side by side, on the sanitizer build. Prints
# each run's seed, figures, result and time, and keeps the reports and the
# program's stderr in build/soak/. SOAK_INPUTS, SOAK_RESIZES and
# SOAK_SEEDS ("1001 2002 3003": one per directory, in that order) change
# them. Exit status 0 when every run held.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
case $1 in /*) bin=$1 ;; *) bin=$top/$1 ;; esac
MK=$top/build/release/monkey
N=${SOAK_INPUTS:-20000} R=${SOAK_RESIZES:-500}
# shellcheck disable=SC2086
set -- ${SOAK_SEEDS:-1001 2002 3003}
s1=$1 s2=${2:-$1} s3=${3:-$1}
export LC_ALL=C.UTF-8
unset CENTRES_FILE NO_COLOR
export ASAN_OPTIONS="abort_on_error=0:detect_leaks=1:exitcode=99"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=98"
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
out=$top/build/soak
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$top/tests/monkey/files.sh"
hostile_file "$tmp/hostile.csv"
big_file "$tmp/big.csv"

t0=$(date +%s)
echo "soak: $N inputs and $R resizes on each of 3 directories, $bin"
# run NAME SEED TERM OPTIONS [FILE]: in the background; the report in
# build/soak/NAME.out, the program's stderr in NAME.err, the seconds it took
# in NAME.secs.
run() {
	name=$1 seed=$2 term=$3 opts=$4
	shift 4
	# shellcheck disable=SC2086
	( t=$(date +%s)
	  "$MK" -n "$N" -r "$R" -s "$seed" -t "$term" $opts -e "$out/$name.err" "$bin" "$@" \
		>"$out/$name.out" 2>&1
	  echo $? >"$out/$name.rc"
	  echo $(( $(date +%s) - t )) >"$out/$name.secs" ) &
}
run built-in "$s1" xterm-256color ""
run hostile "$s2" rxvt "" "$tmp/hostile.csv"
run 100000-rows "$s3" screen "-S r" "$tmp/big.csv"
wait

failed=0
for name in built-in hostile 100000-rows; do
	rc=$(cat "$out/$name.rc")
	if [ "$rc" = 0 ]; then res=ok; else res="FAIL (exit status $rc)"; failed=$((failed + 1)); fi
	echo "== $name: $res, $(cat "$out/$name.secs") s"
	if [ "$rc" = 0 ]; then
		sed -n '1,6p' "$out/$name.out"
	else
		cat "$out/$name.out"
	fi
done
echo "soak: $((3 - failed)) of 3 runs held, $(( $(date +%s) - t0 )) s (reports in build/soak/)"
[ "$failed" -eq 0 ]
