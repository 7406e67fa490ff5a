/* SPDX-License-Identifier: MIT
 * app_keys.h: keys typed into the application as a person types them, for
 * the unit tests that drive struct app (test_app.c, test_loading.c). */
#ifndef CENTRES_APP_KEYS_H
#define CENTRES_APP_KEYS_H

#include "app/app.h"

/* Keys as typed: each byte of s (ASCII) a key, then no more key waiting
 * (the loop calls app_idle). Returns the reactions. */
static inline unsigned
type(struct app *a, const char *s)
{
	unsigned r = 0;
	for (; *s; s++)
		r |= app_key(a, (unsigned char)*s);
	return r | app_idle(a);
}

#endif
