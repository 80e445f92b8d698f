/* bench-requests-fill.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>
#include <sqlite3.h>

#include "bench-requests-fill.h"
#include "dpo-due-date.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"

/* The most common surnames in France; a person's surname is drawn with a
 * falling weight, so "Martin" is frequent (about 1 in 160) as in life. */
static const char * const SURNAMES[] = {
  "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
  "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
  "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
  "Muller", "Lefèvre", "Faure", "Andre", "Mercier", "Blanc", "Guerin", "Boyer", "Garnier",
  "Chevalier", "Francois", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clement",
  "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval",
  "Denis", "Dumont", "Marie", "Lemaire", "Noel", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard",
  "Giraud", "Joly", "Riviere", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez",
  "Gerard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard",
  "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
  "Bourgeois", "Pierre", "Benoit", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume",
  "Lecomte", "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez",
};
static const char * const FIRST_NAMES[] = {
  "Marie", "Jean", "Pierre", "Michel", "Claire", "Philippe", "Nathalie", "Isabelle", "Sophie",
  "Luc", "Paul", "Julie", "Nicolas", "Camille", "Thomas", "Léa", "Hugo", "Manon", "Louis", "Emma",
};
static const char * const KINDS[] = {
  "access", "access", "access", "erasure", "erasure", "rectification", "objection", "portability",
  "restriction",
};
static const char * const CHANNELS[] = { "email", "email", "post", "web", "phone", "in_person" };

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

