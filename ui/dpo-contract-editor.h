/* dpo-contract-editor.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-editor-dialog.h"
#include "dpo-store.h"

G_BEGIN_DECLS

#define DPO_TYPE_CONTRACT_EDITOR (dpo_contract_editor_get_type ())

G_DECLARE_FINAL_TYPE (DpoContractEditor, dpo_contract_editor, DPO, CONTRACT_EDITOR, GtkBox)

/* The form of one of @subject_id's contracts, or a new one (@contract NULL). */
GtkWidget       *dpo_contract_editor_new     (DpoStore          *store,
                                              const char        *subject_id,
                                              const DpoContract *contract);
/* Its DpoBeneficiaryList. */
GtkWidget       *dpo_contract_editor_get_beneficiaries (DpoContractEditor *self);
gboolean         dpo_contract_editor_save    (DpoContractEditor *self,
                                              GError           **error);
DpoEditorDialog *dpo_contract_editor_present (GtkWidget         *parent,
                                              DpoStore          *store,
                                              const char        *subject_id,
                                              const DpoContract *contract);

G_END_DECLS
