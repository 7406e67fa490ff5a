# tmux.sh: helpers for the screen tests, sourced (after tests/lib.sh is
# sourced by it) by the scripts of tests/tui. Not a test itself: run.sh runs
# tests/tui/*.sh, so this file only defines functions and exits at once when
# run on its own.
#
# Each script gets its own tmux server (tmux -L centres-test-PID, no config
# file), killed when the script exits. The program runs in a session of a
# given size:
#   start W H [ARGS...]       runs $BIN ARGS at W x H, LC_ALL=C.UTF-8,
#                             TERM=tmux-256color (override with TERM_ENV=...,
#                             add variables with EXTRA_ENV="A=1 B=2"), on the
#                             test directory $FX (see below)
#   keys KEY...               tmux send-keys (key names: Enter Escape Tab BTab
#                             BSpace Up Down Left Right F1 F5 F10 C-c C-u ...)
#   send_text TEXT            sends TEXT literally (send-keys -l)
#   wait_for TEXT             polls capture-pane every 0.05 s, up to 10 s
#                             ($WAIT_S), or until the program has ended; the
#                             last capture is in $screen
#   wait_gone TEXT            the same, until TEXT is no longer on screen
#   see NAME TEXT...          PASS when every TEXT shows (waits for each)
#   see_gone NAME TEXT        PASS when TEXT goes away
#   not_see NAME TEXT         PASS when TEXT is absent from $screen (the last
#                             capture: call after a wait that proves the
#                             redraw happened)
#   line_with TEXT            the first line of $screen that contains TEXT
#   wait_exit                 waits for the program to end, sets $status
#   expect_exit NAME STATUS   its exit status, and the terminal left usable
#   resize W H                resizes the window
#   finish NAME               checks that the sanitizer said nothing
#   keys_hex HEX...           sends bytes given in hex (send-keys -H: 1b 5b
#                             41 is ESC [ A), whatever TERM says
#   paste_text TEXT           pastes TEXT as a terminal does (tmux
#                             set-buffer, paste-buffer -p: bracketed when the
#                             program asked for it with ESC[?2004h, a line
#                             break sent as CR)
#   search_is NAME TEXT       PASS when the search line reads "Search: TEXT
#                             (Esc: clear)" (TEXT empty: the empty search,
#                             its hint shown); waits for it, like see
#   reversed NAME TEXT        PASS when TEXT (a pane heading: the focused
#                             pane's) is drawn in reverse video; unlike
#                             focused, follows the attributes from line to
#                             line (tmux does not repeat them at a line's
#                             start: a vt100's reverse title runs on into
#                             the heading under it)
#   is_reversed TEXT          the same test, once, on the last capture_e
#   settle_e                  capture_e until two captures agree (a whole
#                             frame, attributes and all)
#   within S CMD [ARGS...]    runs CMD with WAIT_S=S (a shorter wait where
#                             the frame is known to be drawn), then puts
#                             WAIT_S back
#
# The data: every run is on the test directory $FX, tests/data/annuaire.csv
# (tests/data/README.md), given through CENTRES_FILE, so that editing the
# product's data (data/centres.csv) breaks no screen test. The path is
# relative: the scripts run from the top of the tree (a script that changes
# directory first sets FX to a path that holds from there). A FILE argument
# to start wins over CENTRES_FILE, as for any user. To run the built-in
# directory instead (data/centres.csv, compiled into the binary: only
# tests/tui/shipped_data.sh checks it, and screenshots.sh pictures it):
#   DATA=builtin start 80 24  (CENTRES_FILE is then empty: no file is read)
#
# The program's stderr goes to $TMPD/stderr.N, so sanitizer reports do not
# land on the screen and can be checked. Leaks are traced with the slow
# unwinder: libtinfo has no frame pointers, and the fast one loses the
# frames that tests/lsan.supp recognises as ncurses' own.

# Sourced by the tests; run on its own (run.sh runs tests/tui/*.sh), it does
# nothing.
case "$0" in */tmux.sh | tmux.sh) exit 0 ;; esac

. tests/lib.sh

unset TMUX TMUX_PANE
TMUX_SOCK=centres-test-$$
WAIT_S=${WAIT_S:-10}
screen=
S=
run_no=0
FX=tests/data/annuaire.csv
DATA=fixture

