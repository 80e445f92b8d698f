/* test-erasure-traces.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "dpo-import.h"
#include "dpo-request-execute.h"
#include "dpo-store.h"
/* White-box: these tests look at the store's own connection. */
#define DPO_STORE_COMPILATION
#include "dpo-store-private.h"
#include "dpo-test-util.h"

/* Erased means gone (issue 10, "Fell short" 9, Deliver 2): after an erasure
 * no byte of the person's NIR, name or email stays in the database, -wal or
 * -shm file, even while another connection (the window's) is open. */

#define NIR "165113155501897"
#define LAST_NAME "Quintardière"
#define EMAIL "zq.erasure-test@example.org"

static const char DOCUMENT[] =
  "{\"format\": \"dpo-workbench\", \"version\": 1,"
  " \"subjects\": [{\"id\": \"S-1\", \"last_name\": \"" LAST_NAME "\", \"first_name\": \"Zéphyrine\","
  "   \"nir\": \"" NIR "\", \"email\": \"" EMAIL "\", \"member_number\": \"M-77\","
  "   \"contracts\": [{\"number\": \"C-1\", \"start_date\": \"2015-01-01\", \"end_date\": \"2020-12-31\"}]},"
  "  {\"id\": \"S-2\", \"last_name\": \"Autre\", \"first_name\": \"Personne\"}],"
  " \"requests\": [{\"id\": \"R-1\", \"subject\": \"S-1\", \"kind\": \"erasure\","
  "   \"received_at\": \"2024-03-01T09:00:00+01:00\", \"channel\": \"email\"},"
  "  {\"id\": \"R-2\", \"subject\": \"S-1\", \"kind\": \"rectification\","
  "   \"received_at\": \"2024-02-01T09:00:00+01:00\", \"changes\": {\"email\": \"new." EMAIL "\"}}]}";

