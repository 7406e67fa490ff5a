#!/bin/sh
# Export (F2, Ctrl-S), opening another file (F3, Ctrl-O) and suspending
# (Ctrl-Z) as a person uses them, on the centres a typed search finds; then
# restricted mode (--restricted, CENTRES_RESTRICTED=1) where none of them
# exists: absent from the key bar and the help, their keys (F2, ^S, F3, ^O,
# ^Z) only say so, what is typed after them goes into the search, never a
# file name, no file is written or read, the process is never stopped;
# reload (Ctrl-R) still reads the same file. On copies of the test
# directory tests/data/annuaire.csv.
. tests/tui/tmux.sh

work=$TMPD/work
mkdir -p "$work"
cp "$FX" "$work/annuaire.csv"
head -n 4 "$FX" >"$work/trois.csv"
FX=$CENTRES_TOP/$FX
cd "$work" || exit 1


# --- export: the centres shown, as CSV, never over an existing file
EXTRA_ENV="HOME=$work" start 132 30 "$work/annuaire.csv"
see "export: started" "18 of 18"
keybar_has "export: on the key bar at 132 columns" "*F2/^S Export*"
send_text iles
see "export: a search" "Search: iles" "1 of 18 centres match"
keys F2
see "export: the prompt, with a name to start from" "Export 1 centre to: centres-export.csv"
keybar_has "export: the prompt's keys" "*Enter OK*" "*Esc Cancel*"
keys C-u
send_text "îles.csv"
see "export: the typed name" "Export 1 centre to: îles.csv"
keys Enter
see "export: done, said" "Exported 1 centre to îles.csv."
if [ -f "$work/îles.csv" ]; then
	rows=$(python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], encoding="utf-8"))); print(len(r)-1, r[0][1], r[1][2])' "$work/îles.csv")
	expect_eq "export: a CSV of the centres shown, header first" "$rows" "1 nom CR-CDI"
else
	fail "export: the file is written"
fi
# Again: the name comes back; the file exists, so nothing is overwritten.
before=$(cksum <"$work/îles.csv")
keys C-s
see "export again (Ctrl-S): the last name comes back" "Export 1 centre to: îles.csv"
keys Enter
see "export again: refused, the file kept" "Not exported (F2 to correct the name): it already exists"
expect_eq "export again: the file is unchanged" "$(cksum <"$work/îles.csv")" "$before"
# A directory that does not exist: said, nothing written.
keys F2 C-u
send_text "nowhere/x.csv"
keys Enter
see "export into a missing directory: said" "Not exported" "No such file or directory"
# Esc cancels.
keys F2 Escape
see "export: Esc cancels" "Nothing exported."
see "export: the search still there after the prompt" "Search: iles  (Esc: clear)"
# No search: every centre.
keys Escape
see "export: Esc clears the search" "18 of 18 centres shown" "Search:  a name"
keys F2 C-u
send_text "~/tout.csv"
keys Enter
see "export: every centre without a filter, ~ is the home directory" "Exported 18 centres to ~/tout.csv."
n=$(python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], encoding="utf-8")))) - 1)' "$work/tout.csv" 2>&1)
expect_eq "export: 18 rows in ~/tout.csv" "$n" 18

# --- open another file, and reload reads that one
keys F3
see "open: an empty prompt" "Open the file:"
send_text "$work/absent.csv"
keys Enter
see "open a missing file: said, data kept" "Not opened (F3 to correct the name)" "18 of 18"
keys C-o
see "open (Ctrl-O): the name comes back to correct" "absent.csv"
keys C-u
send_text "$work/trois.csv"
keys Enter
see "open: the other file, said" "Opened $work/trois.csv: 3 centres." "3 of 3 centres"
keys F5
see "reload reads the opened file" "Reloaded $work/trois.csv: 3 centres."

# Ctrl-Z where no shell could resume it (the program alone in its terminal,
# as under an SSH forced command): said, and nothing changes.
keys C-z
see "Ctrl-Z with no shell: said" "Cannot suspend: no shell to come back to (F10 quits)."
expect_eq "Ctrl-Z with no shell: still running" "$(proc_state)" S
expect_eq "Ctrl-Z with no shell: still on its own screen" \
	"$(tm display -p -t "$S" '#{alternate_on}')" 1
keys F10
expect_exit "export/open: F10" 0

# --- Ctrl-Z suspends, fg comes back: in an interactive shell with job
# control, as a person runs it (without one the stop would be discarded).
S=jobs
tm new-session -d -s "$S" -x 100 -y 24 "env -i PATH=$PATH HOME=$work TERM=tmux-256color \
	LC_ALL=C.UTF-8 ASAN_OPTIONS=$ASAN_OPTIONS LSAN_OPTIONS=$LSAN_OPTIONS PS1='$ ' \
	bash --norc --noprofile -i"
stale=1
send_text "$BIN $work/trois.csv 2>$TMPD/stderr.jobs"
keys Enter
see "Ctrl-Z: started from a shell" "3 of 3 centres" "F10/^Q Quit"
keys C-z
see "Ctrl-Z: the shell has the terminal back, the program stopped" "Stopped"
send_text "fg"
keys Enter
see "fg: the screen is back" "3 of 3 centres" "F10/^Q Quit"
keys Down F10
wait_gone "F10/^Q Quit"
send_text 'echo STATUS=$?'
keys Enter
see "after fg, F10 quits with status 0" "STATUS=0"
tm kill-session -t "$S"

