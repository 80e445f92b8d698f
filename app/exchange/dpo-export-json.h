/* dpo-export-json.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* The whole store as the interchange document (DESIGN "Interchange
 * format"), with computed fields as of dpo_store_dup_now(). Depends only
 * on the data and "now". */
gboolean dpo_export_json             (DpoStore             *store,
                                      GOutputStream        *stream,
                                      GCancellable         *cancellable,
                                      GError              **error);

/* The same, into @file, whole or not at all; the async variant runs on a
 * worker thread with its own connection, as of the caller's "now". Errors
 * name the file. */
gboolean dpo_export_json_file        (DpoStore             *store,
                                      GFile                *file,
                                      GCancellable         *cancellable,
                                      GError              **error);
void     dpo_export_json_file_async  (DpoStore             *store,
                                      GFile                *file,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean dpo_export_json_file_finish (DpoStore             *store,
                                      GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
