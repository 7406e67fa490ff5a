/* SPDX-License-Identifier: MIT
 * pages: help (from the key table) and about texts. */
#include "pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "../core/util.h"
#include "keymap.h"

/* Appends a line of style with the text s[0..n). */
static void
add_n(struct page *p, enum page_style style, const char *s, size_t n)
{
	xgrow((void **)&p->l, &p->cap, p->n + 1, sizeof *p->l);
	p->l[p->n++] = (struct page_line){arena_append(&p->text, s, n), style};
	arena_putc(&p->text, '\0');
}

static void
add(struct page *p, enum page_style style, const char *s)
{
	add_n(p, style, s, strlen(s));
}

/* Where to end a line of s[0..n) that must fit in w columns: after the
 * last space that fits, else after as much as fits (at least one
 * character). *next gets where the following line starts. */
static size_t
wrap_cut(const char *s, size_t n, int w, size_t *next)
{
	size_t fit = text_fit(s, n, w < 1 ? 1 : w, NULL);
	size_t cut = fit;
	if (fit < n) {
		size_t sp = fit;
		while (sp > 0 && s[sp] != ' ')
			sp--;
		if (sp > 0)
			cut = sp;
	}
	if (cut == 0) {	/* never stall on a character wider than w */
		int32_t cp;
		cut = n ? (size_t)text_decode(s, n, &cp) : 0;
	}
	size_t i = cut;
	while (i < n && s[i] == ' ')
		i++;
	*next = i;
	return cut;
}

static void add_wrapped(struct page *p, enum page_style style, const char *s, int w);

/* A key and its description, wrapped to the description column. */
static void
add_key(struct page *p, const char *keys, const char *text, int textw)
{
	size_t n = strlen(text), i = 0;
	bool first = true;
	do {
		size_t next, cut = wrap_cut(text + i, n - i, textw, &next);
		char line[512];
		snprintf(line, sizeof line, "%s\t%.*s", first ? keys : "", (int)cut, text + i);
		add(p, PAGE_KEY, line);
		first = false;
		i += next;
	} while (i < n);
}

void
pages_help(struct page *p, bool ascii, bool restricted, int w)
{
	static const struct {
		enum ui_mode mode;
		const char *title;
	} groups[] = {
		{UI_BROWSE, "On the main screen: type what you look for"},
		{UI_COPY, "After F4 (copy to the clipboard of your terminal)"},
		{UI_PROMPT, "While typing a file name (export, open a file)"},
		{UI_HELP, "On this help and on the About screen"},
	};
	memset(p, 0, sizeof *p);
	/* The key column: as wide as the widest keys, at most a third of w. */
	int keyw = 10;
	for (size_t i = 0; i < keymap_len; i++) {
		char keys[128];
		keymap_keys_for(keymap[i].mode, keymap[i].act, 6, ascii, keys, sizeof keys);
		int kw = text_width(keys, strlen(keys));
		if (kw > keyw)
			keyw = kw;
	}
	if (keyw > w / 3)
		keyw = w / 3 > 4 ? w / 3 : 4;
	p->keyw = keyw;
	int textw = w - 4 - keyw;
	add_wrapped(p, PAGE_HEADING, "Keys of centres", w - 1);
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		if (groups[g].mode == UI_PROMPT && restricted)
			continue;
		add(p, PAGE_TEXT, "");
		add_wrapped(p, PAGE_HEADING, groups[g].title, w - 1);
		bool seen[ACT_COUNT] = {false};
		for (size_t i = 0; i < keymap_len; i++) {
			enum action a = keymap[i].act;
			if (keymap[i].mode != groups[g].mode || seen[a] || !action_allowed(a, restricted))
				continue;
			seen[a] = true;
			char keys[128];
			keymap_keys_for(groups[g].mode, a, 6, ascii, keys, sizeof keys);
			add_key(p, keys, action_help(a), textw);
		}
		if (groups[g].mode == UI_BROWSE)
			add_key(p, "other keys", "Letters, digits, spaces, punctuation, a paste: into the "
			    "search (the lists narrow at each key; no key runs a command)", textw);
	}
	add(p, PAGE_TEXT, "");
	add_wrapped(p, PAGE_HEADING, "Mouse", w - 1);
	add_key(p, "click", "Select a line and focus its pane", textw);
	add_key(p, "wheel", "Scroll the pane under the pointer", textw);
	add_key(p, "Shift+drag", "Select text to copy it with your terminal (the mouse is the "
	    "program's otherwise)", textw);
	add(p, PAGE_TEXT, "");
	add_wrapped(p, PAGE_HEADING, "Searching", w - 1);
	add_key(p, "reunion", "Case and accents do not matter: finds \"La Réunion\"", textw);
	add_key(p, "paris banlieue", "Every word must match, anywhere in the centre's fields", textw);
	add_key(p, "seine-saint-denis", "Hyphens, apostrophes and dots count as spaces", textw);
	add_key(p, "st denis", "st and ste also mean saint and sainte", textw);
	add_key(p, "04 78 77 01 43", "A phone number in any spelling: 0478770143, 04.78..., "
	    "+33 4 78, 0033...", textw);
	add_key(p, "0143", "Digits also match from one of the number's groups", textw);
	add_key(p, "\"val d'oise\"", "Quotes keep a phrase together", textw);
	add_key(p, "territoire:bret", "Look in one column only (nom, territoire, region, tel...)", textw);
	add(p, PAGE_TEXT, "");
	add_wrapped(p, PAGE_HEADING, "Copying", w - 1);
	add_wrapped(p, PAGE_TEXT, "F4, then the entry: each phone number is its own (1, 2...; "
	    "Enter takes the first), then e-mail, website, the whole card. The text goes to "
	    "the clipboard of your own terminal, even over SSH, by the OSC 52 sequence: "
	    "most terminals take it (some must be allowed to; in tmux: set-clipboard on).", w - 2);
	add(p, PAGE_TEXT, "");
	add_wrapped(p, PAGE_TEXT, restricted ? "Ctrl-C twice quits. Restricted mode: "
	    "no export, no other file, no suspend." :
	    "Ctrl-C twice quits. Ctrl-Z suspends; fg comes back.", w - 2);
}

