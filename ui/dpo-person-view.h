/* dpo-person-view.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

#define DPO_TYPE_PERSON_VIEW (dpo_person_view_get_type ())

G_DECLARE_FINAL_TYPE (DpoPersonView, dpo_person_view, DPO, PERSON_VIEW, GtkBox)

/* One person: their fields, their contracts marked Active or Ended as of
 * today, and their requests; buttons to edit them, add a contract, record a
 * request. It follows the store's changes. Its back button activates
 * "page.back". */
void              dpo_person_view_set_store   (DpoPersonView *self,
                                               DpoStore      *store);
void              dpo_person_view_show        (DpoPersonView *self,
                                               const char    *id);
const char       *dpo_person_view_get_id      (DpoPersonView *self);
/* The person as shown (contracts included), or NULL. */
const DpoSubject *dpo_person_view_get_subject (DpoPersonView *self);

G_END_DECLS
