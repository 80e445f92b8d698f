/* dpo-pg-stmt.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "dpo-sql.h"
#include "dpo-pg-conn-private.h"
#include "dpo-pg-stmt-private.h"

/* The PostgreSQL half of the store's seam (dpo-sql.h), over libpq: the
 * SQLite-shaped calls (prepare, bind, step, column, reset) on the server's
 * named prepared statements. A statement runs at its first step and its
 * whole result is kept; each step then moves one row, as sqlite3_step
 * does. Values travel as text both ways (bytea as its hex text), which is
 * what the store's column readers expect. */

#define BYTEA_OID 17
#define TEXT_OID  25

/* A bytea value as bytes, kept until the next step or reset: asked for
 * twice (SQLite's idiom: the blob, then its length), unescaped once. */
typedef struct
{
  int     column;
  guchar *bytes;
  gsize   size;
} Blob;

static void
blob_clear (gpointer data)
{
  PQfreemem (((Blob *) data)->bytes);
}

/* The connection. */

static void
pg_conn_clear (gpointer data)
{
  DpoPgConn *pg = data;

  g_clear_pointer (&pg->conn, PQfinish);
  g_free (pg->errmsg);
  g_ptr_array_unref (pg->unprepared);
  g_hash_table_unref (pg->identities);
}

/* The server's NOTICEs ("… already exists, skipping", a trigger's RAISE
 * NOTICE) are no news for a DPO: libpq would print them on stderr, beside
 * the one clear message a failure gets. For developers, G_MESSAGES_DEBUG. */
static void
debug_notice (void       *data,
              const char *message)
{
  g_debug ("PostgreSQL: %.*s", (int) strcspn (message, "\n"), message);
}

DpoSqlConn *
dpo_sql_conn_new_pg (PGconn *conn)
{
  DpoSqlConn *sql;

  g_return_val_if_fail (conn != NULL, NULL);

  PQsetNoticeProcessor (conn, debug_notice, NULL);
  sql = g_new0 (DpoSqlConn, 1);
  sql->engine = DPO_SQL_POSTGRESQL;
  sql->pg = g_atomic_rc_box_new0 (DpoPgConn);
  sql->pg->conn = conn;
  sql->pg->unprepared = g_ptr_array_new_with_free_func (g_free);
  sql->pg->identities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return sql;
}

PGconn *
dpo_sql_conn_get_pg (DpoSqlConn *conn)
{
  return conn->pg != NULL ? conn->pg->conn : NULL;
}

/* The server goes when the seam's connection does; statements still held
 * keep only the bookkeeping, and their DEALLOCATE is skipped. */
void
_dpo_pg_conn_free (DpoPgConn *pg)
{
  g_clear_pointer (&pg->conn, PQfinish);
  g_atomic_rc_box_release_full (pg, pg_conn_clear);
}

/* A command that succeeded: its rows changed, as sqlite3_changes counts
 * them (only INSERT, UPDATE, DELETE and MERGE; a SELECT leaves the count).
 * @returned_id: the command was an INSERT given "RETURNING" its identity
 * column, and the result holds the new pks. */
static void
keep_changes (DpoPgConn *pg,
              PGresult  *result,
              gboolean   returned_id)
{
  const char *status = PQcmdStatus (result);
  const char *count = PQcmdTuples (result);
  int rows = PQntuples (result);

  if (*count == '\0')
    return;
  if (g_str_has_prefix (status, "INSERT "))
    {
      /* As sqlite3_last_insert_rowid: the last row's, unchanged when no
       * row was inserted (ON CONFLICT DO NOTHING). */
      if (returned_id && rows > 0)
        {
          pg->last_id = g_ascii_strtoll (PQgetvalue (result, rows - 1, 0), NULL, 10);
          pg->last_id_known = TRUE;
        }
      else if (!returned_id && g_ascii_strtoll (count, NULL, 10) > 0)
        pg->last_id_known = FALSE;
      pg->inserted = TRUE;
    }
  else if (!g_str_has_prefix (status, "UPDATE ") && !g_str_has_prefix (status, "DELETE ") &&
           !g_str_has_prefix (status, "MERGE "))
    return;
  pg->changes = g_ascii_strtoll (count, NULL, 10);
}

/* Runs @sql; the result if it succeeded, else NULL with the error kept. */
static PGresult *
run (DpoPgConn  *pg,
     const char *sql)
{
  PGresult *result = PQexec (pg->conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY)
    return result;
  _dpo_pg_keep_error (pg, result);
  PQclear (result);
  return NULL;
}

