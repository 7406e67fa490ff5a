/* SPDX-License-Identifier: MIT
 * ttybytes: how many bytes a terminal program writes per key. Runs BINARY in
 * a pseudo-terminal (forkpty) of 80x24, waits for the first screen, then
 * sends keys one at a time and records what each one made the program write:
 * Ctrl-L (a full repaint, the reference), 100 down-arrows, then Home and 100
 * down-arrows in one write (were the pending keys applied before drawing?),
 * then a search word typed a letter at a time (on the main screen every
 * printable key goes into the search), Escape (clears it), then F10 (quits).
 * The keys are sent as a terminal sends them in the modes the program sets
 * (cursor keys in normal mode: ESC [ B, ESC [ H; the program decodes the
 * bytes itself, whatever TERM says): TERM chooses what the program writes.
 * Prints a report, or key=value lines with -k for tests/cli/tty_bytes.sh.
 * With -L, times instead (make bench): the first screen and each key of
 * words typed and erased (latency() below).
 * Counts bytes, not time: the waits only decide when a key's output is
 * complete (the program waits for input again as /proc tells, and the
 * output has gone quiet).
 * Used by `make bench` (tests/bench/run.sh) and `make test`. */
#define _GNU_SOURCE
#include <curses.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <term.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"

/* term.h defines every capability name as a macro (lines, columns, tab,
 * bell, newline...): names here avoid them. */

struct buf {
	char *p;
	size_t n, cap;
	double t_last;	/* when its last byte was read (now()) */
};

/* One phase: the bytes each of its keys made the program write. */
struct phase {
	const char *name;
	size_t *bytes;	/* per key */
	double *ms;	/* per key, from sending it to its output's last byte */
	char **out;	/* per key, what it wrote */
	size_t n, cap;
	size_t clears;	/* keys whose output held the clear-screen sequence */
	size_t silent;	/* keys that wrote nothing */
};

static struct {
	int cols, rows;
	const char *term, *word, *dump, *setup, *latency;
	int moves, quiet_ms, first_quiet_ms, reply_ms, start_ms, exit_ms, runs;
	int keyvals, ready_quiet_ms, delay_ms, each;
} opt = {
	.cols = 80, .rows = 24, .word = "reunio", .moves = 100,
	.quiet_ms = 50, .first_quiet_ms = 200, .reply_ms = 1000, .start_ms = 10000,
	.exit_ms = 5000, .runs = 1,
};

static pid_t child = -1;
static int master = -1;
static int child_gone;		/* the pty hung up: the program has exited */
/* Down and Home as a terminal in normal cursor mode (DECCKM reset, as the
 * program leaves it: it sends no keypad-transmit) sends them; vt100 has no
 * Home key, and its emulators send xterm's. F10 quits. */
static const char seq_down[] = "\033[B", seq_home[] = "\033[H", seq_quit[] = "\033[21~";
static char *cap_clear;
static int use_proc = 1;	/* 0: /proc cannot tell when the program is idle */

static void
cleanup(void)
{
	if (child > 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
		child = -1;
	}
	if (master >= 0) {
		close(master);
		master = -1;
	}
}

static void
on_signal(int sig)
{
	if (child > 0)
		kill(child, SIGKILL);
	_exit(128 + sig);
}

static _Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static _Noreturn void
die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("ttybytes: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	cleanup();
	exit(2);
}

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

static char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xrealloc(NULL, n), s, n);
}

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n > b->cap) {
		b->cap = (b->n + n) * 2 + 4096;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void
phase_add(struct phase *ph, const struct buf *b, int has_clear, double ms)
{
	if (ph->n == ph->cap) {
		ph->cap = ph->cap * 2 + 16;
		ph->bytes = xrealloc(ph->bytes, ph->cap * sizeof *ph->bytes);
		ph->ms = xrealloc(ph->ms, ph->cap * sizeof *ph->ms);
		ph->out = xrealloc(ph->out, ph->cap * sizeof *ph->out);
	}
	ph->out[ph->n] = memcpy(xrealloc(NULL, b->n), b->p, b->n);
	ph->ms[ph->n] = ms;
	ph->bytes[ph->n++] = b->n;
	ph->clears += has_clear != 0;
	ph->silent += b->n == 0;
}

static void
phase_free(struct phase *ph)
{
	for (size_t i = 0; i < ph->n; i++)
		free(ph->out[i]);
	free(ph->out);
	free(ph->bytes);
	free(ph->ms);
}

static long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}


