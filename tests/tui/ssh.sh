#!/bin/sh
# centres as the forced command of an SSH account (docs/ssh.md), through a
# real sshd: its own sshd on 127.0.0.1 and a free port, its own config (no
# system file), throwaway host and user keys in $TMPD, logging in as the
# current user with ForceCommand "$BIN --restricted CSV" (CSV: a copy of the
# test directory tests/data/annuaire.csv). `ssh -tt` runs in tmux, as a
# person's terminal would:
#  - TERM=xterm-kitty (not installed here) and LANG=fr_FR.UTF-8 (not
#    installed either), LC_ALL unset: the first screen, accents, the notice
#    of the TERM fallback;
#  - a search typed, Esc alone clearing it (not taken for the start of a
#    key's sequence); restricted mode holds: the help (F1, every page)
#    offers no Export, no Open (another file), no Suspend, and F2, F3,
#    Ctrl-S, Ctrl-O, Ctrl-Z only say they are disabled (Ctrl-S does not
#    freeze the terminal); F6 still opens About;
#  - Ctrl-Q ends the session (no flow control in the way): ssh exits 0, the
#    terminal is restored, nothing is left on the server;
#  - `ssh host id` and `ssh -s host sftp` still get only centres (the list);
#  - a lost connection (the ssh client killed, or its terminal closed) ends
#    centres and its sshd session within seconds.
# The sanitizer options reach the program through sshd's SetEnv, with
# log_path into $TMPD: no report file may appear. sshd is stopped and its
# files removed whatever happens. Prints a SKIP line saying why, and exits
# 0, when /usr/sbin/sshd is missing, cannot start, or refuses this user (a
# locked account with UsePAM no, a nologin shell); run by a user other than
# root, sshd may be unable to hand a terminal over (devpts without gid=5, as
# in some containers): the checks on a terminal are then skipped.
. tests/tui/tmux.sh

SSHD=/usr/sbin/sshd
skip() { echo "SKIP ssh: $*"; exit 0; }
[ -x "$SSHD" ] || skip "$SSHD is not installed (Debian package openssh-server)"
for c in ssh ssh-keygen pgrep; do
	command -v "$c" >/dev/null 2>&1 || skip "$c is not installed"
done

# Absolute paths: sshd runs the forced command from the user's home.
case "$BIN" in /*) ABS_BIN=$BIN ;; *) ABS_BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN") ;; esac
ME=$(id -un)
ME_SHELL=$(getent passwd "$ME" | cut -d: -f7)
# sshd runs the forced command with the user's login shell (-c).
case "$ME_SHELL" in
*/nologin | */false | "") skip "the login shell of $ME is '${ME_SHELL}': sshd cannot run a command for $ME" ;;
esac
[ -x "$ME_SHELL" ] || skip "the login shell of $ME ($ME_SHELL) is not executable"

# A name of its own, so that pgrep -f finds only this test's centres.
CSV=$TMPD/ssh-test-$$.csv
cp "$CENTRES_TOP/$FX" "$CSV" || skip "cannot copy $FX"
SSHD_PID=
SSHD_LOG=$TMPD/sshd.log
PORT=

# The sshd, its per-connection children, and any centres of this test.
sshd_tree() {
	[ -n "$SSHD_PID" ] || return 0
	todo="$SSHD_PID $(cat "$TMPD/sshd.pid" 2>/dev/null)"
	seen=
	while [ -n "$todo" ]; do
		# shellcheck disable=SC2086
		set -- $todo
		p=$1
		shift
		todo=$*
		case " $seen " in *" $p "*) continue ;; esac
		seen="$seen $p"
		todo="$todo $(pgrep -P "$p" 2>/dev/null | tr '\n' ' ')"
	done
	echo "${seen# }"
}
stop_sshd() {
	# The clients first: their connections close, the sessions end.
	tm kill-server >/dev/null 2>&1
	pids="$(sshd_tree) $(pgrep -f "$CSV" 2>/dev/null | tr '\n' ' ')"
	[ -n "${pids% }" ] || return 0
	# shellcheck disable=SC2086
	kill $pids 2>/dev/null
	i=0
	while [ $i -lt 40 ]; do
		alive=
		for p in $pids; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
		[ -z "$alive" ] && break
		sleep 0.05
		i=$((i + 1))
	done
	# shellcheck disable=SC2086
	[ -n "$alive" ] && kill -9 $alive 2>/dev/null
	SSHD_PID=
	return 0
}
cleanup() {
	stop_sshd
	tm kill-server >/dev/null 2>&1
	rm -rf "$TMPD"
}

