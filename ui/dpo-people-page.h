/* dpo-people-page.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-editor-dialog.h"
#include "dpo-list-page.h"
#include "dpo-affected-check.h"
#include "dpo-person-view.h"

G_BEGIN_DECLS

#define DPO_TYPE_PEOPLE_PAGE (dpo_people_page_get_type ())

G_DECLARE_FINAL_TYPE (DpoPeoplePage, dpo_people_page, DPO, PEOPLE_PAGE, DpoListPage)

void        dpo_people_page_set_store (DpoPeoplePage *self,
                                       DpoStore      *store);
GListModel *dpo_people_page_get_model (DpoPeoplePage *self);

/* One person's view, in place of the register, with a back button. */
void             dpo_people_page_show_person (DpoPeoplePage *self,
                                              const char    *id);
void             dpo_people_page_show_list   (DpoPeoplePage *self);
DpoPersonView   *dpo_people_page_get_view    (DpoPeoplePage *self);
/* The "Am I affected?" field. */
DpoAffectedCheck *dpo_people_page_get_affected_check (DpoPeoplePage *self);
/* The "New Person" dialog. */
DpoEditorDialog *dpo_people_page_new_person  (DpoPeoplePage *self);

/* "1 80 05 75 123 456 78": a valid-length NIR in its usual groups; other
 * text is returned as stored. */
char       *dpo_people_page_format_nir (const char *nir);

G_END_DECLS
