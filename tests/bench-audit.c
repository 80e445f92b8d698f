/* bench-audit.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <time.h>

#include "dpo-audit-verify.h"
#include "dpo-store.h"
/* White-box: appends through the store's own audit function. */
#define DPO_STORE_COMPILATION
#include "dpo-store-private.h"

/* The chained audit log at a million entries (meson test --benchmark
 * --suite audit), each beside a floor measured in the same run:
 * - appending: 1,000,000 entries through _dpo_store_audit (the chain's
 *   head read, two SHA-256), in one transaction as a bulk import does,
 *   beside the same rows inserted without a chain;
 * - `dpo audit verify`: the whole chain, beside one read of the same rows.
 * Targets (issue 10): verify in seconds (at most 10 s), appending at most
 * 3 times its floor. Exit status 1 if one is missed. */

#define N_ENTRIES        1000000
#define TARGET_VERIFY_S  10.0
#define TARGET_APPEND    3.0

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* CPU seconds of this process: on a shared machine the wall clock also
 * counts the other processes' work. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A typical entry: a request's fields as imported. */
static JsonNode *
sample_changes (guint n)
{
  g_autofree char *text = g_strdup_printf (
    "{\"id\":\"R-%07u\",\"subject\":\"S-%06u\",\"kind\":\"access\","
    "\"received_at\":\"2024-03-31T09:00:00+02:00\",\"channel\":\"email\",\"status\":\"received\"}",
    n, n % 200000);

  return json_from_string (text, NULL);
}

static double
append_chained (DpoStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (_dpo_store_begin (store, &error));
  for (guint n = 0; n < N_ENTRIES; n++)
    {
      g_autoptr(JsonNode) changes = sample_changes (n);
      g_autofree char *record = g_strdup_printf ("R-%07u", n);

      if (!_dpo_store_audit (store, "request", record, "insert", changes, &error))
        g_error ("%s", error->message);
    }
  g_assert_true (_dpo_store_commit (store, &error));
  return seconds_since (start);
}

/* The same rows, same statement shape, no chain: what SQLite alone costs. */
static double
append_floor (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                    "CREATE TABLE plain (pk INTEGER PRIMARY KEY, at TEXT, entity TEXT, record TEXT, "
                    "action TEXT, changes TEXT, content_hash TEXT, hash TEXT)", NULL, NULL, NULL);
  start = g_get_monotonic_time ();
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO plain (at, entity, record, action, changes, content_hash, hash) "
                          "VALUES (?, 'request', ?, 'insert', ?, ?, ?)", -1, &stmt, NULL);
  for (guint n = 0; n < N_ENTRIES; n++)
    {
      g_autoptr(JsonNode) changes = sample_changes (n);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      sqlite3_bind_text (stmt, 1, g_date_time_format_iso8601 (now), -1, g_free);
      sqlite3_bind_text (stmt, 2, g_strdup_printf ("R-%07u", n), -1, g_free);
      sqlite3_bind_text (stmt, 3, json_to_string (changes, FALSE), -1, g_free);
      sqlite3_bind_text (stmt, 4, "0000000000000000000000000000000000000000000000000000000000000000", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, "0000000000000000000000000000000000000000000000000000000000000000", -1, SQLITE_STATIC);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return seconds_since (start);
}

/* One read of every entry's columns, as the verification reads them. */
static double
read_floor (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize bytes = 0;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "SELECT pk, at, entity, record, action, changes, content_hash, hash "
                          "FROM audit ORDER BY pk", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 1; i < 8; i++)
      bytes += sqlite3_column_bytes (stmt, i) + (sqlite3_column_text (stmt, i) != NULL);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (bytes, >, 0);
  return seconds_since (start);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-audit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "audit.sqlite", NULL);
  g_autofree char *floor_path = g_build_filename (dir, "floor.sqlite", NULL);
  g_autofree char *seal = NULL;
  DpoStore *store;
  double appended, append_base, verified, read_base;
  double cpu_append, cpu_append_base, cpu_verified, cpu_read_base, cpu;
  guint64 n_entries = 0;
  gboolean ok;

  setlocale (LC_ALL, "");
  store = dpo_store_open (path, &error);
  g_assert_no_error (error);

  cpu = cpu_seconds ();
  append_base = append_floor (floor_path);
  cpu_append_base = cpu_seconds () - cpu;
  cpu = cpu_seconds ();
  appended = append_chained (store);
  cpu_append = cpu_seconds () - cpu;
  g_object_unref (store);

  cpu = cpu_seconds ();
  read_base = read_floor (path);
  cpu_read_base = cpu_seconds () - cpu;
  {
    gint64 start = g_get_monotonic_time ();
    cpu = cpu_seconds ();
    ok = dpo_audit_verify_file (path, &seal, &n_entries, &error);
    cpu_verified = cpu_seconds () - cpu;
    verified = seconds_since (start);
  }
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (n_entries, ==, N_ENTRIES);

  g_print ("# %d audit entries\n", N_ENTRIES);
  g_print ("append, chained (_dpo_store_audit)  %6.2f s  (CPU %5.2f s)\n", appended, cpu_append);
  g_print ("append, floor (plain INSERT)        %6.2f s  (CPU %5.2f s)  ratio %.2f (CPU %.2f; target <= %.1f)\n",
           append_base, cpu_append_base, appended / append_base, cpu_append / cpu_append_base,
           TARGET_APPEND);
  g_print ("dpo audit verify                    %6.2f s  (CPU %5.2f s)  target <= %.0f s\n",
           verified, cpu_verified, TARGET_VERIFY_S);
  g_print ("read floor (SELECT every entry)     %6.2f s  (CPU %5.2f s)  ratio %.2f (CPU %.2f)\n",
           read_base, cpu_read_base, verified / read_base, cpu_verified / cpu_read_base);
  g_print ("seal %s\n", seal);

  for (guint i = 0; i < 2; i++)
    {
      const char *base = i == 0 ? path : floor_path;
      g_autofree char *wal = g_strconcat (base, "-wal", NULL);
      g_autofree char *shm = g_strconcat (base, "-shm", NULL);

      g_unlink (base);
      g_unlink (wal);
      g_unlink (shm);
    }
  g_rmdir (dir);
  return verified <= TARGET_VERIFY_S && appended / append_base <= TARGET_APPEND ? 0 : 1;
}
