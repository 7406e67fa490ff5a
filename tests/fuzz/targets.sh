# shellcheck shell=sh disable=SC2034
# targets.sh: what each fuzz target runs on, for tests/run.sh and
# tests/fuzz/fuzz.sh (sourced). fuzz_params NAME sets, for fuzz target NAME:
#   seeds   its seed corpus (tests/fuzz/...)
#   corpus  where new inputs are kept (build/fuzz/...)
#   dict    its libFuzzer dictionary
#   maxlen  the largest input it is given
# relative to the top of the tree. Every target also runs, once each, the
# past crashes of tests/fuzz/crashes/ (any target's: inputs are bytes).
FUZZ_TIMEOUT=30	# seconds for one input: slower is a finding
fuzz_params() {
	case $1 in
	fuzz_load) seeds=tests/fuzz/corpus corpus=build/fuzz/corpus
		dict=tests/fuzz/csv.dict maxlen=65536 ;;
	fuzz_query) seeds=tests/fuzz/corpus-query corpus=build/fuzz/corpus-query
		dict=tests/fuzz/query.dict maxlen=512 ;;
	fuzz_stream) seeds=tests/fuzz/corpus corpus=build/fuzz/corpus-stream
		dict=tests/fuzz/csv.dict maxlen=65536 ;;
	fuzz_text) seeds=tests/fuzz/corpus-text corpus=build/fuzz/corpus-text
		dict=tests/fuzz/text.dict maxlen=4096 ;;
	*) echo "targets.sh: unknown fuzz target $1" >&2; return 1 ;;
	esac
}
# The files in directory $1 (0 when there is none).
count_files() {
	find "$1" -type f 2>/dev/null | wc -l | tr -d ' '
}
