/* bench-copy.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "bench-run.h"

/* `dpo copy` of a million requests from a file to a PostgreSQL server
 * (meson test --benchmark --suite copy; issue 13, "Scale"), beside the
 * SQLite import of the same requests: bench-import's document (1,000
 * people, 3 incidents, DPO_BENCH_IMPORT_REQUESTS requests, a million by
 * default) imported by `dpo import` into a file, that file copied to a
 * server set up by `dpo server init`, and back to a new file. Each step in
 * a process of its own (wait4: its own time and peak memory); the copies'
 * times include their verification (every table read back on both sides,
 * the audit chain of the destination checked). Run beside the PostgreSQL
 * server of build-aux/pg-test-server (DPO_TEST_PG_URI).
 *
 *   bench-copy DPO BENCH-IMPORT
 *
 * Target (issue 13, item 7): the copy to the server at most 2 times the
 * SQLite import's wall time. Exit status 1 if it is missed or a step
 * fails; 77 (skipped) without a server. */

#define TARGET_RATIO 2.0

static gboolean
psql (const char *uri,
      const char *sql)
{
  const char *argv[] = { "psql", "-XAtq", "-v", "ON_ERROR_STOP=1", "-d", uri, "-c", sql, NULL };
  int status = 0;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

static void
print_run (const char     *what,
           const BenchRun *run)
{
  g_print ("%-34s %8.2f s %8.2f s cpu %8.1f MB\n", what, run->seconds, run->cpu, run->peak_mb);
}

int
main (int    argc,
      char **argv)
{
  const char *admin = g_getenv ("DPO_TEST_PG_URI");
  const char *requests = g_getenv ("DPO_BENCH_IMPORT_REQUESTS");
  g_autofree char *dir = NULL, *json = NULL, *db = NULL, *back = NULL, *uri = NULL, *host = NULL;
  g_autofree char *count_text = g_strdup (requests != NULL ? requests : "1000000");
  BenchRun generated, imported, init, to_server, to_file;
  double ratio;

  setlocale (LC_ALL, "");
  if (argc != 3)
    {
      g_printerr ("usage: bench-copy DPO BENCH-IMPORT\n");
      return 2;
    }
  if (admin == NULL)
    {
      g_print ("# skipped: %s\n", g_getenv ("DPO_TEST_PG_MISSING") != NULL
                                    ? g_getenv ("DPO_TEST_PG_MISSING") : "no PostgreSQL test server");
      return 77;
    }

  dir = g_dir_make_tmp ("bench-copy-XXXXXX", NULL);
  json = g_build_filename (dir, "register.json", NULL);
  db = g_build_filename (dir, "register.sqlite", NULL);
  back = g_build_filename (dir, "back.sqlite", NULL);
  /* The administrator's socket, on a database of its own. */
  host = g_strdup (strstr (admin, "host=") + strlen ("host="));
  host[strcspn (host, "&")] = '\0';
  uri = g_strdup_printf ("postgresql:///bench_copy?host=%s&user=dpo_admin", host);
  if (!psql (admin, "CREATE DATABASE bench_copy"))
    return 1;

  {
    char *generate_argv[] = { argv[2], (char *) "--generate", json, count_text, NULL };
    char *import_argv[] = { argv[1], (char *) "--database", db, (char *) "import", json, NULL };
    char *init_argv[] = { argv[1], (char *) "server", (char *) "init", uri, NULL };
    char *to_server_argv[] = { argv[1], (char *) "copy", db, uri, NULL };
    char *to_file_argv[] = { argv[1], (char *) "copy", uri, back, NULL };

    if (!bench_run (generate_argv, TRUE, &generated) ||
        !bench_run (import_argv, TRUE, &imported) ||
        !bench_run (init_argv, TRUE, &init) ||
        !bench_run (to_server_argv, FALSE, &to_server) ||
        !bench_run (to_file_argv, TRUE, &to_file))
      return 1;
  }

  g_print ("# %s requests, 1000 people, 3 incidents (document generated in %.1f s)\n",
           count_text, generated.seconds);
  print_run ("dpo import (SQLite)", &imported);
  print_run ("dpo server init", &init);
  print_run ("dpo copy file -> server (verified)", &to_server);
  print_run ("dpo copy server -> file (verified)", &to_file);
  ratio = to_server.seconds / imported.seconds;
  g_print ("copy to the server / SQLite import: %.2f (target <= %.1f): %s\n",
           ratio, TARGET_RATIO, ratio <= TARGET_RATIO ? "PASS" : "FAIL");

  g_unlink (json);
  g_unlink (db);
  g_unlink (back);
  g_rmdir (dir);
  psql (admin, "DROP DATABASE bench_copy");
  return ratio <= TARGET_RATIO ? 0 : 1;
}
