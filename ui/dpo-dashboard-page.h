/* dpo-dashboard-page.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

#define DPO_TYPE_DASHBOARD_PAGE (dpo_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (DpoDashboardPage, dpo_dashboard_page, DPO, DASHBOARD_PAGE, AdwBin)

DpoStore *dpo_dashboard_page_get_store (DpoDashboardPage *self);
void      dpo_dashboard_page_set_store (DpoDashboardPage *self,
                                        DpoStore         *store);
/* TRUE from a change of the register until its counts are shown. */
gboolean  dpo_dashboard_page_get_counting (DpoDashboardPage *self);

G_END_DECLS
