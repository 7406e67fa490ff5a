/* SPDX-License-Identifier: MIT
 * view: the drawing of every screen, from the state. */
#include "view.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/i18n.h"
#include "../core/text.h"
#include "../core/util.h"

enum {
	PAIR_TITLE = 1, PAIR_MATCH, PAIR_KEY,
};

static bool use_color;

void
view_init(struct view_opts *o, bool no_color, bool ascii, bool utf8, const char *notice)
{
	const char *nc = getenv("NO_COLOR");
	o->color = has_colors() && !no_color && !(nc && *nc);
	o->ascii = ascii || !utf8;
	snprintf(o->notice, sizeof o->notice, "%s", !*notice && !utf8 ?
	    _("The locale is not UTF-8: accents are shown without marks.") : notice);
	use_color = o->color;
	if (!use_color)
		return;
	start_color();
	use_default_colors();
	/* Colour only where it marks a place: the title bar, the keys of the
	 * key bar and the matches, each with its own background so it reads on
	 * dark and light terminals. Text is never coloured: region names and
	 * card labels are bold, secondary text dim, headings underlined (a
	 * colour change costs some 25 bytes per line redrawn, which a scroll
	 * over a slow link pays on every line). */
	init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_MATCH, COLOR_BLACK, COLOR_YELLOW);
	init_pair(PAIR_KEY, COLOR_BLACK, COLOR_CYAN);
}

static attr_t
A(int pair, attr_t mono)
{
	return use_color ? (attr_t)COLOR_PAIR(pair) | (mono & A_BOLD) : mono;
}

/* Writes one character (cp, encoded in s[0..len)) or its ASCII stand-in. */
static void
put_char(const char *s, int len, int32_t cp, bool ascii)
{
	if (cp < 0) {	/* never a lone byte to the terminal */
		addstr(ascii ? "?" : "\xef\xbf\xbd");
		return;
	}
	if (cp < 0x80 && text_oneline_char((char)cp) != (char)cp) {
		addch(' ');
		return;
	}
	if (!ascii) {
		addnstr(s, len);
		return;
	}
	char a[4];
	if (text_ascii(cp, a) > 0)
		addstr(a);
}

/* Columns a character takes as drawn. */
static int
char_cols(int32_t cp, bool ascii)
{
	if (cp < 0 || (cp < 0x80 && text_oneline_char((char)cp) != (char)cp))
		return 1;
	if (!ascii)
		return text_cp_width(cp);
	char a[4];
	return text_ascii(cp, a);
}

/* Draws s[0..n) at (y, x) in at most w columns with attribute at, the bytes
 * inside spans with hl added; "…" marks a cut. Returns the columns used. */
static int
draw_text(int y, int x, int w, const char *s, size_t n, attr_t at,
    const struct span *sp, size_t nsp, attr_t hl, bool ascii)
{
	if (w <= 0)
		return 0;
	int ell = ascii ? 3 : 1;
	int total = 0;
	for (size_t i = 0; i < n;) {	/* does it all fit? */
		int32_t cp;
		int len = text_decode(s + i, n - i, &cp);
		total += char_cols(cp, ascii);
		i += (size_t)len;
		if (total > w)
			break;
	}
	int limit = total > w ? w - ell : w;
	move(y, x);
	int used = 0;
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		int len = text_decode(s + i, n - i, &cp);
		int cw = char_cols(cp, ascii);
		if (used + cw > limit)
			break;
		while (k < nsp && sp[k].end <= i)
			k++;
		bool in = k < nsp && sp[k].start <= i && i < sp[k].end;
		attrset(in ? (at | hl) : at);
		put_char(s + i, len, cp, ascii);
		used += cw;
		i += (size_t)len;
	}
	if (total > w && limit >= 0) {
		attrset(at);
		addstr(ascii ? "..." : "…");
		used += ell;
	}
	attrset(A_NORMAL);
	return used;
}

static int
draw_str(int y, int x, int w, const char *s, attr_t at, bool ascii)
{
	return draw_text(y, x, w, s, strlen(s), at, NULL, 0, 0, ascii);
}

/* Fills from (y, x) for w columns with spaces in attribute at. */
static void
fill(int y, int x, int w, attr_t at)
{
	attrset(at);
	for (int i = 0; i < w; i++)
		mvaddch(y, x + i, ' ');
	attrset(A_NORMAL);
}