/* Appends s wrapped at w columns, as lines of a style. */
static void
add_wrapped(struct page *p, enum page_style style, const char *s, int w)
{
	size_t n = strlen(s), i = 0;
	if (w < 10)
		w = 10;
	if (n == 0)
		add(p, style, "");
	while (i < n) {
		size_t next, cut = wrap_cut(s + i, n - i, w, &next);
		add_n(p, style, s + i, cut);
		i += next;
	}
}

void
pages_about(struct page *p, int w)
{
	static const char *const paras[] = {
		"#The network of resource centres for urban policy",
		"",
		"The regional resource centres (centres de ressources politique de la ville) "
		"support everyone who puts urban policy into practice in the priority "
		"neighbourhoods, where social cohesion and urban renewal are at stake: "
		"elected officials, civil servants, professionals, associations and residents. "
		"The oldest of them had been at work for some twenty years in 2016.",
		"",
		"They build up the skills of these people through training and the sharing of "
		"practice, and they bring together the political, technical and citizen worlds "
		"to work and think as networks, backed by the State and local authorities.",
		"",
		"Each centre is a place where these actors meet; a place to inform, reflect, "
		"debate and produce knowledge; a means of training people and running networks; "
		"a place that gathers resources and passes them on; and, for some, a source of "
		"support, studies and experiments.",
		"",
		"Together they form a national network with the national agency for territorial "
		"equality (CGET), which opens national information to them. They share tools, "
		"write joint analyses and proposals, take local questions up to national decision "
		"makers, and help fit national policies to local situations.",
		"",
		("Their directors founded an association, \"Question de Ville\", in 2008. "
		"Since 2014 the network has kept a shared press review online."),
		"",
		"#Links",
		"Press review:  http://www.scoop.it/t/actu-politiquedelaville",
		"The centres:   http://www.ville.gouv.fr/?-Centres-de-ressources-regionaux-",
		"",
		"#Places",
		"Towns, postcodes, départements and regions come from the official geographic "
		"code. Source : INSEE, COG, via @etalab/decoupage-administratif (version 6.0.0; "
		"data under the Licence Ouverte / Open Licence, package code under the MIT "
		"licence). Which départements each centre covers is derived from its territory, "
		"with the regions in force since 1 January 2017.",
	};
	memset(p, 0, sizeof *p);
	for (size_t i = 0; i < sizeof paras / sizeof paras[0]; i++) {
		if (paras[i][0] == '#')
			add_wrapped(p, PAGE_HEADING, paras[i] + 1, w);
		else if (strncmp(paras[i], "Press", 5) == 0 || strncmp(paras[i], "The centres:", 12) == 0)
			add(p, PAGE_TEXT, paras[i]);	/* links are never broken across lines */
		else
			add_wrapped(p, PAGE_TEXT, paras[i], w);
	}
}

void
pages_free(struct page *p)
{
	free(p->l);
	arena_free(&p->text);
	memset(p, 0, sizeof *p);
}
