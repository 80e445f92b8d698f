/* test-erasure-rules.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "dpo-carry-out.h"
#include "dpo-error.h"
#include "dpo-import.h"
#include "dpo-request-execute.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"

/* Erasure as the law allows (issue 12, item 2): the retention period
 * after a contract ends, legal holds, the verdict and its words, in the
 * core, the database trigger, the CLI and the JSON. */

/* A person holding @end-ed contract C-1 (NULL: open), covered by nothing else. */
static DpoSubject *
holder (const char *start,
        const char *end)
{
  DpoSubject *subject = dpo_subject_new ();
  DpoContract *contract = dpo_contract_new ();

  subject->id = g_strdup ("S-1");
  subject->first_name = g_strdup ("Jean");
  subject->last_name = g_strdup ("Dupont");
  contract->number = g_strdup ("C-1");
  contract->start_date = g_strdup (start);
  contract->end_date = g_strdup (end);
  g_ptr_array_add (subject->contracts, contract);
  return subject;
}

static DpoHold *
add_hold (DpoSubject *subject,
          const char *reason,
          const char *until)
{
  DpoHold *hold = dpo_hold_new ();

  hold->reason = g_strdup (reason);
  hold->until = g_strdup (until);
  g_ptr_array_add (subject->holds, hold);
  return hold;
}

static void
assert_verdict (const DpoSubject *subject,
                const char       *today,
                guint             years,
                DpoErasureRule    rule,
                const char       *earliest)
{
  g_autoptr(DpoErasureVerdict) verdict = dpo_erasure_verdict_new (subject, today, years);

  g_test_message ("%s, %u years: %s", today, years, verdict->reason);
  g_assert_cmpint (verdict->rule, ==, rule);
  g_assert_cmpstr (verdict->earliest, ==, earliest);
  g_assert_true ((verdict->reason == NULL) == (rule == DPO_ERASURE_ALLOWED));
}

static void
test_contract_rules (void)
{
  g_autoptr(DpoSubject) nobody = dpo_subject_new ();
  g_autoptr(DpoSubject) open = holder ("2020-01-01", NULL);
  g_autoptr(DpoSubject) ending = holder ("2020-01-01", "2025-12-31");
  g_autoptr(DpoSubject) ended = holder ("2020-01-01", "2024-03-31");
  g_autoptr(DpoErasureVerdict) verdict = NULL;

  nobody->first_name = g_strdup ("A");
  nobody->last_name = g_strdup ("B");
  assert_verdict (nobody, "2026-01-01", 5, DPO_ERASURE_ALLOWED, NULL);

  /* Active: no date while the contract is open; its end plus the
   * retention period when it has one. */
  assert_verdict (open, "2026-01-01", 0, DPO_ERASURE_ACTIVE_CONTRACT, NULL);
  assert_verdict (ending, "2025-06-01", 0, DPO_ERASURE_ACTIVE_CONTRACT, "2026-01-01");
  assert_verdict (ending, "2025-06-01", 5, DPO_ERASURE_ACTIVE_CONTRACT, "2031-01-01");
  verdict = dpo_erasure_verdict_new (open, "2026-01-01", 0);
  g_assert_cmpstr (verdict->contract_number, ==, "C-1");
  g_assert_cmpstr (verdict->reason, ==,
                   "Erasure refused: Jean Dupont has an active contract (C-1, since 1 January 2020): the "
                   "data are needed to perform it (GDPR Art. 17(1)(a) and 6(1)(b)); no date can be given "
                   "while the contract has no end date.");
  g_clear_pointer (&verdict, dpo_erasure_verdict_free);

  /* Ended: today's rule without a retention period; kept five years after. */
  assert_verdict (ended, "2024-04-01", 0, DPO_ERASURE_ALLOWED, NULL);
  assert_verdict (ended, "2024-03-31", 0, DPO_ERASURE_ACTIVE_CONTRACT, "2024-04-01");
  assert_verdict (ended, "2029-03-31", 5, DPO_ERASURE_RETENTION, "2029-04-01");
  assert_verdict (ended, "2029-04-01", 5, DPO_ERASURE_ALLOWED, NULL);
  verdict = dpo_erasure_verdict_new (ended, "2026-01-01", 5);
  g_assert_cmpint (verdict->rule, ==, DPO_ERASURE_RETENTION);
  g_assert_cmpstr (verdict->contract_number, ==, "C-1");
  g_assert_cmpstr (verdict->reason, ==,
                   "Erasure refused: the contract C-1 ended on 31 March 2024 and its data are kept 5 "
                   "years after it ends (Code de la mutualité L221-11); erasure becomes possible on "
                   "1 April 2029.");
  g_clear_pointer (&verdict, dpo_erasure_verdict_free);
  verdict = dpo_erasure_verdict_new (ended, "2024-06-01", 1);
  g_assert_nonnull (strstr (verdict->reason, "kept 1 year after it ends"));
}

