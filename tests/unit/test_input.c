/* SPDX-License-Identifier: MIT
 * What the terminal sends, byte by byte, as the application's keys, pasted
 * text and mouse events: every common form of each key (xterm, PuTTY, rxvt,
 * the Linux console, a vt100, tmux and screen), whatever TERM says; Alt+key
 * never an Esc; a lone Esc once the wait is over; an arrow split by a slow
 * link still an arrow; bracketed paste as text only; UTF-8 put together and
 * Latin-1 bytes taken as such; mouse reports hit-tested against the layout;
 * and the OSC 52 sequence of the clipboard. */
#include "unit.h"

#include "app/keys.h"
#include "app/layout.h"
#include "tui/clipboard.h"
#include "tui/input.h"

/* What a run of bytes gives, as "k1b k110001 p61 mL@3,4" (a key in hex,
 * a pasted character, a mouse press at row 3 column 4); with expire, the
 * wait is over after the last byte. */
static const char *
events(struct input *in, const char *bytes, size_t n, bool expire)
{
	static char buf[512];
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i <= n; i++) {
		struct input_event ev[INPUT_EVENTS];
		size_t k;
		if (i < n)
			k = input_byte(in, (unsigned char)bytes[i], ev);
		else if (expire)
			k = input_expire(in, ev);
		else
			break;
		assert_true(k <= INPUT_EVENTS);
		for (size_t j = 0; j < k && len < sizeof buf; j++) {
			const char *sep = len ? " " : "";
			if (ev[j].kind == INPUT_KEY)
				len += (size_t)snprintf(buf + len, sizeof buf - len, "%sk%x", sep, ev[j].key);
			else if (ev[j].kind == INPUT_PASTE)
				len += (size_t)snprintf(buf + len, sizeof buf - len, "%sp%x", sep, ev[j].key);
			else
				len += (size_t)snprintf(buf + len, sizeof buf - len, "%sm%c@%d,%d", sep,
				    "LUDO"[ev[j].button], ev[j].y, ev[j].x);
		}
	}
	return buf;
}

static const char *
feed(struct input *in, const char *s)
{
	return events(in, s, strlen(s), false);
}

static const char *
key_hex(uint32_t k)
{
	static char buf[16];
	snprintf(buf, sizeof buf, "k%x", k);
	return buf;
}

/* Every form of every key, as one key, with no wait: complete at its last
 * byte, nothing left waiting. */
static void
every_form_of_every_key(void **state)
{
	(void)state;
	static const struct {
		const char *bytes;
		uint32_t key;
	} forms[] = {
		/* Cursor keys, normal and application mode, with modifiers. */
		{"\033[A", K_UP}, {"\033OA", K_UP}, {"\033[1;5A", K_UP}, {"\033[1;2A", K_UP},
		{"\033[B", K_DOWN}, {"\033OB", K_DOWN}, {"\033[1;3B", K_DOWN},
		{"\033[C", K_RIGHT}, {"\033OC", K_RIGHT},
		{"\033[D", K_LEFT}, {"\033OD", K_LEFT},
		/* Home and End: vt220/PuTTY, rxvt, xterm, xterm application. */
		{"\033[1~", K_HOME}, {"\033[7~", K_HOME}, {"\033[H", K_HOME}, {"\033OH", K_HOME},
		{"\033[4~", K_END}, {"\033[8~", K_END}, {"\033[F", K_END}, {"\033OF", K_END},
		{"\033[5~", K_PGUP}, {"\033[6~", K_PGDN}, {"\033[5;5~", K_PGUP},
		{"\033[3~", K_DELETE}, {"\033[Z", K_BTAB},
		/* F1-F4: xterm and vt100 (SS3), PuTTY and rxvt (11~-14~), the
		 * Linux console ([[A-[[E), xterm with a modifier. */
		{"\033OP", K_F(1)}, {"\033[11~", K_F(1)}, {"\033[[A", K_F(1)}, {"\033[1;2P", K_F(1)},
		{"\033OQ", K_F(2)}, {"\033[12~", K_F(2)}, {"\033[[B", K_F(2)},
		{"\033OR", K_F(3)}, {"\033[13~", K_F(3)}, {"\033[[C", K_F(3)},
		{"\033OS", K_F(4)}, {"\033[14~", K_F(4)}, {"\033[[D", K_F(4)}, {"\033[1;5S", K_F(4)},
		{"\033[15~", K_F(5)}, {"\033[[E", K_F(5)}, {"\033Ot", K_F(5)},
		{"\033[17~", K_F(6)}, {"\033Ou", K_F(6)},
		{"\033[18~", K_F(7)}, {"\033Ov", K_F(7)},
		{"\033[19~", K_F(8)}, {"\033Ol", K_F(8)},
		{"\033[20~", K_F(9)}, {"\033Ow", K_F(9)},
		{"\033[21~", K_F(10)}, {"\033Ox", K_F(10)}, {"\033[21;2~", K_F(10)},
		{"\033[23~", K_F(11)}, {"\033[24~", K_F(12)},
		/* Enter from the keypad; the plain keys pass as they are. */
		{"\033OM", '\r'}, {"\r", '\r'}, {"\n", '\n'}, {"\t", '\t'},
		{"\177", K_BACKSPACE}, {"\b", K_CTRL('h')}, {"\003", K_CTRL('c')},
		{"\021", K_CTRL('q')}, {"\007", K_CTRL('g')},
		/* rxvt's Alt+Up (ESC ESC [ A): Up, not an Esc. */
		{"\033\033[A", K_UP},
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		struct input in = {0};
		assert_string_equal(feed(&in, forms[i].bytes), key_hex(forms[i].key));
		assert_int_equal(input_wait(&in, 50), -1);	/* nothing left waiting */
	}
	/* Keys that mean nothing here give nothing, and never an Esc: Insert,
	 * the keypad's 5, an unknown final, F13 and beyond. */
	const char *nothing[] = {"\033[2~", "\033[E", "\033[G", "\033[25~", "\033[99~",
	    "\033[1;5y", "\033O~", "\033[[Z"};
	for (size_t i = 0; i < sizeof nothing / sizeof nothing[0]; i++) {
		struct input in = {0};
		assert_string_equal(events(&in, nothing[i], strlen(nothing[i]), true), "");
	}
	/* Keys one after the other, in one read. */
	struct input in = {0};
	assert_string_equal(feed(&in, "a\033[Bb\033OPc"),
	    "k61 k110001 k62 k11000b k63");
}

