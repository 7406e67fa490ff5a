/* SPDX-License-Identifier: MIT
 * What the terminal sends, as the application's keys and pointer events:
 * curses key codes named, Enter and Backspace made one key each, the bytes
 * of a character put back together outside a UTF-8 locale (and Latin-1
 * bytes taken as such), mouse events hit-tested against the layout; and the
 * OSC 52 sequence of the clipboard. */
#include "unit.h"

#include <curses.h>

#include "app/keys.h"
#include "app/layout.h"
#include "tui/clipboard.h"
#include "tui/input.h"

/* The keys input_key gives for one read, as "k1 k2 ..." in hex. */
static const char *
keys_of(struct input *in, int r, uint32_t ch)
{
	static char buf[64];
	uint32_t out[4];
	size_t n = input_key(in, r, ch, out);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, "%s%x", i ? " " : "", out[i]);
	}
	return buf;
}

static const char *
flushed(struct input *in)
{
	static char buf[64];
	uint32_t out[4];
	size_t n = input_flush(in, out);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, "%s%x", i ? " " : "", out[i]);
	}
	return buf;
}

static void
curses_codes_named(void **state)
{
	(void)state;
	struct input in = {0};
	static const struct {
		int code;
		uint32_t key;
	} named[] = {
		{KEY_UP, K_UP}, {KEY_DOWN, K_DOWN}, {KEY_LEFT, K_LEFT}, {KEY_RIGHT, K_RIGHT},
		{KEY_PPAGE, K_PGUP}, {KEY_NPAGE, K_PGDN}, {KEY_HOME, K_HOME}, {KEY_END, K_END},
		{KEY_BTAB, K_BTAB}, {KEY_DC, K_DELETE}, {KEY_F(1), K_F(1)}, {KEY_F(10), K_F(10)},
		{KEY_F(12), K_F(12)},
		/* One key each, whatever the terminal sends for them. */
		{KEY_ENTER, '\r'}, {KEY_BACKSPACE, K_BACKSPACE},
	};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		uint32_t out[4];
		assert_int_equal(input_key(&in, KEY_CODE_YES, (uint32_t)named[i].code, out), 1);
		assert_int_equal(out[0], named[i].key);
	}
	/* The loop's own, and codes the application has no name for: none. */
	assert_string_equal(keys_of(&in, KEY_CODE_YES, KEY_RESIZE), "");
	assert_string_equal(keys_of(&in, KEY_CODE_YES, KEY_MOUSE), "");
	assert_string_equal(keys_of(&in, KEY_CODE_YES, KEY_F(20)), "");
	assert_string_equal(keys_of(&in, KEY_CODE_YES, KEY_IC), "");
	/* Characters pass as they are, in a UTF-8 locale a whole one a read. */
	assert_string_equal(keys_of(&in, OK, 'q'), "71");
	assert_string_equal(keys_of(&in, OK, 0xE9), "e9");
	assert_string_equal(keys_of(&in, OK, 0x1F600), "1f600");
	assert_string_equal(keys_of(&in, OK, 27), "1b");
}

/* Outside a UTF-8 locale, keys come as bytes. */
static void
bytes_put_together(void **state)
{
	(void)state;
	struct input in = {.bytes = true};
	/* é typed on a UTF-8 terminal: C3 A9. */
	assert_string_equal(keys_of(&in, OK, 0xC3), "");
	assert_string_equal(keys_of(&in, OK, 0xA9), "e9");
	/* € (three bytes) and an emoji (four). */
	assert_string_equal(keys_of(&in, OK, 0xE2), "");
	assert_string_equal(keys_of(&in, OK, 0x82), "");
	assert_string_equal(keys_of(&in, OK, 0xAC), "20ac");
	assert_string_equal(keys_of(&in, OK, 0xF0), "");
	assert_string_equal(keys_of(&in, OK, 0x9F), "");
	assert_string_equal(keys_of(&in, OK, 0x98), "");
	assert_string_equal(keys_of(&in, OK, 0x80), "1f600");
	/* é typed on a Latin-1 terminal: E9, then u. E9 starts a three-byte
	 * sequence that u ends: both come out, E9 as Latin-1. */
	assert_string_equal(keys_of(&in, OK, 0xE9), "");
	assert_string_equal(keys_of(&in, OK, 'u'), "e9 75");
	/* E9 alone, nothing after it: taken as é once input stops. */
	assert_string_equal(keys_of(&in, OK, 0xE9), "");
	assert_string_equal(flushed(&in), "e9");
	assert_string_equal(flushed(&in), "");
	/* A byte that can start nothing (continuation, C0, F8): as Latin-1. */
	assert_string_equal(keys_of(&in, OK, 0xA9), "a9");
	assert_string_equal(keys_of(&in, OK, 0xC0), "c0");
	/* A sequence broken by a key: the byte, then the key. */
	assert_string_equal(keys_of(&in, OK, 0xC3), "");
	assert_string_equal(keys_of(&in, KEY_CODE_YES, KEY_DOWN), "c3 110001");
	/* Broken by a byte that cannot continue it: both as Latin-1 (the
	 * second starts nothing either). */
	assert_string_equal(keys_of(&in, OK, 0xC3), "");
	assert_string_equal(keys_of(&in, OK, 0xC3), "c3");
	assert_string_equal(flushed(&in), "c3");
	/* An overlong form (C0 AF would be '/') is no character. */
	assert_string_equal(keys_of(&in, OK, 0xE0), "");
	assert_string_equal(keys_of(&in, OK, 0x80), "");
	assert_string_equal(keys_of(&in, OK, 0xAF), "e0 80 af");
}

