# lib.sh: helpers for the process tests (tests/cli, tests/tui), sourced by sh.
# Each check prints "PASS name" or "FAIL name" plus details; tests/run.sh counts them.
: "${CENTRES_BIN:=./build/asan/centres}"
: "${CENTRES_TOP:=$(pwd)}"
BIN=$CENTRES_BIN
TMPD=$(mktemp -d)
trap 'rm -rf "$TMPD"' EXIT

# run ARGS...: runs the binary; sets $out, $err, $rc.
run() {
	"$BIN" "$@" >"$TMPD/out" 2>"$TMPD/err" </dev/null
	rc=$?
	out=$(cat "$TMPD/out"); err=$(cat "$TMPD/err")
}
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; shift; for l in "$@"; do printf '    %s\n' "$l"; done; }
# expect_eq NAME ACTUAL EXPECTED
expect_eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "expected: $3" "actual:   $2"; fi
}
# expect_contains NAME HAYSTACK NEEDLE
expect_contains() {
	case "$2" in *"$3"*) pass "$1" ;; *) fail "$1" "missing: $3" "in: $2" ;; esac
}
expect_not_contains() {
	case "$2" in *"$3"*) fail "$1" "unexpected: $3" "in: $2" ;; *) pass "$1" ;; esac
}
