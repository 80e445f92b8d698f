/* dpo-editor-dialog.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DPO_TYPE_EDITOR_DIALOG (dpo_editor_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DpoEditorDialog, dpo_editor_dialog, DPO, EDITOR_DIALOG, AdwWindow)

/* Saves the form through the core. On FALSE the dialog stays open and shows
 * the core's "Field: what is wrong" above the form, the field marked. */
typedef gboolean (*DpoEditorSaveFunc) (GtkWidget  *form,
                                       gpointer    user_data,
                                       GError    **error);

/* A modal dialog around @form (person, contract or request), transient for
 * @parent's window, with Cancel and @accept_label in its header. */
DpoEditorDialog *dpo_editor_dialog_new       (GtkWidget         *parent,
                                              const char        *title,
                                              const char        *accept_label,
                                              GtkWidget         *form,
                                              DpoEditorSaveFunc  save,
                                              gpointer           user_data,
                                              GDestroyNotify     destroy);
GtkWidget       *dpo_editor_dialog_get_form  (DpoEditorDialog   *self);
/* Reads the record again from the store into @form, as stored now. */
typedef gboolean (*DpoEditorReloadFunc) (GtkWidget  *form,
                                         GError    **error);
/* A save refused because someone else changed the record meanwhile
 * (DPO_ERROR_CHANGED_ELSEWHERE) then offers "Reload", which calls @reload. */
void             dpo_editor_dialog_set_reload (DpoEditorDialog  *self,
                                               DpoEditorReloadFunc reload);
/* Reloads as the "Reload" button does; TRUE when reloaded (the error goes). */
gboolean         dpo_editor_dialog_reload    (DpoEditorDialog   *self);
/* Whether "Reload" is offered. */
gboolean         dpo_editor_dialog_offers_reload (DpoEditorDialog *self);
/* Saves as the accept button does; TRUE when saved (the dialog closes). */
gboolean         dpo_editor_dialog_accept    (DpoEditorDialog   *self);
/* The error shown, or NULL. */
const char      *dpo_editor_dialog_get_error (DpoEditorDialog   *self);

/* A date typed as "2024-02-12" or "12/02/2024" (the French order): blank
 * gives NULL and TRUE; bad text a DPO_ERROR_INVALID "@field: …" error.
 * @iso receives "YYYY-MM-DD". */
gboolean         dpo_editor_parse_date       (const char        *text,
                                              const char        *field,
                                              char             **iso,
                                              GError           **error);

/* Gives every row under @root with a title that title as its accessible
 * name, so screen readers announce each field. */
void             dpo_editor_label_rows       (GtkWidget         *root);
/* Shows @text (NULL: empty) in an entry row. */
void             dpo_editor_set_row_text     (gpointer           row,
                                              const char        *text);

/* A read-only value in @row, under the field's name (selectable, for
 * copying); @css_class "dim-label" (not recorded), "error" or "warning". */
void             dpo_editor_set_row_value    (AdwActionRow      *row,
                                              const char        *text,
                                              const char        *css_class);

/* Toasts through the window's toast overlay above @widget. */
void             dpo_editor_toast            (GtkWidget         *widget,
                                              const char        *message);
/* An error dialog over @widget's window. */
void             dpo_editor_show_error       (GtkWidget         *widget,
                                              const char        *heading,
                                              const char        *message);

G_END_DECLS
