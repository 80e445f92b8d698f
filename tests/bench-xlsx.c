/* bench-xlsx.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <malloc.h>
#include <sqlite3.h>
#include <unistd.h>

#include "bench-run.h"
#include "bench-xlsx-rows.h"
#include "dpo-due-date.h"
#include "dpo-registers.h"
#include "dpo-store.h"
#include "dpo-time.h"

/* The registers export with 1.1 million requests (meson test --benchmark),
 * two Requests sheets, beside bench-xlsx-bare writing the same cells with
 * libxlsxwriter alone (test-xlsx-floor.py checks that it is the same
 * workbook). Targets (issue 8): at most 1.1 times the bare
 * program's time, at most 64 MB peak memory. Each program runs in a process of its own, so that
 * its peak memory (ru_maxrss) is its own, and twice, alternately: the
 * better run of each is compared, as other work on the machine only ever
 * makes a run slower.
 *
 *   bench-xlsx BARE-PROGRAM     runs the comparison, prints both, the ratio
 *   bench-xlsx --fill DB        fills a new database (not timed)
 *   bench-xlsx --export DB OUT  the export as the CLI and the window run it
 *
 * Exit status 1 if a target is missed or a program fails. */

#define RUNS          2
#define TARGET_RATIO  1.1
#define TARGET_RSS_MB 64.0

static char *
storage_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return dpo_time_to_storage (time);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           gint64        unix_time)
{
  if (unix_time == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, storage_time (unix_time), -1, g_free);
}

static void
bind_due_dates (sqlite3_stmt   *stmt,
                const BenchRow *row)
{
  g_autoptr(GDateTime) received = g_date_time_new_from_unix_utc (row->received);
  GDate received_on, due, current;

  dpo_time_get_local_date (received, &received_on);
  dpo_request_due_on (&received_on, FALSE, FALSE, &due);
  dpo_request_due_on (&received_on, row->extension != 0, FALSE, &current);
  sqlite3_bind_text (stmt, 14, dpo_date_to_iso (&due), -1, g_free);
  sqlite3_bind_text (stmt, 15, dpo_date_to_iso (&current), -1, g_free);
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

static void
step_or_die (sqlite3      *db,
             sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("insert: %s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
fill_subjects (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db, "INSERT INTO subjects (pk, id, last_name, first_name) VALUES (?, ?, ?, ?)",
                      -1, &stmt, NULL);
  for (int n = 0; n < BENCH_SUBJECTS; n++)
    {
      char last[32], first[32];

      bench_subject_names (n, last, sizeof last, first, sizeof first);
      sqlite3_bind_int64 (stmt, 1, n + 1);
      sqlite3_bind_text (stmt, 2, g_strdup_printf ("S-%06d", n), -1, g_free);
      sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, first, -1, SQLITE_TRANSIENT);
      step_or_die (db, stmt);
    }
  sqlite3_finalize (stmt);
}

static void
fill_requests (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  guint64 n_requests = bench_requests ();

  sqlite3_prepare_v2 (db, "INSERT INTO requests (id, subject, requester_name, kind, received_at, "
                          "channel, identity_verified_at, extension_reason, extension_notified_at, "
                          "status, answered_at, outcome, refusal_ground, due_on, current_due_on) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &stmt, NULL);
  if (stmt == NULL)
    g_error ("prepare: %s", sqlite3_errmsg (db));

  for (guint64 i = 0; i < n_requests; i++)
    {
      BenchRow row;

      bench_row (i, &row);
      sqlite3_bind_text (stmt, 1, row.id, -1, SQLITE_TRANSIENT);
      if (row.subject >= 0)
        sqlite3_bind_int64 (stmt, 2, row.subject + 1);
      else
        sqlite3_bind_text (stmt, 3, row.requester, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, bench_kinds[row.kind], -1, SQLITE_STATIC);
      bind_time (stmt, 5, row.received);
      sqlite3_bind_text (stmt, 6, bench_channels[row.channel], -1, SQLITE_STATIC);
      bind_time (stmt, 7, row.verified);
      if (row.extension != 0)
        sqlite3_bind_text (stmt, 8, "Many documents to gather.", -1, SQLITE_STATIC);
      bind_time (stmt, 9, row.extension);
      sqlite3_bind_text (stmt, 10, bench_statuses[row.status], -1, SQLITE_STATIC);
      bind_time (stmt, 11, row.answered);
      sqlite3_bind_text (stmt, 12, row.outcome, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 13, row.refusal_ground, -1, SQLITE_STATIC);
      bind_due_dates (stmt, &row);
      step_or_die (db, stmt);
    }
  sqlite3_finalize (stmt);
}

/* Rows go straight in with SQLite: through the JSON import a million
 * requests would take minutes. The schema is the store's own. */
static int
fill (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = dpo_store_open (path, &error);
  sqlite3 *db = NULL;

  if (store == NULL)
    g_error ("%s", error->message);
  g_clear_object (&store);

  /* SQLite allocates and frees a page cache buffer for each insert: with
   * glibc's default trim threshold the heap then grows and shrinks a
   * million times, which costs minutes on a virtual machine. */
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  exec_or_die (db, "PRAGMA synchronous = OFF; BEGIN");
  fill_subjects (db);
  fill_requests (db);
  exec_or_die (db, "COMMIT");
  sqlite3_close (db);
  return 0;
}

static int
export (const char *path,
        const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = dpo_store_open (path, &error);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GDateTime) now = NULL;
  GDate as_of;

  if (store == NULL)
    g_error ("%s", error->message);
  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 31, G_DATE_DECEMBER, 2024);
  now = dpo_time_end_of_local_day (&as_of);
  dpo_store_set_now (store, now);

  if (!dpo_registers_export (store, file, 0, NULL, NULL, NULL, &error))
    {
      g_printerr ("bench-xlsx: %s\n", error->message);
      return 1;
    }
  return 0;
}

