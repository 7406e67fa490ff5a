/* SPDX-License-Identifier: MIT
 * input: the bytes a terminal sends, as what the application understands:
 * keys of app/keys.h, pasted text, mouse events. Decoded here, not by the
 * terminal description, so that every common form of a key is read
 * whatever TERM says: cursor keys as ESC [ A and ESC O A, Home and End as
 * ESC [ 1~ 4~ 7~ 8~, ESC [ H F and ESC O H F, F1-F12 as xterm, PuTTY, rxvt,
 * the Linux console and a vt100 send them, Shift-Tab, keys with modifiers;
 * UTF-8 put together (a byte that makes no UTF-8 read as Latin-1); Alt+key
 * (ESC then a key) ignored, never an Esc; a lone ESC once the rest has had
 * time to come; bracketed paste (ESC [ 200~ ... ESC [ 201~) as text, never
 * keys; mouse reports (X10 and SGR) hit-tested against the layout. No
 * drawing; unit-tested (tests/unit/test_input.c). */
#ifndef CENTRES_INPUT_H
#define CENTRES_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../app/layout.h"

enum input_kind { INPUT_KEY, INPUT_PASTE, INPUT_MOUSE };
enum mouse_button { MOUSE_LEFT, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN, MOUSE_OTHER };

struct input_event {
	enum input_kind kind;
	uint32_t key;		/* INPUT_KEY: a key; INPUT_PASTE: a character */
	enum mouse_button button;	/* INPUT_MOUSE: a press (releases are dropped) */
	int y, x;		/* INPUT_MOUSE: the cell, from 0 */
};

/* Events one byte can give at the most (bytes held back, then this one). */
#define INPUT_EVENTS 8

struct input {
	unsigned char seq[48];	/* an escape sequence being read, ESC first */
	size_t nseq;
	bool overlong;		/* it outgrew seq: dropped at its end */
	int mouse_bytes;	/* X10 mouse: raw bytes still to come */
	unsigned char u8[4];	/* a UTF-8 character being put together */
	int nu8, need;
	int skip;		/* continuation bytes of an Alt+key to drop */
	bool paste;		/* inside a bracketed paste */
	bool esc_held;		/* ESC ESC: the first one, not yet told */
};

/* Feeds one byte; writes the events it completes to out (at most
 * INPUT_EVENTS) and returns how many. */
size_t input_byte(struct input *in, unsigned char b, struct input_event *out);
/* How long to wait for the rest of an incomplete key (escdelay ms: the
 * escape delay) or paste (2 s) before input_expire(); -1: nothing waits. */
int input_wait(const struct input *in, int escdelay);
/* The wait is over: a lone ESC is the Esc key, an incomplete sequence is
 * dropped (Alt+[ or a lost byte: never an Esc), a paste is ended, the
 * bytes of an unfinished character are Latin-1. */
size_t input_expire(struct input *in, struct input_event *out);

/* Which pane the cell (y, x) falls in, and its line there (-1: the
 * heading); -1 when outside every pane. */
int input_pane_at(const struct layout *l, int y, int x, int *line);

#endif
