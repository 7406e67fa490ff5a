/* SPDX-License-Identifier: MIT
 * action: help texts of the actions, and which exist in restricted mode. */
#include "action.h"

static const char *const helps[ACT_COUNT] = {
#define X(id, label, help) help,
	ACTIONS(X)
#undef X
};

static const char *const labels[ACT_COUNT] = {
#define X(id, label, help) label,
	ACTIONS(X)
#undef X
};

const char *
action_label(enum action a)
{
	return a < ACT_COUNT ? labels[a] : "";
}

const char *
action_help(enum action a)
{
	return a < ACT_COUNT ? helps[a] : "";
}

bool
action_allowed(enum action a, bool restricted)
{
	if (!restricted)
		return true;
	/* Each would write a file, read a path the person typed, or leave a
	 * stopped process on a forced-command account with no shell. */
	return a != ACT_EXPORT && a != ACT_LOAD && a != ACT_SUSPEND;
}
