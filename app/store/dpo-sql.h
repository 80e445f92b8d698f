/* dpo-sql.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The store's seam between its SQL and the engine that runs it: one
 * connection type and one statement type, with an SQLite and a PostgreSQL
 * (libpq) implementation of each. The store's files speak only to this;
 * where the two engines need different SQL, the store asks
 * dpo_sql_conn_get_engine() and picks its text.
 *
 * The calls mirror SQLite's (prepare, bind, step, column, reset), since
 * that is how the store was written: parameters are "?" or "?N" in both
 * engines (the PostgreSQL side rewrites them as $N), columns count from 0,
 * parameters from 1, a text column is NULL for SQL NULL. The SQLite calls
 * are inline, so that the file's hot paths (import, exports) pay nothing
 * for the seam. */

#ifndef DPO_STORE_COMPILATION
#error "dpo-sql.h is internal to app/store"
#endif

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef enum
{
  DPO_SQL_SQLITE,
  DPO_SQL_POSTGRESQL,
} DpoSqlEngine;

typedef enum
{
  DPO_SQL_ERROR = -1,
  DPO_SQL_DONE = 0,
  DPO_SQL_ROW = 1,
} DpoSqlStep;

/* What went wrong with the last call, as far as the store tells users. */
typedef enum
{
  DPO_SQL_FAILED_OTHER,
  DPO_SQL_FAILED_DISK_FULL,
  DPO_SQL_FAILED_IO,          /* read-only, cannot open, I/O error, connection lost */
  DPO_SQL_FAILED_BUSY,        /* another writer holds the lock */
  DPO_SQL_FAILED_CONSTRAINT,  /* a check, key or trigger refused the change */
  DPO_SQL_FAILED_PRIVILEGE,   /* the server's role may not do this */
} DpoSqlFailure;

typedef struct _DpoSqlConn DpoSqlConn;
typedef struct _DpoSqlStmt DpoSqlStmt;
typedef struct _DpoPgStmt DpoPgStmt;
typedef struct _DpoPgConn DpoPgConn;
struct pg_conn;   /* libpq's PGconn */

struct _DpoSqlConn
{
  DpoSqlEngine  engine;
  sqlite3      *lite;    /* SQLITE: owned */
  DpoPgConn    *pg;      /* POSTGRESQL: owned */
};

struct _DpoSqlStmt
{
  DpoSqlConn   *conn;
  sqlite3_stmt *lite;
  DpoPgStmt    *pg;
};

/* Connections. */
DpoSqlConn   *dpo_sql_conn_new_sqlite      (sqlite3      *db);
void          dpo_sql_conn_free            (DpoSqlConn   *conn);
DpoSqlEngine  dpo_sql_conn_get_engine      (DpoSqlConn   *conn);
/* Runs @sql, one or several statements without parameters; FALSE and
 * dpo_sql_conn_errmsg() on failure. */
gboolean      dpo_sql_exec                 (DpoSqlConn   *conn,
                                            const char   *sql);
/* NULL and dpo_sql_conn_errmsg() on failure. @persistent: the statement is
 * kept for the life of the connection (the store's cache). */
DpoSqlStmt   *dpo_sql_prepare              (DpoSqlConn   *conn,
                                            const char   *sql,
                                            gboolean      persistent);
void          dpo_sql_stmt_free            (DpoSqlStmt   *stmt);
/* The pk of the row the last INSERT made on this connection. */
gint64        dpo_sql_last_insert_id       (DpoSqlConn   *conn);
/* Rows changed by the last INSERT, UPDATE or DELETE. */
gint64        dpo_sql_changes              (DpoSqlConn   *conn);
gboolean      dpo_sql_in_transaction       (DpoSqlConn   *conn);
const char   *dpo_sql_conn_errmsg          (DpoSqlConn   *conn);
DpoSqlFailure dpo_sql_conn_failure         (DpoSqlConn   *conn);
/* The last failure was a UNIQUE or PRIMARY KEY violation. */
gboolean      dpo_sql_conn_failed_unique   (DpoSqlConn   *conn);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoSqlStmt, dpo_sql_stmt_free)

/* The PostgreSQL side (app/store/pg/dpo-pg-stmt.c). */
DpoSqlConn   *dpo_sql_conn_new_pg          (struct pg_conn *pg);
struct pg_conn *dpo_sql_conn_get_pg        (DpoSqlConn   *conn);
sqlite3      *dpo_sql_conn_get_sqlite      (DpoSqlConn   *conn);
void          _dpo_pg_conn_free            (DpoPgConn    *pg);
gboolean      _dpo_pg_exec                 (DpoSqlConn   *conn,
                                            const char   *sql);
