/* SPDX-License-Identifier: MIT
 * lang: which language the program speaks (French or English) and where
 * its catalogue is. Read by main.c only, before anything is printed. */
#ifndef CENTRES_LANG_H
#define CENTRES_LANG_H

#include "core/util.h"

enum lang { LANG_EN, LANG_FR };

/* The language asked for: opt (--lang), else CENTRES_LANG, else the first
 * of LANGUAGE (its first entry that is French or English), LC_ALL,
 * LC_MESSAGES and LANG that is set: French when it begins with "fr".
 * opt and CENTRES_LANG take "fr" or "en" (any case, also "fr_FR.UTF-8").
 * Returns 0, or -1 with e set when one of them names another language
 * (*out is then the locale's language, to say it in). */
int lang_choose(const char *opt, enum lang *out, struct err *e);

/* --lang's value in argv ("--lang fr", "--lang=fr"), or NULL: read before
 * the options are parsed, so that their errors are in that language. */
const char *lang_option(int argc, char **argv);

/* Makes gettext speak l, also where no French locale is installed (only
 * C.UTF-8): the catalogue is looked for next to the binary (the source
 * tree's build/locale, or ../share/locale from its folder), then in
 * LOCALEDIR; where there is none (a binary copied alone), the French
 * catalogue the binary carries is used (core/i18n.c). Call after
 * setlocale(). */
void lang_start(enum lang l);

/* The folder whose fr/LC_MESSAGES/centres.mo lang_start() bound, or NULL
 * when none was found (English, or French from the carried catalogue). */
const char *lang_catalogue_dir(void);

#endif
