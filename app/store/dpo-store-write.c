/* dpo-store-write.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-store-private.h"

/* These run inside the caller's transaction; each appends its audit row
 * there too, so a record and its trace land together or not at all. */

/* The fields of a record bound as ?1..?n, shared by its INSERT and UPDATE
 * statements (the UPDATEs bind the row's pk after them). */
void
_dpo_bind_incident_fields (DpoSqlStmt      *stmt,
                           const DpoIncident *incident)
{
  _dpo_bind_text (stmt, 1, incident->id);
  _dpo_bind_text (stmt, 2, incident->title);
  _dpo_bind_text (stmt, 3, incident->description);
  _dpo_bind_text (stmt, 4, incident->processor);
  _dpo_bind_words (stmt, 5, (const char * const *) incident->natures);
  _dpo_bind_text (stmt, 6, incident->origin);
  _dpo_bind_time (stmt, 7, incident->started_at);
  _dpo_bind_time (stmt, 8, incident->ended_at);
  _dpo_bind_time (stmt, 9, incident->aware_at);
  _dpo_bind_words (stmt, 10, (const char * const *) incident->data_categories);
  _dpo_bind_words (stmt, 11, (const char * const *) incident->subject_categories);
  _dpo_bind_count (stmt, 12, incident->approx_subjects);
  _dpo_bind_count (stmt, 13, incident->approx_records);
  _dpo_bind_text (stmt, 14, incident->consequences);
  _dpo_bind_text (stmt, 15, incident->risk);
  _dpo_bind_text (stmt, 16, incident->measures);
  _dpo_bind_text (stmt, 17, incident->delay_reason);
  _dpo_bind_text (stmt, 18, incident->notice_subject);
  _dpo_bind_text (stmt, 19, incident->notice_body);
}

void
_dpo_bind_subject_fields (DpoSqlStmt     *stmt,
                          const DpoSubject *subject)
{
  _dpo_bind_text (stmt, 1, subject->id);
  _dpo_bind_text (stmt, 2, subject->last_name);
  _dpo_bind_text (stmt, 3, subject->first_name);
  _dpo_bind_text (stmt, 4, subject->birth_date);
  _dpo_bind_text (stmt, 5, subject->nir);
  _dpo_bind_text (stmt, 6, subject->member_number);
  _dpo_bind_text (stmt, 7, subject->email);
  _dpo_bind_text (stmt, 8, subject->postal_address);
}

/* Also binds the due dates derived from the receipt and the extension. */
void
_dpo_bind_request_fields (DpoStore         *self,
                          DpoSqlStmt     *stmt,
                          const DpoRequest *request)
{
  g_autofree char *due_on = NULL;
  g_autofree char *current_due_on = NULL;

  _dpo_request_due_columns (request, dpo_store_get_alsace_moselle (self), &due_on, &current_due_on);
  _dpo_bind_text (stmt, 1, request->id);
  _dpo_bind_text (stmt, 2, request->subject_id);
  _dpo_bind_text (stmt, 3, request->requester_name);
  _dpo_bind_text (stmt, 4, request->requester_contact);
  _dpo_bind_text (stmt, 5, request->kind);
  _dpo_bind_time (stmt, 6, request->received_at);
  _dpo_bind_text (stmt, 7, request->channel);
  _dpo_bind_time (stmt, 8, request->identity_verified_at);
  _dpo_bind_text (stmt, 9, request->extension_reason);
  _dpo_bind_time (stmt, 10, request->extension_notified_at);
  _dpo_bind_text (stmt, 11, request->status);
  _dpo_bind_time (stmt, 12, request->answered_at);
  _dpo_bind_text (stmt, 13, request->outcome);
  _dpo_bind_text (stmt, 14, request->refusal_ground);
  _dpo_bind_text (stmt, 15, request->changes);
  _dpo_bind_text (stmt, 16, due_on);
  _dpo_bind_text (stmt, 17, current_due_on);
  _dpo_bind_text (stmt, 18, request->decision);
  _dpo_bind_text (stmt, 19, request->decision_reason);
}

gboolean
_dpo_store_insert_event (DpoStore  *self,
              gint64     incident,
              DpoEvent  *event,
              GError   **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "INSERT INTO events (incident, at, kind, description) VALUES (?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, incident);
  _dpo_bind_time (stmt, 2, event->at);
  _dpo_bind_text (stmt, 3, event->kind);
  _dpo_bind_text (stmt, 4, event->description);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;
  event->rowid = dpo_sql_last_insert_id (_dpo_store_get_db (self));
  return TRUE;
}

gboolean
_dpo_store_insert_notification (DpoStore         *self,
                     gint64            incident,
                     DpoNotification  *notification,
                     GError          **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "INSERT INTO notifications (incident, authority, authority_name, kind, sent_at, reference) "
    "VALUES (?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, incident);
  _dpo_bind_text (stmt, 2, notification->authority);
  _dpo_bind_text (stmt, 3, notification->authority_name);
  _dpo_bind_text (stmt, 4, notification->kind);
  _dpo_bind_time (stmt, 5, notification->sent_at);
  _dpo_bind_text (stmt, 6, notification->reference);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;
  notification->rowid = dpo_sql_last_insert_id (_dpo_store_get_db (self));
  return TRUE;
}

