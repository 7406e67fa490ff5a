/* SPDX-License-Identifier: MIT
 * app: keys to the state, and the reactions that read or write files. */
#include "app.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/card.h"
#include "../core/i18n.h"
#include "../core/output.h"
#include "../core/text.h"
#include "../core/util.h"

void
app_init(struct app *a, struct directory *d, const char *path, const struct app_config *cfg,
    int width, int height)
{
	memset(a, 0, sizeof *a);
	a->dir = *d;
	memset(d, 0, sizeof *d);
	a->path = path ? xstrdup(path) : NULL;
	a->cfg = *cfg;
	struct state *st = &a->st;
	state_init(st, &a->dir, &cfg->screen, width, height);
	const struct table *t = &a->dir.t;
	if (*t->notice)
		/* TRANSLATORS: the file's name, then what its loading says. */
		state_status(st, _("%s: %s"), state_source_name(st), t->notice);
	else if (t->nwarn_total)
		/* TRANSLATORS: %s is the file's name. */
		state_status(st, P_("%s: %zu warning while loading (see centres --check).",
		    "%s: %zu warnings while loading (see centres --check).", t->nwarn_total),
		    state_source_name(st), t->nwarn_total);
}

void
app_free(struct app *a)
{
	state_free(&a->st);
	directory_free(&a->dir);
	free(a->path);
	free(a->clip);
	memset(a, 0, sizeof *a);
}

const char *
app_clipboard(const struct app *a)
{
	return a->clip ? a->clip : "";
}

/* Puts the newly loaded nd on screen in place of the directory shown (the
 * filter and, where it still exists, the selection kept). */
static void
switch_directory(struct app *a, struct directory *nd)
{
	state_replace_directory(&a->st, nd);
	directory_free(&a->dir);
	a->dir = *nd;
	a->st.d = &a->dir;
}

static void
reload(struct app *a)
{
	struct state *st = &a->st;
	struct directory nd;
	a->reload_pending = false;
	a->reloads++;
	struct err e;
	if (directory_load(&nd, a->path, &a->cfg.load, &e) < 0) {
		directory_free(&nd);
		/* The title shows the file: say only the line and the reason. */
		if (e.line)
			state_status(st, _("Reload failed (data unchanged): line %lu: %s"), e.line, e.msg);
		else
			state_status(st, _("Reload failed (data unchanged): %s"), e.msg);
		return;
	}
	switch_directory(a, &nd);
	state_status(st, P_("Reloaded %s: %zu centre.", "Reloaded %s: %zu centres.",
	    a->dir.t.nrows), state_source_name(st), a->dir.t.nrows);
}

/* The typed file name, with a leading ~/ made the home directory. Caller
 * frees. */
static char *
typed_path(const char *name)
{
	const char *home = getenv("HOME");
	if (strncmp(name, "~/", 2) == 0 && home && *home) {
		size_t n = strlen(home) + strlen(name);
		char *p = xmalloc(n);
		snprintf(p, n, "%s%s", home, name + 1);
		return p;
	}
	return xstrdup(name);
}

static void
open_file(struct app *a, const char *name)
{
	struct state *st = &a->st;
	char *path = typed_path(name);
	struct directory nd;
	struct err e;
	if (directory_load(&nd, path, &a->cfg.load, &e) < 0) {
		char msg[1024];
		directory_free(&nd);
		free(path);
		state_status(st, _("Not opened (F3 to correct the name): %s"), err_text(&e, msg, sizeof msg));
		return;
	}
	switch_directory(a, &nd);
	free(a->path);
	a->path = path;
	state_status(st, P_("Opened %s: %zu centre.", "Opened %s: %zu centres.", a->dir.t.nrows),
	    a->dir.t.source, a->dir.t.nrows);
}

static void
export(struct app *a, const char *name)
{
	struct state *st = &a->st;
	char *path = typed_path(name);
	/* For its owner only (0600, less if the umask says so): a directory
	 * of people's phone numbers. */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	const char *fail = NULL;
	int err = 0;
	FILE *f = NULL;
	if (fd < 0) {
		err = errno;
		fail = err == EEXIST ? _("it already exists, nothing written") : strerror(err);
	} else if (!(f = fdopen(fd, "w"))) {
		err = errno;
		close(fd);
		unlink(path);
		fail = strerror(err);
	} else {
		/* The first error is the one to tell (no space left on the
		 * device, the file too large), not what closing says after. */
		errno = 0;
		output_rows(f, &a->dir.t, st->f.rows, st->f.n, FORMAT_CSV, 0, 0);
		if (fflush(f) != 0 || ferror(f))
			err = errno ? errno : EIO;
		if (fclose(f) != 0 && !err)
			err = errno ? errno : EIO;
		if (err) {
			unlink(path);
			fail = strerror(err);
		}
	}
	free(path);
	if (fail) {
		/* TRANSLATORS: %s is the reason (the system's, or "it already exists,
		 * nothing written"). */
		state_status(st, _("Not exported (F2 to correct the name): %s."), fail);
		return;
	}
	state_status(st, P_("Exported %zu centre to %s.", "Exported %zu centres to %s.", st->f.n),
	    st->f.n, name);
}

/* The text of what the state asked to copy from the selected centre: one
 * field (the n-th phone number: each is its own entry, a phone takes one
 * number at a time), or the whole card. False when the centre has none. */
