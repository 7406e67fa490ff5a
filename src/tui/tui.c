/* SPDX-License-Identifier: MIT
 * tui: the terminal's lifetime and the loop. Starts curses (with a fallback
 * terminal type), hands keys, mouse events and resizes to the application,
 * draws, does what the application asks of the terminal (its clipboard,
 * suspending), and restores the terminal on every way out: q, a signal, a
 * terminal that goes away, die(). */
#include "tui.h"

#include <curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "../core/sanitize.h"
#include "../core/text.h"
#include "../core/util.h"
#include "clipboard.h"
#include "input.h"
#include "signals.h"
#include "view.h"

static SCREEN *screen;
static FILE *tty_in;

/* Idempotent: safe from die() and from every exit path. */
static void
tui_end(void)
{
	signals_disarm();
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
 * says so in notice. The terminal's settings as they were go to *shell. */
static int
tui_start(char *notice, size_t n, struct termios *shell)
{
	FILE *in = stdin;
	if (!isatty(STDIN_FILENO)) {
		tty_in = fopen("/dev/tty", "r");
		if (!tty_in)
			return -1;
		in = tty_in;
	}
	if (tcgetattr(fileno(in), shell) != 0)
		memset(shell, 0, sizeof *shell);
	const char *term = getenv("TERM");
	screen = newterm(NULL, stdout, in);
	const char *try[8];
	size_t k = screen ? 0 : term_fallbacks(term ? term : "", try);
	for (size_t i = 0; i < k && !screen; i++) {
		screen = newterm(try[i], stdout, in);
		if (screen) {
			char *safe = sanitize_str(term ? term : "");
			snprintf(notice, n, "TERM %.*s is not installed here: drawing as %s.",
			    (int)text_cut(safe, strlen(safe), 40), safe, try[i]);
			free(safe);
		}
	}
	if (!screen)
		return -1;
	set_term(screen);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);	/* all 8 bits of a byte typed */
	/* Ctrl-Z arrives as a key rather than as the terminal's signal, so that
	 * restricted mode can refuse it like any other disabled key; Ctrl-S no
	 * longer stops the output (flow control off: the screen froze until
	 * Ctrl-Q). endwin() puts both back. */
	struct termios tio;
	if (tcgetattr(STDOUT_FILENO, &tio) == 0) {
		tio.c_cc[VSUSP] = _POSIX_VDISABLE;
		tio.c_iflag &= ~(tcflag_t)IXON;
		if (tcsetattr(STDOUT_FILENO, TCSANOW, &tio) == 0)
			def_prog_mode();	/* curses restores this after a suspend */
	}
	timeout(250);
	return 0;
}

/* Does what the application asked of the terminal. */
static void
perform(struct app *a, unsigned react)
{
	if (react & REACT_COPY) {
		fflush(stdout);
		clipboard_send(STDOUT_FILENO, app_clipboard(a));
	}
	if (react & REACT_SUSPEND) {
		raise(SIGTSTP);	/* curses' handler restores the screen on fg */
		clearok(curscr, TRUE);
	}
}

/* Keys handed to the application, one after the other. */
static unsigned
keys_in(struct app *a, const uint32_t *keys, size_t n)
{
	unsigned react = 0;
	for (size_t i = 0; i < n && !(react & REACT_QUIT); i++) {
		unsigned k = app_key(a, keys[i]);
		perform(a, k);
		react |= k;
	}
	return react;
}

/* One result of input_read(), handed to the application. */
static unsigned
on_input(struct app *a, struct input *in, int r, uint32_t ch)
{
	uint32_t keys[4];
	unsigned react = keys_in(a, keys, input_key(in, r, ch, keys));
	if (r == KEY_CODE_YES && ch == KEY_RESIZE)
		react |= app_resize(a, COLS, LINES);
	MEVENT ev;
	if (r == KEY_CODE_YES && ch == KEY_MOUSE && getmouse(&ev) == OK) {
		struct pointer p = input_pointer(&a->st.lay, a->st.focus, (unsigned long)ev.bstate,
		    ev.y, ev.x);
		if (p.kind == POINTER_CLICK)
			react |= app_click(a, p.pane, p.line);
		else if (p.kind == POINTER_WHEEL)
			react |= app_wheel(a, p.pane, p.delta);
	}
	return react;
}

/* Draws, reads every key already typed, draws again: until q or a signal. */
static int
loop(struct app *a, struct input *in, const struct view_opts *vo)
{
	int in_fd = tty_in ? fileno(tty_in) : STDIN_FILENO;
	unsigned react = REACT_DRAW;
	while (!signals_got && !(react & REACT_QUIT)) {
		if (react & REACT_FULL)
			clearok(curscr, TRUE);
		if (react & REACT_DRAW) {
			view_draw(&a->st, vo);
			refresh();
		}
		react = REACT_NONE;
		uint32_t ch;
		signals_busy(false);	/* waiting: a signal ends it by the loop */
		int r = signals_got ? ERR : input_read(in, &ch);
		signals_busy(true);	/* working, writing: at once */
		if (signals_got)
			break;
		if (r == ERR) {
			if (input_lost(in_fd))
				return 128 + SIGHUP;
			continue;
		}
		/* Every key already typed is applied before the next frame: a
		 * held arrow over a slow link draws once, not once per key. */
		timeout(0);
		do
			react |= on_input(a, in, r, ch);
		while (!(react & REACT_QUIT) && !signals_got && (r = input_read(in, &ch)) != ERR);
		uint32_t keys[4];
		if (!(react & REACT_QUIT))	/* a byte left alone: Latin-1 */
			react |= keys_in(a, keys, input_flush(in, keys));
		if (!(react & REACT_QUIT))
			react |= app_idle(a);
		timeout(250);
	}
	return signals_got ? 128 + signals_got : 0;
}

int
tui_run(struct directory *d, const char *path, const struct app_config *cfg,
    const struct tui_opts *o)
{
	signals_catch();
	signals_busy(true);
	if (!getenv("ESCDELAY"))
		set_escdelay(50);
	char notice[160] = "";
	struct termios shell;
	if (tui_start(notice, sizeof notice, &shell) < 0) {
		tui_end();
		directory_free(d);
		fprintf(stderr, "centres: cannot start the screen on this terminal "
		    "(use --list for plain output)\n");
		return 2;
	}
	die_set_hook(tui_end);
	atexit(tui_end);
	bool utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	struct view_opts vo;
	view_init(&vo, o->no_color, o->ascii, utf8, notice);
	if (!o->no_mouse)
		input_mouse_on();
	fflush(stdout);
	signals_arm(STDOUT_FILENO, !o->no_mouse, &shell);
	struct app_config c = *cfg;
	c.screen.ascii = vo.ascii;
	/* A shell with job control runs us in a process group of our own;
	 * leading the session's group means no shell is there to resume us. */
	c.screen.job_control = getpgrp() != getsid(0);
	struct app a;
	app_init(&a, d, path, &c, COLS, LINES);
	struct input in = {.bytes = !utf8};
	int status = loop(&a, &in, &vo);
	app_free(&a);
	tui_end();
	die_set_hook(NULL);
	return status;
}
