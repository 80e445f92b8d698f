/* dpo-store-campaign-record.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Recording what a campaign sent: its communications, `informed` rows and
 * audit entries. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dpo-error.h"
#include "dpo-json-text.h"
#include "dpo-store-campaign-private.h"
#include "dpo-time.h"

typedef struct
{
  DpoStoreCampaign *campaign;
  GDateTime        *sent_at;
  const char       *message;
} CampaignRecord;

/* A JSON string exactly as dpo_json_to_text() writes it (the entry's
 * content hash covers the text): the usual member id as it is, anything
 * else through json-glib itself. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || (guchar) *p >= 0x7f || *p == '"' || *p == '\\')
      {
        node = json_node_init_string (json_node_alloc (), text);
        json = dpo_json_to_text (node, FALSE);
        g_string_append (out, json);
        return;
      }
  g_string_append_c (out, '"');
  g_string_append (out, text);
  g_string_append_c (out, '"');
}

/* The communication's fields, its list of people left empty:
 * {"channel":…,"sent_at":…,"count":…,"message":…,"informed":[]}. */
static char *
communication_head (DpoStore  *self,
                    gint64     communication,
                    GError   **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "SELECT channel, sent_at, count, message FROM communications WHERE pk = ?", error);

  if (stmt == NULL)
    return NULL;
  dpo_sql_bind_int64 (stmt, 1, communication);
  if (dpo_sql_step (stmt) != DPO_SQL_ROW)
    {
      _dpo_store_set_db_error (self, error);
      dpo_sql_reset (stmt);
      return NULL;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "channel");
  json_builder_add_string_value (builder, dpo_sql_column_text (stmt, 0));
  json_builder_set_member_name (builder, "sent_at");
  json_builder_add_string_value (builder, dpo_sql_column_text (stmt, 1));
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, dpo_sql_column_int64 (stmt, 2));
  json_builder_set_member_name (builder, "message");
  if (dpo_sql_column_is_null (stmt, 3))
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, dpo_sql_column_text (stmt, 3));
  json_builder_set_member_name (builder, "informed");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  dpo_sql_reset (stmt);
  root = json_builder_get_root (builder);
  return dpo_json_to_text (root, FALSE);
}

/* The communication as the audit log keeps it, with the people it
 * informed (their references), so that the log alone proves who was told.
 * Written as text, person by person, the same text as json-glib would make
 * of the whole object: a node per person would weigh some 150 bytes each. */
static char *
communication_audit_text (DpoStore  *self,
                          gint64     incident,
                          gint64     communication,
                          GError   **error)
{
  g_autofree char *head = communication_head (self, communication, error);
  g_autoptr(GString) text = NULL;
  DpoSqlStmt *stmt;
  gboolean first = TRUE;
  int rc;

  if (head == NULL)
    return NULL;
  g_assert (g_str_has_suffix (head, "[]}"));
  text = g_string_new_len (head, strlen (head) - 2);
  /* In the file's order (its primary key's), which a server is told. */
  stmt = _dpo_store_prepare (self, "SELECT s.id FROM informed i JOIN subjects s ON s.pk = i.subject "
                                   "WHERE i.incident = ?1 AND i.communication = ?2 ORDER BY i.subject", error);
  if (stmt == NULL)
    return NULL;
  dpo_sql_bind_int64 (stmt, 1, incident);
  dpo_sql_bind_int64 (stmt, 2, communication);
  while ((rc = dpo_sql_step (stmt)) == DPO_SQL_ROW)
    {
      if (!first)
        g_string_append_c (text, ',');
      first = FALSE;
      append_json_string (text, dpo_sql_column_text (stmt, 0));
    }
  if (rc != DPO_SQL_DONE)
    _dpo_store_set_db_error (self, error);
  dpo_sql_reset (stmt);
  if (rc != DPO_SQL_DONE)
    return NULL;
  g_string_append (text, "]}");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
record_channel (DpoStore           *self,
                gint64              incident,
                CampaignRecord     *record,
                DpoCampaignChannel  channel,
                GError            **error)
{
  const char *word = channel_word (channel);
  g_autoptr(DpoCommunication) communication = dpo_communication_new ();
  g_autofree char *sent_at = dpo_time_to_storage (record->sent_at);
  g_autofree char *text = NULL;
  DpoSqlStmt *stmt;
  gint64 count;

  communication->channel = g_strdup (word);
  communication->sent_at = g_date_time_ref (record->sent_at);
  communication->message = g_strdup (record->message);
  communication->count = 0;
  if (!_dpo_store_insert_communication (self, incident, communication, error))
    return FALSE;
  /* A holder told twice on the same day (a second campaign naming another
   * child) is one row: the first communication keeps it. */
  stmt = _dpo_store_prepare (self,
    "INSERT INTO informed (incident, subject, channel, sent_at, communication) "
    "SELECT ?1, subject, ?2, ?3, ?4 FROM campaign_informed WHERE channel = ?2 ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, incident);
  _dpo_bind_text (stmt, 2, word);
  _dpo_bind_text (stmt, 3, sent_at);
  dpo_sql_bind_int64 (stmt, 4, communication->rowid);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;
  count = dpo_sql_changes (_dpo_store_get_db (self));
  stmt = _dpo_store_prepare (self, "UPDATE communications SET count = ? WHERE pk = ?", error);
  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, count);
  dpo_sql_bind_int64 (stmt, 2, communication->rowid);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;
  text = communication_audit_text (self, incident, communication->rowid, error);
  return text != NULL &&
         _dpo_store_audit_text (self, "communication", record->campaign->incident_id, "insert", text, error);
}

static gboolean
write_record (DpoStore  *self,
              gpointer   data,
              GError   **error)
{
  CampaignRecord *record = data;
  const char *incident_id = record->campaign->incident_id;
  gint64 incident = _dpo_store_lookup_pk (self, "SELECT pk FROM incidents WHERE id = ?", incident_id);

  if (incident == 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND, _("There is no incident “%s”."), incident_id);
      return FALSE;
    }
  for (DpoCampaignChannel channel = DPO_CAMPAIGN_EMAIL; channel <= DPO_CAMPAIGN_POST; channel++)
    if (record->campaign->uses[channel] &&
        !record_channel (self, incident, record, channel, error))
      return FALSE;
  return TRUE;
}

gboolean
dpo_store_campaign_record (DpoStoreCampaign  *campaign,
                           GDateTime         *sent_at,
                           const char        *message,
                           GError           **error)
{
  CampaignRecord record = { campaign, sent_at, message };

  g_return_val_if_fail (campaign != NULL && sent_at != NULL, FALSE);

  /* The read ends before the write begins. */
  dpo_store_campaign_end_read (campaign);
  return _dpo_store_write (campaign->store, write_record, &record, error);
}