ssh-keygen -q -t ed25519 -N '' -C centres-test-host -f "$TMPD/host_key" </dev/null >/dev/null 2>&1 ||
	skip "ssh-keygen could not make a host key"
ssh-keygen -q -t ed25519 -N '' -C centres-test-user -f "$TMPD/user_key" </dev/null >/dev/null 2>&1 ||
	skip "ssh-keygen could not make a user key"
cp "$TMPD/user_key.pub" "$TMPD/authorized_keys"

# The sanitizer options of tests/run.sh (or the same defaults), with the
# reports into files: the program's stderr is the SSH session.
# No exit-time leak check over ssh: the lost-connection cases hang the
# terminal up, and LeakSanitizer's stop-the-world can deadlock with that
# (the process left spinning). The same code is leak-checked by the tmux
# tests (tests/tui/restricted.sh runs --restricted).
ASAN_O="${ASAN_OPTIONS:-abort_on_error=0:exitcode=99}:detect_leaks=0:log_path=$TMPD/asan"
UBSAN_O="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=98}:log_path=$TMPD/asan"
LSAN_O="${LSAN_OPTIONS:-suppressions=$CENTRES_TOP/tests/lsan.supp:print_suppressions=0}:log_path=$TMPD/asan"

# As root, sshd wants its privilege separation directory (the system's
# service makes it; it may not exist in a container). Not as another user:
# sshd then runs unprivileged and accepts only that user.
if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then
	mkdir -p /run/sshd && chmod 755 /run/sshd
fi

# write_config PORT
write_config() {
	cat >"$TMPD/sshd_config" <<-EOF
		Port $1
		ListenAddress 127.0.0.1
		AddressFamily inet
		HostKey "$TMPD/host_key"
		PidFile "$TMPD/sshd.pid"
		AuthorizedKeysFile "$TMPD/authorized_keys"
		StrictModes no
		UsePAM no
		PubkeyAuthentication yes
		PasswordAuthentication no
		KbdInteractiveAuthentication no
		PermitRootLogin prohibit-password
		AllowUsers $ME
		PermitTTY yes
		AllowTcpForwarding no
		AllowStreamLocalForwarding no
		X11Forwarding no
		PermitTunnel no
		AllowAgentForwarding no
		PermitUserRC no
		PermitUserEnvironment no
		PrintMotd no
		PrintLastLog no
		UseDNS no
		# As Debian's own sshd_config: the forced command replaces it.
		Subsystem sftp internal-sftp
		LogLevel VERBOSE
		AcceptEnv LANG LC_*
		SetEnv "ASAN_OPTIONS=$ASAN_O" "UBSAN_OPTIONS=$UBSAN_O" "LSAN_OPTIONS=$LSAN_O"
		ForceCommand $(q "$ABS_BIN") --restricted $(q "$CSV")
	EOF
}

# start_sshd: tries random ports until one binds. Returns 1 (reason in
# $why) when sshd cannot start for another reason.
start_sshd() {
	why=
	tries=0
	while [ $tries -lt 10 ]; do
		tries=$((tries + 1))
		port=$(shuf -i 20000-60000 -n 1 2>/dev/null || echo $((20000 + ($$ * 7 + tries * 1009) % 40000)))
		if command -v ss >/dev/null 2>&1 && ss -Hltn "sport = :$port" 2>/dev/null | grep -q .; then
			continue
		fi
		write_config "$port"
		if ! out=$("$SSHD" -t -f "$TMPD/sshd_config" 2>&1); then
			why="sshd -t: $(printf '%s' "$out" | tr '\n' ' ')"
			return 1
		fi
		rm -f "$TMPD/sshd.pid"
		"$SSHD" -D -e -f "$TMPD/sshd_config" </dev/null >"$SSHD_LOG" 2>&1 &
		SSHD_PID=$!
		i=0
		while [ $i -lt 100 ]; do
			if grep -q "Server listening on 127.0.0.1 port $port" "$SSHD_LOG"; then
				PORT=$port
				return 0
			fi
			kill -0 "$SSHD_PID" 2>/dev/null || break
			sleep 0.05
			i=$((i + 1))
		done
		kill "$SSHD_PID" 2>/dev/null
		wait "$SSHD_PID" 2>/dev/null
		SSHD_PID=
		if grep -q -i -e "address already in use" -e "cannot bind" "$SSHD_LOG"; then
			continue
		fi
		why=$(grep -v '^debug' "$SSHD_LOG" | tail -n 3 | tr '\n' ' ')
		[ -n "$why" ] || why="it did not listen within 5 s"
		return 1
	done
	why="no free port found in 10 tries"
	return 1
}
start_sshd || skip "sshd cannot start: $why"

