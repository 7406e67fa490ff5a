/* SPDX-License-Identifier: MIT
 * keymap: bindings (keys of htop, nano, less and vi all work), key names,
 * and the key bar of each mode. */
#include "keymap.h"

#include <stdio.h>
#include <string.h>

#include "../core/i18n.h"

#define CTRL(c) K_CTRL(c)
#define ESC K_ESC

/* Commands are function keys, each also a Ctrl-key for terminals without
 * them (the nano way: ^G help, ^S save, ^O open, ^R read...): no printable
 * key runs a command on the main screen, where they type the search. */
const struct binding keymap[] = {
	{UI_BROWSE, K_UP, ACT_UP}, {UI_BROWSE, K_DOWN, ACT_DOWN},
	{UI_BROWSE, K_PGUP, ACT_PAGE_UP}, {UI_BROWSE, K_PGDN, ACT_PAGE_DOWN},
	{UI_BROWSE, K_HOME, ACT_HOME}, {UI_BROWSE, K_END, ACT_END},
	{UI_BROWSE, '\t', ACT_NEXT_PANE}, {UI_BROWSE, K_BTAB, ACT_PREV_PANE},
	{UI_BROWSE, K_LEFT, ACT_LEFT}, {UI_BROWSE, K_RIGHT, ACT_RIGHT},
	{UI_BROWSE, '\r', ACT_OPEN}, {UI_BROWSE, '\n', ACT_OPEN},
	{UI_BROWSE, K_BACKSPACE, ACT_SEARCH_ERASE}, {UI_BROWSE, CTRL('h'), ACT_SEARCH_ERASE},
	{UI_BROWSE, CTRL('w'), ACT_SEARCH_WORD}, {UI_BROWSE, CTRL('u'), ACT_SEARCH_CLEAR},
	{UI_BROWSE, ESC, ACT_ESCAPE},
	{UI_BROWSE, K_F(1), ACT_HELP}, {UI_BROWSE, CTRL('g'), ACT_HELP},
	{UI_BROWSE, K_F(4), ACT_COPY}, {UI_BROWSE, CTRL('y'), ACT_COPY},
	{UI_BROWSE, K_F(2), ACT_EXPORT}, {UI_BROWSE, CTRL('s'), ACT_EXPORT},
	{UI_BROWSE, K_F(3), ACT_LOAD}, {UI_BROWSE, CTRL('o'), ACT_LOAD},
	{UI_BROWSE, K_F(5), ACT_RELOAD}, {UI_BROWSE, CTRL('r'), ACT_RELOAD},
	{UI_BROWSE, K_F(6), ACT_ABOUT}, {UI_BROWSE, CTRL('a'), ACT_ABOUT},
	{UI_BROWSE, K_F(7), ACT_SORT}, {UI_BROWSE, CTRL('t'), ACT_SORT},
	{UI_BROWSE, CTRL('l'), ACT_REDRAW},
	{UI_BROWSE, CTRL('z'), ACT_SUSPEND},
	{UI_BROWSE, CTRL('c'), ACT_INTERRUPT},
	{UI_BROWSE, K_F(10), ACT_QUIT}, {UI_BROWSE, CTRL('q'), ACT_QUIT},
	{UI_BROWSE, CTRL('x'), ACT_QUIT},

	{UI_COPY, '\r', ACT_COPY_FIRST}, {UI_COPY, '\n', ACT_COPY_FIRST},
	{UI_COPY, '1', ACT_COPY_PHONE}, {UI_COPY, '2', ACT_COPY_PHONE},
	{UI_COPY, '3', ACT_COPY_PHONE}, {UI_COPY, '4', ACT_COPY_PHONE},
	{UI_COPY, '5', ACT_COPY_PHONE}, {UI_COPY, '6', ACT_COPY_PHONE},
	{UI_COPY, '7', ACT_COPY_PHONE}, {UI_COPY, '8', ACT_COPY_PHONE},
	{UI_COPY, '9', ACT_COPY_PHONE},
	{UI_COPY, 'e', ACT_COPY_EMAIL}, {UI_COPY, 'w', ACT_COPY_WEBSITE},
	{UI_COPY, 'c', ACT_COPY_CARD},
	{UI_COPY, ESC, ACT_CANCEL}, {UI_COPY, K_F(4), ACT_CANCEL}, {UI_COPY, 'q', ACT_CANCEL},
	{UI_COPY, CTRL('l'), ACT_REDRAW},
	{UI_COPY, CTRL('c'), ACT_INTERRUPT},
	{UI_COPY, K_F(10), ACT_QUIT},

	{UI_PROMPT, '\r', ACT_ACCEPT}, {UI_PROMPT, '\n', ACT_ACCEPT},
	{UI_PROMPT, ESC, ACT_CANCEL},
	{UI_PROMPT, K_BACKSPACE, ACT_ERASE}, {UI_PROMPT, CTRL('h'), ACT_ERASE},
	{UI_PROMPT, CTRL('u'), ACT_LINE_CLEAR},
	{UI_PROMPT, CTRL('l'), ACT_REDRAW},
	{UI_PROMPT, CTRL('c'), ACT_INTERRUPT},
	{UI_PROMPT, K_F(10), ACT_QUIT},

	{UI_HELP, K_UP, ACT_UP}, {UI_HELP, 'k', ACT_UP},
	{UI_HELP, K_DOWN, ACT_DOWN}, {UI_HELP, 'j', ACT_DOWN},
	{UI_HELP, K_PGUP, ACT_PAGE_UP}, {UI_HELP, K_PGDN, ACT_PAGE_DOWN},
	{UI_HELP, ' ', ACT_PAGE_DOWN},
	{UI_HELP, K_HOME, ACT_HOME}, {UI_HELP, K_END, ACT_END},
	{UI_HELP, ESC, ACT_CLOSE}, {UI_HELP, 'q', ACT_CLOSE}, {UI_HELP, K_F(1), ACT_CLOSE},
	{UI_HELP, '\r', ACT_CLOSE}, {UI_HELP, '\n', ACT_CLOSE},
	{UI_HELP, K_BACKSPACE, ACT_CLOSE}, {UI_HELP, K_LEFT, ACT_CLOSE},
	{UI_HELP, CTRL('l'), ACT_REDRAW},
	{UI_HELP, CTRL('c'), ACT_INTERRUPT},
	{UI_HELP, K_F(10), ACT_QUIT},
};
const size_t keymap_len = sizeof keymap / sizeof keymap[0];