/* Occurrences of the k bytes of needle in the n bytes at s. */
static size_t
count_n(const char *s, size_t n, const char *needle, size_t k)
{
	size_t c = 0;
	if (k == 0 || n == 0)
		return 0;
	for (const char *p = s, *end = s + n; (p = memmem(p, (size_t)(end - p), needle, k)) != NULL;
	    p += k)
		c++;
	return c;
}

/* Occurrences of a string in b (0 for NULL or ""). */
static size_t
count(const struct buf *b, const char *needle)
{
	return needle ? count_n(b->p, b->n, needle, strlen(needle)) : 0;
}

/* A terminfo string with its padding ($<50>) removed; NULL when absent. */
static char *
cap(const char *name)
{
	char *s = tigetstr(name);
	if (s == NULL || s == (char *)-1)
		return NULL;
	char *out = xstrdup(s), *w = out;
	for (const char *r = s; *r;) {
		if (r[0] == '$' && r[1] == '<' && strchr(r, '>')) {
			r = strchr(r, '>') + 1;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
	return out;
}

/* What /proc tells of the program (Linux): the bytes it has read so far
 * (rchar in /proc/PID/io: the keys, ncurses reads the terminal with
 * read()), and whether every thread of it sleeps. -1 when unknown. */
static long long
proc_rchar(void)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/io", (int)child);
	FILE *f = fopen(path, "r");
	long long v = -1;
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "rchar: %lld", &v) == 1)
			break;
	fclose(f);
	return v;
}

static int
proc_sleeping(void)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/task", (int)child);
	DIR *d = opendir(path);
	if (!d)
		return -1;
	int all = 1, seen = 0;
	struct dirent *e;
	while (all && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char sp[300], st[512];
		snprintf(sp, sizeof sp, "/proc/%d/task/%s/stat", (int)child, e->d_name);
		FILE *f = fopen(sp, "r");
		if (!f)
			continue;	/* a thread that just ended */
		size_t n = fread(st, 1, sizeof st - 1, f);
		fclose(f);
		st[n] = '\0';
		const char *paren = strrchr(st, ')');
		if (!paren || paren[1] != ' ')
			continue;
		seen++;
		all = paren[2] == 'S';
	}
	closedir(d);
	return seen ? all : -1;
}

/* Whether the program's main thread, the one that reads the terminal, is
 * blocked waiting for input, as /proc/PID/syscall tells: in poll, select or
 * an epoll wait, or in a read() of the terminal (not of the file it loads).
 * 1 yes, 0 no, -1 when it cannot be told. Its other threads (a loader, the
 * filter's workers) may go on meanwhile: a screen that answers keys while a
 * file loads is idle between keys. */
static int
proc_waiting(void)
{
	static const long waits[] = {SYS_ppoll, SYS_pselect6, SYS_epoll_pwait,
#ifdef SYS_poll
	    SYS_poll,
#endif
#ifdef SYS_select
	    SYS_select,
#endif
#ifdef SYS_epoll_wait
	    SYS_epoll_wait,
#endif
#ifdef SYS_epoll_pwait2
	    SYS_epoll_pwait2,
#endif
	};
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/syscall", (int)child);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	char *got = fgets(line, sizeof line, f);
	fclose(f);
	if (!got)
		return -1;
	if (strncmp(line, "running", 7) == 0)
		return 0;
	char *end;
	long nr = strtol(line, &end, 10);
	if (end == line)
		return -1;
	for (size_t i = 0; i < sizeof waits / sizeof waits[0]; i++)
		if (nr == waits[i])
			return 1;
	if (nr != SYS_read)
		return 0;	/* -1: not in a system call (a page fault); futex... */
	unsigned long fd = strtoul(end, NULL, 16);
	char fdpath[64], target[256];
	snprintf(fdpath, sizeof fdpath, "/proc/%d/fd/%lu", (int)child, fd);
	ssize_t n = readlink(fdpath, target, sizeof target - 1);
	if (n < 0)
		return 0;
	target[n] = '\0';
	return strcmp(target, ptsname(master)) == 0;
}

