/* dpo-pg-copy.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "dpo-audit-verify.h"
#include "dpo-error.h"
#include "dpo-pg-connection.h"
#include "dpo-pg-copy.h"
#include "dpo-pg-init.h"
#include "dpo-pg-schema.h"
#include "dpo-pg-verify.h"
#include "dpo-store-copy.h"

/* A copy streams each table from a source to a sink as lines of
 * PostgreSQL's COPY text format (dpo-store-copy.h): a file is read and
 * written through SQLite, a server through COPY TO STDOUT and COPY FROM
 * STDIN. Every line is hashed on its way; once the sink has committed,
 * it is read back and its digest must be the same. */

/* Rows between two progress reports. */
#define PROGRESS_EVERY 100000
/* Bytes sent to the server at once. */
#define SEND_BUFFER (1 << 20)

/* Test hook, not a user setting: DPO_COPY_TEST_DROP_AT=N drops the
 * server connection (its own backend terminated) as table N begins, so
 * that the tests see a connection lost in the middle of a copy. */
static void
maybe_drop_connection (PGconn             *conn,
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

static char *
column_list (const DpoCopyTable *table)
{
  g_autofree char *joined = g_strjoinv (", ", (char **) table->columns);

  return g_steal_pointer (&joined);
}

/* COPY TO STDOUT of @table's rows in primary-key order, each line to @row. */
static gboolean
server_rows (PGconn              *conn,
             const DpoCopyTable  *table,
             const char          *what,
             DpoCopyRowFunc       row,
             gpointer             user_data,
             GError             **error)
{
  g_autofree char *columns = column_list (table);
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
static char *
missing_privilege (PGconn      *conn,
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
static gboolean
check_version (PGconn  *conn,
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

/* Sources */

typedef struct _Source Source;
struct _Source
{
  gint64   (*count) (Source *self, const DpoCopyTable *table, GError **error);
  gboolean (*kinds) (Source *self, const DpoCopyTable *table, DpoCopyKind *kinds, GError **error);
  gboolean (*rows)  (Source *self, const DpoCopyTable *table, DpoCopyRowFunc row,
                     gpointer user_data, GError **error);
  void     (*free)  (Source *self);
};

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

static Source *
file_source_open (const char  *path,
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
  g_autofree char *columns = column_list (table);
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

  maybe_drop_connection (conn, table);
  return server_rows (conn, table, _("Cannot read the register on the server"), row, user_data, error);
}

static void
server_source_free (Source *self)
{
  PQfinish (((ServerSource *) self)->conn);
  g_free (self);
}

static Source *
server_source_open (const char  *uri,
                    GError     **error)
{
  const char *what = _("Cannot read the register on the server");
  g_autoptr(PGconn) conn = dpo_pg_connect (uri, error);
  g_autofree char *missing = NULL;
  ServerSource *self;

  if (conn == NULL || !check_version (conn, error))
    return NULL;
  missing = missing_privilege (conn, "SELECT", what, error);
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

/* Sinks */

typedef struct _Sink Sink;
struct _Sink
{
  gboolean (*begin)  (Sink *self, const DpoCopyTable *table, const DpoCopyKind *kinds,
                      gboolean again, GError **error);
  gboolean (*row)    (Sink *self, const char *line, gsize length, GError **error);
  /* Ends the table (@abandon: after a failure, its rows dropped); sets
   * *@again when it must be sent once more (see ServerSink). */
  gboolean (*end)    (Sink *self, gboolean abandon, gboolean *again, GError **error);
  gboolean (*commit) (Sink *self, GError **error);
  gboolean (*digest) (Sink *self, const DpoCopyTable *table, gint64 *count, char **digest,
                      GError **error);
  gboolean (*verify) (Sink *self, char **seal, guint64 *n_entries, GError **error);
  void     (*free)   (Sink *self);
};

typedef struct
{
  Sink                parent;
  char               *path;
  DpoStoreCopyTarget *target;
} FileSink;

static gboolean
file_sink_begin (Sink                *self,
                 const DpoCopyTable  *table,
                 const DpoCopyKind   *kinds,
                 gboolean             again,
                 GError             **error)
{
  return dpo_store_copy_target_begin (((FileSink *) self)->target, table, kinds, error);
}

static gboolean
file_sink_row (Sink        *self,
               const char  *line,
               gsize        length,
               GError     **error)
{
  /* Without its "\n". */
  return dpo_store_copy_target_row (((FileSink *) self)->target, line, length - 1, error);
}

static gboolean
file_sink_end (Sink      *self,
               gboolean   abandon,
               gboolean  *again,
               GError   **error)
{
  return TRUE;
}

static gboolean
file_sink_commit (Sink    *self,
                  GError **error)
{
  return dpo_store_copy_target_commit (((FileSink *) self)->target, error);
}

static gboolean
file_sink_digest (Sink                *self,
                  const DpoCopyTable  *table,
                  gint64              *count,
                  char               **digest,
                  GError             **error)
{
  return dpo_store_copy_digest (((FileSink *) self)->path, table, count, digest, error);
}

static gboolean
file_sink_verify (Sink     *self,
                  char    **seal,
                  guint64  *n_entries,
                  GError  **error)
{
  return dpo_audit_verify_file (((FileSink *) self)->path, seal, n_entries, error);
}

static void
file_sink_free (Sink *self)
{
  FileSink *sink = (FileSink *) self;

  dpo_store_copy_target_free (sink->target);
  g_free (sink->path);
  g_free (sink);
}

static Sink *
file_sink_open (const char  *path,
                GError     **error)
{
  DpoStoreCopyTarget *target = dpo_store_copy_target_create (path, error);
  FileSink *self;

  if (target == NULL)
    return NULL;
  self = g_new0 (FileSink, 1);
  self->parent = (Sink) { file_sink_begin, file_sink_row, file_sink_end, file_sink_commit,
                          file_sink_digest, file_sink_verify, file_sink_free };
  self->path = g_strdup (path);
  self->target = target;
  return &self->parent;
}

/* The server's audit trigger accepts a 'redact' entry only while its
 * person has an erasure request, and the person is gone once erased: a
 * log with erasures is sent again with that trigger off, inside the
 * copy's transaction, which only the tables' owner may do. */
typedef struct
{
  Sink                parent;
  PGconn             *conn;
  gboolean            committed;
  const DpoCopyTable *table;
  gboolean            redaction_trigger_off;
  GString            *buffer;
  /* Reading the copy back, in one snapshot after the commit. */
  gboolean            reading;
} ServerSink;

#define WRITE_WHAT _("Cannot copy the register into the server")

static gboolean
send_buffer (ServerSink  *sink,
             GError     **error)
{
  if (sink->buffer->len > 0 &&
      PQputCopyData (sink->conn, sink->buffer->str, sink->buffer->len) != 1)
    {
      dpo_pg_set_error (sink->conn, NULL, WRITE_WHAT, error);
      return FALSE;
    }
  g_string_truncate (sink->buffer, 0);
  return TRUE;
}

static gboolean
redaction_trigger_off (ServerSink  *sink,
                       GError     **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(PGresult) owner = NULL;

  if (!dpo_pg_exec (sink->conn, "ROLLBACK TO SAVEPOINT audit_copy", WRITE_WHAT, error))
    return FALSE;
  result = PQexec (sink->conn, "ALTER TABLE audit DISABLE TRIGGER audit_insert");
  if (PQresultStatus (result) == PGRES_COMMAND_OK)
    {
      sink->redaction_trigger_off = TRUE;
      return TRUE;
    }
  if (g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), "42501") != 0)
    {
      dpo_pg_set_error (sink->conn, result, WRITE_WHAT, error);
      return FALSE;
    }
  PQclear (PQexec (sink->conn, "ROLLBACK TO SAVEPOINT audit_copy"));
  owner = PQexec (sink->conn, "SELECT tableowner FROM pg_tables "
                              "WHERE schemaname = current_schema () AND tablename = 'audit'");
  g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
               _("This register’s audit log records erasures; the server takes those entries from "
                 "a copy only when the copy is run by the owner of the tables (the role “%s”, which "
                 "ran “dpo server init”), not by “%s”. Nothing was copied."),
               PQresultStatus (owner) == PGRES_TUPLES_OK && PQntuples (owner) == 1
                 ? PQgetvalue (owner, 0, 0) : "?",
               PQuser (sink->conn));
  return FALSE;
}

/* A row the server's constraints refused: which table, which of its rows
 * and why, in one line (libpq's own message adds the context on more). */
static void
refused_row (ServerSink  *sink,
             PGresult    *result,
             GError     **error)
{
  const char *primary = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  const char *context = PQresultErrorField (result, PG_DIAG_CONTEXT);
  const char *line = context != NULL ? strstr (context, ", line ") : NULL;

  if (primary == NULL || PQstatus (sink->conn) != CONNECTION_OK ||
      g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), "42501") == 0)
    {
      dpo_pg_set_error (sink->conn, result, WRITE_WHAT, error);
      return;
    }
  g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
               _("The server refused row %d of “%s”, so nothing was copied: %s"),
               line != NULL ? atoi (line + strlen (", line ")) : 0, sink->table->name, primary);
}

