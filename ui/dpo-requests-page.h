/* dpo-requests-page.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-editor-dialog.h"
#include "dpo-list-page.h"
#include "dpo-request-view.h"

G_BEGIN_DECLS

#define DPO_TYPE_REQUESTS_PAGE (dpo_requests_page_get_type ())

G_DECLARE_FINAL_TYPE (DpoRequestsPage, dpo_requests_page, DPO, REQUESTS_PAGE, DpoListPage)

void        dpo_requests_page_set_store          (DpoRequestsPage *self,
                                                  DpoStore        *store);
GListModel *dpo_requests_page_get_model          (DpoRequestsPage *self);

/* One request's view, in place of the register, with a back button. */
void             dpo_requests_page_show_request   (DpoRequestsPage *self,
                                                   const char      *id);
void             dpo_requests_page_show_list      (DpoRequestsPage *self);
DpoRequestView  *dpo_requests_page_get_view       (DpoRequestsPage *self);

/* Sets the filter menus from @filter (its search aside); the list follows. */
void             dpo_requests_page_set_filter     (DpoRequestsPage        *self,
                                                   const DpoRequestFilter *filter);
/* The counts shown in the page header. */
void             dpo_requests_page_get_due_counts (DpoRequestsPage *self,
                                                   guint           *overdue,
                                                   guint           *due_soon);
/* The "New Request" dialog. */
DpoEditorDialog *dpo_requests_page_new_request    (DpoRequestsPage *self);

G_END_DECLS
