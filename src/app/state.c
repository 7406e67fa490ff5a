/* SPDX-License-Identifier: MIT
 * state: the screen's model and every change to it. */
#include "state.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/i18n.h"
#include "../core/text.h"
#include "../core/util.h"

void
state_status(struct state *st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(st->status, sizeof st->status, fmt, ap);
	va_end(ap);
}

static const struct table *
T(const struct state *st)
{
	return &st->d->t;
}

uint32_t
state_entry(const struct state *st)
{
	return st->nmenu ? st->menu[st->c[PANE_MENU].cur] : 0;
}

long
state_row(const struct state *st)
{
	return st->nlist ? (long)st->list[st->c[PANE_LIST].cur] : -1;
}

bool
state_offers(const struct state *st, enum action a)
{
	return action_allowed(a, st->opt.restricted);
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* The rows of the selected entry that match the filter, in file order. */
static void
list_rows(struct state *st)
{
	const struct index *ix = &st->d->ix;
	uint32_t e = state_entry(st);
	const struct entry *en = &ix->e[e];
	/* Its memory kept from key to key: a million rows' list is 4 MB,
	 * new pages at each key otherwise. */
	st->nlist = 0;
	if (en->kind == ENTRY_ALL) {
		xgrow((void **)&st->list, &st->list_cap, st->f.n + 1, sizeof *st->list);
		if (st->f.n)
			memcpy(st->list, st->f.rows, st->f.n * sizeof *st->list);
		st->nlist = st->f.n;
		return;
	}
	size_t first = e, last = e + 1;
	if (en->kind == ENTRY_REGION)
		for (first = e + 1, last = first; index_child(ix, e, last); last++)
			;
	size_t cap = 0;
	for (size_t i = first; i < last; i++)
		cap += ix->e[i].nrows;
	xgrow((void **)&st->list, &st->list_cap, cap + 1, sizeof *st->list);
	for (size_t i = first; i < last; i++)
		for (size_t j = 0; j < ix->e[i].nrows; j++)
			if (st->f.hit[ix->e[i].rows[j]])
				st->list[st->nlist++] = ix->e[i].rows[j];
	if (en->kind == ENTRY_REGION)
		qsort(st->list, st->nlist, sizeof *st->list, cmp_u32);
}

static void entry_changed(struct state *st, long keep_row);

/* The list in the order chosen (F7): the file's, by name, by territory. */
static void
build_list(struct state *st)
{
	list_rows(st);
	if (st->order != SORT_FILE)
		sort_rows(&st->sort, T(st), st->order, st->list, st->nlist);
}

/* F7: the next order (the file's, by name, by territory, the file's...);
 * the selected centre stays selected, wherever it lands. */
static unsigned
sort_next(struct state *st)
{
	long row = state_row(st);
	st->order = (enum sort_key)((st->order + 1) % SORT_COUNT);
	entry_changed(st, row);
	state_status(st, "%s", st->order == SORT_NAME ? _("Centres sorted by name.") :
	    st->order == SORT_TERRITORY ? _("Centres sorted by territory, then by name.") :
	    _("Centres in the order of the file."));
	return REACT_DRAW;
}

/* Counts and visible menu entries under the current filter. */
static void
build_menu(struct state *st)
{
	const struct index *ix = &st->d->ix;
	size_t nrows = T(st)->nrows;
	free(st->counts);
	free(st->menu);
	st->counts = xcalloc(ix->n ? ix->n : 1, sizeof *st->counts);
	st->menu = xmalloc((ix->n ? ix->n : 1) * sizeof *st->menu);
	st->nmenu = 0;
	index_count_rows(ix, st->f.rows, st->f.n, st->f.hit, nrows, st->counts);
	for (size_t i = 0; i < ix->n; i++) {
		if (ix->e[i].kind == ENTRY_REGION) {
			size_t c = 0;
			for (size_t j = i + 1; index_child(ix, i, j); j++)
				c += st->counts[j];
			st->counts[i] = c;
		} else if (ix->e[i].kind == ENTRY_ALL) {
			st->counts[i] = st->f.n;
		}
	}
	for (size_t i = 0; i < ix->n; i++)
		if (ix->e[i].kind == ENTRY_ALL || !st->f.active || st->counts[i] > 0)
			st->menu[st->nmenu++] = (uint32_t)i;
}

/* Keeps a cursor inside n lines and its line inside a window of rows.
 * When the cursor leaves the window, the window moves by half its height
 * (the cursor lands in the middle), not by one line: over a slow link each
 * scroll rewrites the whole pane, so it had better happen rarely. */
static void
clamp_cursor(struct cursor *c, size_t n, int rows)
{
	if (n == 0) {
		c->cur = c->top = 0;
		return;
	}
	if (c->cur >= n)
		c->cur = n - 1;
	size_t r = rows > 0 ? (size_t)rows : 1;
	if (c->cur < c->top)
		c->top = c->cur > r / 2 ? c->cur - r / 2 : 0;
	if (c->cur >= c->top + r)
		c->top = c->cur - r / 2;
	if (c->top + r > n)
		c->top = n > r ? n - r : 0;
}

/* The card of the selected centre, laid out again when the centre or the
 * width of its pane changed. */
static const struct detail *
card(struct state *st)
{
	/* The pane less a margin each side; its full width when not shown. */
	int pw = st->lay.pane[PANE_DETAIL].w > 0 ? st->lay.pane[PANE_DETAIL].w : st->width;
	int w = pw > 3 ? pw - 2 : 1;
	long r = state_row(st);
	if (r != st->card_row || w != st->card_width) {
		st->card.n = 0;
		if (r >= 0)
			detail_build(&st->card, T(st), (size_t)r, filter_via(&st->f, (size_t)r), w);
		st->card_row = r;
		st->card_width = w;
	}
	return &st->card;
}

const struct detail *
state_card(const struct state *st)
{
	return &st->card;
}

static void
clamp_all(struct state *st)
{
	clamp_cursor(&st->c[PANE_MENU], st->nmenu, layout_rows(&st->lay, PANE_MENU));
	clamp_cursor(&st->c[PANE_LIST], st->nlist, layout_rows(&st->lay, PANE_LIST));
	st->card_row = -2;	/* the card must be laid out again */
	/* A wider pane makes a shorter card: never scroll past its end. */
	size_t n = card(st)->n;
	int rows = layout_rows(&st->lay, PANE_DETAIL);
	size_t r = rows > 0 ? (size_t)rows : 1;
	size_t max = n > r ? n - r : 0;
	if (st->c[PANE_DETAIL].top > max)
		st->c[PANE_DETAIL].top = max;
}

/* Lines a page shows: the screen less the title and the key bar. */
static long
page_rows(const struct state *st)
{
	return st->height > 2 ? st->height - 2 : 1;
}

/* The help or about page, laid out again for a new mode or width; its
 * first line kept inside it. */
static void
page_sync(struct state *st)
{
	if (st->mode != UI_HELP && st->mode != UI_ABOUT)
		return;
	if (st->page_mode != st->mode || st->page_width != st->width) {
		pages_free(&st->page);
		if (st->mode == UI_HELP)
			pages_help(&st->page, st->opt.ascii, st->opt.restricted, st->width);
		else
			pages_about(&st->page, st->width - 4);
		st->page_mode = st->mode;
		st->page_width = st->width;
	}
	long max = (long)st->page.n - page_rows(st);
	if ((long)st->pager_top > max)
		st->pager_top = max > 0 ? (size_t)max : 0;
}

/* After every change: what the view reads is up to date. */
static void
sync(struct state *st)
{
	card(st);
	page_sync(st);
}

/* Selects index entry e in the menu if visible (else the first line). */
static void
select_entry(struct state *st, uint32_t e)
{
	st->c[PANE_MENU].cur = 0;
	for (size_t i = 0; i < st->nmenu; i++)
		if (st->menu[i] == e)
			st->c[PANE_MENU].cur = i;
}

static void
select_row(struct state *st, long row)
{
	st->c[PANE_LIST].cur = 0;
	for (size_t i = 0; i < st->nlist; i++)
		if ((long)st->list[i] == row)
			st->c[PANE_LIST].cur = i;
}

/* Re-reads the selected entry's centres, keeping the centre if present. */
static void
entry_changed(struct state *st, long keep_row)
{
	build_list(st);
	select_row(st, keep_row);
	st->c[PANE_DETAIL].top = 0;
	clamp_all(st);
}

/* Applies the filter line; the menu keeps the selected entry while it still
 * has matches, and the list keeps the selected centre. */
static void
refilter(struct state *st)
{
	st->search_waiting = false;
	st->searches++;
	uint32_t e = state_entry(st);
	long row = state_row(st);
	filter_set(&st->f, T(st), st->query.s);
	build_menu(st);
	select_entry(st, e);
	entry_changed(st, row);
}

/* The layout for the size and the pane in front (the search line is
 * always there). */
static void
relayout(struct state *st)
{
	layout_compute(st->width, st->height, true, st->focus, &st->lay);
	clamp_all(st);
}

void
state_init(struct state *st, const struct directory *d, const struct state_opts *o,
    int width, int height)
{
	memset(st, 0, sizeof *st);
	st->d = d;
	st->opt = *o;
	st->order = o->order;
	st->card_row = -2;
	st->page_mode = UI_BROWSE;
	filter_init(&st->f);
	sort_init(&st->sort);
	filter_set(&st->f, T(st), "");
	build_menu(st);
	build_list(st);
	st->focus = PANE_MENU;
	state_resize(st, width, height);
}

void
state_free(struct state *st)
{
	filter_free(&st->f);
	sort_free(&st->sort);
	free(st->counts);
	free(st->menu);
	free(st->list);
	detail_free(&st->card);
	pages_free(&st->page);
	memset(st, 0, sizeof *st);
}

void
state_resize(struct state *st, int width, int height)
{
	st->width = width;
	st->height = height;
	relayout(st);
	sync(st);
}

/* Lines and visible rows of a pane, for moving its cursor. */
static size_t
pane_lines(struct state *st, enum pane p)
{
	if (p == PANE_MENU)
		return st->nmenu;
	if (p == PANE_LIST)
		return st->nlist;
	return card(st)->n;
}

static unsigned
move(struct state *st, enum pane p, long delta, int absolute)
{
	size_t n = pane_lines(st, p);
	int rows = layout_rows(&st->lay, p);
	if (p == PANE_DETAIL) {
		/* The card scrolls; it has no cursor. */
		size_t r = rows > 0 ? (size_t)rows : 1;
		size_t max = n > r ? n - r : 0;
		long top = absolute == 1 ? 0 : absolute == 2 ? (long)max
		    : (long)st->c[PANE_DETAIL].top + delta;
		st->c[PANE_DETAIL].top = top < 0 ? 0 : (size_t)top > max ? max : (size_t)top;
		return REACT_DRAW;
	}
	struct cursor *c = &st->c[p];
	if (n == 0)
		return REACT_NONE;
	long cur = absolute == 1 ? 0 : absolute == 2 ? (long)n - 1 : (long)c->cur + delta;
	if (cur < 0)
		cur = 0;
	if (cur >= (long)n)
		cur = (long)n - 1;
	if ((size_t)cur == c->cur)
		return REACT_NONE;
	c->cur = (size_t)cur;
	clamp_cursor(c, n, rows);
	if (p == PANE_MENU)
		entry_changed(st, -1);
	else
		st->c[PANE_DETAIL].top = 0;
	return REACT_DRAW;
}

static void
set_focus(struct state *st, enum pane p)
{
	st->focus = p;
	relayout(st);	/* the narrow layout shows it */
}

/* The line being typed: the prompt's file name, else the filter. */
static struct lineedit *
typed_line(struct state *st)
{
	return st->mode == UI_PROMPT ? &st->input : &st->query;
}

/* The search changed: the lists narrow (or widen) at once; what is found
 * shows in the list of centres, which takes the focus (from the menu, or
 * from the card: in the one-pane layout the list is what is shown). */
static unsigned
searched(struct state *st)
{
	refilter(st);
	if (st->query.len && st->focus != PANE_LIST) {
		st->focus = PANE_LIST;	/* from the menu, or the card */
		relayout(st);
	}
	return REACT_DRAW;
}

/* Appends ch (a Unicode character) to the line being typed: the file name,
 * or the search. */
static unsigned
line_typed(struct state *st, uint32_t ch)
{
	if (!line_insert(typed_line(st), ch))
		return REACT_NONE;
	return st->mode == UI_PROMPT ? REACT_DRAW : searched(st);
}

static unsigned
line_backspace(struct state *st)
{
	if (!line_erase(typed_line(st)))
		return REACT_NONE;
	return st->mode == UI_PROMPT ? REACT_DRAW : searched(st);
}

bool
state_type_ahead(struct state *st, uint32_t ch)
{
	if (st->mode != UI_BROWSE || !line_insert(&st->query, ch))
		return false;
	st->search_waiting = true;
	return true;
}

unsigned
state_search_now(struct state *st)
{
	if (!st->search_waiting)
		return REACT_NONE;
	unsigned react = searched(st);
	sync(st);
	return react;
}

void
state_paste(struct state *st, const char *s, size_t n)
{
	state_search_now(st);
	if (st->mode != UI_PROMPT)
		st->mode = UI_BROWSE;	/* pasted text goes into the search */
	struct lineedit *l = typed_line(st);
	bool any = false;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		int len = text_decode(s + i, n - i, &cp);
		i += (size_t)len;
		if (cp == '\n' || cp == '\r' || cp == '\t')
			cp = ' ';
		if (cp == ' ' && (l->len == 0 || l->s[l->len - 1] == ' '))
			continue;	/* one space between words, none first */
		any |= cp >= 0 && line_insert(l, (uint32_t)cp);
	}
	if (any && st->mode != UI_PROMPT)
		searched(st);
	sync(st);
}

