/* dpo-store-letters.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-store-letters.h"
#include "dpo-store-private.h"
#include "dpo-time.h"

/* The request letters (issue 12, item 1): their history, what an access
 * answer reads about a person, and the templates the DPO edited. */

void
dpo_letter_record_free (DpoLetterRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->request_id);
  g_free (record->kind);
  g_clear_pointer (&record->produced_at, g_date_time_unref);
  g_free (record);
}

typedef struct
{
  const char * const *request_ids;
  const char         *kind;
  GDateTime          *produced_at;
} LetterBatch;

static gboolean
record_one (DpoStore     *self,
            const char   *request_id,
            const char   *kind,
            const char   *produced_at,
            GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) changes = NULL;
  DpoSqlStmt *stmt;

  stmt = _dpo_store_prepare (self, "INSERT INTO request_letters (request, kind, produced_at) "
                                   "SELECT pk, ?, ? FROM requests WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, kind);
  _dpo_bind_text (stmt, 2, produced_at);
  _dpo_bind_text (stmt, 3, request_id);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;
  if (dpo_sql_changes (_dpo_store_get_db (self)) != 1)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND, _("There is no request “%s”."),
                   request_id);
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "letter");
  json_builder_add_string_value (builder, kind);
  json_builder_set_member_name (builder, "produced_at");
  json_builder_add_string_value (builder, produced_at);
  json_builder_end_object (builder);
  changes = json_builder_get_root (builder);
  return _dpo_store_audit (self, "request_letter", request_id, "insert", changes, error);
}

static gboolean
record_batch (DpoStore  *self,
              gpointer   data,
              GError   **error)
{
  LetterBatch *batch = data;
  g_autofree char *produced_at = dpo_time_to_storage (batch->produced_at);

  for (guint i = 0; batch->request_ids[i] != NULL; i++)
    if (!record_one (self, batch->request_ids[i], batch->kind, produced_at, error))
      return FALSE;
  return TRUE;
}

gboolean
dpo_store_record_letters (DpoStore            *self,
                          const char * const  *request_ids,
                          const char          *kind,
                          GDateTime           *produced_at,
                          GError             **error)
{
  LetterBatch batch = { request_ids, kind, produced_at };

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (request_ids != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (produced_at != NULL, FALSE);

  return _dpo_store_write (self, record_batch, &batch, error);
}

GPtrArray *
dpo_store_list_request_letters (DpoStore    *self,
                                const char  *request_id,
                                GError     **error)
{
  g_autoptr(GPtrArray) letters = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_letter_record_free);
  DpoSqlStmt *stmt;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  g_return_val_if_fail (request_id != NULL, NULL);

  stmt = _dpo_store_prepare (self, "SELECT r.id, l.kind, l.produced_at FROM request_letters l "
                                   "JOIN requests r ON r.pk = l.request WHERE r.id = ? "
                                   "ORDER BY l.produced_at, l.pk", error);
  if (stmt == NULL)
    return NULL;
  _dpo_bind_text (stmt, 1, request_id);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      DpoLetterRecord *record = g_new0 (DpoLetterRecord, 1);

      record->request_id = _dpo_column_text (stmt, 0);
      record->kind = _dpo_column_text (stmt, 1);
      record->produced_at = _dpo_column_time (stmt, 2);
      g_ptr_array_add (letters, record);
    }
  dpo_sql_reset (stmt);
  return g_steal_pointer (&letters);
}

GPtrArray *
dpo_store_list_subject_requests (DpoStore    *self,
                                 const char  *subject_id,
                                 GError     **error)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_request_free);
  DpoSqlStmt *stmt;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  g_return_val_if_fail (subject_id != NULL, NULL);

  stmt = _dpo_store_prepare (self, "SELECT " DPO_REQUEST_COLUMNS " FROM requests r "
                                   "JOIN subjects s ON s.pk = r.subject WHERE s.id = ? "
                                   "ORDER BY r.received_at, r.pk", error);
  if (stmt == NULL)
    return NULL;
  _dpo_bind_text (stmt, 1, subject_id);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    g_ptr_array_add (requests, _dpo_request_from_row (stmt));
  dpo_sql_reset (stmt);
  return g_steal_pointer (&requests);
}

GPtrArray *
dpo_store_list_subject_incidents (DpoStore    *self,
                                  const char  *subject_id,
                                  GError     **error)
{
  g_autoptr(GPtrArray) incidents = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_incident_free);
  DpoSqlStmt *stmt;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  g_return_val_if_fail (subject_id != NULL, NULL);

  stmt = _dpo_store_prepare (self, "SELECT " DPO_INCIDENT_COLUMNS " FROM incidents i "
                                   "JOIN affected a ON a.incident = i.pk "
                                   "JOIN subjects s ON s.pk = a.subject WHERE s.id = ? "
                                   "ORDER BY i.aware_at, i.pk", error);
  if (stmt == NULL)
    return NULL;
  _dpo_bind_text (stmt, 1, subject_id);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    g_ptr_array_add (incidents, _dpo_incident_from_row (stmt));
  dpo_sql_reset (stmt);
  return g_steal_pointer (&incidents);
}

gboolean
dpo_store_get_letter_template (DpoStore    *self,
                               const char  *kind,
                               const char  *language,
                               char       **subject,
                               char       **body)
{
  DpoSqlStmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);

  stmt = _dpo_store_prepare (self, "SELECT subject, body FROM letter_templates "
                                   "WHERE kind = ? AND language = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, kind);
  _dpo_bind_text (stmt, 2, language);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      found = TRUE;
      *subject = _dpo_column_text (stmt, 0);
      *body = _dpo_column_text (stmt, 1);
    }
  dpo_sql_reset (stmt);
  return found;
}

typedef struct
{
  const char *kind;
  const char *language;
  const char *subject;
  const char *body;
} TemplateWrite;

static gboolean
write_template (DpoStore  *self,
                gpointer   data,
                GError   **error)
{
  TemplateWrite *t = data;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) changes = NULL;
  g_autofree char *record = g_strdup_printf ("%s.%s", t->kind, t->language);
  DpoSqlStmt *stmt;

  if (t->body == NULL)
    stmt = _dpo_store_prepare (self, "DELETE FROM letter_templates WHERE kind = ? AND language = ?",
                               error);
  else
    stmt = _dpo_store_prepare (self, "INSERT INTO letter_templates (kind, language, "
                                     "subject, body) VALUES (?, ?, ?, ?) ON CONFLICT (kind, language) "
                                     "DO UPDATE SET subject = excluded.subject, body = excluded.body", error);
  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, t->kind);
  _dpo_bind_text (stmt, 2, t->language);
  if (t->body != NULL)
    {
      _dpo_bind_text (stmt, 3, t->subject != NULL ? t->subject : "");
      _dpo_bind_text (stmt, 4, t->body);
    }
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, t->subject);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, t->body);
  json_builder_end_object (builder);
  changes = json_builder_get_root (builder);
  return _dpo_store_audit (self, "letter_template", record,
                           t->body != NULL ? "update" : "delete", changes, error);
}

gboolean
dpo_store_set_letter_template (DpoStore    *self,
                               const char  *kind,
                               const char  *language,
                               const char  *subject,
                               const char  *body,
                               GError     **error)
{
  TemplateWrite t = { kind, language, subject, body };

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL && language != NULL, FALSE);

  return _dpo_store_write (self, write_template, &t, error);
}