/* The columns s[0..n) takes, counted no further than cap + 1: what a
 * comparison with a width of at most cap needs, at a cost bounded by the
 * screen, not by the field (a name may be megabytes long). */
static int
width_upto(const char *s, size_t n, int cap)
{
	int used;
	text_fit(s, n, cap < 0 ? 1 : cap + 1, &used);
	return used;
}

/* Where the terms of the filter match in s[0..n), for drawing it in w
 * columns: only the part that can show is searched. */
static size_t
spans_shown(const struct state *st, size_t col, const char *s, size_t n, int w,
    struct span *sp, size_t max)
{
	if (!st->f.active)
		return 0;
	size_t shown = text_fit(s, n, w < 0 ? 0 : w, NULL) + query_reach(&st->f.q);
	return filter_spans(&st->f.q, col, s, shown < n ? shown : n, sp, max);
}

static attr_t
match_attr(void)
{
	return use_color ? (attr_t)COLOR_PAIR(PAIR_MATCH) | A_BOLD : A_UNDERLINE | A_BOLD;
}

static void
draw_heading(const struct state *st, enum pane p, const char *title, const struct view_opts *o)
{
	const struct rect *r = &st->lay.pane[p];
	bool focused = st->focus == p && (st->mode == UI_BROWSE || st->mode == UI_COPY);
	attr_t at = focused ? A_REVERSE | A_BOLD : A_BOLD | A_UNDERLINE;
	fill(r->y, r->x, r->w, at);
	char buf[256];
	const char *back = "";
	if (st->lay.kind == LAYOUT_NARROW && p != PANE_MENU)
		back = o->ascii ? "< " : "◂ ";
	snprintf(buf, sizeof buf, " %s%s", back, title);
	draw_str(r->y, r->x, r->w, buf, at, o->ascii);
}

static void
draw_menu(const struct state *st, const struct view_opts *o)
{
	const struct rect *r = &st->lay.pane[PANE_MENU];
	if (r->w <= 0 || r->h <= 0)
		return;
	const struct index *ix = &st->d->ix;
	draw_heading(st, PANE_MENU, ix->has_regions ? _("Territories by region") : _("Territories"), o);
	int rows = layout_rows(&st->lay, PANE_MENU);
	for (int i = 0; i < rows; i++) {
		size_t line = st->c[PANE_MENU].top + (size_t)i;
		int y = r->y + 1 + i;
		if (line >= st->nmenu)
			break;
		const struct entry *e = &ix->e[st->menu[line]];
		bool sel = line == st->c[PANE_MENU].cur;
		/* Regions bold, territories plain, counts plain: no colour, no
		 * dim (see view_init()). */
		bool top = index_top(ix, st->menu[line]);
		attr_t at = top ? A_BOLD : A_NORMAL;
		if (sel)
			at = st->focus == PANE_MENU ? A_REVERSE | A_BOLD : A_BOLD | A_UNDERLINE;
		fill(y, r->x, r->w, sel ? at : A_NORMAL);
		char count[32];
		snprintf(count, sizeof count, " %zu ", st->counts[st->menu[line]]);
		int cw = (int)strlen(count);
		int indent = top ? 1 : 3;
		mvaddstr(y, r->x, sel ? (o->ascii ? ">" : "▸") : " ");
		draw_str(y, r->x + indent, r->w - indent - cw, e->label, at, o->ascii);
		if (r->w - cw > indent)
			draw_str(y, r->x + r->w - cw, cw, count, sel ? at : A_NORMAL, o->ascii);
	}
}

/* The list's second column for a row: the territory, which tells apart
 * centres of the same name, or for a centre a place led to, that place
 * ("via Saint-Denis 93200, Seine-Saint-Denis"); in the one-pane layout,
 * where the card is a key away, the (first) phone number instead, when
 * there is one. Its column in *col (-1: the place). */
static const char *
list_second(const struct state *st, size_t row, size_t *len, int *col)
{
	const struct table *t = &st->d->t;
	if (st->lay.kind == LAYOUT_NARROW && t->role_col[ROLE_PHONE] >= 0) {
		const char *ph = table_role(t, row, ROLE_PHONE, len);
		if (*len) {
			*col = t->role_col[ROLE_PHONE];
			return ph;
		}
	}
	const char *via = filter_via(&st->f, row);
	if (via) {
		*len = strlen(via);
		*col = -1;
		return via;
	}
	*col = table_territory_col(t, row);
	return table_territory(t, row, len);
}