tm() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }

# Whatever of this script's programs outlived its tmux server is killed (its
# environment names this script's $TMPD): a sanitizer build can hang at exit
# when its terminal hangs up (LeakSanitizer's stop-the-world, seen spinning
# with its tracer waiting), and must not go on eating a core.
cleanup() {
	tm kill-server >/dev/null 2>&1
	for f in "$TMPD"/pid.*; do
		p=$(cat "$f" 2>/dev/null) || continue
		[ -r "/proc/$p/environ" ] &&
			tr '\0' '\n' <"/proc/$p/environ" 2>/dev/null | grep -q -x -F "CENTRES_TEST_RUN=$TMPD" &&
			kill -9 "$p" 2>/dev/null
	done
	rm -rf "$TMPD"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 141' PIPE
trap 'exit 143' TERM
# Should this script be killed outright (no trap runs), a watcher kills its
# tmux server, and so the program, within a second.
(
	trap '' HUP INT PIPE
	while kill -0 $$ 2>/dev/null; do sleep 1; done
	tm kill-server
	rm -rf "$TMPD"
) </dev/null >/dev/null 2>&1 &

# q STRING: STRING quoted for sh.
q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# start_line W H PREP LINE: a new session running LINE (a shell command
# line, already quoted) after PREP (shell lines, may be empty), through a
# small script that writes LINE's pid to $TMPD/pid.N, then, once it ends,
# "EXIT=status" and the terminal modes that matter (canonical input, echo),
# so that the tests see the terminal is left usable. stderr goes to
# $TMPD/stderr.N.
start_line() {
	w=$1 h=$2
	old=$S
	run_no=$((run_no + 1))
	S=t$run_no
	stale=1
	PIDF=$TMPD/pid.$run_no
	ERRF=$TMPD/stderr.$run_no
	# The shell survives the Ctrl-C sent to the program (its handler, unlike
	# an ignored signal, is not inherited by the program).
	cat >"$TMPD/run.$run_no.sh" <<-EOF
		trap : INT
		ulimit -c 0
		$3
		sh -c 'echo \$\$ >$PIDF; exec "\$@"' sh $4 2>$ERRF
		echo EXIT=\$?
		stty -a | tr ' ;' '\n\n' | grep -x -e '-\{0,1\}icanon' -e '-\{0,1\}echo' -e '-\{0,1\}ixon' | tr '\n' ' '
		echo
		echo "== END =="
		exec sleep 600
	EOF
	# The server stays up between sessions (exit-empty off), and the old
	# session goes once the new one is there: a server that exits as its
	# last session is killed can miss the next command ("no server").
	tm start-server \; set -g exit-empty off \; set -g default-shell /bin/sh \; \
		new-session -d -s "$S" -x "$w" -y "$h" "exec sh $TMPD/run.$run_no.sh"
	[ -n "$old" ] && tm kill-session -t "$old" >/dev/null 2>&1
	# new-session -x -y sizes only the first session's window: make sure.
	tm resize-window -t "$S" -x "$w" -y "$h" >/dev/null 2>&1
	return 0
}

# start W H [ARGS...]: a new session running the program with ARGS, on $FX
# (DATA=builtin: on the built-in directory).
start() {
	w=$1 h=$2
	shift 2
	args=
	for a in "$@"; do args="$args $(q "$a")"; done
	case $DATA in
	builtin) data="CENTRES_FILE=" ;;
	fixture) data="CENTRES_FILE=$(q "$FX")" ;;
	*) echo "tmux.sh: DATA=$DATA: expected fixture or builtin" >&2; exit 2 ;;
	esac
	start_line "$w" "$h" "" "env CENTRES_TEST_RUN=$TMPD LC_ALL=C.UTF-8 TERM=${TERM_ENV:-tmux-256color} $data ASAN_OPTIONS=${ASAN_OPTIONS:-}:fast_unwind_on_malloc=0 ${EXTRA_ENV:-} $(q "$BIN")$args"
}