static gboolean
server_sink_begin (Sink                *self,
                   const DpoCopyTable  *table,
                   const DpoCopyKind   *kinds,
                   gboolean             again,
                   GError             **error)
{
  ServerSink *sink = (ServerSink *) self;
  g_autofree char *columns = column_list (table);
  g_autofree char *sql = g_strdup_printf ("COPY %s (%s) FROM STDIN", table->name, columns);
  g_autoptr(PGresult) result = NULL;

  sink->table = table;
  maybe_drop_connection (sink->conn, table);
  if (g_str_equal (table->name, "audit"))
    {
      if (again ? !redaction_trigger_off (sink, error)
                : !dpo_pg_exec (sink->conn, "SAVEPOINT audit_copy", WRITE_WHAT, error))
        return FALSE;
    }
  result = PQexec (sink->conn, sql);
  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      dpo_pg_set_error (sink->conn, result, WRITE_WHAT, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
server_sink_row (Sink        *self,
                 const char  *line,
                 gsize        length,
                 GError     **error)
{
  ServerSink *sink = (ServerSink *) self;

  g_string_append_len (sink->buffer, line, length);
  return sink->buffer->len < SEND_BUFFER || send_buffer (sink, error);
}

static gboolean
server_sink_end (Sink      *self,
                 gboolean   abandon,
                 gboolean  *again,
                 GError   **error)
{
  ServerSink *sink = (ServerSink *) self;
  g_autoptr(PGresult) result = NULL;
  gboolean ok;

  g_string_truncate (sink->buffer, abandon ? 0 : sink->buffer->len);
  if (abandon || !send_buffer (sink, error))
    {
      PGresult *rest;

      PQputCopyEnd (sink->conn, "copy abandoned");
      while ((rest = PQgetResult (sink->conn)) != NULL)
        PQclear (rest);
      return FALSE;
    }
  if (PQputCopyEnd (sink->conn, NULL) != 1)
    {
      dpo_pg_set_error (sink->conn, NULL, WRITE_WHAT, error);
      return FALSE;
    }
  result = PQgetResult (sink->conn);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK;
  if (!ok && g_str_equal (sink->table->name, "audit") && !sink->redaction_trigger_off &&
      g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), DPO_PG_STATE_REDACTION) == 0)
    *again = TRUE;
  else if (!ok)
    refused_row (sink, result, error);
  while (result != NULL)
    {
      PQclear (result);
      result = PQgetResult (sink->conn);
    }
  if (ok && sink->redaction_trigger_off &&
      !dpo_pg_exec (sink->conn, "ALTER TABLE audit ENABLE TRIGGER audit_insert", WRITE_WHAT, error))
    return FALSE;
  return ok;
}

