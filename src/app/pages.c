/* SPDX-License-Identifier: MIT
 * pages: help (from the key table) and about texts. */
#include "pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/i18n.h"
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

/* A key and its description, each wrapped to its own column (the keys at
 * their spaces: a key's name never is cut, "F1 Ctrl-G" may go on two
 * lines where the column is narrow). */
static void
add_key(struct page *p, const char *keys, const char *text, int keyw, int textw)
{
	size_t n = strlen(text), i = 0, kn = strlen(keys), ki = 0;
	do {
		size_t knext = kn, kcut = 0;
		if (ki < kn)
			kcut = wrap_cut(keys + ki, kn - ki, keyw, &knext);
		size_t next = n, cut = 0;
		if (i < n || n == 0)
			cut = wrap_cut(text + i, n - i, textw, &next);
		char line[512];
		snprintf(line, sizeof line, "%.*s\t%.*s", (int)kcut, keys + ki, (int)cut, text + i);
		add(p, PAGE_KEY, line);
		ki = ki < kn ? ki + knext : kn;
		i = i < n ? i + next : n;
	} while (i < n || ki < kn);
}

/* Raises *max to the columns of the widest of s's space-separated words. */
static void
widest_word(const char *s, int *max)
{
	while (*s) {
		size_t n = strcspn(s, " ");
		int cw = text_width(s, n);
		if (cw > *max)
			*max = cw;
		s += n;
		s += strspn(s, " ");
	}
}

