#!/bin/sh
# --restricted where the kernel cannot forbid running programs (no seccomp:
# tests/helpers/no_seccomp runs the program so): it refuses to start, with
# one line on stderr and status 2, as docs/ssh.md promises, unless
# --restricted=no-seccomp (or CENTRES_RESTRICTED=no-seccomp) says to go on;
# an option cannot weaken what the environment asked. Where seccomp works,
# --restricted starts as usual.
. tests/lib.sh
NOSEC=$CENTRES_TOP/build/helpers/no_seccomp
FX=tests/data/annuaire.csv
if [ ! -x "$NOSEC" ]; then
	fail "no_seccomp is built" "missing: $NOSEC (make build/helpers/no_seccomp)"
	exit 1
fi
MSG="centres: --restricted: this system cannot forbid running programs (seccomp: Invalid argument); not starting (--restricted=no-seccomp starts without it)"

# nosec NAME ARGS...: runs the binary through no_seccomp; sets $out $err $rc.
nosec() {
	"$NOSEC" "$BIN" "$@" >"$TMPD/out" 2>"$TMPD/err" </dev/null
	rc=$?
	out=$(cat "$TMPD/out"); err=$(cat "$TMPD/err")
}

# The helper does take seccomp away (else what follows shows nothing).
"$NOSEC" /bin/sh -c 'exit 0'
expect_eq "no_seccomp runs a program" "$?" 0

for how in option env; do
	if [ $how = option ]; then nosec --restricted --list "$FX"
	else CENTRES_RESTRICTED=1 nosec --list "$FX"; fi
	expect_eq "no seccomp, restricted ($how): exit status 2" "$rc" 2
	expect_eq "no seccomp, restricted ($how): says why, on one line" "$err" "$MSG"
	expect_eq "no seccomp, restricted ($how): nothing printed" "$out" ""
done
# The screen is refused the same way (before anything is drawn).
nosec --restricted "$FX"
expect_eq "no seccomp, restricted, no --list: refused before any mode is chosen" "$rc" 2
expect_eq "no seccomp, restricted, no --list: the same message" "$err" "$MSG"

# Told to go on without it.
nosec --restricted=no-seccomp --list "$FX"
expect_eq "--restricted=no-seccomp: starts (exit 0)" "$rc" 0
expect_contains "--restricted=no-seccomp: the list" "$out" "Bocagevilles"
expect_eq "--restricted=no-seccomp: nothing on stderr" "$err" ""
CENTRES_RESTRICTED=no-seccomp nosec --list "$FX"
expect_eq "CENTRES_RESTRICTED=no-seccomp: starts (exit 0)" "$rc" 0
# An option cannot weaken the environment's restriction.
CENTRES_RESTRICTED=1 nosec --restricted=no-seccomp --list "$FX"
expect_eq "CENTRES_RESTRICTED=1 with --restricted=no-seccomp: still refused" "$rc" 2
expect_eq "CENTRES_RESTRICTED=1 with --restricted=no-seccomp: says why" "$err" "$MSG"
# ... but can strengthen it.
CENTRES_RESTRICTED=no-seccomp nosec --restricted --list "$FX"
expect_eq "CENTRES_RESTRICTED=no-seccomp with --restricted: refused" "$rc" 2

# A value that means nothing.
run --restricted=maybe --list "$FX"
expect_eq "--restricted=maybe: exit status 2" "$rc" 2
expect_eq "--restricted=maybe: says so" "$err" \
	"centres: unknown value 'maybe' for --restricted (the only one is --restricted=no-seccomp)"

# Where seccomp works (here), --restricted starts.
run --restricted --list "$FX"
expect_eq "seccomp available, --restricted: starts (exit 0)" "$rc" 0
expect_eq "seccomp available, --restricted: nothing on stderr" "$err" ""
