/* dpo-dashboard-agenda.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store-agenda.h"

G_BEGIN_DECLS

/* The dashboard's lists of the day's work, as preference groups of rows
 * that each open their record (win.open-incident, win.show-request), with
 * "and N more" rows and empty states that say what to do. @now is the
 * store's. */
GtkWidget *dpo_dashboard_agenda_clocks   (const DpoAgenda *agenda,
                                          GDateTime       *now);
GtkWidget *dpo_dashboard_agenda_requests (const DpoAgenda *agenda,
                                          GDateTime       *now,
                                          gboolean         alsace_moselle);

G_END_DECLS