/* Each identity's sequence past the keys copied: by setval() where the
 * role may, else by drawing as many values (an officer has USAGE only). */
static gboolean
move_sequences (ServerSink  *sink,
                GError     **error)
{
  guint n_tables = 0;
  const DpoCopyTable *tables = dpo_copy_tables (&n_tables);

  for (guint i = 0; i < n_tables; i++)
    {
      g_autofree char *sql = NULL;
      g_autofree char *move = NULL;
      g_autoptr(PGresult) result = NULL;
      g_autoptr(PGresult) moved = NULL;

      if (!tables[i].identity)
        continue;
      sql = g_strdup_printf ("SELECT s, (SELECT max(pk) FROM %s), has_sequence_privilege (s, 'UPDATE') "
                             "FROM pg_get_serial_sequence ('%s', 'pk') s", tables[i].name, tables[i].name);
      result = PQexec (sink->conn, sql);
      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        {
          dpo_pg_set_error (sink->conn, result, WRITE_WHAT, error);
          return FALSE;
        }
      if (PQgetisnull (result, 0, 0) || PQgetisnull (result, 0, 1))
        continue;
      if (g_str_equal (PQgetvalue (result, 0, 2), "t"))
        move = g_strdup_printf ("SELECT setval ('%s', %s)", PQgetvalue (result, 0, 0),
                                PQgetvalue (result, 0, 1));
      else
        move = g_strdup_printf ("SELECT max (nextval ('%s')) FROM generate_series (1, %s)",
                                PQgetvalue (result, 0, 0), PQgetvalue (result, 0, 1));
      if (!dpo_pg_exec (sink->conn, move, WRITE_WHAT, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
server_sink_commit (Sink    *self,
                    GError **error)
{
  ServerSink *sink = (ServerSink *) self;

  if (!move_sequences (sink, error) || !dpo_pg_exec (sink->conn, "COMMIT", WRITE_WHAT, error))
    return FALSE;
  sink->committed = TRUE;
  return TRUE;
}

typedef struct
{
  GChecksum *checksum;
  gint64     count;
} Digest;

static gboolean
digest_line (const char  *line,
             gsize        length,
             gpointer     user_data,
             GError     **error)
{
  Digest *digest = user_data;

  g_checksum_update (digest->checksum, (const guchar *) line, length);
  digest->count++;
  return TRUE;
}

#define READ_BACK_WHAT _("Cannot read the copy back from the server")

/* Every table read back from one moment, as the source was read. */
static gboolean
server_sink_digest (Sink                *self,
                    const DpoCopyTable  *table,
                    gint64              *count,
                    char               **digest,
                    GError             **error)
{
  ServerSink *sink = (ServerSink *) self;
  Digest read = { NULL, 0 };
  gboolean ok;

  if (!sink->reading &&
      !dpo_pg_exec (sink->conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;"
                                "SET LOCAL bytea_output = 'hex'", READ_BACK_WHAT, error))
    return FALSE;
  sink->reading = TRUE;
  read.checksum = g_checksum_new (G_CHECKSUM_SHA256);
  ok = server_rows (sink->conn, table, READ_BACK_WHAT, digest_line, &read, error);
  if (ok)
    {
      *count = read.count;
      *digest = g_strdup (g_checksum_get_string (read.checksum));
    }
  g_checksum_free (read.checksum);
  return ok;
}

static gboolean
server_sink_verify (Sink     *self,
                    char    **seal,
                    guint64  *n_entries,
                    GError  **error)
{
  ServerSink *sink = (ServerSink *) self;

  if (sink->reading && !dpo_pg_exec (sink->conn, "COMMIT", READ_BACK_WHAT, error))
    return FALSE;
  sink->reading = FALSE;
  return dpo_pg_audit_verify (sink->conn, seal, n_entries, error);
}

static void
server_sink_free (Sink *self)
{
  ServerSink *sink = (ServerSink *) self;

  /* Not committed: the transaction goes, and the database is as it was
   * (a lost connection has rolled it back already). */
  if ((!sink->committed || sink->reading) && PQstatus (sink->conn) == CONNECTION_OK)
    PQclear (PQexec (sink->conn, "ROLLBACK"));
  PQfinish (sink->conn);
  g_string_free (sink->buffer, TRUE);
  g_free (sink);
}

/* What the database already holds, in words, or NULL when it holds no
 * register (no row in any table). */
static gboolean
describe_register (PGconn   *conn,
                   char    **held,
                   GError  **error)
{
  guint n_tables = 0;
  const DpoCopyTable *tables = dpo_copy_tables (&n_tables);
  g_autoptr(GString) sql = g_string_new ("SELECT (SELECT count(*) FROM incidents), "
                                         "(SELECT count(*) FROM subjects), "
                                         "(SELECT count(*) FROM requests), "
                                         "(SELECT count(*) FROM audit), ");
  g_autoptr(PGresult) result = NULL;

  for (guint i = 0; i < n_tables; i++)
    g_string_append_printf (sql, "%sEXISTS (SELECT 1 FROM %s)", i > 0 ? " OR " : "", tables[i].name);
  result = PQexec (conn, sql->str);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      dpo_pg_set_error (conn, result, WRITE_WHAT, error);
      return FALSE;
    }
  *held = NULL;
  if (g_str_equal (PQgetvalue (result, 0, 4), "t"))
    *held = g_strdup_printf (_("%s incidents, %s people, %s requests, %s audit entries"),
                             PQgetvalue (result, 0, 0), PQgetvalue (result, 0, 1),
                             PQgetvalue (result, 0, 2), PQgetvalue (result, 0, 3));
  return TRUE;
}

/* No other writer while the copy fills the tables, and no second copy. */
static char *
lock_sql (void)
{
  guint n_tables = 0;
  const DpoCopyTable *tables = dpo_copy_tables (&n_tables);
  GString *sql = g_string_new ("SET LOCAL lock_timeout = '10s'; LOCK TABLE ");

  for (guint i = 0; i < n_tables; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", tables[i].name);
  g_string_append (sql, " IN EXCLUSIVE MODE");
  return g_string_free (sql, FALSE);
}

static Sink *
server_sink_open (const char  *uri,
                  GError     **error)
{
  g_autoptr(PGconn) conn = dpo_pg_connect (uri, error);
  g_autofree char *missing = NULL;
  g_autofree char *lock = lock_sql ();
  g_autofree char *held = NULL;
  ServerSink *self;

  if (conn == NULL || !check_version (conn, error))
    return NULL;
  missing = missing_privilege (conn, "INSERT", WRITE_WHAT, error);
  if (missing == NULL)
    return NULL;
  if (*missing != '\0')
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                   _("The role “%s” may not write a register into the database “%s” (not into "
                     "the table “%s”): copying into a server needs the role %s. Nothing was "
                     "changed."), PQuser (conn), PQdb (conn), missing, DPO_PG_ROLE_OFFICER);
      return NULL;
    }
  if (!dpo_pg_exec (conn, "BEGIN", WRITE_WHAT, error))
    return NULL;
  if (!dpo_pg_exec (conn, lock, WRITE_WHAT, error) || !describe_register (conn, &held, error))
    {
      PQclear (PQexec (conn, "ROLLBACK"));
      return NULL;
    }
  if (held != NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_EXISTS,
                   _("The database “%s” already holds a register (%s): a copy goes only into a "
                     "database that holds none. Nothing was changed."), PQdb (conn), held);
      PQclear (PQexec (conn, "ROLLBACK"));
      return NULL;
    }
  self = g_new0 (ServerSink, 1);
  self->parent = (Sink) { server_sink_begin, server_sink_row, server_sink_end, server_sink_commit,
                          server_sink_digest, server_sink_verify, server_sink_free };
  self->conn = g_steal_pointer (&conn);
  self->buffer = g_string_sized_new (SEND_BUFFER + 4096);
  return &self->parent;
}

/* The copy */

typedef struct
{
  Sink                *sink;
  const DpoCopyTable  *table;
  GChecksum           *checksum;
  gint64               count;
  gint64               total;
  DpoCopyProgressFunc  progress;
  gpointer             user_data;
} Stream;

static gboolean
stream_line (const char  *line,
             gsize        length,
             gpointer     user_data,
             GError     **error)
{
  Stream *stream = user_data;

  g_checksum_update (stream->checksum, (const guchar *) line, length);
  if (++stream->count % PROGRESS_EVERY == 0 && stream->progress != NULL)
    stream->progress (stream->table->name, stream->count, stream->total, stream->user_data);
  return stream->sink->row (stream->sink, line, length, error);
}

/* One table, source to sink; its count and digest as sent. */
static gboolean
copy_table (Source              *source,
            Sink                *sink,
            const DpoCopyTable  *table,
            DpoCopyProgressFunc  progress,
            gpointer             user_data,
            gint64              *count,
            char               **digest,
            GError             **error)
{
  guint n_columns = g_strv_length ((char **) table->columns);
  g_autofree DpoCopyKind *kinds = g_new0 (DpoCopyKind, n_columns);
  gboolean again = FALSE;
  gint64 total = source->count (source, table, error);

  if (total < 0 || !source->kinds (source, table, kinds, error))
    return FALSE;
  for (int attempt = 0; attempt < 2; attempt++)
    {
      Stream stream = { sink, table, g_checksum_new (G_CHECKSUM_SHA256), 0, total, progress, user_data };
      gboolean ok;

      if (progress != NULL)
        progress (table->name, 0, total, user_data);
      ok = sink->begin (sink, table, kinds, again, error) &&
           source->rows (source, table, stream_line, &stream, error);
      /* A COPY begun is ended, even after a failure, to leave the
       * connection usable for the rollback. */
      again = FALSE;
      ok = sink->end (sink, !ok, &again, ok ? error : NULL) && ok;
      if (ok && progress != NULL && stream.count % PROGRESS_EVERY != 0)
        progress (table->name, stream.count, total, user_data);
      if (ok)
        {
          *count = stream.count;
          *digest = g_strdup (g_checksum_get_string (stream.checksum));
        }
      g_checksum_free (stream.checksum);
      if (ok || !again)
        return ok;
    }
  return FALSE;
}

static gboolean
verify_table (Sink                *sink,
              const DpoCopyTable  *table,
              gint64               count,
              const char          *digest,
              GError             **error)
{
  g_autofree char *copied = NULL;
  gint64 copied_count = 0;

  if (!sink->digest (sink, table, &copied_count, &copied, error))
    return FALSE;
  if (copied_count == count && g_str_equal (copied, digest))
    return TRUE;
  g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
               _("The copy does not match its source: the table “%s” holds %lld rows there and "
                 "%lld in the copy, or different values."),
               table->name, (long long) count, (long long) copied_count);
  return FALSE;
}