# $stale: something was sent to the program since the last capture. While
# it is not, a text already in $screen needs no new capture (tmux clients
# are slow to start on a loaded machine).
stale=1
keys() { stale=1; tm send-keys -t "$S" "$@"; }
send_text() { stale=1; tm send-keys -t "$S" -l "$1"; }
resize() { stale=1; tm resize-window -t "$S" -x "$1" -y "$2"; }
capture() { stale=0; screen=$(tm capture-pane -p -t "$S" 2>/dev/null); }
# settle: the text may show while a frame is still being drawn (a loaded
# machine): capture again until two captures agree, so that what follows
# reads a whole frame.
settle() {
	j=0
	while [ "$j" -lt 25 ]; do
		prev=$screen
		sleep 0.02
		capture
		[ "$screen" = "$prev" ] && return 0
		j=$((j + 1))
	done
}

wait_for() {
	if [ "$stale" = 0 ]; then
		case "$screen" in *"$1"*) return 0 ;; esac
	fi
	i=0
	while :; do
		capture
		case "$screen" in *"$1"*) settle; return 0 ;; esac
		# the program has ended: no use waiting
		case "$1" in "== END ==") ;; *) case "$screen" in *"== END =="*) return 1 ;; esac ;; esac
		i=$((i + 1))
		[ "$i" -ge $((WAIT_S * 20)) ] && return 1
		sleep 0.05
	done
}

wait_gone() {
	i=0
	while :; do
		capture
		case "$screen" in *"$1"*) ;; *) return 0 ;; esac
		i=$((i + 1))
		[ "$i" -ge $((WAIT_S * 20)) ] && return 1
		sleep 0.05
	done
}

# The screen, indented, for failure reports.
show() { printf '%s\n' "$screen" | sed 's/^/    | /'; }

# show_or_ended: the screen, or, once the program has ended, one line saying
# so (the screen was shown at the first failure after the end).
ended_shown=
show_or_ended() {
	case "$screen" in
	*"== END =="*)
		if [ "$ended_shown" = "$run_no" ]; then
			printf '    (the program has ended: %s)\n' "$(printf '%s\n' "$screen" | tr -d '\n' | grep -o 'EXIT=[0-9]*' | head -n 1)"
			return
		fi
		ended_shown=$run_no ;;
	esac
	show
}

see() {
	name=$1
	shift
	for t in "$@"; do
		if ! wait_for "$t"; then
			fail "$name" "not on screen after ${WAIT_S}s: $t"
			show_or_ended
			return 1
		fi
	done
	pass "$name"
}

see_gone() {
	if wait_gone "$2"; then pass "$1"; else fail "$1" "still on screen: $2"; show_or_ended; return 1; fi
}

not_see() {
	case "$screen" in
	*"$2"*) fail "$1" "unexpected on screen: $2"; show_or_ended; return 1 ;;
	*"== END =="*) fail "$1" "the program has ended"; show_or_ended; return 1 ;;
	*) pass "$1" ;;
	esac
}

# line_with TEXT: the first line of $screen containing TEXT.
line_with() { printf '%s\n' "$screen" | grep -F -m1 -e "$1"; }

# wait_selected TEXT: waits until TEXT is on a selected line: a pane's part
# of a line (panes are split by "│") that starts with the marker "▸".
wait_selected() {
	i=0
	while :; do
		[ "$stale" = 0 ] && [ $i -eq 0 ] || capture
		case "$screen" in *"== END =="*) return 1 ;; esac
		if printf '%s\n' "$screen" | awk -F'│' -v t="$1" '
			{ for (i = 1; i <= NF; i++) if ((index($i, "▸") == 1 || index($i, ">") == 1) && index($i, t)) f = 1 }
			END { exit !f }'; then
			return 0
		fi
		i=$((i + 1))
		[ "$i" -ge $((WAIT_S * 20)) ] && return 1
		sleep 0.05
	done
}
# selected NAME TEXT
selected() {
	if wait_selected "$2"; then pass "$1"; else fail "$1" "not on a selected line: $2"; show_or_ended; return 1; fi
}

# wait_exit: waits for the end of the program; sets $status to its exit
# status (empty when it did not end in time) and $screen to what is left.
wait_exit() {
	status=
	wait_for "== END ==" || return 0
	# -J joins a line the terminal wrapped ("EXIT=" printed at the edge);
	# -S: from the history too (printed on a tiny terminal, then resized)
	status=$(tm capture-pane -J -p -S -100 -t "$S" | sed -n 's/^EXIT=\([0-9]*\).*/\1/p' | head -n 1)
}