/* A feature that restricted mode takes away: its key only says so. */
static unsigned
disabled(struct state *st, enum action a)
{
	/* TRANSLATORS: %s is the help text of the key ("Export the centres shown to a CSV file"). */
	state_status(st, _("%s: disabled in restricted mode."), action_help(a));
	return REACT_DRAW;
}

/* Opens the file-name prompt, pre-filled with the name last typed for the
 * same purpose (to correct it after a failure), else with text. */
static unsigned
open_prompt(struct state *st, enum prompt_kind k, const char *text)
{
	if (st->prompt != k || st->input.len == 0)
		line_set(&st->input, text);
	st->mode = UI_PROMPT;
	st->prompt = k;
	st->status[0] = '\0';
	return REACT_DRAW;
}

static unsigned
accept_prompt(struct state *st)
{
	st->mode = UI_BROWSE;
	if (st->input.len == 0) {
		state_status(st, _("No file name: nothing done."));
		return REACT_DRAW;
	}
	return REACT_DRAW | (st->prompt == PROMPT_EXPORT ? REACT_EXPORT : REACT_LOAD);
}

/* Asks app.c for the text of a field of the selected centre (the n-th
 * phone number; ROLE_NONE: the whole card). */
static unsigned
copy(struct state *st, enum role role, unsigned n)
{
	st->mode = UI_BROWSE;
	if (state_row(st) < 0) {
		state_status(st, _("Nothing to copy: no centre is selected."));
		return REACT_DRAW;
	}
	st->copy_role = role;
	st->copy_index = n;
	return REACT_DRAW | REACT_COPY;
}

