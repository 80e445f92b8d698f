/* dpo-store-agenda.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-records.h"
#include "dpo-store.h"

G_BEGIN_DECLS

/* The day's work, as the dashboard lists it: the CNIL clocks still running
 * (the soonest deadline first), those past their 72 hours, the late
 * notifications whose delay reason is still missing, and the open requests
 * overdue or due within the next days (the soonest first; those not
 * extended are due on their one-month date, by which the extension must be
 * decided). Each list holds at most the limit asked for; its n_ field
 * counts them all, so the page can say "and 12 more". */
typedef struct
{
  GPtrArray *running;          /* of DpoIncident, without children */
  guint      n_running;
  GPtrArray *overdue_clocks;   /* of DpoIncident */
  guint      n_overdue_clocks;
  GPtrArray *missing_reason;   /* of DpoIncident: notified late, no reason */
  guint      n_missing_reason;
  GPtrArray *overdue;          /* of DpoRequest */
  guint      n_overdue;
  GPtrArray *due_soon;         /* of DpoRequest */
  guint      n_due_soon;
} DpoAgenda;

void       dpo_agenda_free        (DpoAgenda *agenda);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoAgenda, dpo_agenda_free)

/* As of dpo_store_dup_now(); @days as for dpo_store_count_due(), @limit
 * rows at most in each list. The requests are read from the index of open
 * requests by due date, LIMIT @limit: instant over a million requests. */
DpoAgenda *dpo_store_read_agenda  (DpoStore *self,
                                   guint     days,
                                   guint     limit);

G_END_DECLS
