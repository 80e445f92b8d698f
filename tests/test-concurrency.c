/* test-concurrency.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "dpo-import.h"
#include "dpo-pg-connection.h"
#include "dpo-store.h"
#include "dpo-test-util.h"

/* Reads never wait for writes (issue 10, "Fell short" 7, Deliver 4):
 * concurrent `dpo` processes, in bounded loops. */

static GSubprocess *
spawn_dpo (const char *path,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("DPO_CLI"));
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, (char *) path);
  va_start (args, path);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  return process;
}

/* Waits for @process; asserts it succeeded, showing its message if not. */
static void
assert_succeeds (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (process) != 0)
    g_test_message ("dpo failed: %s", err);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static char *
new_database_with_example (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, NULL));
  return g_steal_pointer (&path);
}

/* Where the test writes its files: beside the database, or in a folder of
 * their own when the database is on a server. */
static char *
database_dir (const char *path)
{
  return dpo_test_engine_is_server () ? dpo_test_make_dir () : g_path_get_dirname (path);
}

/* Another process is in the middle of a write: reading commands answer at
 * once instead of failing after the busy timeout. */
static void
test_reads_while_another_process_writes (void)
{
  g_autofree char *path = new_database_with_example ();
  g_autofree char *dir = database_dir (path);
  g_autofree char *json = g_build_filename (dir, "out.json", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "out.xlsx", NULL);
  sqlite3 *writer = NULL;
  PGconn *client = NULL;
  gint64 start;

  if (dpo_test_engine_is_server ())
    {
      g_autoptr(GError) error = NULL;

      /* Another client of the server, in the middle of its write. */
      client = dpo_pg_connect (path, &error);
      g_assert_no_error (error);
      g_assert_true (dpo_pg_exec (client, "BEGIN; INSERT INTO settings VALUES ('test', 'x')",
                                  "write", &error));
      g_assert_no_error (error);
    }
  else
    {
      g_assert_cmpint (sqlite3_open (path, &writer), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE; INSERT INTO settings VALUES ('test', 'x')",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
    }

  start = g_get_monotonic_time ();
  {
    g_autoptr(GSubprocess) deadlines = spawn_dpo (path, "--as-of", "2024-04-01", "deadlines", NULL);
    g_autoptr(GSubprocess) export_json = spawn_dpo (path, "export-json", json, NULL);
    g_autoptr(GSubprocess) to_stdout = spawn_dpo (path, "export-json", "-", NULL);
    g_autoptr(GSubprocess) registers = spawn_dpo (path, "export-registers", xlsx, NULL);
    g_autoptr(GSubprocess) incident = spawn_dpo (path, "export-incident", "INC-2024-01", xlsx, NULL);
    g_autoptr(GSubprocess) verify = spawn_dpo (path, "audit", "verify", NULL);

    assert_succeeds (deadlines);
    assert_succeeds (export_json);
    assert_succeeds (to_stdout);
    assert_succeeds (registers);
    assert_succeeds (incident);
    assert_succeeds (verify);
  }
  /* Not after waiting for the 5-second busy timeout. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);

  if (client != NULL)
    PQfinish (client);
  else
    {
      sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (writer);
    }
}

/* Three processes create the same new database at once: all succeed (it
 * was "an SQLite database of another program" 2 times in 10). */
static void
test_racing_creation (void)
{
  for (guint round = 0; round < 12; round++)
    {
      g_autofree char *dir = dpo_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "new.sqlite", NULL);
      GSubprocess *processes[3];

      for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
        processes[i] = spawn_dpo (path, "deadlines", NULL);
      for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
        {
          assert_succeeds (processes[i]);
          g_object_unref (processes[i]);
        }
      g_assert_cmpint (dpo_test_query_int (path, "PRAGMA user_version"), ==, DPO_STORE_SCHEMA_VERSION);
    }
}

/* Readers and writers together, with the pre-open check of each: every
 * run succeeds (15 of 480 failed at once without a busy timeout). */
static void
test_readers_and_writers (void)
{
  g_autofree char *path = new_database_with_example ();
  g_autofree char *dir = database_dir (path);

  for (guint round = 0; round < 4; round++)
    {
      GSubprocess *processes[8];

      for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
        {
          g_autofree char *doc = g_build_filename (dir, "doc.json", NULL);
          g_autofree char *text = g_strdup_printf (
            "{\"format\": \"dpo-workbench\", \"version\": 1, \"subjects\": "
            "[{\"id\": \"S-%u-%u\", \"last_name\": \"A\", \"first_name\": \"B\"}]}", round, i);
          g_autofree char *file = g_strdup_printf ("%s/doc-%u-%u.json", dir, round, i);

          g_assert_true (g_file_set_contents (file, text, -1, NULL));
          processes[i] = i % 2 ? spawn_dpo (path, "import", file, NULL)
                               : spawn_dpo (path, "deadlines", NULL);
        }
      for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *err = NULL;

          g_assert_true (g_subprocess_communicate_utf8 (processes[i], NULL, NULL, NULL, &err, &error));
          g_assert_cmpstr (err, ==, "");
          g_assert_cmpint (g_subprocess_get_exit_status (processes[i]), ==, 0);
          g_object_unref (processes[i]);
        }
    }
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM subjects WHERE id LIKE 'S-%-%'"), ==, 16);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/concurrency/reads-while-writing", test_reads_while_another_process_writes);
  g_test_add_func ("/concurrency/racing-creation", test_racing_creation);
  g_test_add_func ("/concurrency/readers-and-writers", test_readers_and_writers);

  return g_test_run ();
}
