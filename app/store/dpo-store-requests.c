/* dpo-store-requests.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-computed.h"
#include "dpo-error.h"
#include "dpo-record-json.h"
#include "dpo-store-conflict.h"
#include "dpo-store-private.h"
#include "dpo-time.h"
#include "dpo-validate.h"

/* The stored columns are a copy of dpo-computed's due dates, kept for
 * sorting and filtering a million requests from an index. */
void
_dpo_request_due_columns (const DpoRequest  *request,
                          gboolean           alsace_moselle,
                          char             **due_on,
                          char             **current_due_on)
{
  DpoRequestDeadlines deadlines;
  GDate any_day;

  /* Only the due dates are used, not "overdue": any valid day will do. */
  g_date_clear (&any_day, 1);
  g_date_set_dmy (&any_day, 1, G_DATE_JANUARY, 2000);
  dpo_request_get_deadlines_on (request, &any_day, alsace_moselle, &deadlines);
  *due_on = dpo_date_to_iso (&deadlines.due_on);
  *current_due_on = dpo_date_to_iso (dpo_request_deadlines_current (&deadlines));
}

gboolean
_dpo_store_read_alsace_moselle (DpoStore *self)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "SELECT value FROM settings WHERE key = 'alsace_moselle'", NULL);
  gboolean value = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    value = g_strcmp0 (dpo_sql_column_text (stmt, 0), "true") == 0;
  dpo_sql_reset (stmt);
  return value;
}

static gboolean
recompute_due_dates (DpoStore  *self,
                     gboolean   alsace_moselle,
                     GError   **error)
{
  DpoSqlStmt *select = _dpo_store_prepare (self, "SELECT pk, received_at, extension_notified_at FROM requests", error);
  DpoSqlStmt *update = _dpo_store_prepare (self, "UPDATE requests SET due_on = ?, current_due_on = ? WHERE pk = ?", error);
  gboolean ok = TRUE;

  if (select == NULL || update == NULL)
    return FALSE;
  while (ok && dpo_sql_step (select) == DPO_SQL_ROW)
    {
      g_autoptr(DpoRequest) request = dpo_request_new ();
      g_autofree char *due_on = NULL, *current_due_on = NULL;

      request->received_at = _dpo_column_time (select, 1);
      request->extension_notified_at = _dpo_column_time (select, 2);
      _dpo_request_due_columns (request, alsace_moselle, &due_on, &current_due_on);
      _dpo_bind_text (update, 1, due_on);
      _dpo_bind_text (update, 2, current_due_on);
      dpo_sql_bind_int64 (update, 3, dpo_sql_column_int64 (select, 0));
      ok = _dpo_store_step_done (self, update, error);
    }
  dpo_sql_reset (select);
  return ok;
}

static gboolean
write_alsace_moselle (DpoStore  *self,
                      gpointer   data,
                      GError   **error)
{
  gboolean alsace_moselle = GPOINTER_TO_INT (data);
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "INSERT INTO settings (key, value) "
                                                 "VALUES ('alsace_moselle', ?) ON CONFLICT (key) "
                                                 "DO UPDATE SET value = excluded.value", error);
  g_autoptr(JsonNode) node = json_node_init_boolean (json_node_alloc (), alsace_moselle);

  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, alsace_moselle ? "true" : "false");
  return _dpo_store_step_done (self, stmt, error) &&
         recompute_due_dates (self, alsace_moselle, error) &&
         _dpo_store_audit (self, "setting", "alsace_moselle", "update", node, error);
}

gboolean
_dpo_store_write_alsace_moselle (DpoStore  *self,
                                 gboolean   alsace_moselle,
                                 GError   **error)
{
  _dpo_store_set_alsace_moselle_flag (self, alsace_moselle);
  return write_alsace_moselle (self, GINT_TO_POINTER (alsace_moselle), error);
}

gboolean
dpo_store_set_alsace_moselle (DpoStore  *self,
                              gboolean   alsace_moselle,
                              GError   **error)
{
  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);

  alsace_moselle = !!alsace_moselle;
  if (alsace_moselle == dpo_store_get_alsace_moselle (self))
    return TRUE;
  /* The flag is set first so that the "changed" handlers see the new dates. */
  _dpo_store_set_alsace_moselle_flag (self, alsace_moselle);
  if (_dpo_store_write (self, write_alsace_moselle, GINT_TO_POINTER (alsace_moselle), error))
    return TRUE;
  _dpo_store_set_alsace_moselle_flag (self, !alsace_moselle);
  return FALSE;
}

