#!/bin/sh
# run.sh SAN_BINARY RELEASE_BINARY UNIT_TEST...: runs every test of centres,
# prints each one's result and time, and ends with the checks skipped (and
# why) and one line of totals ("N passed, N failed, N skipped").
#  - unit tests (cmocka): their "[  PASSED  ] N test(s)", "[  FAILED  ] N"
#    and "[  SKIPPED ] N" lines
#  - tests/cli/*.sh and tests/tui/*.sh: each prints "PASS name", "FAIL name"
#    and "SKIP why" lines (tests/lib.sh); a script that exits non-zero
#    without a FAIL line counts as one failure, and so does one that ran no
#    check and skipped none. A skip is never counted or shown as ok.
#  - valgrind on the batch mode of the release build
set -u
san=$1; rel=$2; shift 2
top=$(cd "$(dirname "$0")/.." && pwd)
export CENTRES_BIN="$top/$san" CENTRES_REL="$top/$rel" CENTRES_TOP="$top"
export LC_ALL=C.UTF-8
unset CENTRES_FILE NO_COLOR LANGUAGE CENTRES_LANG
export ASAN_OPTIONS="abort_on_error=0:detect_leaks=1:exitcode=99"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=98"
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0"
log=$top/build/test-logs
mkdir -p "$log"
pass=0; fail=0; skip=0
: >"$log/skipped"

# report NAME PASSED FAILED SKIPPED SECONDS UNIT LOG: one line for a test
# file; its skips (the reasons, from SKIP lines) kept for the summary.
report() {
	n=$1 p=$2 f=$3 k=$4 secs=$5 unit=$6 lf=$7
	pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + k))
	extra=
	[ "$k" -ne 0 ] && extra=", $k skipped"
	if [ "$f" -ne 0 ]; then
		echo "FAIL $n ($f failed$extra, ${secs} s; log: ${lf#$top/})"
	elif [ "$p" -eq 0 ] && [ "$k" -ne 0 ]; then
		echo "SKIP $n ($k skipped, ${secs} s)"
	else
		echo "ok   $n ($p $unit$extra, ${secs} s)"
	fi
	if [ "$k" -ne 0 ]; then
		sed -n -e 's/^SKIP /  /p' -e 's/^\[  SKIPPED \] \([^0-9].*\)/  \1/p' "$lf" |
			awk '!seen[$0]++' | sed "s|^|$n:|" >>"$log/skipped"
	fi
}

for t in "$@"; do
	name=$(basename "$t")
	t0=$(date +%s)
	"$t" >"$log/$name.log" 2>&1
	rc=$?
	secs=$(( $(date +%s) - t0 ))
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log/$name.log" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log/$name.log" | awk '{s+=$1} END {print s+0}')
	k=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$log/$name.log" | awk '{s+=$1} END {print s+0}')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	report "unit/$name" "$p" "$f" "$k" "$secs" tests "$log/$name.log"
	if [ "$f" -ne 0 ]; then
		grep -E '^\[  (FAILED|ERROR) \]|error|ERROR|Assert|runtime error' "$log/$name.log" | head -n 20
	fi
done