/* Erases the last word of the search and the spaces after it. */
static unsigned
erase_word(struct state *st)
{
	struct lineedit *l = &st->query;
	if (!l->len)
		return REACT_NONE;
	while (l->len && l->s[l->len - 1] == ' ')
		l->len--;
	while (l->len && l->s[l->len - 1] != ' ')
		l->len--;
	l->s[l->len] = '\0';
	return searched(st);
}

/* The copy menu of the selected centre, on the status line: each phone
 * number its own entry, then the e-mail, the website, the card. */
static unsigned
open_copy(struct state *st)
{
	long r = state_row(st);
	if (r < 0) {
		state_status(st, _("Nothing to copy: no centre is selected."));
		return REACT_DRAW;
	}
	const struct table *t = T(st);
	/* TRANSLATORS: the copy menu, on the status line: "Copy: 1 04 78 77
	 * 01 43   e e-mail  w website  c card  (Esc: cancel)"; the letters are
	 * the keys (e, w, c), the words what they copy. */
	size_t len = (size_t)snprintf(st->status, sizeof st->status, "%s", _("Copy:"));
	size_t phones = 0;
	bool email = false, web = false;
	for (size_t c = 0; c < t->ncols && len < sizeof st->status; c++) {
		size_t n;
		const char *f = table_field(t, (size_t)r, c, &n);
		enum role role = t->cols[c].role;
		if (!n)
			continue;
		if (role == ROLE_PHONE && phones < 9)
			len += (size_t)snprintf(st->status + len, sizeof st->status - len, " %zu %.*s  ",
			    ++phones, (int)text_cut(f, n, 40), f);
		email |= role == ROLE_EMAIL;
		web |= role == ROLE_WEBSITE;
	}
	if (len < sizeof st->status)
		len += (size_t)snprintf(st->status + len, sizeof st->status - len, "%s%s%s",
		    email ? _(" e e-mail ") : "", web ? _(" w website ") : "", _(" c card"));
	/* How to cancel, where the line has room for it (the key bar says it
	 * too). */
	const char *cancel = _("  (Esc: cancel)");
	if (len < sizeof st->status &&
	    text_width(st->status, strlen(st->status)) + text_width(cancel, strlen(cancel)) <= st->width)
		snprintf(st->status + len, sizeof st->status - len, "%s", cancel);
	st->copy_phones = phones;
	st->copy_email = email;
	st->copy_website = web;
	st->mode = UI_COPY;
	return REACT_DRAW;
}

