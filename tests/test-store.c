/* test-store.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dpo-error.h"
#include "dpo-row.h"
#include "dpo-import.h"
#include "dpo-store.h"
#include "dpo-test-util.h"

static void
test_create_private_wal (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  GStatBuf st;

  if (dpo_test_engine_is_server ())
    {
      g_test_skip ("a file's own property: its mode and its write-ahead log");
      return;
    }
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (dpo_test_query_int (path, "PRAGMA user_version"), ==, DPO_STORE_SCHEMA_VERSION);
  /* journal_mode is persistent in the file header for WAL. */
  g_assert_cmpint (dpo_test_query_int (path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"),
                   ==, 1);
  g_assert_true (dpo_store_is_empty (store));
}

static void
test_creates_missing_folders (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "a", "b", "workbench.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = dpo_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GError) error = NULL;
  DpoStore *store = dpo_test_new_store (&path);

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  store = dpo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dpo_store_count_incidents (store), ==, 1);
  g_assert_cmpuint (dpo_store_count_subjects (store), ==, 8);
  g_assert_cmpuint (dpo_store_count_requests (store), ==, 5);
  g_assert_finalize_object (store);
}

/* Writes a plain SQLite file with @sql, outside the store. */
static char *
make_sqlite_file (const char *sql)
{
  g_autofree char *dir = dpo_test_make_dir ();
  char *path = g_build_filename (dir, "other.sqlite", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

static void
assert_refused_untouched (const char *path,
                          int         code,
                          const char *needle)
{
  g_autoptr(GBytes) before = dpo_test_file_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = dpo_store_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (store);
  g_assert_error (error, DPO_ERROR, code);
  g_assert_nonnull (strstr (error->message, needle));
  g_assert_nonnull (strstr (error->message, path));

  after = dpo_test_file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_newer_version_refused (void)
{
  g_autofree char *path = make_sqlite_file ("CREATE TABLE future (x); PRAGMA user_version = 99;");

  assert_refused_untouched (path, DPO_ERROR_NEWER_DATABASE, "newer version");
}

static void
test_not_a_database_refused (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.sqlite", NULL);

  g_assert_true (g_file_set_contents (path, "Compte rendu de la réunion du 29 janvier\n", -1, NULL));
  assert_refused_untouched (path, DPO_ERROR_NOT_A_DATABASE, "not a DPO Workbench database");
}

static void
test_foreign_database_refused (void)
{
  g_autofree char *path = make_sqlite_file ("CREATE TABLE customers (name TEXT);");

  assert_refused_untouched (path, DPO_ERROR_NOT_A_DATABASE, "another program");
}

static void
test_folder_refused (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = dpo_store_open (dir, &error);

  g_assert_null (store);
  g_assert_error (error, DPO_ERROR, DPO_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "folder"));
}

static void
test_unwritable_folder_refused (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = NULL;

  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  /* root ignores folder permissions: a folder under /proc is unwritable for all. */
  if (geteuid () == 0)
    path = g_strdup ("/proc/dpo-workbench-test/workbench.sqlite");
  else
    path = g_build_filename (locked, "workbench.sqlite", NULL);

  store = dpo_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, DPO_ERROR, DPO_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "Cannot create"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_chmod (locked, 0700);
}

static void
test_empty_file_is_migrated (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = NULL;

  /* An empty file is a valid, empty SQLite database: version 0, migrated. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = dpo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "PRAGMA user_version"), ==, DPO_STORE_SCHEMA_VERSION);
}

static void
test_audit_log (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, &error));
  /* One row per record written: 1 incident, 8 people, 5 requests; and the
   * organisation the example names. */
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit"), ==, 15);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'organisation'"),
                   ==, 1);
  g_assert_cmpint (dpo_test_query_int (path, dpo_test_engine_is_server ()
                                             ? "SELECT count(*) FROM audit WHERE entity = 'request' "
                                               "AND record = 'R-2024-0004' AND action = 'insert' "
                                               "AND changes::jsonb #>> '{changes,email}' "
                                               "= 'sophie.lefevre@example.org'"
                                             : "SELECT count(*) FROM audit WHERE entity = 'request' "
                                               "AND record = 'R-2024-0004' AND action = 'insert' "
                                               "AND json_extract (changes, '$.changes.email') "
                                               "= 'sophie.lefevre@example.org'"), ==, 1);

  /* Append-only, even for a direct SQL statement (on a server, even for
   * its superuser). */
  if (dpo_test_engine_is_server ())
    {
      g_autofree char *state = NULL;

      g_assert_false (dpo_test_server_try_exec (path, "DELETE FROM audit", &state, NULL));
      g_assert_cmpstr (state, ==, "DPO02");
      g_clear_pointer (&state, g_free);
      g_assert_false (dpo_test_server_try_exec (path, "UPDATE audit SET at = 'x'", &state, NULL));
      g_assert_cmpstr (state, ==, "DPO02");
    }
  else
    {
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
      g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET at = 'x'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
      sqlite3_close (db);
    }
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit"), ==, 15);
}