/* A period of years from 29 February ends on 28 February of a common
 * year (Regulation 1182/71 Art. 3(2)(c)): erasure from 1 March. */
static void
test_leap_days (void)
{
  g_autoptr(DpoSubject) leap = holder ("2020-01-01", "2024-02-29");
  g_autoptr(DpoSubject) eve = holder ("2020-01-01", "2024-02-28");

  assert_verdict (leap, "2025-02-28", 1, DPO_ERASURE_RETENTION, "2025-03-01");
  assert_verdict (leap, "2025-03-01", 1, DPO_ERASURE_ALLOWED, NULL);
  assert_verdict (leap, "2028-02-29", 4, DPO_ERASURE_RETENTION, "2028-03-01");
  assert_verdict (eve, "2025-02-28", 1, DPO_ERASURE_RETENTION, "2025-03-01");
  assert_verdict (leap, "2024-02-29", 0, DPO_ERASURE_ACTIVE_CONTRACT, "2024-03-01");
}

/* The trigger counts "end + N years >= today" as "end >= today - N years"
 * in SQLite's arithmetic: the same days as the core's, leap days and all. */
static void
test_trigger_arithmetic (void)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GDate end, today;
  guint checked = 0;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT ?1 >= date (?2, '-' || ?3 || ' years')", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  /* Ends around the leap days of 2024 and 2028, kept 0 to 5 years;
   * every day around the end of the retention period. */
  g_date_set_dmy (&end, 1, 2, 2023);
  for (guint i = 0; i < 6 * 366; i++, g_date_add_days (&end, 1))
    {
      g_autofree char *end_text = NULL;
      g_autoptr(DpoSubject) subject = NULL;

      if (g_date_get_month (&end) > 3)
        continue;
      end_text = dpo_date_to_iso (&end);
      subject = holder ("2000-01-01", end_text);
      for (guint years = 0; years <= 5; years++)
        for (guint delta = years * 365 > 3 ? years * 365 - 3 : 0; delta <= years * 366 + 3; delta++)
          {
            g_autofree char *today_text = NULL;
            g_autoptr(DpoErasureVerdict) verdict = NULL;
            gboolean core_refuses, sql_refuses;

            today = end;
            g_date_add_days (&today, delta);
            today_text = dpo_date_to_iso (&today);
            verdict = dpo_erasure_verdict_new (subject, today_text, years);
            core_refuses = verdict->rule != DPO_ERASURE_ALLOWED;
            sqlite3_bind_text (stmt, 1, end_text, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text (stmt, 2, today_text, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int (stmt, 3, years);
            g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
            sql_refuses = sqlite3_column_int (stmt, 0);
            sqlite3_reset (stmt);
            if (core_refuses != sql_refuses)
              g_error ("end %s, %u years, today %s: core %d, SQL %d", end_text, years, today_text,
                       core_refuses, sql_refuses);
            checked++;
          }
    }
  g_test_message ("%u days compared", checked);
  g_assert_cmpuint (checked, >, 1000);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_beneficiary (void)
{
  g_autoptr(DpoSubject) anne = dpo_subject_new ();
  g_autoptr(DpoErasureVerdict) verdict = NULL;
  DpoContract *contract = dpo_contract_new ();

  anne->first_name = g_strdup ("Anne");
  anne->last_name = g_strdup ("Dupont");
  contract->number = g_strdup ("C-1");
  contract->start_date = g_strdup ("2020-01-01");
  contract->end_date = g_strdup ("2024-03-31");
  contract->holder_id = g_strdup ("S-1");
  contract->holder_name = g_strdup ("Jean Dupont");
  g_ptr_array_add (anne->covered_by, contract);

  verdict = dpo_erasure_verdict_new (anne, "2024-01-15", 0);
  g_assert_cmpint (verdict->rule, ==, DPO_ERASURE_ACTIVE_CONTRACT);
  g_assert_cmpstr (verdict->earliest, ==, "2024-04-01");
  g_assert_nonnull (strstr (verdict->reason, "Anne Dupont is covered by the active contract C-1 held by "
                                             "Jean Dupont"));
  g_clear_pointer (&verdict, dpo_erasure_verdict_free);
  /* The retention period runs for a beneficiary too. */
  assert_verdict (anne, "2025-01-15", 2, DPO_ERASURE_RETENTION, "2026-04-01");
  assert_verdict (anne, "2026-04-01", 2, DPO_ERASURE_ALLOWED, NULL);
}

static void
test_holds (void)
{
  g_autoptr(DpoSubject) person = holder ("2010-01-01", "2020-12-31");
  g_autoptr(DpoErasureVerdict) verdict = NULL;
  DpoHold *hold;

  hold = add_hold (person, "litigation", "2026-06-30");
  verdict = dpo_erasure_verdict_new (person, "2026-01-01", 0);
  g_assert_cmpint (verdict->rule, ==, DPO_ERASURE_HOLD);
  g_assert_null (verdict->contract_number);
  /* The hold's reason is not given: the ground goes into the refusal letter. */
  g_assert_cmpstr (verdict->reason, ==, "Erasure refused: a legal hold keeps the data until "
                                        "30 June 2026 (GDPR Art. 17(3)(b) and (e)); erasure becomes "
                                        "possible on 1 July 2026.");
  g_assert_null (strstr (verdict->reason, "Litigation"));
  g_clear_pointer (&verdict, dpo_erasure_verdict_free);
  /* It runs through its last day. */
  assert_verdict (person, "2026-06-30", 0, DPO_ERASURE_HOLD, "2026-07-01");
  assert_verdict (person, "2026-07-01", 0, DPO_ERASURE_ALLOWED, NULL);

  /* Until lifted: no date. */
  g_clear_pointer (&hold->until, g_free);
  verdict = dpo_erasure_verdict_new (person, "2026-01-01", 0);
  g_assert_cmpint (verdict->rule, ==, DPO_ERASURE_HOLD);
  g_assert_null (verdict->earliest);
  g_assert_nonnull (strstr (verdict->reason, "until it is lifted"));
  g_clear_pointer (&verdict, dpo_erasure_verdict_free);

  /* The earliest date is the latest of the rules: the retention period
   * names the refusal, the hold that outlasts it gives the date. */
  hold->until = g_strdup ("2031-12-31");
  verdict = dpo_erasure_verdict_new (person, "2024-01-01", 5);
  g_assert_cmpint (verdict->rule, ==, DPO_ERASURE_RETENTION);
  g_assert_cmpstr (verdict->earliest, ==, "2032-01-01");
  g_assert_nonnull (strstr (verdict->reason, "kept 5 years"));
  g_assert_nonnull (strstr (verdict->reason, "a legal hold also keeps the data until "
                                             "31 December 2031: erasure becomes possible on 1 January 2032."));
  g_clear_pointer (&verdict, dpo_erasure_verdict_free);
  /* A hold ending sooner changes nothing to the retention's date. */
  g_free (hold->until);
  hold->until = g_strdup ("2024-06-30");
  assert_verdict (person, "2024-01-01", 5, DPO_ERASURE_RETENTION, "2026-01-01");
}

static void
test_retention_range (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dpo_erasure_check_retention_years (0, NULL));
  g_assert_true (dpo_erasure_check_retention_years (DPO_RETENTION_MAX_YEARS, NULL));
  g_assert_false (dpo_erasure_check_retention_years (-1, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "-1"));
  g_clear_error (&error);
  g_assert_false (dpo_erasure_check_retention_years (31, &error));
  g_assert_nonnull (strstr (error->message, "from 0 to 30"));
}

/* The database holds the same rule whatever path a DELETE takes: Luc
 * Bernard's contract ended on 31 December 2023 (the example). The
 * trigger reads the real today: 30 years keep him for long enough. */
/* Deletes S-0002 behind the store's back, as another program would: in
 * the file on @db; on a server on a connection of its own. FALSE when the
 * erasure rule refused, its message in @message. */
static gboolean
delete_person (const char  *path,
               sqlite3     *db,
               char       **message)
{
  static const char sql[] = "DELETE FROM subjects WHERE id = 'S-0002'";
  int rc;

  if (dpo_test_engine_is_server ())
    {
      g_autofree char *state = NULL;

      if (dpo_test_server_try_exec (path, sql, &state, message))
        return TRUE;
      g_assert_cmpstr (state, ==, "DPO01");
      return FALSE;
    }
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    return TRUE;
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT);
  if (message != NULL)
    *message = g_strdup (sqlite3_errmsg (db));
  return FALSE;
}

