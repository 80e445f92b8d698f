/* dpo-incident-entry.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store.h"

G_BEGIN_DECLS

/* The four kinds of entries in an incident's story, handled alike: the
 * record is a DpoEvent, DpoNotification, DpoComplaint or DpoCommunication
 * as @kind says. */

/* The entry of @incident with @rowid, or NULL. Owned by @incident. */
gpointer  dpo_incident_entry_find   (const DpoIncident *incident,
                                     DpoIncidentChild   kind,
                                     gint64             rowid);
gpointer  dpo_incident_entry_copy   (DpoIncidentChild   kind,
                                     gconstpointer      record);
void      dpo_incident_entry_free   (DpoIncidentChild   kind,
                                     gpointer           record);
/* Sets the record's rowid (0: saving inserts it again). */
void      dpo_incident_entry_set_rowid (DpoIncidentChild kind,
                                        gpointer         record,
                                        gint64           rowid);
gboolean  dpo_incident_entry_save   (DpoStore          *store,
                                     const char        *incident_id,
                                     DpoIncidentChild   kind,
                                     gpointer           record,
                                     GError           **error);
/* "Event deleted", "Notification deleted"... */
const char *dpo_incident_entry_deleted_message (DpoIncidentChild kind);

G_END_DECLS
