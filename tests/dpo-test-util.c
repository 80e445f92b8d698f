/* dpo-test-util.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include "dpo-export-json.h"
#include "dpo-import.h"
#include "dpo-pg-connection.h"
#include "dpo-pg-init.h"
#include "dpo-test-util.h"
#include "dpo-time.h"

char *
dpo_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dpo-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
dpo_test_example_path (void)
{
  const char *root = g_getenv ("DPO_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "example", "breach-2024.json", NULL);
}

GBytes *
dpo_test_example_bytes (void)
{
  g_autofree char *path = dpo_test_example_path ();

  return dpo_test_file_bytes (path);
}

gboolean
dpo_test_engine_is_server (void)
{
  return g_strcmp0 (g_getenv ("DPO_TEST_ENGINE"), "postgresql") == 0;
}

/* A program run on the server engine without a server (no postgresql-15
 * here): the whole program is skipped, in TAP's words, before it starts. */
__attribute__((constructor)) static void
skip_without_server (void)
{
  const char *missing = g_getenv ("DPO_TEST_PG_MISSING");

  if (dpo_test_engine_is_server () && g_getenv ("DPO_TEST_PG_URI") == NULL)
    {
      printf ("1..0 # SKIP %s\n", missing != NULL ? missing : "no PostgreSQL server (DPO_TEST_PG_URI)");
      fflush (stdout);
      _exit (0);
    }
}

/* DPO_TEST_PG_URI with its database replaced by @database. */
static char *
server_uri (const char *database)
{
  const char *admin = g_getenv ("DPO_TEST_PG_URI");
  g_autoptr(GUri) uri = g_uri_parse (admin, G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *path = g_strconcat ("/", database, NULL);

  g_assert_nonnull (uri);
  return g_uri_join (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), g_uri_get_userinfo (uri),
                     g_uri_get_host (uri), g_uri_get_port (uri), path, g_uri_get_query (uri), NULL);
}

char *
dpo_test_new_server_database (void)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("dpo_test_%d_%u", (int) getpid (), ++counter);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", name);
  char *uri = server_uri (name);
  g_autoptr(GError) error = NULL;
  PGconn *admin = dpo_pg_connect (g_getenv ("DPO_TEST_PG_URI"), &error);
  PGconn *conn;
  DpoPgInitOutcome outcome;
  int found = 0;

  g_assert_no_error (error);
  g_assert_true (dpo_pg_exec (admin, create, "create", &error));
  g_assert_no_error (error);
  PQfinish (admin);
  conn = dpo_pg_connect (uri, &error);
  g_assert_no_error (error);
  g_assert_true (dpo_pg_server_init (conn, &outcome, &found, &error));
  g_assert_no_error (error);
  PQfinish (conn);
  return uri;
}

DpoStore *
dpo_test_new_store (char **path)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  DpoStore *store;

  if (dpo_test_engine_is_server ())
    file = dpo_test_new_server_database ();
  else
    {
      dir = dpo_test_make_dir ();
      file = g_build_filename (dir, "workbench.sqlite", NULL);
    }
  store = dpo_store_open (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path != NULL)
    *path = g_steal_pointer (&file);
  return store;
}

DpoStore *
dpo_test_example_store (const char  *as_of,
                        char       **path)
{
  DpoStore *store = dpo_test_new_store (path);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GDateTime) now = NULL;
  GDate date;

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, NULL));
  g_assert_true (dpo_date_parse (as_of, &date, NULL));
  now = dpo_time_end_of_local_day (&date);
  dpo_store_set_now (store, now);
  return store;
}