static void
test_trigger (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &path);
  g_autoptr(DpoHold) hold = dpo_hold_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday_time = g_date_time_add_days (now, -1);
  g_autofree char *yesterday = NULL;
  g_autofree char *message = NULL;
  GDate day;
  sqlite3 *db = NULL;

  dpo_time_get_local_date (yesterday_time, &day);
  yesterday = dpo_date_to_iso (&day);
  g_assert_true (dpo_store_set_retention_years (store, 30, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dpo_store_get_retention_years (store), ==, 30);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'setting' "
                                             "AND record = 'retention_after_contract_years'"), ==, 1);

  if (!dpo_test_engine_is_server ())
    {
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    }
  g_assert_false (delete_person (path, db, &message));
  g_assert_nonnull (strstr (message, "retention period"));
  g_clear_pointer (&message, g_free);

  /* Back to today's rule, then a hold until lifted. */
  g_assert_true (dpo_store_set_retention_years (store, 0, &error));
  hold->reason = g_strdup ("litigation");
  hold->note = g_strdup ("Tribunal judiciaire de Lyon, RG 24/01234");
  g_assert_true (dpo_store_save_hold (store, "S-0002", hold, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hold->rowid, >, 0);
  g_assert_false (delete_person (path, db, &message));
  g_assert_nonnull (strstr (message, "legal hold"));

  /* Lifted yesterday: the DELETE goes through, the hold with it. */
  hold->until = g_strdup (yesterday);
  g_assert_true (dpo_store_save_hold (store, "S-0002", hold, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'hold' "
                                             "AND record = 'S-0002'"), ==, 2);
  g_assert_true (delete_person (path, db, NULL));
  if (db != NULL)
    sqlite3_close (db);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM holds"), ==, 0);
}

