/* dpo-store-conflict.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-store-conflict.h"
#include "dpo-store-private.h"
#include "dpo-time.h"

/* Both read through the index audit_record (entity, record): a handful of
 * entries per record, however long the log. */

/* Whether the session may read @sql's columns of the log: on a server a
 * role may not (an agent reads who and when of each entry, not what it
 * changed; a login in no role, nothing), and a refused SELECT would abort
 * the write transaction it runs in. Asked once per store under @key; the
 * question itself cannot fail. */
static gboolean
may_read (DpoStore   *self,
          const char *key,
          const char *sql)
{
  gpointer known = g_object_get_data (G_OBJECT (self), key);

  if (known == NULL)
    {
      gboolean may = _dpo_store_get_engine (self) != DPO_SQL_POSTGRESQL ||
                     _dpo_store_query_int (self, sql) == 1;

      known = GINT_TO_POINTER (may ? 1 : 2);
      g_object_set_data (G_OBJECT (self), key, known);
    }
  return GPOINTER_TO_INT (known) == 1;
}

/* Marks (which entry a record was read at) and who and when: without them
 * a role's saves are not compared (0). */
static gboolean
may_read_log (DpoStore *self)
{
  return may_read (self, "dpo-may-read-log",
                   "SELECT CASE WHEN has_column_privilege ('audit', 'record', 'SELECT') "
                   "AND has_column_privilege ('audit', 'actor_role', 'SELECT') THEN 1 ELSE 0 END");
}

/* What the entries changed: without it, any later entry is a conflict. */
static gboolean
may_read_changes (DpoStore *self)
{
  return may_read (self, "dpo-may-read-changes",
                   "SELECT CASE WHEN has_column_privilege ('audit', 'changes', 'SELECT') "
                   "THEN 1 ELSE 0 END");
}

gint64
_dpo_store_audit_mark (DpoStore   *self,
                       const char *entity,
                       const char *record)
{
  DpoSqlStmt *stmt;
  gint64 mark = 0;

  if (record == NULL || !may_read_log (self))
    return 0;
  stmt = _dpo_store_prepare (self, "SELECT coalesce (max (pk), 0) FROM audit "
                                   "WHERE entity = ? AND record = ?", NULL);
  if (stmt == NULL)
    return 0;
  _dpo_bind_text (stmt, 1, entity);
  _dpo_bind_text (stmt, 2, record);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    mark = dpo_sql_column_int64 (stmt, 0);
  dpo_sql_reset (stmt);
  return mark;
}

/* The stored reference of the record @rowid; NULL if it is gone (the
 * update then says so). */
static char *
stored_reference (DpoStore   *self,
                  const char *entity,
                  gint64      rowid)
{
  DpoSqlStmt *stmt;
  char *id = NULL;

  if (g_str_equal (entity, "incident"))
    stmt = _dpo_store_prepare (self, "SELECT id FROM incidents WHERE pk = ?", NULL);
  else if (g_str_equal (entity, "subject"))
    stmt = _dpo_store_prepare (self, "SELECT id FROM subjects WHERE pk = ?", NULL);
  else if (g_str_equal (entity, "request"))
    stmt = _dpo_store_prepare (self, "SELECT id FROM requests WHERE pk = ?", NULL);
  else
    g_return_val_if_reached (NULL);
  if (stmt == NULL)
    return NULL;
  dpo_sql_bind_int64 (stmt, 1, rowid);
  if (dpo_sql_step (stmt) == DPO_SQL_ROW)
    id = _dpo_column_text (stmt, 0);
  dpo_sql_reset (stmt);
  return id;
}

/* Whether an entry (@action, its @changes) touched a member of @written. */
static gboolean
touches (const char *action,
         const char *changes,
         JsonObject *written)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  g_autoptr(GList) members = NULL;

  if (!g_str_equal (action, "update") || changes == NULL || written == NULL)
    return TRUE;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, changes, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return TRUE;   /* redacted, or not { field: [old, new] }: assume the worst */
  members = json_object_get_members (json_node_get_object (root));
  for (GList *m = members; m != NULL; m = m->next)
    if (json_object_has_member (written, m->data))
      return TRUE;
  return FALSE;
}

gboolean
_dpo_store_check_unchanged (DpoStore    *self,
                            const char  *entity,
                            gint64       rowid,
                            gint64       seen,
                            JsonNode    *written,
                            GError     **error)
{
  JsonObject *fields = written != NULL && JSON_NODE_HOLDS_OBJECT (written)
                         ? json_node_get_object (written) : NULL;
  g_autofree char *record = NULL;
  DpoSqlStmt *stmt;
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *when = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *actor_role = NULL;
  g_autofree char *who = NULL;
  DpoSqlStep rc;

  if (seen == 0 || rowid == 0 || (record = stored_reference (self, entity, rowid)) == NULL)
    return TRUE;
  /* An agent may not read what the log's entries changed (their old values
   * are the officer's to see): for it, any later entry is a conflict. */
  stmt = !may_read_changes (self)
    ? _dpo_store_prepare (self, "SELECT at, action, NULL, actor, actor_role FROM audit "
                                "WHERE entity = ? AND record = ? AND pk > ? ORDER BY pk DESC", error)
    : _dpo_store_prepare (self, "SELECT at, action, changes, actor, actor_role FROM audit "
                                "WHERE entity = ? AND record = ? AND pk > ? ORDER BY pk DESC", error);
  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, entity);
  _dpo_bind_text (stmt, 2, record);
  dpo_sql_bind_int64 (stmt, 3, seen);
  while ((rc = dpo_sql_step (stmt)) == DPO_SQL_ROW)
    if (touches (dpo_sql_column_text (stmt, 1), dpo_sql_column_text (stmt, 2), fields))
      {
        at = _dpo_column_time (stmt, 0);
        actor = _dpo_column_text (stmt, 3);
        actor_role = _dpo_column_text (stmt, 4);
        break;
      }
  dpo_sql_reset (stmt);
  if (rc == DPO_SQL_ERROR)
    {
      _dpo_store_set_db_error (self, error);
      return FALSE;
    }
  if (rc == DPO_SQL_DONE)
    return TRUE;

  /* On a server the log keeps who (the login and its role, written by the
   * server itself); a file is shared by windows and programs, not people. */
  if (actor != NULL && *actor != '\0')
    who = actor_role != NULL && *actor_role != '\0'
            ? g_strdup_printf ("%s (%s)", actor, actor_role) : g_strdup (actor);
  else
    who = g_strdup (_dpo_store_get_engine (self) == DPO_SQL_POSTGRESQL ? _("another user")
                                                                      : _("another window or program"));
  when = at != NULL ? dpo_time_format_display (at) : g_strdup ("?");
  g_set_error (error, DPO_ERROR, DPO_ERROR_CHANGED_ELSEWHERE,
               _("Changed by %s on %s, after you opened it: reload to see that change, "
                 "then make yours again. Nothing was saved."),
               who, when);
  return FALSE;
}
