/* fuzz-import-one.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A scratch folder for the databases of dpo_fuzz_import_one(). */
char     *dpo_fuzz_make_work_dir (void);

/* Imports @data into a fresh database in @work_dir, the way `dpo import`
 * does, and checks what must hold for any input; aborts when it does not:
 * - a refused document gives one DPO_ERROR message in valid UTF-8, short
 *   whatever the input, and leaves the database empty; once read, it is
 *   never refused by the schema's own checks (DPO_ERROR_FAILED);
 * - an accepted document round-trips: export-json, import of that export
 *   into another fresh database, export-json again give the same text.
 * Returns whether the document was accepted. */
gboolean  dpo_fuzz_import_one    (const guint8 *data,
                                  gsize         size,
                                  const char   *work_dir);

G_END_DECLS
