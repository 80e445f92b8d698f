/* test-cli.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "dpo-test-util.h"

/* Runs the built `dpo` with @argv (NULL-terminated, without the program),
 * in the environment of the test plus @env_extra ("NAME=value" pairs). */
static int
run_dpo (const char * const  *args,
         const char * const  *env_extra,
         char               **out,
         char               **err)
{
  const char *dpo = g_getenv ("DPO_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (dpo);
  g_ptr_array_add (argv, (char *) dpo);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env_extra[i], "=", 2);
      env = g_environ_setenv (env, pair[0], pair[1], TRUE);
    }

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* A new file's path; on a test server, a new database set up there (its URI). */
static char *
new_database_path (void)
{
  g_autofree char *dir = NULL;

  if (dpo_test_engine_is_server ())
    {
      char *uri = NULL;
      g_autoptr(DpoStore) store = dpo_test_new_store (&uri);

      return uri;
    }
  dir = dpo_test_make_dir ();
  return g_build_filename (dir, "w.sqlite", NULL);
}

/* A file beside the database @db ("w.sqlite.json"), or in a folder of its
 * own when @db is a server's URI. */
static char *
beside (const char *db,
        const char *suffix)
{
  g_autofree char *dir = NULL;

  if (!dpo_test_engine_is_server ())
    return g_strconcat (db, suffix, NULL);
  dir = dpo_test_make_dir ();
  return g_strconcat (dir, "/w", suffix, NULL);
}

static void
test_help (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_dpo ((const char *[]) { "--help", NULL }, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "import FILE.json"));
  g_assert_nonnull (strstr (out, "export-json FILE.json"));
  g_assert_nonnull (strstr (out, "--database"));
  g_assert_nonnull (strstr (out, "--as-of"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_dpo ((const char *[]) { "import", "--help", NULL }, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "all of it, or nothing"));
}

static void
test_unknown_command (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_dpo ((const char *[]) { "frobnicate", NULL }, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "frobnicate"));
}

static void
test_import_then_export (void)
{
  g_autofree char *db = new_database_path ();
  g_autofree char *example = dpo_test_example_path ();
  g_autofree char *out = NULL, *err = NULL, *json = NULL;
  g_autofree char *json_path = beside (db, ".json");

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "import", example, NULL },
                            NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "incidents: 1, people: 8, requests: 5"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "--as-of", "2024-02-20",
                                               "export-json", json_path, NULL },
                            NULL, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"cnil_status\" : \"on_time\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Standard output, and DPO_DATABASE instead of --database. */
  g_assert_cmpint (run_dpo ((const char *[]) { "--as-of", "2024-02-20", "export-json", "-", NULL },
                            (const char *[]) { g_strconcat ("DPO_DATABASE=", db, NULL), NULL },
                            &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, json);
}

static void
test_bad_import_message (void)
{
  g_autofree char *db = new_database_path ();
  g_autofree char *bad = beside (db, ".bad.json");
  g_autofree char *out = NULL, *err = NULL;

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"dpo-workbench\", \"version\": 1, "
                                           "\"subjects\": [{\"id\": \"S\", \"last_name\": \"A\", "
                                           "\"first_name\": \"B\", \"nir\": \"123\"}]}", -1, NULL));
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "import", bad, NULL },
                            NULL, &out, &err), ==, 1);
  /* One line, naming the file and the JSON path. */
  g_assert_true (g_str_has_prefix (err, "dpo: "));
  g_assert_nonnull (strstr (err, bad));
  g_assert_nonnull (strstr (err, "subjects[0].nir"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM subjects"), ==, 0);
}

/* Issue 9: a notification before awareness, through the command line. */
static void
test_import_notification_before_awareness (void)
{
  g_autofree char *db = new_database_path ();
  g_autofree char *bad = beside (db, ".bad.json");
  g_autofree char *out = NULL, *err = NULL;

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"dpo-workbench\", \"version\": 1, "
                                           "\"incidents\": [{\"id\": \"I\", \"title\": \"T\", "
                                           "\"natures\": [\"integrity\"], \"risk\": \"high\", "
                                           "\"aware_at\": \"2024-11-27T09:00:00+01:00\", "
                                           "\"notifications\": [{\"authority\": \"cnil\", "
                                           "\"kind\": \"initial\", "
                                           "\"sent_at\": \"2024-11-26T10:00:00+01:00\"}]}]}", -1, NULL));
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "import", bad, NULL },
                            NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "incidents[0].notifications[0].sent_at"));
  g_assert_nonnull (strstr (err, "correct the notification’s date or the awareness date"));
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM incidents"), ==, 0);
}

