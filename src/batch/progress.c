/* SPDX-License-Identifier: MIT
 * progress: the line is drawn with a carriage return and erased with
 * spaces over it, nothing terminfo must describe; while it is shown, a
 * signal that ends the program erases it first. */
#include "progress.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "../core/i18n.h"
#include "../core/sanitize.h"
#include "../core/text.h"

#define PROGRESS_AFTER 0.25	/* seconds of loading before the line shows */
#define PROGRESS_EVERY 0.1	/* seconds between two drawings */

static const int ending[] = {SIGINT, SIGTERM, SIGQUIT, SIGHUP};
static struct sigaction before[sizeof ending / sizeof ending[0]];
static bool caught[sizeof ending / sizeof ending[0]];
/* How wide the line on the terminal may be, for the signal handler, which
 * erases it with "\r", that many spaces, "\r". Set before the line is
 * written, in one store, so that a signal at any moment erases all of it. */
static volatile sig_atomic_t erase_cols;
static char spaces[256];	/* filled by progress_start() */

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
write_all(const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(STDERR_FILENO, s, n);
		if (w <= 0)
			return;	/* the terminal is gone: nothing to show */
		s += w, n -= (size_t)w;
	}
}

/* Erases the line, then ends the program as the signal would have. */
static void
erase(void)
{
	size_t n = (size_t)erase_cols;
	if (!n)
		return;
	write_all("\r", 1);
	for (; n; n -= n < sizeof spaces ? n : sizeof spaces)
		write_all(spaces, n < sizeof spaces ? n : sizeof spaces);
	write_all("\r", 1);
}

static void
on_signal(int sig)
{
	erase();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* The terminal's width (80 when it does not say). */
static size_t
width(void)
{
	struct winsize ws;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* The line for name, cut in its middle with "…" until it fits max columns. */
static void
format_line(char *buf, size_t len, const char *name, size_t done, size_t total, size_t rows,
    double secs, size_t max)
{
	char count[64], elapsed[32], shown[512];
	i18n_group(rows, count, sizeof count);
	i18n_seconds(secs, elapsed, sizeof elapsed);
	int pct = total ? (int)((double)done * 100 / (double)total) : 0;
	size_t n = strlen(name);
	/* Keep head and tail of the name, fewer columns each time round. */
	for (size_t keep = n;; keep = keep > 8 ? keep - keep / 8 : keep - 1) {
		if (keep >= n) {
			snprintf(shown, sizeof shown, "%s", name);
		} else {
			size_t head = text_cut(name, n, (keep + 1) / 2);
			size_t tail = text_cut(name, n, n - keep / 2);
			while (tail < n && (name[tail] & 0xC0) == 0x80)
				tail++;
			snprintf(shown, sizeof shown, "%.*s…%s", (int)head, name, name + tail);
		}
		snprintf(buf, len, "centres: ");
		size_t o = strlen(buf);
		/* TRANSLATORS: on standard error while a large file loads: the
		 * file's name, the percentage read, the rows so far (with the
		 * thousands separator above), the seconds (1.2). */
		snprintf(buf + o, len - o, P_("loading %s: %d%% (%s row, %s s)",
		    "loading %s: %d%% (%s rows, %s s)", rows), shown, pct, count, elapsed);
		if ((size_t)text_width(buf, strlen(buf)) <= max || keep == 0)
			break;
	}
	if ((size_t)text_width(buf, strlen(buf)) > max) {	/* narrower than the rest */
		size_t fit = text_fit(buf, strlen(buf), (int)max - 1, NULL);
		if (fit + sizeof "…" <= len)
			memcpy(buf + fit, "…", sizeof "…");
	}
}

static bool
show(void *ctx, size_t done, size_t total, size_t rows)
{
	struct progress *p = ctx;
	double t = now();
	if (t - p->start < PROGRESS_AFTER || (p->cols && t - p->drawn < PROGRESS_EVERY))
		return true;
	size_t w = width();
	size_t max = w > 1 ? w - 1 : 1;	/* the last column would wrap on some terminals */
	char line[1024];
	format_line(line, sizeof line, p->name, done, total, rows, t - p->start, max);
	size_t cols = (size_t)text_width(line, strlen(line));
	/* "\r", the line, spaces over what is left of the one before. */
	char out[sizeof line + 512] = "\r";
	size_t o = 1 + strlen(line);
	memcpy(out + 1, line, o - 1);
	for (size_t c = cols; c < p->cols && o + 1 < sizeof out; c++)
		out[o++] = ' ';
	p->cols = cols > p->cols ? cols : p->cols;
	erase_cols = (sig_atomic_t)p->cols;	/* before the line is on the terminal */
	write_all(out, o);
	p->drawn = t;
	return true;
}

void
progress_start(struct progress *p, const char *name, struct load_opts *o)
{
	memset(p, 0, sizeof *p);
	p->start = now();
	if (!isatty(STDERR_FILENO))
		return;
	p->on = true;
	memset(spaces, ' ', sizeof spaces);
	p->name = sanitize_str(name ? name : _("built-in directory"));
	o->progress = show;
	o->progress_ctx = p;
	/* Only where the signal would end the program (not where it is
	 * ignored, as for a command run in the background). */
	for (size_t i = 0; i < sizeof ending / sizeof ending[0]; i++) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		caught[i] = sigaction(ending[i], NULL, &before[i]) == 0
		    && before[i].sa_handler == SIG_DFL && sigaction(ending[i], &sa, NULL) == 0;
	}
}

void
progress_end(struct progress *p, struct load_opts *o)
{
	if (!p->on)
		return;
	o->progress = NULL;
	o->progress_ctx = NULL;
	erase();
	erase_cols = 0;
	for (size_t i = 0; i < sizeof ending / sizeof ending[0]; i++)
		if (caught[i])
			sigaction(ending[i], &before[i], NULL);
	free(p->name);
	p->name = NULL;
	p->on = false;
}