/* Idle: it has read the key (rchar0 + keylen bytes), it waits for input
 * (its main thread, by proc_waiting(), or where that cannot be told every
 * thread sleeps: blocked writing would leave output to read), and none of
 * its output is waiting to be read. The state is read before the output: a
 * sleep in write() implies unread output, found by the FIONREAD. */
static int
idle(long long rchar0, size_t keylen)
{
	if (keylen > 0 && proc_rchar() < rchar0 + (long long)keylen)
		return 0;
	int waiting = proc_waiting();
	if (waiting == 0 || (waiting < 0 && proc_sleeping() != 1))
		return 0;
	int pending = 0;
	return ioctl(master, FIONREAD, &pending) == 0 && pending == 0;
}

/* Reads what the program writes in answer to a key of keylen bytes (0 for
 * none; rchar0 is proc_rchar() before it was sent). The output is complete
 * when it has been quiet for quiet_ms and the program is idle, or, where
 * /proc cannot tell, at once. A first byte is awaited reply_ms (0: with /proc,
 * the program's being idle is enough). Never longer than max_ms. */
static void
collect(struct buf *b, long long rchar0, size_t keylen, int reply_ms, int quiet_ms, int max_ms)
{
	long start = now_ms(), last = start;
	int got = 0;
	b->n = 0;
	while (!child_gone) {
		long t = now_ms();
		if (t - start >= max_ms)
			break;
		if (t - last >= quiet_ms && (got || t - start >= reply_ms) &&
		    (!use_proc || idle(rchar0, keylen)))
			break;
		long wait = got ? quiet_ms - (t - last) : reply_ms - (t - start);
		if (use_proc && wait > 10)
			wait = 10;	/* look at the program's state this often */
		if (wait < 1)
			wait = 1;
		struct pollfd pfd = {.fd = master, .events = POLLIN};
		int r = poll(&pfd, 1, (int)wait);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			die("poll: %s", strerror(errno));
		if (r == 0)
			continue;
		char tmp[65536];
		ssize_t n = read(master, tmp, sizeof tmp);
		if (n > 0) {
			buf_add(b, tmp, (size_t)n);
			got = 1;
			last = now_ms();
			b->t_last = now();
		} else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
			child_gone = 1;	/* EIO: the slave side is closed */
		}
	}
}

static void
send_keys(const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(master, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			die("cannot write to the program's terminal: %s",
			    w < 0 ? strerror(errno) : "closed");
		s += w;
		n -= (size_t)w;
	}
}

/* Writes a key's output to DIR/NAME.out for reading with cat -v. */
static void
dump(const char *name, const struct buf *b)
{
	if (!opt.dump)
		return;
	char path[4096];
	snprintf(path, sizeof path, "%s/%s.out", opt.dump, name);
	FILE *f = fopen(path, "wb");
	if (!f)
		die("cannot write %s: %s", path, strerror(errno));
	fwrite(b->p, 1, b->n, f);
	fclose(f);
}

/* Sends one key, collects its output and records it in ph, with the time
 * from sending it to the last byte of its output (-1 when it wrote nothing:
 * the time of a silent key is not known). */
