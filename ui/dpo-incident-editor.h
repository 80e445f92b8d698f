/* dpo-incident-editor.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

#define DPO_TYPE_INCIDENT_EDITOR (dpo_incident_editor_get_type ())

G_DECLARE_FINAL_TYPE (DpoIncidentEditor, dpo_incident_editor, DPO, INCIDENT_EDITOR, AdwWindow)

/* A modal dialog editing every field of @incident, or a new incident when
 * @incident is NULL. "Save" (editor.save, Ctrl+S) goes through the store;
 * a refused save shows the store's message above the form, marks the
 * field and keeps the dialog open. On success it emits ::saved with the
 * incident's reference, then closes. */
DpoIncidentEditor *dpo_incident_editor_new (GtkWindow         *parent,
                                            DpoStore          *store,
                                            const DpoIncident *incident);

G_END_DECLS
