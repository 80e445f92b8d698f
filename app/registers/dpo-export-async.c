/* dpo-export-async.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-export-xlsx.h"
#include "dpo-store-private.h"

/* The exports on a worker thread, for the window: GTask, a connection of
 * the worker's own to the store's file, and progress sent back to the
 * caller's main context. */

/* The tasks' source tags: the addresses of these variables, since ISO C
 * has no conversion from a function's address to a data pointer. */
static char registers_tag;
static char incident_tag;

typedef struct
{
  GFile                 *file;
  guint                  max_rows;
  GDateTime             *now;
  DpoExportProgressFunc  progress;
  gpointer               progress_data;
  GMainContext          *context;
  gint64                 last_report;   /* monotonic µs, in the worker */
} RegistersTask;

static void
registers_task_free (gpointer data)
{
  RegistersTask *task_data = data;

  g_clear_object (&task_data->file);
  g_clear_pointer (&task_data->now, g_date_time_unref);
  g_clear_pointer (&task_data->context, g_main_context_unref);
  g_free (task_data);
}

typedef struct
{
  GTask   *task;
  guint64  done;
  guint64  total;
} ProgressReport;

static gboolean
report_progress_cb (gpointer data)
{
  ProgressReport *report = data;
  RegistersTask *task_data = g_task_get_task_data (report->task);

  task_data->progress (report->done, report->total, task_data->progress_data);
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
 * the same priority, so none arrives after the callback. */
static void
forward_progress (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  GTask *task = user_data;
  RegistersTask *task_data = g_task_get_task_data (task);
  gint64 now = g_get_monotonic_time ();
  ProgressReport *report;

  if (done < total && now - task_data->last_report < G_USEC_PER_SEC / 10)
    return;
  task_data->last_report = now;

  report = g_new0 (ProgressReport, 1);
  report->task = g_object_ref (task);
  report->done = done;
  report->total = total;
  g_main_context_invoke_full (task_data->context, G_PRIORITY_DEFAULT,
                              report_progress_cb, report, progress_report_free);
}

static void
export_registers_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  RegistersTask *data = task_data;
  g_autoptr(DpoStore) worker = NULL;
  GError *error = NULL;

  worker = _dpo_store_open_worker (source_object, data->now, &error);
  if (worker == NULL ||
      !dpo_store_export_registers (worker, data->file, data->max_rows,
                                   data->progress != NULL ? forward_progress : NULL, task,
                                   cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
dpo_store_export_registers_async (DpoStore              *self,
                                  GFile                 *file,
                                  guint                  max_rows,
                                  DpoExportProgressFunc  progress,
                                  gpointer               progress_data,
                                  GCancellable          *cancellable,
                                  GAsyncReadyCallback    callback,
                                  gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  RegistersTask *data;

  g_return_if_fail (DPO_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (RegistersTask, 1);
  data->file = g_object_ref (file);
  data->max_rows = max_rows;
  data->now = dpo_store_dup_now (self);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, &registers_tag);
  /* A cancellation that came too late (the file was already renamed into
   * place) must not be reported as one: the caller would say that nothing
   * was written. The worker checks the cancellable itself. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, registers_task_free);
  g_task_run_in_thread (task, export_registers_thread);
}

gboolean
dpo_store_export_registers_finish (DpoStore      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &registers_tag,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The incident report, on a worker thread too: it is small, but the
 * window never waits on the disk. */

typedef struct
{
  char      *id;
  GFile     *file;
  GDateTime *now;
} IncidentTask;

static void
incident_task_free (gpointer data)
{
  IncidentTask *task_data = data;

  g_free (task_data->id);
  g_clear_object (&task_data->file);
  g_clear_pointer (&task_data->now, g_date_time_unref);
  g_free (task_data);
}

static void
export_incident_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  IncidentTask *data = task_data;
  g_autoptr(DpoStore) worker = NULL;
  GError *error = NULL;

  worker = _dpo_store_open_worker (source_object, data->now, &error);
  if (worker == NULL || g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !dpo_store_export_incident (worker, data->id, data->file, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
dpo_store_export_incident_async (DpoStore            *self,
                                 const char          *id,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  IncidentTask *data;

  g_return_if_fail (DPO_IS_STORE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (IncidentTask, 1);
  data->id = g_strdup (id);
  data->file = g_object_ref (file);
  data->now = dpo_store_dup_now (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, &incident_tag);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, incident_task_free);
  g_task_run_in_thread (task, export_incident_thread);
}

gboolean
dpo_store_export_incident_finish (DpoStore      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &incident_tag,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