static void
draw_list(const struct state *st, const struct view_opts *o)
{
	const struct rect *r = &st->lay.pane[PANE_LIST];
	if (r->w <= 0 || r->h <= 0)
		return;
	const struct table *t = &st->d->t;
	char title[300];
	const char *label = st->d->ix.e[state_entry(st)].label;
	/* TRANSLATORS: the list's heading: the menu entry chosen, the number
	 * of centres in the list ("Centres: All centres (20)"), and the order
	 * chosen with F7 when it is not the file's. */
	snprintf(title, sizeof title, st->order == SORT_NAME ? _("Centres: %.*s (%zu), by name") :
	    st->order == SORT_TERRITORY ? _("Centres: %.*s (%zu), by territory") :
	    _("Centres: %.*s (%zu)"), (int)text_cut(label, strlen(label), 200), label, st->nlist);
	draw_heading(st, PANE_LIST, title, o);
	int rows = layout_rows(&st->lay, PANE_LIST);
	int name_col = t->role_col[ROLE_NAME] >= 0 ? t->role_col[ROLE_NAME] : 0;
	struct span sp[32];
	if (st->nlist == 0 && rows > 0)
		draw_str(r->y + 1, r->x + 1, r->w - 1, st->f.place_note ? st->f.place_note :
		    st->f.active ? _("No centre matches the search.") : _("No centre here."), A_NORMAL,
		    o->ascii);
	/* The second column: wide enough for what the visible lines show
	 * there, up to two fifths of the line. */
	int terr_w = 0;
	for (int i = 0; i < rows && st->c[PANE_LIST].top + (size_t)i < st->nlist; i++) {
		size_t tl;
		int tc;
		const char *terr = list_second(st, st->list[st->c[PANE_LIST].top + (size_t)i], &tl, &tc);
		int w = width_upto(terr, tl, r->w);
		if (w > terr_w)
			terr_w = w;
	}
	if (terr_w > (r->w - 2) * 2 / 5)
		terr_w = (r->w - 2) * 2 / 5;
	for (int i = 0; i < rows; i++) {
		size_t line = st->c[PANE_LIST].top + (size_t)i;
		int y = r->y + 1 + i;
		if (line >= st->nlist)
			break;
		size_t row = st->list[line];
		bool sel = line == st->c[PANE_LIST].cur;
		attr_t at = sel ? (st->focus == PANE_LIST ? A_REVERSE | A_BOLD : A_BOLD | A_UNDERLINE) : A_NORMAL;
		fill(y, r->x, r->w, sel ? at : A_NORMAL);
		mvaddstr(y, r->x, sel ? (o->ascii ? ">" : "▸") : " ");
		size_t nl, tl, al;
		int tc;
		const char *name = table_name(t, row, &nl);
		const char *terr = list_second(st, row, &tl, &tc);
		const char *acr = table_role(t, row, ROLE_ACRONYM, &al);
		int avail = r->w - 2;
		int tw = tl ? terr_w : 0;
		int aw = al ? width_upto(acr, al, r->w) + 3 : 0;
		int nw = avail - (terr_w ? terr_w + 2 : 0);
		attr_t hl = match_attr();
		size_t k = spans_shown(st, (size_t)name_col, name, nl, nw, sp, 32);
		int x = r->x + 1;
		/* The acronym only where the name keeps enough room. */
		bool with_acr = aw && (width_upto(name, nl, nw) + aw <= nw || nw >= aw + 30);
		int used = draw_text(y, x, nw - (with_acr ? aw : 0), name, nl, at, sp, k, hl, o->ascii);
		if (with_acr && used + aw <= nw) {
			char buf[200];
			snprintf(buf, sizeof buf, " (%.*s)", (int)(al > 150 ? 150 : al), acr);
			draw_str(y, x + used, nw - used, buf, at, o->ascii);
		}
		if (tw) {
			k = tc < 0 ? 0 : spans_shown(st, (size_t)tc, terr, tl, tw, sp, 32);
			int tx = x + avail - terr_w;
			bool phone = tc == t->role_col[ROLE_PHONE];
			draw_text(y, tx, tw, terr, tl, sel ? at : phone ? A_BOLD : A_DIM, sp, k, hl,
			    o->ascii);
		}
	}
}

/* " ↓ more… " at the right end of line y of pane r: as wide as it is
 * (10 columns in English), never wider than the pane. */
