#!/bin/sh
# monkey_pty.sh: raw bytes thrown at the screen of the sanitizer build in a
# pseudo-terminal by build/release/monkey (tests/monkey/monkey.c): 2,000
# random inputs (text, invalid UTF-8, keys in every terminal's form,
# Alt+key, control bytes, malformed mouse reports, pastes) and 50 resizes
# from 1x1 to 300x100, on each of three directories side by side: the
# built-in one (TERM xterm-256color: SGR mouse reports), a hostile file
# (TERM rxvt: X10 mouse reports, rxvt's keys) and 100,000 generated rows
# (TERM screen), the files written by tests/monkey/files.sh. (Not TERM
# linux: there curses starts the console mouse, libgpm, which leaks 10
# bytes that tests/lsan.supp cannot name.) Each run: the
# program is alive and answers Ctrl-L after the inputs, F10 exits 0, and
# its stderr holds no sanitizer report. Fixed seeds, in the checks' names:
# a failure prints the command that sends the same inputs again. On the
# 100,000 rows, r (reload the file: a third of a second each there) is sent
# one time in 20 (-S r), and pastes are of 1 KB at most (-p 1024; a paste
# while browsing is keys, while filtering each of its characters filters
# again): else the run takes minutes of CPU time, which make soak, with
# ten times as many inputs, spends. Those 100,000 rows (5 MB) load beside
# the screen under the sanitizers: the first inputs come while they load,
# and each reload of them is an ordinary one.
. tests/lib.sh
. tests/monkey/files.sh
MK=$CENTRES_TOP/build/release/monkey
N=2000 R=50
unset CENTRES_FILE

if [ ! -x "$MK" ]; then
	fail "monkey is built" "missing: $MK (make build/release/monkey)"
	exit 1
fi
hostile_file "$TMPD/hostile.csv"
big_file "$TMPD/big.csv"

# monkey NAME SEED TERM OPTIONS [FILE]: runs in the background; the report
# in $TMPD/NAME.out, its exit status in NAME.rc, the program's stderr in
# NAME.err.
monkey() {
	name=$1 seed=$2 term=$3 opts=$4
	shift 4
	# shellcheck disable=SC2086
	( "$MK" -n "$N" -r "$R" -s "$seed" -t "$term" $opts -e "$TMPD/$name.err" "$BIN" "$@" \
		>"$TMPD/$name.out" 2>&1
	  echo $? >"$TMPD/$name.rc" ) &
}
monkey built-in 101 xterm-256color ""
monkey hostile 202 rxvt "" "$TMPD/hostile.csv"
monkey 100000-rows 303 screen "-S r -p 1024" "$TMPD/big.csv"
wait

for run in "built-in 101" "hostile 202" "100000-rows 303"; do
	name=${run% *} seed=${run#* }
	out=$TMPD/$name.out
	field() { sed -n "s/^$1: //p" "$out"; }
	rc=$(cat "$TMPD/$name.rc")
	what="$name, seed $seed"
	# the report's first lines: the seed and the figures
	sed -n '1,2p' "$out"
	if [ "$rc" != 0 ] && [ "$rc" != 1 ]; then
		fail "$what: the monkey ran" "exit status $rc" "$(cat "$out")"
		continue
	fi
	case $(field alive)/$(field answers) in
	yes*/yes*) pass "$what: alive and answering after $N inputs and $R resizes" ;;
	*) fail "$what: alive and answering after $N inputs and $R resizes" \
		"alive: $(field alive)" "answers: $(field answers)" ;;
	esac
	case $(field exit) in
	"0 after F10") pass "$what: F10 exits 0" ;;
	*) fail "$what: F10 exits 0" "exit: $(field exit)" ;;
	esac
	case $(field sanitizer) in
	"no report"*) pass "$what: no sanitizer report" ;;
	*) fail "$what: no sanitizer report" "sanitizer: $(field sanitizer)" ;;
	esac
	if [ "$rc" = 1 ]; then	# once per run: why, the last inputs, how to replay
		sed -n -e 's/^monkey: FAIL: /reason: /p' -e '/^the last inputs sent:/,$p' "$out" |
			head -n 60 | sed 's/^/    /'
		echo "    replay: $MK -v $(sed -n 's/.*(replay: \(.*\))$/\1/p' "$out" | head -n 1)" \
			"$BIN$([ "$name" = built-in ] || echo " FILE (see tests/monkey/files.sh)")"
	fi
done
