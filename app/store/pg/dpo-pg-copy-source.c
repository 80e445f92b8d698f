/* dpo-pg-copy-source.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-pg-copy-private.h"
#include "dpo-pg-init.h"
#include "dpo-pg-schema.h"

/* Reading a register to copy: from a file through SQLite, from a server
 * through COPY TO STDOUT; and the server helpers a sink shares. */

/* Test hook, not a user setting: DPO_COPY_TEST_DROP_AT=N drops the
 * server connection (its own backend terminated) as table N begins, so
 * that the tests see a connection lost in the middle of a copy. */
void
_dpo_pg_copy_maybe_drop_connection (PGconn             *conn,
                       const DpoCopyTable *table)
{
  const char *text = g_getenv ("DPO_COPY_TEST_DROP_AT");
  guint n_tables = 0;
  const DpoCopyTable *tables = dpo_copy_tables (&n_tables);
  guint64 at = 0;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, n_tables, &at, NULL) &&
      table == tables + at)
    PQclear (PQexec (conn, "SELECT pg_terminate_backend (pg_backend_pid ())"));
}

char *
_dpo_pg_copy_column_list (const DpoCopyTable *table)
{
  g_autofree char *joined = g_strjoinv (", ", (char **) table->columns);

  return g_steal_pointer (&joined);
}

/* COPY TO STDOUT of @table's rows in primary-key order, each line to @row. */
gboolean
_dpo_pg_copy_server_rows (PGconn              *conn,
             const DpoCopyTable  *table,
             const char          *what,
             DpoCopyRowFunc       row,
             gpointer             user_data,
             GError             **error)
{
  g_autofree char *columns = _dpo_pg_copy_column_list (table);
  g_autofree char *sql = g_strdup_printf ("COPY (SELECT %s FROM %s ORDER BY %s) TO STDOUT",
                                          columns, table->name, table->server_order);
  g_autoptr(PGresult) started = PQexec (conn, sql);
  g_autoptr(PGresult) result = NULL;
  gboolean ok = TRUE;
  char *buffer = NULL;
  int length;

  if (PQresultStatus (started) != PGRES_COPY_OUT)
    {
      dpo_pg_set_error (conn, started, what, error);
      return FALSE;
    }
  while ((length = PQgetCopyData (conn, &buffer, 0)) > 0)
    {
      /* Keep reading to the end after a failure: the connection must be
       * left ready for the rollback. */
      if (ok)
        ok = row (buffer, length, user_data, error);
      PQfreemem (buffer);
    }
  result = PQgetResult (conn);
  if (ok && (length == -2 || PQresultStatus (result) != PGRES_COMMAND_OK))
    {
      dpo_pg_set_error (conn, result, what, error);
      ok = FALSE;
    }
  while (result != NULL)
    {
      PQclear (result);
      result = PQgetResult (conn);
    }
  return ok;
}

/* Each table's name, or the first one @privilege is not granted on. */
char *
_dpo_pg_copy_missing_privilege (PGconn      *conn,
                   const char  *privilege,
                   const char  *what,
                   GError     **error)
{
  guint n_tables = 0;
  const DpoCopyTable *tables = dpo_copy_tables (&n_tables);
  g_autoptr(GString) sql = g_string_new ("SELECT t FROM unnest (ARRAY[");
  g_autoptr(PGresult) result = NULL;

  for (guint i = 0; i < n_tables; i++)
    g_string_append_printf (sql, "%s'%s'", i > 0 ? ", " : "", tables[i].name);
  g_string_append_printf (sql, "]) t WHERE NOT has_table_privilege (t, '%s') LIMIT 1", privilege);
  result = PQexec (conn, sql->str);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      dpo_pg_set_error (conn, result, what, error);
      return NULL;
    }
  return g_strdup (PQntuples (result) > 0 ? PQgetvalue (result, 0, 0) : "");
}

/* The server's database holds a register of this very version. */
gboolean
_dpo_pg_copy_check_version (PGconn  *conn,
               GError **error)
{
  int version = 0;

  if (!dpo_pg_check_schema (conn, error) || !dpo_pg_read_version (conn, &version, error))
    return FALSE;
  if (version == DPO_PG_SCHEMA_VERSION)
    return TRUE;
  g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
               _("The database “%s” is at schema version %d; bring it to version %d with "
                 "“dpo server init” first. Nothing was copied."),
               PQdb (conn), version, DPO_PG_SCHEMA_VERSION);
  return FALSE;
}

typedef struct
{
  Source              parent;
  DpoStoreCopySource *file;
} FileSource;