static void
key(struct phase *ph, const char *name, const char *k, size_t kn, int need_output,
    struct buf *b)
{
	long long rchar0 = use_proc ? proc_rchar() : 0;
	double t0 = now();
	send_keys(k, kn);
	collect(b, rchar0, kn, need_output || !use_proc ? opt.reply_ms : 0, opt.quiet_ms,
	    opt.start_ms);
	if (child_gone)
		die("the program exited during \"%s\" (%s)", ph->name, name);
	phase_add(ph, b, count(b, cap_clear) > 0, b->n ? (b->t_last - t0) * 1e3 : -1);
	if (opt.each)
		fprintf(stderr, "%s %.2f ms %zu bytes\n", name, b->n ? (b->t_last - t0) * 1e3 : -1,
		    b->n);
	dump(name, b);
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The median of the bytes of ph's keys; of those that wrote something if
 * drawn_only. */
static size_t
median(const struct phase *ph, int drawn_only)
{
	size_t *v = xrealloc(NULL, (ph->n + 1) * sizeof *v), k = 0;
	for (size_t i = 0; i < ph->n; i++)
		if (ph->bytes[i] || !drawn_only)
			v[k++] = ph->bytes[i];
	qsort(v, k, sizeof *v, cmp_size);
	size_t m = k ? v[k / 2] : 0;
	free(v);
	return m;
}

static size_t
maximum(const struct phase *ph)
{
	size_t m = 0;
	for (size_t i = 0; i < ph->n; i++)
		m = ph->bytes[i] > m ? ph->bytes[i] : m;
	return m;
}

static size_t
total(const struct phase *ph)
{
	size_t s = 0;
	for (size_t i = 0; i < ph->n; i++)
		s += ph->bytes[i];
	return s;
}

/* Bytes in printable form: \033OB -> "\eOB" (at most size - 1 bytes). */
static const char *
visible(char *out, size_t size, const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k + 5 < size; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == 033)
			k += (size_t)snprintf(out + k, size - k, "\\e");
		else if (ch < 32 || ch == 127)
			k += (size_t)snprintf(out + k, size - k, "^%c", ch ^ 64);
		else
			out[k++] = (char)ch;
	}
	out[k] = '\0';
	return out;
}

static void
print_phase(const struct phase *ph, const char *key, size_t full)
{
	if (opt.keyvals) {
		printf("%s_count=%zu\n%s_median=%zu\n%s_median_drawn=%zu\n%s_max=%zu\n"
		    "%s_total=%zu\n%s_clears=%zu\n%s_silent=%zu\n", key, ph->n, key,
		    median(ph, 0), key, median(ph, 1), key, maximum(ph), key, total(ph), key,
		    ph->clears, key, ph->silent);
		return;
	}
	printf("  %-27s %5zu %7zu %7zu %8zu", ph->name, ph->n, median(ph, 0), maximum(ph),
	    total(ph));
	if (full)
		printf(" %7.0f%%", 100.0 * (double)maximum(ph) / (double)full);
	putchar('\n');
	if (ph->silent)
		printf("      %zu wrote nothing; median of the %zu others: %zu\n", ph->silent,
		    ph->n - ph->silent, median(ph, 1));
}

static _Noreturn void
usage(void)
{
	fputs("usage: ttybytes [-kPe] [-c COLS] [-l LINES] [-t TERM] [-f WORD] [-n MOVES]\n"
	    "                [-q QUIET_MS] [-Q FIRST_QUIET_MS] [-r REPLY_MS] [-T MAX_MS]\n"
	    "                [-s KEYS] [-d DIR] [-L WORDS [-R RUNS]] BINARY [ARGS...]\n"
	    "Runs BINARY in a COLSxLINES pseudo-terminal (80x24) and reports the bytes it\n"
	    "writes per key: Ctrl-L, MOVES (100) down-arrows one at a time, Home and\n"
	    "MOVES down-arrows in one write, WORD (reunio) typed into the search a\n"
	    "letter at a time, Escape (clears it), then F10 (quits).\n"
	    "A key's output is complete when the program waits for input again with\n"
	    "its output read (Linux /proc) and has been quiet for QUIET_MS.\n"
	    "  -k   key=value lines instead of the report\n"
	    "  -t   TERM for the program (default: $TERM, else xterm-256color); the\n"
	    "       keys are sent as in normal cursor mode whatever it is (ESC [ B)\n"
	    "  -f   the search word (reunio)\n"
	    "  -q   QUIET_MS (50)\n"
	    "  -Q   the same for the first screen (200)\n"
	    "  -r   a key that must draw and wrote nothing in REPLY_MS wrote nothing (1000)\n"
	    "  -T   the longest wait for the first screen, or for any one key (10000)\n"
	    "  -P   ignore /proc: complete after QUIET_MS of silence following some\n"
	    "       output, or REPLY_MS without any\n"
	    "  -s   KEYS sent once after the first screen, not measured (e.g. a Tab,\n"
	    "       so that the moves are in the list of centres)\n"
	    "  -d   writes each key's output to DIR/NAME.out (cat -v to read)\n"
	    "  -e   each key's name, time and bytes on stderr\n"
	    "  -L   times instead of bytes (make bench): the first screen, then each\n"
	    "       word of WORDS (comma-separated) typed letter by letter, then as\n"
	    "       many Backspaces; the time of a key runs from sending it to the last\n"
	    "       byte of its output; key=value lines\n"
	    "  -R   with -L, starts the program RUNS times (1) and pools the times\n"
	    "  -W   with -L, before typing, waits until the output has been quiet for\n"
	    "       READY_MS (a load going on redraws its status line ten times a\n"
	    "       second: 500 waits for its end) and reports that time (ready_*)\n"
	    "  -D   with -L, waits DELAY_MS after the first screen before typing\n"
	    "       (keys typed while a load goes on)\n"
	    "Exit status: 0 measured, 2 the program did not draw, exited early or\n"
	    "could not be run.\n", stderr);
	exit(2);
}

