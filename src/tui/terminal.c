/* SPDX-License-Identifier: MIT
 * terminal: the terminal's lifetime. Starts curses (with a fallback
 * terminal type when TERM is not installed), puts the terminal in the
 * modes the screen reads keys in (bytes, no signals from Ctrl-C and
 * Ctrl-Z, no flow control, mouse reports, bracketed paste, numeric
 * keypad), and puts everything back, idempotently, on every way out. */
#include "terminal.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/i18n.h"
#include "../core/sanitize.h"
#include "../core/text.h"
#include "signals.h"

static SCREEN *screen;
static FILE *tty_in;

static bool mouse_on;

void
terminal_end(void)
{
	signals_disarm();
	if (screen) {
		terminal_modes(false);
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

int
terminal_start(char *notice, size_t n, struct termios *shell, bool mouse)
{
	mouse_on = mouse;
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
			/* TRANSLATORS: TERM is the variable's name; the first %s its
			 * value, the second the terminal type used instead. */
			snprintf(notice, n, _("TERM %.*s is not installed here: drawing as %s."),
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
	/* Keys are read as bytes and decoded by input.c, whatever the terminal
	 * description says (keypad off: no keypad transmit mode either). */
	keypad(stdscr, FALSE);
	/* Ctrl-C and Ctrl-Z arrive as keys rather than as the terminal's
	 * signals: Ctrl-C asks to be pressed twice, restricted mode refuses
	 * Ctrl-Z like any other disabled key. Ctrl-S no longer stops the
	 * output (flow control off: the screen froze until Ctrl-Q). endwin()
	 * puts it all back. */
	struct termios tio;
	if (tcgetattr(STDOUT_FILENO, &tio) == 0) {
		tio.c_cc[VSUSP] = _POSIX_VDISABLE;
		tio.c_cc[VINTR] = _POSIX_VDISABLE;
		tio.c_iflag &= ~(tcflag_t)IXON;
		if (tcsetattr(STDOUT_FILENO, TCSANOW, &tio) == 0)
			def_prog_mode();	/* curses restores this after a suspend */
	}
	return 0;
}

/* The terminal's modes curses does not know: mouse reports (press and
 * wheel, SGR form for wide screens), bracketed paste, and the keypad in
 * numeric mode (ESC >: its keys are digits, whatever mode it was left in). */
void
terminal_modes(bool on)
{
	bool mouse = mouse_on;
	char buf[64];
	int n = snprintf(buf, sizeof buf, "%s\033[?2004%c%s", mouse ? (on ? "\033[?1000h\033[?1006h" :
	    "\033[?1006l\033[?1000l") : "", on ? 'h' : 'l', on ? "\033>" : "");
	fflush(stdout);
	if (write(STDOUT_FILENO, buf, (size_t)n) < 0) {
		/* a terminal gone: the loop sees it */
	}
}

int
terminal_fd(void)
{
	return tty_in ? fileno(tty_in) : STDIN_FILENO;
}