gboolean
_dpo_pg_exec (DpoSqlConn *conn,
              const char *sql)
{
  PGresult *result = run (conn->pg, sql);

  if (result == NULL)
    return FALSE;
  keep_changes (conn->pg, result, FALSE);
  PQclear (result);
  return TRUE;
}

/* Usually known without asking: a prepared INSERT into a table with an
 * identity column returns its pk (see returning_identity ()). That is
 * SQLite's rule exactly (the row's own pk, whether the table or the
 * INSERT chose it, whatever rows a trigger inserts elsewhere), costs no
 * round trip, and cannot fail, where lastval() would fail after an INSERT
 * that gave its pk (dpo copy), aborting the transaction around it.
 * Otherwise (an INSERT run by dpo_sql_exec, or one with a RETURNING of
 * its own), lastval(): the sequence the INSERT just used. Before any
 * INSERT on this connection, 0 without asking. */
gint64
_dpo_pg_last_insert_id (DpoSqlConn *conn)
{
  PGresult *result;
  gint64 id;

  if (conn->pg->last_id_known)
    return conn->pg->last_id;
  if (!conn->pg->inserted)
    return 0;
  result = run (conn->pg, "SELECT lastval ()");
  if (result == NULL)
    return 0;
  id = PQntuples (result) == 1 ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : 0;
  PQclear (result);
  return id;
}

gint64
_dpo_pg_changes (DpoSqlConn *conn)
{
  return conn->pg->changes;
}

gboolean
_dpo_pg_in_transaction (DpoSqlConn *conn)
{
  return PQtransactionStatus (conn->pg->conn) != PQTRANS_IDLE;
}

/* Statements. */

/* Statements freed leave the server in batches, one round trip for this
 * many (a statement left there a while costs only its memory). */
#define DEALLOCATE_BATCH 16

/* Sends the DEALLOCATEs that waited, once there are enough of them; not in
 * a failed transaction, where the server refuses every command but
 * ROLLBACK (they wait for the next batch). Failures are ignored. */
static void
deallocate_waiting (DpoPgConn *pg)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  if (pg->unprepared->len < DEALLOCATE_BATCH || PQstatus (pg->conn) != CONNECTION_OK ||
      PQtransactionStatus (pg->conn) == PQTRANS_INERROR)
    return;
  for (guint i = 0; i < pg->unprepared->len; i++)
    g_string_append_printf (sql, "DEALLOCATE %s;", (char *) pg->unprepared->pdata[i]);
  g_ptr_array_set_size (pg->unprepared, 0);
  PQclear (PQexec (pg->conn, sql->str));
}


/* The identity column of @table that the session may read, quoted, or
 * NULL: asked once a table a connection, by a query that cannot fail
 * (to_regclass is NULL for no such table), so that a transaction around
 * it stays whole. */
static const char *
identity_column (DpoPgConn  *pg,
                 const char *table)
{
  const char *sql =
    "SELECT quote_ident (a.attname) FROM pg_attribute a"
    " WHERE a.attrelid = to_regclass ($1) AND a.attidentity <> '' AND NOT a.attisdropped"
    "   AND has_column_privilege (a.attrelid, a.attnum, 'SELECT')";
  const char *column = g_hash_table_lookup (pg->identities, table);
  PGresult *result;

  if (column == NULL)
    {
      result = PQexecParams (pg->conn, sql, 1, NULL, &table, NULL, NULL, 0);
      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        {
          /* The connection is failing: the prepare that follows says so. */
          PQclear (result);
          return NULL;
        }
      column = PQntuples (result) == 1 ? PQgetvalue (result, 0, 0) : "";
      g_hash_table_insert (pg->identities, g_strdup (table), g_strdup (column));
      column = g_hash_table_lookup (pg->identities, table);
      PQclear (result);
    }
  return *column != '\0' ? column : NULL;
}

/* @text, an INSERT into a table with an identity column, made to return
 * that column (for dpo_sql_last_insert_id); NULL for any other statement. */
static char *
returning_identity (DpoPgConn  *pg,
                    const char *text)
{
  g_autofree char *table = _dpo_pg_insert_target (text);
  const char *column;
  gsize length = _dpo_pg_statement_length (text);

  if (table == NULL || length == 0 || _dpo_pg_has_returning (text) ||
      (column = identity_column (pg, table)) == NULL)
    return NULL;
  /* On a line of its own: the statement may end in a "--" comment. */
  return g_strdup_printf ("%.*s\nRETURNING %s", (int) length, text, column);
}