static void
test_store_checks (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &path);
  g_autoptr(DpoHold) hold = dpo_hold_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_store_set_retention_years (store, -3, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dpo_store_set_retention_years (store, 1000, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (dpo_store_get_retention_years (store), ==, 0);

  hold->reason = g_strdup ("fraud");
  hold->since = g_strdup ("2024-05-01");
  hold->until = g_strdup ("2024-04-30");
  g_assert_false (dpo_store_save_hold (store, "S-0001", hold, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "a hold ending before it starts"));
  g_clear_error (&error);
  g_free (hold->reason);
  hold->reason = g_strdup ("boredom");
  g_clear_pointer (&hold->until, g_free);
  g_assert_false (dpo_store_save_hold (store, "S-0001", hold, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM holds"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity IN ('hold', 'setting')"),
                   ==, 0);
}

/* Carrying the erasure out as of 1 March 2024 with five years kept: the
 * refusal is recorded with the rule and the date; the message says so. */
static void
test_execute_refusal (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoRequest) request = NULL;
  static const char ground[] =
    "Erasure refused: the contract CT-2012-0911 ended on 31 December 2023 and its data are kept 5 years "
    "after it ends (Code de la mutualité L221-11); erasure becomes possible on 1 January 2029.";

  g_assert_true (dpo_store_set_retention_years (store, 5, &error));
  g_assert_false (dpo_request_execute (store, "R-2024-0003", NULL, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT);
  g_assert_true (g_str_has_prefix (error->message, ground));
  g_assert_nonnull (strstr (error->message, "nothing was deleted"));
  g_clear_error (&error);
  request = dpo_store_get_request (store, "R-2024-0003", &error);
  g_assert_cmpstr (request->status, ==, "refused");
  g_assert_cmpstr (request->refusal_ground, ==, ground);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM subjects WHERE id = 'S-0002'"), ==, 1);
}

/* A hold lifted before the as-of day keeps nothing: the erasure goes
 * through, the hold goes with the person, and the audit log no longer
 * holds its note. */
static void
test_erasure_after_hold (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &path);
  g_autoptr(DpoHold) hold = dpo_hold_new ();
  g_autoptr(GError) error = NULL;

  hold->reason = g_strdup ("litigation");
  hold->note = g_strdup ("Tribunal judiciaire de Lyon, RG 23/04567");
  hold->since = g_strdup ("2023-06-01");
  hold->until = g_strdup ("2024-02-29");
  g_assert_true (dpo_store_save_hold (store, "S-0002", hold, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE changes LIKE '%RG 23/04567%'"),
                   ==, 1);

  g_assert_true (dpo_request_execute (store, "R-2024-0003", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM holds"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE changes LIKE '%RG 23/04567%'"),
                   ==, 0);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'hold' "
                                             "AND changes = '{\"redacted\":\"erasure\"}'"), ==, 1);
}

