/* SPDX-License-Identifier: MIT
 * input: terminal bytes -> keys, pasted text and mouse events. */
#include "input.h"

#include <string.h>

#include "../app/keys.h"
#include "../core/text.h"

/* A key, unless inside a paste (where keys are never commands). */
static size_t
key(const struct input *in, struct input_event *out, uint32_t k)
{
	if (in->paste)
		return 0;
	out[0] = (struct input_event){INPUT_KEY, k, MOUSE_OTHER, 0, 0};
	return 1;
}

/* A character: typed, or pasted. */
static size_t
character(const struct input *in, struct input_event *out, uint32_t cp)
{
	out[0] = (struct input_event){in->paste ? INPUT_PASTE : INPUT_KEY, cp, MOUSE_OTHER, 0, 0};
	return 1;
}

/* The bytes of an unfinished UTF-8 character, each as Latin-1 (é from a
 * Latin-1 terminal is the byte E9). */
static size_t
flush_u8(struct input *in, struct input_event *out)
{
	size_t k = 0;
	for (int i = 0; i < in->nu8; i++)
		k += character(in, out + k, in->u8[i]);
	in->nu8 = in->need = 0;
	return k;
}

static int
utf8_length(unsigned char b)
{
	return b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
}

/* A byte that is not part of an escape sequence. */
static size_t
text_byte(struct input *in, unsigned char b, struct input_event *out)
{
	size_t k = 0;
	if (in->skip) {		/* the rest of an Alt+key's character */
		if ((b & 0xC0) == 0x80) {
			in->skip--;
			return 0;
		}
		in->skip = 0;
	}
	if (in->nu8) {
		if ((b & 0xC0) == 0x80) {
			in->u8[in->nu8++] = b;
			if (in->nu8 < in->need)
				return 0;
			int32_t cp;
			int len = text_decode((const char *)in->u8, (size_t)in->nu8, &cp);
			if (cp < 0 || len != in->nu8)
				return flush_u8(in, out);
			in->nu8 = in->need = 0;
			return character(in, out, (uint32_t)cp);
		}
		k = flush_u8(in, out);
	}
	int need = b >= 0x80 ? utf8_length(b) : 0;
	if (!need)
		return k + character(in, out + k, b);
	in->u8[0] = b;
	in->nu8 = 1;
	in->need = need;
	return k;
}

/* A mouse report: a press of the left button or a turn of the wheel at
 * cell (y, x); motion, releases and other buttons are dropped. */
static size_t
mouse(const struct input *in, struct input_event *out, int code, int x, int y, bool press)
{
	if (in->paste || !press || (code & 32) || x < 0 || y < 0)
		return 0;
	int b = code & ~(4 | 8 | 16);	/* Shift, Meta, Ctrl */
	enum mouse_button mb = b == 0 ? MOUSE_LEFT : b == 64 ? MOUSE_WHEEL_UP :
	    b == 65 ? MOUSE_WHEEL_DOWN : MOUSE_OTHER;
	if (mb == MOUSE_OTHER)
		return 0;
	out[0] = (struct input_event){INPUT_MOUSE, 0, mb, y, x};
	return 1;
}

/* The final byte both ESC [ and ESC O end cursor keys, Home, End and
 * F1-F4 with (xterm in its two cursor modes); 0 for another. */
static uint32_t
cursor_final(unsigned char b)
{
	switch (b) {
	case 'A': return K_UP;
	case 'B': return K_DOWN;
	case 'C': return K_RIGHT;
	case 'D': return K_LEFT;
	case 'H': return K_HOME;
	case 'F': return K_END;
	case 'P': case 'Q': case 'R': case 'S': return (uint32_t)K_F(b - 'P' + 1);
	default: return 0;
	}
}

/* ESC O and a final byte (SS3): cursor keys, Home, End and F1-F4 in the
 * application modes, the keypad's keys. */
static size_t
ss3(const struct input *in, unsigned char b, struct input_event *out)
{
	/* The keypad in its application mode sends ESC O p..y for 0-9, but
	 * the screen puts it in numeric mode (ESC >): ESC O t..x are a vt100's
	 * F5-F10 (as its terminal description says). */
	static const char vt100_f5[] = "tuvlwx";
	const char *f = strchr(vt100_f5, b);
	if (b && f)
		return key(in, out, (uint32_t)K_F(5 + (f - vt100_f5)));
	if (b == 'p' || b == 'q' || b == 'r' || b == 's' || b == 'y')
		return character(in, out, b == 'y' ? '9' : (uint32_t)('0' + (b - 'p')));
	if (cursor_final(b))
		return key(in, out, cursor_final(b));
	switch (b) {
	case 'M': return key(in, out, '\r');
	case 'j': return character(in, out, '*');
	case 'k': return character(in, out, '+');
	case 'm': return character(in, out, '-');
	case 'n': return character(in, out, '.');
	case 'o': return character(in, out, '/');
	case 'X': return character(in, out, '=');
	default: return 0;
	}
}

