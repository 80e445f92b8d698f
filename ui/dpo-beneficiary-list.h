/* dpo-beneficiary-list.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

#define DPO_TYPE_BENEFICIARY_LIST (dpo_beneficiary_list_get_type ())

G_DECLARE_FINAL_TYPE (DpoBeneficiaryList, dpo_beneficiary_list, DPO, BENEFICIARY_LIST, GtkBox)

/* The people a contract of @holder_id covers besides its holder, with a
 * search (the People page's: name, member number, reference, NIR) to add
 * more and a button on each to remove it. Nothing is saved here: the
 * contract editor saves the list with the contract. */
GtkWidget *dpo_beneficiary_list_new     (DpoStore           *store,
                                         const char         *holder_id,
                                         const char * const *ids);
/* The ids listed, in the order they were added. */
GStrv      dpo_beneficiary_list_dup_ids (DpoBeneficiaryList *self);
/* Adds the person @id, as picking them from the search does; FALSE when
 * they are the holder, listed already, or not in the register. */
gboolean   dpo_beneficiary_list_add     (DpoBeneficiaryList *self,
                                         const char         *id);
gboolean   dpo_beneficiary_list_remove  (DpoBeneficiaryList *self,
                                         const char         *id);

G_END_DECLS