/* The layout of 80x24 (menu left, list above the contact). */
static void
mouse_hit_tests_the_layout(void **state)
{
	(void)state;
	struct layout l;
	layout_compute(80, 24, false, PANE_MENU, &l);
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
	/* The separator between the menu and the list, the title, the key bar. */
	assert_int_equal(input_pane_at(&l, list->y + 1, menu->x + menu->w, &line), -1);
	assert_int_equal(input_pane_at(&l, 0, 10, &line), -1);
	assert_int_equal(input_pane_at(&l, 23, 10, &line), -1);

	/* A left click: that line of that pane. */
	struct pointer p = input_pointer(&l, PANE_MENU, BUTTON1_PRESSED, menu->y + 4, 3);
	assert_int_equal(p.kind, POINTER_CLICK);
	assert_int_equal(p.pane, PANE_MENU);
	assert_int_equal(p.line, 3);
	p = input_pointer(&l, PANE_MENU, BUTTON1_CLICKED, list->y + 2, list->x + 1);
	assert_int_equal(p.kind, POINTER_CLICK);
	assert_int_equal(p.pane, PANE_LIST);
	assert_int_equal(p.line, 1);
	/* Outside every pane: nothing. */
	p = input_pointer(&l, PANE_MENU, BUTTON1_PRESSED, 0, 0);
	assert_int_equal(p.kind, POINTER_NONE);
	/* The wheel: three lines, in the pane under it... */
	p = input_pointer(&l, PANE_MENU, BUTTON4_PRESSED, list->y + 2, list->x + 1);
	assert_int_equal(p.kind, POINTER_WHEEL);
	assert_int_equal(p.pane, PANE_LIST);
	assert_int_equal(p.delta, -3);
#ifdef BUTTON5_PRESSED
	p = input_pointer(&l, PANE_LIST, BUTTON5_PRESSED, menu->y + 2, 1);
	assert_int_equal(p.kind, POINTER_WHEEL);
	assert_int_equal(p.pane, PANE_MENU);
	assert_int_equal(p.delta, 3);
	/* ... or, outside every pane, in the focused one. */
	p = input_pointer(&l, PANE_DETAIL, BUTTON5_PRESSED, 0, 0);
	assert_int_equal(p.kind, POINTER_WHEEL);
	assert_int_equal(p.pane, PANE_DETAIL);
#endif
	/* Another button: nothing. */
	p = input_pointer(&l, PANE_MENU, BUTTON3_PRESSED, menu->y + 2, 1);
	assert_int_equal(p.kind, POINTER_NONE);

	/* The one-pane layout: the pane shown takes every click. */
	layout_compute(50, 20, false, PANE_LIST, &l);
	assert_int_equal(input_pane_at(&l, 5, 0, &line), PANE_LIST);
	assert_int_equal(input_pane_at(&l, 5, 49, &line), PANE_LIST);
	assert_int_equal(line, 5 - l.pane[PANE_LIST].y - 1);
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
		cmocka_unit_test(curses_codes_named),
		cmocka_unit_test(bytes_put_together),
		cmocka_unit_test(mouse_hit_tests_the_layout),
		cmocka_unit_test(osc52_sequence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
