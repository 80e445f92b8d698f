/* dpo-store-read.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-json-text.h"
#include "dpo-store-conflict.h"
#include "dpo-store-private.h"
#include "dpo-time.h"

void
_dpo_bind_text (DpoSqlStmt *stmt,
                int           index,
                const char   *text)
{
  if (text == NULL)
    dpo_sql_bind_null (stmt, index);
  else
    dpo_sql_bind_text (stmt, index, text);
}

void
_dpo_bind_time (DpoSqlStmt *stmt,
                int           index,
                GDateTime    *time)
{
  g_autofree char *text = time != NULL ? dpo_time_to_storage (time) : NULL;

  _dpo_bind_text (stmt, index, text);
}

void
_dpo_bind_count (DpoSqlStmt *stmt,
                 int           index,
                 gint64        count)
{
  if (count < 0)
    dpo_sql_bind_null (stmt, index);
  else
    dpo_sql_bind_int64 (stmt, index, count);
}

void
_dpo_bind_words (DpoSqlStmt       *stmt,
                 int                 index,
                 const char * const *words)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    json_builder_add_string_value (builder, words[i]);
  json_builder_end_array (builder);

  node = json_builder_get_root (builder);
  text = dpo_json_to_text (node, FALSE);
  _dpo_bind_text (stmt, index, text);
}

char *
_dpo_column_text (DpoSqlStmt *stmt,
                  int           column)
{
  return g_strdup (dpo_sql_column_text (stmt, column));
}

GDateTime *
_dpo_column_time (DpoSqlStmt *stmt,
                  int           column)
{
  return dpo_time_from_storage (dpo_sql_column_text (stmt, column));
}

gint64
_dpo_column_count (DpoSqlStmt *stmt,
                   int           column)
{
  if (dpo_sql_column_is_null (stmt, column))
    return -1;
  return dpo_sql_column_int64 (stmt, column);
}

GStrv
_dpo_column_words (DpoSqlStmt *stmt,
                   int           column)
{
  const char *text = dpo_sql_column_text (stmt, column);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  if (text != NULL)
    node = json_from_string (text, NULL);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (words, json_array_get_string_element (array, i));
    }
  return g_strv_builder_end (words);
}

DpoIncident *
_dpo_incident_from_row (DpoSqlStmt *stmt)
{
  DpoIncident *incident = dpo_incident_new ();

  incident->rowid = dpo_sql_column_int64 (stmt, 0);
  incident->id = _dpo_column_text (stmt, 1);
  incident->title = _dpo_column_text (stmt, 2);
  incident->description = _dpo_column_text (stmt, 3);
  incident->processor = _dpo_column_text (stmt, 4);
  incident->natures = _dpo_column_words (stmt, 5);
  incident->origin = _dpo_column_text (stmt, 6);
  incident->started_at = _dpo_column_time (stmt, 7);
  incident->ended_at = _dpo_column_time (stmt, 8);
  incident->aware_at = _dpo_column_time (stmt, 9);
  incident->data_categories = _dpo_column_words (stmt, 10);
  incident->subject_categories = _dpo_column_words (stmt, 11);
  incident->approx_subjects = _dpo_column_count (stmt, 12);
  incident->approx_records = _dpo_column_count (stmt, 13);
  incident->consequences = _dpo_column_text (stmt, 14);
  incident->risk = _dpo_column_text (stmt, 15);
  incident->measures = _dpo_column_text (stmt, 16);
  incident->delay_reason = _dpo_column_text (stmt, 17);
  incident->cnil_notified_at = _dpo_column_time (stmt, 18);
  incident->notice_subject = _dpo_column_text (stmt, 19);
  incident->notice_body = _dpo_column_text (stmt, 20);
  return incident;
}

DpoSubject *
_dpo_subject_from_row (DpoSqlStmt *stmt)
{
  DpoSubject *subject = dpo_subject_new ();

  subject->rowid = dpo_sql_column_int64 (stmt, 0);
  subject->id = _dpo_column_text (stmt, 1);
  subject->last_name = _dpo_column_text (stmt, 2);
  subject->first_name = _dpo_column_text (stmt, 3);
  subject->birth_date = _dpo_column_text (stmt, 4);
  subject->nir = _dpo_column_text (stmt, 5);
  subject->member_number = _dpo_column_text (stmt, 6);
  subject->email = _dpo_column_text (stmt, 7);
  subject->postal_address = _dpo_column_text (stmt, 8);
  subject->restricted_since = _dpo_column_text (stmt, 9);
  subject->restriction_reason = _dpo_column_text (stmt, 10);
  return subject;
}

DpoRequest *
_dpo_request_from_row (DpoSqlStmt *stmt)
{
  DpoRequest *request = dpo_request_new ();

  request->rowid = dpo_sql_column_int64 (stmt, 0);
  request->id = _dpo_column_text (stmt, 1);
  request->subject_id = _dpo_column_text (stmt, 2);
  if (request->subject_id != NULL)
    request->subject_name = g_strdup_printf ("%s %s",
                                             dpo_sql_column_text (stmt, 3),
                                             dpo_sql_column_text (stmt, 4));
  request->requester_name = _dpo_column_text (stmt, 5);
  request->requester_contact = _dpo_column_text (stmt, 6);
  request->kind = _dpo_column_text (stmt, 7);
  request->received_at = _dpo_column_time (stmt, 8);
  request->channel = _dpo_column_text (stmt, 9);
  request->identity_verified_at = _dpo_column_time (stmt, 10);
  request->extension_reason = _dpo_column_text (stmt, 11);
  request->extension_notified_at = _dpo_column_time (stmt, 12);
  request->status = _dpo_column_text (stmt, 13);
  request->answered_at = _dpo_column_time (stmt, 14);
  request->outcome = _dpo_column_text (stmt, 15);
  request->refusal_ground = _dpo_column_text (stmt, 16);
  request->changes = _dpo_column_text (stmt, 17);
  request->decision = _dpo_column_text (stmt, 18);
  request->decision_reason = _dpo_column_text (stmt, 19);
  request->subject_restricted_since = _dpo_column_text (stmt, 20);
  request->subject_restriction_reason = _dpo_column_text (stmt, 21);
  return request;
}

/* @table_sql is a constant "SELECT pk FROM <table> WHERE id = ?". */
gint64
_dpo_store_lookup_pk (DpoStore   *self,
                      const char *table_sql,
                      const char *id)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, table_sql, NULL);
  gint64 pk = 0;

  if (stmt == NULL)
    return 0;
  _dpo_bind_text (stmt, 1, id);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    pk = dpo_sql_column_int64 (stmt, 0);
  dpo_sql_reset (stmt);
  return pk;
}