static void
test_bad_as_of (void)
{
  g_autofree char *db = new_database_path ();
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "--as-of", "2024-02-30",
                                               "export-json", "-", NULL },
                            NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--as-of"));
  g_assert_nonnull (strstr (err, "2024-02-30"));
}

static void
test_newer_database (void)
{
  g_autofree char *db = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL;
  sqlite3 *handle = NULL;
  g_autofree char *newer = NULL;

  if (dpo_test_engine_is_server ())
    {
      g_test_skip ("a newer file, untouched to the byte: a file's own property");
      return;
    }
  db = new_database_path ();
  /* One version past this program's, whatever that is. */
  newer = g_strdup_printf ("CREATE TABLE t (x); PRAGMA user_version = %d;",
                           DPO_STORE_SCHEMA_VERSION + 1);

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  sqlite3_exec (handle, newer, NULL, NULL, NULL);
  sqlite3_close (handle);
  before = dpo_test_file_bytes (db);

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "export-json", "-", NULL },
                            NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "newer version"));
  after = dpo_test_file_bytes (db);
  g_assert_true (g_bytes_equal (before, after));
}

static gboolean
have_french_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean ok = setlocale (LC_ALL, "fr_FR.UTF-8") != NULL;

  setlocale (LC_ALL, saved);
  return ok;
}

static void
test_french_messages (void)
{
  g_autofree char *db = new_database_path ();
  g_autofree char *out = NULL, *err = NULL;
  const char *french[] = { "LC_ALL=fr_FR.UTF-8", "LANGUAGE=fr", NULL };

  if (!have_french_locale ())
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not generated (build-aux/dev does it)");
      return;
    }

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "import", "/nonexistent.json", NULL },
                            french, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "Impossible de lire"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_dpo ((const char *[]) { "--help", NULL }, french, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Commandes"));
}

/* A big import killed at several moments: the database is always either as
 * before or complete, never half-written, and never damaged. */
static void
test_killed_import_leaves_database_whole (void)
{
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *big = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GString) json = g_string_new ("{\"format\": \"dpo-workbench\", \"version\": 1, \"subjects\": [");
  const guint n = 60000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"S-%u\", \"last_name\": \"Nom%u\", \"first_name\": \"P\"}",
                            i ? "," : "", i, i);
  g_string_append (json, "]}");
  g_assert_true (g_file_set_contents (big, json->str, json->len, NULL));

  for (guint delay_ms = 50; delay_ms <= 1250; delay_ms += 200)
    {
      g_autofree char *db = dpo_test_engine_is_server () ? new_database_path ()
                                                         : g_strdup_printf ("%s/killed-%u.sqlite", dir, delay_ms);
      const char *argv[] = { g_getenv ("DPO_CLI"), "--database", db, "import", big, NULL };
      g_autoptr(GError) error = NULL;
      GPid pid;
      int status;
      gint64 count;

      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      g_usleep (delay_ms * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);

      /* A server rolls back the killed client's transaction: its rows
       * are never seen (the file's own checks are not a server's). */
      if (dpo_test_engine_is_server ())
        {
          count = dpo_test_query_int (db, "SELECT count(*) FROM subjects");
          g_test_message ("killed after %u ms: %" G_GINT64_FORMAT " people", delay_ms, count);
          g_assert_true (count == 0 || count == n);
          continue;
        }
      if (!g_file_test (db, G_FILE_TEST_EXISTS))
        continue;
      /* Re-opening runs recovery from the WAL, as the app would. */
      g_assert_cmpint (dpo_test_query_int (db, "SELECT (SELECT count(*) FROM pragma_integrity_check "
                                               "WHERE integrity_check = 'ok')"), ==, 1);
      /* Killed before the schema was committed: an empty database, also whole. */
      if (dpo_test_query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'subjects'") == 0)
        continue;
      count = dpo_test_query_int (db, "SELECT count(*) FROM subjects");
      g_test_message ("killed after %u ms: %" G_GINT64_FORMAT " people", delay_ms, count);
      g_assert_true (count == 0 || count == n);
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/import-then-export", test_import_then_export);
  g_test_add_func ("/cli/bad-import-message", test_bad_import_message);
  g_test_add_func ("/cli/import-notification-before-awareness", test_import_notification_before_awareness);
  g_test_add_func ("/cli/bad-as-of", test_bad_as_of);
  g_test_add_func ("/cli/newer-database", test_newer_database);
  g_test_add_func ("/cli/french-messages", test_french_messages);
  g_test_add_func ("/cli/killed-import", test_killed_import_leaves_database_whole);

  return g_test_run ();
}