DpoPgStmt    *_dpo_pg_prepare              (DpoSqlConn   *conn,
                                            const char   *sql,
                                            gboolean      persistent);
void          _dpo_pg_stmt_free            (DpoPgStmt    *stmt);
gint64        _dpo_pg_last_insert_id       (DpoSqlConn   *conn);
gint64        _dpo_pg_changes              (DpoSqlConn   *conn);
gboolean      _dpo_pg_in_transaction       (DpoSqlConn   *conn);
const char   *_dpo_pg_errmsg               (DpoSqlConn   *conn);
DpoSqlFailure _dpo_pg_failure              (DpoSqlConn   *conn);
/* The SQLSTATE of the last failure ("" if none). */
const char   *_dpo_pg_sqlstate             (DpoSqlConn   *conn);
DpoSqlStep    _dpo_pg_step                 (DpoSqlStmt   *stmt);
void          _dpo_pg_reset                (DpoSqlStmt   *stmt);
void          _dpo_pg_clear_bindings       (DpoSqlStmt   *stmt);
void          _dpo_pg_bind_int64           (DpoSqlStmt   *stmt,
                                            int           index,
                                            gint64        value);
void          _dpo_pg_bind_text            (DpoSqlStmt   *stmt,
                                            int           index,
                                            const char   *text);
void          _dpo_pg_bind_blob            (DpoSqlStmt   *stmt,
                                            int           index,
                                            const void   *data,
                                            gsize         length);
int           _dpo_pg_column_count         (DpoSqlStmt   *stmt);
const char   *_dpo_pg_column_text          (DpoSqlStmt   *stmt,
                                            int           column);
const void   *_dpo_pg_column_blob          (DpoSqlStmt   *stmt,
                                            int           column,
                                            gsize        *length);
const char   *_dpo_pg_column_name          (DpoSqlStmt   *stmt,
                                            int           column);

/* Statements. */
static inline DpoSqlStep
dpo_sql_step (DpoSqlStmt *stmt)
{
  if (G_LIKELY (stmt->lite != NULL))
    {
      int rc = sqlite3_step (stmt->lite);

      return rc == SQLITE_ROW ? DPO_SQL_ROW : rc == SQLITE_DONE ? DPO_SQL_DONE : DPO_SQL_ERROR;
    }
  return _dpo_pg_step (stmt);
}

/* Ready to run again; the bindings stay. */
static inline void
dpo_sql_reset (DpoSqlStmt *stmt)
{
  if (G_LIKELY (stmt->lite != NULL))
    sqlite3_reset (stmt->lite);
  else
    _dpo_pg_reset (stmt);
}

static inline void
dpo_sql_clear_bindings (DpoSqlStmt *stmt)
{
  if (G_LIKELY (stmt->lite != NULL))
    sqlite3_clear_bindings (stmt->lite);
  else
    _dpo_pg_clear_bindings (stmt);
}

static inline void
dpo_sql_bind_int64 (DpoSqlStmt *stmt,
                    int         index,
                    gint64      value)
{
  if (G_LIKELY (stmt->lite != NULL))
    sqlite3_bind_int64 (stmt->lite, index, value);
  else
    _dpo_pg_bind_int64 (stmt, index, value);
}

/* @text NULL binds SQL NULL; a server always copies the text, a file
 * as @destructor says (SQLITE_TRANSIENT: copied; SQLITE_STATIC: kept). */
static inline void
dpo_sql_bind_text_as (DpoSqlStmt          *stmt,
                      int                  index,
                      const char          *text,
                      sqlite3_destructor_type destructor)
{
  if (G_LIKELY (stmt->lite != NULL))
    {
      if (text == NULL)
        sqlite3_bind_null (stmt->lite, index);
      else
        sqlite3_bind_text (stmt->lite, index, text, -1, destructor);
    }
  else
    _dpo_pg_bind_text (stmt, index, text);
}

/* @text NULL binds SQL NULL; the text is copied. */
static inline void
dpo_sql_bind_text (DpoSqlStmt *stmt,
                   int         index,
                   const char *text)
{
  dpo_sql_bind_text_as (stmt, index, text, SQLITE_TRANSIENT);
}

