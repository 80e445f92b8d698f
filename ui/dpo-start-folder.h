/* dpo-start-folder.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where a file chooser starts: beside the database file, or, for a
 * register on a server (no folder of its own) or @database NULL, the
 * user's Documents folder (else home). */
GFile *dpo_start_folder (const char *database);

G_END_DECLS
