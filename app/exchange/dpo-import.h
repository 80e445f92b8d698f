/* dpo-import.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* Import (DESIGN "Interchange format"): all or nothing, in one transaction.
 * Errors name @display_name (or the file), the JSON path and what is wrong. */
typedef struct
{
  guint incidents;
  guint subjects;
  guint requests;
} DpoImportCounts;

gboolean    dpo_import_bytes        (DpoStore            *store,
                                     GBytes              *bytes,
                                     const char          *display_name,
                                     DpoImportCounts     *counts,
                                     GError             **error);
gboolean    dpo_import_file         (DpoStore            *store,
                                     GFile               *file,
                                     DpoImportCounts     *counts,
                                     GError             **error);
/* Runs the import on a worker thread with its own connection, so the window
 * keeps drawing; @store emits "changed" when it lands. */
void        dpo_import_file_async   (DpoStore            *store,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean    dpo_import_file_finish  (DpoStore            *store,
                                     GAsyncResult        *result,
                                     DpoImportCounts     *counts,
                                     GError             **error);

G_END_DECLS
