/* SPDX-License-Identifier: MIT
 * keymap: bindings (keys of htop, nano, less and vi all work), key names,
 * and the key bar of each mode. Includes curses only for the KEY_* codes. */
#include "keymap.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)
#define ESC 27

const struct binding keymap[] = {
	{UI_BROWSE, KEY_UP, true, ACT_UP}, {UI_BROWSE, 'k', false, ACT_UP},
	{UI_BROWSE, KEY_DOWN, true, ACT_DOWN}, {UI_BROWSE, 'j', false, ACT_DOWN},
	{UI_BROWSE, KEY_PPAGE, true, ACT_PAGE_UP}, {UI_BROWSE, CTRL('b'), false, ACT_PAGE_UP},
	{UI_BROWSE, KEY_NPAGE, true, ACT_PAGE_DOWN}, {UI_BROWSE, CTRL('f'), false, ACT_PAGE_DOWN},
	{UI_BROWSE, ' ', false, ACT_PAGE_DOWN},
	{UI_BROWSE, KEY_HOME, true, ACT_HOME}, {UI_BROWSE, 'g', false, ACT_HOME},
	{UI_BROWSE, KEY_END, true, ACT_END}, {UI_BROWSE, 'G', false, ACT_END},
	{UI_BROWSE, '\t', false, ACT_NEXT_PANE},
	{UI_BROWSE, KEY_BTAB, true, ACT_PREV_PANE},
	{UI_BROWSE, KEY_LEFT, true, ACT_LEFT}, {UI_BROWSE, 'h', false, ACT_LEFT},
	{UI_BROWSE, KEY_RIGHT, true, ACT_RIGHT}, {UI_BROWSE, 'l', false, ACT_RIGHT},
	{UI_BROWSE, '\n', false, ACT_OPEN}, {UI_BROWSE, '\r', false, ACT_OPEN},
	{UI_BROWSE, KEY_ENTER, true, ACT_OPEN},
	{UI_BROWSE, KEY_BACKSPACE, true, ACT_BACK}, {UI_BROWSE, 127, false, ACT_BACK},
	{UI_BROWSE, CTRL('h'), false, ACT_BACK},
	{UI_BROWSE, '/', false, ACT_FILTER}, {UI_BROWSE, KEY_F(3), true, ACT_FILTER},
	{UI_BROWSE, ESC, false, ACT_FILTER_CANCEL},
	{UI_BROWSE, KEY_F(1), true, ACT_HELP}, {UI_BROWSE, '?', false, ACT_HELP},
	{UI_BROWSE, 'a', false, ACT_ABOUT},
	{UI_BROWSE, 'y', false, ACT_COPY},
	{UI_BROWSE, KEY_F(5), true, ACT_RELOAD}, {UI_BROWSE, 'r', false, ACT_RELOAD},
	{UI_BROWSE, 's', false, ACT_EXPORT}, {UI_BROWSE, KEY_F(2), true, ACT_EXPORT},
	{UI_BROWSE, 'o', false, ACT_LOAD},
	{UI_BROWSE, CTRL('l'), false, ACT_REDRAW},
	{UI_BROWSE, CTRL('z'), false, ACT_SUSPEND},
	{UI_BROWSE, KEY_F(10), true, ACT_QUIT}, {UI_BROWSE, 'q', false, ACT_QUIT},

	{UI_FILTER, '\n', false, ACT_FILTER_ACCEPT}, {UI_FILTER, '\r', false, ACT_FILTER_ACCEPT},
	{UI_FILTER, KEY_ENTER, true, ACT_FILTER_ACCEPT},
	{UI_FILTER, ESC, false, ACT_FILTER_CANCEL},
	{UI_FILTER, CTRL('u'), false, ACT_FILTER_CLEAR},
	{UI_FILTER, KEY_BACKSPACE, true, ACT_FILTER_ERASE}, {UI_FILTER, 127, false, ACT_FILTER_ERASE},
	{UI_FILTER, CTRL('h'), false, ACT_FILTER_ERASE},
	{UI_FILTER, KEY_UP, true, ACT_UP}, {UI_FILTER, KEY_DOWN, true, ACT_DOWN},
	{UI_FILTER, KEY_PPAGE, true, ACT_PAGE_UP}, {UI_FILTER, KEY_NPAGE, true, ACT_PAGE_DOWN},
	{UI_FILTER, KEY_F(1), true, ACT_HELP},
	{UI_FILTER, CTRL('l'), false, ACT_REDRAW},
	{UI_FILTER, KEY_F(10), true, ACT_QUIT},

	{UI_COPY, 'p', false, ACT_COPY_PHONE}, {UI_COPY, 'e', false, ACT_COPY_EMAIL},
	{UI_COPY, 'w', false, ACT_COPY_WEBSITE}, {UI_COPY, 'c', false, ACT_COPY_CARD},
	{UI_COPY, ESC, false, ACT_CANCEL}, {UI_COPY, 'q', false, ACT_CANCEL},
	{UI_COPY, CTRL('l'), false, ACT_REDRAW},
	{UI_COPY, KEY_F(10), true, ACT_QUIT},

	{UI_PROMPT, '\n', false, ACT_ACCEPT}, {UI_PROMPT, '\r', false, ACT_ACCEPT},
	{UI_PROMPT, KEY_ENTER, true, ACT_ACCEPT},
	{UI_PROMPT, ESC, false, ACT_CANCEL},
	{UI_PROMPT, KEY_BACKSPACE, true, ACT_ERASE}, {UI_PROMPT, 127, false, ACT_ERASE},
	{UI_PROMPT, CTRL('h'), false, ACT_ERASE},
	{UI_PROMPT, CTRL('u'), false, ACT_LINE_CLEAR},
	{UI_PROMPT, CTRL('l'), false, ACT_REDRAW},
	{UI_PROMPT, KEY_F(10), true, ACT_QUIT},

	{UI_HELP, KEY_UP, true, ACT_UP}, {UI_HELP, 'k', false, ACT_UP},
	{UI_HELP, KEY_DOWN, true, ACT_DOWN}, {UI_HELP, 'j', false, ACT_DOWN},
	{UI_HELP, KEY_PPAGE, true, ACT_PAGE_UP}, {UI_HELP, KEY_NPAGE, true, ACT_PAGE_DOWN},
	{UI_HELP, ' ', false, ACT_PAGE_DOWN},
	{UI_HELP, KEY_HOME, true, ACT_HOME}, {UI_HELP, 'g', false, ACT_HOME},
	{UI_HELP, KEY_END, true, ACT_END}, {UI_HELP, 'G', false, ACT_END},
	{UI_HELP, 'q', false, ACT_CLOSE}, {UI_HELP, ESC, false, ACT_CLOSE},
	{UI_HELP, '?', false, ACT_CLOSE}, {UI_HELP, KEY_F(1), true, ACT_CLOSE},
	{UI_HELP, '\n', false, ACT_CLOSE}, {UI_HELP, '\r', false, ACT_CLOSE},
	{UI_HELP, KEY_BACKSPACE, true, ACT_CLOSE}, {UI_HELP, KEY_LEFT, true, ACT_CLOSE},
	{UI_HELP, CTRL('l'), false, ACT_REDRAW},
	{UI_HELP, KEY_F(10), true, ACT_QUIT},
};
const size_t keymap_len = sizeof keymap / sizeof keymap[0];