# Should this script be killed outright (no trap runs), stop its sshd too
# (tests/tui/tmux.sh's watcher kills the tmux server, so the ssh clients and
# their sessions). Only when that pid is still this sshd.
(
	trap '' HUP INT PIPE
	while kill -0 $$ 2>/dev/null; do sleep 1; done
	if tr '\0' ' ' <"/proc/$SSHD_PID/cmdline" 2>/dev/null | grep -q -F "$TMPD/sshd_config"; then
		kill "$SSHD_PID"
	fi
) </dev/null >/dev/null 2>&1 &

# The client: no config file, no agent, no known hosts, no other key.
SSH_OPTS="-F /dev/null -i $TMPD/user_key -p $PORT -o IdentitiesOnly=yes -o IdentityAgent=none
 -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null
 -o GlobalKnownHostsFile=/dev/null -o UpdateHostKeys=no -o LogLevel=ERROR -o ConnectTimeout=10
 -o ControlMaster=no -o ControlPath=none -o SendEnv=LANG -o SendEnv=LC_*"
# Split on blanks, never globbed (SendEnv=LC_*): no path in it has a space
# (mktemp). Globbing is back on for the sanitizer reports, at the end.
set -f
# shellcheck disable=SC2086,SC2116
SSH_OPTS=$(echo $SSH_OPTS)

# show_sshd_log: its last lines, for failure reports.
show_sshd_log() { tail -n 12 "$SSHD_LOG" | sed 's/^/    sshd| /'; }

# server_pids: this test's centres processes on the server side.
server_pids() { pgrep -f "$CSV" 2>/dev/null | tr '\n' ' '; }
# sessions: sshd's per-connection processes.
sessions() { pgrep -P "$SSHD_PID" 2>/dev/null | tr '\n' ' '; }
# wait_nothing_left NAME: no centres and no sshd session left within 5 s.
wait_nothing_left() {
	i=0
	while [ $i -lt 100 ]; do
		[ -z "$(server_pids)$(sessions)" ] && { pass "$1"; return 0; }
		sleep 0.05
		i=$((i + 1))
	done
	fail "$1" "after 5 s, centres: $(server_pids)" "sshd sessions: $(sessions)"
	left=$(echo "$(server_pids) $(sessions)" | tr -s ' ' '\n' | grep . | paste -s -d, -)
	[ -n "$left" ] && ps -o pid,ppid,stat,args -p "$left" 2>/dev/null | sed 's/^/    /'
	return 1
}

# --- d. A login asking for another command still gets only centres, which,
# without a terminal, prints the list. First, as it shows whether this user
# may log in at all.
# run_ssh ARGS...: $out, $err, $rc of a plain ssh from a French locale.
run_ssh() {
	# shellcheck disable=SC2086
	env -u LC_ALL -u LC_CTYPE -u LC_MESSAGES -u LANGUAGE LANG=fr_FR.UTF-8 \
		ssh $SSH_OPTS "$@" </dev/null >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	out=$(cat "$TMPD/out")
	err=$(cat "$TMPD/err")
}
run_ssh "$ME@127.0.0.1" id
if [ "$rc" = 255 ] && grep -q "not allowed because" "$SSHD_LOG"; then
	skip "sshd refuses $ME: $(grep -o 'User .*not allowed because.*' "$SSHD_LOG" | head -n 1)"
fi
if [ "$rc" = 0 ]; then pass "ssh host id: exit status 0"; else
	fail "ssh host id: exit status 0" "status: $rc" "stderr: $err"
	show_sshd_log
fi
expect_not_contains "ssh host id: the command is not run (no uid=)" "$out" "uid="
expect_contains "ssh host id: centres prints the list instead" "$out" "CR-CDI"
expect_contains "ssh host id: the list has its accents" "$out" "Îles du Levant"
run_ssh -s "$ME@127.0.0.1" sftp
expect_contains "ssh -s host sftp: no sftp, centres prints the list" "$out" "Maison des Lucioles"

# start_ssh W H [SSH ARGS...]: like start (tests/tui/tmux.sh), but runs
# `ssh -tt` to this sshd in the tmux session, from a French locale
# (LANG=fr_FR.UTF-8, every other LC_* unset) and TERM=xterm-kitty. $(pid) is
# the ssh client's. The messages are English (LC_MESSAGES=en_US.UTF-8, sent
# too, and not installed on the server either) for the checks written in
# English; SSH_MESSAGES= leaves them to LANG: French (section g).
SSH_MESSAGES=en_US.UTF-8
start_ssh() {
	w=$1 h=$2
	shift 2
	args=
	for a in $SSH_OPTS "$@"; do args="$args $(q "$a")"; done
	start_line "$w" "$h" \
		"unset \$(env | sed -n 's/^\\(LC_[A-Za-z_]*\\)=.*/\\1/p') LANGUAGE" \
		"env LANG=fr_FR.UTF-8 ${SSH_MESSAGES:+LC_MESSAGES=$SSH_MESSAGES} TERM=${TERM_ENV:-xterm-kitty} ssh -tt$args $(q "$ME@127.0.0.1")"
}