/* A person who holds no contract (covered by none, or no longer): the
 * outcome says so in words, not "their 0 contracts". */
static void
test_erasure_without_contract (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &path);
  g_autoptr(DpoRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  dpo_test_exec (path, "DELETE FROM contracts WHERE subject = (SELECT pk FROM subjects WHERE id = 'S-0002')");

  g_assert_true (dpo_request_execute (store, "R-2024-0003", NULL, NULL, &error));
  g_assert_no_error (error);
  request = dpo_store_get_request (store, "R-2024-0003", &error);
  g_assert_cmpstr (request->status, ==, "answered");
  g_assert_cmpstr (request->outcome, ==, "The person’s data were erased; no contract was recorded in their name.");
}

static int
run_dpo (const char * const  *args,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("DPO_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
write_temp (const char *name,
            const char *text)
{
  g_autofree char *dir = dpo_test_make_dir ();
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

#define DOC(settings, holds) \
  "{\"format\": \"dpo-workbench\", \"version\": 1" settings ", \"subjects\": [" \
  "{\"id\": \"S-1\", \"last_name\": \"Dupont\", \"first_name\": \"Jean\", \"contracts\": [" \
  "{\"number\": \"C-1\", \"start_date\": \"2010-01-01\", \"end_date\": \"2024-03-31\"}]" holds "}]," \
  "\"requests\": [{\"id\": \"R-1\", \"subject\": \"S-1\", \"kind\": \"erasure\"," \
  "\"received_at\": \"2024-06-03T10:00:00+02:00\"}]}"

/* The whole path as the DPO types it: the settings and holds come from
 * the file, `dpo execute` refuses with exit 3 and says why and when. */
static void
test_cli (void)
{
  g_autofree char *db = NULL;
  g_autofree char *file = write_temp ("in.json", DOC (", \"settings\": {\"retention_after_contract_years\": 5}",
                                                      ", \"holds\": [{\"reason\": \"fraud\", \"note\": \"Enquête\","
                                                      " \"since\": \"2024-05-01\", \"until\": \"2030-06-30\"}]"));
  g_autofree char *err = NULL;
  g_autofree char *dir = dpo_test_make_dir ();

  db = g_build_filename (dir, "w.sqlite", NULL);
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "import", file, NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "--as-of", "2024-07-01", "execute", "R-1", NULL },
                            &err), ==, 3);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "Erasure refused: the contract C-1 ended on 31 March 2024 and its data are "
                                 "kept 5 years after it ends (Code de la mutualité L221-11); a legal hold "
                                 "also keeps the data until 30 June 2030: erasure becomes possible "
                                 "on 1 July 2030."));
  /* A fraud hold is not announced to the person it concerns. */
  g_assert_null (strstr (err, "Fraud"));
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM requests WHERE status = 'refused' "
                                           "AND refusal_ground LIKE '%1 July 2030%'"), ==, 1);
}

/* In French, as a French DPO reads it: "R-1 : …" (a no-break space before the
 * colon), the erasure's outcome in French. */
