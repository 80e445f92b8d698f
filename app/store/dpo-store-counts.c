/* dpo-store-counts.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-store-agenda.h"
#include "dpo-store-counts.h"
#include "dpo-store-deadlines.h"
#include "dpo-store-private.h"

/* The address of this variable tags the tasks: a function's address
 * would need a function-to-object pointer conversion, which ISO C lacks. */
static char count_all_tag;

gboolean
dpo_store_has_requests (DpoStore *self)
{
  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  return _dpo_store_query_int (self, "SELECT EXISTS (SELECT 1 FROM requests)") != 0;
}

void
dpo_store_count_all (DpoStore       *self,
                     guint           due_soon_days,
                     DpoStoreCounts *counts)
{
  g_return_if_fail (DPO_IS_STORE (self));
  g_return_if_fail (counts != NULL);

  counts->incidents = dpo_store_count_incidents (self);
  counts->subjects = dpo_store_count_subjects (self);
  counts->requests = dpo_store_count_requests (self);
  dpo_store_count_due (self, due_soon_days, &counts->overdue, &counts->due_soon);
}

typedef struct
{
  GDateTime      *now;
  guint           due_soon_days;
  guint           agenda_limit;    /* 0: counts only */
  DpoStoreCounts  counts;
  DpoAgenda      *agenda;
} CountTask;

static void
count_task_free (gpointer data)
{
  CountTask *task_data = data;

  g_clear_pointer (&task_data->now, g_date_time_unref);
  g_clear_pointer (&task_data->agenda, dpo_agenda_free);
  g_free (task_data);
}

static void
count_all_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  CountTask *data = task_data;
  g_autoptr(DpoStore) worker = NULL;
  GError *error = NULL;

  worker = _dpo_store_open_worker (source_object, data->now, &error);
  if (worker == NULL || g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->agenda_limit == 0)
    dpo_store_count_all (worker, data->due_soon_days, &data->counts);
  else
    {
      /* The agenda counts the requests due already: not twice. */
      data->agenda = dpo_store_read_agenda (worker, data->due_soon_days, data->agenda_limit);
      data->counts.incidents = dpo_store_count_incidents (worker);
      data->counts.subjects = dpo_store_count_subjects (worker);
      data->counts.requests = dpo_store_count_requests (worker);
      data->counts.overdue = data->agenda->n_overdue;
      data->counts.due_soon = data->agenda->n_due_soon;
    }
  g_task_return_boolean (task, TRUE);
}

void
dpo_store_count_all_async (DpoStore            *self,
                           guint                due_soon_days,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  dpo_store_read_day_async (self, due_soon_days, 0, cancellable, callback, user_data);
}

void
dpo_store_read_day_async (DpoStore            *self,
                          guint                due_soon_days,
                          guint                agenda_limit,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CountTask *data;

  g_return_if_fail (DPO_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (CountTask, 1);
  data->now = dpo_store_dup_now (self);
  data->due_soon_days = due_soon_days;
  data->agenda_limit = agenda_limit;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, &count_all_tag);
  g_task_set_task_data (task, data, count_task_free);
  g_task_run_in_thread (task, count_all_thread);
}

gboolean
dpo_store_count_all_finish (DpoStore        *self,
                            GAsyncResult    *result,
                            DpoStoreCounts  *counts,
                            GError         **error)
{
  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &count_all_tag, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  return dpo_store_read_day_finish (self, result, counts, NULL, error);
}

gboolean
dpo_store_read_day_finish (DpoStore        *self,
                           GAsyncResult    *result,
                           DpoStoreCounts  *counts,
                           DpoAgenda      **agenda,
                           GError         **error)
{
  CountTask *data;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &count_all_tag, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  *counts = data->counts;
  if (agenda != NULL)
    *agenda = g_steal_pointer (&data->agenda);
  return TRUE;
}