# env_of PID: the environment the process was started with, one a line.
env_of() { tr '\0' '\n' <"/proc/$1/environ" 2>/dev/null; }

# The checks on a terminal; the first session is started.
screen_checks() {
	# --- a. The first screen, from a terminal and a locale the server lacks.
	if ! see "over ssh: the first screen (key bar: Help, Quit)" "Help" "Quit" "18 of 18"; then
		printf '    ssh stderr: %s\n' "$(cat "$ERRF" 2>/dev/null)"
		show_sshd_log
	fi
	see "over ssh, LANG=fr_FR.UTF-8 (not installed): accents drawn (Île-Verte)" \
		"Île-Verte" "Côte d'Azurine"
	# The notice of the TERM fallback shows with the first frame.
	ws=$WAIT_S
	WAIT_S=3
	if wait_for "xterm-kitty" && line_with "xterm-kitty" | grep -q "xterm-256color"; then
		pass "over ssh, TERM=xterm-kitty (not installed): the status line tells the fallback to xterm-256color"
	else
		fail "over ssh, TERM=xterm-kitty (not installed): the status line tells the fallback to xterm-256color" \
			"no line with xterm-kitty and xterm-256color"
		show_or_ended
	fi
	WAIT_S=$ws
	sp=$(server_pids)
	# shellcheck disable=SC2086
	set -- $sp
	if [ $# = 1 ]; then
		e=$(env_of "$1")
		ok=1
		for v in LANG=fr_FR.UTF-8 TERM=xterm-kitty "ASAN_OPTIONS=$ASAN_O"; do
			printf '%s\n' "$e" | grep -q -x -F -e "$v" || ok=
		done
		printf '%s\n' "$e" | grep -q '^LC_ALL=' && ok=
		if [ -n "$ok" ]; then
			pass "over ssh: centres gets LANG=fr_FR.UTF-8, TERM=xterm-kitty, no LC_ALL, and the sanitizer options"
		else
			fail "over ssh: centres gets LANG=fr_FR.UTF-8, TERM=xterm-kitty, no LC_ALL, and the sanitizer options" \
				"$(printf '%s\n' "$e" | grep -E '^(LANG|LC_|TERM|ASAN)' | tr '\n' ' ')"
		fi
		args=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)
		expect_eq "over ssh: the forced command runs, with --restricted" "$args" "$ABS_BIN --restricted $CSV "
	else
		fail "over ssh: one centres process on the server side" "found: '$sp'"
	fi

	# --- b. A search, typed; Esc alone clears it (over SSH, an Esc must
	# not wait for, or be taken with, the key after it).
	send_text iles
	see "over ssh: iles typed finds the centre of Îles du Levant" "Search: iles" "1 of 18" "CR-CDI" "Îles"
	keys Escape
	see "over ssh: Esc clears the search" "18 of 18 centres shown"
	selected "over ssh: the centre found stays selected" "Centre de ressources Cohésion"

	# --- f. Restricted: the help comes up, offers neither Export nor Open
	# (another file) nor Suspend, and says it is the restricted mode; those
	# keys only say they are disabled.
	keybar=$(last_line)
	expect_not_contains "over ssh, --restricted: the key bar offers no Export" "$keybar" "Export"
	keys F1
	if see "over ssh: F1 opens the help" "Help (every key)"; then
		# Every page of the help: Space until its header says "A-N of N".
		help=$screen
		n=0
		while [ $n -lt 20 ]; do
			hdr=$(printf '%s\n' "$screen" | head -n 1)
			printf '%s\n' "$hdr" | grep -q -E ' ([0-9]+)-([0-9]+) of \2 *$' && break
			keys Space
			wait_gone "$hdr" || break
			settle
			help="$help
$screen"
			n=$((n + 1))
		done
		pages="the help (all $((n + 1)) pages)"
		expect_not_contains "over ssh, --restricted: $pages offers no Export" "$help" "Export"
		expect_not_contains "over ssh, --restricted: $pages offers no Open another file" "$help" "Open another"
		expect_not_contains "over ssh, --restricted: $pages offers no Suspend" "$help" "Suspend"
		expect_contains "over ssh, --restricted: $pages says Restricted mode" "$help" "Restricted mode"
		keys q
		wait_gone "Help (every key)"
	fi
	# refused NAME KEY WORD: KEY only brings the status line "WORD...:
	# disabled in restricted mode." (no prompt, no suspension).
	refused() {
		keys "$2"
		i=0
		while [ $i -lt $((WAIT_S * 20)) ]; do
			capture
			case "$(line_with "disabled in restricted mode")" in *"$3"*) pass "$1"; return 0 ;; esac
			sleep 0.05
			i=$((i + 1))
		done
		fail "$1" "no status line with $3 and: disabled in restricted mode"
		show_or_ended
	}
	# Each differs from the one before: the message seen is the key's own.
	refused "over ssh, --restricted: F2 (export) is disabled" F2 "Export"
	refused "over ssh, --restricted: F3 (open another file) is disabled" F3 "Open"
	refused "over ssh, --restricted: Ctrl-S (export) is disabled, the terminal not frozen" C-s "Export"
	refused "over ssh, --restricted: Ctrl-O (open another file) is disabled" C-o "Open"
	# A suspended forced command would hang the session: no shell to resume it.
	refused "over ssh, --restricted: Ctrl-Z (suspend) is disabled" C-z "Suspend"
	keys F6
	see "over ssh: centres still answers (F6 opens About)" "About the network"
	keys q
	wait_gone "About the network"

	# --- c. Ctrl-Q ends the session: ssh exits 0, the terminal is restored,
	# and nothing is left on the server.
	keys C-q
	expect_exit "over ssh: Ctrl-Q ends the session" 0
	wait_nothing_left "over ssh: after Ctrl-Q, no centres and no sshd session left on the server"

	# --- e. A lost connection: the ssh client killed (-9: it says nothing to the
	# server; the kernel closes the connection).
	start_ssh 80 24
	see "lost connection: started" "18 of 18"
	sp=$(server_pids)
	cp=$(pid)
	if [ -n "$sp" ] && [ -n "$cp" ]; then
		kill -9 "$cp"
		wait_nothing_left "lost connection (ssh client killed): centres and its sshd session end within 5 s"
	else
		fail "lost connection: centres running on the server and the ssh client" "centres: '$sp'" "ssh: '$cp'"
	fi
	tm kill-session -t "$S" >/dev/null 2>&1

	# The same, the person closing their terminal window (the tmux session).
	start_ssh 80 24
	see "terminal closed: started" "18 of 18"
	tm kill-session -t "$S" >/dev/null 2>&1
	S=
	wait_nothing_left "terminal closed (tmux session killed): centres and its sshd session end within 5 s"

	# --- g. In French: the login forwards LANG=fr_FR.UTF-8 only, a locale
	# the server does not have; the screen speaks French all the same.
	SSH_MESSAGES= start_ssh 80 24
	see "over ssh, LANG=fr_FR.UTF-8 forwarded (not installed on the server): the screen in French" \
		"Aide" "Quitter" "18 centres affichés sur 18" "Territoires par région" "Île-Verte"
	not_see "over ssh, in French: no English key bar" "Help"
	keys C-q
	expect_exit "over ssh, in French: Ctrl-Q ends the session" 0
	wait_nothing_left "over ssh, in French: nothing left on the server"
}

start_ssh 80 24
if ! wait_for "18 of 18" && [ "$(id -u)" != 0 ] && grep -q "chown(/dev/pts" "$SSHD_LOG"; then
	# sshd not running as root gives the terminal to group tty: it can do so
	# when devpts is mounted with gid=5 (as Debian does), or when this user
	# is in group tty; not in some containers.
	echo "SKIP ssh: the checks on a terminal: sshd, running as $ME, cannot hand the terminal over: $(grep -o 'chown(/dev/pts.*' "$SSHD_LOG" | head -n 1)"
else
	screen_checks
fi

# --- No sanitizer report from any centres run through sshd.
set +f
reports=$(ls "$TMPD"/asan.* 2>/dev/null)
if [ -z "$reports" ]; then pass "over ssh: no sanitizer report"; else
	# shellcheck disable=SC2086
	fail "over ssh: no sanitizer report" "$(cat $reports | grep -E 'ERROR|runtime error|SUMMARY' | head -n 5)"
fi

# --- The test's sshd stops.
pid_sshd=$SSHD_PID
stop_sshd
if kill -0 "$pid_sshd" 2>/dev/null; then fail "the test's sshd stopped" "pid $pid_sshd still running"; else
	pass "the test's sshd stopped"
fi
