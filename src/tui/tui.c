/* SPDX-License-Identifier: MIT
 * tui: the terminal's lifetime and the loop. Starts curses (with a fallback
 * terminal type), turns keys, mouse events, resizes and signals into state
 * changes, sends copies to the terminal's clipboard (OSC 52), reloads the
 * file, and restores the terminal on every way out. */
#include "tui.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "../core/decode.h"
#include "../core/text.h"
#include "../core/util.h"
#include "../batch/output.h"
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

/* The installed terminal types to try when TERM names one this machine's
 * terminfo lacks (xterm-kitty, alacritty, wezterm... on a minimal server),
 * closest first: screen and tmux types to their own family, everything
 * else to xterm-256color, xterm, then vt100, which every emulator follows. */
static size_t
term_fallbacks(const char *term, const char **out)
{
	size_t n = 0;
	if (strncmp(term, "tmux", 4) == 0 || strncmp(term, "screen", 6) == 0) {
		if (strstr(term, "256"))
			out[n++] = "screen-256color";
		out[n++] = "screen";
	}
	if (strncmp(term, "rxvt", 4) == 0)
		out[n++] = "rxvt";
	if (strcmp(term, "xterm") != 0)
		out[n++] = "xterm-256color";
	out[n++] = "xterm";
	out[n++] = "vt100";
	return n;
}