static const struct keybar_item bar_browse[] = {
	{ACT_HELP, 0}, {ACT_ESCAPE, 2}, {ACT_LEFT, 1}, {ACT_NEXT_PANE, 5}, {ACT_OPEN, 4},
	{ACT_COPY, 1}, {ACT_SORT, 5}, {ACT_EXPORT, 7}, {ACT_LOAD, 8}, {ACT_RELOAD, 6}, {ACT_ABOUT, 9},
	{ACT_QUIT, 0},
};
static const struct keybar_item bar_copy[] = {
	{ACT_COPY_FIRST, 2}, {ACT_COPY_PHONE, 0}, {ACT_COPY_EMAIL, 1}, {ACT_COPY_WEBSITE, 1},
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
keymap_lookup(enum ui_mode mode, uint32_t key)
{
	mode = table_mode(mode);
	for (size_t i = 0; i < keymap_len; i++)
		if (keymap[i].mode == mode && keymap[i].key == key)
			return keymap[i].act;
	if ((mode == UI_BROWSE || mode == UI_PROMPT) && key >= 0x20 && key != 0x7f && key < K_NAMED)
		return ACT_TYPE;	/* the search, the file name */
	return ACT_NONE;
}

const char *
keymap_key_name(uint32_t key, bool ascii, char *buf, size_t n)
{
	const char *s = NULL;
	if (key >= (uint32_t)K_F(1) && key <= (uint32_t)K_F(12)) {
		snprintf(buf, n, "F%u", key - (uint32_t)K_F0);
		return buf;
	}
	switch (key) {
	/* TRANSLATORS: key names, as the keyboards and manuals of the
	 * language print them; Up, Down, Left and Right only where the
	 * terminal cannot draw arrows. */
	case K_UP: s = ascii ? _("Up") : "↑"; break;
	case K_DOWN: s = ascii ? _("Down") : "↓"; break;
	case K_LEFT: s = ascii ? _("Left") : "←"; break;
	case K_RIGHT: s = ascii ? _("Right") : "→"; break;
	case K_PGUP: s = _("PgUp"); break;
	case K_PGDN: s = _("PgDn"); break;
	case K_HOME: s = _("Home"); break;
	case K_END: s = _("End"); break;
	case K_BTAB: s = _("Shift-Tab"); break;
	case K_DELETE: s = _("Delete"); break;
	case '\t': s = NT_("Tab"); break;
	case '\n': case '\r': s = _("Enter"); break;
	case ' ': s = _("Space"); break;
	case ESC: s = _("Esc"); break;
	case 127: case CTRL('h'): s = _("Backspace"); break;
	default:
		/* Ctrl, as on every keyboard: the key bar writes ^X for it. */
		if (key < 0x20)
			snprintf(buf, n, NT_("Ctrl-%c"), (char)(key + '@'));
		else if (key < 0x80)
			snprintf(buf, n, "%c", (char)key);
		else
			snprintf(buf, n, "?");
		return buf;
	}
	snprintf(buf, n, "%s", s);
	return buf;
}

/* Whether the space-separated names in list include name. */
static bool
has_name(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; (p = strstr(p, name)) != NULL; p += n)
		if ((p == list || p[-1] == ' ' || p[-1] == '/') &&
		    (p[n] == ' ' || p[n] == '/' || p[n] == '\0'))
			return true;
	return false;
}

const char *
keymap_keys_for(enum ui_mode mode, enum action a, size_t max, bool ascii, char *buf, size_t n)
{
	return keymap_keys_joined(mode, a, max, ascii, " ", buf, n);
}

const char *
keymap_keys_joined(enum ui_mode mode, enum action a, size_t max, bool ascii, const char *sep,
    char *buf, size_t n)
{
	size_t len = 0, count = 0;
	buf[0] = '\0';
	mode = table_mode(mode);
	if (a == ACT_COPY_PHONE) {	/* nine digits say it better as one */
		snprintf(buf, n, "1-9");
		return buf;
	}
	for (size_t i = 0; i < keymap_len && count < max; i++) {
		if (keymap[i].mode != mode || keymap[i].act != a)
			continue;
		char name[32];
		keymap_key_name(keymap[i].key, ascii, name, sizeof name);
		/* The key bar is short of room: ^G, nano's way, for Ctrl-G. */
		if (*sep != ' ' && strncmp(name, NT_("Ctrl-"), 5) == 0 && name[5] && !name[6]) {
			name[0] = '^', name[1] = name[5], name[2] = '\0';
		}
		if (has_name(buf, name))	/* "Enter" once for \n and \r */
			continue;
		int w = snprintf(buf + len, n - len, "%s%s", count ? sep : "", name);
		if (w < 0 || (size_t)w >= n - len)
			break;
		len += (size_t)w;
		count++;
	}
	return buf;
}