# expect_exit NAME STATUS [vt100]: the program ended with STATUS, and left the
# terminal usable: canonical input and echo back on, normal screen (not the
# alternate one), cursor shown, mouse reporting off.
expect_exit() {
	wait_exit
	expect_eq "$1: exit status" "$status" "$2"
	modes=$(printf '%s\n' "$screen" | grep -e 'icanon' | head -n 1)
	case " $modes " in
	*" -icanon "* | *" -echo "*) fail "$1: icanon and echo are back" "stty after exit: $modes"; show_or_ended ;;
	*" icanon "*) case " $modes " in
		*" echo "*) pass "$1: icanon and echo are back" ;;
		*) fail "$1: icanon and echo are back" "stty after exit: $modes"; show_or_ended ;;
		esac ;;
	*) fail "$1: icanon and echo are back" "stty after exit: $modes"; show_or_ended ;;
	esac
	f=$(tm display -p -t "$S" '#{alternate_on} #{cursor_flag} #{mouse_any_flag}')
	expect_eq "$1: normal screen, cursor shown, no mouse reporting (alternate cursor mouse)" "$f" "0 1 0"
	# A vt100 has no alternate screen: what was drawn stays.
	if [ "${3:-}" != vt100 ]; then
		case "$screen" in
		*"^Q Quit"*) fail "$1: the program's screen is gone" "its key bar is still on screen"; show_or_ended ;;
		*) pass "$1: the program's screen is gone" ;;
		esac
	fi
}

# wait_started: waits until the program has taken the terminal (alternate
# screen on), for when nothing can be seen (a 1x1 terminal).
wait_started() {
	i=0
	while [ "$(tm display -p -t "$S" '#{alternate_on}')" != 1 ]; do
		i=$((i + 1))
		[ "$i" -ge $((WAIT_S * 20)) ] && return 1
		sleep 0.05
	done
}

# pid: the program's process id; proc_state: its state letter (S asleep, T
# stopped...); cpu_ticks: the user and system clock ticks it has used.
pid() { cat "$PIDF" 2>/dev/null; }
proc_state() { awk '{print $3}' "/proc/$(pid)/stat" 2>/dev/null; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$(pid)/stat" 2>/dev/null; }

# finish NAME: no sanitizer report in the program's stderr (all runs so far).
finish() {
	bad=$(cat "$TMPD"/stderr.* 2>/dev/null | grep -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer|SUMMARY:' | head -n 5)
	if [ -z "$bad" ]; then pass "$1: no sanitizer report"; else fail "$1: no sanitizer report" "$bad"; fi
}


ESC=$(printf '\033')

# capture_e: $escreen, the screen with its attributes (SGR sequences).
capture_e() { escreen=$(tm capture-pane -e -p -t "$S" 2>/dev/null); }

# wait_focused HEADING: waits until the pane heading HEADING is drawn in
# reverse video (the focused pane: visible without colour too).
wait_focused() {
	i=0
	while :; do
		capture_e
		case "$escreen" in *"== END =="*) return 1 ;; esac
		# reverse video -> «R», other attributes dropped
		if printf '%s\n' "$escreen" |
			sed -e "s/$ESC\\[\\([0-9]*;\\)*7\\(;[0-9]*\\)*m/«R»/g" -e "s/$ESC\\[[0-9;]*m//g" |
			grep -q -F -e "«R» $1" -e "«R» ◂ $1" -e "«R» < $1"; then
			return 0
		fi
		i=$((i + 1))
		[ "$i" -ge $((WAIT_S * 20)) ] && return 1
		sleep 0.05
	done
}
# focused NAME HEADING
focused() {
	if wait_focused "$2"; then pass "$1"; else fail "$1" "pane heading not in reverse video: $2"; printf '%s\n' "$escreen" | cat -v | sed 's/^/    | /'; return 1; fi
}

# last_line: the last line of $screen (the key bar).
last_line() { printf '%s\n' "$screen" | tail -n 1; }

# keybar_has NAME PATTERN...: the key bar (last line) matches every shell
# PATTERN (e.g. "*F1*Help*").
keybar_has() {
	name=$1
	shift
	kb=$(last_line)
	for p in "$@"; do
		# shellcheck disable=SC2254
		case "$kb" in $p) ;; *) fail "$name" "key bar does not match $p" "key bar: $kb"; return 1 ;; esac
	done
	pass "$name"
}

