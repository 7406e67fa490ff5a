#!/bin/sh
# Batch mode as a process: bad files and bad options. Every error is exactly
# one line on stderr ("centres: ..."), exit status 2, nothing on stdout.
. tests/lib.sh
ESC=$(printf '\033')

# expect_error NAME PREFIX ARGS...: runs centres ARGS; checks exit 2, empty
# stdout, one line on stderr starting with PREFIX, no raw ESC in it.
expect_error() {
	name=$1 prefix=$2
	shift 2
	run "$@"
	expect_eq "$name: exit 2" "$rc" 2
	expect_eq "$name: empty stdout" "$out" ""
	expect_eq "$name: one line on stderr" "$(wc -l <"$TMPD/err" | tr -d ' ')" 1
	case $err in
	"$prefix"*) pass "$name: message" ;;
	*) fail "$name: message" "expected to start with: $prefix" "actual: $err" ;;
	esac
	case $err in
	*"$ESC"*) fail "$name: no raw ESC on stderr" "got: $(printf '%s' "$err" | od -c | head -n 3)" ;;
	*) pass "$name: no raw ESC on stderr" ;;
	esac
}

# Files that cannot be loaded.
expect_error "nonexistent file" "centres: $TMPD/nope.csv: No such file or directory" --list "$TMPD/nope.csv"
mkdir "$TMPD/dir"
expect_error "directory" "centres: $TMPD/dir: " --list "$TMPD/dir"
expect_error "/dev/null" "centres: /dev/null: " --list /dev/null
: >"$TMPD/empty.csv"
expect_error "empty file" "centres: $TMPD/empty.csv: " --list "$TMPD/empty.csv"
expect_contains "empty file: says empty" "$err" "empty"
printf 'nom,tel\nA,1\n\000\001\002\003\377\376binary\n' >"$TMPD/bin.csv"
expect_error "binary file (NUL on line 3)" "centres: $TMPD/bin.csv:3: " --list "$TMPD/bin.csv"
head -c 2048 "$BIN" >"$TMPD/elf"
expect_error "executable" "centres: $TMPD/elf:" --list "$TMPD/elf"
printf '\n\r\n\n' >"$TMPD/blank.csv"
expect_error "only blank lines" "centres: $TMPD/blank.csv: " --list "$TMPD/blank.csv"

# An unterminated quote: the line where the quote opened (line 3), even
# though the file goes on for three more lines.
printf 'nom,telephone\nA,01\nB,"02 ouvert\nsuite\nencore\nfin\n' >"$TMPD/quote.csv"
expect_error "unterminated quote" "centres: $TMPD/quote.csv:3: " --list "$TMPD/quote.csv"
expect_contains "unterminated quote: says so" "$err" "quote"
expect_error "unterminated quote, --check" "centres: $TMPD/quote.csv:3: " --check "$TMPD/quote.csv"
expect_error "unterminated quote, json" "centres: $TMPD/quote.csv:3: " --format json "$TMPD/quote.csv"
# Text after a closing quote, which libcsv alone would merge into later lines.
printf 'nom,telephone\nA,01\n"Mairie" annexe,02\nC,03\n' >"$TMPD/after.csv"
expect_error "text after a closing quote" "centres: $TMPD/after.csv:3: " --list "$TMPD/after.csv"
# Line numbers are physical: a quoted field over three lines counts them.
printf 'nom,telephone\n"A\nB\nC",01\nD,"x\n' >"$TMPD/phys.csv"
expect_error "line numbers count lines inside quotes" "centres: $TMPD/phys.csv:5: " --list "$TMPD/phys.csv"

# A file name with an escape sequence in it is printed without the raw ESC.
bad="$TMPD/$(printf 'evil\033[2J\033]0;title\007name').csv"
printf 'nom,telephone\n"A,01\n' >"$bad"
expect_error "file name with ESC" "centres: $TMPD/evil" --list "$bad"
expect_contains "file name with ESC: rest of the name kept" "$err" "name.csv:2: "
v=$(LC_ALL=C grep -c "$(printf '\007')" "$TMPD/err")
expect_eq "file name with ESC: no BEL on stderr" "$v" 0
expect_error "missing file name with ESC" "centres: $TMPD/evil" --list "$TMPD/$(printf 'evil\033[31m').csv"

# Bad options.
expect_error "unknown long option" "centres: unknown option '--bogus'" --bogus
expect_error "unknown short option" "centres: unknown option '-x'" -x
expect_error "unknown option with ESC" "centres: unknown option" "$(printf -- '--x\033[2J')"
expect_error "unknown short option ESC" "centres: unknown option" "$(printf -- '-\033')"
expect_error "argument to an option that takes none" "centres: " --list=yes
expect_contains "argument to --list: names --list" "$err" "--list"
expect_error "bad --format" "centres: unknown format 'xml'" --format xml
expect_contains "bad --format: lists the formats" "$err" "text, csv, tsv or json"
expect_error "bad --format with ESC" "centres: unknown format" --format "$(printf 'j\033[2J')"
expect_error "bad --delimiter" "centres: unknown delimiter 'x'" --delimiter x
expect_error "bad --delimiter (two chars)" "centres: unknown delimiter" --delimiter ';;'
expect_error "--filter without value" "centres: option '--filter' needs a value" --filter
expect_error "--format without value" "centres: option '--format' needs a value" --format
expect_error "--delimiter without value" "centres: option '--delimiter' needs a value" --delimiter
expect_error "--encoding without value" "centres: option '--encoding' needs a value" --encoding
expect_error "-f without value" "centres: option '-f' needs a value" -f
expect_error "unknown --encoding" "centres: data/centres.csv: unknown encoding 'NO-SUCH-ENC'" \
	--encoding NO-SUCH-ENC --list data/centres.csv
expect_error "unknown --encoding with ESC" "centres: data/centres.csv: unknown encoding" \
	--encoding "$(printf 'X\033]52;c;aGk=\007')" --list data/centres.csv
expect_error "two files" "centres: too many files" --list data/centres.csv data/centres.csv
expect_error "--check with --list" "centres: --check cannot be combined" --check --list
