/* dpo-request-editor.h
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

#define DPO_TYPE_REQUEST_EDITOR (dpo_request_editor_get_type ())

G_DECLARE_FINAL_TYPE (DpoRequestEditor, dpo_request_editor, DPO, REQUEST_EDITOR, GtkBox)

/* What was asked, by whom, when: a new request (@request NULL; received
 * now, for @subject_id if given) or an existing one. What was done about it
 * (status, identity, extension, outcome) is edited in the request view. */
GtkWidget       *dpo_request_editor_new         (DpoStore         *store,
                                                 const DpoRequest *request,
                                                 const char       *subject_id);
gboolean         dpo_request_editor_save        (DpoRequestEditor *self,
                                                 GError          **error);
const char      *dpo_request_editor_get_id      (DpoRequestEditor *self);
/* Searches the register for the person (as typing in the search row does)
 * and chooses the first match; FALSE when nobody matches. */
gboolean         dpo_request_editor_choose_person (DpoRequestEditor *self,
                                                   const char       *search);

DpoEditorDialog *dpo_request_editor_present     (GtkWidget        *parent,
                                                 DpoStore         *store,
                                                 const DpoRequest *request,
                                                 const char       *subject_id);

/* A reference not used yet: "R-2026-0006". */
char            *dpo_request_editor_suggest_id  (DpoStore         *store);

G_END_DECLS