static const struct keybar_item bar_browse[] = {
	{ACT_HELP, 1}, {ACT_FILTER, 1}, {ACT_LEFT, 1}, {ACT_NEXT_PANE, 5}, {ACT_OPEN, 4},
	{ACT_COPY, 3}, {ACT_EXPORT, 7}, {ACT_ABOUT, 6}, {ACT_RELOAD, 2}, {ACT_QUIT, 0},
};
static const struct keybar_item bar_filter[] = {
	{ACT_FILTER_ACCEPT, 0}, {ACT_FILTER_CANCEL, 0}, {ACT_FILTER_CLEAR, 2},
	{ACT_FILTER_ERASE, 3}, {ACT_UP, 4}, {ACT_DOWN, 4}, {ACT_QUIT, 1},
};
static const struct keybar_item bar_copy[] = {
	{ACT_COPY_PHONE, 0}, {ACT_COPY_EMAIL, 0}, {ACT_COPY_WEBSITE, 0},
	{ACT_COPY_CARD, 0}, {ACT_CANCEL, 0},
};
static const struct keybar_item bar_prompt[] = {
	{ACT_ACCEPT, 0}, {ACT_CANCEL, 0}, {ACT_ERASE, 1}, {ACT_LINE_CLEAR, 2},
};
static const struct keybar_item bar_pager[] = {
	{ACT_CLOSE, 0}, {ACT_DOWN, 2}, {ACT_UP, 2}, {ACT_PAGE_DOWN, 1}, {ACT_QUIT, 1},
};

