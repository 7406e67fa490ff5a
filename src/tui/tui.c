/* SPDX-License-Identifier: MIT
 * tui: the terminal's lifetime and the loop. Starts curses (with a fallback
 * terminal type), turns keys, mouse events, resizes and signals into state
 * changes, sends copies to the terminal's clipboard (OSC 52), reloads the
 * file, and restores the terminal on every way out. */
#include "tui.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/util.h"
#include "keymap.h"
#include "state.h"
#include "view.h"

static volatile sig_atomic_t got_signal;
static SCREEN *screen;
static FILE *tty_in;

static void
on_signal(int sig)
{
	got_signal = sig;
}

/* Idempotent: safe from die() and from every exit path. */
static void
tui_end(void)
{
	if (screen) {
		endwin();
		delscreen(screen);
		screen = NULL;
	}
	if (tty_in) {
		fclose(tty_in);
		tty_in = NULL;
	}
}

/* Starts curses on the terminal; an unknown or missing TERM falls back to
 * vt100 (cursor addressing every terminal emulator has). */
static int
tui_start(char *notice, size_t n)
{
	FILE *in = stdin;
	if (!isatty(STDIN_FILENO)) {
		tty_in = fopen("/dev/tty", "r");
		if (!tty_in)
			return -1;
		in = tty_in;
	}
	const char *term = getenv("TERM");
	if (term && *term && strcmp(term, "dumb") != 0)
		screen = newterm(NULL, stdout, in);
	if (!screen) {
		snprintf(notice, n, "Terminal type '%.40s' is unknown here: drawing as a vt100.",
		    term && *term ? term : "(unset)");
		screen = newterm("vt100", stdout, in);
	}
	if (!screen)
		return -1;
	set_term(screen);
	return 0;
}

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Sends text to the clipboard of the person's own terminal: OSC 52, which
 * terminals honour over SSH and tmux forwards; GNU screen needs it wrapped
 * in its pass-through sequence. Written straight to the terminal. */