static unsigned
go_deeper(struct state *st)
{
	if (st->focus == PANE_MENU) {
		set_focus(st, PANE_LIST);
	} else if (st->focus == PANE_LIST && st->nlist) {
		set_focus(st, PANE_DETAIL);
	}
	return REACT_DRAW;
}

static unsigned
go_back(struct state *st)
{
	if (st->focus == PANE_DETAIL)
		set_focus(st, PANE_LIST);
	else if (st->focus == PANE_LIST)
		set_focus(st, PANE_MENU);
	return REACT_DRAW;
}

static unsigned
pager(struct state *st, enum action a)
{
	long rows = page_rows(st);
	long max = (long)st->page.n - rows;
	long top = (long)st->pager_top;
	switch (a) {
	case ACT_UP: top--; break;
	case ACT_DOWN: top++; break;
	case ACT_PAGE_UP: top -= rows; break;
	case ACT_PAGE_DOWN: top += rows; break;
	case ACT_HOME: top = 0; break;
	case ACT_END: top = max; break;
	case ACT_CLOSE:
		st->mode = st->pager_return;	/* e.g. back to typing the filter */
		relayout(st);
		return REACT_DRAW;
	case ACT_QUIT:
		return REACT_QUIT;
	case ACT_REDRAW:
		return REACT_DRAW | REACT_FULL;
	case ACT_INTERRUPT:
		return REACT_INTERRUPT | REACT_DRAW;
	default:
		return REACT_NONE;
	}
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	st->pager_top = (size_t)top;
	return REACT_DRAW;
}

