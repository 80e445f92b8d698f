/* dpo-incident-entry.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-incident-entry.h"

/* The rowid is the first member of each of the four records. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (DpoEvent, rowid) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (DpoNotification, rowid) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (DpoComplaint, rowid) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (DpoCommunication, rowid) == 0);

static GPtrArray *
entries_of (const DpoIncident *incident,
            DpoIncidentChild   kind)
{
  switch (kind)
    {
    case DPO_CHILD_EVENT:
      return incident->events;
    case DPO_CHILD_NOTIFICATION:
      return incident->notifications;
    case DPO_CHILD_COMPLAINT:
      return incident->complaints;
    case DPO_CHILD_COMMUNICATION:
      return incident->communications;
    default:
      g_return_val_if_reached (NULL);
    }
}

gpointer
dpo_incident_entry_find (const DpoIncident *incident,
                         DpoIncidentChild   kind,
                         gint64             rowid)
{
  GPtrArray *entries;

  g_return_val_if_fail (incident != NULL, NULL);

  entries = entries_of (incident, kind);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      gpointer record = g_ptr_array_index (entries, i);

      if (*(gint64 *) record == rowid)
        return record;
    }
  return NULL;
}

gpointer
dpo_incident_entry_copy (DpoIncidentChild kind,
                         gconstpointer    record)
{
  g_return_val_if_fail (record != NULL, NULL);

  switch (kind)
    {
    case DPO_CHILD_EVENT:
      return dpo_event_copy (record);
    case DPO_CHILD_NOTIFICATION:
      return dpo_notification_copy (record);
    case DPO_CHILD_COMPLAINT:
      return dpo_complaint_copy (record);
    case DPO_CHILD_COMMUNICATION:
      return dpo_communication_copy (record);
    default:
      g_return_val_if_reached (NULL);
    }
}

void
dpo_incident_entry_free (DpoIncidentChild kind,
                         gpointer         record)
{
  if (record == NULL)
    return;

  switch (kind)
    {
    case DPO_CHILD_EVENT:
      dpo_event_free (record);
      break;
    case DPO_CHILD_NOTIFICATION:
      dpo_notification_free (record);
      break;
    case DPO_CHILD_COMPLAINT:
      dpo_complaint_free (record);
      break;
    case DPO_CHILD_COMMUNICATION:
      dpo_communication_free (record);
      break;
    default:
      g_return_if_reached ();
    }
}

void
dpo_incident_entry_set_rowid (DpoIncidentChild kind,
                              gpointer         record,
                              gint64           rowid)
{
  g_return_if_fail (record != NULL);

  *(gint64 *) record = rowid;
}

gboolean
dpo_incident_entry_save (DpoStore          *store,
                         const char        *incident_id,
                         DpoIncidentChild   kind,
                         gpointer           record,
                         GError           **error)
{
  switch (kind)
    {
    case DPO_CHILD_EVENT:
      return dpo_store_save_event (store, incident_id, record, error);
    case DPO_CHILD_NOTIFICATION:
      return dpo_store_save_notification (store, incident_id, record, error);
    case DPO_CHILD_COMPLAINT:
      return dpo_store_save_complaint (store, incident_id, record, error);
    case DPO_CHILD_COMMUNICATION:
      return dpo_store_save_communication (store, incident_id, record, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

const char *
dpo_incident_entry_deleted_message (DpoIncidentChild kind)
{
  switch (kind)
    {
    case DPO_CHILD_EVENT:
      return _("Event deleted");
    case DPO_CHILD_NOTIFICATION:
      return _("Notification deleted");
    case DPO_CHILD_COMPLAINT:
      return _("Complaint deleted");
    case DPO_CHILD_COMMUNICATION:
      return _("Communication deleted");
    default:
      g_return_val_if_reached (NULL);
    }
}
