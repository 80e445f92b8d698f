/* dpo-entry-editor.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

#define DPO_TYPE_ENTRY_EDITOR (dpo_entry_editor_get_type ())

G_DECLARE_FINAL_TYPE (DpoEntryEditor, dpo_entry_editor, DPO, ENTRY_EDITOR, AdwWindow)

/* A modal dialog adding or editing one entry of an incident's story: an
 * event, a notification, a complaint or a communication (@kind). @record
 * is a DpoEvent, DpoNotification... to edit, or NULL for a new one. Save
 * (editor.save) goes through the store; a refusal is shown above the form
 * and the dialog stays open. */
DpoEntryEditor *dpo_entry_editor_new (GtkWindow         *parent,
                                      DpoStore          *store,
                                      const DpoIncident *incident,
                                      DpoIncidentChild   kind,
                                      gconstpointer      record);

G_END_DECLS