# keys_hex HEX...: bytes, two hex digits each, as a terminal would send them.
keys_hex() { stale=1; tm send-keys -t "$S" -H "$@"; }

# paste_text TEXT: TEXT pasted into the pane (bracketed if the program asked).
paste_text() {
	stale=1
	tm set-buffer -b centres-paste -- "$1"
	tm paste-buffer -p -d -b centres-paste -t "$S"
}

# search_is NAME TEXT: the search line shows the search TEXT ("" for none).
search_is() {
	i=0
	while :; do
		if [ "$stale" != 0 ] || [ $i -ne 0 ]; then capture; fi
		sl=$(line_with "Search:" | sed 's/ *$//')
		if [ -z "$2" ]; then
			case "$sl" in "Search:  a name"*) pass "$1"; return 0 ;; esac
		else
			[ "$sl" = "Search: $2  (Esc: clear)" ] && { pass "$1"; return 0; }
		fi
		i=$((i + 1))
		case "$screen" in *"== END =="*) i=$((WAIT_S * 20)) ;; esac
		if [ "$i" -ge $((WAIT_S * 20)) ]; then
			fail "$1" "expected the search: '$2'" "search line: $sl"
			show_or_ended
			return 1
		fi
		sleep 0.05
	done
}

# is_reversed TEXT: whether the first character of TEXT, where it first shows
# in $escreen (capture_e), is in reverse video. The attributes are carried
# over from one line to the next; bytes are counted (LC_ALL=C).
is_reversed() {
	printf '%s\n' "$escreen" | LC_ALL=C awk -v t="$1" '
		BEGIN { rev = 0 }
		function sgr(p,   n, a, k) {
			n = split(p, a, ";")
			if (p == "") { rev = 0; return }
			for (k = 1; k <= n; k++) {
				if (a[k] == "0" || a[k] == "") rev = 0
				else if (a[k] == "7") rev = 1
				else if (a[k] == "27") rev = 0
			}
		}
		{
			plain = ""; flags = ""; n = length($0); j = 1
			while (j <= n) {
				c = substr($0, j, 1)
				if (c == "\033" && substr($0, j + 1, 1) == "[") {
					k = j + 2
					while (k <= n && substr($0, k, 1) ~ /[0-9;:?]/) k++
					if (substr($0, k, 1) == "m") sgr(substr($0, j + 2, k - j - 2))
					j = k + 1
					continue
				}
				plain = plain c; flags = flags rev; j++
			}
			p = index(plain, t)
			if (p) { found = substr(flags, p, 1) == "1"; exit }
		}
		END { exit !found }'
}
# wait_reversed TEXT: waits until is_reversed TEXT.
wait_reversed() {
	i=0
	while :; do
		capture_e
		case "$escreen" in *"== END =="*) return 1 ;; esac
		is_reversed "$1" && return 0
		i=$((i + 1))
		[ "$i" -ge $((WAIT_S * 20)) ] && return 1
		sleep 0.05
	done
}
# reversed NAME TEXT
reversed() {
	if wait_reversed "$2"; then pass "$1"; else fail "$1" "not in reverse video: $2"; printf '%s\n' "$escreen" | cat -v | sed 's/^/    | /'; return 1; fi
}

# within S CMD [ARGS...]: CMD with waits of at most S seconds.
within() {
	_within_w=$WAIT_S
	WAIT_S=$1
	shift
	"$@"
	_within_r=$?
	WAIT_S=$_within_w
	return $_within_r
}

# settle_e: $escreen, once two captures agree.
settle_e() {
	j=0
	while [ "$j" -lt 25 ]; do
		prev=$escreen
		sleep 0.02
		capture_e
		[ "$escreen" = "$prev" ] && return 0
		j=$((j + 1))
	done
}
