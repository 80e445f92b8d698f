/* bench-import.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include "bench-run.h"
#include "dpo-store.h"

/* `dpo import` of a million requests and a thousand people (meson test
 * --benchmark --suite import), beside bench-import-bare: json-glib and
 * SQLite alone loading the same file into the same rows. Targets (issue 8):
 * at most 2 times the bare program's wall time, at most 1.3 times its peak
 * memory. Each program runs in a process of its own, on a new database
 * holding the schema, so that its time and peak memory (wait4's ru_maxrss)
 * are its own; twice each, alternately, the faster run of each compared.
 * Both databases must end up with the same rows.
 *
 *   bench-import DPO BARE              runs the comparison
 *   bench-import --generate FILE N     writes a document of N requests
 *
 * DPO_BENCH_IMPORT_REQUESTS sets N (1,000,000 by default).
 * Exit status 1 if a target is missed or a program fails. */

#define RUNS             2
#define N_SUBJECTS       1000
#define N_INCIDENTS      3
#define TARGET_RATIO     2.0
#define TARGET_RSS_RATIO 1.3

static const char * const kinds[] = { "access", "rectification", "erasure", "restriction",
                                      "portability", "objection" };
static const char * const channels[] = { "email", "post", "phone", "web", "in_person" };
static const char * const statuses[] = { "received", "in_progress", "answered", "refused", "withdrawn" };

static guint64
n_requests (void)
{
  const char *env = g_getenv ("DPO_BENCH_IMPORT_REQUESTS");

  return env != NULL ? g_ascii_strtoull (env, NULL, 10) : 1000000;
}

/* A time @hours after 1 January 2023 at 08:00 UTC, with a Paris-like offset. */
static void
put_time (FILE       *out,
          const char *member,
          guint64     hours)
{
  g_autoptr(GDateTime) base = g_date_time_new_utc (2023, 1, 1, 8, 0, 0);
  g_autoptr(GDateTime) utc = g_date_time_add_hours (base, (int) hours);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (hours % 3 == 0 ? 7200 : 3600);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  g_autofree char *text = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");

  fprintf (out, ", \"%s\": \"%s\"", member, text);
}

static void
put_subject (FILE  *out,
             guint  n)
{
  /* A valid NIR: 13 digits, then 97 - (those mod 97). */
  guint64 digits = 1800575056000ULL + n;

  fprintf (out, "%s\n{\"id\": \"S-%04u\", \"last_name\": \"Nom%u\", \"first_name\": \"Prénom%u\", "
                "\"birth_date\": \"1980-05-%02u\", \"nir\": \"%013" G_GUINT64_FORMAT "%02u\", "
                "\"member_number\": \"M%06u\", \"email\": \"p%u@example.org\", "
                "\"postal_address\": \"%u rue de la Paix, 75002 Paris\", \"contracts\": ["
                "{\"number\": \"C-%u\", \"product\": \"Santé Plus\", \"start_date\": \"2020-01-01\", "
                "\"end_date\": %s}]}",
           n == 0 ? "" : ",", n, n, n, n % 28 + 1, digits, (guint) (97 - digits % 97),
           n, n, n, n, n % 2 == 0 ? "null" : "\"2023-12-31\"");
}

static void
put_incident (FILE  *out,
              guint  n)
{
  fprintf (out, "%s\n{\"id\": \"INC-%u\", \"title\": \"Fuite chez le tiers payant %u\", "
                "\"processor\": \"Viamedis\", \"natures\": [\"confidentiality\"], "
                "\"data_categories\": [\"civil_status\", \"nir\", \"member_number\"], "
                "\"subject_categories\": [\"members\", \"beneficiaries\"], "
                "\"approx_subjects\": 18000, \"approx_records\": 18000, \"risk\": \"high\"",
           n == 0 ? "" : ",", n, n);
  put_time (out, "aware_at", 24 * 30 * n);
  fprintf (out, ", \"events\": [{\"kind\": \"detection\", \"description\": \"Alerte\"");
  put_time (out, "at", 24 * 30 * n);
  fprintf (out, "}], \"notifications\": [{\"authority\": \"cnil\", \"kind\": \"initial\", "
                "\"reference\": \"CNIL-%u\"", n);
  put_time (out, "sent_at", 24 * 30 * n + 20);
  fprintf (out, "}], \"complaints\": [{\"direction\": \"filed\", \"body\": \"prosecutor\"");
  put_time (out, "filed_at", 24 * 30 * n + 30);
  fprintf (out, "}], \"communications\": [{\"channel\": \"email\", \"count\": 16500");
  put_time (out, "sent_at", 24 * 30 * n + 40);
  fprintf (out, "}]}");
}