static int
number(const char *s, int lo, int hi)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < lo || v > hi)
		usage();
	return (int)v;
}

static double started;	/* when the program was last started (now()) */

static void
start(char **argv)
{
	struct winsize ws = {.ws_row = (unsigned short)opt.rows, .ws_col = (unsigned short)opt.cols};
	int fds[2];	/* the child reports a failed exec through this pipe */
	if (pipe2(fds, O_CLOEXEC) < 0)
		die("pipe: %s", strerror(errno));
	fflush(NULL);
	child_gone = 0;
	started = now();
	child = forkpty(&master, NULL, NULL, &ws);
	if (child < 0)
		die("forkpty: %s", strerror(errno));
	if (child == 0) {
		close(fds[0]);
		setenv("TERM", opt.term, 1);
		setenv("LC_ALL", getenv("LC_ALL") ? getenv("LC_ALL") : "C.UTF-8", 1);
		unsetenv("LINES");	/* they would override the terminal's size */
		unsetenv("COLUMNS");
		execvp(argv[0], argv);
		int e = errno;
		if (write(fds[1], &e, sizeof e) < 0)
			_exit(127);
		_exit(127);
	}
	close(fds[1]);
	int e;
	ssize_t n = read(fds[0], &e, sizeof e);
	close(fds[0]);
	if (n == (ssize_t)sizeof e) {
		waitpid(child, NULL, 0);
		child = -1;
		die("cannot run %s: %s", argv[0], strerror(e));
	}
}

/* A line of the program's /proc/PID/status in KB ("VmHWM:" the peak
 * resident size), or -1 when it cannot be read. */
static long
proc_kb(const char *field)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%ld/status", (long)child);
	FILE *f = fopen(path, "r");
	long kb = -1;
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, field, strlen(field)) == 0)
			kb = strtol(line + strlen(field), NULL, 10);
	fclose(f);
	return kb;
}

/* Sends F10 and waits for the program to end; its exit status, or -1 when
 * it had to be killed (128 + N for a signal). */
