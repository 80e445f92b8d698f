/* bench-campaign.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "bench-letters-data.h"
#include "bench-run.h"
#include "dpo-store.h"

/* meson test --benchmark --suite campaign (issue 11.7): `dpo campaign`
 * writing 20,000 letters (every household by post: nobody has an email)
 * from a database of 20,000 holders and their affected co-insured, beside
 * bench-letters-bare drawing the same letters with pango and cairo alone.
 * The campaign does more than draw: it reads the households, expands the
 * notice, writes letters.csv and the other files, renames the folder into
 * place and records 20,000 + co-insured `informed` rows. Targets: at most
 * twice the bare program's time; memory that does not grow with the
 * number of letters: the peak at 20,000 within 2 MB of the peak at 2,000,
 * beyond what the bare program's own peak grows between the same two
 * (cairo's PDF surface keeps some 90 bytes a page until it is finished:
 * the floor grows by 1.5 to 2 MB here, and so does any program writing
 * one PDF). What else remains is bounded: SQLite's caches and sorter, held
 * small while a campaign runs. Before the people informed were kept by
 * the database as they were written, and the communication's audit entry
 * written as text, the peak grew by 6 to 7 MB (0.35 KB a letter).
 * Each program runs in a process of its own, twice, alternately; the
 * better run of each is compared.
 *
 *   bench-campaign DPO BARE-PROGRAM
 *
 * DPO_BENCH_CAMPAIGN sets the number of letters (20000). The people are
 * bench-letters-data's, so both draw the same names, addresses and notice;
 * the campaign's letter has no reference line and names no civility. */

#define RUNS             2
#define TARGET_RATIO     2.0
#define TARGET_GROWTH_MB 2.0
#define INCIDENT         "INC-2024-003"

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
step (sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  sqlite3_reset (stmt);
}

