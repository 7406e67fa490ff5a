/* SPDX-License-Identifier: MIT
 * i18n: the marks of the strings a person reads, for gettext (po/,
 * docs/translating.md). English in the source; the catalogue of the
 * language src/lang.c chose replaces it at run time.
 *   _("Help")                 translated where it is used
 *   N_("Help")                marked for xgettext, translated later with _()
 *   C_("key bar", "Copy")     with a context, for one English word that
 *                             French says two ways
 *   P_("%d centre", "%d centres", n)   plural forms (ngettext)
 *   NT_("code postal")        not a message: a literal that looks like one
 *                             (a column name, a protocol word); the scan in
 *                             tests/cli/i18n.sh leaves it alone */
#ifndef CENTRES_I18N_H
#define CENTRES_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define NT_(s) (s)
#define P_(s, p, n) ngettext((s), (p), (unsigned long)(n))
#define C_(ctx, s) i18n_pgettext(ctx "\004" s, (s))

/* gettext's pgettext: the translation of "CTX\004ID", else ID (a printf
 * format when ID is one: the compiler checks its arguments). */
static inline const char *i18n_pgettext(const char *ctx_id, const char *id)
	__attribute__((format_arg(2)));
static inline const char *
i18n_pgettext(const char *ctx_id, const char *id)
{
	const char *t = gettext(ctx_id);
	return t == ctx_id ? id : t;
}

#endif