static int
finish(struct buf *b)
{
	if (!child_gone)
		send_keys(seq_quit, strlen(seq_quit));
	long start_t = now_ms();
	int status = 0;
	for (;;) {
		if (!child_gone)
			collect(b, 0, 0, 0, 20, 20);
		pid_t r = waitpid(child, &status, WNOHANG);
		if (r == child)
			break;
		if (now_ms() - start_t > opt.exit_ms) {
			kill(child, SIGTERM);
			usleep(200000);
			kill(child, SIGKILL);
			waitpid(child, &status, 0);
			child = -1;
			return -1;
		}
		if (child_gone)
			usleep(10000);
	}
	child = -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The p-th percentile (nearest rank: the smallest time that at least p% of
 * the times do not exceed) of the times of ph's keys that wrote something;
 * -1 when none did. */
static double
percentile(const struct phase *ph, double p)
{
	double *v = xrealloc(NULL, (ph->n + 1) * sizeof *v), r = -1;
	size_t k = 0;
	for (size_t i = 0; i < ph->n; i++)
		if (ph->ms[i] >= 0)
			v[k++] = ph->ms[i];
	qsort(v, k, sizeof *v, cmp_d);
	if (k) {
		size_t rank = (size_t)(p * (double)k / 100);
		if ((double)rank < p * (double)k / 100)
			rank++;
		r = v[rank > 0 ? rank - 1 : 0];
	}
	free(v);
	return r;
}

static void
print_times(const struct phase *ph, const char *key)
{
	printf("%s_keys=%zu\n%s_silent=%zu\n%s_p50_ms=%.2f\n%s_p99_ms=%.2f\n%s_max_ms=%.2f\n"
	    "%s_bytes_median=%zu\n", key, ph->n, key, ph->silent, key, percentile(ph, 50), key,
	    percentile(ph, 99), key, percentile(ph, 100), key, median(ph, 1));
}

/* -L WORDS: the time of each key, with the program started opt.runs times
 * (-R): the first screen (from the fork to the last byte of the first
 * complete screen), then each comma-separated word of WORDS typed into the
 * search a letter at a time from its first letter, each word followed by as
 * many Backspaces (which empty the search again), then F10. A key's time
 * runs from sending it to the last byte of its output (its output complete
 * as for the byte counts). Prints key=value lines: the first screen's
 * median, fastest and slowest, the typing and Backspace keys' 50th and 99th
 * percentiles and slowest over all the runs, and the largest peak resident
 * size (VmHWM before F10). */
static void
latency(char **argv)
{
	struct phase first = {.name = "first screen"}, type = {.name = "typing"};
	struct phase back = {.name = "Backspace"}, ready = {.name = "ready"};
	struct buf b = {0};
	char name[64];
	long peak_kb = -1;
	int status = 0;
	for (int run = 0; run < opt.runs; run++) {
		start(argv);
		if (use_proc && (proc_rchar() < 0 || proc_sleeping() < 0))
			use_proc = 0;
		collect(&b, 0, 0, opt.start_ms, opt.first_quiet_ms, opt.start_ms);
		if (child_gone || b.n == 0)
			die("%s drew no complete first screen in %d ms", argv[0], opt.start_ms);
		phase_add(&first, &b, 0, (b.t_last - started) * 1e3);
		dump("first", &b);
		if (opt.ready_quiet_ms) {
			/* Until the output stops: the last byte is the screen of
			 * the whole directory. */
			double last = b.t_last;
			collect(&b, 0, 0, opt.ready_quiet_ms, opt.ready_quiet_ms, opt.start_ms * 10);
			if (b.n)
				last = b.t_last;
			phase_add(&ready, &b, 0, (last - started) * 1e3);
		}
		if (opt.delay_ms) {
			collect(&b, 0, 0, opt.delay_ms, opt.delay_ms, opt.delay_ms);
		}
		for (const char *w = opt.latency; *w;) {
			size_t len = strcspn(w, ",");
			for (size_t i = 0; i < len; i++) {
				snprintf(name, sizeof name, "run%d-type-%.*s", run + 1, (int)(i + 1), w);
				key(&type, name, w + i, 1, 0, &b);
			}
			for (size_t i = len; i > 0; i--) {
				snprintf(name, sizeof name, "run%d-back-%.*s", run + 1, (int)(i - 1), w);
				key(&back, name, "\177", 1, 0, &b);
			}
			w += len + (w[len] == ',');
		}
		long hwm = proc_kb("VmHWM:");
		peak_kb = hwm > peak_kb ? hwm : peak_kb;
		status = finish(&b);
		close(master);
		master = -1;
	}
	printf("runs=%d\nproc=%d\nfirst_median_ms=%.2f\nfirst_min_ms=%.2f\nfirst_max_ms=%.2f\n"
	    "first_bytes=%zu\n", opt.runs, use_proc, percentile(&first, 50), percentile(&first, 0),
	    percentile(&first, 100), median(&first, 0));
	if (opt.ready_quiet_ms)
		printf("ready_median_ms=%.2f\nready_max_ms=%.2f\n", percentile(&ready, 50),
		    percentile(&ready, 100));
	print_times(&type, "type");
	print_times(&back, "back");
	printf("peak_rss_kb=%ld\nexit_status=%d\n", peak_kb, status);
	free(b.p);
	phase_free(&first);
	phase_free(&type);
	phase_free(&back);
	phase_free(&ready);
}

int
main(int argc, char **argv)
{
	int c;
	opt.term = getenv("TERM") && *getenv("TERM") ? getenv("TERM") : "xterm-256color";
	while ((c = getopt(argc, argv, "+kPec:l:t:f:n:q:Q:r:T:d:s:L:R:W:D:")) != -1) {
		switch (c) {
		case 'k': opt.keyvals = 1; break;
		case 'P': use_proc = 0; break;
		case 'e': opt.each = 1; break;
		case 'c': opt.cols = number(optarg, 10, 1000); break;
		case 'l': opt.rows = number(optarg, 3, 1000); break;
		case 't': opt.term = optarg; break;
		case 'f': opt.word = optarg; break;
		case 'n': opt.moves = number(optarg, 1, 100000); break;
		case 'q': opt.quiet_ms = number(optarg, 1, 600000); break;
		case 'Q': opt.first_quiet_ms = number(optarg, 1, 600000); break;
		case 'r': opt.reply_ms = number(optarg, 1, 600000); break;
		case 'T': opt.start_ms = number(optarg, 1, 3600000); break;
		case 'd': opt.dump = optarg; break;
		case 's': opt.setup = optarg; break;
		case 'L': opt.latency = optarg; break;
		case 'R': opt.runs = number(optarg, 1, 1000); break;
		case 'W': opt.ready_quiet_ms = number(optarg, 1, 60000); break;
		case 'D': opt.delay_ms = number(optarg, 1, 600000); break;
		default: usage();
		}
	}
	if (optind >= argc)
		usage();
	if (opt.dump && mkdir(opt.dump, 0777) < 0 && errno != EEXIST)
		die("cannot create %s: %s", opt.dump, strerror(errno));

	/* The clear-screen sequence of the program's terminal type. */
	int err;
	if (setupterm((char *)opt.term, -1, &err) != OK)
		die("terminal type '%s' is unknown here (no terminfo entry)", opt.term);
	cap_clear = cap("clear");
	del_curterm(cur_term);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	if (opt.latency) {
		latency(argv + optind);
		free(cap_clear);
		cleanup();
		return 0;
	}
	start(argv + optind);
	if (use_proc && (proc_rchar() < 0 || proc_sleeping() < 0))
		use_proc = 0;
	struct buf b = {0};

	/* The first screen: complete once the output has been quiet a while. */
	collect(&b, 0, 0, opt.start_ms, opt.first_quiet_ms, opt.start_ms);
	if (child_gone) {
		char said[200];
		visible(said, sizeof said, b.p ? b.p : "", b.n);
		int st = finish(&b);
		die("%s exited (status %d) before its first screen was complete%s%s",
		    argv[optind], st, *said ? "; it wrote: " : "", said);
	}
	if (b.n == 0)
		die("%s drew nothing in %d ms", argv[optind], opt.start_ms);
	size_t first = b.n;
	dump("first", &b);

	struct phase full = {.name = "full repaint (Ctrl-L)"};
	struct phase move = {.name = "move (down, one at a time)"};
	struct phase home = {.name = "back to the top (Home)"};
	struct phase filt = {.name = "search keystroke"};
	struct phase esc = {.name = "clear the search (Escape)"};
	char name[64];

	if (opt.setup) {
		struct phase setup = {.name = "set-up keys (-s)"};
		key(&setup, "setup", opt.setup, strlen(opt.setup), 0, &b);
		phase_free(&setup);
	}
	key(&full, "ctrl-l", "\014", 1, 1, &b);
	size_t full_bytes = b.n;

	for (int i = 0; i < opt.moves; i++) {
		snprintf(name, sizeof name, "move-%03d", i + 1);
		key(&move, name, seq_down, strlen(seq_down), 0, &b);
	}
	key(&home, "home", seq_home, strlen(seq_home), 0, &b);

	/* The burst: the same moves in one write, as a held key over a slow
	 * link delivers them, in the same pane as the single moves (typing
	 * comes after it: the first letter takes the focus to the list).
	 * Drawn once per key, it writes about what the single moves wrote in
	 * all; drawn once per burst, about one frame. */
	struct buf burst_keys = {0};
	for (int i = 0; i < opt.moves; i++)
		buf_add(&burst_keys, seq_down, strlen(seq_down));
	long long rchar0 = use_proc ? proc_rchar() : 0;
	send_keys(burst_keys.p, burst_keys.n);
	struct buf b_burst = {0};
	collect(&b_burst, rchar0, burst_keys.n, use_proc ? 0 : opt.reply_ms, opt.quiet_ms,
	    opt.start_ms);
	free(burst_keys.p);
	if (child_gone)
		die("the program exited during the burst");
	dump("burst", &b_burst);
	size_t burst_bytes = b_burst.n, burst_clears = count(&b_burst, cap_clear);

	/* The search, typed where the burst left the selection (where the 100
	 * single moves left it too), then cleared. */
	for (const char *w = opt.word; *w; w++) {
		snprintf(name, sizeof name, "search-%d", (int)(w - opt.word) + 1);
		key(&filt, name, w, 1, 0, &b);
	}
	key(&esc, "escape", "\033", 1, 1, &b);	/* after the program's escape wait */

	long rss_kb = proc_kb("VmRSS:"), hwm_kb = proc_kb("VmHWM:");
	int status = finish(&b);

	size_t moves_total = total(&move);
	double share = moves_total ? (double)burst_bytes / (double)moves_total : 0;
	char v1[64];
	struct phase *phases[] = {&full, &move, &home, &filt, &esc};
	const char *keys[] = {"full", "move", "home", "search", "escape"};
	if (opt.keyvals) {
		printf("term=%s\ncols=%d\nlines=%d\nproc=%d\nfirst_bytes=%zu\n", opt.term,
		    opt.cols, opt.rows, use_proc, first);
		for (size_t i = 0; i < sizeof phases / sizeof phases[0]; i++)
			print_phase(phases[i], keys[i], full_bytes);
		printf("burst_keys=%d\nburst_bytes=%zu\nburst_clears=%zu\n"
		    "moves_drawn=%zu\nburst_per_mille_of_moves=%d\nexit_status=%d\n"
		    "rss_kb=%ld\npeak_rss_kb=%ld\n", opt.moves,
		    burst_bytes, burst_clears, move.n - move.silent,
		    (int)(share * 1000 + 0.5), status, rss_kb, hwm_kb);
	} else {
		printf("%s in a %dx%d pseudo-terminal, TERM=%s, down = %s\n", argv[optind],
		    opt.cols, opt.rows, opt.term, visible(v1, sizeof v1, seq_down, strlen(seq_down)));
		printf("(a key's output is complete when %s)\n", use_proc ?
		    "the program waits for input again and it is read" :
		    "the output has been quiet a while");
		printf("%-29s %5s %7s %7s %8s %8s\n", "bytes written per key", "keys", "median",
		    "max", "total", "max/full");
		printf("  %-27s %5d %7zu %7zu %8zu\n", "first screen", 1, first, first, first);
		for (size_t i = 0; i < sizeof phases / sizeof phases[0]; i++)
			print_phase(phases[i], "", full_bytes);
		printf("  burst: Home, then %d down in one write: %zu bytes, %.0f%% of what the\n"
		    "    same moves wrote one at a time (%zu), %.1f full repaints\n", opt.moves,
		    burst_bytes, 100 * share, moves_total,
		    full_bytes ? (double)burst_bytes / (double)full_bytes : 0.0);
		printf("  clear-screen (%s) in: Ctrl-L %s, moves %zu, search keys %zu, burst %zu\n",
		    cap_clear ? visible(v1, sizeof v1, cap_clear, strlen(cap_clear)) : "none in terminfo",
		    full.clears ? "yes" : "no", move.clears, filt.clears, burst_clears);
		if (hwm_kb >= 0)
			printf("  resident memory before F10: %ld KB (peak %ld KB)\n", rss_kb, hwm_kb);
		if (status < 0)
			printf("  after F10: still running after %d ms, killed\n", opt.exit_ms);
		else
			printf("  after F10: exit status %d\n", status);
	}
	free(b.p);
	free(b_burst.p);
	phase_free(&full);
	phase_free(&move);
	phase_free(&filt);
	phase_free(&esc);
	phase_free(&home);
	free(cap_clear);
	cleanup();
	return 0;
}
