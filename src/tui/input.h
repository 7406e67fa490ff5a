/* SPDX-License-Identifier: MIT
 * input: what the terminal library reports, turned into what the
 * application understands: keys of app/keys.h (curses' KEY_* codes named,
 * Enter and Backspace made one key each, and in a locale that is not UTF-8
 * the bytes of a character put back together), and mouse events as a click
 * or a turn of the wheel on a line of a pane (hit-testing against the
 * layout). No drawing; unit-tested (tests/unit/test_input.c). */
#ifndef CENTRES_INPUT_H
#define CENTRES_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../app/layout.h"

struct input {
	bool bytes;		/* the locale is not UTF-8: keys come as bytes */
	unsigned char pend[4];	/* a UTF-8 sequence being put together */
	int npend, need;
};

/* Reads the next key from curses (non-blocking or with curses' timeout):
 * get_wch(), or in a locale that is not UTF-8 getch(), where get_wch()
 * swallows bytes above 0x7F. Returns OK (*ch a character or byte),
 * KEY_CODE_YES (*ch a curses key code) or ERR (nothing came). */
int input_read(const struct input *in, uint32_t *ch);
/* Whether the terminal's input on fd has gone (the SSH connection dropped,
 * the window closed): a hang-up or an error instead of a key. */
bool input_lost(int fd);

/* One result of input_read(): r is OK for a character ch, else
 * KEY_CODE_YES for a curses key code ch. Writes the keys it gives to out
 * (at most 4: bytes held back, then this key) and returns how many: none
 * for a byte of an unfinished sequence, for KEY_RESIZE and KEY_MOUSE (the
 * loop's own) and for a key code the application has no name for. */
size_t input_key(struct input *in, int r, uint32_t ch, uint32_t out[4]);
/* When no more input is waiting: the bytes of an unfinished sequence, as
 * Latin-1 characters (é from a Latin-1 terminal is the byte E9). */
size_t input_flush(struct input *in, uint32_t out[4]);

/* Asks the terminal for the mouse events input_pointer() reads. */
void input_mouse_on(void);

enum pointer_kind { POINTER_NONE, POINTER_CLICK, POINTER_WHEEL };
struct pointer {
	enum pointer_kind kind;
	enum pane pane;
	int line;	/* POINTER_CLICK: the pane's line, -1 for its heading */
	int delta;	/* POINTER_WHEEL: lines to move */
};
/* A mouse event (curses' button state bits, cell y, x) on the layout l:
 * the left button clicks the line under it, the wheel moves the pane under
 * it (the focused one when outside every pane). */
struct pointer input_pointer(const struct layout *l, enum pane focus, unsigned long bstate,
    int y, int x);
/* Which pane the cell (y, x) falls in, and its line there (-1: the
 * heading); -1 when outside every pane. */
int input_pane_at(const struct layout *l, int y, int x, int *line);

#endif
