/* dpo-store-notice.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-store-notice.h"
#include "dpo-store-private.h"

/* The notice alone, for its editor and `dpo notice --save`: the rest of the
 * incident is left as it is in the database, whatever a window shows. */

typedef struct
{
  const char      *incident_id;
  const DpoNotice *notice;
} NoticeWrite;

/* {"notice": {"subject", "body"}} or {"notice": null}: the member of the
 * incident's JSON (dpo_incident_to_json()), so the audit reads the same
 * whichever way the notice was changed. */
static JsonNode *
notice_json (const char *subject,
             const char *body)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "notice");
  if (subject == NULL && body == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "subject");
      json_builder_add_string_value (builder, subject);
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, body);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
write_notice (DpoStore  *self,
              gpointer   data,
              GError   **error)
{
  NoticeWrite *w = data;
  const char *subject = w->notice != NULL ? w->notice->subject : NULL;
  const char *body = w->notice != NULL ? w->notice->body : NULL;
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "SELECT pk, notice_subject, notice_body "
                                                 "FROM incidents WHERE id = ?", error);
  gint64 pk = 0;
  g_autofree char *old_subject = NULL, *old_body = NULL;
  g_autoptr(JsonNode) old_node = NULL, new_node = NULL, diff = NULL;

  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, w->incident_id);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      pk = dpo_sql_column_int64 (stmt, 0);
      old_subject = _dpo_column_text (stmt, 1);
      old_body = _dpo_column_text (stmt, 2);
    }
  dpo_sql_reset (stmt);
  if (pk == 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND, _("There is no incident “%s”."), w->incident_id);
      return FALSE;
    }

  old_node = notice_json (old_subject, old_body);
  new_node = notice_json (subject, body);
  diff = _dpo_audit_diff (old_node, new_node);
  if (diff == NULL)
    return TRUE;

  stmt = _dpo_store_prepare (self, "UPDATE incidents SET notice_subject = ?1, notice_body = ?2 "
                                   "WHERE pk = ?3", error);
  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, subject);
  _dpo_bind_text (stmt, 2, body);
  dpo_sql_bind_int64 (stmt, 3, pk);
  return _dpo_store_step_done (self, stmt, error) &&
         _dpo_store_audit (self, "incident", w->incident_id, "update", diff, error);
}

gboolean
dpo_store_save_notice (DpoStore         *self,
                       const char       *incident_id,
                       const DpoNotice  *notice,
                       GError          **error)
{
  NoticeWrite w = { incident_id, notice };

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (incident_id != NULL, FALSE);

  if (notice != NULL && !dpo_notice_check (notice->subject, notice->body, error))
    return FALSE;
  return _dpo_store_write (self, write_notice, &w, error);
}

void
dpo_notice_sample_free (DpoNoticeSample *sample)
{
  if (sample == NULL)
    return;
  g_free (sample->id);
  g_free (sample->first_name);
  g_free (sample->last_name);
  g_free (sample->member_number);
  g_free (sample->co_insured);
  g_free (sample);
}

/* The first row's integer for @incident: 0 if none, -1 on an error. */
static gint64
query_pk (DpoStore    *self,
          const char  *sql,
          gint64       incident,
          GError     **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, sql, error);
  gint64 pk = 0;

  if (stmt == NULL)
    return -1;
  dpo_sql_bind_int64 (stmt, 1, incident);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    pk = dpo_sql_column_int64 (stmt, 0);
  dpo_sql_reset (stmt);
  return pk;
}

/* The affected people that @holder's contracts cover, by name. */
static char *
co_insured_names (DpoStore *self,
                  gint64    incident,
                  gint64    holder)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "SELECT DISTINCT s.first_name || ' ' || s.last_name, s.last_name, s.first_name "
    "FROM contracts c JOIN contract_beneficiaries b ON b.contract = c.pk "
    "JOIN affected a ON a.subject = b.subject AND a.incident = ?1 "
    "JOIN subjects s ON s.pk = b.subject "
    "WHERE c.subject = ?2 AND b.subject <> ?2 ORDER BY 2, 3", NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  if (stmt == NULL)
    return NULL;
  dpo_sql_bind_int64 (stmt, 1, incident);
  dpo_sql_bind_int64 (stmt, 2, holder);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    g_strv_builder_add (names, dpo_sql_column_text (stmt, 0));
  dpo_sql_reset (stmt);
  list = g_strv_builder_end (names);
  return list[0] != NULL ? g_strjoinv (", ", list) : NULL;
}

DpoNoticeSample *
dpo_store_notice_sample (DpoStore    *self,
                         const char  *incident_id,
                         GError     **error)
{
  gint64 incident, holder;
  DpoSqlStmt *stmt;
  DpoNoticeSample *sample = NULL;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);
  g_return_val_if_fail (incident_id != NULL, NULL);

  incident = _dpo_store_lookup_pk (self, "SELECT pk FROM incidents WHERE id = ?", incident_id);
  if (incident == 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND, _("There is no incident “%s”."), incident_id);
      return NULL;
    }
  /* The first co-insured found gives the household: quick at any size. */
  holder = query_pk (self, "SELECT c.subject FROM affected a "
                           "JOIN contract_beneficiaries b ON b.subject = a.subject "
                           "JOIN contracts c ON c.pk = b.contract "
                           "WHERE a.incident = ?1 AND c.subject <> a.subject LIMIT 1", incident, error);
  if (holder == 0)
    holder = query_pk (self, "SELECT subject FROM affected WHERE incident = ?1 "
                             "ORDER BY listed DESC LIMIT 1", incident, error);
  if (holder <= 0)
    return NULL;

  stmt = _dpo_store_prepare (self, "SELECT id, first_name, last_name, member_number FROM subjects "
                                   "WHERE pk = ?", error);
  if (stmt == NULL)
    return NULL;
  dpo_sql_bind_int64 (stmt, 1, holder);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      sample = g_new0 (DpoNoticeSample, 1);
      sample->id = _dpo_column_text (stmt, 0);
      sample->first_name = _dpo_column_text (stmt, 1);
      sample->last_name = _dpo_column_text (stmt, 2);
      sample->member_number = _dpo_column_text (stmt, 3);
    }
  dpo_sql_reset (stmt);
  if (sample != NULL)
    sample->co_insured = co_insured_names (self, incident, holder);
  return sample;
}
