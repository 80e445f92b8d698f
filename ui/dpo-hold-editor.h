/* dpo-hold-editor.h
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

#define DPO_TYPE_HOLD_EDITOR (dpo_hold_editor_get_type ())

G_DECLARE_FINAL_TYPE (DpoHoldEditor, dpo_hold_editor, DPO, HOLD_EDITOR, GtkBox)

/* The form of one of @subject_id's legal holds, or a new one (@hold NULL). */
GtkWidget       *dpo_hold_editor_new     (DpoStore       *store,
                                          const char     *subject_id,
                                          const DpoHold  *hold);
gboolean         dpo_hold_editor_save    (DpoHoldEditor  *self,
                                          GError        **error);
DpoEditorDialog *dpo_hold_editor_present (GtkWidget      *parent,
                                          DpoStore       *store,
                                          const char     *subject_id,
                                          const DpoHold  *hold);

G_END_DECLS
