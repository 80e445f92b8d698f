/* dpo-store-worker.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* Long reads off the window's thread (the registers workbook, the incident
 * report, export-json): one way to run them, on a GTask thread with a
 * connection of the worker's own to the store's file, since a connection
 * is not shared with the main thread's readers. */

/* Runs in the worker thread. @worker is the worker's connection, its "now"
 * the caller's at the time of the call; @task is the job's GTask (for
 * reports sent back to the caller's context). */
typedef gboolean (*DpoStoreJobFunc) (DpoStore      *worker,
                                     GTask         *task,
                                     gpointer       job_data,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* Starts @job with @job_data (freed with @job_data_free when the task is
 * done). The GTask's source object is @self and its source tag @tag, which
 * dpo_store_job_finish() checks. The job looks at @cancellable itself: a
 * cancellation that comes after the job's point of no return (a file
 * renamed into place) is not reported as one. */
void     dpo_store_job_run_async (DpoStore            *self,
                                  DpoStoreJobFunc      job,
                                  gpointer             job_data,
                                  GDestroyNotify       job_data_free,
                                  gconstpointer        tag,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gboolean dpo_store_job_finish    (DpoStore            *self,
                                  GAsyncResult        *result,
                                  gconstpointer        tag,
                                  GError             **error);

G_END_DECLS