static gint64
file_source_count (Source              *self,
                   const DpoCopyTable  *table,
                   GError             **error)
{
  return dpo_store_copy_source_count (((FileSource *) self)->file, table, error);
}

static gboolean
file_source_kinds (Source              *self,
                   const DpoCopyTable  *table,
                   DpoCopyKind         *kinds,
                   GError             **error)
{
  return dpo_store_copy_source_kinds (((FileSource *) self)->file, table, kinds, error);
}

static gboolean
file_source_rows (Source              *self,
                  const DpoCopyTable  *table,
                  DpoCopyRowFunc       row,
                  gpointer             user_data,
                  GError             **error)
{
  return dpo_store_copy_source_rows (((FileSource *) self)->file, table, row, user_data, error);
}

static void
file_source_free (Source *self)
{
  dpo_store_copy_source_free (((FileSource *) self)->file);
  g_free (self);
}

Source *
_dpo_pg_copy_file_source_open (const char  *path,
                  GError     **error)
{
  DpoStoreCopySource *file = dpo_store_copy_source_open (path, error);
  FileSource *self;

  if (file == NULL)
    return NULL;
  self = g_new0 (FileSource, 1);
  self->parent = (Source) { file_source_count, file_source_kinds, file_source_rows, file_source_free };
  self->file = file;
  return &self->parent;
}

typedef struct
{
  Source  parent;
  PGconn *conn;
} ServerSource;

static gint64
server_source_count (Source              *self,
                     const DpoCopyTable  *table,
                     GError             **error)
{
  PGconn *conn = ((ServerSource *) self)->conn;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table->name);
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      dpo_pg_set_error (conn, result, _("Cannot read the register on the server"), error);
      return -1;
    }
  return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

static gboolean
server_source_kinds (Source              *self,
                     const DpoCopyTable  *table,
                     DpoCopyKind         *kinds,
                     GError             **error)
{
  PGconn *conn = ((ServerSource *) self)->conn;
  g_autofree char *columns = _dpo_pg_copy_column_list (table);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s LIMIT 0", columns, table->name);
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      dpo_pg_set_error (conn, result, _("Cannot read the register on the server"), error);
      return FALSE;
    }
  for (int i = 0; i < PQnfields (result); i++)
    switch (PQftype (result, i))
      {
      case 20: case 21: case 23:  /* int8, int2, int4 */
        kinds[i] = DPO_COPY_INTEGER;
        break;
      case 17:                    /* bytea */
        kinds[i] = DPO_COPY_BLOB;
        break;
      default:
        kinds[i] = DPO_COPY_TEXT;
        break;
      }
  return TRUE;
}

static gboolean
server_source_rows (Source              *self,
                    const DpoCopyTable  *table,
                    DpoCopyRowFunc       row,
                    gpointer             user_data,
                    GError             **error)
{
  PGconn *conn = ((ServerSource *) self)->conn;

  _dpo_pg_copy_maybe_drop_connection (conn, table);
  return _dpo_pg_copy_server_rows (conn, table, _("Cannot read the register on the server"), row, user_data, error);
}

static void
server_source_free (Source *self)
{
  PQfinish (((ServerSource *) self)->conn);
  g_free (self);
}

Source *
_dpo_pg_copy_server_source_open (const char  *uri,
                    GError     **error)
{
  const char *what = _("Cannot read the register on the server");
  g_autoptr(PGconn) conn = dpo_pg_connect (uri, error);
  g_autofree char *missing = NULL;
  ServerSource *self;

  if (conn == NULL || !_dpo_pg_copy_check_version (conn, error))
    return NULL;
  missing = _dpo_pg_copy_missing_privilege (conn, "SELECT", what, error);
  if (missing == NULL)
    return NULL;
  if (*missing != '\0')
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                   _("The role “%s” may not read the whole register in the database “%s” (not "
                     "the table “%s”): copying it out needs the role %s or %s."),
                   PQuser (conn), PQdb (conn), missing, DPO_PG_ROLE_OFFICER, DPO_PG_ROLE_AUDITOR);
      return NULL;
    }
  /* One consistent moment, whoever writes meanwhile; bytea as hex, as
   * the lines carry it. */
  if (!dpo_pg_exec (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;"
                          "SET LOCAL bytea_output = 'hex'", what, error))
    return NULL;
  self = g_new0 (ServerSource, 1);
  self->parent = (Source) { server_source_count, server_source_kinds, server_source_rows,
                            server_source_free };
  self->conn = g_steal_pointer (&conn);
  return &self->parent;
}
