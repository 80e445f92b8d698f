/* dpo-incidents-page.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-list-page.h"

G_BEGIN_DECLS

#define DPO_TYPE_INCIDENTS_PAGE (dpo_incidents_page_get_type ())

G_DECLARE_FINAL_TYPE (DpoIncidentsPage, dpo_incidents_page, DPO, INCIDENTS_PAGE, DpoListPage)

void        dpo_incidents_page_set_store (DpoIncidentsPage *self,
                                          DpoStore         *store);
GListModel *dpo_incidents_page_get_model (DpoIncidentsPage *self);

/* The CNIL column's text and style class for one incident, as of @now:
 * "Pending · 41 h left", "Overdue", "Notified on time"... */
char       *dpo_incidents_page_describe_cnil (const DpoIncident *incident,
                                              GDateTime         *now,
                                              const char       **css_class);

/* Rewrites the CNIL cells on screen as of the store's "now", without
 * reading the store again; the page does it every minute while shown. */
void        dpo_incidents_page_refresh_clock (DpoIncidentsPage *self);

G_END_DECLS
