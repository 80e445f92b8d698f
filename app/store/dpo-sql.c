/* dpo-sql.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-sql.h"

/* The connection half of the seam: SQLite here, PostgreSQL in
 * pg/dpo-pg-stmt.c. The statement calls are inline in dpo-sql.h. */

DpoSqlConn *
dpo_sql_conn_new_sqlite (sqlite3 *db)
{
  DpoSqlConn *conn = g_new0 (DpoSqlConn, 1);

  conn->engine = DPO_SQL_SQLITE;
  conn->lite = db;
  return conn;
}

void
dpo_sql_conn_free (DpoSqlConn *conn)
{
  if (conn == NULL)
    return;
  if (conn->lite != NULL)
    sqlite3_close_v2 (conn->lite);
  if (conn->pg != NULL)
    _dpo_pg_conn_free (conn->pg);
  g_free (conn);
}

DpoSqlEngine
dpo_sql_conn_get_engine (DpoSqlConn *conn)
{
  return conn->engine;
}

sqlite3 *
dpo_sql_conn_get_sqlite (DpoSqlConn *conn)
{
  return conn->lite;
}

gboolean
dpo_sql_exec (DpoSqlConn *conn,
              const char *sql)
{
  if (conn->lite != NULL)
    return sqlite3_exec (conn->lite, sql, NULL, NULL, NULL) == SQLITE_OK;
  return _dpo_pg_exec (conn, sql);
}

DpoSqlStmt *
dpo_sql_prepare (DpoSqlConn *conn,
                 const char *sql,
                 gboolean    persistent)
{
  DpoSqlStmt *stmt;

  if (conn->lite != NULL)
    {
      sqlite3_stmt *lite = NULL;

      if (sqlite3_prepare_v3 (conn->lite, sql, -1, persistent ? SQLITE_PREPARE_PERSISTENT : 0,
                              &lite, NULL) != SQLITE_OK)
        {
          sqlite3_finalize (lite);
          return NULL;
        }
      stmt = g_new0 (DpoSqlStmt, 1);
      stmt->conn = conn;
      stmt->lite = lite;
      return stmt;
    }
  else
    {
      DpoPgStmt *pg = _dpo_pg_prepare (conn, sql, persistent);

      if (pg == NULL)
        return NULL;
      stmt = g_new0 (DpoSqlStmt, 1);
      stmt->conn = conn;
      stmt->pg = pg;
      return stmt;
    }
}

void
dpo_sql_stmt_free (DpoSqlStmt *stmt)
{
  if (stmt == NULL)
    return;
  if (stmt->lite != NULL)
    sqlite3_finalize (stmt->lite);
  if (stmt->pg != NULL)
    _dpo_pg_stmt_free (stmt->pg);
  g_free (stmt);
}

gint64
dpo_sql_last_insert_id (DpoSqlConn *conn)
{
  if (conn->lite != NULL)
    return sqlite3_last_insert_rowid (conn->lite);
  return _dpo_pg_last_insert_id (conn);
}

gint64
dpo_sql_changes (DpoSqlConn *conn)
{
  if (conn->lite != NULL)
    return sqlite3_changes (conn->lite);
  return _dpo_pg_changes (conn);
}

gboolean
dpo_sql_in_transaction (DpoSqlConn *conn)
{
  if (conn->lite != NULL)
    return !sqlite3_get_autocommit (conn->lite);
  return _dpo_pg_in_transaction (conn);
}

const char *
dpo_sql_conn_errmsg (DpoSqlConn *conn)
{
  if (conn->lite != NULL)
    return sqlite3_errmsg (conn->lite);
  return _dpo_pg_errmsg (conn);
}

DpoSqlFailure
dpo_sql_conn_failure (DpoSqlConn *conn)
{
  if (conn->lite != NULL)
    {
      switch (sqlite3_errcode (conn->lite) & 0xff)
        {
        case SQLITE_FULL:
          return DPO_SQL_FAILED_DISK_FULL;
        case SQLITE_READONLY:
        case SQLITE_CANTOPEN:
        case SQLITE_IOERR:
          return DPO_SQL_FAILED_IO;
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
          return DPO_SQL_FAILED_BUSY;
        case SQLITE_CONSTRAINT:
          return DPO_SQL_FAILED_CONSTRAINT;
        default:
          return DPO_SQL_FAILED_OTHER;
        }
    }
  return _dpo_pg_failure (conn);
}

gboolean
dpo_sql_conn_failed_unique (DpoSqlConn *conn)
{
  if (conn->lite != NULL)
    {
      int code = sqlite3_extended_errcode (conn->lite);

      return code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY;
    }
  return g_strcmp0 (_dpo_pg_sqlstate (conn), "23505") == 0;
}
