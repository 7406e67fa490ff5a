/* SPDX-License-Identifier: MIT
 * tui: the loop. Reads the terminal's bytes (input.c decodes them), hands
 * keys, pastes, mouse events, resizes and the time to the application,
 * draws, does what the application asks of the terminal (its clipboard,
 * suspending), and ends through terminal.c on every way out: F10, Ctrl-C
 * twice, a signal, a terminal that goes away, die(). */
#include "tui.h"

#include <curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "../core/i18n.h"
#include "../core/sanitize.h"
#include "../core/text.h"
#include "../core/util.h"
#include "clipboard.h"
#include "input.h"
#include "signals.h"
#include "terminal.h"
#include "view.h"

/* Does what the application asked of the terminal. */
static void
perform(struct app *a, unsigned react)
{
	if (react & REACT_COPY) {
		fflush(stdout);
		clipboard_send(STDOUT_FILENO, app_clipboard(a));
	}
	if (react & REACT_SUSPEND) {
		terminal_modes(false);
		raise(SIGTSTP);	/* curses' handler restores the screen on fg */
		terminal_modes(true);
		clearok(curscr, TRUE);
	}
}

/* Pasted text gathered while bytes come, handed over at once. */
static struct arena pasted;

static unsigned
paste_done(struct app *a)
{
	if (!pasted.len)
		return 0;
	unsigned react = app_paste(a, pasted.base, pasted.len);
	pasted.len = 0;
	return react;
}

/* Decoded events handed to the application, one after the other. */
static unsigned
events(struct app *a, const struct input_event *ev, size_t n)
{
	unsigned react = 0;
	for (size_t i = 0; i < n && !(react & REACT_QUIT); i++) {
		if (ev[i].kind == INPUT_PASTE) {
			char enc[4];
			arena_append(&pasted, enc, (size_t)text_encode((int32_t)ev[i].key, enc));
			continue;
		}
		react |= paste_done(a);
		unsigned k = 0;
		int line, p = input_pane_at(&a->st.lay, ev[i].y, ev[i].x, &line);
		if (ev[i].kind == INPUT_KEY)
			k = app_key(a, ev[i].key);
		else if (ev[i].button == MOUSE_LEFT && p >= 0)
			k = app_click(a, (enum pane)p, line);
		else if (ev[i].button != MOUSE_LEFT)	/* the wheel: the pane under it */
			k = app_wheel(a, p < 0 ? a->st.focus : (enum pane)p,
			    ev[i].button == MOUSE_WHEEL_UP ? -3 : 3);
		perform(a, k);
		react |= k;
	}
	return react;
}

static uint64_t
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* The wait for the rest of a key: ESCDELAY if set; over SSH long enough
 * for an arrow key split by the network; locally short, for a quick Esc. */
static int
escape_delay(void)
{
	const char *e = getenv("ESCDELAY");
	if (e && *e)
		return atoi(e);
	const char *ssh = getenv("SSH_CONNECTION");
	return ssh && *ssh ? 300 : 50;
}

/* Draws, reads every key already typed, draws again: until F10 or a
 * signal. Returns the exit status. */