static unsigned
apply(struct state *st, enum action a, uint32_t ch)
{
	if (!state_offers(st, a))
		return disabled(st, a);
	if (st->mode == UI_HELP || st->mode == UI_ABOUT)
		return pager(st, a);
	int page = layout_rows(&st->lay, st->focus);
	if (page < 1)
		page = 1;
	switch (a) {
	case ACT_NONE: return REACT_NONE;
	case ACT_UP: return move(st, st->focus, -1, 0);
	case ACT_DOWN: return move(st, st->focus, 1, 0);
	case ACT_PAGE_UP: return move(st, st->focus, -page, 0);
	case ACT_PAGE_DOWN: return move(st, st->focus, page, 0);
	case ACT_HOME: return move(st, st->focus, 0, 1);
	case ACT_END: return move(st, st->focus, 0, 2);
	case ACT_NEXT_PANE:
		set_focus(st, (enum pane)((st->focus + 1) % PANE_COUNT));
		return REACT_DRAW;
	case ACT_PREV_PANE:
		set_focus(st, (enum pane)((st->focus + PANE_COUNT - 1) % PANE_COUNT));
		return REACT_DRAW;
	case ACT_RIGHT: return go_deeper(st);
	case ACT_LEFT: return go_back(st);
	case ACT_OPEN: return go_deeper(st);
	case ACT_HELP:
	case ACT_ABOUT:
		st->pager_return = UI_BROWSE;
		st->mode = a == ACT_HELP ? UI_HELP : UI_ABOUT;
		st->pager_top = 0;
		return REACT_DRAW;
	case ACT_COPY:
		return open_copy(st);
	case ACT_SORT:
		return sort_next(st);
	case ACT_RELOAD:
		return REACT_RELOAD | REACT_DRAW;
	case ACT_EXPORT:
		return open_prompt(st, PROMPT_EXPORT, "centres-export.csv");
	case ACT_LOAD:
		return open_prompt(st, PROMPT_LOAD, "");
	case ACT_SUSPEND:
		/* A shell with job control runs us in a process group of our
		 * own; without one (a terminal window's only program, an SSH
		 * forced command) nothing could resume us. */
		if (!st->opt.job_control) {
			state_status(st, _("Cannot suspend: no shell to come back to (F10 quits)."));
			return REACT_DRAW;
		}
		return REACT_SUSPEND | REACT_DRAW;
	case ACT_REDRAW:
		return REACT_DRAW | REACT_FULL;
	case ACT_INTERRUPT:
		/* As in a shell, Ctrl-C leaves the copy menu or the prompt
		 * (app.c counts it towards quitting). */
		st->mode = UI_BROWSE;
		return REACT_INTERRUPT | REACT_DRAW;
	case ACT_QUIT:
		return REACT_QUIT;
	case ACT_ESCAPE:
		/* Esc clears the search; with none, it goes back a pane (and at
		 * the menu does nothing). */
		if (st->query.len) {
			line_clear(&st->query);
			refilter(st);
			return REACT_DRAW;
		}
		return st->focus == PANE_MENU ? REACT_NONE : go_back(st);
	case ACT_SEARCH_CLEAR:
		if (!st->query.len)
			return REACT_NONE;
		line_clear(&st->query);
		refilter(st);
		return REACT_DRAW;
	case ACT_SEARCH_WORD:
		return erase_word(st);
	case ACT_SEARCH_ERASE:
		if (!st->query.len)	/* nothing to erase: back, as a browser does */
			return st->focus == PANE_MENU ? REACT_NONE : go_back(st);
		return line_backspace(st);
	case ACT_ERASE:
		return line_backspace(st);
	case ACT_TYPE:
		return line_typed(st, ch);
	case ACT_LINE_CLEAR:
		line_clear(&st->input);
		return REACT_DRAW;
	case ACT_ACCEPT:
		return accept_prompt(st);
	case ACT_COPY_FIRST:
		/* The first entry: the (first) phone number, else the e-mail,
		 * the website, the card, as the menu lists them. */
		return copy(st, st->copy_phones ? ROLE_PHONE : st->copy_email ? ROLE_EMAIL :
		    st->copy_website ? ROLE_WEBSITE : ROLE_NONE, 0);
	case ACT_COPY_PHONE: return copy(st, ROLE_PHONE, ch >= '1' && ch <= '9' ? ch - '1' : 0);
	case ACT_COPY_EMAIL: return copy(st, ROLE_EMAIL, 0);
	case ACT_COPY_WEBSITE: return copy(st, ROLE_WEBSITE, 0);
	case ACT_COPY_CARD: return copy(st, ROLE_NONE, 0);
	case ACT_CANCEL:
	case ACT_CLOSE:
		if (st->mode == UI_COPY)
			state_status(st, _("Nothing copied."));
		else if (st->mode == UI_PROMPT)
			state_status(st, "%s", st->prompt == PROMPT_EXPORT ? _("Nothing exported.")
			    : _("No other file opened."));
		st->mode = UI_BROWSE;
		return REACT_DRAW;
	case ACT_COUNT:
		break;
	}
	return REACT_NONE;
}

