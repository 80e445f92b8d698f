/* dpo-store-counts.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-store-agenda.h"
#include "dpo-store.h"

G_BEGIN_DECLS

/* What the window's summaries show: the size of each register, and the
 * open requests past their due date or due within the next days. */
typedef struct
{
  guint incidents;
  guint subjects;
  guint requests;
  guint overdue;
  guint due_soon;
} DpoStoreCounts;

/* Whether the register holds any request: one index probe. */
gboolean  dpo_store_has_requests      (DpoStore            *self);

/* Fills @counts as of dpo_store_dup_now(); @due_soon_days as for
 * dpo_store_count_due(). Over a million requests this scans indexes for
 * tens of milliseconds: the window uses the async variant. */
void      dpo_store_count_all         (DpoStore            *self,
                                       guint                due_soon_days,
                                       DpoStoreCounts      *counts);

/* The same on a worker thread with its own connection, as of the
 * dpo_store_dup_now() of the call, so the window draws while it counts. */
void      dpo_store_count_all_async   (DpoStore            *self,
                                       guint                due_soon_days,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  dpo_store_count_all_finish  (DpoStore            *self,
                                       GAsyncResult        *result,
                                       DpoStoreCounts      *counts,
                                       GError             **error);

/* The counts and, with @agenda_limit > 0, the day's work (dpo-store-agenda.h)
 * on the same worker thread; *@agenda (may be NULL) receives it, or NULL
 * when not asked for. */
void      dpo_store_read_day_async    (DpoStore            *self,
                                       guint                due_soon_days,
                                       guint                agenda_limit,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  dpo_store_read_day_finish   (DpoStore            *self,
                                       GAsyncResult        *result,
                                       DpoStoreCounts      *counts,
                                       DpoAgenda          **agenda,
                                       GError             **error);

G_END_DECLS