static void
put_request (FILE    *out,
             guint64  i)
{
  guint64 received = (i * 7) % (24 * 700);
  const char *status = statuses[i % G_N_ELEMENTS (statuses)];
  const char *kind = kinds[i % G_N_ELEMENTS (kinds)];

  fprintf (out, "%s\n{\"id\": \"R-%07" G_GUINT64_FORMAT "\"", i == 0 ? "" : ",", i);
  if (i % 10 == 9)
    fprintf (out, ", \"requester\": {\"name\": \"Demandeur %" G_GUINT64_FORMAT "\", "
                  "\"contact\": \"d%" G_GUINT64_FORMAT "@example.org\"}", i, i);
  else
    fprintf (out, ", \"subject\": \"S-%04u\"", (guint) (i % N_SUBJECTS));
  fprintf (out, ", \"kind\": \"%s\"", kind);
  put_time (out, "received_at", received);
  fprintf (out, ", \"channel\": \"%s\"", channels[i % G_N_ELEMENTS (channels)]);
  if (i % 3 == 0)
    put_time (out, "identity_verified_at", received + 30);
  if (i % 10 == 4)
    {
      fprintf (out, ", \"extension\": {\"reason\": \"Nombreux documents à réunir.\"");
      put_time (out, "notified_at", received + 100);
      fprintf (out, "}");
    }
  fprintf (out, ", \"status\": \"%s\"", status);
  if (g_str_equal (status, "answered") || g_str_equal (status, "refused"))
    put_time (out, "answered_at", received + 240);
  if (g_str_equal (status, "answered"))
    fprintf (out, ", \"outcome\": \"Réponse envoyée par courriel.\"");
  if (g_str_equal (status, "refused"))
    fprintf (out, ", \"refusal_ground\": \"Identité non vérifiée.\"");
  if (g_str_equal (kind, "rectification") && i % 10 != 9)
    fprintf (out, ", \"changes\": {\"email\": \"n%" G_GUINT64_FORMAT "@example.org\"}", i);
  fprintf (out, "}");
}

static int
generate (const char *path,
          guint64     requests)
{
  FILE *out = fopen (path, "w");

  if (out == NULL)
    g_error ("%s: cannot write", path);
  fprintf (out, "{\"format\": \"dpo-workbench\", \"version\": 1,\n\"subjects\": [");
  for (guint n = 0; n < N_SUBJECTS; n++)
    put_subject (out, n);
  fprintf (out, "],\n\"incidents\": [");
  for (guint n = 0; n < N_INCIDENTS; n++)
    put_incident (out, n);
  fprintf (out, "],\n\"requests\": [");
  for (guint64 i = 0; i < requests; i++)
    put_request (out, i);
  fprintf (out, "]}\n");
  return fclose (out) == 0 ? 0 : 1;
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

/* A new database with the store's schema, so that neither timed run pays
 * for creating it. */
static void
new_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = NULL;

  remove_database (path);
  store = dpo_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
}

