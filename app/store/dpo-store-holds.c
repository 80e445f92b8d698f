/* dpo-store-holds.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-record-json.h"
#include "dpo-store-private.h"
#include "dpo-validate.h"

/* Legal holds (DESIGN "Domain additions"): while one runs, the person's
 * data are kept, by the core's erasure verdict and by the trigger
 * subjects_erasure_rule alike. Each change is in the audit log under the
 * entity "hold" and the person's reference, redacted with the person. */

#define HOLD_COLUMNS "pk, reason, note, since, until"

static DpoHold *
hold_from_row (DpoSqlStmt *stmt)
{
  DpoHold *hold = dpo_hold_new ();

  hold->rowid = dpo_sql_column_int64 (stmt, 0);
  hold->reason = _dpo_column_text (stmt, 1);
  hold->note = _dpo_column_text (stmt, 2);
  hold->since = _dpo_column_text (stmt, 3);
  hold->until = _dpo_column_text (stmt, 4);
  return hold;
}

void
_dpo_store_read_subject_holds (DpoStore   *self,
                               DpoSubject *subject)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "SELECT " HOLD_COLUMNS " FROM holds WHERE subject = ? "
                                                 "ORDER BY since IS NOT NULL, since, pk", NULL);

  g_ptr_array_set_size (subject->holds, 0);
  if (stmt == NULL)
    return;
  dpo_sql_bind_int64 (stmt, 1, subject->rowid);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    g_ptr_array_add (subject->holds, hold_from_row (stmt));
  dpo_sql_reset (stmt);
}

gboolean
_dpo_store_insert_hold (DpoStore  *self,
                        gint64     subject,
                        DpoHold   *hold,
                        GError   **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self,
    "INSERT INTO holds (subject, reason, note, since, until) VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  dpo_sql_bind_int64 (stmt, 1, subject);
  _dpo_bind_text (stmt, 2, hold->reason);
  _dpo_bind_text (stmt, 3, hold->note);
  _dpo_bind_text (stmt, 4, hold->since);
  _dpo_bind_text (stmt, 5, hold->until);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;
  hold->rowid = dpo_sql_last_insert_id (_dpo_store_get_db (self));
  return TRUE;
}

static DpoHold *
read_hold (DpoStore *self,
           gint64    rowid,
           gint64    subject)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "SELECT " HOLD_COLUMNS " FROM holds "
                                                 "WHERE pk = ? AND subject = ?", NULL);
  DpoHold *hold = NULL;

  if (stmt == NULL)
    return NULL;
  dpo_sql_bind_int64 (stmt, 1, rowid);
  dpo_sql_bind_int64 (stmt, 2, subject);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    hold = hold_from_row (stmt);
  dpo_sql_reset (stmt);
  return hold;
}

typedef struct
{
  const char *subject_id;
  DpoHold    *hold;
} HoldWrite;

static gboolean
update_hold (DpoStore   *self,
             HoldWrite  *w,
             gint64      subject,
             GError    **error)
{
  g_autoptr(DpoHold) old = read_hold (self, w->hold->rowid, subject);
  g_autoptr(JsonNode) old_node = NULL;
  g_autoptr(JsonNode) new_node = NULL;
  g_autoptr(JsonNode) diff = NULL;
  DpoSqlStmt *stmt;

  if (old == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND,
                   _("This legal hold no longer exists; it may have been erased with the person."));
      return FALSE;
    }
  stmt = _dpo_store_prepare (self, "UPDATE holds SET reason = ?, note = ?, since = ?, until = ? "
                                   "WHERE pk = ?", error);
  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, w->hold->reason);
  _dpo_bind_text (stmt, 2, w->hold->note);
  _dpo_bind_text (stmt, 3, w->hold->since);
  _dpo_bind_text (stmt, 4, w->hold->until);
  dpo_sql_bind_int64 (stmt, 5, w->hold->rowid);
  if (!_dpo_store_step_done (self, stmt, error))
    return FALSE;

  old_node = dpo_hold_to_json (old);
  new_node = dpo_hold_to_json (w->hold);
  diff = _dpo_audit_diff (old_node, new_node);
  return diff == NULL || _dpo_store_audit (self, "hold", w->subject_id, "update", diff, error);
}

static gboolean
write_hold (DpoStore  *self,
            gpointer   data,
            GError   **error)
{
  HoldWrite *w = data;
  gint64 subject = _dpo_store_lookup_pk (self, "SELECT pk FROM subjects WHERE id = ?", w->subject_id);
  g_autoptr(JsonNode) node = NULL;

  if (subject == 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND, _("There is no person “%s”."), w->subject_id);
      return FALSE;
    }
  if (w->hold->rowid != 0)
    return update_hold (self, w, subject, error);

  node = dpo_hold_to_json (w->hold);
  return _dpo_store_insert_hold (self, subject, w->hold, error) &&
         _dpo_store_audit (self, "hold", w->subject_id, "insert", node, error);
}

gboolean
dpo_store_save_hold (DpoStore    *self,
                     const char  *subject_id,
                     DpoHold     *hold,
                     GError     **error)
{
  HoldWrite w = { subject_id, hold };

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (subject_id != NULL && hold != NULL, FALSE);

  return dpo_validate_hold (hold, error) &&
         _dpo_store_write (self, write_hold, &w, error);
}
