/* SPDX-License-Identifier: MIT
 * tui: the interactive screen (ncursesw) around the application (app/). */
#ifndef CENTRES_TUI_H
#define CENTRES_TUI_H

#include <stdbool.h>

#include "../app/app.h"

struct tui_opts {
	bool no_color;	/* --no-color (NO_COLOR is read here) */
	bool no_mouse;	/* --no-mouse */
	bool ascii;	/* --ascii: draw ASCII only, whatever the locale */
};

/* Runs the screen on d (taken over), loaded from path (NULL: built-in),
 * or when l is not NULL on the load l (taken over; d unused) while it goes
 * on, with cfg (its ascii and job control are completed from the
 * terminal). Returns the exit status. */
int tui_run(struct directory *d, struct loading *l, const char *path,
    const struct app_config *cfg, const struct tui_opts *o);

#endif