/* ESC [ parameters and a final byte (CSI). */
static size_t
csi(struct input *in, unsigned char final, struct input_event *out)
{
	const unsigned char *p = in->seq + 2;
	size_t n = in->nseq - 2;
	int v[4] = {0, 0, 0, 0}, nv = 0;
	bool sgr = n && p[0] == '<';
	for (size_t i = 0; i < n; i++) {
		if (p[i] >= '0' && p[i] <= '9') {
			if (nv == 0)
				nv = 1;
			if (nv <= 4 && v[nv - 1] < 100000)
				v[nv - 1] = v[nv - 1] * 10 + (p[i] - '0');
		} else if (p[i] == ';') {
			nv = nv ? nv + 1 : 2;
		}
	}
	if (sgr)
		return final == 'M' || final == 'm' ? mouse(in, out, v[0], v[1] - 1, v[2] - 1,
		    final == 'M') : 0;
	if (cursor_final(final))
		return key(in, out, cursor_final(final));
	if (final == 'Z')
		return key(in, out, K_BTAB);
	if (final != '~')
		return 0;
	switch (v[0]) {
	case 1: case 7: return key(in, out, K_HOME);
	case 4: case 8: return key(in, out, K_END);
	case 3: return key(in, out, K_DELETE);
	case 5: return key(in, out, K_PGUP);
	case 6: return key(in, out, K_PGDN);
	case 11: case 12: case 13: case 14: case 15:
		return key(in, out, (uint32_t)K_F(v[0] - 10));
	case 17: case 18: case 19: case 20: case 21:
		return key(in, out, (uint32_t)K_F(v[0] - 11));
	case 23: case 24:
		return key(in, out, (uint32_t)K_F(v[0] - 12));
	case 200:
		in->paste = true;
		return 0;
	case 201:
		in->paste = false;
		return 0;
	default:
		return 0;
	}
}

static void
start_sequence(struct input *in)
{
	in->seq[0] = 0x1b;
	in->nseq = 1;
}

/* A byte while an escape sequence is being read. */
static size_t
sequence_byte(struct input *in, unsigned char b, struct input_event *out)
{
	if (in->nseq == 1) {
		if (b == '[' || b == 'O') {
			in->seq[in->nseq++] = b;
			return 0;
		}
		if (b == 0x1b) {
			/* ESC ESC: Esc pressed twice, or Alt with a key that
			 * sends a sequence (rxvt's Alt+Up is ESC ESC [ A). The
			 * first waits to know which. */
			size_t k = in->esc_held ? key(in, out, K_ESC) : 0;
			in->esc_held = true;
			return k;
		}
		/* Alt+key: not an Esc, not a key; its character may take more
		 * bytes. After a held Esc, that one was an Esc. */
		size_t k = in->esc_held ? key(in, out, K_ESC) : 0;
		in->esc_held = false;
		in->nseq = 0;
		in->skip = b >= 0x80 ? utf8_length(b) - 1 : 0;
		if (in->skip < 0)
			in->skip = 0;
		return k;
	}
	in->esc_held = false;	/* Alt+a key that sends a sequence: the key */
	if (in->seq[1] == 'O') {
		in->nseq = 0;
		if (b == 0x1b) {
			start_sequence(in);
			return 0;
		}
		return b >= 0x20 && b < 0x7f ? ss3(in, b, out) : text_byte(in, b, out);
	}
	/* CSI. ESC [ [ A-E: the Linux console's F1-F5. */
	if (in->nseq == 2 && b == '[') {
		in->seq[in->nseq++] = b;
		return 0;
	}
	if (in->nseq == 3 && in->seq[2] == '[') {
		in->nseq = 0;
		return b >= 'A' && b <= 'E' ? key(in, out, (uint32_t)K_F(b - 'A' + 1)) : 0;
	}
	if (in->nseq == 2 && b == 'M') {	/* X10 mouse: three raw bytes follow */
		in->seq[in->nseq++] = b;
		in->mouse_bytes = 3;
		return 0;
	}
	if (b >= 0x20 && b <= 0x3f) {		/* parameters, intermediates */
		if (in->nseq < sizeof in->seq)
			in->seq[in->nseq++] = b;
		else
			in->overlong = true;	/* no key is that long: dropped */
		return 0;
	}
	if (b >= 0x40 && b <= 0x7e) {
		size_t k = in->overlong ? 0 : csi(in, b, out);
		in->nseq = 0;
		in->overlong = false;
		return k;
	}
	/* Broken off: dropped; the byte is what it is. */
	in->nseq = 0;
	in->overlong = false;
	if (b == 0x1b) {
		start_sequence(in);
		return 0;
	}
	return text_byte(in, b, out);
}

size_t
input_byte(struct input *in, unsigned char b, struct input_event *out)
{
	if (in->mouse_bytes) {
		in->seq[in->nseq++] = b;
		if (--in->mouse_bytes)
			return 0;
		in->nseq = 0;
		return mouse(in, out, in->seq[3] - 32, in->seq[4] - 33, in->seq[5] - 33, true);
	}
	if (in->nseq)
		return sequence_byte(in, b, out);
	if (b == 0x1b) {
		size_t k = flush_u8(in, out);
		in->skip = 0;
		start_sequence(in);
		return k;
	}
	return text_byte(in, b, out);
}

int
input_wait(const struct input *in, int escdelay)
{
	if (in->nseq || in->mouse_bytes || in->nu8)
		return escdelay;
	/* A paste never ended (a lost byte): ended when input stops. */
	return in->paste ? 2000 : -1;
}

size_t
input_expire(struct input *in, struct input_event *out)
{
	size_t k = 0;
	if (in->nseq == 1 && !in->mouse_bytes) {
		if (in->esc_held)
			k += key(in, out, K_ESC);
		k += key(in, out + k, K_ESC);
	}
	in->esc_held = in->overlong = false;
	in->nseq = 0;
	in->mouse_bytes = 0;
	k += flush_u8(in, out + k);
	in->skip = 0;
	in->paste = false;
	return k;
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