char *
dpo_test_export (DpoStore   *store,
                 const char *as_of)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDate date;

  g_assert_true (dpo_date_parse (as_of, &date, NULL));
  now = dpo_time_end_of_local_day (&date);
  dpo_store_set_now (store, now);

  g_assert_true (dpo_export_json (store, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

GBytes *
dpo_test_file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static gint64
server_query_int (const char *uri,
                  const char *sql)
{
  g_autoptr(GError) error = NULL;
  PGconn *conn = dpo_pg_connect (uri, &error);
  PGresult *result;
  gint64 value = -1;

  g_assert_no_error (error);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  if (PQntuples (result) > 0)
    value = g_str_equal (PQgetvalue (result, 0, 0), "t") ? 1
          : g_str_equal (PQgetvalue (result, 0, 0), "f") ? 0
          : g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);
  return value;
}

gint64
dpo_test_query_int (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (dpo_pg_is_uri (path))
    return server_query_int (path, sql);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* After a process was killed mid-write the WAL needs recovery, which a
   * read-only connection cannot run (SQLITE_READONLY_RECOVERY): a
   * read-write one runs it, as the app would on opening. */
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_READONLY)
    {
      sqlite3_close (db);
      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
    }
  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

void
dpo_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

void
dpo_test_exec (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (dpo_pg_is_uri (path))
    {
      g_autoptr(GError) error = NULL;
      PGconn *conn = dpo_pg_connect (path, &error);

      g_assert_no_error (error);
      if (!dpo_pg_exec (conn, sql, sql, &error))
        g_error ("%s", error->message);
      PQfinish (conn);
      return;
    }
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

gboolean
dpo_test_server_try_exec (const char  *uri,
                          const char  *sql,
                          char       **state,
                          char       **message)
{
  g_autoptr(GError) error = NULL;
  PGconn *conn = dpo_pg_connect (uri, &error);
  PGresult *result;
  gboolean ok;

  g_assert_no_error (error);
  result = PQexec (conn, sql);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK;
  if (state != NULL)
    *state = ok ? NULL : g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
  if (message != NULL)
    *message = ok ? NULL : g_strdup (PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY));
  PQclear (result);
  PQfinish (conn);
  return ok;
}

/* UNDO_STEPS[n] undoes step n - 1 -> n. */
static const char * const UNDO_STEPS[] = {
  NULL, NULL, NULL,   /* up to version 2: see test-audit's version 1 */
  "ALTER TABLE communications DROP COLUMN message;",
  "DROP TABLE organisation;",
  "DROP TRIGGER subjects_search_delete; DROP TRIGGER requests_search_delete;"
  "DROP TABLE subjects_search; DROP TABLE requests_search;",
  "DROP TABLE request_letters; DROP TABLE holds; DROP TABLE informed;"
  "DROP TABLE affected_unmatched; DROP TABLE affected; DROP TABLE contract_beneficiaries;"
  "ALTER TABLE subjects DROP COLUMN restriction_reason;"
  "ALTER TABLE subjects DROP COLUMN restricted_since;"
  "ALTER TABLE incidents DROP COLUMN notice_body;"
  "ALTER TABLE incidents DROP COLUMN notice_subject;",
  "DROP TRIGGER subjects_erasure_rule;"
  "CREATE TRIGGER subjects_erasure_rule BEFORE DELETE ON subjects "
  "WHEN EXISTS (SELECT 1 FROM contracts c WHERE c.subject = OLD.pk "
  "  AND (c.end_date IS NULL OR c.end_date >= date('now', 'localtime'))) "
  "BEGIN SELECT RAISE (ABORT, 'erasure refused: this person has an active contract'); END;",
  "ALTER TABLE requests DROP COLUMN decision_reason; ALTER TABLE requests DROP COLUMN decision;",
  "DROP TABLE affected_unmatched;"
  "CREATE TABLE affected_unmatched ("
  "  pk INTEGER PRIMARY KEY,"
  "  incident INTEGER NOT NULL REFERENCES incidents (pk) ON DELETE CASCADE,"
  "  nir_hash TEXT CHECK (nir_hash IS NULL OR length (nir_hash) = 64),"
  "  member_hash TEXT CHECK (member_hash IS NULL OR length (member_hash) = 64),"
  "  CHECK (nir_hash IS NOT NULL OR member_hash IS NOT NULL)"
  ");"
  "CREATE UNIQUE INDEX affected_unmatched_row ON affected_unmatched "
  "  (incident, ifnull (nir_hash, ''), ifnull (member_hash, ''));"
  "CREATE INDEX affected_unmatched_nir ON affected_unmatched (nir_hash) WHERE nir_hash IS NOT NULL;"
  "CREATE INDEX affected_unmatched_member ON affected_unmatched (member_hash) WHERE member_hash IS NOT NULL;",
  "DROP TABLE letter_templates;"
  "ALTER TABLE organisation DROP COLUMN source;"
  "ALTER TABLE organisation DROP COLUMN retention;"
  "ALTER TABLE organisation DROP COLUMN recipients;"
  "ALTER TABLE organisation DROP COLUMN purposes;",
  "DROP TABLE affected_unmatched_count; DROP TABLE affected_hashes;"
  "CREATE TABLE affected_unmatched ("
  "  incident INTEGER NOT NULL REFERENCES incidents (pk) ON DELETE CASCADE,"
  "  nir_hash BLOB NOT NULL CHECK (typeof (nir_hash) = 'blob' AND length (nir_hash) IN (0, 32)),"
  "  member_hash BLOB NOT NULL CHECK (typeof (member_hash) = 'blob' AND length (member_hash) IN (0, 32)),"
  "  CHECK (length (nir_hash) + length (member_hash) > 0),"
  "  PRIMARY KEY (incident, nir_hash, member_hash)"
  ") WITHOUT ROWID;"
  "CREATE INDEX affected_unmatched_member ON affected_unmatched (member_hash) "
  "  WHERE length (member_hash) > 0;",
  "DROP TRIGGER audit_no_update;"
  "ALTER TABLE audit DROP COLUMN actor_role; ALTER TABLE audit DROP COLUMN actor;"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
  "WHEN NOT (NEW.changes IS '{\"redacted\":\"erasure\"}' AND NEW.pk IS OLD.pk "
  "  AND NEW.at IS OLD.at AND NEW.entity IS OLD.entity AND NEW.record IS OLD.record "
  "  AND NEW.action IS OLD.action AND NEW.content_hash IS OLD.content_hash "
  "  AND NEW.hash IS OLD.hash "
  "  AND EXISTS (SELECT 1 FROM audit r, json_each (r.changes, '$.entries') e "
  "    WHERE r.action = 'redact' AND r.pk > OLD.pk "
  "      AND json_extract (e.value, '$[0]') = OLD.pk "
  "      AND json_extract (e.value, '$[1]') = OLD.content_hash)) "
  "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (UNDO_STEPS) == DPO_STORE_SCHEMA_VERSION + 1);

void
dpo_test_undo_schema_steps (const char *path,
                            int         version)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;", version);

  g_assert_cmpint (version, >=, 2);
  for (int step = DPO_STORE_SCHEMA_VERSION; step > version; step--)
    dpo_test_exec (path, UNDO_STEPS[step]);
  dpo_test_exec (path, set_version);
}