# --- restricted mode, by option and by environment
for how in option env; do
	rm -f "$work"/centres-export.csv
	if [ $how = option ]; then
		start 132 30 --restricted "$work/annuaire.csv"
	else
		EXTRA_ENV="CENTRES_RESTRICTED=1" start 132 30 "$work/annuaire.csv"
	fi
	see "restricted ($how): started" "18 of 18" "F10/^Q Quit"
	capture
	kb=$(last_line)
	case "$kb" in *Export* | *" File"*) fail "restricted ($how): no export or open on the key bar" "$kb" ;;
	*) pass "restricted ($how): no export or open on the key bar" ;; esac
	keys F2
	see "restricted ($how): F2 says export is disabled" "Export the centres shown to a CSV file: disabled in restricted mode."
	not_see "restricted ($how): no prompt" "Export 18 centres to"
	# A key typed puts the status line's hint back: the next message is new.
	send_text "z"
	see "restricted ($how): z after F2 goes into the search" "Search: z  (Esc: clear)" "Type a name"
	keys Escape
	see "restricted ($how): Esc clears that search" "18 of 18 centres shown"
	keys C-s
	see "restricted ($how): Ctrl-S the same" "Export the centres shown to a CSV file: disabled in restricted mode."
	not_see "restricted ($how): no prompt after Ctrl-S" "Export 18 centres to"
	keys F3
	see "restricted ($how): F3 says opening a file is disabled" "Open another directory file (CSV): disabled in restricted mode."
	# What follows F3 is not a path: x goes into the search, nothing opens.
	send_text "x"
	see "restricted ($how): x after F3 goes into the search" "Search: x  (Esc: clear)"
	not_see "restricted ($how): no prompt after F3" "Open the file:"
	keys Escape
	see "restricted ($how): Esc clears the search" "18 of 18 centres shown"
	keys C-o
	see "restricted ($how): Ctrl-O the same" "Open another directory file (CSV): disabled in restricted mode."
	send_text "y"
	see "restricted ($how): y after Ctrl-O goes into the search" "Search: y  (Esc: clear)"
	not_see "restricted ($how): no prompt after Ctrl-O" "Open the file:"
	keys Escape
	see "restricted ($how): Esc clears the search again" "18 of 18 centres shown"
	keys C-z
	see "restricted ($how): Ctrl-Z says suspending is disabled" "Suspend (come back with fg): disabled in restricted mode."
	sleep 0.3
	expect_eq "restricted ($how): the process was not stopped" "$(proc_state)" S
	keys F1
	see "restricted ($how): help" "Help (every key)"
	keys End
	see "restricted ($how): help says restricted" "Restricted mode: no export, no other file, no suspend."
	help=$(tm capture-pane -p -S - -t "$S")
	keys Home
	see "restricted ($how): help, top" "Keys of centres"
	for t in "Export" "Open another" "Suspend" "file name"; do
		case "$help" in *"$t"*) fail "restricted ($how): help does not offer '$t'" ;;
		*) pass "restricted ($how): help does not offer '$t'" ;; esac
	done
	keys q
	keys C-r
	see "restricted ($how): reload (Ctrl-R) reads the same file" "Reloaded annuaire.csv: 18 centres."
	case "$screen" in *"$work"*) fail "restricted ($how): the server's folders are not shown" "$(line_with "$work")" ;;
	*) pass "restricted ($how): the server's folders are not shown" ;; esac
	keys F10
	expect_exit "restricted ($how): F10" 0
	if [ -e "$work/centres-export.csv" ]; then
		fail "restricted ($how): no file written"
	else
		pass "restricted ($how): no file written"
	fi
done

# An option cannot undo the environment's restriction.
EXTRA_ENV="CENTRES_RESTRICTED=1" start 100 24 --no-color "$work/annuaire.csv"
see "CENTRES_RESTRICTED with other options: started" "18 of 18"
keys F2
see "CENTRES_RESTRICTED with other options: still restricted" "disabled in restricted mode"
keys F10
expect_exit "CENTRES_RESTRICTED: F10" 0
# CENTRES_RESTRICTED=0 is off.
EXTRA_ENV="CENTRES_RESTRICTED=0" start 100 24 "$work/annuaire.csv"
see "CENTRES_RESTRICTED=0: started" "18 of 18"
keys F2
see "CENTRES_RESTRICTED=0: export offered" "Export 18 centres to"
# Esc alone: an Esc with another key in the same read is that key with Alt.
keys Escape
see "CENTRES_RESTRICTED=0: Esc cancels the export" "Nothing exported."
keys F10
expect_exit "CENTRES_RESTRICTED=0: F10" 0

# A terminal description in the person's ~/.terminfo is read as usual, but
# not in restricted mode (a file of the person's choosing).
printf 'centres-test|a terminal known only to this home,\n\tuse=xterm-256color,\n' >"$TMPD/ct.ti"
if command -v tic >/dev/null 2>&1 && tic -x -o "$work/.terminfo" "$TMPD/ct.ti" 2>/dev/null; then
	TERM_ENV=centres-test EXTRA_ENV="HOME=$work" start 100 24 "$work/annuaire.csv"
	see "~/.terminfo: started" "18 of 18"
	not_see "~/.terminfo: its terminal is found (no fallback)" "not installed here"
	keys F10
	expect_exit "~/.terminfo: F10" 0
	TERM_ENV=centres-test EXTRA_ENV="HOME=$work" start 100 24 --restricted "$work/annuaire.csv"
	see "~/.terminfo, restricted: not read (the fallback, said)" \
		"TERM centres-test is not installed here: drawing as xterm-256color."
	keys F10
	expect_exit "~/.terminfo, restricted: F10" 0
else
	echo "SKIP ~/.terminfo in restricted mode: tic cannot compile a terminal description here"
fi

cd "$CENTRES_TOP" 2>/dev/null || cd /
finish restricted
