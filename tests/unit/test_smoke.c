/* SPDX-License-Identifier: MIT
 * The built-in directory loads: 20 centres, all roles recognised but the
 * postcode. */
#include "unit.h"

#include "core/directory.h"

static void
builtin_loads(void **state)
{
	(void)state;
	struct directory d;
	struct err e;
	assert_int_equal(directory_load(&d, NULL, NULL, &e), 0);
	assert_int_equal(d.t.nrows, 20);
	/* Every role but the postcode (the centres are found by the
	 * départements they cover). */
	for (int r = ROLE_ID; r < ROLE_COUNT; r++)
		assert_true(d.t.role_col[r] >= 0 || r == ROLE_POSTCODE);
	assert_int_equal(d.t.nwarn_total, 0);
	directory_free(&d);
}

int
main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtin_loads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
