/* SPDX-License-Identifier: MIT
 * action: help texts of the actions. */
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