/* The keypad's digits in its application mode, should a terminal be left
 * in it: digits and signs still (t..x aside, a vt100's F5-F10). */
static void
keypad_application_mode(void **state)
{
	(void)state;
	struct input in = {0};
	assert_string_equal(feed(&in, "\033Op\033Oq\033Or\033Os\033Oy"), "k30 k31 k32 k33 k39");
	assert_string_equal(feed(&in, "\033Oj\033Ok\033Om\033On\033Oo"), "k2a k2b k2d k2e k2f");
}

/* Esc alone is Esc once the wait is over; Alt+key (ESC then a key) is
 * never an Esc nor the key. */
static void
esc_and_alt(void **state)
{
	(void)state;
	struct input in = {0};
	assert_string_equal(feed(&in, "\033"), "");
	assert_int_equal(input_wait(&in, 50), 50);	/* the loop waits that long */
	assert_string_equal(events(&in, "", 0, true), "k1b");
	assert_int_equal(input_wait(&in, 50), -1);
	/* Alt+a, Alt+é (two bytes), Alt+x then y: only y. */
	assert_string_equal(feed(&in, "\033a"), "");
	assert_string_equal(feed(&in, "\033\303\251"), "");
	assert_string_equal(feed(&in, "\033xy"), "k79");
	/* Alt+[ and Alt+O wait for a sequence that does not come: dropped. */
	assert_string_equal(events(&in, "\033[", 2, true), "");
	assert_string_equal(events(&in, "\033O", 2, true), "");
	/* Esc twice: two Escs; Esc then Alt+b: one. */
	assert_string_equal(events(&in, "\033\033", 2, true), "k1b k1b");
	assert_string_equal(feed(&in, "\033\033b"), "k1b");
	assert_string_equal(events(&in, "\033\033\033", 3, true), "k1b k1b k1b");
	/* A sequence broken by a byte that cannot be in one: dropped, the
	 * byte kept (an Enter is not lost). */
	assert_string_equal(feed(&in, "\033[1\r"), "kd");
	/* A sequence too long to be a key: dropped, what follows read. */
	char longseq[80] = "\033[";
	memset(longseq + 2, '1', 70);
	strcpy(longseq + 72, "~z");
	assert_string_equal(feed(&in, longseq), "k7a");
}

/* Over a slow link ESC and [B may come 120 ms apart: the loop waits the
 * escape delay (input_wait) before it calls input_expire, so bytes that
 * come within it finish the arrow; nothing is an Esc meanwhile. */