static void
more_tag(const struct rect *r, int y, const char *tag, const struct view_opts *o)
{
	int tw = text_width(tag, strlen(tag));
	if (tw < 10)
		tw = 10;
	if (tw > r->w)
		tw = r->w;
	draw_str(y, r->x + r->w - tw, tw, tag, A_REVERSE, o->ascii);
}

static void
draw_detail(const struct state *st, const struct view_opts *o)
{
	const struct rect *r = &st->lay.pane[PANE_DETAIL];
	if (r->w <= 0 || r->h <= 0)
		return;
	draw_heading(st, PANE_DETAIL, _("Contact"), o);
	int rows = layout_rows(&st->lay, PANE_DETAIL);
	long row = state_row(st);
	if (row < 0) {
		if (rows > 0)
			draw_str(r->y + 1, r->x + 1, r->w - 1, _("No centre selected."), A_NORMAL, o->ascii);
		return;
	}
	const struct table *t = &st->d->t;
	const struct detail *dt = state_card(st);
	size_t top = st->c[PANE_DETAIL].top;
	struct span sp[64];
	for (int i = 0; i < rows; i++) {
		size_t li = top + (size_t)i;
		int y = r->y + 1 + i;
		if (li >= dt->n)
			break;
		const struct dline *d = &dt->lines[li];
		int x = r->x + 1;
		if (d->note) {
			draw_text(y, x, r->w - 2, d->s, d->n, A_DIM, NULL, 0, 0, o->ascii);
			continue;
		}
		if (d->label_only) {	/* bold on a narrow card, where labels
					 * stand alone; else as the other labels */
			draw_str(y, x, r->w - 2, d->label, dt->label_w ? A_NORMAL : A_BOLD, o->ascii);
			continue;
		}
		if (dt->label_w) {
			if (d->label)	/* plain: see view_init() */
				draw_str(y, x, dt->label_w, d->label, A_NORMAL, o->ascii);
			x += dt->label_w + 1;
		}
		/* Matches within the line drawn: the cost follows the screen, not
		 * the size of the field. */
		size_t k = spans_shown(st, d->col, d->s, d->n, r->x + r->w - x, sp, 64);
		/* The name, and the phone numbers: what a caller needs, bold. */
		enum role role = d->col == DETAIL_VIA ? ROLE_NONE : t->cols[d->col].role;
		attr_t at = role == ROLE_NAME || role == ROLE_PHONE ? A_BOLD : A_NORMAL;
		draw_text(y, x, r->x + r->w - x, d->s, d->n, at, sp, k, match_attr(), o->ascii);
	}
	/* More below or above: say so rather than cut silently. */
	if (rows > 0 && top + (size_t)rows < dt->n)
		more_tag(r, r->y + r->h - 1, o->ascii ? _(" v more ") : _(" ↓ more… "), o);
	if (rows > 1 && top > 0)
		more_tag(r, r->y + 1, o->ascii ? _(" ^ more ") : _(" ↑ more… "), o);
}

static void
draw_separators(const struct state *st, bool ascii)
{
	const struct layout *l = &st->lay;
	/* The character itself, never the alternate character set: its
	 * switching is not honoured by every terminal in a UTF-8 locale (a
	 * row of 'x'), and costs bytes. Outside UTF-8, a plain '|'. */
	for (int p = 0; p < PANE_COUNT; p++) {
		const struct rect *r = &l->pane[p];
		for (int y = r->y; r->w > 0 && r->x > 0 && y < r->y + r->h; y++)
			mvaddstr(y, r->x - 1, ascii ? "|" : "│");
	}
}