gboolean
_dpo_store_insert_complaint (DpoStore      *self,
                  gint64         incident,
                  DpoComplaint  *complaint,
                  GError       **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "INSERT INTO complaints (incident, direction, body, filed_at, reference, party, status, outcome) "
    "VALUES (?, ?, ?, ?, ?, ?, coalesce (?, 'open'), ?)", error);

  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, incident);
  _dpo_bind_text (stmt, 2, complaint->direction);
  _dpo_bind_text (stmt, 3, complaint->body);
  _dpo_bind_time (stmt, 4, complaint->filed_at);
  _dpo_bind_text (stmt, 5, complaint->reference);
  _dpo_bind_text (stmt, 6, complaint->party);
  _dpo_bind_text (stmt, 7, complaint->status);
  _dpo_bind_text (stmt, 8, complaint->outcome);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;
  complaint->rowid = dpo_sql_last_insert_id (_dpo_store_get_db (self));
  return TRUE;
}

gboolean
_dpo_store_insert_communication (DpoStore          *self,
                      gint64             incident,
                      DpoCommunication  *communication,
                      GError           **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "INSERT INTO communications (incident, channel, sent_at, count, message) VALUES (?, ?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, incident);
  _dpo_bind_text (stmt, 2, communication->channel);
  _dpo_bind_time (stmt, 3, communication->sent_at);
  _dpo_bind_count (stmt, 4, communication->count);
  _dpo_bind_text (stmt, 5, communication->message);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;
  communication->rowid = dpo_sql_last_insert_id (_dpo_store_get_db (self));
  return TRUE;
}

gboolean
_dpo_store_insert_incident_row (DpoStore     *self,
                                DpoIncident  *incident,
                                GError      **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "INSERT INTO incidents (id, title, description, processor, natures, origin, started_at, "
    "ended_at, aware_at, data_categories, subject_categories, approx_subjects, approx_records, "
    "consequences, risk, measures, delay_reason, notice_subject, notice_body) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  _dpo_bind_incident_fields (stmt, incident);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;
  incident->rowid = dpo_sql_last_insert_id (_dpo_store_get_db (self));
  return TRUE;
}

gboolean
_dpo_store_insert_incident (DpoStore     *self,
                            DpoIncident  *incident,
                            JsonNode     *as_imported,
                            GError      **error)
{
  if (!_dpo_store_insert_incident_row (self, incident, error))
    return FALSE;

  for (guint i = 0; i < incident->events->len; i++)
    if (!_dpo_store_insert_event (self, incident->rowid, g_ptr_array_index (incident->events, i), error))
      return FALSE;
  for (guint i = 0; i < incident->notifications->len; i++)
    if (!_dpo_store_insert_notification (self, incident->rowid, g_ptr_array_index (incident->notifications, i), error))
      return FALSE;
  for (guint i = 0; i < incident->complaints->len; i++)
    if (!_dpo_store_insert_complaint (self, incident->rowid, g_ptr_array_index (incident->complaints, i), error))
      return FALSE;
  for (guint i = 0; i < incident->communications->len; i++)
    if (!_dpo_store_insert_communication (self, incident->rowid, g_ptr_array_index (incident->communications, i), error))
      return FALSE;

  return _dpo_store_audit (self, "incident", incident->id, "insert", as_imported, error);
}

gboolean
_dpo_store_insert_contract (DpoStore     *self,
                 gint64        subject,
                 DpoContract  *contract,
                 GError      **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "INSERT INTO contracts (subject, number, product, start_date, end_date) VALUES (?, ?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, subject);
  _dpo_bind_text (stmt, 2, contract->number);
  _dpo_bind_text (stmt, 3, contract->product);
  _dpo_bind_text (stmt, 4, contract->start_date);
  _dpo_bind_text (stmt, 5, contract->end_date);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;
  contract->rowid = dpo_sql_last_insert_id (_dpo_store_get_db (self));
  return TRUE;
}

gboolean
_dpo_store_insert_subject (DpoStore    *self,
                           DpoSubject  *subject,
                           JsonNode    *as_imported,
                           GError     **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "INSERT INTO subjects (id, last_name, first_name, birth_date, nir, member_number, email, "
    "postal_address, restricted_since, restriction_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  _dpo_bind_subject_fields (stmt, subject);
  _dpo_bind_text (stmt, 9, subject->restricted_since);
  _dpo_bind_text (stmt, 10, subject->restriction_reason);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;
  subject->rowid = dpo_sql_last_insert_id (_dpo_store_get_db (self));
  if (!_dpo_store_index_subject (self, subject, FALSE, error))
    return FALSE;

  for (guint i = 0; i < subject->contracts->len; i++)
    if (!_dpo_store_insert_contract (self, subject->rowid, g_ptr_array_index (subject->contracts, i), error))
      return FALSE;
  for (guint i = 0; i < subject->holds->len; i++)
    if (!_dpo_store_insert_hold (self, subject->rowid, g_ptr_array_index (subject->holds, i), error))
      return FALSE;

  return _dpo_store_audit (self, "subject", subject->id, "insert", as_imported, error);
}

gboolean
_dpo_store_insert_request (DpoStore    *self,
                           DpoRequest  *request,
                           JsonNode    *as_imported,
                           GError     **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    DPO_REQUEST_INSERT "(SELECT pk FROM subjects WHERE id = ?)" DPO_REQUEST_INSERT_REST, error);

  if (stmt == NULL)
    return FALSE;
  _dpo_bind_request_fields (self, stmt, request);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;
  request->rowid = dpo_sql_last_insert_id (_dpo_store_get_db (self));
  if (!_dpo_store_index_request (self, request, FALSE, error))
    return FALSE;

  return _dpo_store_audit (self, "request", request->id, "insert", as_imported, error);
}
