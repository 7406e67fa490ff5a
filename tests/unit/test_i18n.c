/* SPDX-License-Identifier: MIT
 * Unit tests of i18n: the French catalogue the binary carries (for a binary
 * copied alone) says what gettext says from the source tree's catalogue
 * (build/locale): plain messages, plural forms (French: 0 and 1 singular),
 * messages with a context; an unknown message stays English. */
#include <libintl.h>

#include "unit.h"

#include "core/i18n.h"
#include "lang.h"

static const char *const plain[] = {
	"--lang: unknown language '%s' (fr or en)",
	"CENTRES_LANG: unknown language '%s' (fr or en)",
};

/* What gettext says, from the catalogue beside the test binary. */
static char from_file[4][256];

static void
carried_says_what_gettext_says(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C.UTF-8");
	unsetenv("CENTRES_LANG");
	lang_start(LANG_FR);
	assert_non_null(lang_catalogue_dir());
	assert_false(i18n_builtin_in_use());
	for (size_t i = 0; i < 2; i++)
		snprintf(from_file[i], sizeof from_file[i], "%s", _(plain[i]));
	snprintf(from_file[2], sizeof from_file[2], "%s",
	    P_("%u field instead of %u: the extra ones are kept",
	       "%u fields instead of %u: the extra ones are kept", 2));
	snprintf(from_file[3], sizeof from_file[3], "%s", C_("error", "%s: %s"));
	assert_non_null(strstr(from_file[0], "langue"));	/* French indeed */

	assert_int_equal(i18n_use_builtin(), 0);
	assert_true(i18n_builtin_in_use());
	for (size_t i = 0; i < 2; i++)
		assert_string_equal(_(plain[i]), from_file[i]);
	assert_string_equal(P_("%u field instead of %u: the extra ones are kept",
	    "%u fields instead of %u: the extra ones are kept", 2), from_file[2]);
	assert_string_equal(C_("error", "%s: %s"), from_file[3]);
}

static void
plural_forms(void **state)
{
	(void)state;
	assert_int_equal(i18n_use_builtin(), 0);
	const char *one = "%u field instead of %u: the extra ones are kept";
	const char *many = "%u fields instead of %u: the extra ones are kept";
	/* French: 0 and 1 take the singular. */
	assert_non_null(strstr(P_(one, many, 0), "%u champ au"));
	assert_non_null(strstr(P_(one, many, 1), "%u champ au"));
	assert_non_null(strstr(P_(one, many, 2), "%u champs au"));
	assert_non_null(strstr(P_(one, many, 1000000), "%u champs au"));
}

static void
unknown_stays_english(void **state)
{
	(void)state;
	assert_int_equal(i18n_use_builtin(), 0);
	const char *id = "No such message in any catalogue";
	assert_ptr_equal(_(id), id);
	const char *p = "No such messages";
	assert_ptr_equal(P_(id, p, 1), id);
	assert_ptr_equal(P_(id, p, 5), p);
	assert_string_equal(C_("nowhere", "Copy"), "Copy");
	/* The header is there, with its plural rule. */
	assert_non_null(strstr(_(""), "plural=(n > 1)"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(carried_says_what_gettext_says),
		cmocka_unit_test(plural_forms),
		cmocka_unit_test(unknown_stays_english),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
