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
#include <stdbool.h>
#include <stddef.h>

#define _(s) i18n_text(s)
#define N_(s) (s)
#define NT_(s) (s)
#define P_(s, p, n) i18n_plural((s), (p), (unsigned long)(n))
#define C_(ctx, s) i18n_context(ctx "\004" s, (s))

/* The translation of id (gettext), else id. A printf format stays one:
 * the compiler checks its arguments against the English. */
const char *i18n_text(const char *id) __attribute__((format_arg(1)));
/* The form of id / plural for n (ngettext). */
const char *i18n_plural(const char *id, const char *plural, unsigned long n)
	__attribute__((format_arg(1))) __attribute__((format_arg(2)));
/* The translation of "CTX\004ID", else ID (pgettext). */
const char *i18n_context(const char *ctx_id, const char *id) __attribute__((format_arg(2)));

/* From now on, translations come from the French catalogue carried inside
 * the binary (src/builtin.S) instead of gettext's files: for a binary
 * copied alone to a server, where no centres.mo is installed. glibc's
 * gettext reads catalogues from files only. Returns 0, or -1 (and changes
 * nothing) when the carried catalogue is missing or not one gettext's
 * msgfmt wrote, or its plural rule is not one of those known here. */
int i18n_use_builtin(void);
/* Whether the carried catalogue is in use. */
bool i18n_builtin_in_use(void);

/* n with the language's thousands separator: "450,000", "450 000". */
void i18n_group(size_t n, char *buf, size_t len);
/* Seconds with one decimal, in the language's way: "1.2", "1,2". */
void i18n_seconds(double secs, char *buf, size_t len);

#endif