static void
test_erasure_trigger (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  sqlite3 *db = NULL;

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, NULL));
  if (dpo_test_engine_is_server ())
    {
      g_autofree char *message = NULL;

      /* The server's own trigger, for any client. */
      g_assert_false (dpo_test_server_try_exec (path, "DELETE FROM subjects WHERE id = 'S-0001'",
                                                NULL, &message));
      g_assert_nonnull (strstr (message, "active contract"));
      g_assert_true (dpo_test_server_try_exec (path, "DELETE FROM subjects WHERE id = 'S-0002'",
                                               NULL, NULL));
    }
  else
    {
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

      /* S-0001 has an open contract: the database itself refuses. */
      g_assert_cmpint (sqlite3_exec (db, "DELETE FROM subjects WHERE id = 'S-0001'", NULL, NULL, NULL),
                       ==, SQLITE_CONSTRAINT);
      g_assert_nonnull (strstr (sqlite3_errmsg (db), "active contract"));
      /* S-0002's only contract ended on 2023-12-31: allowed. */
      g_assert_cmpint (sqlite3_exec (db, "DELETE FROM subjects WHERE id = 'S-0002'", NULL, NULL, NULL),
                       ==, SQLITE_OK);
      sqlite3_close (db);
    }

  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM subjects WHERE id = 'S-0001'"), ==, 1);
  /* The example's six contracts, S-0002's gone with him. */
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM contracts"), ==, 5);
  /* The request stays in the register, without the person. */
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM requests WHERE id = 'R-2024-0003' "
                                             "AND subject IS NULL"), ==, 1);
}

static void
test_lists_search (void)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GListModel) all = NULL, martin = NULL, nir = NULL, requests = NULL, incidents = NULL;
  g_autoptr(DpoRow) row = NULL;

  all = dpo_store_list_subjects (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 0);

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, NULL));
  /* The model follows the store's "changed" signal by itself. */
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 8);

  martin = dpo_store_list_subjects (store, "mart");
  g_assert_cmpuint (g_list_model_get_n_items (martin), ==, 1);
  row = g_list_model_get_item (martin, 0);
  g_assert_cmpstr (dpo_row_get_subject (row)->id, ==, "S-0001");
  g_clear_object (&row);

  nir = dpo_store_list_subjects (store, "2 83 09 2A");
  g_assert_cmpuint (g_list_model_get_n_items (nir), ==, 1);

  requests = dpo_store_list_requests (store, "Martin");
  g_assert_cmpuint (g_list_model_get_n_items (requests), ==, 2);

  incidents = dpo_store_list_incidents (store, "viamedis");
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  row = g_list_model_get_item (incidents, 0);
  g_assert_cmpstr (dpo_row_get_incident (row)->id, ==, "INC-2024-01");
  g_assert_nonnull (dpo_row_get_incident (row)->cnil_notified_at);
  g_assert_null (g_list_model_get_item (incidents, 1));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/create-private-wal", test_create_private_wal);
  g_test_add_func ("/store/creates-missing-folders", test_creates_missing_folders);
  g_test_add_func ("/store/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/store/newer-version-refused", test_newer_version_refused);
  g_test_add_func ("/store/not-a-database-refused", test_not_a_database_refused);
  g_test_add_func ("/store/foreign-database-refused", test_foreign_database_refused);
  g_test_add_func ("/store/folder-refused", test_folder_refused);
  g_test_add_func ("/store/unwritable-folder-refused", test_unwritable_folder_refused);
  g_test_add_func ("/store/empty-file-migrated", test_empty_file_is_migrated);
  g_test_add_func ("/store/audit-log", test_audit_log);
  g_test_add_func ("/store/erasure-trigger", test_erasure_trigger);
  g_test_add_func ("/store/lists-search", test_lists_search);

  return g_test_run ();
}
