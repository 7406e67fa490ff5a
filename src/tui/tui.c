/* SPDX-License-Identifier: MIT
 * tui: placeholder until the screen lands: prints the list. */
#include "tui.h"

#include "../batch/batch.h"

int
tui_run(struct directory *d, const char *path, const struct options *o)
{
	(void)path;
	return batch_list(d, o, stdout, stderr);
}
