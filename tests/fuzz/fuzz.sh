#!/bin/sh
# fuzz.sh SECONDS TARGET...: runs each fuzz target (build/fuzz/TARGET) for
# SECONDS on its corpus under build/fuzz/ (seeded from tests/fuzz/; see
# targets.sh), all at once, then says for each what it found: the inputs
# run, the corpus kept, and every failing input (saved as
# build/fuzz/TARGET-crash-..., -leak-..., -timeout-...) with its first
# error line. Exits 1 when one was found. `make fuzz` runs it. FUZZ_ARGS:
# more libFuzzer options for every target, split at spaces
# (FUZZ_ARGS=-len_control=0: long inputs from the start).
set -u
secs=$1; shift
# libFuzzer takes 0 as no limit: say so rather than run for ever unasked.
[ "$secs" -gt 0 ] 2>/dev/null || { echo "fuzz.sh: FUZZ_SECONDS must be a number of seconds above 0" >&2; exit 2; }
top=$(cd "$(dirname "$0")/../.." && pwd)
seeds='' corpus='' dict='' maxlen=''	# fuzz_params sets them
# shellcheck disable=SC1091
. "$top/tests/fuzz/targets.sh"
export CENTRES_TOP="$top"
cd "$top" || exit 2
stamp=build/fuzz/.started
mkdir -p build/fuzz && : >"$stamp"
for t in "$@"; do
	fuzz_params "$t" || exit 2
	mkdir -p "$corpus"
	echo "$t: $secs s on $corpus ($(count_files "$corpus") inputs) and $seeds"
	# shellcheck disable=SC2086	# FUZZ_ARGS: options, split
	"build/fuzz/$t" -max_total_time="$secs" -max_len="$maxlen" -timeout="$FUZZ_TIMEOUT" \
		-dict="$dict" -artifact_prefix="build/fuzz/$t-" -print_final_stats=1 \
		${FUZZ_ARGS:-} "$corpus" "$seeds" >"build/fuzz/$t.log" 2>&1 &
done
wait
found=0
for t in "$@"; do
	fuzz_params "$t"
	log=build/fuzz/$t.log
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	arts=$(find build/fuzz -maxdepth 1 -name "$t-*" -newer "$stamp" -type f | sort)
	if [ -z "$arts" ]; then
		echo "$t: nothing found (${runs:-?} inputs run, $cov, corpus $(count_files "$corpus") inputs; log: $log)"
		continue
	fi
	found=1
	echo "$t: FOUND (${runs:-?} inputs run; log: $log):"
	for a in $arts; do
		why=$(grep -m1 -E "^$t: |ERROR: |runtime error|SUMMARY" "$log")
		echo "  $a: $why"
		echo "  rerun: build/fuzz/$t $a"
	done
done
rm -f "$stamp"
exit $found