static double
file_mb (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / (1024.0 * 1024.0) : 0;
}

/* Prints both and the ratio; TRUE if the targets are met. */
static gboolean
report (const BenchRun *exported,
        const char     *out,
        const BenchRun *bare,
        const char     *bare_out)
{
  double ratio = exported->seconds / bare->seconds;
  gboolean ok = ratio <= TARGET_RATIO && exported->peak_mb <= TARGET_RSS_MB;

  g_print ("(best of %d runs each)\n", RUNS);
  g_print ("dpo export-registers          %6.1f s  (CPU %5.1f s)  %6.1f MB peak  %6.1f MB file\n",
           exported->seconds, exported->cpu, exported->peak_mb, file_mb (out));
  g_print ("bare libxlsxwriter            %6.1f s  (CPU %5.1f s)  %6.1f MB peak  %6.1f MB file\n",
           bare->seconds, bare->cpu, bare->peak_mb, file_mb (bare_out));
  g_print ("ratio                         %6.2f   (CPU %.2f; target <= %.1f, peak <= %.0f MB): %s\n",
           ratio, exported->cpu / bare->cpu, TARGET_RATIO, TARGET_RSS_MB, ok ? "met" : "MISSED");
  return ok;
}

static int
compare (const char *bare_program)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = g_dir_make_tmp ("dpo-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "workbench.sqlite", NULL);
  g_autofree char *out = g_build_filename (dir, "registers.xlsx", NULL);
  g_autofree char *bare_out = g_build_filename (dir, "bare.xlsx", NULL);
  char *fill_argv[] = { self, (char *) "--fill", db, NULL };
  char *export_argv[] = { self, (char *) "--export", db, out, NULL };
  char *bare_argv[] = { (char *) bare_program, bare_out, NULL };
  BenchRun filled, exported = { G_MAXDOUBLE, G_MAXDOUBLE, 0 }, bare = { G_MAXDOUBLE, G_MAXDOUBLE, 0 };
  gboolean ok = FALSE;

  g_assert (self != NULL && dir != NULL);
  g_print ("# %" G_GUINT64_FORMAT " requests, %d people\n", bench_requests (), BENCH_SUBJECTS);
  if (!bench_run (fill_argv, FALSE, &filled))
    goto out;
  g_print ("fill (SQLite, not compared)   %6.1f s\n", filled.seconds);

  /* The fill's pages reach the disk now rather than during a timed run. */
  sync ();
  for (guint i = 0; i < RUNS; i++)
    {
      BenchRun one;

      if (!bench_run (export_argv, FALSE, &one))
        goto out;
      exported = bench_best (exported, one);
      if (!bench_run (bare_argv, FALSE, &one))
        goto out;
      bare = bench_best (bare, one);
    }
  ok = report (&exported, out, &bare, bare_out);

out:
  g_unlink (out);
  g_unlink (bare_out);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (db, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
  return ok ? 0 : 1;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");

  if (argc == 3 && g_str_equal (argv[1], "--fill"))
    return fill (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "--export"))
    return export (argv[2], argv[3]);
  if (argc == 2)
    return compare (argv[1]);

  g_printerr ("usage: bench-xlsx BARE-PROGRAM | --fill DB | --export DB OUT\n");
  return 1;
}