static void
osc52(const char *s)
{
	size_t n = strlen(s);
	size_t cap = 4 * ((n + 2) / 3) + 64;
	char *out = xmalloc(cap);
	const char *term = getenv("TERM");
	bool screen_wrap = !getenv("TMUX") && term && strncmp(term, "screen", 6) == 0;
	size_t k = 0;
	k += (size_t)sprintf(out + k, "%s\033]52;c;", screen_wrap ? "\033P" : "");
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned char)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned char)s[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)s[i + 2];
		out[k++] = b64[(v >> 18) & 63];
		out[k++] = b64[(v >> 12) & 63];
		out[k++] = i + 1 < n ? b64[(v >> 6) & 63] : '=';
		out[k++] = i + 2 < n ? b64[v & 63] : '=';
	}
	k += (size_t)sprintf(out + k, "\007%s", screen_wrap ? "\033\\" : "");
	fflush(stdout);
	for (size_t off = 0; off < k;) {
		ssize_t w = write(STDOUT_FILENO, out + off, k - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	free(out);
}

/* Which pane a screen position falls in, and the line inside it (-1 for the
 * heading); returns -1 when outside every pane. */
static int
pane_at(const struct state *st, int y, int x, int *line)
{
	for (int p = 0; p < PANE_COUNT; p++) {
		const struct rect *r = &st->lay.pane[p];
		if (r->w > 0 && y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w) {
			*line = y - r->y - 1;
			return p;
		}
	}
	return -1;
}

static unsigned
on_mouse(struct state *st)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return REACT_NONE;
	int line;
	int p = pane_at(st, ev.y, ev.x, &line);
	if (ev.bstate & BUTTON4_PRESSED)
		return state_wheel(st, p < 0 ? st->focus : (enum pane)p, -3);
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return state_wheel(st, p < 0 ? st->focus : (enum pane)p, 3);
#endif
	if (p >= 0 && (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return state_click(st, (enum pane)p, line);
	return REACT_NONE;
}

/* Reloads the file; on failure the data on screen stays and the error shows. */
static void
reload(struct state *st, struct directory *d, const char *path, const struct options *o)
{
	struct directory nd;
	struct err e = {{0}};
	if (source_load(&nd, path, &o->load, &e) < 0) {
		/* The title shows the file: say only the line and the reason. */
		const char *why = e.msg;
		size_t sl = strlen(d->t.source);
		if (strncmp(why, d->t.source, sl) == 0 && why[sl] == ':') {
			why += sl + 1;
			if (*why >= '0' && *why <= '9') {
				state_status(st, "Reload failed (data unchanged): line %s", why);
				return;
			}
			why += *why == ' ';
		}
		state_status(st, "Reload failed (data unchanged): %s", why);
		return;
	}
	state_replace_directory(st, &nd);
	source_free(d);
	*d = nd;
	st->d = d;
	state_status(st, "Reloaded %s: %zu centres.", d->t.source, d->t.nrows);
}

int
tui_run(struct directory *d, const char *path, const struct options *o)
{
	char notice[160] = "";
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);

	if (!getenv("ESCDELAY"))
		set_escdelay(50);
	if (tui_start(notice, sizeof notice) < 0) {
		tui_end();
		fprintf(stderr, "centres: cannot start the screen on this terminal "
		    "(use --list for plain output)\n");
		return 2;
	}
	die_set_hook(tui_end);
	atexit(tui_end);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(250);
	const char *nc = getenv("NO_COLOR");
	struct view_opts vo = {
		.color = has_colors() && !o->no_color && !(nc && *nc),
		.ascii = strcmp(nl_langinfo(CODESET), "UTF-8") != 0,
	};
	if (vo.ascii && !*notice)
		snprintf(notice, sizeof notice, "The locale is not UTF-8: accents are shown without marks.");
	vo.notice = *notice ? notice : NULL;
	view_init(&vo);
	if (!o->no_mouse) {
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
		    | BUTTON5_PRESSED
#endif
		    , NULL);
		mouseinterval(0);
	}

	struct state st;
	state_init(&st, d, COLS, LINES);
	if (*d->t.notice)
		state_status(&st, "%s: %s", d->t.source, d->t.notice);
	else if (d->t.nwarn_total)
		state_status(&st, "%s: %zu warnings while loading (see centres --check).",
		    d->t.source, d->t.nwarn_total);
	unsigned react = REACT_DRAW;
	int status = 0;
	while (!got_signal) {
		if (react & REACT_RELOAD)	/* before drawing: one frame, the new data */
			reload(&st, d, path, o);
		if (react & REACT_FULL)
			clearok(curscr, TRUE);
		if (react & REACT_DRAW) {
			view_draw(&st, &vo);
			refresh();
		}
		if (react & REACT_COPY && st.copy) {
			osc52(st.copy);
			free(st.copy);
			st.copy = NULL;
		}
		if (react & REACT_QUIT)
			break;
		react = REACT_NONE;
		wint_t ch;
		int r = get_wch(&ch);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			state_resize(&st, COLS, LINES);
			react = REACT_DRAW;
			continue;
		}
		if (r == KEY_CODE_YES && ch == KEY_MOUSE) {
			react = on_mouse(&st);
			continue;
		}
		st.status[0] = st.mode == UI_FILTER ? st.status[0] : '\0';
		enum action a = keymap_lookup(st.mode, (uint32_t)ch, r == KEY_CODE_YES);
		react = state_apply(&st, a, (uint32_t)ch);
		if (a == ACT_NONE && st.mode == UI_BROWSE && r != KEY_CODE_YES)
			react |= REACT_DRAW;	/* the status line was cleared */
	}
	if (got_signal)
		status = 128 + got_signal;
	state_free(&st);
	tui_end();
	die_set_hook(NULL);
	return status;
}