static sqlite3_int64
add_person (sqlite3_stmt *insert,
            const char   *id,
            const char   *first_name,
            const char   *last_name,
            const char   *member_number,
            const char   *address)
{
  sqlite3_bind_text (insert, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 2, last_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 3, first_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 4, member_number, -1, SQLITE_TRANSIENT);
  if (address != NULL)
    sqlite3_bind_text (insert, 5, address, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (insert, 5);
  step (insert);
  return sqlite3_last_insert_rowid (sqlite3_db_handle (insert));
}

/* "Léa Martin, Hugo Martin": each becomes an affected beneficiary. */
static void
add_co_insured (sqlite3_stmt      *insert,
                sqlite3_stmt      *cover,
                sqlite3_stmt      *affect,
                sqlite3_int64      contract,
                guint              n,
                const char        *names)
{
  g_auto(GStrv) each = g_strsplit (names, ", ", -1);

  for (guint k = 0; *names != '\0' && each[k] != NULL; k++)
    {
      g_autofree char *id = g_strdup_printf ("B-%u-%u", n, k);
      const char *space = strchr (each[k], ' ');
      g_autofree char *first = g_strndup (each[k], space - each[k]);
      sqlite3_int64 pk = add_person (insert, id, first, space + 1, "", NULL);

      sqlite3_bind_int64 (cover, 1, contract);
      sqlite3_bind_int64 (cover, 2, pk);
      step (cover);
      sqlite3_bind_int64 (affect, 1, pk);
      sqlite3_bind_int (affect, 2, 0);
      step (affect);
    }
}

static void
fill (const char *path,
      guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = dpo_store_open (path, &error);
  sqlite3 *db = NULL;
  sqlite3_stmt *insert, *contract, *cover, *affect, *notice;

  if (store == NULL)
    g_error ("%s", error->message);
  g_clear_object (&store);
  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("cannot open %s", path);
  exec_or_die (db, "BEGIN");
  exec_or_die (db, "INSERT INTO organisation (pk, name, address, dpo_name, dpo_email, dpo_phone) "
                   "VALUES (1, '" BENCH_LETTER_SENDER_NAME "', '12 avenue de la République\n69003 Lyon', "
                   "'Jeanne Moreau', 'dpo@mutuelle-horizon.fr', '04 72 00 00 00')");
  notice = prepare (db, "INSERT INTO incidents (id, title, natures, aware_at, risk, notice_subject, "
                        "notice_body) VALUES ('" INCIDENT "', 'Viamedis', '[\"confidentiality\"]', "
                        "'2024-02-01T16:30:00Z', 'high', ?, ?)");
  sqlite3_bind_text (notice, 1, BENCH_LETTER_SUBJECT, -1, SQLITE_STATIC);
  sqlite3_bind_text (notice, 2, bench_letter_body_template (), -1, SQLITE_STATIC);
  step (notice);
  sqlite3_finalize (notice);
  insert = prepare (db, "INSERT INTO subjects (id, last_name, first_name, member_number, postal_address) "
                        "VALUES (?, ?, ?, ?, ?)");
  contract = prepare (db, "INSERT INTO contracts (subject, number, start_date) VALUES (?, ?, '2020-01-01')");
  cover = prepare (db, "INSERT INTO contract_beneficiaries (contract, subject) VALUES (?, ?)");
  affect = prepare (db, "INSERT INTO affected (incident, subject, listed) VALUES (1, ?, ?)");
  for (guint i = 0; i < n; i++)
    {
      BenchLetterPerson p;
      g_autofree char *id = g_strdup_printf ("H-%u", i);
      g_autofree char *address = NULL;
      sqlite3_int64 holder, covering;

      bench_letter_person (i, &p);
      address = g_strdup_printf ("%s\n%s%s%s %s", p.street, p.complement, *p.complement ? "\n" : "",
                                 p.postcode, p.city);
      holder = add_person (insert, id, p.first_name, p.last_name, p.member_number, address);
      sqlite3_bind_int64 (contract, 1, holder);
      sqlite3_bind_text (contract, 2, id, -1, SQLITE_TRANSIENT);
      step (contract);
      covering = sqlite3_last_insert_rowid (db);
      sqlite3_bind_int64 (affect, 1, holder);
      sqlite3_bind_int (affect, 2, 1);
      step (affect);
      add_co_insured (insert, cover, affect, covering, i, p.co_insured);
    }
  sqlite3_finalize (insert);
  sqlite3_finalize (contract);
  sqlite3_finalize (cover);
  sqlite3_finalize (affect);
  exec_or_die (db, "COMMIT");
  sqlite3_close (db);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* The campaign and the bare program on @n letters, @runs times each; a
 * fresh database for each campaign run (a campaign informs everyone). */
static gboolean
measure (const char *dpo,
         const char *bare_program,
         const char *dir,
         guint       n,
         guint       runs,
         BenchRun   *ours,
         BenchRun   *bare)
{
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *bare_out = g_build_filename (dir, "bare.pdf", NULL);
  char *bare_argv[] = { (char *) bare_program, count, bare_out, NULL };

  *ours = *bare = (BenchRun) { G_MAXDOUBLE, G_MAXDOUBLE, 0 };
  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *db = g_build_filename (dir, "campaign.sqlite", NULL);
      g_autofree char *out = g_build_filename (dir, "campaign", NULL);
      char *ours_argv[] = { (char *) dpo, (char *) "--database", db, (char *) "campaign",
                            (char *) INCIDENT, (char *) "--out", out, (char *) "--sent-at",
                            (char *) "2024-02-06", NULL };
      BenchRun one;
      gboolean ok;

      fill (db, n);
      ok = bench_run (ours_argv, TRUE, &one);
      remove_tree (out);
      g_unlink (db);
      if (!ok)
        return FALSE;
      *ours = bench_best (*ours, one);
      if (!bench_run (bare_argv, TRUE, &one))
        return FALSE;
      *bare = bench_best (*bare, one);
    }
  g_print ("%6u letters  dpo campaign     %6.1f s (CPU %6.1f s) %6.1f MB peak\n",
           n, ours->seconds, ours->cpu, ours->peak_mb);
  g_print ("%6u letters  bare pango-cairo %6.1f s (CPU %6.1f s) %6.1f MB peak\n",
           n, bare->seconds, bare->cpu, bare->peak_mb);
  g_unlink (bare_out);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  const char *env = g_getenv ("DPO_BENCH_CAMPAIGN");
  guint n = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 20000;
  BenchRun ours, bare, small_ours, small_bare;
  double ratio, growth, bare_growth;
  gboolean ok;

  if (argc != 3)
    {
      g_printerr ("usage: bench-campaign DPO BARE-PROGRAM\n");
      return 1;
    }
  /* The letters in French, as the bare program draws them. */
  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
  dir = g_dir_make_tmp ("dpo-bench-campaign-XXXXXX", NULL);
  g_assert (dir != NULL);
  g_print ("# %u households by post (best of %d runs each)\n", n, RUNS);
  ok = measure (argv[1], argv[2], dir, n, RUNS, &ours, &bare) &&
       measure (argv[1], argv[2], dir, MAX (n / 10, 1), 1, &small_ours, &small_bare);
  remove_tree (dir);
  if (!ok)
    return 1;

  ratio = ours.seconds / bare.seconds;
  growth = ours.peak_mb - small_ours.peak_mb;
  bare_growth = MAX (bare.peak_mb - small_bare.peak_mb, 0.0);
  ok = ratio <= TARGET_RATIO && growth <= bare_growth + TARGET_GROWTH_MB;
  g_print ("time ratio %.2f (CPU %.2f; target <= %.1f); peak memory %.1f MB at %u letters, "
           "%.1f MB at %u: +%.1f MB (bare: %.1f, %.1f: +%.1f MB; growth target <= bare's + %.1f MB): %s\n",
           ratio, ours.cpu / bare.cpu, TARGET_RATIO, ours.peak_mb, n, small_ours.peak_mb,
           MAX (n / 10, 1), growth, bare.peak_mb, small_bare.peak_mb, bare_growth, TARGET_GROWTH_MB,
           ok ? "met" : "MISSED");
  return ok ? 0 : 1;
}