void
dpo_copy_report_clear (DpoCopyReport *report)
{
  for (guint i = 0; report->tables != NULL && i < report->n_tables; i++)
    g_free (report->tables[i]);
  g_clear_pointer (&report->tables, g_free);
  g_clear_pointer (&report->rows, g_free);
  g_clear_pointer (&report->seal, g_free);
  report->n_tables = 0;
  report->n_entries = 0;
}

static Source *
open_source (const char  *source,
             GError     **error)
{
  return dpo_pg_is_uri (source) ? server_source_open (source, error)
                                : file_source_open (source, error);
}

static Sink *
open_sink (const char  *dest,
           GError     **error)
{
  return dpo_pg_is_uri (dest) ? server_sink_open (dest, error) : file_sink_open (dest, error);
}

gboolean
dpo_copy (const char           *source_name,
          const char           *dest_name,
          DpoCopyProgressFunc   progress,
          gpointer              user_data,
          DpoCopyReport        *report,
          GError              **error)
{
  guint n_tables = 0;
  const DpoCopyTable *tables = dpo_copy_tables (&n_tables);
  g_autofree gint64 *counts = g_new0 (gint64, n_tables);
  g_auto(GStrv) digests = g_new0 (char *, n_tables + 1);
  Source *source = NULL;
  Sink *sink = NULL;
  gboolean ok;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A file that exists is refused before anything is opened. */
  if (!dpo_pg_is_uri (dest_name) && g_file_test (dest_name, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_EXISTS,
                   _("“%s” already exists: a copy will not overwrite it. Name a new file."),
                   dest_name);
      return FALSE;
    }

  source = open_source (source_name, error);
  sink = source != NULL ? open_sink (dest_name, error) : NULL;
  ok = sink != NULL;
  for (guint i = 0; ok && i < n_tables; i++)
    ok = copy_table (source, sink, &tables[i], progress, user_data, &counts[i], &digests[i], error);
  ok = ok && sink->commit (sink, error);
  if (source != NULL)
    source->free (source);
  source = NULL;

  for (guint i = 0; ok && i < n_tables; i++)
    ok = verify_table (sink, &tables[i], counts[i], digests[i], error);
  if (ok)
    {
      memset (report, 0, sizeof *report);
      ok = sink->verify (sink, &report->seal, &report->n_entries, error);
    }
  if (sink != NULL)
    sink->free (sink);
  if (!ok)
    return FALSE;

  report->n_tables = n_tables;
  report->tables = g_new0 (char *, n_tables);
  report->rows = g_steal_pointer (&counts);
  for (guint i = 0; i < n_tables; i++)
    report->tables[i] = g_strdup (tables[i].name);
  return TRUE;
}