static void
draw_title(const struct state *st, const struct view_opts *o)
{
	const struct rect *r = &st->lay.title;
	attr_t at = A(PAIR_TITLE, A_REVERSE | A_BOLD) | A_BOLD;
	fill(r->y, 0, r->w, at);
	char count[160], buf[600];
	const struct table *t = &st->d->t;
	/* Matches: the centres found, not those a note offers beside them. */
	size_t n = st->f.active ? st->f.matched : st->nlist;
	if (st->f.active)
		snprintf(count, sizeof count, P_("%zu of %zu centres match", "%zu of %zu centres match",
		    n), n, t->nrows);
	else
		snprintf(count, sizeof count, P_("%zu of %zu centres shown", "%zu of %zu centres shown",
		    n), n, t->nrows);
	/* The table's own copy of its name: it lives exactly as long as the data. */
	snprintf(buf, sizeof buf, NT_(" centres — %s — %s"), state_source_name(st), count);
	/* Too narrow for it all: shorter counts ("18 of 18 centres", then
	 * "18 of 18") rather than a title cut in a word; else cut. */
	for (int k = 0; k < 2 && text_width(buf, strlen(buf)) > r->w; k++) {
		/* TRANSLATORS: the title's counts where the whole ("18 of 18
		 * centres shown") does not fit: "18 of 18 centres", then "18 of
		 * 18". */
		if (k == 0)
			snprintf(count, sizeof count, P_("%zu of %zu centres", "%zu of %zu centres", n), n,
			    t->nrows);
		else
			snprintf(count, sizeof count, P_("%zu of %zu", "%zu of %zu", n), n, t->nrows);
		char shorter[600];
		snprintf(shorter, sizeof shorter, NT_(" centres — %s — %s"), state_source_name(st),
		    count);
		if (text_width(shorter, strlen(shorter)) <= r->w)
			memcpy(buf, shorter, sizeof buf);
	}
	draw_str(r->y, 0, r->w, buf, at, o->ascii);
}

/* A line being typed, at (y, x) in room columns: its end when it is too
 * long, so that what was just typed shows. Returns the columns used. */
static int
draw_line_end(int y, int x, int room, const char *q, size_t n, const struct view_opts *o)
{
	while (n > 0 && text_width(q, n) > room) {
		int32_t cp;
		int len = text_decode(q, n, &cp);
		q += len, n -= (size_t)len;
	}
	return draw_text(y, x, room, q, n, A_NORMAL, NULL, 0, 0, o->ascii);
}

static void
draw_filter(const struct state *st, const struct view_opts *o)
{
	const struct rect *r = &st->lay.filter;
	if (r->h <= 0)
		return;
	fill(r->y, 0, r->w, A_NORMAL);
	int used = draw_str(r->y, 0, r->w, _("Search: "), A_BOLD, o->ascii);
	used += draw_line_end(r->y, used, r->w - used - 1, st->query.s, st->query.len, o);
	if (!st->query.len && r->w - used > 12)
		draw_str(r->y, used + 1, r->w - used - 1, _("a name, a town, a phone number..."), A_DIM,
		    o->ascii);
	else if (st->query.len && r->w - used > 20)
		draw_str(r->y, used + 2, r->w - used - 2, _("(Esc: clear)"), A_DIM, o->ascii);
	move(r->y, used < r->w ? used : r->w - 1);
}

/* The file-name prompt, on the status line, the cursor at its end. */
static void
draw_prompt(const struct state *st, const struct view_opts *o)
{
	const struct rect *r = &st->lay.status;
	char label[128];
	if (st->prompt == PROMPT_EXPORT)
		snprintf(label, sizeof label, P_("Export %zu centre to: ", "Export %zu centres to: ",
		    st->f.n), st->f.n);
	else
		snprintf(label, sizeof label, "%s", _("Open the file: "));
	fill(r->y, 0, r->w, A_NORMAL);
	int used = draw_str(r->y, 0, r->w, label, A_BOLD, o->ascii);
	used += draw_line_end(r->y, used, r->w - used - 1, st->input.s, st->input.len, o);
	move(r->y, used < r->w ? used : r->w - 1);
}

static void
draw_keybar(const struct state *st, int y, int w, const struct view_opts *o)
{
	struct keybar_entry items[16];
	size_t n = state_keybar(st, items, 16);
	int width[16], total = 0;
	bool shown[16];
	/* Each item is its keys, a space, its label and two spaces (none after
	 * the last), in display columns: a translated label has accents. */
	for (size_t i = 0; i < n; i++) {
		width[i] = text_width(items[i].keys, strlen(items[i].keys)) +
		    text_width(items[i].label, strlen(items[i].label)) + 3;
		shown[i] = true;
		total += width[i];
	}
	total -= n ? 2 : 0;
	/* Too narrow: drop the least important items first. */
	for (int prio = 9; prio >= 0 && total > w; prio--)
		for (size_t i = n; i-- > 0 && total > w;)
			if (shown[i] && items[i].priority == prio && prio > 0)
				shown[i] = false, total -= width[i];
	fill(y, 0, w, A_NORMAL);
	int x = 0;
	for (size_t i = 0; i < n; i++) {
		if (!shown[i] || x >= w)
			continue;
		/* The spaces are the fill's: never a "…" for want of room for them. */
		x += draw_str(y, x, w - x, items[i].keys, A(PAIR_KEY, A_REVERSE), o->ascii) + 1;
		if (x < w)
			x += draw_str(y, x, w - x, items[i].label, A_NORMAL, o->ascii) + 2;
	}
}