unsigned
state_apply(struct state *st, enum action a, uint32_t ch)
{
	unsigned react = state_search_now(st);	/* keys apply in their order */
	react |= apply(st, a, ch);
	sync(st);
	return react;
}

const char *
state_source_name(const struct state *st)
{
	const char *src = st->d->t.source;
	const char *slash = strrchr(src, '/');
	return st->opt.restricted && slash && slash[1] ? slash + 1 : src;
}

unsigned
state_click(struct state *st, enum pane p, int line)
{
	if (st->mode != UI_BROWSE)
		return REACT_NONE;
	st->focus = p;
	if (line >= 0 && p != PANE_DETAIL) {
		size_t target = st->c[p].top + (size_t)line;
		if (target < pane_lines(st, p))
			move(st, p, (long)target - (long)st->c[p].cur, 0);
	}
	relayout(st);
	sync(st);
	return REACT_DRAW;
}

unsigned
state_wheel(struct state *st, enum pane p, int delta)
{
	unsigned react;
	if (st->mode == UI_HELP || st->mode == UI_ABOUT)
		react = pager(st, delta < 0 ? ACT_UP : ACT_DOWN);
	else if (st->mode != UI_BROWSE)
		return REACT_NONE;
	else
		react = move(st, p, delta, 0) | REACT_DRAW;
	sync(st);
	return react;
}