void
_dpo_store_read_incident_children (DpoStore    *self,
                        DpoIncident *incident)
{
  DpoSqlStmt *stmt;

  stmt = _dpo_store_prepare (self, "SELECT pk, at, kind, description FROM events "
                                   "WHERE incident = ? ORDER BY at, pk", NULL);
  dpo_sql_bind_int64 (stmt, 1, incident->rowid);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      DpoEvent *event = dpo_event_new ();
      event->rowid = dpo_sql_column_int64 (stmt, 0);
      event->at = _dpo_column_time (stmt, 1);
      event->kind = _dpo_column_text (stmt, 2);
      event->description = _dpo_column_text (stmt, 3);
      g_ptr_array_add (incident->events, event);
    }
  dpo_sql_reset (stmt);

  stmt = _dpo_store_prepare (self, "SELECT pk, authority, authority_name, kind, sent_at, reference "
                                   "FROM notifications WHERE incident = ? ORDER BY sent_at, pk", NULL);
  dpo_sql_bind_int64 (stmt, 1, incident->rowid);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      DpoNotification *notification = dpo_notification_new ();
      notification->rowid = dpo_sql_column_int64 (stmt, 0);
      notification->authority = _dpo_column_text (stmt, 1);
      notification->authority_name = _dpo_column_text (stmt, 2);
      notification->kind = _dpo_column_text (stmt, 3);
      notification->sent_at = _dpo_column_time (stmt, 4);
      notification->reference = _dpo_column_text (stmt, 5);
      g_ptr_array_add (incident->notifications, notification);
    }
  dpo_sql_reset (stmt);

  stmt = _dpo_store_prepare (self, "SELECT pk, direction, body, filed_at, reference, party, status, "
                                   "outcome FROM complaints WHERE incident = ? ORDER BY filed_at, pk", NULL);
  dpo_sql_bind_int64 (stmt, 1, incident->rowid);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      DpoComplaint *complaint = dpo_complaint_new ();
      complaint->rowid = dpo_sql_column_int64 (stmt, 0);
      complaint->direction = _dpo_column_text (stmt, 1);
      complaint->body = _dpo_column_text (stmt, 2);
      complaint->filed_at = _dpo_column_time (stmt, 3);
      complaint->reference = _dpo_column_text (stmt, 4);
      complaint->party = _dpo_column_text (stmt, 5);
      complaint->status = _dpo_column_text (stmt, 6);
      complaint->outcome = _dpo_column_text (stmt, 7);
      g_ptr_array_add (incident->complaints, complaint);
    }
  dpo_sql_reset (stmt);

  stmt = _dpo_store_prepare (self, "SELECT pk, channel, sent_at, count, message FROM communications "
                                   "WHERE incident = ? ORDER BY sent_at, pk", NULL);
  dpo_sql_bind_int64 (stmt, 1, incident->rowid);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      DpoCommunication *communication = dpo_communication_new ();
      communication->rowid = dpo_sql_column_int64 (stmt, 0);
      communication->channel = _dpo_column_text (stmt, 1);
      communication->sent_at = _dpo_column_time (stmt, 2);
      communication->count = _dpo_column_count (stmt, 3);
      communication->message = _dpo_column_text (stmt, 4);
      g_ptr_array_add (incident->communications, communication);
    }
  dpo_sql_reset (stmt);
}

