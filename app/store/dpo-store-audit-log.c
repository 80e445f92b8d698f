/* dpo-store-audit-log.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-store-audit-log.h"
#include "dpo-store-private.h"
#include "dpo-store-role.h"

void
dpo_audit_row_free (DpoAuditRow *row)
{
  if (row == NULL)
    return;
  g_free (row->at);
  g_free (row->entity);
  g_free (row->record);
  g_free (row->action);
  g_free (row->actor);
  g_free (row->actor_role);
  g_free (row);
}

GPtrArray *
dpo_store_audit_log (DpoStore  *self,
                     guint      last,
                     GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_audit_row_free);
  DpoSqlStmt *stmt;
  DpoSqlStep rc;

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);

  if (!dpo_store_require (self, DPO_RIGHT_READ_REGISTERS, error))
    return NULL;
  /* The newest @last, then oldest first; one text for both engines. */
  stmt = _dpo_store_prepare (self,
    "SELECT pk, at, entity, record, action, actor, actor_role FROM ("
    "  SELECT pk, at, entity, record, action, actor, actor_role FROM audit "
    "  ORDER BY pk DESC LIMIT ?) t ORDER BY pk", error);
  if (stmt == NULL)
    return NULL;
  dpo_sql_bind_int64 (stmt, 1, last > 0 ? (gint64) last : G_MAXINT64);
  while ((rc = dpo_sql_step (stmt)) == DPO_SQL_ROW)
    {
      DpoAuditRow *row = g_new0 (DpoAuditRow, 1);

      row->pk = dpo_sql_column_int64 (stmt, 0);
      row->at = g_strdup (dpo_sql_column_text (stmt, 1));
      row->entity = g_strdup (dpo_sql_column_text (stmt, 2));
      row->record = g_strdup (dpo_sql_column_text (stmt, 3));
      row->action = g_strdup (dpo_sql_column_text (stmt, 4));
      row->actor = g_strdup (dpo_sql_column_text (stmt, 5));
      row->actor_role = g_strdup (dpo_sql_column_text (stmt, 6));
      g_ptr_array_add (rows, row);
    }
  dpo_sql_reset (stmt);
  if (rc == DPO_SQL_ERROR)
    {
      _dpo_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}
