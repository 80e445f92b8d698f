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
  sqlite3_stmt *stmt = _dpo_store_prepare (self, "SELECT pk, notice_subject, notice_body "
                                                 "FROM incidents WHERE id = ?", error);
  gint64 pk = 0;
  g_autofree char *old_subject = NULL, *old_body = NULL;
  g_autoptr(JsonNode) old_node = NULL, new_node = NULL, diff = NULL;

  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, w->incident_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      pk = sqlite3_column_int64 (stmt, 0);
      old_subject = _dpo_column_text (stmt, 1);
      old_body = _dpo_column_text (stmt, 2);
    }
  sqlite3_reset (stmt);
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
  sqlite3_bind_int64 (stmt, 3, pk);
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