size_t
keymap_bar(enum ui_mode mode, const struct keybar_item **items)
{
	switch (mode) {
	case UI_BROWSE: *items = bar_browse; return sizeof bar_browse / sizeof bar_browse[0];
	case UI_FILTER: *items = bar_filter; return sizeof bar_filter / sizeof bar_filter[0];
	case UI_COPY: *items = bar_copy; return sizeof bar_copy / sizeof bar_copy[0];
	case UI_PROMPT: *items = bar_prompt; return sizeof bar_prompt / sizeof bar_prompt[0];
	default: *items = bar_pager; return sizeof bar_pager / sizeof bar_pager[0];
	}
}

static enum ui_mode
table_mode(enum ui_mode mode)
{
	return mode == UI_ABOUT ? UI_HELP : mode;
}

enum action
keymap_lookup(enum ui_mode mode, uint32_t key, bool fkey)
{
	mode = table_mode(mode);
	for (size_t i = 0; i < keymap_len; i++)
		if (keymap[i].mode == mode && keymap[i].key == key && keymap[i].fkey == fkey)
			return keymap[i].act;
	if ((mode == UI_FILTER || mode == UI_PROMPT) && !fkey && key >= 0x20 && key != 0x7f)
		return ACT_FILTER_INSERT;	/* the prompt's line edits the same way */
	return ACT_NONE;
}

const char *
keymap_key_name(uint32_t key, bool fkey, bool ascii, char *buf, size_t n)
{
	const char *s = NULL;
	if (fkey) {
		if (key >= (uint32_t)KEY_F(1) && key <= (uint32_t)KEY_F(12)) {
			snprintf(buf, n, "F%u", key - (uint32_t)KEY_F0);
			return buf;
		}
		switch (key) {
		case KEY_UP: s = ascii ? "Up" : "↑"; break;
		case KEY_DOWN: s = ascii ? "Down" : "↓"; break;
		case KEY_LEFT: s = ascii ? "Left" : "←"; break;
		case KEY_RIGHT: s = ascii ? "Right" : "→"; break;
		case KEY_PPAGE: s = "PgUp"; break;
		case KEY_NPAGE: s = "PgDn"; break;
		case KEY_HOME: s = "Home"; break;
		case KEY_END: s = "End"; break;
		case KEY_BTAB: s = "Shift-Tab"; break;
		case KEY_ENTER: s = "Enter"; break;
		case KEY_BACKSPACE: s = "Backspace"; break;
		default: s = "?"; break;
		}
	} else {
		switch (key) {
		case '\t': s = "Tab"; break;
		case '\n': case '\r': s = "Enter"; break;
		case ' ': s = "Space"; break;
		case ESC: s = "Esc"; break;
		case 127: case CTRL('h'): s = "Backspace"; break;
		default:
			if (key < 0x20)
				snprintf(buf, n, "Ctrl-%c", (char)(key + '@'));
			else
				snprintf(buf, n, "%c", (char)key);
			return buf;
		}
	}
	snprintf(buf, n, "%s", s);
	return buf;
}

const char *
keymap_keys_for(enum ui_mode mode, enum action a, size_t max, bool ascii, char *buf, size_t n)
{
	size_t len = 0, count = 0;
	buf[0] = '\0';
	mode = table_mode(mode);
	for (size_t i = 0; i < keymap_len && count < max; i++) {
		if (keymap[i].mode != mode || keymap[i].act != a)
			continue;
		char name[32];
		keymap_key_name(keymap[i].key, keymap[i].fkey, ascii, name, sizeof name);
		if (strstr(buf, name))	/* "Enter" once for \n and \r */
			continue;
		int w = snprintf(buf + len, n - len, "%s%s", count ? " " : "", name);
		if (w < 0 || (size_t)w >= n - len)
			break;
		len += (size_t)w;
		count++;
	}
	return buf;
}