DpoPgStmt *
_dpo_pg_prepare (DpoSqlConn *conn,
                 const char *sql,
                 gboolean    persistent)
{
  DpoPgConn *pg = conn->pg;
  g_autofree char *text = NULL;
  g_autofree char *returning = NULL;
  g_autofree char *name = NULL;
  g_autofree Oid *types = NULL;
  PGresult *result;
  DpoPgStmt *stmt;
  int n_params = 0;

  /* Every statement is named, persistent or not: the unnamed one would be
   * replaced by the next prepare, and the store interleaves statements. */
  (void) persistent;
  deallocate_waiting (pg);
  text = _dpo_pg_rewrite_params (sql, &n_params);
  returning = returning_identity (pg, text);
  name = g_strdup_printf ("dpo_%" G_GUINT64_FORMAT, ++pg->n_names);
  types = _dpo_pg_param_types (text, n_params, TEXT_OID);
  result = PQprepare (pg->conn, name, returning != NULL ? returning : text,
                      types != NULL ? n_params : 0, types);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      _dpo_pg_keep_error (pg, result);
      PQclear (result);
      return NULL;
    }
  PQclear (result);

  stmt = g_new0 (DpoPgStmt, 1);
  stmt->pg = g_atomic_rc_box_acquire (pg);
  stmt->name = g_steal_pointer (&name);
  stmt->n_params = n_params;
  stmt->returns_id = returning != NULL;
  stmt->values = g_new0 (char *, MAX (n_params, 1));
  stmt->row = -1;
  stmt->blobs = g_array_new (FALSE, FALSE, sizeof (Blob));
  g_array_set_clear_func (stmt->blobs, blob_clear);
  return stmt;
}

static void
forget_result (DpoPgStmt *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  g_array_set_size (stmt->blobs, 0);
  stmt->row = -1;
}

void
_dpo_pg_stmt_free (DpoPgStmt *stmt)
{
  DpoPgConn *pg = stmt->pg;

  forget_result (stmt);
  g_clear_pointer (&stmt->description, PQclear);
  if (pg->conn != NULL && PQstatus (pg->conn) == CONNECTION_OK)
    {
      g_ptr_array_add (pg->unprepared, g_steal_pointer (&stmt->name));
      deallocate_waiting (pg);
    }
  for (int i = 0; i < stmt->n_params; i++)
    g_free (stmt->values[i]);
  g_free (stmt->values);
  g_free (stmt->name);
  g_array_unref (stmt->blobs);
  g_atomic_rc_box_release_full (pg, pg_conn_clear);
  g_free (stmt);
}

/* The first step runs the statement; every step moves one row. */
DpoSqlStep
_dpo_pg_step (DpoSqlStmt *sql)
{
  DpoPgStmt *stmt = sql->pg;

  g_array_set_size (stmt->blobs, 0);
  /* After the end, a step runs the statement again (SQLite resets it). */
  if (stmt->result != NULL && stmt->row >= PQntuples (stmt->result))
    forget_result (stmt);
  if (stmt->result == NULL)
    {
      PGresult *result = PQexecPrepared (stmt->pg->conn, stmt->name, stmt->n_params,
                                         (const char * const *) stmt->values, NULL, NULL, 0);
      ExecStatusType status = PQresultStatus (result);

      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        {
          _dpo_pg_keep_error (stmt->pg, result);
          PQclear (result);
          return DPO_SQL_ERROR;
        }
      keep_changes (stmt->pg, result, stmt->returns_id);
      stmt->result = result;
      /* The pks it returned are the seam's, not rows to step through. */
      stmt->row = stmt->returns_id ? PQntuples (result) - 1 : -1;
    }
  stmt->row++;
  return stmt->row < PQntuples (stmt->result) ? DPO_SQL_ROW : DPO_SQL_DONE;
}

void
_dpo_pg_reset (DpoSqlStmt *sql)
{
  forget_result (sql->pg);
}

void
_dpo_pg_clear_bindings (DpoSqlStmt *sql)
{
  DpoPgStmt *stmt = sql->pg;

  for (int i = 0; i < stmt->n_params; i++)
    g_clear_pointer (&stmt->values[i], g_free);
}

