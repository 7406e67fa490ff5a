/* SPDX-License-Identifier: MIT
 * input: curses keys and mouse events -> application keys and pointers. */
#include "input.h"

#include <curses.h>
#include <poll.h>

#include "../app/keys.h"
#include "../core/text.h"

/* The application's name for a curses key code, or 0. */
static uint32_t
named_key(uint32_t code)
{
	if (code >= (uint32_t)KEY_F(1) && code <= (uint32_t)KEY_F(12))
		return (uint32_t)K_F(code - (uint32_t)KEY_F0);
	switch (code) {
	case KEY_UP: return K_UP;
	case KEY_DOWN: return K_DOWN;
	case KEY_LEFT: return K_LEFT;
	case KEY_RIGHT: return K_RIGHT;
	case KEY_PPAGE: return K_PGUP;
	case KEY_NPAGE: return K_PGDN;
	case KEY_HOME: return K_HOME;
	case KEY_END: return K_END;
	case KEY_BTAB: return K_BTAB;
	case KEY_DC: return K_DELETE;
	case KEY_ENTER: return '\r';
	case KEY_BACKSPACE: return K_BACKSPACE;
	default: return 0;
	}
}

int
input_read(const struct input *in, uint32_t *ch)
{
	wint_t wc;
	int r = in->bytes ? getch() : get_wch(&wc);
	if (r == ERR)
		return ERR;
	*ch = in->bytes ? (uint32_t)r : (uint32_t)wc;
	return in->bytes ? (r >= KEY_MIN ? KEY_CODE_YES : OK) : r;
}

bool
input_lost(int fd)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

size_t
input_flush(struct input *in, uint32_t out[4])
{
	size_t n = 0;
	for (int i = 0; i < in->npend; i++)
		out[n++] = in->pend[i];
	in->npend = in->need = 0;
	return n;
}

size_t
input_key(struct input *in, int r, uint32_t ch, uint32_t out[4])
{
	if (r == KEY_CODE_YES) {
		size_t n = input_flush(in, out);
		uint32_t k = named_key(ch);
		if (k)
			out[n++] = k;
		return n;
	}
	/* In a locale that is not UTF-8, curses hands over the bytes of a
	 * character typed on a UTF-8 terminal one at a time (é as 0xC3 0xA9):
	 * they are put back together here. Bytes that make no UTF-8 sequence
	 * are taken as Latin-1. */
	if (!in->bytes || ch < 0x80 || ch > 0xFF) {
		size_t n = input_flush(in, out);
		out[n++] = ch;
		return n;
	}
	if (in->npend > 0 && (ch & 0xC0) == 0x80) {	/* a continuation byte */
		in->pend[in->npend++] = (unsigned char)ch;
		if (in->npend < in->need)
			return 0;
		int32_t cp;
		int len = text_decode((const char *)in->pend, (size_t)in->npend, &cp);
		if (cp < 0 || len != in->npend)
			return input_flush(in, out);
		in->npend = in->need = 0;
		out[0] = (uint32_t)cp;
		return 1;
	}
	size_t n = input_flush(in, out);
	int need = ch >= 0xC2 && ch <= 0xDF ? 2 : ch >= 0xE0 && ch <= 0xEF ? 3 :
	    ch >= 0xF0 && ch <= 0xF4 ? 4 : 0;
	if (!need) {
		out[n++] = ch;
		return n;
	}
	in->pend[0] = (unsigned char)ch;
	in->npend = 1;
	in->need = need;
	return n;
}

int
input_pane_at(const struct layout *l, int y, int x, int *line)
{
	for (int p = 0; p < PANE_COUNT; p++) {
		const struct rect *r = &l->pane[p];
		if (r->w > 0 && y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w) {
			*line = y - r->y - 1;
			return p;
		}
	}
	return -1;
}

void
input_mouse_on(void)
{
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	    | BUTTON5_PRESSED
#endif
	    , NULL);
	mouseinterval(0);
}

struct pointer
input_pointer(const struct layout *l, enum pane focus, unsigned long bstate, int y, int x)
{
	struct pointer pt = {POINTER_NONE, focus, 0, 0};
	int line;
	int p = input_pane_at(l, y, x, &line);
	int wheel = bstate & BUTTON4_PRESSED ? -3 : 0;
#ifdef BUTTON5_PRESSED
	if (bstate & BUTTON5_PRESSED)
		wheel = 3;
#endif
	if (wheel) {
		pt.kind = POINTER_WHEEL;
		pt.pane = p < 0 ? focus : (enum pane)p;
		pt.delta = wheel;
	} else if (p >= 0 && (bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))) {
		pt.kind = POINTER_CLICK;
		pt.pane = (enum pane)p;
		pt.line = line;
	}
	return pt;
}
