/* SPDX-License-Identifier: MIT
 * keymap: the one table from keys to actions, per mode. The loop looks keys
 * up in it; the help screen and the key bar read it to show every key. */
#ifndef CENTRES_KEYMAP_H
#define CENTRES_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "action.h"
#include "keys.h"

/* What the keys do depends on what the screen is doing: the main screen
 * (browsing and searching at once: every printable key types into the
 * search), the copy menu, the file-name prompt, the help and About pages. */
enum ui_mode { UI_BROWSE, UI_COPY, UI_PROMPT, UI_HELP, UI_ABOUT, UI_MODE_COUNT };

struct binding {
	enum ui_mode mode;
	uint32_t key;	/* a key of keys.h */
	enum action act;
};

extern const struct binding keymap[];
extern const size_t keymap_len;

/* The action for a key in a mode. On the main screen and in the prompt, a
 * printable character with no binding is ACT_TYPE. */
enum action keymap_lookup(enum ui_mode mode, uint32_t key);
/* A readable name for a key: "F1", "↑", "PgDn", "Tab", "Ctrl-U", "q". In
 * ascii mode only ASCII is used ("Up" for ↑). Writes into buf. */
const char *keymap_key_name(uint32_t key, bool ascii, char *buf, size_t n);
/* Every key bound to an action in a mode, joined with spaces (at most max
 * keys), into buf. */
const char *keymap_keys_for(enum ui_mode mode, enum action a, size_t max, bool ascii,
    char *buf, size_t n);

/* The same joined with sep; with a sep other than a space, Ctrl-X is
 * written ^X (the key bar's short form: "F1/^G"). */
const char *keymap_keys_joined(enum ui_mode mode, enum action a, size_t max, bool ascii,
    const char *sep, char *buf, size_t n);

/* The key bar of a mode: actions in display order, and the priority with
 * which each keeps its place when the bar is too narrow (lower stays). */
struct keybar_item {
	enum action act;
	int priority;
};
/* The key bar items of a mode; returns how many. */
size_t keymap_bar(enum ui_mode mode, const struct keybar_item **items);

#endif