/* "incidents 3, events 3, ..." for every table but the audit log's times. */
static char *
table_counts (const char *path)
{
  static const char * const tables[] = { "incidents", "events", "notifications", "complaints",
                                         "communications", "subjects", "contracts", "requests",
                                         "audit" };
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

static int
compare (const char *dpo,
         const char *bare_program)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = g_dir_make_tmp ("dpo-bench-import-XXXXXX", NULL);
  g_autofree char *json = g_build_filename (dir, "big.json", NULL);
  g_autofree char *db = g_build_filename (dir, "dpo.sqlite", NULL);
  g_autofree char *bare_db = g_build_filename (dir, "bare.sqlite", NULL);
  g_autofree char *count_text = g_strdup_printf ("%" G_GUINT64_FORMAT, n_requests ());
  g_autofree char *counts = NULL;
  g_autofree char *bare_counts = NULL;
  char *generate_argv[] = { self, (char *) "--generate", json, count_text, NULL };
  char *dpo_argv[] = { (char *) dpo, (char *) "--database", db, (char *) "import", json, NULL };
  char *bare_argv[] = { (char *) bare_program, bare_db, json, NULL };
  BenchRun generated, imported = { G_MAXDOUBLE, G_MAXDOUBLE, 0 }, bare = { G_MAXDOUBLE, G_MAXDOUBLE, 0 };
  GStatBuf st = { 0 };
  gboolean ok = FALSE;
  double ratio, rss_ratio;

  g_assert (self != NULL && dir != NULL);
  if (!bench_run (generate_argv, TRUE, &generated))
    goto out;
  g_stat (json, &st);
  g_print ("# %s requests, %d people, %d incidents: %.1f MB of JSON (generated in %.1f s)\n",
           count_text, N_SUBJECTS, N_INCIDENTS, st.st_size / (1024.0 * 1024.0), generated.seconds);

  for (guint i = 0; i < RUNS; i++)
    {
      BenchRun one;

      new_database (db);
      new_database (bare_db);
      sync ();
      if (!bench_run (dpo_argv, TRUE, &one))
        goto out;
      imported = bench_best (imported, one);
      g_print ("  run %u: dpo import        %6.1f s  %7.1f MB\n", i + 1, one.seconds, one.peak_mb);
      sync ();
      if (!bench_run (bare_argv, TRUE, &one))
        goto out;
      bare = bench_best (bare, one);
      g_print ("  run %u: bare json-glib    %6.1f s  %7.1f MB\n", i + 1, one.seconds, one.peak_mb);
    }

  counts = table_counts (db);
  bare_counts = table_counts (bare_db);
  if (!g_str_equal (counts, bare_counts))
    {
      g_printerr ("bench-import: the two databases differ:\n  dpo:  %s\n  bare: %s\n", counts, bare_counts);
      goto out;
    }

  ratio = imported.seconds / bare.seconds;
  rss_ratio = imported.peak_mb / bare.peak_mb;
  ok = ratio <= TARGET_RATIO && rss_ratio <= TARGET_RSS_RATIO;
  g_print ("rows: %s\n", counts);
  g_print ("(best of %d runs each)\n", RUNS);
  g_print ("dpo import                    %6.1f s  (CPU %5.1f s)  %7.1f MB peak\n",
           imported.seconds, imported.cpu, imported.peak_mb);
  g_print ("bare json-glib + SQLite       %6.1f s  (CPU %5.1f s)  %7.1f MB peak\n",
           bare.seconds, bare.cpu, bare.peak_mb);
  g_print ("ratio                         %6.2f   (CPU %.2f; target <= %.1f), memory %.2f (target <= %.1f): %s\n",
           ratio, imported.cpu / bare.cpu, TARGET_RATIO, rss_ratio, TARGET_RSS_RATIO,
           ok ? "met" : "MISSED");

out:
  g_unlink (json);
  remove_database (db);
  remove_database (bare_db);
  g_rmdir (dir);
  return ok ? 0 : 1;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");

  if (argc == 4 && g_str_equal (argv[1], "--generate"))
    return generate (argv[2], g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 3)
    return compare (argv[1], argv[2]);

  g_printerr ("usage: bench-import DPO BARE-PROGRAM | --generate FILE N\n");
  return 1;
}
