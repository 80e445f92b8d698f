/* dpo-counts-loader.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dpo-store-counts.h"

G_BEGIN_DECLS

#define DPO_TYPE_COUNTS_LOADER (dpo_counts_loader_get_type ())

G_DECLARE_FINAL_TYPE (DpoCountsLoader, dpo_counts_loader, DPO, COUNTS_LOADER, GObject)

/* The counts a page shows in its header, fetched without delaying a frame:
 * over a million requests they take tens of milliseconds. A load waits for
 * the next frame of @widget (the page that owns the loader, which it does
 * not hold a reference on), then counts on a worker thread; "done" follows,
 * on the main thread. A new load, or dispose, drops the one under way. */
DpoCountsLoader      *dpo_counts_loader_new        (GtkWidget       *widget,
                                                    guint            due_soon_days);
void                  dpo_counts_loader_load       (DpoCountsLoader *self,
                                                    DpoStore        *store);
/* Drops the load under way, if any; the counts known stay known. */
void                  dpo_counts_loader_cancel     (DpoCountsLoader *self);
gboolean              dpo_counts_loader_is_loading (DpoCountsLoader *self);
/* The counts of the last load done, NULL before any (or after a failure). */
const DpoStoreCounts *dpo_counts_loader_get_counts (DpoCountsLoader *self);
/* With @limit > 0, each load also reads the day's work (dpo-store-agenda.h),
 * @limit rows at most in each of its lists, on the same worker thread. */
void                  dpo_counts_loader_set_agenda_limit (DpoCountsLoader *self,
                                                          guint            limit);
/* The day's work of the last load done; NULL before any, after a failure,
 * or without an agenda limit. */
const DpoAgenda      *dpo_counts_loader_get_agenda (DpoCountsLoader *self);
/* Why the last load failed, NULL if it did not. */
const GError         *dpo_counts_loader_get_error  (DpoCountsLoader *self);

G_END_DECLS
