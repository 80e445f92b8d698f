/* dpo-store-deadlines.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-store-deadlines.h"
#include "dpo-store-private.h"

/* "YYYY-MM-DD" of the local calendar day @days_ahead after @now's. */
char *
_dpo_local_date_text (GDateTime *now,
                      int        days_ahead)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GDateTime) later = g_date_time_add_days (local, days_ahead);

  return g_date_time_format (later, "%Y-%m-%d");
}

/* "Open" comes from the core: see _dpo_sql_open_statuses(). */
static const char *
count_due_sql (void)
{
  static const char *sql;

  return _dpo_sql_once (&sql, "SELECT count(*) FILTER (WHERE current_due_on < ?1), "
                        "count(*) FILTER (WHERE current_due_on >= ?1 AND current_due_on <= ?2) "
                        "FROM requests WHERE status IN %s", _dpo_sql_open_statuses ());
}

void
dpo_store_count_due (DpoStore *self,
                     guint     days,
                     guint    *overdue,
                     guint    *due_soon)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *horizon = NULL;
  DpoSqlStmt *stmt;

  g_return_if_fail (DPO_IS_STORE (self));

  now = dpo_store_dup_now (self);
  today = _dpo_local_date_text (now, 0);
  horizon = _dpo_local_date_text (now, days);
  *overdue = *due_soon = 0;

  stmt = _dpo_store_prepare (self, count_due_sql (), NULL);
  if (stmt == NULL)
    return;
  _dpo_bind_text (stmt, 1, today);
  _dpo_bind_text (stmt, 2, horizon);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      *overdue = dpo_sql_column_int (stmt, 0);
      *due_soon = dpo_sql_column_int (stmt, 1);
    }
  dpo_sql_reset (stmt);
}
