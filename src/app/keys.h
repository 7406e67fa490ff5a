/* SPDX-License-Identifier: MIT
 * keys: the keys the application understands, whatever the terminal sent.
 * A key is either a Unicode character (below 0x110000: letters, digits,
 * space, Tab 9, Enter 13 or 10, Esc 27, Backspace 127 or 8, Ctrl-letter 1
 * to 26) or one of the named keys below, numbered above every character.
 * tui/input.c turns what the terminal library reports into these, so that
 * the key table, the help screen and the tests know nothing of the terminal. */
#ifndef CENTRES_KEYS_H
#define CENTRES_KEYS_H

enum {
	K_NAMED = 0x110000,	/* the first named key */
	K_UP = K_NAMED, K_DOWN, K_LEFT, K_RIGHT,
	K_PGUP, K_PGDN, K_HOME, K_END,
	K_BTAB,			/* Shift-Tab */
	K_DELETE,
	K_F0,			/* K_F(1) .. K_F(12) follow */
	K_END_OF_KEYS = K_F0 + 13
};
#define K_F(n) (K_F0 + (n))

#define K_CTRL(c) ((c) & 0x1f)
#define K_ESC 27
#define K_BACKSPACE 127

#endif
