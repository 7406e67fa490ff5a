/* SPDX-License-Identifier: MIT
 * signals: what signals do while the screen is up. SIGINT, SIGTERM, SIGHUP
 * and SIGQUIT end the program: while it waits for a key, by the loop's own
 * way out (signals_got, then endwin); while it works or writes (a long
 * reload, output stalled by an SSH client that stopped reading), at once,
 * after putting the terminal back with async-signal-safe calls only. Every
 * other signal that would end the process (SIGUSR1, SIGALRM, SIGXCPU,
 * SIGSEGV, SIGBUS...) puts the terminal back the same way first, then takes
 * its course (a fault goes on to the handler that was there before, such as
 * the sanitizers'). */
#ifndef CENTRES_SIGNALS_H
#define CENTRES_SIGNALS_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <termios.h>

/* The ending signal received while waiting for a key, or 0. */
extern volatile sig_atomic_t signals_got;
/* Set when the terminal was resized (SIGWINCH); the loop clears it. */
extern volatile sig_atomic_t signals_resized;

/* Installs the handlers, before curses starts (which then leaves SIGWINCH
 * to us). A signal ignored when we started (nohup) stays ignored. */
void signals_catch(void);
/* Once curses has started: what putting the terminal on fd back takes,
 * worked out now from terminfo (what endwin() sends: leave the alternate
 * screen, show the cursor, keypad and, when mouse, mouse reporting off) and
 * the terminal settings to restore (NULL: none). Until then, or after
 * signals_disarm(), a handler writes nothing. */
void signals_arm(int fd, bool mouse, const struct termios *settings);
void signals_disarm(void);
/* Whether the program is between keys (false: an ending signal only sets
 * signals_got) or at work (true: it ends the program at once). */
void signals_busy(bool busy);

#endif