/* The key that identifies a centre across reloads: its id, else name and
 * territory (*b "" with the id). */
static void
key_parts(const struct table *t, size_t r, const char **a, size_t *n1, const char **b,
    size_t *n2)
{
	if (t->role_col[ROLE_ID] >= 0) {
		*a = table_role(t, r, ROLE_ID, n1);
		*b = "", *n2 = 0;
	} else {
		*a = table_name(t, r, n1);
		*b = table_territory(t, r, n2);
	}
}

/* That key as one string, or NULL (r < 0). Caller frees. */
static char *
row_key(const struct table *t, long r)
{
	if (r < 0)
		return NULL;
	size_t n1, n2;
	const char *a, *b;
	key_parts(t, (size_t)r, &a, &n1, &b, &n2);
	char *k = xmalloc(n1 + n2 + 2);
	memcpy(k, a, n1);
	k[n1] = '\n';
	memcpy(k + n1 + 1, b, n2);
	k[n1 + 1 + n2] = '\0';
	return k;
}

/* A row_key() folded, to pass over the rows whose folded fields differ
 * without reading their fields (a lazy table reads them from its file). */
struct key_fold {
	struct arena a, b;	/* the two parts folded */
	bool any;
};

/* The key of row r of t (none: r < 0), folded. */
static void
key_fold_init(struct key_fold *kf, const struct table *t, long r)
{
	memset(kf, 0, sizeof *kf);
	if (r < 0)
		return;
	size_t n1, n2;
	const char *a, *b;
	key_parts(t, (size_t)r, &a, &n1, &b, &n2);
	text_fold(&kf->a, a, n1, NULL);
	text_fold(&kf->b, b, n2, NULL);
	kf->any = true;
}

static bool
fold_is(const struct table *t, size_t r, int col, const struct arena *want)
{
	size_t n = 0;
	const char *f = col >= 0 ? table_fold_field(t, r, (size_t)col, &n) : NULL;
	return n == want->len && (!n || memcmp(f, want->base, n) == 0);
}

/* Whether row r may have the key (a row that has it has its fold). */
static bool
key_fold_may_be(const struct key_fold *kf, const struct table *t, size_t r)
{
	if (!kf->any)
		return true;
	if (t->role_col[ROLE_ID] >= 0)
		return fold_is(t, r, t->role_col[ROLE_ID], &kf->a);
	int name = t->role_col[ROLE_NAME] >= 0 ? t->role_col[ROLE_NAME] : 0;
	return fold_is(t, r, name, &kf->a) && fold_is(t, r, table_territory_col(t, r), &kf->b);
}

static void
key_fold_free(struct key_fold *kf)
{
	arena_free(&kf->a);
	arena_free(&kf->b);
}

