#!/bin/sh
# The bash completion (data/bash-completion/centres): what Tab offers after
# `centres`, as bash gives it to the user. Each case sets COMP_WORDS and
# COMP_CWORD as bash does (a word with = is split at it) and calls the
# completion function; then an interactive bash in tmux shows the real thing.
. tests/lib.sh
COMP=$CENTRES_TOP/data/bash-completion/centres
REL=${CENTRES_REL:-./centres}

if ! command -v bash >/dev/null 2>&1; then
	echo "SKIP completion: no bash"
	exit 0
fi

# A directory to complete file names in.
F=$TMPD/files
mkdir -p "$F/sub dir" "$F/exports"
: >"$F/annuaire.csv"; : >"$F/B.TSV"; : >"$F/notes.txt"; : >"$F/photo.png"
: >"$F/with space.csv"; : >"$F/-odd.csv"; : >"$F/exports/x.csv"

# offered WORD...: what Tab offers on the command line `WORD...` (the last
# word is the one being completed), sorted, one line.
offered() {
	(cd "$F" && bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_centres; [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"' sh "$COMP" "$@") | LC_ALL=C sort | tr '\n' ' '
}

expect_eq "loaded: complete -F _centres centres" \
	"$(bash -c '. "$1"; complete -p centres' sh "$COMP")" "complete -F _centres centres"

# Options: every one --help lists (long and short), by their start.
want=$("$REL" --help | grep -o -- '--[a-z][a-z-]*' | sort -u | tr '\n' ' ')
got=$(offered centres -- | tr ' ' '\n' | grep -- '^--[a-z]' | grep -v = | sort -u | tr '\n' ' ')
# --lang is read by src/lang.c and not yet in --help: the completion has it.
expect_eq "every long option of --help is offered" "$(printf '%s\n' $want --lang | sort -u | tr '\n' ' ')" "$got"
want=$("$REL" --help | sed -n 's/^  \(-[a-zA-Z]\),.*/\1/p' | LC_ALL=C sort | tr '\n' ' ')
got=$(offered centres - | tr ' ' '\n' | grep -x -- '-[a-zA-Z]' | LC_ALL=C sort | tr '\n' ' ')
expect_eq "every short option of --help is offered" "$got" "$want"
expect_eq "--fo: --format" "$(offered centres --fo)" "--format "
expect_eq "--no-: --no-color --no-mouse" "$(offered centres --no-)" "--no-color --no-mouse "
expect_eq "--res: --restricted and --restricted=no-seccomp" "$(offered centres --res)" \
	"--restricted --restricted=no-seccomp "

# Values.
expect_eq "--format: text csv tsv json" "$(offered centres --format '')" "csv json text tsv "
expect_eq "--format=: the same after =" "$(offered centres --format = '')" "csv json text tsv "
expect_eq "-F j: json" "$(offered centres -F j)" "json "
expect_eq "-lF: the formats (a group of short options)" "$(offered centres -lF '')" "csv json text tsv "
expect_eq "--delimiter: , ; tab | (; and | quoted)" "$(offered centres --delimiter '')" ', \; \| tab '
expect_eq "-d t: tab" "$(offered centres -d t)" "tab "
expect_eq "--lang: fr en" "$(offered centres --lang '')" "en fr "
expect_eq "--lang=f: fr" "$(offered centres --lang = f)" "fr "
expect_eq "--restricted=: no-seccomp" "$(offered centres --restricted = '')" "no-seccomp "
expect_eq "--filter QUERY: nothing offered" "$(offered centres --filter '')" ""
expect_eq "--max-size: nothing offered" "$(offered centres --max-size '')" ""

# Each value offered, once the shell has read it as typed, is one that the
# program takes (it parses -d, -F and --lang before -V; a bad value exits 2).
for opt in --format --delimiter --lang; do
	for v in $(offered centres $opt ''); do
		typed=$( (eval "printf '%s' $v") 2>/dev/null)
		"$REL" "$opt" "$typed" --version >/dev/null 2>&1
		expect_eq "$opt $v: the program takes it" "$?" 0
	done
done
"$REL" --delimiter nope --version >/dev/null 2>&1
expect_eq "(a value not offered is refused: exit 2)" "$?" 2

enc=$(offered centres --encoding '')
for e in UTF-8 WINDOWS-1252 ISO-8859-1 ISO-8859-15; do
	expect_contains "--encoding: $e offered" "$enc" "$e "
done
if command -v iconv >/dev/null 2>&1; then
	enc=$(offered centres -e win)
	expect_contains "-e win: WINDOWS-1252 (case ignored)" "$enc" "WINDOWS-1252 "
	expect_contains "-e win: WINDOWS-1250 from iconv -l" "$enc" "WINDOWS-1250 "
	expect_eq "-e win: only names starting with WIN" \
		"$(printf '%s\n' $enc | grep -vc '^WIN')" 0
	expect_eq "--encoding=utf-1: UTF-16 and its kin" "$(offered centres --encoding = utf-1 | tr ' ' '\n' | grep -c '^UTF-16')" \
		"$(iconv -l | grep -c '^UTF-16')"
fi

# File names: directories and csv, tsv, txt files (any case), nothing else.
expect_eq "FILE: directories and csv/tsv/txt files" "$(offered centres '')" \
	"-odd.csv B.TSV annuaire.csv exports notes.txt sub dir with space.csv "
expect_eq "FILE after an option: the same" "$(offered centres --list '')" \
	"-odd.csv B.TSV annuaire.csv exports notes.txt sub dir with space.csv "
expect_eq "FILE after --restricted (its value only after =)" "$(offered centres --restricted a)" "annuaire.csv "
expect_eq "FILE in a directory" "$(offered centres --check exports/)" "exports/x.csv "
expect_eq "- after --: a file name, not an option" "$(offered centres -l -- -)" "-odd.csv "
expect_eq "after --format csv: files again" "$(offered centres -F csv a)" "annuaire.csv "

# The real thing: an interactive bash in tmux, Tab as a user presses it.
if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP completion in an interactive bash: no tmux"
	exit 0
fi
unset TMUX TMUX_PANE
sock=centres-completion-$$
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
# PATH: the release binary as `centres`, as an install gives it.
mkdir "$TMPD/bin" && ln -s "$(cd "$(dirname "$REL")" && pwd)/$(basename "$REL")" "$TMPD/bin/centres"
tm new-session -d -x 100 -y 20 -c "$F" \
	"env -i HOME=$TMPD HISTFILE=/dev/null TERM=tmux-256color LC_ALL=C.UTF-8 PATH=$TMPD/bin:/usr/bin:/bin PS1='$ ' bash --norc --noprofile"
tm send-keys -l ". '$COMP'"; tm send-keys Enter
# shows TEXT: waits (up to 5 s) for TEXT on the screen; $screen is the capture.
shows() {
	n=0
	while [ $n -lt 100 ]; do
		screen=$(tm capture-pane -p)
		case $screen in *"$1"*) return 0 ;; esac
		sleep 0.05; n=$((n + 1))
	done
	return 1
}
line() { tm send-keys C-u; tm send-keys -l "$1"; tm send-keys Tab Tab; }
line "centres --format "
if shows "json"; then
	expect_contains "interactive: --format Tab Tab lists the formats" "$screen" "csv   json  text  tsv"
else
	fail "interactive: --format Tab Tab lists the formats" "$screen"
fi
# (Tab ends a whole word with a space: the next letters typed show it.)
tm send-keys C-u; tm send-keys -l "centres --form"; tm send-keys Tab; tm send-keys -l "csv"
shows '$ centres --format csv' && pass "interactive: --form Tab completes to --format" ||
	fail "interactive: --form Tab completes to --format" "$screen"
tm send-keys C-u; tm send-keys -l "centres wi"; tm send-keys Tab; tm send-keys -l "x"
shows '$ centres with\ space.csv x' && pass "interactive: a file name with a space, quoted" ||
	fail "interactive: a file name with a space, quoted" "$screen"
tm send-keys C-u; tm send-keys -l "centres su"; tm send-keys Tab; tm send-keys -l "x"
shows '$ centres sub\ dir/x' && pass "interactive: a directory, with its / (no space)" ||
	fail "interactive: a directory, with its / (no space)" "$screen"
# The list shows ; and | as they must be typed; typed as shown, the line
# runs (centres --check -d \; on a file of semicolons).
printf 'nom;telephone\nA;01 02 03 04 05\n' >"$F/semi.csv"
tm send-keys C-u; tm send-keys -l "centres --check -d "; tm send-keys Tab Tab
shows 'tab' || true
expect_contains "interactive: -d Tab Tab lists , \\; \\| tab" "$screen" ',    \;   \|   tab'
tm send-keys -l "t"; tm send-keys Tab; tm send-keys -l "x"
shows '$ centres --check -d tab x' && pass "interactive: -d t Tab gives tab" ||
	fail "interactive: -d t Tab gives tab" "$screen"
tm send-keys C-u C-l; tm send-keys -l "centres --check -d \\; sem"; tm send-keys Tab; tm send-keys Enter
if shows 'warnings:'; then
	expect_contains "interactive: Tab completed semi.csv" "$screen" 'centres --check -d \; semi.csv'
	expect_contains "interactive: the line runs with ; as the delimiter" "$screen" "delimiter: semicolon (;), as given"
	expect_contains "interactive: and finds the two columns" "$screen" "1 row, 2 columns"
else
	fail "interactive: the line runs (--check -d \\; semi.csv)" "$screen"
fi