static void
draw_page(const struct state *st, const struct view_opts *o)
{
	const struct page *p = &st->page;
	int w = st->width, h = st->height;
	int rows = h - 2;
	attr_t tat = A(PAIR_TITLE, A_REVERSE | A_BOLD) | A_BOLD;
	fill(0, 0, w, tat);
	const char *title = st->mode == UI_HELP ? _(" centres — Help (every key)") :
	    _(" centres — About the network");
	int keyw = p->keyw, tw = w;
	for (int i = 0; i < rows; i++) {
		size_t li = st->pager_top + (size_t)i;
		if (li >= p->n)
			break;
		const char *text = page_text(p, li);
		int y = 1 + i;
		if (p->l[li].style == PAGE_HEADING) {
			draw_str(y, 1, w - 1, text, A_BOLD | A_UNDERLINE, o->ascii);
		} else if (p->l[li].style == PAGE_KEY) {
			const char *tab = strchr(text, '\t');
			draw_text(y, 2, keyw, text, (size_t)(tab - text), A_BOLD, NULL, 0, 0, o->ascii);
			draw_str(y, 4 + keyw, w - 4 - keyw, tab + 1, A_NORMAL, o->ascii);
		} else {
			draw_str(y, 2, w - 2, text, A_NORMAL, o->ascii);
		}
	}
	if (p->n > (size_t)rows && rows > 0) {
		char more[64];
		/* TRANSLATORS: the lines shown of the page: " 1-22 of 92 ". */
		snprintf(more, sizeof more, _(" %zu-%zu of %zu "), st->pager_top + 1,
		    st->pager_top + (size_t)rows < p->n ? st->pager_top + (size_t)rows : p->n, p->n);
		int mw = text_width(more, strlen(more));
		if (w > mw + 32) {	/* on the title line, right, never over the text */
			draw_str(0, w - mw, mw, more, tat, o->ascii);
			tw = w - mw;
		}
	}
	draw_str(0, 0, tw, title, tat, o->ascii);
	draw_keybar(st, h - 1, w, o);
}

void
view_draw(const struct state *st, const struct view_opts *o)
{
	erase();
	int w = st->width, h = st->height;
	bool typing = false;
	if (st->lay.kind == LAYOUT_TOO_SMALL) {
		/* TRANSLATORS: four short lines (at most 20 columns each) on a
	 * terminal too small for anything else. */
	const char *msg[] = {_("Terminal too small"), _("for centres:"), _("enlarge it"),
	    _("or press F10")};
		for (int i = 0; i < h && i < 4; i++)
			draw_str(i, 0, w, msg[i], A_BOLD, o->ascii);
	} else if (st->mode == UI_HELP || st->mode == UI_ABOUT) {
		draw_page(st, o);
	} else {
		draw_title(st, o);
		draw_menu(st, o);
		draw_list(st, o);
		draw_detail(st, o);
		draw_separators(st, o->ascii);
		const struct rect *s = &st->lay.status;
		fill(s->y, 0, s->w, A_NORMAL);
		/* A message; else how far the load is; else what the search
		 * says of a place no centre covers; else the notice of the
		 * start, or the hint. */
		const char *msg = *st->status ? st->status : *st->loadline ? st->loadline :
		    st->f.place_note ? st->f.place_note : *o->notice ? o->notice :
		    _("Type a name, a place or a phone number. F1: every key.");
		draw_str(s->y, 0, s->w, msg, !*st->status && !*st->loadline && st->f.place_note ?
		    A_BOLD : A_NORMAL, o->ascii);
		draw_keybar(st, st->lay.keys.y, w, o);
		draw_filter(st, o);	/* leaves the cursor at the end of the query */
		if (st->mode == UI_PROMPT)
			draw_prompt(st, o);	/* or of the file name */
		typing = st->mode == UI_BROWSE || st->mode == UI_PROMPT;
	}
	/* Set once per frame, so nothing is sent when it does not change; a
	 * hidden cursor is left where it is (no move sent for it). */
	curs_set(typing ? 1 : 0);
	leaveok(stdscr, !typing);
}
