/* dpo-registers.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* Rows on one sheet, header included: Excel's limit. A longer register
 * continues on "Requests (2)", and so on. */
#define DPO_XLSX_SHEET_ROWS 1048576

/* @done of @total rows written. */
typedef void (*DpoExportProgressFunc) (guint64  done,
                                       guint64  total,
                                       gpointer user_data);

/* The registers workbook (DESIGN "Registers workbook"): Breaches, Timeline,
 * Notifications, Complaints and Requests, translated, with computed columns
 * as of dpo_store_dup_now(). Written in constant memory through a hidden
 * temporary file beside @file, renamed over @file only when complete: on
 * failure or cancellation nothing is left behind and a previous file is
 * untouched. Errors are DPO_ERROR_IO naming the file, or G_IO_ERROR_CANCELLED.
 * @max_rows: rows per sheet, header included (0 for DPO_XLSX_SHEET_ROWS).
 * @progress, if not NULL, is called in this thread every thousand rows or
 * so; with @done == @total once every row is written (the file is then
 * being finished, which can no longer be cancelled), and again at the end. */
gboolean dpo_registers_export (DpoStore              *store,
                               GFile                 *file,
                               guint                  max_rows,
                               DpoExportProgressFunc  progress,
                               gpointer               progress_data,
                               GCancellable          *cancellable,
                               GError               **error);
/* The same on a worker thread with its own connection to the store's file,
 * as of dpo_store_dup_now() at the time of the call. @progress is called
 * in the thread-default main context of the caller, at most ten times a
 * second; @progress_data must stay valid until @callback has run. */
void     dpo_registers_export_async (DpoStore              *store,
                                     GFile                 *file,
                                     guint                  max_rows,
                                     DpoExportProgressFunc  progress,
                                     gpointer               progress_data,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data);
gboolean dpo_registers_export_finish (DpoStore              *store,
                                      GAsyncResult          *result,
                                      GError               **error);

/* One incident laid out in the order of the CNIL's notification form, for
 * the DPO to copy into the CNIL's online service and keep as the internal
 * record. DPO_ERROR_NOT_FOUND if there is no such incident; otherwise as
 * dpo_registers_export(). */
gboolean dpo_registers_export_incident (DpoStore              *store,
                                        const char            *id,
                                        GFile                 *file,
                                        GError               **error);
void     dpo_registers_export_incident_async (DpoStore              *store,
                                              const char            *id,
                                              GFile                 *file,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
gboolean dpo_registers_export_incident_finish (DpoStore              *store,
                                               GAsyncResult          *result,
                                               GError               **error);

G_END_DECLS
