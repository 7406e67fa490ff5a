/* SPDX-License-Identifier: MIT
 * lang: the language chosen from --lang, CENTRES_LANG and the locale's
 * variables, and gettext bound to the catalogue that speaks it. */
#include "lang.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/sanitize.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif
#define DOMAIN "centres"

static char catalogue_dir[PATH_MAX];

/* "fr", "FR", "fr_FR.UTF-8", "fr-CA": French; "en…": English; else -1. */
static int
lang_of(const char *s)
{
	if ((s[0] == 'f' || s[0] == 'F') && (s[1] == 'r' || s[1] == 'R')
	    && (s[2] == '\0' || s[2] == '_' || s[2] == '-' || s[2] == '.' || s[2] == '@'))
		return LANG_FR;
	if ((s[0] == 'e' || s[0] == 'E') && (s[1] == 'n' || s[1] == 'N')
	    && (s[2] == '\0' || s[2] == '_' || s[2] == '-' || s[2] == '.' || s[2] == '@'))
		return LANG_EN;
	return -1;
}

/* The language of the locale's variables. */
static enum lang
locale_lang(void)
{
	/* LANGUAGE is a list ("fr:en"): its first entry we speak. */
	const char *list = getenv("LANGUAGE");
	for (const char *p = list; p && *p;) {
		size_t n = strcspn(p, ":");
		char one[32];
		if (n > 0 && n < sizeof one) {
			memcpy(one, p, n);
			one[n] = '\0';
			int l = lang_of(one);
			if (l >= 0)
				return (enum lang)l;
		}
		p += n + (p[n] == ':');
	}
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "fr", 2) == 0 ? LANG_FR : LANG_EN;
	}
	return LANG_EN;
}

int
lang_choose(const char *opt, enum lang *out, struct err *e)
{
	*out = locale_lang();
	/* A valid CENTRES_LANG is also the language to refuse a bad --lang in. */
	const char *env = getenv("CENTRES_LANG");
	int env_lang = env && *env ? lang_of(env) : -1;
	if (env_lang >= 0)
		*out = (enum lang)env_lang;
	if (opt) {
		int l = lang_of(opt);
		if (l < 0) {
			char *v = sanitize_str(opt);
			err_set(e, _("--lang: unknown language '%s' (fr or en)"), v);
			free(v);
			return -1;
		}
		*out = (enum lang)l;
		return 0;
	}
	if (env && *env) {
		if (env_lang < 0) {
			char *v = sanitize_str(env);
			err_set(e, _("CENTRES_LANG: unknown language '%s' (fr or en)"), v);
			free(v);
			return -1;
		}
	}
	return 0;
}

const char *
lang_option(int argc, char **argv)
{
	const char *found = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0)
			break;
		if (strcmp(a, "--lang") == 0 && i + 1 < argc)
			found = argv[++i];
		else if (strncmp(a, "--lang=", 7) == 0)
			found = a + 7;
	}
	return found;
}

/* dir/fr/LC_MESSAGES/centres.mo exists: keeps dir. */
static bool
try_dir(const char *dir, const char *sub)
{
	char path[PATH_MAX];
	int n = snprintf(path, sizeof path, "%s%s/fr/LC_MESSAGES/" DOMAIN ".mo", dir, sub);
	if (n < 0 || (size_t)n >= sizeof path || access(path, R_OK) != 0)
		return false;
	snprintf(catalogue_dir, sizeof catalogue_dir, "%s%s", dir, sub);
	return true;
}

/* Where the catalogue is: beside the binary first (a source tree, a
 * relocated install), then where `make install` put it. */
static void
find_catalogue(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			static const char *const subs[] = {"/../share/locale", "/build/locale",
				"/../locale", "/../../locale"};
			for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++)
				if (try_dir(exe, subs[i]))
					return;
		}
	}
	if (!try_dir(LOCALEDIR, ""))
		catalogue_dir[0] = '\0';
}

void
lang_start(enum lang l)
{
	/* gettext reads LANGUAGE before the locale, unless LC_MESSAGES is
	 * "C": then it translates nothing. A French login on a server with
	 * only C.UTF-8 has exactly that, so messages take C.UTF-8 (built into
	 * glibc), which lets LANGUAGE choose. */
	setenv("LANGUAGE", l == LANG_FR ? "fr" : "en", 1);
	const char *m = setlocale(LC_MESSAGES, NULL);
	if (l == LANG_FR && m && (strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0)
	    && !setlocale(LC_MESSAGES, "C.UTF-8"))
		setlocale(LC_MESSAGES, "C.utf8");
	if (l == LANG_FR)
		find_catalogue();
	else
		catalogue_dir[0] = '\0';
	if (catalogue_dir[0])
		bindtextdomain(DOMAIN, catalogue_dir);
	else if (l == LANG_FR)
		i18n_use_builtin();	/* a binary copied alone: the catalogue it carries */
	/* The messages in UTF-8 whatever the locale's character set, as the
	 * data is: where the locale is C, gettext would make "é" a "?", when
	 * the screen can draw it in ASCII (e) and batch mode writes UTF-8. */
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN);
}

const char *
lang_catalogue_dir(void)
{
	return catalogue_dir[0] ? catalogue_dir : NULL;
}
