/* dpo-export-async.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-progress-relay.h"
#include "dpo-registers.h"
#include "dpo-store-worker.h"

/* The exports on a worker thread, for the window (dpo-store-worker.h), with
 * progress sent back to the caller's main context. */

typedef struct
{
  GFile                 *file;
  guint                  max_rows;
  DpoExportProgressFunc  progress;
  gpointer               progress_data;
  DpoProgressRelay      *relay;         /* when there is progress to report */
  GTask                 *task;          /* while the job runs */
} RegistersJob;

static void
registers_job_free (gpointer data)
{
  RegistersJob *job = data;

  g_clear_object (&job->file);
  g_clear_pointer (&job->relay, dpo_progress_relay_free);
  g_free (job);
}

/* Runs in the worker: dpo-progress-relay.h sends it to the caller's main
 * context. */
static void
forward_progress (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  RegistersJob *job = user_data;

  dpo_progress_relay_report (job->relay, job->task, done, total);
}

static gboolean
export_registers_job (DpoStore      *worker,
                      GTask         *task,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  RegistersJob *job = data;

  job->task = task;
  return dpo_registers_export (worker, job->file, job->max_rows,
                               job->relay != NULL ? forward_progress : NULL, job,
                               cancellable, error);
}

static const char registers_tag[] = "dpo_registers_export_async";

void
dpo_registers_export_async (DpoStore              *store,
                            GFile                 *file,
                            guint                  max_rows,
                            DpoExportProgressFunc  progress,
                            gpointer               progress_data,
                            GCancellable          *cancellable,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  RegistersJob *job;

  g_return_if_fail (DPO_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (RegistersJob, 1);
  job->file = g_object_ref (file);
  job->max_rows = max_rows;
  job->progress = progress;
  job->progress_data = progress_data;
  if (progress != NULL)
    job->relay = dpo_progress_relay_new (progress, progress_data);
  dpo_store_job_run_async (store, export_registers_job, job, registers_job_free, registers_tag,
                           cancellable, callback, user_data);
}

gboolean
dpo_registers_export_finish (DpoStore      *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  return dpo_store_job_finish (store, result, registers_tag, error);
}

/* The incident report, on a worker thread too: it is small, but the
 * window never waits on the disk. */

typedef struct
{
  char  *id;
  GFile *file;
} IncidentJob;

static void
incident_job_free (gpointer data)
{
  IncidentJob *job = data;

  g_free (job->id);
  g_clear_object (&job->file);
  g_free (job);
}

static gboolean
export_incident_job (DpoStore      *worker,
                     GTask         *task,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  IncidentJob *job = data;

  return !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         dpo_registers_export_incident (worker, job->id, job->file, error);
}

static const char incident_tag[] = "dpo_registers_export_incident_async";

void
dpo_registers_export_incident_async (DpoStore            *store,
                                     const char          *id,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  IncidentJob *job;

  g_return_if_fail (DPO_IS_STORE (store));
  g_return_if_fail (id != NULL);
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (IncidentJob, 1);
  job->id = g_strdup (id);
  job->file = g_object_ref (file);
  dpo_store_job_run_async (store, export_incident_job, job, incident_job_free, incident_tag,
                           cancellable, callback, user_data);
}

gboolean
dpo_registers_export_incident_finish (DpoStore      *store,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return dpo_store_job_finish (store, result, incident_tag, error);
}