void
pages_help(struct page *p, bool ascii, bool restricted, int w)
{
	static const struct {
		enum ui_mode mode;
		const char *title;
	} groups[] = {
		{UI_BROWSE, N_("On the main screen: type what you look for")},
		{UI_COPY, N_("After F4 (copy to the clipboard of your terminal)")},
		{UI_PROMPT, N_("While typing a file name (export, open a file)")},
		{UI_HELP, N_("On this help and on the About screen")},
	};
	/* The query language by example: the queries stay as typed (French
	 * names, the columns' own names), their meaning is translated. */
	static const struct {
		const char *query, *meaning;
	} examples[] = {
		{NT_("reunion"), N_("Case and accents do not matter: finds \"La Réunion\"")},
		{NT_("paris banlieue"), N_("Every word must match, anywhere in the centre's fields")},
		{NT_("seine-saint-denis"), N_("Hyphens, apostrophes and dots count as spaces")},
		{NT_("st denis"), N_("st and ste also mean saint and sainte")},
		{NT_("04 78 77 01 43"), N_("A phone number in any spelling: 0478770143, 04.78..., "
		    "+33 4 78, 0033...")},
		{NT_("0143"), N_("Digits also match from one of the number's groups")},
		{NT_("\"val d'oise\""), N_("Quotes keep a phrase together")},
		{NT_("territoire:bret"), N_("Look in one column only (nom, territoire, region, tel...)")},
	};
	/* TRANSLATORS: "click", "wheel", "Shift+drag" are in the help's key
	 * column, beside what they do. */
	static const struct {
		const char *what, *does;
	} mouse[] = {
		{N_("click"), N_("Select a line and focus its pane")},
		{N_("wheel"), N_("Scroll the pane under the pointer")},
		{N_("Shift+drag"), N_("Select text to copy it with your terminal (the mouse is "
		    "the program's otherwise)")},
	};
	memset(p, 0, sizeof *p);
	/* The key column: as wide as the widest keys, at most a third of w
	 * (wider keys go on more lines, at their spaces); and as wide as the
	 * widest single name, up to half of w, so that none is cut. */
	int keyw = 10, name = 0;
	for (size_t i = 0; i < keymap_len; i++) {
		char keys[128];
		keymap_keys_for(keymap[i].mode, keymap[i].act, 6, ascii, keys, sizeof keys);
		int kw = text_width(keys, strlen(keys));
		if (kw > keyw)
			keyw = kw;
		widest_word(keys, &name);
	}
	widest_word(_("other keys"), &name);
	for (size_t i = 0; i < sizeof mouse / sizeof mouse[0]; i++)
		widest_word(_(mouse[i].what), &name);
	for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++)
		widest_word(examples[i].query, &name);
	if (keyw > w / 3)
		keyw = w / 3 > 4 ? w / 3 : 4;
	if (keyw < name)
		keyw = name < w / 2 ? name : w / 2;
	p->keyw = keyw;
	int textw = w - 4 - keyw;
	add_wrapped(p, PAGE_HEADING, _("Keys of centres"), w - 1);
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		if (groups[g].mode == UI_PROMPT && restricted)
			continue;
		add(p, PAGE_TEXT, "");
		add_wrapped(p, PAGE_HEADING, _(groups[g].title), w - 1);
		bool seen[ACT_COUNT] = {false};
		for (size_t i = 0; i < keymap_len; i++) {
			enum action a = keymap[i].act;
			if (keymap[i].mode != groups[g].mode || seen[a] || !action_allowed(a, restricted))
				continue;
			seen[a] = true;
			char keys[128];
			keymap_keys_for(groups[g].mode, a, 6, ascii, keys, sizeof keys);
			add_key(p, keys, action_help(a), keyw, textw);
		}
		if (groups[g].mode == UI_BROWSE)
			add_key(p, _("other keys"), _("Letters, digits, spaces, punctuation, a paste: "
			    "into the search (the lists narrow at each key; no key runs a command)"),
			    keyw, textw);
	}
	add(p, PAGE_TEXT, "");
	add_wrapped(p, PAGE_HEADING, _("Mouse"), w - 1);
	for (size_t i = 0; i < sizeof mouse / sizeof mouse[0]; i++)
		add_key(p, _(mouse[i].what), _(mouse[i].does), keyw, textw);
	add(p, PAGE_TEXT, "");
	add_wrapped(p, PAGE_HEADING, _("Searching"), w - 1);
	for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++)
		add_key(p, examples[i].query, _(examples[i].meaning), keyw, textw);
	add(p, PAGE_TEXT, "");
	add_wrapped(p, PAGE_HEADING, _("Copying"), w - 1);
	add_wrapped(p, PAGE_TEXT, _("F4, then the entry: each phone number is its own (1, 2...; "
	    "Enter takes the first), then e-mail, website, the whole card. The text goes to "
	    "the clipboard of your own terminal, even over SSH, by the OSC 52 sequence: "
	    "most terminals take it (some must be allowed to; in tmux: set-clipboard on)."), w - 2);
	add(p, PAGE_TEXT, "");
	add_wrapped(p, PAGE_TEXT, restricted ? _("Ctrl-C twice quits. Restricted mode: "
	    "no export, no other file, no suspend.") :
	    _("Ctrl-C twice quits. Ctrl-Z suspends; fg comes back."), w - 2);
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
	/* Headings, paragraphs (an empty one is an empty line) and links: a
	 * label and its address, which is never broken across lines. */
	enum kind { HEADING, PARA, LINK };
	static const struct {
		enum kind kind;
		const char *text, *url;
	} paras[] = {
		{HEADING, N_("The network of resource centres for urban policy"), NULL},
		{PARA, "", NULL},
		{PARA, N_("The regional resource centres (centres de ressources politique de la ville) "
		"support everyone who puts urban policy into practice in the priority "
		"neighbourhoods, where social cohesion and urban renewal are at stake: "
		"elected officials, civil servants, professionals, associations and residents. "
		"The oldest of them had been at work for some twenty years in 2016."), NULL},
		{PARA, "", NULL},
		{PARA, N_("They build up the skills of these people through training and the sharing of "
		"practice, and they bring together the political, technical and citizen worlds "
		"to work and think as networks, backed by the State and local authorities."), NULL},
		{PARA, "", NULL},
		{PARA, N_("Each centre is a place where these actors meet; a place to inform, reflect, "
		"debate and produce knowledge; a means of training people and running networks; "
		"a place that gathers resources and passes them on; and, for some, a source of "
		"support, studies and experiments."), NULL},
		{PARA, "", NULL},
		{PARA, N_("Together they form a national network with the national agency for territorial "
		"equality (CGET), which opens national information to them. They share tools, "
		"write joint analyses and proposals, take local questions up to national decision "
		"makers, and help fit national policies to local situations."), NULL},
		{PARA, "", NULL},
		{PARA, N_("Their directors founded an association, \"Question de Ville\", in 2008. "
		"Since 2014 the network has kept a shared press review online."), NULL},
		{PARA, "", NULL},
		{HEADING, N_("Links"), NULL},
		{LINK, N_("Press review:"), NT_("http://www.scoop.it/t/actu-politiquedelaville")},
		{LINK, N_("The centres:"), NT_("http://www.ville.gouv.fr/?-Centres-de-ressources-regionaux-")},
		{PARA, "", NULL},
		{HEADING, N_("Places"), NULL},
		{PARA, N_("Towns, postcodes, départements and regions come from the official geographic "
		"code. Source : INSEE, COG, via @etalab/decoupage-administratif (version 6.0.0; "
		"data under the Licence Ouverte / Open Licence, package code under the MIT "
		"licence). Which départements each centre covers is derived from its territory, "
		"with the regions in force since 1 January 2017."), NULL},
	};
	memset(p, 0, sizeof *p);
	/* The links' addresses in one column, after the widest label. */
	int labelw = 0;
	for (size_t i = 0; i < sizeof paras / sizeof paras[0]; i++) {
		if (paras[i].kind != LINK)
			continue;
		const char *l = _(paras[i].text);
		int lw = text_width(l, strlen(l));
		if (lw > labelw)
			labelw = lw;
	}
	for (size_t i = 0; i < sizeof paras / sizeof paras[0]; i++) {
		const char *t = *paras[i].text ? _(paras[i].text) : "";
		if (paras[i].kind == HEADING) {
			add_wrapped(p, PAGE_HEADING, t, w);
		} else if (paras[i].kind == LINK) {
			char line[512];
			int pad = labelw + 2 - text_width(t, strlen(t));
			snprintf(line, sizeof line, "%s%*s%s", t, pad, "", paras[i].url);
			add(p, PAGE_TEXT, line);
		} else {
			add_wrapped(p, PAGE_TEXT, t, w);
		}
	}
}

void
pages_free(struct page *p)
{
	free(p->l);
	arena_free(&p->text);
	memset(p, 0, sizeof *p);
}