static bool
copy_text(struct app *a)
{
	struct state *st = &a->st;
	const struct table *t = &a->dir.t;
	size_t r = (size_t)state_row(st);
	enum role role = st->copy_role;
	free(a->clip);
	a->clip = NULL;
	if (role == ROLE_NONE) {
		a->clip = card_text(t, r);
	} else {
		unsigned skip = role == ROLE_PHONE ? st->copy_index : 0;
		for (size_t c = 0; c < t->ncols && !a->clip; c++) {
			size_t n;
			const char *s = table_field(t, r, c, &n);
			if (t->cols[c].role == role && n && skip-- == 0) {
				a->clip = xstrndup(s, n);
				text_oneline(a->clip, n);
			}
		}
	}
	if (!a->clip || !*a->clip) {
		if (role == ROLE_PHONE && st->copy_index)
			state_status(st, _("This centre has no phone number %u."), st->copy_index + 1);
		else
			state_status(st, "%s", role == ROLE_PHONE ? _("This centre has no phone number.") :
			    role == ROLE_EMAIL ? _("This centre has no e-mail address.") :
			    role == ROLE_WEBSITE ? _("This centre has no website.") :
			    _("This centre has no card."));
		return false;
	}
	/* What was sent; whether the terminal took it, nothing here can know
	 * (the help says how to let it). */
	if (role == ROLE_NONE)
		state_status(st, _("Sent the contact card to your terminal's clipboard."));
	else
		state_status(st, _("Sent to your terminal's clipboard: %.*s"),
		    (int)text_cut(a->clip, strlen(a->clip), 400), a->clip);
	return true;
}

/* Ctrl-C: the first says how to quit; a second within 2 seconds quits,
 * with the status of an interrupted program. */
static unsigned
interrupt(struct app *a, unsigned react)
{
	if (a->interrupted && a->now - a->interrupted <= 2000) {
		a->exit_status = 130;
		return react | REACT_QUIT;
	}
	a->interrupted = a->now ? a->now : 1;
	state_status(&a->st, _("Press Ctrl-C again to quit (or F10)."));
	a->status_until = a->now + 2000;
	return react | REACT_DRAW;
}

/* Carries out what the state asked for beyond itself; returns what is left
 * for the terminal. */
static unsigned
perform(struct app *a, unsigned react)
{
	if (react & REACT_RELOAD)
		a->reload_pending = true;	/* "rrrr" typed ahead: one reload */
	if (react & REACT_LOAD)
		open_file(a, a->st.input.s);
	if (react & REACT_EXPORT)
		export(a, a->st.input.s);
	if ((react & REACT_COPY) && !copy_text(a))
		react &= ~(unsigned)REACT_COPY;
	if (react & REACT_INTERRUPT)
		react = interrupt(a, react);
	return react & (REACT_DRAW | REACT_FULL | REACT_COPY | REACT_SUSPEND | REACT_QUIT);
}

/* A reload asked for, and letters typed ahead, are done before anything
 * else happens. */
static void
settle(struct app *a)
{
	if (a->reload_pending)
		reload(a);
	state_search_now(&a->st);
}

void
app_clock(struct app *a, uint64_t ms)
{
	a->now = ms;
}

unsigned
app_idle(struct app *a)
{
	unsigned react = REACT_NONE;
	if (a->reload_pending) {
		reload(a);
		react |= REACT_DRAW;
	}
	react |= state_search_now(&a->st);
	if (a->status_until && a->now >= a->status_until) {
		a->status_until = 0;
		a->interrupted = 0;
		a->st.status[0] = '\0';
		react |= REACT_DRAW;
	}
	return react;
}

long
app_wait(const struct app *a)
{
	if (a->reload_pending || a->st.search_waiting)
		return 0;
	if (!a->status_until)
		return -1;
	return a->now >= a->status_until ? 0 : (long)(a->status_until - a->now);
}

unsigned
app_paste(struct app *a, const char *s, size_t n)
{
	settle(a);
	a->st.status[0] = '\0';
	state_paste(&a->st, s, n);
	return REACT_DRAW;
}

unsigned
app_key(struct app *a, uint32_t key)
{
	struct state *st = &a->st;
	enum action act = keymap_lookup(st->mode, key);
	/* Letters typed ahead narrow the lists once, when no more key is
	 * waiting (app_idle), or before the next other key. */
	bool ahead = act == ACT_TYPE && st->mode == UI_BROWSE && !a->reload_pending;
	if (act != ACT_RELOAD && !ahead)
		settle(a);
	/* A message stays until the next key (the copy menu is its own): a
	 * key that changes nothing else still takes it off the screen. */
	bool had_message = st->status[0] != '\0';
	st->status[0] = '\0';
	if (act != ACT_INTERRUPT)
		a->status_until = 0;
	unsigned react = !ahead ? state_apply(st, act, key) :
	    state_type_ahead(st, key) ? REACT_DRAW : REACT_NONE;
	if (had_message)
		react |= REACT_DRAW;
	return perform(a, react);
}

unsigned
app_resize(struct app *a, int width, int height)
{
	settle(a);
	state_resize(&a->st, width, height);
	return REACT_DRAW | REACT_FULL;
}

unsigned
app_click(struct app *a, enum pane p, int line)
{
	settle(a);
	return perform(a, state_click(&a->st, p, line));
}

unsigned
app_wheel(struct app *a, enum pane p, int delta)
{
	settle(a);
	return perform(a, state_wheel(&a->st, p, delta));
}