# The process tests (each has its own files and its own tmux server), then
# their report, in order.
scripts=
for s in "$top"/tests/cli/*.sh "$top"/tests/tui/*.sh; do
	[ -f "$s" ] || continue
	case $(basename "$s") in tmux.sh|screenshots.sh|guide.sh) continue ;; esac	# helpers, captures
	scripts="$scripts $s"
done
# A pool of as many scripts at a time as there are cores, plus one (they
# mostly wait on tmux): each starts as soon as one ends, the slowest first
# (their durations of the last run are in build/test-logs/*.secs).
jobs=$(( $(nproc 2>/dev/null || echo 1) + 1 ))
order=$(for s in $scripts; do
	name=$(basename "$(dirname "$s")")_$(basename "$s" .sh)
	printf '%s %s\n' "$(cat "$log/$name.secs" 2>/dev/null || echo 999)" "$s"
done | sort -rn | cut -d' ' -f2)
# shellcheck disable=SC2016
printf '%s\n' $order | xargs -P "$jobs" -I{} sh -c '
	s=$1 top=$2 log=$3
	name=$(basename "$(dirname "$s")")_$(basename "$s" .sh)
	t0=$(date +%s)
	(cd "$top" && sh "$s") >"$log/$name.log" 2>&1
	echo $? >"$log/$name.log.rc"
	echo $(( $(date +%s) - t0 )) >"$log/$name.secs"' sh {} "$top" "$log"
for s in $scripts; do
	name=$(basename "$(dirname "$s")")/$(basename "$s" .sh)
	lf="$log/$(echo "$name" | tr / _).log"
	rc=$(cat "$lf.rc" 2>/dev/null || echo 1)
	p=$(grep -c '^PASS ' "$lf"); f=$(grep -c '^FAIL ' "$lf"); k=$(grep -c '^SKIP ' "$lf")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "FAIL $name exited $rc" >>"$lf"; fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$k" -eq 0 ]; then
		f=1; echo "FAIL $name ran no check" >>"$lf"
	fi
	secs=$(cat "${lf%.log}.secs" 2>/dev/null || echo "?")
	report "$name" "$p" "$f" "$k" "$secs" checks "$lf"
	if [ "$f" -ne 0 ]; then
		grep -A3 '^FAIL ' "$lf" | head -n 30
	fi
done

# valgrind: the batch mode on the built-in directory, no leak, no error.
if command -v valgrind >/dev/null 2>&1; then
	for args in "--list" "--filter reunion --format json" "--check" "--list --format csv"; do
		# shellcheck disable=SC2086
		if valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
			--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=100 \
			"$top/$rel" $args >/dev/null 2>"$log/valgrind.log"; then
			pass=$((pass + 1)); echo "ok   valgrind centres $args"
		else
			fail=$((fail + 1)); echo "FAIL valgrind centres $args"; head -n 30 "$log/valgrind.log"
		fi
	done
fi

# The fuzz targets (FUZZ_BIN, tests/fuzz/targets.sh): for each, every seed
# and past crash once, then FUZZ_TEST_SECONDS (default 20) of new inputs,
# the targets all at once (it keeps make test shorter), each from its seeds
# (make fuzz keeps the corpus that grows; a failing input is saved as
# build/fuzz/TARGET-crash-...). The known findings
# (tests/fuzz/findings/, checked strictly) are said, not counted: they fail
# until src/ is fixed.
if [ -n "${FUZZ_BIN:-}" ]; then
	seeds='' dict='' maxlen=''	# fuzz_params sets them
	# shellcheck disable=SC1091
	. "$top/tests/fuzz/targets.sh"
	fsecs=${FUZZ_TEST_SECONDS:-20}
	ftargets=
	for fz in $FUZZ_BIN; do
		[ -x "$top/$fz" ] && ftargets="$ftargets $(basename "$fz")"
	done
	for t in $ftargets; do
		fuzz_params "$t"
		t0=$(date +%s)
		(cd "$top" && "build/fuzz/$t" -runs=0 -timeout="$FUZZ_TIMEOUT" "$seeds" tests/fuzz/crashes) \
			>"$log/$t-seeds.log" 2>&1
		rc=$?
		secs=$(( $(date +%s) - t0 ))
		n=$(( $(count_files "$top/$seeds") + $(count_files "$top/tests/fuzz/crashes") ))
		if [ "$rc" -eq 0 ]; then
			pass=$((pass + 1)); echo "ok   fuzz/$t: $n seeds and past crashes (${secs} s)"
		else
			fail=$((fail + 1))
			echo "FAIL fuzz/$t: seeds and past crashes (${secs} s; log: build/test-logs/$t-seeds.log)"
			grep -E "^$t: |ERROR|runtime error|SUMMARY|Running: " "$log/$t-seeds.log" | tail -n 10
		fi
	done
	# FUZZ_TEST_SECONDS=0: no new inputs (libFuzzer would take 0 as no limit).
	[ "$fsecs" -gt 0 ] 2>/dev/null || {
		for t in $ftargets; do
			skip=$((skip + 1))
			echo "fuzz/$t: FUZZ_TEST_SECONDS=$fsecs: no new inputs tried" >>"$log/skipped"
		done
		ftargets=
	}
	t0=$(date +%s)
	for t in $ftargets; do
		fuzz_params "$t"
		# From the seeds alone, into a corpus of this run: the time goes to
		# new inputs, not to rerunning what make fuzz has gathered.
		rm -rf "$top/build/fuzz/test/$t" && mkdir -p "$top/build/fuzz/test/$t"
		(cd "$top" && exec "build/fuzz/$t" -max_total_time="$fsecs" -max_len="$maxlen" \
			-timeout="$FUZZ_TIMEOUT" -dict="$dict" -artifact_prefix="build/fuzz/$t-" \
			-print_final_stats=1 "build/fuzz/test/$t" "$seeds") >"$log/$t.log" 2>&1 &
		echo $! >"$log/$t.pid"
	done
	for t in $ftargets; do
		wait "$(cat "$log/$t.pid")"
		echo $? >"$log/$t.rc"
	done
	secs=$(( $(date +%s) - t0 ))
	for t in $ftargets; do
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log/$t.log" | tail -n 1)
		if [ "$(cat "$log/$t.rc")" -eq 0 ]; then
			pass=$((pass + 1))
			echo "ok   fuzz/$t: $fsecs s of new inputs (${runs:-?} inputs run), no failure (${secs} s)"
		else
			fail=$((fail + 1))
			echo "FAIL fuzz/$t: $fsecs s of new inputs (${secs} s; log: build/test-logs/$t.log; input saved in build/fuzz/)"
			grep -E "^$t: |ERROR|runtime error|SUMMARY|Test unit written" "$log/$t.log" | head -n 10
		fi
		rm -f "$log/$t.pid" "$log/$t.rc"
	done
	for f in "$top"/tests/fuzz/findings/*; do
		[ -f "$f" ] || continue
		case $(basename "$f") in README*) continue ;; esac
		t=fuzz_$(basename "$f" | cut -d- -f1)
		[ -x "$top/build/fuzz/$t" ] || continue
		if (cd "$top" && FUZZ_STRICT=1 "build/fuzz/$t" "$f") >"$log/finding.log" 2>&1; then
			echo "note: tests/fuzz/findings/$(basename "$f") passes $t now: move it to tests/fuzz/crashes/"
		else
			echo "note: known finding, not counted: tests/fuzz/findings/$(basename "$f") ($t:$(grep -m1 "^$t: " "$log/finding.log" | cut -d: -f2-))"
		fi
	done
fi

if [ -s "$log/skipped" ]; then
	echo "Skipped (nothing was checked for these; the reasons):"
	cat "$log/skipped"
fi
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