static void
arrow_split_by_the_network(void **state)
{
	(void)state;
	struct input in = {0};
	assert_string_equal(feed(&in, "\033"), "");
	assert_int_equal(input_wait(&in, 300), 300);
	assert_string_equal(feed(&in, "["), "");
	assert_int_equal(input_wait(&in, 300), 300);
	assert_string_equal(feed(&in, "B"), key_hex(K_DOWN));
	/* F10 cut after each byte. */
	const char *f10 = "\033[21~";
	for (size_t i = 0; f10[i]; i++)
		assert_string_equal(events(&in, f10 + i, 1, false), f10[i + 1] ? "" : key_hex(K_F(10)));
}

static void
bracketed_paste(void **state)
{
	(void)state;
	struct input in = {0};
	/* Text, line breaks and all, as pasted characters; a key's bytes in
	 * it are text too, never keys (a pasted Esc or F10 does nothing). */
	assert_string_equal(feed(&in, "\033[200~04 7\r\n8\033[201~"),
	    "p30 p34 p20 p37 pd pa p38");
	assert_string_equal(feed(&in, "\033[200~a\033[21~\033\033[Bq\003\033[201~x"),
	    "p61 p71 p3 k78");
	/* UTF-8 in a paste. */
	assert_string_equal(feed(&in, "\033[200~\303\251\033[201~"), "pe9");
	/* A paste never ended (a byte lost): over when input stops. */
	assert_string_equal(feed(&in, "\033[200~ab"), "p61 p62");
	assert_int_equal(input_wait(&in, 50), 2000);
	assert_string_equal(events(&in, "", 0, true), "");
	assert_string_equal(feed(&in, "c"), "k63");
}

/* Outside a UTF-8 terminal, or with one, keys come as bytes. */
static void
bytes_put_together(void **state)
{
	(void)state;
	struct input in = {0};
	/* é typed on a UTF-8 terminal: C3 A9; €, an emoji. */
	assert_string_equal(feed(&in, "\303"), "");
	assert_int_equal(input_wait(&in, 50), 50);
	assert_string_equal(feed(&in, "\251"), "ke9");
	assert_string_equal(feed(&in, "\342\202\254"), "k20ac");
	assert_string_equal(feed(&in, "\360\237\230\200"), "k1f600");
	/* é typed on a Latin-1 terminal: E9, then u. E9 starts a three-byte
	 * sequence that u ends: both come out, E9 as Latin-1. */
	assert_string_equal(feed(&in, "\351u"), "ke9 k75");
	/* E9 alone, nothing after it: taken as é once input stops. */
	assert_string_equal(events(&in, "\351", 1, true), "ke9");
	/* A byte that can start nothing (continuation, C0): as Latin-1. */
	assert_string_equal(feed(&in, "\251\300"), "ka9 kc0");
	/* A character broken by a key: the byte, then the key. */
	assert_string_equal(feed(&in, "\303\033[B"), "kc3 k110001");
	/* An overlong form (E0 80 AF would be '/') is no character. */
	assert_string_equal(feed(&in, "\340\200\257"), "ke0 k80 kaf");
}

/* Mouse reports: X10 (ESC [ M and three bytes) and SGR (ESC [ < ... M);
 * a press of the left button or the wheel, releases and motion dropped. */
static void
mouse_reports(void **state)
{
	(void)state;
	struct input in = {0};
	/* X10: button 0 at column 5, row 3 (from 1, plus 32). */
	assert_string_equal(feed(&in, "\033[M %#"), "mL@2,4");
	assert_string_equal(feed(&in, "\033[M`!!"), "mU@0,0");	/* 96: wheel up */
	assert_string_equal(feed(&in, "\033[Ma!!"), "mD@0,0");
	assert_string_equal(feed(&in, "\033[M#!!"), "");	/* 3: a release */
	/* SGR, which has room for column 300. */
	assert_string_equal(feed(&in, "\033[<0;300;12M"), "mL@11,299");
	assert_string_equal(feed(&in, "\033[<0;300;12m"), "");
	assert_string_equal(feed(&in, "\033[<65;1;1M"), "mD@0,0");
	assert_string_equal(feed(&in, "\033[<32;4;4M"), "");	/* motion */
	assert_string_equal(feed(&in, "\033[<2;4;4M"), "");	/* right button */
	assert_string_equal(feed(&in, "\033[<16;4;4M"), "mL@3,3");	/* Ctrl-click */
	/* Malformed: nothing, and nothing afterwards is lost. */
	assert_string_equal(feed(&in, "\033[<0;0;0Mz"), "k7a");
	assert_string_equal(feed(&in, "\033[<;;Mz"), "k7a");
	/* Inside a paste, a mouse report is nothing. */
	assert_string_equal(feed(&in, "\033[200~\033[<0;5;5M\033[201~"), "");
}

