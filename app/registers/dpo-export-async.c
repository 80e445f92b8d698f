/* dpo-export-async.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
  GMainContext          *context;
  gint64                 last_report;   /* monotonic µs, in the worker */
  GTask                 *task;          /* while the job runs */
} RegistersJob;

static void
registers_job_free (gpointer data)
{
  RegistersJob *job = data;

  g_clear_object (&job->file);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

typedef struct
{
  GTask        *task;
  RegistersJob *job;
  guint64       done;
  guint64       total;
} ProgressReport;

static gboolean
report_progress_cb (gpointer data)
{
  ProgressReport *report = data;

  report->job->progress (report->done, report->total, report->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_report_free (gpointer data)
{
  ProgressReport *report = data;

  g_object_unref (report->task);
  g_free (report);
}

/* Runs in the worker: forwards at most ten reports a second to the
 * caller's main context. Reports are queued before the task's result, at
 * the same priority, so none arrives after the callback; each holds the
 * task, and so the job, alive until it is delivered. */
static void
forward_progress (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  RegistersJob *job = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressReport *report;

  if (done < total && now - job->last_report < G_USEC_PER_SEC / 10)
    return;
  job->last_report = now;

  report = g_new0 (ProgressReport, 1);
  report->task = g_object_ref (job->task);
  report->job = job;
  report->done = done;
  report->total = total;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT,
                              report_progress_cb, report, progress_report_free);
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
                               job->progress != NULL ? forward_progress : NULL, job,
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
  job->context = g_main_context_ref_thread_default ();
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
