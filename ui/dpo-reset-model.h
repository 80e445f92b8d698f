/* dpo-reset-model.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DPO_TYPE_RESET_MODEL (dpo_reset_model_get_type ())

G_DECLARE_FINAL_TYPE (DpoResetModel, dpo_reset_model, DPO, RESET_MODEL, GObject)

/* Shows a lazy model to GTK's list views. When the whole list changes (a
 * new search, or the store's reload), GTK 4.8's list item manager looks for
 * the rows it was showing through every new item; over a million rows that
 * fetches them all, for seconds. This model reports such a change as the
 * removal of every row, then the insertion of the new ones: nothing to look
 * for, only the visible rows are read. The price: the view goes back to
 * the top. Smaller changes are passed on as they are.
 *
 * After such a reset only a screenful of rows is shown at first: call
 * dpo_reset_model_reveal_more() as the view is scrolled near the last row
 * shown, so that GTK builds only the rows seen rather than 200 at once
 * (and, on the next search, destroys only those). */
DpoResetModel *dpo_reset_model_new       (void);
GListModel    *dpo_reset_model_get_model (DpoResetModel *self);
void           dpo_reset_model_set_model (DpoResetModel *self,
                                          GListModel    *model);
gboolean       dpo_reset_model_is_partial (DpoResetModel *self);
/* How many rows a reset shows at once: a screenful (24 until set). */
void           dpo_reset_model_set_first_rows (DpoResetModel *self,
                                               guint          first_rows);
/* Shows more rows; FALSE once all are shown. */
gboolean       dpo_reset_model_reveal_more (DpoResetModel *self);

G_END_DECLS