/* @text NULL binds SQL NULL; the text is not copied in a file, and must
 * stay until the statement is reset or bound again (a server copies it). */
static inline void
dpo_sql_bind_text_static (DpoSqlStmt *stmt,
                          int         index,
                          const char *text)
{
  dpo_sql_bind_text_as (stmt, index, text, SQLITE_STATIC);
}

/* @text of @length bytes (not NUL-terminated), copied. */
static inline void
dpo_sql_bind_text_len (DpoSqlStmt *stmt,
                       int         index,
                       const char *text,
                       gsize       length)
{
  if (G_LIKELY (stmt->lite != NULL))
    sqlite3_bind_text (stmt->lite, index, text, (int) length, SQLITE_TRANSIENT);
  else
    {
      g_autofree char *copy = g_strndup (text, length);

      _dpo_pg_bind_text (stmt, index, copy);
    }
}

static inline void
dpo_sql_bind_null (DpoSqlStmt *stmt,
                   int         index)
{
  dpo_sql_bind_text (stmt, index, NULL);
}

/* Bytes (BLOB in the file, BYTEA on the server), copied. */
static inline void
dpo_sql_bind_blob (DpoSqlStmt *stmt,
                   int         index,
                   const void *data,
                   gsize       length)
{
  if (G_LIKELY (stmt->lite != NULL))
    sqlite3_bind_blob (stmt->lite, index, data, (int) length, SQLITE_TRANSIENT);
  else
    _dpo_pg_bind_blob (stmt, index, data, length);
}

static inline int
dpo_sql_column_count (DpoSqlStmt *stmt)
{
  if (G_LIKELY (stmt->lite != NULL))
    return sqlite3_column_count (stmt->lite);
  return _dpo_pg_column_count (stmt);
}

static inline const char *
dpo_sql_column_name (DpoSqlStmt *stmt,
                     int         column)
{
  if (G_LIKELY (stmt->lite != NULL))
    return sqlite3_column_name (stmt->lite, column);
  return _dpo_pg_column_name (stmt, column);
}

/* NULL for SQL NULL. */
static inline const char *
dpo_sql_column_text (DpoSqlStmt *stmt,
                     int         column)
{
  if (G_LIKELY (stmt->lite != NULL))
    return (const char *) sqlite3_column_text (stmt->lite, column);
  return _dpo_pg_column_text (stmt, column);
}

static inline gboolean
dpo_sql_column_is_null (DpoSqlStmt *stmt,
                        int         column)
{
  if (G_LIKELY (stmt->lite != NULL))
    return sqlite3_column_type (stmt->lite, column) == SQLITE_NULL;
  return _dpo_pg_column_text (stmt, column) == NULL;
}

/* The length in bytes of a text or blob column. */
static inline gsize
dpo_sql_column_bytes (DpoSqlStmt *stmt,
                      int         column)
{
  gsize length = 0;

  if (G_LIKELY (stmt->lite != NULL))
    {
      /* The text first, so that the length is the text's (SQLite's rule). */
      sqlite3_column_text (stmt->lite, column);
      return (gsize) sqlite3_column_bytes (stmt->lite, column);
    }
  if (_dpo_pg_column_blob (stmt, column, &length) == NULL)
    return 0;
  return length;
}

static inline const void *
dpo_sql_column_blob (DpoSqlStmt *stmt,
                     int         column,
                     gsize      *length)
{
  if (G_LIKELY (stmt->lite != NULL))
    {
      const void *data = sqlite3_column_blob (stmt->lite, column);

      *length = (gsize) sqlite3_column_bytes (stmt->lite, column);
      return data;
    }
  return _dpo_pg_column_blob (stmt, column, length);
}

/* A whole number; 0 for NULL. A PostgreSQL boolean ("t"/"f") reads as 1
 * or 0, as SQLite's comparisons do. */
static inline gint64
dpo_sql_column_int64 (DpoSqlStmt *stmt,
                      int         column)
{
  const char *text;

  if (G_LIKELY (stmt->lite != NULL))
    return sqlite3_column_int64 (stmt->lite, column);
  text = _dpo_pg_column_text (stmt, column);
  if (text == NULL)
    return 0;
  if (text[0] == 't' && text[1] == '\0')
    return 1;
  return g_ascii_strtoll (text, NULL, 10);
}

static inline int
dpo_sql_column_int (DpoSqlStmt *stmt,
                    int         column)
{
  return (int) dpo_sql_column_int64 (stmt, column);
}

G_END_DECLS