static DpoStore *
new_store_with_person (char **path)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (DOCUMENT, sizeof DOCUMENT - 1);
  g_autoptr(GError) error = NULL;
  DpoStore *store = dpo_test_new_store (path);

  g_assert_true (dpo_import_bytes (store, bytes, "person.json", NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* How many of the person's values the file holds (0 if it does not exist). */
static guint
count_traces (const char *path)
{
  static const char * const values[] = { NIR, LAST_NAME, EMAIL };
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint found = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    for (const char *p = contents; (p = memmem (p, length - (p - contents), values[i], strlen (values[i])));
         p++)
      found++;
  return found;
}

/* On a server no file can be read: no table any client can read holds
 * one of the person's values, in any column (a row read as text). */
static void
assert_no_traces_on_server (const char *uri)
{
  static const char * const values[] = { NIR, LAST_NAME, EMAIL };
  static const char * const tables[] = { "subjects", "contracts", "requests", "audit",
                                         "subjects_search", "requests_search", "holds",
                                         "contract_beneficiaries", "request_letters" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    for (guint j = 0; j < G_N_ELEMENTS (tables); j++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s t WHERE strpos (t::text, '%s') > 0",
                                                tables[j], values[i]);

        g_test_message ("%s: %s", tables[j], values[i]);
        g_assert_cmpint (dpo_test_query_int (uri, sql), ==, 0);
      }
}

static void
assert_no_traces (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  if (dpo_test_engine_is_server ())
    {
      assert_no_traces_on_server (path);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_test_message ("%s: %u", file, count_traces (file));
      g_assert_cmpuint (count_traces (file), ==, 0);
    }
}

static int
run_dpo_execute (const char *path,
                 const char *request)
{
  const char *argv[] = { g_getenv ("DPO_CLI"), "--database", path, "execute", request, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_app_sets_secure_delete (void)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  sqlite3_stmt *stmt = NULL;

  if (dpo_test_engine_is_server ())
    {
      g_test_skip ("a file's own property: SQLite's secure_delete");
      return;
    }
  /* Debian builds SQLite with it on; the app must not rely on that. */
  g_assert_cmpint (sqlite3_prepare_v2 (_dpo_store_get_sqlite (store), "PRAGMA secure_delete", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
}

/* The case: the window keeps a connection, `dpo execute` erases. */
static void
test_erasure_with_window_open (void)
{
  g_autofree char *path = NULL;
  DpoStore *window = new_store_with_person (&path);

  g_assert_cmpuint (dpo_store_count_subjects (window), ==, 2);
  g_assert_cmpint (run_dpo_execute (path, "R-1"), ==, 0);
  assert_no_traces (path);
  /* The window still reads the file as it is now. */
  g_assert_cmpuint (dpo_store_count_subjects (window), ==, 1);
  g_assert_finalize_object (window);
  assert_no_traces (path);
}

/* The same with the erasure made by the window's own connection while
 * another one (a worker, another process) stays open. */
static void
test_erasure_in_process (void)
{
  g_autofree char *path = NULL;
  DpoStore *window = new_store_with_person (&path);
  g_autoptr(GError) error = NULL;
  DpoStore *other = dpo_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (dpo_store_count_subjects (other), ==, 2);
  g_assert_true (dpo_request_execute (window, "R-1", NULL, NULL, &error));
  g_assert_no_error (error);
  assert_no_traces (path);
  g_assert_finalize_object (other);
  g_assert_finalize_object (window);
  assert_no_traces (path);
}

/* A reader in the middle of a long read (an export) needs the old pages:
 * the log is emptied as soon as its read ends. */
static void
test_erasure_during_a_long_read (void)
{
  g_autofree char *path = NULL;
  DpoStore *window = new_store_with_person (&path);
  g_autoptr(GError) error = NULL;
  DpoStore *exporter = NULL;
  sqlite3 *db = NULL;

  if (dpo_test_engine_is_server ())
    {
      g_test_skip ("a file's own property: its write-ahead log, emptied after an erasure");
      g_assert_finalize_object (window);
      return;
    }
  exporter = dpo_store_open (path, &error);
  db = _dpo_store_get_sqlite (exporter);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN; SELECT count(*) FROM subjects;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (run_dpo_execute (path, "R-1"), ==, 0);
  /* The erasure could not empty the log: it left the mark for the others. */
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM store_state WHERE key = 'forget_pending'"),
                   ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_finalize_object (exporter);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM store_state"), ==, 0);
  assert_no_traces (path);
  g_assert_cmpuint (dpo_store_count_subjects (window), ==, 1);
  g_assert_finalize_object (window);
  assert_no_traces (path);
}

/* The reader was not DPO Workbench's, or was killed before its read
 * ended: the next opening empties the log. */
static void
test_erasure_after_a_foreign_reader (void)
{
  g_autofree char *path = NULL;
  DpoStore *store = new_store_with_person (&path);
  g_autoptr(GError) error = NULL;
  sqlite3 *reader = NULL;

  if (dpo_test_engine_is_server ())
    {
      g_test_skip ("a file's own property: its write-ahead log, emptied after an erasure");
      g_assert_finalize_object (store);
      return;
    }
  g_assert_finalize_object (store);
  g_assert_cmpint (sqlite3_open (path, &reader), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN; SELECT count(*) FROM subjects;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (run_dpo_execute (path, "R-1"), ==, 0);
  sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL);

  /* Keeps the file open so that closing does not checkpoint it. */
  store = dpo_store_open (path, &error);
  g_assert_no_error (error);
  assert_no_traces (path);
  sqlite3_close (reader);
  g_assert_finalize_object (store);
  assert_no_traces (path);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/erasure/secure-delete", test_app_sets_secure_delete);
  g_test_add_func ("/erasure/no-trace-with-window-open", test_erasure_with_window_open);
  g_test_add_func ("/erasure/no-trace-in-process", test_erasure_in_process);
  g_test_add_func ("/erasure/no-trace-after-a-long-read", test_erasure_during_a_long_read);
  g_test_add_func ("/erasure/no-trace-after-a-foreign-reader", test_erasure_after_a_foreign_reader);

  return g_test_run ();
}
