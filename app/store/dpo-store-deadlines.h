/* dpo-store-deadlines.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store.h"

G_BEGIN_DECLS

/* Counts for the page headers: open requests past their due date, and due
 * within @days days from today, as of dpo_store_dup_now(). The listing of
 * every deadline is dpo_deadlines_foreach() (dpo-deadlines.h). */
void  dpo_store_count_due        (DpoStore        *self,
                                  guint            days,
                                  guint           *overdue,
                                  guint           *due_soon);

G_END_DECLS
