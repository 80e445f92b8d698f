/* dpo-progress-relay.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-progress-relay.h"

/* Reports closer together than this are dropped: a progress bar cannot
 * show more, and each one is a wake-up of the window. */
#define REPORT_INTERVAL_US (G_USEC_PER_SEC / 10)

struct _DpoProgressRelay
{
  DpoProgressRelayFunc  func;
  gpointer              func_data;
  GMainContext         *context;
  gint64                last_report; /* monotonic µs, in the worker */
};

typedef struct
{
  GTask            *task;
  DpoProgressRelay *relay;
  guint64           done;
  guint64           total;
} Report;

static gboolean
deliver_cb (gpointer data)
{
  Report *report = data;

  if (!g_task_get_completed (report->task))
    report->relay->func (report->done, report->total, report->relay->func_data);
  return G_SOURCE_REMOVE;
}

static void
report_free (gpointer data)
{
  Report *report = data;

  g_object_unref (report->task);
  g_free (report);
}

DpoProgressRelay *
dpo_progress_relay_new (DpoProgressRelayFunc  func,
                        gpointer              func_data)
{
  DpoProgressRelay *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (DpoProgressRelay, 1);
  self->func = func;
  self->func_data = func_data;
  self->context = g_main_context_ref_thread_default ();
  return self;
}

void
dpo_progress_relay_report (DpoProgressRelay *self,
                           GTask            *task,
                           guint64           done,
                           guint64           total)
{
  gint64 now = g_get_monotonic_time ();
  Report *report;

  if (done < total && now - self->last_report < REPORT_INTERVAL_US)
    return;
  self->last_report = now;
  report = g_new0 (Report, 1);
  report->task = g_object_ref (task);
  report->relay = self;
  report->done = done;
  report->total = total;
  g_main_context_invoke_full (self->context, g_task_get_priority (task), deliver_cb, report,
                              report_free);
}

void
dpo_progress_relay_free (DpoProgressRelay *self)
{
  if (self == NULL)
    return;
  g_main_context_unref (self->context);
  g_free (self);
}
