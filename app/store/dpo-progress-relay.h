/* dpo-progress-relay.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Progress of a job on a worker thread (dpo-store-worker.h), delivered in
 * the main context of the thread that started it, at most ten times a
 * second (and always the last report). */

typedef void (*DpoProgressRelayFunc) (guint64  done,
                                      guint64  total,
                                      gpointer user_data);

typedef struct _DpoProgressRelay DpoProgressRelay;

/* In the starting thread: its thread-default main context receives the
 * reports. */
DpoProgressRelay *dpo_progress_relay_new    (DpoProgressRelayFunc  func,
                                             gpointer              func_data);
/* In the worker. Each pending report holds @task (whose data should own
 * the relay), so the relay lives until every report is delivered; reports
 * are queued at the task's priority, before its result, and one still
 * pending once the task has completed is dropped. */
void              dpo_progress_relay_report (DpoProgressRelay     *self,
                                             GTask                *task,
                                             guint64               done,
                                             guint64               total);
void              dpo_progress_relay_free   (DpoProgressRelay     *self);

G_END_DECLS