static int
loop(struct app *a, struct input *in, const struct view_opts *vo)
{
	int fd = terminal_fd(), escdelay = escape_delay();
	uint64_t last_byte = now_ms();
	unsigned react = REACT_DRAW;
	while (!signals_got && !(react & REACT_QUIT)) {
		if (signals_resized) {
			signals_resized = 0;
			struct winsize ws;
			if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row && ws.ws_col)
				resizeterm(ws.ws_row, ws.ws_col);
			react |= app_resize(a, COLS, LINES);
		}
		if (react & REACT_FULL)
			clearok(curscr, TRUE);
		if (react & REACT_DRAW) {
			view_draw(&a->st, vo);
			refresh();
		}
		react = REACT_NONE;
		/* Wait for a key, the rest of one (counted from the last byte
		 * read: a message's time or a resize does not cut it short), or
		 * a message's time. */
		int need = input_wait(in, escdelay);
		uint64_t now = now_ms();
		long left = need < 0 ? -1 : now - last_byte >= (uint64_t)need ? 0 :
		    (long)need - (long)(now - last_byte);
		long app = app_wait(a), wait = left;
		if (wait < 0 || (app >= 0 && app < wait))
			wait = app >= 0 ? app : 250;
		/* The keys, and the end of a load beside the screen. */
		struct pollfd p[2] = {{.fd = fd, .events = POLLIN},
		    {.fd = app_wake_fd(a), .events = POLLIN}};
		signals_busy(false);	/* waiting: a signal ends it by the loop */
		int r = signals_got || signals_resized ? -1 : poll(p, 2, (int)wait);
		signals_busy(true);	/* working, writing: at once */
		now = now_ms();
		app_clock(a, now);
		if (signals_got)
			break;
		if (r < 0)
			continue;	/* a signal, a resize */
		if (r > 0 && (p[1].revents & POLLIN)) {
			app_woken(a);
			react |= app_idle(a);
			if (!p[0].revents)
				continue;
			r--;
		}
		struct input_event ev[INPUT_EVENTS];
		if (r == 0) {
			if (need >= 0 && now - last_byte >= (uint64_t)need)
				react |= events(a, ev, input_expire(in, ev));
			react |= paste_done(a) | app_idle(a);
			continue;
		}
		last_byte = now;
		/* Every key already typed is applied before the next frame: a
		 * held arrow over a slow link draws once, not once per key. */
		do {
			unsigned char buf[4096];
			ssize_t n = read(fd, buf, sizeof buf);
			if (n <= 0 && (n == 0 || (errno != EINTR && errno != EAGAIN)))
				return 128 + SIGHUP;	/* the terminal has gone */
			for (ssize_t i = 0; i < n && !(react & REACT_QUIT); i++)
				react |= events(a, ev, input_byte(in, buf[i], ev));
		} while (!(react & REACT_QUIT) && !signals_got && poll(p, 1, 0) == 1 &&
		    (p[0].revents & POLLIN));
		if (!(react & REACT_QUIT)) {
			react |= paste_done(a);
			/* The keys' answer on the screen first, what else is to
			 * do (a load's rows, an export) after it. */
			react |= react & REACT_DRAW ? app_answer(a) : app_idle(a);
		}
	}
	return signals_got ? 128 + signals_got : a->exit_status;
}

int
tui_run(struct directory *d, struct loading *l, const char *path,
    const struct app_config *cfg, const struct tui_opts *o)
{
	signals_catch();
	signals_busy(true);
	char notice[160] = "";
	struct termios shell;
	if (terminal_start(notice, sizeof notice, &shell, !o->no_mouse) < 0) {
		terminal_end();
		if (l)
			loading_cancel(l);
		else
			directory_free(d);
		fprintf(stderr, "centres: %s\n", _("cannot start the screen on this terminal "
		    "(use --list for plain output)"));
		return 2;
	}
	die_set_hook(terminal_end);
	atexit(terminal_end);
	bool utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	struct view_opts vo;
	view_init(&vo, o->no_color, o->ascii, utf8, notice);
	terminal_modes(true);
	signals_arm(STDOUT_FILENO, !o->no_mouse, &shell);
	struct app_config c = *cfg;
	c.screen.ascii = vo.ascii;
	/* A shell with job control runs us in a process group of our own;
	 * leading the session's group means no shell is there to resume us. */
	c.screen.job_control = getpgrp() != getsid(0);
	struct app a;
	if (l)
		app_init_loading(&a, l, path, &c, COLS, LINES);
	else
		app_init(&a, d, path, &c, COLS, LINES);
	struct input in = {0};
	int status = loop(&a, &in, &vo);
	/* The terminal first: a load going on stops within a moment, but
	 * the person has the shell back at once. */
	terminal_end();
	die_set_hook(NULL);
	app_free(&a);
	arena_free(&pasted);
	return status;
}