/* Starts curses on the terminal (the controlling terminal when stdin is
 * not one); an unknown TERM falls back to the closest installed type and
 * says so in notice. */
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
	screen = newterm(NULL, stdout, in);
	if (!screen) {
		const char *try[8];
		size_t k = term_fallbacks(term ? term : "", try);
		for (size_t i = 0; i < k && !screen; i++) {
			screen = newterm(try[i], stdout, in);
			if (screen) {
				char *safe = decode_safe_str(term ? term : "");
				snprintf(notice, n, "TERM %.40s is not installed here: drawing as %s.",
				    safe, try[i]);
				free(safe);
			}
		}
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

/* What the loop keeps between keys: the directory on screen and the file
 * it came from (reload reads it again; "open a file" changes it). */
struct session {
	struct state st;
	struct directory *d;
	char *path;		/* owned; NULL for the built-in directory */
	const struct options *o;
	int in_fd;		/* the terminal's input */
	bool bytes_in;		/* the locale is not UTF-8: keys come as bytes */
	unsigned char pend[4];	/* a UTF-8 sequence being put together */
	int npend, need;
};

/* Puts the newly loaded nd on screen in place of the directory shown (the
 * filter and, where it still exists, the selection kept). */
static void
switch_directory(struct session *s, struct directory *nd)
{
	state_replace_directory(&s->st, nd);
	source_free(s->d);
	*s->d = *nd;
	s->st.d = s->d;
}

/* Reloads the file; on failure the data on screen stays and the error shows. */
static void
reload(struct session *s)
{
	struct state *st = &s->st;
	struct directory nd;
	struct err e = {{0}};
	if (source_load(&nd, s->path, &s->o->load, &e) < 0) {
		/* The title shows the file: say only the line and the reason. */
		const char *why = e.msg;
		size_t sl = strlen(s->d->t.source);
		if (strncmp(why, s->d->t.source, sl) == 0 && why[sl] == ':') {
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
	switch_directory(s, &nd);
	state_status(st, "Reloaded %s: %zu centres.", state_source_name(st), s->d->t.nrows);
}

/* The typed file name, with a leading ~/ made the home directory. Caller
 * frees. */
static char *
typed_path(const char *name)
{
	const char *home = getenv("HOME");
	if (strncmp(name, "~/", 2) == 0 && home && *home) {
		size_t n = strlen(home) + strlen(name);
		char *p = xmalloc(n);
		snprintf(p, n, "%s%s", home, name + 1);
		return p;
	}
	return xstrdup(name);
}

/* Opens the file named at the prompt in place of the directory on screen;
 * on failure the name stays in the prompt for the next try. */
static void
load_typed(struct session *s)
{
	struct state *st = &s->st;
	if (!action_allowed(ACT_LOAD, s->o->restricted))	/* never reached */
		return;
	char *path = typed_path(st->input);
	struct directory nd;
	struct err e = {{0}};
	if (source_load(&nd, path, &s->o->load, &e) < 0) {
		free(path);
		state_status(st, "Not opened (o to correct the name): %s", e.msg);
		return;
	}
	switch_directory(s, &nd);
	free(s->path);
	s->path = path;
	state_status(st, "Opened %s: %zu centres.", s->d->t.source, s->d->t.nrows);
}

/* Writes the centres that match the filter (every centre without one) to
 * the file named at the prompt, as CSV; never over an existing file. */
static void
export_typed(struct session *s)
{
	struct state *st = &s->st;
	if (!action_allowed(ACT_EXPORT, s->o->restricted))	/* never reached */
		return;
	char *path = typed_path(st->input);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
	const char *fail = NULL;
	int err = 0;
	FILE *f = NULL;
	if (fd < 0) {
		err = errno;
		fail = err == EEXIST ? "it already exists, nothing written" : strerror(err);
	} else if (!(f = fdopen(fd, "w"))) {
		err = errno;
		close(fd);
		unlink(path);
		fail = strerror(err);
	} else {
		output_rows(f, &st->d->t, st->f.rows, st->f.n, FORMAT_CSV);
		bool bad = ferror(f);
		err = errno;
		if (fclose(f) != 0 || bad) {
			unlink(path);
			fail = strerror(err ? err : EIO);
		}
	}
	free(path);
	if (fail) {
		state_status(st, "Not exported (s to correct the name): %s.", fail);
		return;
	}
	state_status(st, "Exported %zu centre%s to %s.", st->f.n, st->f.n == 1 ? "" : "s",
	    st->input);
}

/* Whether the terminal has gone (the SSH connection dropped, the window
 * closed): its input reports a hang-up or an error instead of a key. */
static bool
terminal_lost(int fd)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

/* Ctrl-Z arrives as a key rather than as the terminal's signal, so that
 * restricted mode can refuse it like any other disabled key. */
static void
suspend_key_as_input(void)
{
	struct termios tio;
	if (tcgetattr(STDOUT_FILENO, &tio) != 0)
		return;
	tio.c_cc[VSUSP] = _POSIX_VDISABLE;
	if (tcsetattr(STDOUT_FILENO, TCSANOW, &tio) == 0)
		def_prog_mode();	/* curses restores this after a suspend */
}

/* One key, mouse event or resize, applied to the state. */
static unsigned
on_input(struct session *s, int r, wint_t ch)
{
	struct state *st = &s->st;
	if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
		state_resize(st, COLS, LINES);
		return REACT_DRAW | REACT_FULL;
	}
	if (r == KEY_CODE_YES && ch == KEY_MOUSE)
		return on_mouse(st);
	st->status[0] = st->mode == UI_FILTER ? st->status[0] : '\0';
	enum action a = keymap_lookup(st->mode, (uint32_t)ch, r == KEY_CODE_YES);
	unsigned react = state_apply(st, a, (uint32_t)ch);
	if (a == ACT_NONE && st->mode == UI_BROWSE && r != KEY_CODE_YES)
		react |= REACT_DRAW;	/* the status line was cleared */
	return react;
}

/* In a locale that is not UTF-8, curses hands over the bytes of a
 * character typed on a UTF-8 terminal one at a time (é as 0xC3 0xA9): they
 * are put back together here. Bytes that make no UTF-8 sequence, or one cut
 * short when no more input is waiting, are taken as Latin-1 (é from a
 * Latin-1 terminal is 0xE9). */
static unsigned
flush_bytes(struct session *s)
{
	unsigned react = 0;
	for (int i = 0; i < s->npend; i++)
		react |= on_input(s, OK, s->pend[i]);
	s->npend = s->need = 0;
	return react;
}

/* The next key, as get_wch() gives it. In a locale that is not UTF-8,
 * get_wch() swallows bytes above 0x7F (they decode to nothing there): keys
 * are then read as bytes, and on_key() puts characters together. */
static int
read_key(const struct session *s, wint_t *ch)
{
	if (!s->bytes_in)
		return get_wch(ch);
	int v = getch();
	if (v == ERR)
		return ERR;
	*ch = (wint_t)v;
	return v >= KEY_MIN ? KEY_CODE_YES : OK;
}

static unsigned
on_key(struct session *s, int r, wint_t ch)
{
	if (!s->bytes_in || r != OK || ch < 0x80 || ch > 0xFF)
		return flush_bytes(s) | on_input(s, r, ch);
	unsigned react = 0;
	if (s->npend > 0 && (ch & 0xC0) == 0x80) {	/* a continuation byte */
		s->pend[s->npend++] = (unsigned char)ch;
		if (s->npend < s->need)
			return REACT_NONE;
		int32_t cp;
		int len = text_decode((const char *)s->pend, (size_t)s->npend, &cp);
		if (cp < 0 || len != s->npend)
			return flush_bytes(s);
		s->npend = s->need = 0;
		return on_input(s, OK, (wint_t)cp);
	}
	react |= flush_bytes(s);
	int need = ch >= 0xC2 && ch <= 0xDF ? 2 : ch >= 0xE0 && ch <= 0xEF ? 3 :
	    ch >= 0xF0 && ch <= 0xF4 ? 4 : 0;
	if (!need)
		return react | on_input(s, OK, ch);
	s->pend[0] = (unsigned char)ch;
	s->npend = 1;
	s->need = need;
	return react;
}

/* Carries out what a key asked for beyond the state: files, clipboard,
 * suspending. */
static void
perform(struct session *s, unsigned react)
{
	if (react & REACT_RELOAD)
		reload(s);
	if (react & REACT_LOAD)
		load_typed(s);
	if (react & REACT_EXPORT)
		export_typed(s);
	if (react & REACT_COPY && s->st.copy) {
		osc52(s->st.copy);
		free(s->st.copy);
		s->st.copy = NULL;
	}
	if (react & REACT_SUSPEND && action_allowed(ACT_SUSPEND, s->o->restricted)) {
		/* A shell with job control runs us in a process group of our
		 * own; leading the session's group means no shell is there to
		 * resume us (a terminal window's only program, an SSH forced
		 * command): the kernel would discard the stop. */
		if (getpgrp() == getsid(0)) {
			state_status(&s->st, "Cannot suspend: no shell to come back to "
			    "(q quits).");
			return;
		}
		raise(SIGTSTP);	/* curses' handler restores the screen on fg */
		clearok(curscr, TRUE);
	}
}

int
tui_run(struct directory *d, const char *path, const struct options *o)
{
	char notice[160] = "";
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* A signal ignored when we started (nohup) stays ignored: a lost
	 * terminal is then seen as the end of its input. */
	const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction old;
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}

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
	meta(stdscr, TRUE);	/* all 8 bits of a byte typed */
	suspend_key_as_input();
	timeout(250);
	const char *nc = getenv("NO_COLOR");
	bool utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	struct view_opts vo = {
		.color = has_colors() && !o->no_color && !(nc && *nc),
		.ascii = o->ascii || !utf8,
	};
	if (!utf8 && !*notice)
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

	struct session s = {
		.d = d, .path = path ? xstrdup(path) : NULL, .o = o,
		.in_fd = tty_in ? fileno(tty_in) : STDIN_FILENO, .bytes_in = !utf8,
	};
	struct state *st = &s.st;
	state_init(st, d, COLS, LINES);
	st->restricted = o->restricted;
	if (*d->t.notice)
		state_status(st, "%s: %s", state_source_name(st), d->t.notice);
	else if (d->t.nwarn_total)
		state_status(st, "%s: %zu warnings while loading (see centres --check).",
		    state_source_name(st), d->t.nwarn_total);
	unsigned react = REACT_DRAW;
	int status = 0;
	while (!got_signal && !(react & REACT_QUIT)) {
		if (react & REACT_FULL)
			clearok(curscr, TRUE);
		if (react & REACT_DRAW) {
			view_draw(st, &vo);
			refresh();
		}
		react = REACT_NONE;
		wint_t ch;
		int r = read_key(&s, &ch);
		if (r == ERR) {
			if (terminal_lost(s.in_fd)) {
				status = 128 + SIGHUP;
				break;
			}
			continue;
		}
		/* Every key already typed is applied before the next frame: a
		 * held arrow over a slow link draws once, not once per key. */
		timeout(0);
		do {
			unsigned k = on_key(&s, r, ch);
			perform(&s, k);
			react |= k;
		} while (!(react & REACT_QUIT) && !got_signal && (r = read_key(&s, &ch)) != ERR);
		if (!(react & REACT_QUIT)) {
			unsigned k = flush_bytes(&s);	/* a byte left alone: Latin-1 */
			perform(&s, k);
			react |= k;
		}
		timeout(250);
	}
	if (got_signal)
		status = 128 + got_signal;
	state_free(st);
	free(s.path);
	tui_end();
	die_set_hook(NULL);
	return status;
}
