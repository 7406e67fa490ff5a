/* SPDX-License-Identifier: MIT
 * i18n: translations through gettext, or from the catalogue the binary
 * carries (a GNU .mo file, src/builtin.S) when none is installed beside or
 * under it. The .mo format: a header of 32-bit words (magic 0x950412de,
 * revision, count N, offsets of the table of original strings and of the
 * table of translations), each table N pairs (length, offset) of
 * NUL-terminated strings, the originals sorted by strcmp; a plural entry's
 * forms follow each other, NUL-separated, within its length. */
#include "i18n.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

extern const unsigned char centres_builtin_mo[];
extern const unsigned char centres_builtin_mo_end[];

static struct {
	bool on;
	const unsigned char *mo;
	size_t len;
	uint32_t n, orig, trans;
	bool swap;
	int plural_rule;	/* 0: n != 1 (English), 1: n > 1 (French) */
} cat;

static uint32_t
word(size_t at)
{
	uint32_t w;
	memcpy(&w, cat.mo + at, 4);
	return cat.swap ? __builtin_bswap32(w) : w;
}

/* String i of the table at tab: its start and length, checked at load. */
static const char *
str(uint32_t tab, uint32_t i, uint32_t *len)
{
	*len = word(tab + 8 * (size_t)i);
	return (const char *)cat.mo + word(tab + 8 * (size_t)i + 4);
}

/* Every string of a table lies inside the file and ends with a NUL. */
static bool
table_ok(uint32_t tab)
{
	if (tab > cat.len || (cat.len - tab) / 8 < cat.n)
		return false;
	for (uint32_t i = 0; i < cat.n; i++) {
		uint32_t l = word(tab + 8 * (size_t)i), off = word(tab + 8 * (size_t)i + 4);
		if (off >= cat.len || l >= cat.len - off || cat.mo[off + l] != '\0')
			return false;
	}
	return true;
}

/* The translation of id, or NULL; its length in *len. */
static const char *
find(const char *id, uint32_t *len)
{
	uint32_t lo = 0, hi = cat.n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2, l;
		int c = strcmp(id, str(cat.orig, mid, &l));
		if (c == 0) {
			const char *t = str(cat.trans, mid, len);
			return *len || !*id ? t : NULL;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

int
i18n_use_builtin(void)
{
	size_t len = (size_t)(centres_builtin_mo_end - centres_builtin_mo);
	cat.mo = centres_builtin_mo;
	cat.len = len;
	if (len < 28 || len > UINT32_MAX)
		return -1;
	uint32_t magic;
	memcpy(&magic, cat.mo, 4);
	if (magic == 0x950412deu)
		cat.swap = false;
	else if (magic == 0xde120495u)
		cat.swap = true;
	else
		return -1;
	if (word(4) >> 16 != 0)	/* major revision 0 */
		return -1;
	cat.n = word(8);
	cat.orig = word(12);
	cat.trans = word(16);
	if (!table_ok(cat.orig) || !table_ok(cat.trans))
		return -1;
	/* The header (the translation of "") names the plural rule. */
	uint32_t hl;
	const char *h = find("", &hl);
	const char *p = h ? strstr(h, "plural=") : NULL;
	if (!p)
		return -1;
	p += 7;
	char rule[32];
	size_t k = 0;
	for (; *p && *p != ';' && *p != '\n' && k + 1 < sizeof rule; p++)
		if (*p != ' ' && *p != '(' && *p != ')')
			rule[k++] = *p;
	rule[k] = '\0';
	if (strcmp(rule, "n>1") == 0)
		cat.plural_rule = 1;
	else if (strcmp(rule, "n!=1") == 0)
		cat.plural_rule = 0;
	else
		return -1;
	cat.on = true;
	return 0;
}

bool
i18n_builtin_in_use(void)
{
	return cat.on;
}

const char *
i18n_text(const char *id)
{
	if (!cat.on)
		return gettext(id);
	uint32_t l;
	const char *t = find(id, &l);
	return t ? t : id;
}

const char *
i18n_plural(const char *id, const char *plural, unsigned long n)
{
	if (!cat.on)
		return ngettext(id, plural, n);
	unsigned form = cat.plural_rule ? n > 1 : n != 1;
	uint32_t l;
	const char *t = find(id, &l);
	if (!t)
		return form ? plural : id;
	const char *end = t + l;
	for (unsigned i = 0; i < form; i++) {
		t += strlen(t) + 1;
		if (t >= end)
			return form ? plural : id;
	}
	return t;
}

const char *
i18n_context(const char *ctx_id, const char *id)
{
	const char *t = cat.on ? i18n_text(ctx_id) : gettext(ctx_id);
	return t == ctx_id ? id : t;
}

/* n with the language's thousands separator: "450,000", "450 000". */
void
i18n_group(size_t n, char *buf, size_t len)
{
	/* TRANSLATORS: between groups of three digits in counts (450,000);
	 * French uses a narrow no-break space. */
	const char *sep = C_("thousands separator", ",");
	char digits[32];
	int nd = snprintf(digits, sizeof digits, "%zu", n);
	size_t o = 0, sl = strlen(sep);
	for (int i = 0; i < nd && o + sl + 2 < len; i++) {
		if (i && (nd - i) % 3 == 0)
			memcpy(buf + o, sep, sl), o += sl;
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

void
i18n_seconds(double secs, char *buf, size_t len)
{
	snprintf(buf, len, "%.1f", secs);
	/* TRANSLATORS: the decimal separator of the seconds (1.2 s). */
	const char *dot = C_("decimal separator", ".");
	char *p = strchr(buf, '.');
	if (p && strcmp(dot, ".") != 0 && strlen(buf) + strlen(dot) < len) {
		memmove(p + strlen(dot), p + 1, strlen(p + 1) + 1);
		memcpy(p, dot, strlen(dot));
	}
}
