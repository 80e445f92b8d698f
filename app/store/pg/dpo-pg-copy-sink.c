/* dpo-pg-copy-sink.c
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
#include "dpo-pg-copy-private.h"
#include "dpo-pg-schema.h"
#include "dpo-pg-verify.h"

/* Writing a register copied: into a new file through SQLite, into a
 * server through COPY FROM STDIN in one transaction; then reading it
 * back for its digests and its audit chain. */

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

Sink *
_dpo_pg_copy_file_sink_open (const char  *path,
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
  gboolean            staged;        /* rows go through dpo_copy_stage */
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
  g_autofree char *columns = _dpo_pg_copy_column_list (table);
  g_autofree char *sql = NULL;
  g_autoptr(PGresult) result = NULL;

  sink->table = table;
  /* COPY FROM refuses a table under row-level security (store_state, whose
   * HMAC key the agent may not read): its rows go through a temporary
   * table of the same columns, moved by one INSERT at the end. */
  sink->staged = g_str_equal (table->name, "store_state");
  if (sink->staged)
    {
      g_autofree char *stage = g_strdup_printf ("CREATE TEMP TABLE dpo_copy_stage ON COMMIT DROP "
                                                "AS SELECT %s FROM %s WITH NO DATA",
                                                columns, table->name);

      if (!dpo_pg_exec (sink->conn, stage, WRITE_WHAT, error))
        return FALSE;
    }
  sql = g_strdup_printf ("COPY %s (%s) FROM STDIN", sink->staged ? "dpo_copy_stage" : table->name,
                         columns);
  _dpo_pg_copy_maybe_drop_connection (sink->conn, table);
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
  if (ok && sink->staged)
    {
      g_autofree char *columns = _dpo_pg_copy_column_list (sink->table);
      g_autofree char *move = g_strdup_printf ("INSERT INTO %s (%s) SELECT %s FROM dpo_copy_stage; "
                                               "DROP TABLE dpo_copy_stage",
                                               sink->table->name, columns, columns);

      sink->staged = FALSE;
      return dpo_pg_exec (sink->conn, move, WRITE_WHAT, error);
    }
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
  ok = _dpo_pg_copy_server_rows (sink->conn, table, READ_BACK_WHAT, digest_line, &read, error);
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

Sink *
_dpo_pg_copy_server_sink_open (const char  *uri,
                  GError     **error)
{
  g_autoptr(PGconn) conn = dpo_pg_connect (uri, error);
  g_autofree char *missing = NULL;
  g_autofree char *lock = lock_sql ();
  g_autofree char *held = NULL;
  ServerSink *self;

  if (conn == NULL || !_dpo_pg_copy_check_version (conn, error))
    return NULL;
  missing = _dpo_pg_copy_missing_privilege (conn, "INSERT", WRITE_WHAT, error);
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

