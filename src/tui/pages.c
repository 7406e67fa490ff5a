/* SPDX-License-Identifier: MIT
 * pages: help (from the key table) and about texts. */
#include "pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/text.h"
#include "../core/util.h"
#include "keymap.h"

static void
add(struct page *p, int style, const char *s)
{
	xgrow((void **)&p->l, &p->cap, p->n + 1, sizeof *p->l);
	p->l[p->n++] = (struct page_line){xstrdup(s), style};
}

void
pages_help(struct page *p, bool ascii)
{
	static const struct {
		enum ui_mode mode;
		const char *title;
	} groups[] = {
		{UI_BROWSE, "Browsing"},
		{UI_FILTER, "While typing a filter"},
		{UI_COPY, "After y (copy to the clipboard of your terminal)"},
		{UI_HELP, "On this help and on the About screen"},
	};
	memset(p, 0, sizeof *p);
	add(p, 1, "Keys of centres");
	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		add(p, 0, "");
		add(p, 1, groups[g].title);
		bool seen[ACT_COUNT] = {false};
		for (size_t i = 0; i < keymap_len; i++) {
			enum action a = keymap[i].act;
			if (keymap[i].mode != groups[g].mode || seen[a])
				continue;
			seen[a] = true;
			char keys[128], line[400];
			keymap_keys_for(groups[g].mode, a, 6, ascii, keys, sizeof keys);
			snprintf(line, sizeof line, "%s\t%s", keys, action_help(a));
			add(p, 2, line);
		}
		if (groups[g].mode == UI_FILTER)
			add(p, 2, "other keys\tType into the filter (the lists narrow at each key)");
	}
	add(p, 0, "");
	add(p, 1, "Mouse");
	add(p, 2, "click\tSelect a line and focus its pane");
	add(p, 2, "wheel\tScroll the pane under the pointer");
	add(p, 0, "");
	add(p, 1, "Filter language");
	add(p, 2, "reunion\tCase and accents do not matter: finds \"La Réunion\"");
	add(p, 2, "paris banlieue\tEvery word must match, anywhere in the centre's fields");
	add(p, 2, "\"val d'oise\"\tQuotes keep a phrase together");
	add(p, 2, "territoire:bret\tLook in one column only (nom, territoire, region, tel...)");
	add(p, 2, "0478\tDigits find phone numbers whatever their spacing");
	add(p, 0, "");
	add(p, 0, "Ctrl-C quits at once. Ctrl-Z suspends; fg comes back.");
}

/* Appends s wrapped at w columns, as text lines. */
static void
add_wrapped(struct page *p, const char *s, int w)
{
	size_t n = strlen(s), i = 0;
	if (w < 10)
		w = 10;
	if (n == 0)
		add(p, 0, "");
	while (i < n) {
		size_t fit = text_fit(s + i, n - i, w, NULL);
		size_t cut = i + fit;
		if (cut < n) {
			size_t sp = cut;
			while (sp > i && s[sp] != ' ')
				sp--;
			if (sp > i)
				cut = sp;
		}
		if (cut == i)	/* never stall on a character wider than w */
			cut = i + (fit ? fit : 1);
		char *line = strndup(s + i, cut - i);
		if (!line)
			die("out of memory");
		add(p, 0, line);
		free(line);
		i = cut;
		while (i < n && s[i] == ' ')
			i++;
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
		"Their directors founded an association, \"Question de Ville\", in 2008. "
		"Since 2014 the network has kept a shared press review online.",
		"",
		"#Links",
		"Press review:  http://www.scoop.it/t/actu-politiquedelaville",
		"The centres:   http://www.ville.gouv.fr/?-Centres-de-ressources-regionaux-",
	};
	memset(p, 0, sizeof *p);
	for (size_t i = 0; i < sizeof paras / sizeof paras[0]; i++) {
		if (paras[i][0] == '#')
			add(p, 1, paras[i] + 1);
		else if (strncmp(paras[i], "Press", 5) == 0 || strncmp(paras[i], "The centres:", 12) == 0)
			add(p, 0, paras[i]);	/* links are never broken across lines */
		else
			add_wrapped(p, paras[i], w);
	}
}

void
pages_free(struct page *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->l[i].text);
	free(p->l);
	memset(p, 0, sizeof *p);
}
