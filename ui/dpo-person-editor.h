/* dpo-person-editor.h
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

#define DPO_TYPE_PERSON_EDITOR (dpo_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (DpoPersonEditor, dpo_person_editor, DPO, PERSON_EDITOR, GtkBox)

/* The form of a person: @subject's fields, or a new person (NULL) with a
 * free reference proposed. */
GtkWidget       *dpo_person_editor_new      (DpoStore         *store,
                                             const DpoSubject *subject);
/* Validates and saves through the core; nothing is written on error. */
gboolean         dpo_person_editor_save     (DpoPersonEditor  *self,
                                             GError          **error);
/* The person's reference once saved. */
const char      *dpo_person_editor_get_id   (DpoPersonEditor  *self);

/* "New Person" or "Edit Person" in a dialog over @parent. */
DpoEditorDialog *dpo_person_editor_present  (GtkWidget        *parent,
                                             DpoStore         *store,
                                             const DpoSubject *subject);

/* A reference not used yet: "S-0006" after five people. */
char            *dpo_person_editor_suggest_id (DpoStore       *store);

G_END_DECLS
