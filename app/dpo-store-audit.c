/* dpo-store-audit.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-store-private.h"
#include "dpo-time.h"

/* The audit log records when a change was made by the wall clock, never the
 * --as-of day: it is evidence of what was done and when. */
gboolean
_dpo_store_audit (DpoStore    *self,
                  const char  *entity,
                  const char  *record,
                  const char  *action,
                  JsonNode    *changes,
                  GError     **error)
{
  static const char sql[] =
    "INSERT INTO audit (at, entity, record, action, changes) VALUES (?, ?, ?, ?, ?)";
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = dpo_time_to_storage (now);
  g_autofree char *changes_text = NULL;
  sqlite3_stmt *stmt;

  if (changes != NULL)
    changes_text = json_to_string (changes, FALSE);

  stmt = _dpo_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  _dpo_bind_text (stmt, 1, at);
  _dpo_bind_text (stmt, 2, entity);
  _dpo_bind_text (stmt, 3, record);
  _dpo_bind_text (stmt, 4, action);
  _dpo_bind_text (stmt, 5, changes_text);
  return _dpo_store_step_done (self, stmt, error);
}