DpoContract *
_dpo_contract_from_row (DpoSqlStmt *stmt)
{
  DpoContract *contract = dpo_contract_new ();

  contract->rowid = dpo_sql_column_int64 (stmt, 0);
  contract->number = _dpo_column_text (stmt, 1);
  contract->product = _dpo_column_text (stmt, 2);
  contract->start_date = _dpo_column_text (stmt, 3);
  contract->end_date = _dpo_column_text (stmt, 4);
  return contract;
}

void
_dpo_store_read_subject_contracts (DpoStore   *self,
                                   DpoSubject *subject)
{
  DpoSqlStmt *stmt;

  stmt = _dpo_store_prepare (self, "SELECT pk, number, product, start_date, end_date FROM contracts "
                                   "WHERE subject = ? ORDER BY start_date, pk", NULL);
  dpo_sql_bind_int64 (stmt, 1, subject->rowid);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    g_ptr_array_add (subject->contracts, _dpo_contract_from_row (stmt));
  dpo_sql_reset (stmt);
  _dpo_store_read_contract_beneficiaries (self, subject);
}

static void
set_not_found (GError     **error,
               const char  *message_format,
               const char  *id)
{
  g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND, message_format, id);
}

DpoIncident *
dpo_store_get_incident (DpoStore    *self,
                        const char  *id,
                        GError     **error)
{
  DpoSqlStmt *stmt;
  DpoIncident *incident = NULL;
  gint64 seen;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  /* Before the row: see dpo-store-conflict.h. */
  seen = _dpo_store_audit_mark (self, "incident", id);

  stmt = _dpo_store_prepare (self, "SELECT " DPO_INCIDENT_COLUMNS " FROM incidents i WHERE i.id = ?",
                             error);
  if (stmt == NULL)
    return NULL;
  _dpo_bind_text (stmt, 1, id);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      incident = _dpo_incident_from_row (stmt);
      incident->audit_seen = seen;
    }
  dpo_sql_reset (stmt);

  if (incident == NULL)
    {
      set_not_found (error, _("There is no incident “%s”."), id);
      return NULL;
    }
  _dpo_store_read_incident_children (self, incident);
  return incident;
}

DpoSubject *
dpo_store_get_subject (DpoStore    *self,
                       const char  *id,
                       GError     **error)
{
  DpoSqlStmt *stmt;
  DpoSubject *subject = NULL;
  gint64 seen;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  /* Before the row: see dpo-store-conflict.h. */
  seen = _dpo_store_audit_mark (self, "subject", id);

  stmt = _dpo_store_prepare (self, "SELECT " DPO_SUBJECT_COLUMNS " FROM subjects s WHERE s.id = ?",
                             error);
  if (stmt == NULL)
    return NULL;
  _dpo_bind_text (stmt, 1, id);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      subject = _dpo_subject_from_row (stmt);
      subject->audit_seen = seen;
    }
  dpo_sql_reset (stmt);

  if (subject == NULL)
    {
      set_not_found (error, _("There is no person “%s”."), id);
      return NULL;
    }
  _dpo_store_read_subject_contracts (self, subject);
  _dpo_store_read_covered_by (self, subject);
  _dpo_store_read_subject_holds (self, subject);
  return subject;
}

DpoRequest *
dpo_store_get_request (DpoStore    *self,
                       const char  *id,
                       GError     **error)
{
  DpoSqlStmt *stmt;
  DpoRequest *request = NULL;
  gint64 seen;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  /* Before the row: see dpo-store-conflict.h. */
  seen = _dpo_store_audit_mark (self, "request", id);

  stmt = _dpo_store_prepare (self, "SELECT " DPO_REQUEST_COLUMNS " FROM requests r "
                                   "LEFT JOIN subjects s ON s.pk = r.subject WHERE r.id = ?",
                             error);
  if (stmt == NULL)
    return NULL;
  _dpo_bind_text (stmt, 1, id);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      request = _dpo_request_from_row (stmt);
      request->audit_seen = seen;
    }
  dpo_sql_reset (stmt);

  if (request == NULL)
    set_not_found (error, _("There is no request “%s”."), id);
  return request;
}
