/* dpo-request-view.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

#define DPO_TYPE_REQUEST_VIEW (dpo_request_view_get_type ())

G_DECLARE_FINAL_TYPE (DpoRequestView, dpo_request_view, DPO, REQUEST_VIEW, GtkBox)

/* One request with every field: who asked what and when, its due dates,
 * identity verification, extension, the changes asked for, and its answer;
 * the buttons that act on it (Mark Identity Verified, Record Extension,
 * Carry Out…). It follows the store's changes. Its back button activates
 * "page.back". */
void              dpo_request_view_set_store   (DpoRequestView *self,
                                                DpoStore       *store);
/* Shows request @id (NULL: none). */
void              dpo_request_view_show        (DpoRequestView *self,
                                                const char     *id);
const char       *dpo_request_view_get_id      (DpoRequestView *self);
/* The request as shown, or NULL when there is none. */
const DpoRequest *dpo_request_view_get_request (DpoRequestView *self);

/* The status badge of a request, as the lists and views show it:
 * "Received · overdue" with the style class "request-overdue"… */
char             *dpo_request_view_describe_status (const DpoRequest  *request,
                                                    gboolean           overdue,
                                                    const char       **css_class);

G_END_DECLS
