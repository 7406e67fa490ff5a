#!/bin/sh
# --sort name|territory|file (-s): the order of --list and --filter in every
# format (accents with their base letter, Œ as OE, no case, numbers as
# numbers, empty names last, equal names in the file's order); printed into
# a pipe without --list too; a bad key is one clear error, status 2, in
# English and in French.
. tests/lib.sh

F=$TMPD/sort.csv
cat >"$F" <<'EOF'
id,nom,territoire
1,Zoé,Rhône
2,Écully,Rhône
3,école,Ain
4,Œuvre,Ain
5,Oeuf,Savoie
6,Centre 10,Ain
7,Centre 2,Savoie
8,,Ain
9,alpha,Rhône
10,ALPHA,
11,Odile,Rhône
EOF

# ids: the first csv column of $out, less the header, joined by spaces.
ids() { printf '%s\n' "$out" | sed 1d | cut -d, -f1 | tr '\n' ' '; }

run --list --sort name --format csv "$F"
expect_eq "name: exit 0" "$rc" 0
expect_eq "name: nothing on stderr" "$err" ""
# alpha ALPHA (file order), Centre 2, Centre 10, école, Écully, Odile,
# Oeuf, Œuvre, Zoé, then the empty name.
expect_eq "name: accents, ligatures, case, numbers, empty last" "$(ids)" "9 10 7 6 3 2 11 5 4 1 8 "
expect_eq "name: the header first, as in the file" "$(printf '%s\n' "$out" | head -n 1 | tr -d '\r')" \
	"id,nom,territoire"

run --list --sort territory --format csv "$F"
expect_eq "territory: exit 0" "$rc" 0
# Ain (Centre 10, école, Œuvre, then the empty name), Rhône (alpha,
# Écully, Odile, Zoé), Savoie (Centre 2, Oeuf), then no territory (ALPHA).
expect_eq "territory: then name, no territory last" "$(ids)" "6 3 4 8 9 2 11 1 7 5 10 "

run --list --sort file --format csv "$F"
expect_eq "file: the file's order" "$(ids)" "1 2 3 4 5 6 7 8 9 10 11 "
run --list -s name --format csv "$F"
expect_eq "-s name: the same as --sort name" "$(ids)" "9 10 7 6 3 2 11 5 4 1 8 "
run --list --sort=territory --format csv "$F"
expect_eq "--sort=territory" "$(ids)" "6 3 4 8 9 2 11 1 7 5 10 "

# --filter: the matches sorted ("rhone" finds the Rhône rows).
run --filter rhone --sort name --format csv "$F"
expect_eq "filter: exit 0" "$rc" 0
expect_eq "filter: the matches by name" "$(ids)" "9 2 11 1 "
run --filter rhone --sort name --format json "$F"
expect_eq "filter json: in the same order" \
	"$(printf '%s\n' "$out" | grep -o '"id": *"[0-9]*"' | tr -dc '0-9 \n' | tr -s ' \n' ' ')" \
	" 9 2 11 1 "

# Into a pipe, without --list: the list, sorted.
out=$("$BIN" --sort name --format csv "$F" </dev/null 2>/dev/null)
expect_eq "pipe: the list by name" "$(ids)" "9 10 7 6 3 2 11 5 4 1 8 "
out=$("$BIN" --sort name "$F" </dev/null 2>/dev/null | head -n 3 | cut -d' ' -f1-2)
expect_eq "pipe, text: by name" "$(printf '%s\n' "$out" | tr '\n' '/')" "alpha /ALPHA /Centre 2/"

# A bad key: one line, status 2, nothing on stdout.
run --list --sort nom "$F"
expect_eq "bad key: exit 2" "$rc" 2
expect_eq "bad key: nothing on stdout" "$out" ""
expect_eq "bad key: one clear message" "$err" "centres: unknown sort key 'nom' (use name, territory or file)"
run --list --sort "$F"
expect_eq "no key (the file taken as one): exit 2" "$rc" 2
run --list --sort
expect_eq "no key at all: exit 2" "$rc" 2
expect_eq "no key at all: says so" "$err" "centres: option '--sort' needs a value (see 'centres --help')"
run --lang fr --list --sort Name "$F"
expect_eq "bad key, in French: exit 2" "$rc" 2
NB=$(printf '\302\240')
expect_eq "bad key, in French" "$err" "centres: clé de tri «${NB}Name${NB}» inconnue (name, territory ou file)"