static gboolean
update_request_row (DpoStore    *self,
                    DpoRequest  *request,
                    GError     **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "UPDATE requests SET id = ?1, subject = (SELECT pk FROM subjects WHERE id = ?2), "
    "requester_name = ?3, requester_contact = ?4, kind = ?5, received_at = ?6, channel = ?7, "
    "identity_verified_at = ?8, extension_reason = ?9, extension_notified_at = ?10, "
    "status = coalesce (?11, 'received'), answered_at = ?12, outcome = ?13, refusal_ground = ?14, "
    "changes = ?15, due_on = ?16, current_due_on = ?17, decision = ?18, decision_reason = ?19 "
    "WHERE pk = ?20", error);

  if (stmt == NULL)
    return FALSE;
  _dpo_bind_request_fields (self, stmt, request);
  dpo_sql_bind_int64 (stmt, 20, request->rowid);
  return _dpo_store_step_done (self, stmt, error) &&
         _dpo_store_index_request (self, request, TRUE, error);
}

DpoRequest *
_dpo_store_read_request_by_rowid (DpoStore *self,
                                  gint64    rowid)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "SELECT " DPO_REQUEST_COLUMNS " FROM requests r "
                                                 "LEFT JOIN subjects s ON s.pk = r.subject WHERE r.pk = ?",
                                           NULL);
  DpoRequest *request = NULL;

  if (stmt == NULL)
    return NULL;
  dpo_sql_bind_int64 (stmt, 1, rowid);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    request = _dpo_request_from_row (stmt);
  dpo_sql_reset (stmt);
  return request;
}

/* Writes @request over the stored row of the same rowid, with its audit diff. */
gboolean
_dpo_store_update_request (DpoStore    *self,
                           DpoRequest  *request,
                           const char  *action,
                           GError     **error)
{
  g_autoptr(DpoRequest) old = _dpo_store_read_request_by_rowid (self, request->rowid);
  g_autoptr(JsonNode) old_node = NULL;
  g_autoptr(JsonNode) new_node = NULL;
  g_autoptr(JsonNode) diff = NULL;

  if (old == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND,
                   _("This request no longer exists; it may have been deleted meanwhile."));
      return FALSE;
    }
  old_node = dpo_request_to_json (old);
  new_node = dpo_request_to_json (request);
  diff = _dpo_audit_diff (old_node, new_node);
  if (diff == NULL)
    return TRUE;
  return update_request_row (self, request, error) &&
         _dpo_store_audit (self, "request", request->id, action, diff, error);
}

static gboolean
check_request_refs (DpoStore    *self,
                    DpoRequest  *request,
                    GError     **error)
{
  gint64 pk = _dpo_store_lookup_pk (self, "SELECT pk FROM requests WHERE id = ?", request->id);

  if (pk != 0 && pk != request->rowid)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_EXISTS,
                   _("Reference: “%s” is already used by another request"), request->id);
      return FALSE;
    }
  if (request->subject_id != NULL &&
      _dpo_store_lookup_pk (self, "SELECT pk FROM subjects WHERE id = ?", request->subject_id) == 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("Person: there is no person “%s”"), request->subject_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_request (DpoStore  *self,
               gpointer   data,
               GError   **error)
{
  DpoRequest *request = data;
  g_autoptr(JsonNode) node = NULL;

  if (!check_request_refs (self, request, error))
    return FALSE;
  if (request->rowid != 0)
    {
      node = dpo_request_to_json (request);
      if (!_dpo_store_check_unchanged (self, "request", request->rowid, request->audit_seen, node, error) ||
          !_dpo_store_update_request (self, request, "update", error))
        return FALSE;
    }
  else
    {
      node = dpo_request_to_json (request);
      if (!_dpo_store_insert_request (self, request, node, error))
        return FALSE;
    }
  /* Saved again from the same copy, this save is no colleague's change. */
  request->audit_seen = _dpo_store_audit_mark (self, "request", request->id);
  return TRUE;
}

/* Answered or refused: closed with an answer to the person (withdrawn is
 * closed without one). */
static gboolean
is_answer_status (DpoRequestStatus status)
{
  return status == DPO_REQUEST_ANSWERED || status == DPO_REQUEST_REFUSED;
}

gboolean
dpo_store_save_request (DpoStore    *self,
                        DpoRequest  *request,
                        GError     **error)
{
  g_autofree char *changes = NULL;
  gint64 seen;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);

  /* An answer without a date is dated now. */
  if (is_answer_status (dpo_request_get_status (request)) && request->answered_at == NULL)
    request->answered_at = dpo_store_dup_now (self);

  if (!dpo_validate_request (request, dpo_store_get_alsace_moselle (self), error))
    return FALSE;
  if (request->changes != NULL)
    {
      dpo_validate_changes (request->changes, &changes, NULL);
      g_free (request->changes);
      request->changes = g_steal_pointer (&changes);
    }
  seen = request->audit_seen;
  if (_dpo_store_write (self, write_request, request, error))
    return TRUE;
  /* Rolled back: the mark the write took is not in the log. */
  request->audit_seen = seen;
  return FALSE;
}
