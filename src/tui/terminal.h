/* SPDX-License-Identifier: MIT
 * terminal: starting curses on the terminal and putting it back. */
#ifndef CENTRES_TERMINAL_H
#define CENTRES_TERMINAL_H

#include <stdbool.h>
#include <stddef.h>
#include <termios.h>

/* Starts curses on the terminal (the controlling terminal when stdin is
 * not one); an unknown TERM falls back to the closest installed type and
 * says so in notice. The terminal's settings as they were go to *shell;
 * mouse: whether to ask for mouse reports. -1 when no terminal works. */
int terminal_start(char *notice, size_t n, struct termios *shell, bool mouse);
/* The modes curses does not know, on (start, back from a suspend) or off
 * (suspend, exit). */
void terminal_modes(bool on);
/* The descriptor keys are read from. */
int terminal_fd(void);
/* Ends curses and the modes; idempotent: safe from die(), atexit and every
 * exit path. */
void terminal_end(void);

#endif