static void
test_cli_french (void)
{
  g_autofree char *file = write_temp ("in.json", DOC ("", ""));
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "w.sqlite", NULL);
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_cmpint (run_dpo ((const char *[]) { "--database", db, "import", file, NULL }, NULL), ==, 0);
  env = g_environ_setenv (env, "LC_ALL", "fr_FR.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "fr", TRUE);
  g_spawn_sync (NULL, (char *[]) { (char *) g_getenv ("DPO_CLI"), "--database", db, "--as-of", "2024-07-01",
                                   "execute", "R-1", NULL },
                env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpstr (out, ==, "R-1\u00a0: Les données de la personne ont été effacées, ainsi que 1 contrat.\n");
}

/* Settings and holds in, the same out, and again. */
static void
test_json_round_trip (void)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(DpoStore) again = dpo_test_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  static const char doc[] =
    DOC (", \"settings\": {\"alsace_moselle\": true, \"retention_after_contract_years\": 10}",
         ", \"holds\": [{\"reason\": \"other\", \"until\": null},"
         " {\"reason\": \"litigation\", \"note\": \"RG 24/01234\", \"since\": \"2024-05-01\", \"until\": \"2026-05-01\"}]");
  g_autoptr(GBytes) bytes = g_bytes_new_static (doc, strlen (doc));
  g_autoptr(DpoSubject) subject = NULL;

  g_assert_true (dpo_import_bytes (store, bytes, "in.json", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dpo_store_get_alsace_moselle (store));
  g_assert_cmpuint (dpo_store_get_retention_years (store), ==, 10);
  subject = dpo_store_get_subject (store, "S-1", &error);
  g_assert_cmpuint (subject->holds->len, ==, 2);

  first = dpo_test_export (store, "2024-07-01");
  g_assert_nonnull (strstr (first, "\"settings\": {\n    \"alsace_moselle\": true,\n"
                                   "    \"retention_after_contract_years\": 10\n  }"));
  g_assert_nonnull (strstr (first, "\"reason\" : \"other\",\n"));
  g_assert_nonnull (strstr (first, "\"until\" : null"));
  {
    g_autoptr(GBytes) exported = g_bytes_new (first, strlen (first));

    g_assert_true (dpo_import_bytes (again, exported, "out.json", NULL, &error));
    g_assert_no_error (error);
  }
  second = dpo_test_export (again, "2024-07-01");
  g_assert_cmpstr (first, ==, second);
}

static void
assert_bad (const char *doc,
            const char *path,
            const char *words)
{
  g_autofree char *db = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&db);
  g_autoptr(GBytes) bytes = g_bytes_new (doc, strlen (doc));
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_import_bytes (store, bytes, "bad.json", NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM subjects"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (db, "SELECT count(*) FROM settings"), ==, 0);
  g_assert_false (dpo_store_get_alsace_moselle (store));
}

static void
test_json_bad_input (void)
{
  assert_bad (DOC ("", ", \"holds\": [{\"reason\": \"fraud\", \"since\": \"2024-05-01\", \"until\": \"2024-04-01\"}]"),
              "subjects[0].holds[0].until", "a hold ending before it starts");
  assert_bad (DOC ("", ", \"holds\": [{\"reason\": \"boredom\"}]"), "subjects[0].holds[0].reason", "not a known value");
  assert_bad (DOC ("", ", \"holds\": [{\"note\": \"x\"}]"), "subjects[0].holds[0].reason", "missing");
  assert_bad (DOC (", \"settings\": {\"retention_after_contract_years\": -2}", ""),
              "settings.retention_after_contract_years", "negative");
  assert_bad (DOC (", \"settings\": {\"retention_after_contract_years\": 99}", ""),
              "settings.retention_after_contract_years", "from 0 to 30");
  assert_bad (DOC (", \"settings\": {\"retention_after_contract_years\": 2.5}", ""),
              "settings.retention_after_contract_years", "whole number");
  assert_bad (DOC (", \"settings\": {\"alsace_moselle\": \"yes\"}", ""), "settings.alsace_moselle", "true or false");
  /* A later error undoes the settings too (and the store's flag). */
  assert_bad (DOC (", \"settings\": {\"alsace_moselle\": true}", ", \"holds\": [{\"reason\": \"boredom\"}]"),
              "subjects[0].holds[0].reason", "not a known value");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/erasure-rules/contracts", test_contract_rules);
  g_test_add_func ("/erasure-rules/leap-days", test_leap_days);
  g_test_add_func ("/erasure-rules/trigger-arithmetic", test_trigger_arithmetic);
  g_test_add_func ("/erasure-rules/beneficiary", test_beneficiary);
  g_test_add_func ("/erasure-rules/holds", test_holds);
  g_test_add_func ("/erasure-rules/retention-range", test_retention_range);
  g_test_add_func ("/erasure-rules/trigger", test_trigger);
  g_test_add_func ("/erasure-rules/store-checks", test_store_checks);
  g_test_add_func ("/erasure-rules/execute-refusal", test_execute_refusal);
  g_test_add_func ("/erasure-rules/erasure-after-hold", test_erasure_after_hold);
  g_test_add_func ("/erasure-rules/without-contract", test_erasure_without_contract);
  g_test_add_func ("/erasure-rules/cli", test_cli);
  g_test_add_func ("/erasure-rules/cli-french", test_cli_french);
  g_test_add_func ("/erasure-rules/json-round-trip", test_json_round_trip);
  g_test_add_func ("/erasure-rules/json-bad-input", test_json_bad_input);

  return g_test_run ();
}