static sqlite3_stmt *
prepare_or_die (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
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

static const char * const SYLLABLES[] = {
  "ber", "ge", "ron", "la", "mar", "tin", "vi", "dal", "cha", "teau", "lou", "pe", "ri", "gaud",
  "fon", "ta", "ne", "bou", "ches", "mau", "rel", "gi", "raud", "co", "lin", "du", "mas", "le",
  "roux", "san",
};

/* A surname as common as in France: "Martin", the most frequent, for about
 * 1 person in 300 (0.35 %); the other common names for 5 % together; the
 * rest from a long tail of made-up names, as in a real register. */
static void
draw_surname (GRand *rand,
              char  *out,
              gsize  size)
{
  double x = g_rand_double (rand);

  if (x < 0.0035)
    g_strlcpy (out, "Martin", size);
  else if (x < 0.0535)
    g_strlcpy (out, SURNAMES[g_rand_int_range (rand, 1, G_N_ELEMENTS (SURNAMES))], size);
  else
    {
      guint n = G_N_ELEMENTS (SYLLABLES);
      g_autofree char *name = g_strconcat (SYLLABLES[g_rand_int_range (rand, 0, n)],
                                           SYLLABLES[g_rand_int_range (rand, 0, n)],
                                           SYLLABLES[g_rand_int_range (rand, 0, n)], NULL);

      name[0] = g_ascii_toupper (name[0]);
      g_strlcpy (out, name, size);
    }
}

/* A valid NIR: sex, year, month, département, commune, order, key. */
static void
make_nir (GRand *rand,
          int    year,
          int    month,
          char   out[16])
{
  guint64 body = 0;

  g_snprintf (out, 16, "%d%02d%02d%02d%03d%03d", g_rand_int_range (rand, 1, 3), year % 100, month,
              g_rand_int_range (rand, 1, 96), g_rand_int_range (rand, 1, 990),
              g_rand_int_range (rand, 1, 999));
  body = g_ascii_strtoull (out, NULL, 10);
  g_snprintf (out + 13, 3, "%02d", (int) (97 - body % 97));
}

static void
fill_subjects (sqlite3 *db,
               GRand   *rand,
               guint    n)
{
  sqlite3_stmt *person = prepare_or_die (db,
    "INSERT INTO subjects (pk, id, last_name, first_name, birth_date, nir, member_number, email) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  sqlite3_stmt *contract = prepare_or_die (db,
    "INSERT INTO contracts (subject, number, product, start_date, end_date) VALUES (?, ?, ?, ?, ?)");

  for (guint i = 0; i < n; i++)
    {
      int year = g_rand_int_range (rand, 1940, 2006), month = g_rand_int_range (rand, 1, 13);
      char last[32];
      const char *first = FIRST_NAMES[g_rand_int_range (rand, 0, G_N_ELEMENTS (FIRST_NAMES))];
      char nir[16], id[16], member[16], birth[16], number[24], start[16];

      draw_surname (rand, last, sizeof last);
      make_nir (rand, year, month, nir);
      g_snprintf (id, sizeof id, "S-%06u", i + 1);
      g_snprintf (member, sizeof member, "IP-%06u", 100000 + i);
      g_snprintf (birth, sizeof birth, "%d-%02d-%02d", year, month, g_rand_int_range (rand, 1, 29));
      sqlite3_bind_int64 (person, 1, i + 1);
      sqlite3_bind_text (person, 2, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (person, 3, last, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (person, 4, first, -1, SQLITE_STATIC);
      sqlite3_bind_text (person, 5, birth, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (person, 6, nir, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (person, 7, member, -1, SQLITE_TRANSIENT);
      if (i % 3 != 0)
        sqlite3_bind_text (person, 8, g_strdup_printf ("p%u@example.org", i), -1, g_free);
      step_or_die (db, person);

      g_snprintf (number, sizeof number, "CT-%07u", i + 1);
      g_snprintf (start, sizeof start, "%d-01-01", g_rand_int_range (rand, 2005, 2024));
      sqlite3_bind_int64 (contract, 1, i + 1);
      sqlite3_bind_text (contract, 2, number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (contract, 3, i % 2 ? "Santé individuelle" : "Santé collective", -1, SQLITE_STATIC);
      sqlite3_bind_text (contract, 4, start, -1, SQLITE_TRANSIENT);
      if (i % 4 == 0)
        sqlite3_bind_text (contract, 5, "2023-12-31", -1, SQLITE_STATIC);
      step_or_die (db, contract);
    }
  sqlite3_finalize (person);
  sqlite3_finalize (contract);
}

typedef struct
{
  char text[11];           /* YYYY-MM-DD */
} DateText;

typedef struct
{
  GDate  first_day;
  DateText *due;           /* one month after each day of receipt */
  DateText *extended;      /* three months */
  guint  n_days;
} DueCache;

/* Due dates depend on the day of receipt alone: computed once a day. */
static void
due_cache_init (DueCache    *cache,
                const GDate *first_day,
                guint        n_days)
{
  cache->first_day = *first_day;
  cache->n_days = n_days;
  cache->due = g_new (DateText, n_days);
  cache->extended = g_new (DateText, n_days);
  for (guint i = 0; i < n_days; i++)
    {
      GDate day = *first_day, due, extended;

      g_date_add_days (&day, i);
      dpo_request_due_on (&day, FALSE, FALSE, &due);
      dpo_request_due_on (&day, TRUE, FALSE, &extended);
      g_snprintf (cache->due[i].text, 11, "%04d-%02d-%02d", g_date_get_year (&due),
                  g_date_get_month (&due), g_date_get_day (&due));
      g_snprintf (cache->extended[i].text, 11, "%04d-%02d-%02d", g_date_get_year (&extended),
                  g_date_get_month (&extended), g_date_get_day (&extended));
    }
}

static void
fill_requests (sqlite3 *db,
               GRand   *rand,
               guint    n,
               guint    n_subjects)
{
  sqlite3_stmt *stmt = prepare_or_die (db,
    "INSERT INTO requests (id, subject, requester_name, requester_contact, kind, received_at, "
    "channel, identity_verified_at, extension_reason, extension_notified_at, status, answered_at, "
    "outcome, refusal_ground, due_on, current_due_on) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 end = g_date_time_to_unix (now);
  gint64 span = 4 * 365 * G_GINT64_CONSTANT (86400);
  gint64 start = end - span;
  g_autoptr(GDateTime) start_time = g_date_time_new_from_unix_utc (start - 86400);
  GDate first_day;
  DueCache cache;

  dpo_time_get_local_date (start_time, &first_day);
  due_cache_init (&cache, &first_day, 4 * 366 + 4);

  for (guint i = 0; i < n; i++)
    {
      /* In order of receipt, as a register grows. */
      gint64 received = start + (gint64) ((double) i / n * span);
      g_autoptr(GDateTime) received_at = g_date_time_new_from_unix_utc (received);
      gint64 age_days = (end - received) / 86400;
      gboolean open = age_days < 45 || g_rand_int_range (rand, 0, 100) < 2;
      gboolean extended = g_rand_int_range (rand, 0, 100) < 4;
      const char *status = open ? (i % 3 ? "received" : "in_progress")
                           : (i % 11 == 0 ? "refused" : i % 37 == 0 ? "withdrawn" : "answered");
      char id[24], time_text[24];
      GDate received_on;
      guint day;

      dpo_time_get_local_date (received_at, &received_on);
      day = g_date_days_between (&cache.first_day, &received_on);
      g_snprintf (id, sizeof id, "R-%d-%06u", g_date_time_get_year (received_at), i + 1);
      g_snprintf (time_text, sizeof time_text, "%04d-%02d-%02dT%02d:%02d:%02dZ",
                  g_date_time_get_year (received_at), g_date_time_get_month (received_at),
                  g_date_time_get_day_of_month (received_at), g_date_time_get_hour (received_at),
                  g_date_time_get_minute (received_at), g_date_time_get_second (received_at));

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      if (i % 10 == 9)
        {
          char last[32];

          draw_surname (rand, last, sizeof last);
          sqlite3_bind_text (stmt, 3, g_strdup_printf ("%s %s", FIRST_NAMES[i % G_N_ELEMENTS (FIRST_NAMES)],
                                                       last), -1, g_free);
          sqlite3_bind_text (stmt, 4, "by post", -1, SQLITE_STATIC);
        }
      else
        sqlite3_bind_int64 (stmt, 2, g_rand_int_range (rand, 1, n_subjects + 1));
      sqlite3_bind_text (stmt, 5, KINDS[g_rand_int_range (rand, 0, G_N_ELEMENTS (KINDS))], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, time_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, CHANNELS[i % G_N_ELEMENTS (CHANNELS)], -1, SQLITE_STATIC);
      if (!open || i % 2)
        sqlite3_bind_text (stmt, 8, time_text, -1, SQLITE_TRANSIENT);
      if (extended)
        {
          sqlite3_bind_text (stmt, 9, "Many documents to gather.", -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 10, time_text, -1, SQLITE_TRANSIENT);
        }
      sqlite3_bind_text (stmt, 11, status, -1, SQLITE_STATIC);
      if (!open)
        {
          sqlite3_bind_text (stmt, 12, time_text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 13, "Answered by letter.", -1, SQLITE_STATIC);
        }
      if (g_str_equal (status, "refused"))
        sqlite3_bind_text (stmt, 14, "Active contract: the data are needed to perform it.", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 15, cache.due[day].text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 16, extended ? cache.extended[day].text : cache.due[day].text, -1, SQLITE_STATIC);
      step_or_die (db, stmt);
    }
  sqlite3_finalize (stmt);
  g_free (cache.due);
  g_free (cache.extended);
}

void
bench_fill_database (const char *path,
                     guint       n_subjects,
                     guint       n_requests)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = dpo_store_open (path, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240129);
  sqlite3 *db = NULL;
  gint64 start;

  if (store == NULL)
    g_error ("%s", error->message);
  g_clear_object (&store);

  /* SQLite frees and allocates a page buffer per insert: glibc's default
   * trim threshold would give memory back and take it again each time. */
  mallopt (M_TRIM_THRESHOLD, 64 * 1024 * 1024);
  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  exec_or_die (db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -65536; BEGIN");
  fill_subjects (db, rand, n_subjects);
  fill_requests (db, rand, n_requests, n_subjects);
  /* No ANALYZE: the store never runs one, so neither does a real register. */
  exec_or_die (db, "COMMIT");
  /* The rows went in behind the store's back, so not into its search
   * index: the store builds it as it does for a database written before
   * the index existed (schema version 4; the index is step 4 -> 5), which
   * is timed here too. */
  sqlite3_close (db);
  dpo_test_undo_schema_steps (path, 4);
  start = g_get_monotonic_time ();
  store = dpo_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_print ("Search index built by the upgrade in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
}
