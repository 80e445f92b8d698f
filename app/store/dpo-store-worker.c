/* dpo-store-worker.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-store-private.h"
#include "dpo-store-worker.h"

typedef struct
{
  DpoStoreJobFunc  job;
  gpointer         job_data;
  GDestroyNotify   job_data_free;
  GDateTime       *now;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  if (job->job_data_free != NULL)
    job->job_data_free (job->job_data);
  g_clear_pointer (&job->now, g_date_time_unref);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(DpoStore) worker = NULL;
  GError *error = NULL;

  worker = _dpo_store_open_worker (source_object, job->now, &error);
  if (worker == NULL || !job->job (worker, task, job->job_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
dpo_store_job_run_async (DpoStore            *self,
                         DpoStoreJobFunc      job,
                         gpointer             job_data,
                         GDestroyNotify       job_data_free,
                         gconstpointer        tag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *data;

  g_return_if_fail (DPO_IS_STORE (self));
  g_return_if_fail (job != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (Job, 1);
  data->job = job;
  data->job_data = job_data;
  data->job_data_free = job_data_free;
  data->now = dpo_store_dup_now (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, (gpointer) tag);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, job_free);
  g_task_run_in_thread (task, job_thread);
}

gboolean
dpo_store_job_finish (DpoStore      *self,
                      GAsyncResult  *result,
                      gconstpointer  tag,
                      GError       **error)
{
  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
