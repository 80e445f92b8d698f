/* dpo-incident-view.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

#define DPO_TYPE_INCIDENT_VIEW (dpo_incident_view_get_type ())

G_DECLARE_FINAL_TYPE (DpoIncidentView, dpo_incident_view, DPO, INCIDENT_VIEW, AdwWindow)

/* One incident, in its own window: the CNIL clock (refreshed every minute),
 * the obligations that follow from the risk, the story, every field; edit,
 * add to the story, delete (with undo for entries, a confirmation for the
 * incident). It follows the store's changes, and closes when the incident
 * is deleted or when @parent's "store" changes.
 *
 * Presents the window already showing @id in @store, or a new one. */
DpoIncidentView   *dpo_incident_view_present      (GtkWindow       *parent,
                                                   DpoStore        *store,
                                                   const char      *id);
/* Opens the editor of a new incident; once saved, the incident's view. */
GtkWindow         *dpo_incident_view_new_incident (GtkWindow       *parent,
                                                   DpoStore        *store);
const char        *dpo_incident_view_get_id       (DpoIncidentView *self);
/* The incident as last read from the store (NULL once deleted). */
const DpoIncident *dpo_incident_view_get_incident (DpoIncidentView *self);
/* Writes the incident's report for the CNIL (the order of its notification
 * form) to @file, on a worker thread; the result is a toast with "Open" or
 * a dialog with the reason. incident.export-report asks for @file, then
 * calls this. */
void               dpo_incident_view_export_report_to (DpoIncidentView *self,
                                                       GFile           *file);
/* Re-reads the CNIL clock as of the store's "now" (the minute timer). */
void               dpo_incident_view_refresh_clock (DpoIncidentView *self);

/* For screenshots and demonstrations: DPO_OPEN_INCIDENT=ID opens that
 * incident once @parent is shown ("ID/edit": its editor too, "ID/inform":
 * Inform the People… too, "new": the
 * editor of a new incident). Does nothing without the variable. */
void               dpo_incident_view_open_from_environment (GtkWindow *parent,
                                                            DpoStore  *store);

G_END_DECLS
