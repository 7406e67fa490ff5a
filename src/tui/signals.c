/* SPDX-License-Identifier: MIT
 * signals: the handlers, and putting the terminal back from one. */
#define _GNU_SOURCE
#include "signals.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

volatile sig_atomic_t signals_got, signals_resized;
static volatile sig_atomic_t busy, armed;
static int tty_fd = -1;
static char restore_seq[512];
static size_t restore_len;
static struct termios settings;
static bool have_settings;

/* The signals that end the program by default, and what was there before
 * (the sanitizers handle faults). */
static const int ending[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
static const int fatal[] = {SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
	SIGPIPE, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS,
#ifdef SIGPWR
	SIGPWR,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
};
static struct sigaction before[65];

/* Async-signal-safe: write(), fcntl(), tcsetattr(). The writes must not
 * block (a terminal nobody reads): the descriptor is made non-blocking for
 * them, then put back (it is shared with the shell). */
static void
put_back(void)
{
	if (!armed)
		return;
	armed = 0;
	int saved = errno;
	int fl = fcntl(tty_fd, F_GETFL);
	if (fl >= 0)
		fcntl(tty_fd, F_SETFL, fl | O_NONBLOCK);
	for (size_t off = 0; off < restore_len;) {
		ssize_t w = write(tty_fd, restore_seq + off, restore_len - off);
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	if (have_settings)
		tcsetattr(tty_fd, TCSANOW, &settings);
	if (fl >= 0)
		fcntl(tty_fd, F_SETFL, fl);
	errno = saved;
}

static void
on_ending(int sig)
{
	signals_got = sig;
	if (busy) {
		put_back();
		_exit(128 + sig);
	}
}

static void
on_fatal(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	put_back();
	/* Sent (kill, raise): ended the default way, its status kept. A fault:
	 * the instruction runs again under the handler there was before. */
	bool sent = si && (si->si_code == SI_USER || si->si_code == SI_TKILL ||
	    si->si_code == SI_QUEUE);
	if (sent || (before[sig].sa_handler == SIG_DFL && !(before[sig].sa_flags & SA_SIGINFO))) {
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	sigaction(sig, &before[sig], NULL);
}

static void
on_resize(int sig)
{
	(void)sig;
	signals_resized = 1;
}

void
signals_catch(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_resize;
	sigaction(SIGWINCH, &sa, NULL);
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_ending;	/* no SA_RESTART: a read waiting for a key ends */
	for (size_t i = 0; i < sizeof ending / sizeof ending[0]; i++) {
		struct sigaction old;
		if (sigaction(ending[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(ending[i], &sa, NULL);
	}
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_sigaction = on_fatal;
	sa.sa_flags = SA_SIGINFO;
	for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
		int sig = fatal[i];
		if (sigaction(sig, NULL, &before[sig]) != 0 || before[sig].sa_handler == SIG_IGN)
			continue;
		sigaction(sig, &sa, NULL);
	}
}

/* What endwin() would send, for a signal handler to write (signals.c):
 * the cursor to the last line, attributes off, cursor shown, keypad and
 * mouse reporting off, the alternate screen left. */
static size_t
restore_sequence(char *buf, size_t n, bool mouse)
{
	size_t k = 0;
	const char *caps[] = {"sgr0", "cnorm", "rmkx"};
	const char *cup = tigetstr("cup");
	if (cup && cup != (char *)-1 && (cup = tiparm(cup, LINES > 0 ? LINES - 1 : 0, 0)) != NULL)
		k += (size_t)snprintf(buf + k, n - k, "%s", cup);
	for (size_t i = 0; i < sizeof caps / sizeof caps[0] && k < n; i++) {
		const char *s = tigetstr(caps[i]);
		if (s && s != (char *)-1)
			k += (size_t)snprintf(buf + k, n - k, "%s", s);
	}
	if (mouse && k < n)
		k += (size_t)snprintf(buf + k, n - k, "\033[?1006l\033[?1000l");
	if (k < n)
		k += (size_t)snprintf(buf + k, n - k, "\033[?2004l");	/* bracketed paste */
	const char *rmcup = tigetstr("rmcup");
	if (rmcup && rmcup != (char *)-1 && k < n)
		k += (size_t)snprintf(buf + k, n - k, "%s", rmcup);
	return k < n ? k : n;
}

void
signals_arm(int fd, bool mouse, const struct termios *t)
{
	tty_fd = fd;
	restore_len = restore_sequence(restore_seq, sizeof restore_seq, mouse);
	have_settings = t != NULL;
	if (t)
		settings = *t;
	armed = 1;
}

void
signals_disarm(void)
{
	armed = 0;
}

void
signals_busy(bool b)
{
	busy = b;
}
