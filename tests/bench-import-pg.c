/* bench-import-pg.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include "bench-run.h"
#include "dpo-store.h"

/* `dpo import` of a million requests and a thousand people into a
 * PostgreSQL server, beside the same import into a SQLite file, in the
 * same run (meson test --benchmark --suite import-server, under
 * build-aux/pg-test-server). Target (issue 13): the server's import at
 * most 2 times the file's wall time. Each import runs in a process of its
 * own, on a new database holding the schema (a new file; a new server
 * database set up by `dpo server init`), twice each, alternately, the
 * faster run of each compared. Both must end up with the same rows.
 *
 *   bench-import-pg DPO BENCH-IMPORT   (BENCH-IMPORT --generate writes the file)
 *
 * DPO_BENCH_IMPORT_REQUESTS sets N (1,000,000 by default); the server is
 * DPO_TEST_PG_URI. Exit status 1 if the target is missed or an import
 * fails, 77 (skipped) without a server. */

#define RUNS         2
#define TARGET_RATIO 2.0

static const char * const tables[] = { "incidents", "events", "notifications", "complaints",
                                       "communications", "subjects", "contracts", "requests",
                                       "requests_search", "audit" };

static const char *
n_requests (void)
{
  const char *env = g_getenv ("DPO_BENCH_IMPORT_REQUESTS");

  return env != NULL ? env : "1000000";
}

static void
remove_database (const char *path)
{
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (file);
    }
}

static void
new_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = NULL;

  remove_database (path);
  store = dpo_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
}

static void
run_sql (const char *uri,
         const char *sql)
{
  PGconn *conn = PQconnectdb (uri);
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

/* A new server database "bench" set up by `dpo server init`; its URI. */
static char *
new_server_database (const char *admin_uri,
                     const char *dpo)
{
  g_autoptr(GError) error = NULL;
  char *uri = NULL;
  int status = 0;

  run_sql (admin_uri, "DROP DATABASE IF EXISTS bench");
  run_sql (admin_uri, "CREATE DATABASE bench");
  /* The test server's URI names the database "postgres". */
  {
    g_autoptr(GString) text = g_string_new (admin_uri);

    if (g_string_replace (text, "///postgres", "///bench", 1) != 1)
      g_error ("%s: no ///postgres in the test server's URI", admin_uri);
    uri = g_string_free (g_steal_pointer (&text), FALSE);
  }
  {
    const char *argv[] = { dpo, "server", "init", uri, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                       NULL, NULL, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      g_error ("dpo server init: %s", error->message);
  }
  return uri;
}

/* "incidents 3, events 3, ..." from the file. */
static char *
file_counts (const char *path)
{
  GString *counts = g_string_new (NULL);
  sqlite3 *db = NULL;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      sqlite3_stmt *stmt = NULL;

      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      g_string_append_printf (counts, "%s%s %lld", i == 0 ? "" : ", ", tables[i],
                              stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW
                                ? (long long) sqlite3_column_int64 (stmt, 0) : -1LL);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (counts, FALSE);
}

/* The same from the server, read through libpq. */
static char *
server_counts (const char *uri)
{
  GString *counts = g_string_new (NULL);
  PGconn *conn = PQconnectdb (uri);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      PGresult *result = PQexec (conn, sql);

      g_string_append_printf (counts, "%s%s %s", i == 0 ? "" : ", ", tables[i],
                              PQresultStatus (result) == PGRES_TUPLES_OK ? PQgetvalue (result, 0, 0) : "-1");
      PQclear (result);
    }
  PQfinish (conn);
  return g_string_free (counts, FALSE);
}

static int
compare (const char *dpo,
         const char *generator,
         const char *admin_uri)
{
  g_autofree char *dir = g_dir_make_tmp ("dpo-bench-import-pg-XXXXXX", NULL);
  g_autofree char *json = g_build_filename (dir, "big.json", NULL);
  g_autofree char *db = g_build_filename (dir, "dpo.sqlite", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *server = NULL;
  char *generate_argv[] = { (char *) generator, (char *) "--generate", json, (char *) n_requests (), NULL };
  char *file_argv[] = { (char *) dpo, (char *) "--database", db, (char *) "import", json, NULL };
  char *server_argv[] = { (char *) dpo, (char *) "--database", NULL, (char *) "import", json, NULL };
  BenchRun generated, on_file = { G_MAXDOUBLE, G_MAXDOUBLE, 0 }, on_server = { G_MAXDOUBLE, G_MAXDOUBLE, 0 };
  GStatBuf st = { 0 };
  gboolean ok = FALSE;
  double ratio;

  g_assert (dir != NULL);
  if (!bench_run (generate_argv, TRUE, &generated))
    goto out;
  g_stat (json, &st);
  g_print ("# %s requests: %.1f MB of JSON (generated in %.1f s)\n",
           n_requests (), st.st_size / (1024.0 * 1024.0), generated.seconds);

  for (guint i = 0; i < RUNS; i++)
    {
      BenchRun one;

      new_file (db);
      g_free (uri);
      uri = new_server_database (admin_uri, dpo);
      server_argv[2] = uri;
      sync ();
      if (!bench_run (file_argv, TRUE, &one))
        goto out;
      on_file = bench_best (on_file, one);
      g_print ("  run %u: dpo import, file     %6.1f s  %7.1f MB\n", i + 1, one.seconds, one.peak_mb);
      sync ();
      if (!bench_run (server_argv, TRUE, &one))
        goto out;
      on_server = bench_best (on_server, one);
      g_print ("  run %u: dpo import, server   %6.1f s  %7.1f MB\n", i + 1, one.seconds, one.peak_mb);
    }

  counts = file_counts (db);
  server = server_counts (uri);
  if (!g_str_equal (counts, server))
    {
      g_printerr ("bench-import-pg: the two databases differ:\n  file:   %s\n  server: %s\n", counts, server);
      goto out;
    }

  ratio = on_server.seconds / on_file.seconds;
  ok = ratio <= TARGET_RATIO;
  g_print ("rows: %s\n", counts);
  g_print ("(best of %d runs each)\n", RUNS);
  g_print ("dpo import into a SQLite file     %6.1f s  (CPU %5.1f s)  %7.1f MB peak\n",
           on_file.seconds, on_file.cpu, on_file.peak_mb);
  g_print ("dpo import into PostgreSQL (COPY) %6.1f s  (CPU %5.1f s)  %7.1f MB peak\n",
           on_server.seconds, on_server.cpu, on_server.peak_mb);
  g_print ("ratio                             %6.2f   (target <= %.1f): %s\n",
           ratio, TARGET_RATIO, ok ? "met" : "MISSED");

out:
  g_unlink (json);
  remove_database (db);
  g_rmdir (dir);
  return ok ? 0 : 1;
}

int
main (int    argc,
      char **argv)
{
  const char *admin_uri = g_getenv ("DPO_TEST_PG_URI");

  setlocale (LC_ALL, "");

  if (argc != 3)
    {
      g_printerr ("usage: bench-import-pg DPO BENCH-IMPORT\n");
      return 1;
    }
  if (admin_uri == NULL)
    {
      g_print ("bench-import-pg: skipped, no test server (%s)\n",
               g_getenv ("DPO_TEST_PG_MISSING") != NULL ? g_getenv ("DPO_TEST_PG_MISSING")
                                                        : "run it under build-aux/pg-test-server");
      return 77;
    }
  return compare (argv[1], argv[2], admin_uri);
}