/* Binds @text, taken; an index with no parameter is ignored, as SQLite
 * ignores it (SQLITE_RANGE). */
static void
bind_taken (DpoPgStmt *stmt,
            int        index,
            char      *text)
{
  if (index < 1 || index > stmt->n_params)
    {
      g_free (text);
      return;
    }
  g_free (stmt->values[index - 1]);
  stmt->values[index - 1] = text;
}

void
_dpo_pg_bind_int64 (DpoSqlStmt *stmt,
                    int         index,
                    gint64      value)
{
  bind_taken (stmt->pg, index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

void
_dpo_pg_bind_text (DpoSqlStmt *stmt,
                   int         index,
                   const char *text)
{
  bind_taken (stmt->pg, index, g_strdup (text));
}

/* bytea's hex input: "\x" and two digits a byte. */
void
_dpo_pg_bind_blob (DpoSqlStmt *stmt,
                   int         index,
                   const void *data,
                   gsize       length)
{
  static const char digits[] = "0123456789abcdef";
  const guchar *bytes = data;
  char *hex = g_malloc (2 * length + 3);

  hex[0] = '\\';
  hex[1] = 'x';
  for (gsize i = 0; i < length; i++)
    {
      hex[2 + 2 * i] = digits[bytes[i] >> 4];
      hex[3 + 2 * i] = digits[bytes[i] & 0xf];
    }
  hex[2 + 2 * length] = '\0';
  bind_taken (stmt->pg, index, hex);
}

/* Columns. */

/* The columns' shape: the result's, or before any run the description
 * the server gives of the statement (asked for once). */
static PGresult *
shape (DpoPgStmt *stmt)
{
  if (stmt->result != NULL)
    return stmt->result;
  if (stmt->description == NULL)
    {
      PGresult *result = PQdescribePrepared (stmt->pg->conn, stmt->name);

      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        {
          _dpo_pg_keep_error (stmt->pg, result);
          PQclear (result);
          return NULL;
        }
      stmt->description = result;
    }
  return stmt->description;
}

int
_dpo_pg_column_count (DpoSqlStmt *stmt)
{
  PGresult *result = stmt->pg->returns_id ? NULL : shape (stmt->pg);

  return result != NULL ? PQnfields (result) : 0;
}

const char *
_dpo_pg_column_name (DpoSqlStmt *stmt,
                     int         column)
{
  PGresult *result = shape (stmt->pg);

  return result != NULL ? PQfname (result, column) : NULL;
}

/* TRUE if the current row has a value in @column (not NULL). */
static gboolean
has_value (DpoPgStmt *stmt,
           int        column)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < PQntuples (stmt->result) &&
         column >= 0 && column < PQnfields (stmt->result) &&
         !PQgetisnull (stmt->result, stmt->row, column);
}

const char *
_dpo_pg_column_text (DpoSqlStmt *sql,
                     int         column)
{
  DpoPgStmt *stmt = sql->pg;

  if (!has_value (stmt, column))
    return NULL;
  return PQgetvalue (stmt->result, stmt->row, column);
}

/* A bytea column's bytes, unescaped and kept until the next step or
 * reset (NULL for none); any other column's text and its length. */
const void *
_dpo_pg_column_blob (DpoSqlStmt *sql,
                     int         column,
                     gsize      *length)
{
  DpoPgStmt *stmt = sql->pg;
  const char *text;
  size_t size = 0;
  Blob blob;

  *length = 0;
  if (!has_value (stmt, column))
    return NULL;
  text = PQgetvalue (stmt->result, stmt->row, column);
  if (PQftype (stmt->result, column) != BYTEA_OID)
    {
      *length = (gsize) PQgetlength (stmt->result, stmt->row, column);
      return text;
    }
  for (guint i = 0; i < stmt->blobs->len; i++)
    if (g_array_index (stmt->blobs, Blob, i).column == column)
      {
        blob = g_array_index (stmt->blobs, Blob, i);
        *length = blob.size;
        return blob.bytes;
      }
  blob.column = column;
  blob.bytes = PQunescapeBytea ((const unsigned char *) text, &size);
  blob.size = size;
  /* No bytes read as NULL, as sqlite3_column_blob gives them. */
  if (blob.bytes != NULL && blob.size == 0)
    g_clear_pointer (&blob.bytes, PQfreemem);
  g_array_append_val (stmt->blobs, blob);
  *length = blob.bytes != NULL ? blob.size : 0;
  return blob.bytes;
}
