/* dpo-affected-import.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-store-affected.h"

G_BEGIN_DECLS

/* The processor's list of the people whose data were stolen, a CSV file
 * (issue 11, item 2): a header row; ',' or ';' between fields (found from
 * the header line); UTF-8 with or without a byte order mark, or
 * windows-1252 (@encoding "windows-1252"; NULL for UTF-8). Columns are
 * recognised by name in French or English, whatever the case or accents:
 * nir / numero_securite_sociale, member_number / numero_adherent,
 * last_name / nom, first_name / prenom, birth_date / date_naissance; other
 * columns are ignored. The file is read as a stream, a chunk at a time:
 * a list of 33 million rows needs no more memory than one of ten.
 *
 * Errors name the file, and the line and column when a row is wrong
 * ("list.csv, line 12, column nir: ..."); nothing is recorded then. */

/* Progress in bytes of the file read. */
typedef void (*DpoAffectedProgressFunc) (guint64  done,
                                         guint64  total,
                                         gpointer user_data);

gboolean dpo_affected_import_file        (DpoStore                *store,
                                          const char              *incident_id,
                                          GFile                   *file,
                                          const char              *encoding,
                                          DpoAffectedProgressFunc  progress,
                                          gpointer                 progress_data,
                                          DpoAffectedCounts       *counts,
                                          GCancellable            *cancellable,
                                          GError                 **error);

/* The same on a worker thread with a connection of its own; @progress is
 * called in the caller's main context, at most ten times a second. @store
 * emits "changed" when the import lands. */
void     dpo_affected_import_file_async  (DpoStore                *store,
                                          const char              *incident_id,
                                          GFile                   *file,
                                          const char              *encoding,
                                          DpoAffectedProgressFunc  progress,
                                          gpointer                 progress_data,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data);
gboolean dpo_affected_import_file_finish (DpoStore                *store,
                                          GAsyncResult            *result,
                                          DpoAffectedCounts       *counts,
                                          GError                 **error);

G_END_DECLS