/* The layout of 80x24 (menu left, list above the contact). */
static void
mouse_hit_tests_the_layout(void **state)
{
	(void)state;
	struct layout l;
	layout_compute(80, 24, true, PANE_MENU, &l);
	const struct rect *list = &l.pane[PANE_LIST], *menu = &l.pane[PANE_MENU];
	int line;
	/* The list's heading, its first and third lines. */
	assert_int_equal(input_pane_at(&l, list->y, list->x, &line), PANE_LIST);
	assert_int_equal(line, -1);
	assert_int_equal(input_pane_at(&l, list->y + 1, list->x + 5, &line), PANE_LIST);
	assert_int_equal(line, 0);
	assert_int_equal(input_pane_at(&l, list->y + 3, list->x + list->w - 1, &line), PANE_LIST);
	assert_int_equal(line, 2);
	/* The contact, under the list. */
	assert_int_equal(input_pane_at(&l, list->y + list->h, list->x, &line), PANE_DETAIL);
	assert_int_equal(line, -1);
	/* The menu's fourth line. */
	assert_int_equal(input_pane_at(&l, menu->y + 4, 3, &line), PANE_MENU);
	assert_int_equal(line, 3);
	/* The separator between the menu and the list, the title, the key bar. */
	assert_int_equal(input_pane_at(&l, list->y + 1, menu->x + menu->w, &line), -1);
	assert_int_equal(input_pane_at(&l, 0, 10, &line), -1);
	assert_int_equal(input_pane_at(&l, 23, 10, &line), -1);
	/* The one-pane layout: the pane shown takes every click. */
	layout_compute(50, 20, true, PANE_LIST, &l);
	assert_int_equal(input_pane_at(&l, 5, 0, &line), PANE_LIST);
	assert_int_equal(input_pane_at(&l, 5, 49, &line), PANE_LIST);
	assert_int_equal(line, 5 - l.pane[PANE_LIST].y - 1);
}

/* Random bytes never crash the decoder nor give more events than it says,
 * and after them a lone Esc and an arrow are read as such. */
static void
random_bytes(void **state)
{
	(void)state;
	struct input in = {0};
	unsigned seed = 12345;
	char buf[4096];
	for (int round = 0; round < 200; round++) {
		for (size_t i = 0; i < sizeof buf; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) & 0xff;
			/* Mostly the bytes of sequences. */
			buf[i] = (char)(r < 64 ? 0x1b : r < 128 ? (unsigned char)"[O;~<M0123456789ABCDPQRS"[r % 24] : r);
		}
		events(&in, buf, sizeof buf, true);
		assert_string_equal(events(&in, "\033", 1, true), "k1b");
		assert_string_equal(feed(&in, "\033[A"), key_hex(K_UP));
	}
}

static void
osc52_sequence(void **state)
{
	(void)state;
	size_t n;
	char *s = clipboard_osc52("02 61 91 55 42", false, &n);
	assert_string_equal(s, "\033]52;c;MDIgNjEgOTEgNTUgNDI=\007");
	assert_int_equal(n, strlen(s));
	free(s);
	/* Every padding length, and bytes above 0x7F (UTF-8). */
	s = clipboard_osc52("a", false, &n);
	assert_string_equal(s, "\033]52;c;YQ==\007");
	free(s);
	s = clipboard_osc52("ab", false, &n);
	assert_string_equal(s, "\033]52;c;YWI=\007");
	free(s);
	s = clipboard_osc52("Île", false, &n);
	assert_string_equal(s, "\033]52;c;w45sZQ==\007");
	free(s);
	/* GNU screen passes it on inside its own sequence. */
	s = clipboard_osc52("abc", true, &n);
	assert_string_equal(s, "\033P\033]52;c;YWJj\007\033\\");
	free(s);
	s = clipboard_osc52("", false, &n);
	assert_string_equal(s, "\033]52;c;\007");
	free(s);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_form_of_every_key),
		cmocka_unit_test(keypad_application_mode),
		cmocka_unit_test(esc_and_alt),
		cmocka_unit_test(arrow_split_by_the_network),
		cmocka_unit_test(bracketed_paste),
		cmocka_unit_test(bytes_put_together),
		cmocka_unit_test(mouse_reports),
		cmocka_unit_test(mouse_hit_tests_the_layout),
		cmocka_unit_test(random_bytes),
		cmocka_unit_test(osc52_sequence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