/* The filter again on the table as it is now, the selected entry and
 * centre kept where they still are, the scrolling kept. */
static void
rows_changed(struct state *st)
{
	uint32_t e = state_entry(st);
	long row = state_row(st);
	size_t cur = st->c[PANE_LIST].cur;
	st->search_waiting = false;
	filter_set(&st->f, T(st), st->query.s);
	build_menu(st);
	select_entry(st, e);
	build_list(st);
	/* Rows come at the end: the selected one is where it was, unless the
	 * list is another one (a region's, merged). */
	if (row >= 0 && cur < st->nlist && (long)st->list[cur] == row)
		st->c[PANE_LIST].cur = cur;
	else
		select_row(st, row);
	clamp_all(st);
	sync(st);
}

void
state_rows_added(struct state *st)
{
	st->sort.growing = true;	/* sorted again when doubled (core/sort.h) */
	rows_changed(st);
}

void
state_loaded(struct state *st)
{
	st->card_row = -2;	/* the card again: the row's text is the same */
	st->sort.growing = false;	/* every row in order now */
	rows_changed(st);
}

void
state_replace_directory(struct state *st, const struct directory *d)
{
	char *key = row_key(T(st), state_row(st));
	struct key_fold kf;
	key_fold_init(&kf, T(st), state_row(st));
	char *label = xstrdup(st->d->ix.e[state_entry(st)].label);
	enum entry_kind kind = st->d->ix.e[state_entry(st)].kind;
	st->d = d;
	sort_reset(&st->sort);	/* another table, perhaps at the same address */
	filter_reset(&st->f);
	filter_set(&st->f, T(st), st->query.s);
	build_menu(st);
	/* The same menu entry by label, else the first. */
	uint32_t e = 0;
	for (size_t i = 0; i < d->ix.n; i++)
		if (d->ix.e[i].kind == kind && strcmp(d->ix.e[i].label, label) == 0) {
			e = (uint32_t)i;
			break;
		}
	select_entry(st, e);
	build_list(st);
	long row = -1;
	for (size_t r = 0; key && r < d->t.nrows && row < 0; r++) {
		if (!key_fold_may_be(&kf, T(st), r))
			continue;	/* the key differs folded: it differs */
		char *k = row_key(T(st), (long)r);
		if (strcmp(k, key) == 0)
			row = (long)r;
		free(k);
	}
	key_fold_free(&kf);
	if (row >= 0 && !index_has_row(&d->ix, state_entry(st), (uint32_t)row)) {
		select_entry(st, 0);
		build_list(st);
	}
	select_row(st, row);
	st->c[PANE_DETAIL].top = 0;
	clamp_all(st);
	sync(st);
	free(key);
	free(label);
}

size_t
state_keybar(const struct state *st, struct keybar_entry *out, size_t max)
{
	const struct keybar_item *items;
	size_t n = keymap_bar(st->mode, &items), k = 0;
	bool narrow = st->lay.kind == LAYOUT_NARROW;
	for (size_t i = 0; i < n && k < max; i++) {
		enum action a = items[i].act;
		/* Back only where panes come one at a time; Tab only where not. */
		if ((a == ACT_LEFT && (!narrow || st->focus == PANE_MENU)) ||
		    (a == ACT_NEXT_PANE && narrow) || !state_offers(st, a))
			continue;
		/* The copy menu offers what the centre has. */
		if ((a == ACT_COPY_PHONE && !st->copy_phones) || (a == ACT_COPY_EMAIL && !st->copy_email) ||
		    (a == ACT_COPY_WEBSITE && !st->copy_website))
			continue;
		/* Esc says what it would do: clear the search, else go back. */
		const char *label = action_label(a);
		if (a == ACT_ESCAPE && !st->query.len) {
			if (st->focus == PANE_MENU || narrow)
				continue;	/* nothing to do; narrow: Back is there */
			label = _("Back");
		}
		out[k].act = a;
		out[k].priority = items[i].priority;
		out[k].label = label;
		keymap_keys_joined(st->mode, a, 2, st->opt.ascii, "/", out[k].keys, sizeof out[k].keys);
		k++;
	}
	return k;
}
