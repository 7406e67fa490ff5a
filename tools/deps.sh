#!/bin/sh
# deps.sh build|test|fuzz|deb: checks what `make` needs on a Debian machine.
# Missing packages are installed when running as root with apt-get; otherwise
# the exact apt-get line is printed and the script fails.
set -u
need=""
want() { need="$need $1"; }

have_pc() { pkg-config --exists "$1" 2>/dev/null; }

command -v cc >/dev/null 2>&1 || want gcc
command -v make >/dev/null 2>&1 || want make
command -v pkg-config >/dev/null 2>&1 || want pkg-config
# msgfmt compiles the translations (po/)
command -v msgfmt >/dev/null 2>&1 || want gettext
[ -f /usr/include/csv.h ] || want libcsv-dev
have_pc libutf8proc || want libutf8proc-dev
have_pc ncursesw || want libncurses-dev
# make deb (dpkg-buildpackage); make test builds the package too and runs
# lintian on it (tests/cli/deb.sh)
want_deb() {
	command -v dh >/dev/null 2>&1 || want debhelper
	command -v dpkg-buildpackage >/dev/null 2>&1 || want dpkg-dev
	command -v fakeroot >/dev/null 2>&1 || want fakeroot
}
case "${1:-build}" in
deb)
	want_deb
	;;
test)
	want_deb
	command -v lintian >/dev/null 2>&1 || want lintian
	# the man pages rendered (tests/cli/manpages.sh); fr_FR.UTF-8 made with
	# localedef in a folder of the test's own (tests/tui/french.sh)
	command -v groff >/dev/null 2>&1 || want groff-base
	[ -f /usr/share/i18n/locales/fr_FR ] || want locales
	have_pc cmocka || want libcmocka-dev
	command -v tmux >/dev/null 2>&1 || want tmux
	command -v valgrind >/dev/null 2>&1 || want valgrind
	command -v python3 >/dev/null 2>&1 || want python3
	command -v clang >/dev/null 2>&1 || want clang
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 || want libclang-rt-dev
	# tests/tui/ssh.sh starts its own sshd (never the system's service)
	[ -x /usr/sbin/sshd ] || want openssh-server
	command -v ssh >/dev/null 2>&1 || want openssh-client
	;;
fuzz)
	command -v clang >/dev/null 2>&1 || want clang
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 || want libclang-rt-dev
	;;
esac
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "centres: installing missing packages:$need" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null 2>&1 || apt-get update
	# Keep the configuration files already there (sshd_config) without asking.
	# In a container, /usr/sbin/policy-rc.d (exit 101) may forbid starting
	# the ssh service: the package still installs, and the tests do not use
	# that service.
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends \
		-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
		$need >/dev/null || {
		echo "centres: could not install:$need" >&2
		exit 1
	}
	exit 0
fi
echo "centres: missing packages:$need" >&2
echo "Install them with: sudo apt-get install$need" >&2
exit 1
