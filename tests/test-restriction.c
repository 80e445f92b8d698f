/* test-restriction.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "dpo-carry-out-decision.h"
#include "dpo-error.h"
#include "dpo-import.h"
#include "dpo-request-execute.h"
#include "dpo-store-restriction.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"

/* Issue 12, item 3: restriction (Art. 18) and objection (Art. 21) carried
 * out — the person restricted until lifted, the objection's decision and
 * reason recorded, both answering the request; the JSON round trip; the
 * command line; the audit log. */

static const char DOCUMENT[] =
  "{\"format\": \"dpo-workbench\", \"version\": 1,"
  " \"subjects\": [{\"id\": \"S-1\", \"last_name\": \"Martin\", \"first_name\": \"Claire\","
  "   \"contracts\": [{\"number\": \"C-1\", \"start_date\": \"2020-01-01\"}]}],"
  " \"requests\": ["
  "  {\"id\": \"R-1\", \"subject\": \"S-1\", \"kind\": \"restriction\","
  "   \"received_at\": \"2024-02-01T09:00:00+01:00\", \"channel\": \"email\"},"
  "  {\"id\": \"R-2\", \"subject\": \"S-1\", \"kind\": \"objection\","
  "   \"received_at\": \"2024-02-01T09:00:00+01:00\"},"
  "  {\"id\": \"R-3\", \"subject\": \"S-1\", \"kind\": \"objection\","
  "   \"received_at\": \"2024-02-01T09:00:00+01:00\"},"
  "  {\"id\": \"R-4\", \"subject\": \"S-1\", \"kind\": \"access\","
  "   \"received_at\": \"2024-02-01T09:00:00+01:00\"}]}";

static DpoStore *
new_store (char **path)
{
  DpoStore *store = dpo_test_new_store (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static (DOCUMENT, strlen (DOCUMENT));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDate day;

  g_assert_true (dpo_import_bytes (store, bytes, "test", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dpo_date_parse ("2024-02-06", &day, NULL));
  now = dpo_time_end_of_local_day (&day);
  dpo_store_set_now (store, now);
  return store;
}

static gint64
audit_count (const char *path)
{
  return dpo_test_query_int (path, "SELECT count(*) FROM audit");
}

static void
assert_request (DpoStore   *store,
                const char *id,
                const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoRequest) request = dpo_store_get_request (store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (request->status, ==, status);
}

static void
test_plain_words (void)
{
  g_autofree char *banner = dpo_restriction_describe ("2024-02-06", "accuracy contested");
  g_autofree char *upheld = dpo_objection_outcome (DPO_OBJECTION_UPHELD, "direct marketing");
  g_autofree char *rejected = dpo_objection_outcome (DPO_OBJECTION_REJECTED, "fraud checks");

  g_assert_cmpstr (banner, ==, "Processing restricted since 6 February 2024: accuracy contested");
  g_assert_true (g_str_has_prefix (upheld, "Objection upheld: the processing"));
  g_assert_nonnull (strstr (upheld, "stops"));
  g_assert_nonnull (strstr (upheld, "Reason: direct marketing"));
  g_assert_true (g_str_has_prefix (rejected, "Objection rejected: compelling legitimate grounds"));
  g_assert_nonnull (strstr (rejected, "Reason: fraud checks"));
}

/* Without its reason a restriction changes nothing; with it the person is
 * restricted from the as-of day and the request answered, both audited. */
static void
test_restriction_carried_out (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoSubject) subject = NULL;
  g_autoptr(DpoRequest) request = NULL;
  g_autofree char *outcome = NULL;
  DpoCarryOutInput blank = { NULL, "   " };
  DpoCarryOutInput input = { NULL, " The person contests the accuracy of their address " };
  gint64 before = audit_count (path);

  g_assert_false (dpo_request_execute (store, "R-1", NULL, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "needs its reason"));
  g_clear_error (&error);
  g_assert_false (dpo_request_execute_with_input (store, "R-1", NULL, &blank, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  assert_request (store, "R-1", "received");
  g_assert_cmpint (audit_count (path), ==, before);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM subjects WHERE restricted_since "
                                             "IS NOT NULL"), ==, 0);

  g_assert_true (dpo_request_execute_with_input (store, "R-1", NULL, &input, &outcome, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (outcome, "restricted since 6 February 2024"));
  g_assert_nonnull (strstr (outcome, "Reason: The person contests the accuracy of their address"));

  subject = dpo_store_get_subject (store, "S-1", &error);
  g_assert_no_error (error);
  g_assert_true (dpo_subject_is_restricted (subject));
  g_assert_cmpstr (subject->restricted_since, ==, "2024-02-06");
  g_assert_cmpstr (subject->restriction_reason, ==, "The person contests the accuracy of their address");

  request = dpo_store_get_request (store, "R-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (request->status, ==, "answered");
  g_assert_cmpstr (request->outcome, ==, outcome);
  g_assert_nonnull (request->answered_at);
  /* Every request of the person knows it (the request view's banner). */
  g_clear_pointer (&request, dpo_request_free);
  request = dpo_store_get_request (store, "R-4", &error);
  g_assert_cmpstr (request->subject_restricted_since, ==, "2024-02-06");
  g_assert_cmpstr (request->subject_restriction_reason, ==, subject->restriction_reason);

  g_assert_cmpint (dpo_test_query_int (path, dpo_test_engine_is_server ()
                                             ? "SELECT count(*) FROM audit WHERE entity = 'subject' "
                                               "AND record = 'S-1' AND action = 'update' AND "
                                               "changes::jsonb #>> '{restricted,1,since}' = "
                                               "'2024-02-06' AND changes::jsonb #>> '{request}' "
                                               "= 'R-1'"
                                             : "SELECT count(*) FROM audit WHERE entity = 'subject' "
                                               "AND record = 'S-1' AND action = 'update' AND "
                                               "json_extract (changes, '$.restricted[1].since') = "
                                               "'2024-02-06' AND json_extract (changes, '$.request') "
                                               "= 'R-1'"), ==, 1);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'request' "
                                             "AND record = 'R-1' AND action = 'execute'"), ==, 1);
}

/* Saving the person's fields from an older copy does not undo a restriction. */
static void
test_restriction_survives_save (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoSubject) stale = dpo_store_get_subject (store, "S-1", NULL);
  g_autoptr(DpoSubject) subject = NULL;
  DpoCarryOutInput input = { NULL, "Unlawful processing; the person opposes erasure" };

  g_assert_true (dpo_request_execute_with_input (store, "R-1", NULL, &input, NULL, &error));
  g_free (stale->email);
  stale->email = g_strdup ("claire@example.org");
  g_assert_true (dpo_store_save_subject (store, stale, &error));
  g_assert_no_error (error);
  subject = dpo_store_get_subject (store, "S-1", &error);
  g_assert_cmpstr (subject->email, ==, "claire@example.org");
  g_assert_cmpstr (subject->restricted_since, ==, "2024-02-06");
}

static void
test_restriction_lifted (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoSubject) subject = NULL;
  DpoCarryOutInput input = { NULL, "Accuracy contested" };

  g_assert_false (dpo_store_lift_restriction (store, "S-1", &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not restricted"));
  g_clear_error (&error);
  g_assert_false (dpo_store_lift_restriction (store, "S-404", &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (dpo_request_execute_with_input (store, "R-1", NULL, &input, NULL, &error));
  g_assert_true (dpo_store_lift_restriction (store, "S-1", &error));
  g_assert_no_error (error);
  subject = dpo_store_get_subject (store, "S-1", &error);
  g_assert_false (dpo_subject_is_restricted (subject));
  g_assert_null (subject->restriction_reason);
  g_assert_cmpint (dpo_test_query_int (path, dpo_test_engine_is_server ()
                                             ? "SELECT count(*) FROM audit WHERE entity = 'subject' "
                                               "AND record = 'S-1' AND action = 'update' AND "
                                               "changes::jsonb #>> '{restricted,0,reason}' = "
                                               "'Accuracy contested' AND jsonb_typeof (changes::jsonb "
                                               "#> '{restricted,1}') = 'null'"
                                             : "SELECT count(*) FROM audit WHERE entity = 'subject' "
                                               "AND record = 'S-1' AND action = 'update' AND "
                                               "json_extract (changes, '$.restricted[0].reason') = "
                                               "'Accuracy contested' AND json_type (changes, "
                                               "'$.restricted[1]') = 'null'"), ==, 1);
}

static void
test_objection_carried_out (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoRequest) upheld = NULL;
  g_autoptr(DpoRequest) rejected = NULL;
  DpoCarryOutInput no_decision = { NULL, "because" };
  DpoCarryOutInput bad_decision = { "maybe", "because" };
  DpoCarryOutInput no_reason = { "upheld", NULL };
  DpoCarryOutInput uphold = { "upheld", "Direct marketing: the person objects, so it stops" };
  DpoCarryOutInput reject = { "rejected", "Fraud detection is needed to protect the members" };
  DpoCarryOutInput reason_for_access = { NULL, "no" };
  gint64 before = audit_count (path);

  g_assert_false (dpo_request_execute_with_input (store, "R-2", NULL, &no_decision, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "needs the decision"));
  g_clear_error (&error);
  g_assert_false (dpo_request_execute_with_input (store, "R-2", NULL, &bad_decision, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dpo_request_execute_with_input (store, "R-2", NULL, &no_reason, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "needs its reason"));
  g_clear_error (&error);
  /* A reason given to a request of another kind is a mistake, said so. */
  g_assert_false (dpo_request_execute_with_input (store, "R-4", NULL, &reason_for_access, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  assert_request (store, "R-2", "received");
  g_assert_cmpint (audit_count (path), ==, before);

  g_assert_true (dpo_request_execute_with_input (store, "R-2", NULL, &uphold, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dpo_request_execute_with_input (store, "R-3", NULL, &reject, NULL, &error));
  g_assert_no_error (error);

  upheld = dpo_store_get_request (store, "R-2", &error);
  g_assert_cmpstr (upheld->status, ==, "answered");
  g_assert_cmpint (dpo_request_get_decision (upheld), ==, DPO_OBJECTION_UPHELD);
  g_assert_cmpstr (upheld->decision_reason, ==, uphold.reason);
  g_assert_true (g_str_has_prefix (upheld->outcome, "Objection upheld"));
  g_assert_nonnull (strstr (upheld->outcome, uphold.reason));
  rejected = dpo_store_get_request (store, "R-3", &error);
  g_assert_cmpstr (rejected->status, ==, "answered");
  g_assert_cmpint (dpo_request_get_decision (rejected), ==, DPO_OBJECTION_REJECTED);
  g_assert_true (g_str_has_prefix (rejected->outcome, "Objection rejected: compelling legitimate"));
  g_assert_nonnull (strstr (rejected->outcome, reject.reason));
  g_assert_cmpint (dpo_test_query_int (path, dpo_test_engine_is_server ()
                                             ? "SELECT count(*) FROM audit WHERE entity = 'request' "
                                               "AND record = 'R-3' AND action = 'execute' AND "
                                               "changes::jsonb #>> '{decision,1}' = 'rejected'"
                                             : "SELECT count(*) FROM audit WHERE entity = 'request' "
                                               "AND record = 'R-3' AND action = 'execute' AND "
                                               "json_extract (changes, '$.decision[1]') = 'rejected'"),
                   ==, 1);

  /* Not carried out twice. */
  g_assert_false (dpo_request_execute_with_input (store, "R-3", NULL, &uphold, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_ALREADY_DONE);
  g_clear_error (&error);

  /* The decision stays with an objection: the editor cannot change its kind. */
  dpo_request_set_kind (rejected, DPO_REQUEST_ACCESS);
  g_assert_false (dpo_store_save_request (store, rejected, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "decision on the objection is recorded"));
}

/* The database holds the rule too: only an objection has a decision. */
static void
test_decision_check (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = new_store (&path);
  sqlite3 *db = NULL;

  if (dpo_test_engine_is_server ())
    {
      g_autofree char *state = NULL;

      /* 23514: a CHECK constraint of the server's. */
      g_assert_false (dpo_test_server_try_exec (path, "UPDATE requests SET decision = 'upheld' "
                                                      "WHERE id = 'R-1'", &state, NULL));
      g_assert_cmpstr (state, ==, "23514");
      g_clear_pointer (&state, g_free);
      g_assert_false (dpo_test_server_try_exec (path, "UPDATE requests SET decision = 'maybe' "
                                                      "WHERE id = 'R-2'", &state, NULL));
      g_assert_cmpstr (state, ==, "23514");
      g_assert_true (dpo_test_server_try_exec (path, "UPDATE requests SET decision = 'upheld' "
                                                     "WHERE id = 'R-2'", NULL, NULL));
      return;
    }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE requests SET decision = 'upheld' WHERE id = 'R-1'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE requests SET decision = 'maybe' WHERE id = 'R-2'",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE requests SET decision = 'upheld' WHERE id = 'R-2'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* export -> import -> export gives the same document, restriction and
 * decision included. */
static void
test_json_round_trip (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = new_store (&path);
  g_autoptr(DpoStore) copy = dpo_test_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  DpoCarryOutInput restrict_input = { NULL, "Accuracy contested" };
  DpoCarryOutInput reject = { "rejected", "Fraud checks" };

  g_assert_true (dpo_request_execute_with_input (store, "R-1", NULL, &restrict_input, NULL, &error));
  g_assert_true (dpo_request_execute_with_input (store, "R-3", NULL, &reject, NULL, &error));
  first = dpo_test_export (store, "2024-02-06");
  g_assert_nonnull (strstr (first, "\"restricted\" : {\n        \"since\" : \"2024-02-06\",\n"
                                   "        \"reason\" : \"Accuracy contested\""));
  g_assert_nonnull (strstr (first, "\"decision\" : \"rejected\""));
  g_assert_nonnull (strstr (first, "\"decision_reason\" : \"Fraud checks\""));

  bytes = g_bytes_new (first, strlen (first));
  g_assert_true (dpo_import_bytes (copy, bytes, "export", NULL, &error));
  g_assert_no_error (error);
  second = dpo_test_export (copy, "2024-02-06");
  g_assert_cmpstr (first, ==, second);
}

static void
assert_import_fails (const char *subject_extra,
                     const char *request_extra,
                     const char *words)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf (
    "{\"format\": \"dpo-workbench\", \"version\": 1,"
    " \"subjects\": [{\"id\": \"S-1\", \"last_name\": \"M\", \"first_name\": \"C\"%s}],"
    " \"requests\": [{\"id\": \"R-1\", \"subject\": \"S-1\", \"received_at\": "
    "\"2024-02-01T09:00:00+01:00\"%s}]}", subject_extra, request_extra);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  g_assert_false (dpo_import_bytes (store, bytes, "bad.json", NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpuint (dpo_store_count_subjects (store), ==, 0);
}

static void
test_json_bad_input (void)
{
  assert_import_fails (", \"restricted\": {\"reason\": \"x\"}", ", \"kind\": \"access\"",
                       "subjects[0].restricted.since");
  assert_import_fails (", \"restricted\": {\"since\": \"2024-02-30\", \"reason\": \"x\"}",
                       ", \"kind\": \"access\"", "subjects[0].restricted.since");
  assert_import_fails (", \"restricted\": {\"since\": \"2024-02-06\"}", ", \"kind\": \"access\"",
                       "subjects[0].restricted.reason");
  assert_import_fails ("", ", \"kind\": \"access\", \"decision\": \"upheld\", \"decision_reason\": \"x\"",
                       "requests[0].decision");
  assert_import_fails ("", ", \"kind\": \"objection\", \"decision\": \"perhaps\", \"decision_reason\": \"x\"",
                       "requests[0].decision");
  assert_import_fails ("", ", \"kind\": \"objection\", \"decision\": \"upheld\"",
                       "requests[0].decision_reason");
  assert_import_fails ("", ", \"kind\": \"objection\", \"decision_reason\": \"x\"",
                       "requests[0].decision");
}

static int
run_dpo (const char * const  *args,
         char               **out,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("DPO_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = new_store (&path);
  g_autofree char *out = NULL, *err = NULL;
  gint64 before;

  g_clear_object (&store);
  before = audit_count (path);
#define DPO(...) run_dpo ((const char *[]) { "--database", path, "--as-of", "2024-02-06", __VA_ARGS__, NULL }, &out, &err)
  g_assert_cmpint (DPO ("execute", "R-1"), ==, 1);
  g_assert_nonnull (strstr (err, "needs its reason"));
  g_assert_cmpint (DPO ("execute", "R-2", "--reason", "x"), ==, 1);
  g_assert_nonnull (strstr (err, "needs the decision"));
  g_assert_cmpint (DPO ("execute", "R-2", "--decision", "upheld"), ==, 1);
  g_assert_nonnull (strstr (err, "needs its reason"));
  g_assert_cmpint (DPO ("execute", "R-2", "--decision", "perhaps", "--reason", "x"), ==, 1);
  g_assert_cmpint (DPO ("execute", "R-1", "--decision", "upheld", "--reason", "x"), ==, 1);
  g_assert_nonnull (strstr (err, "Only an objection takes a decision"));
  g_assert_cmpint (DPO ("restriction", "lift", "S-1"), ==, 1);
  g_assert_nonnull (strstr (err, "not restricted"));
  g_assert_cmpint (audit_count (path), ==, before);

  g_assert_cmpint (DPO ("execute", "R-1", "--reason", "Accuracy contested"), ==, 0);
  g_assert_true (g_str_has_prefix (out, "R-1: Processing of the person’s data has been restricted since "
                                        "6 February 2024"));
  g_assert_cmpint (DPO ("execute", "R-2", "--decision", "upheld", "--reason", "Marketing stops"), ==, 0);
  g_assert_true (g_str_has_prefix (out, "R-2: Objection upheld"));
  g_assert_cmpint (DPO ("execute", "R-3", "--decision", "rejected", "--reason", "Fraud checks"), ==, 0);
  g_assert_true (g_str_has_prefix (out, "R-3: Objection rejected"));
  g_assert_cmpint (DPO ("restriction", "lift", "S-1"), ==, 0);
  g_assert_nonnull (strstr (out, "informed"));
  g_assert_nonnull (strstr (out, "Art. 18(3)"));
  g_assert_cmpint (DPO ("restriction", "lift", "S-404"), ==, 1);
  g_assert_cmpint (DPO ("restriction", "remove", "S-1"), ==, 1);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM subjects WHERE restricted_since "
                                             "IS NOT NULL"), ==, 0);
  g_assert_cmpint (DPO ("audit", "verify"), ==, 0);
#undef DPO
}

/* The workbook's Requests sheet says which person is restricted, read back
 * by an independent reader (openpyxl). */
static void
test_workbook (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = new_store (&path);
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *book = g_build_filename (dir, "registers.xlsx", NULL);
  g_autofree char *out = NULL, *err = NULL;
  DpoCarryOutInput input = { NULL, "Accuracy contested" };
  const char *script =
    "import sys, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1])['Requests']\n"
    "head = [c.value for c in ws[1]]\n"
    "col = head.index('Restricted')\n"
    "assert head.index('Outcome') < col, head\n"
    "for row in ws.iter_rows(min_row=2, values_only=True):\n"
    "    print(row[0], row[col])\n";

  g_assert_true (dpo_request_execute_with_input (store, "R-1", NULL, &input, NULL, NULL));
  g_clear_object (&store);
  g_assert_cmpint (run_dpo ((const char *[]) { "--database", path, "--as-of", "2024-02-06",
                                               "export-registers", book, NULL }, &out, &err), ==, 0);
  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3");
      return;
    }
  {
    const char *argv[] = { "/usr/bin/python3", "-c", script, book, NULL };
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_test_message ("%s%s", out, err);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    g_assert_nonnull (strstr (out, "R-4 Processing restricted since 6 February 2024: Accuracy contested\n"));
    g_assert_nonnull (strstr (out, "R-1 Processing restricted since 6 February 2024: Accuracy contested\n"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restriction/plain-words", test_plain_words);
  g_test_add_func ("/restriction/carried-out", test_restriction_carried_out);
  g_test_add_func ("/restriction/survives-save", test_restriction_survives_save);
  g_test_add_func ("/restriction/lifted", test_restriction_lifted);
  g_test_add_func ("/objection/carried-out", test_objection_carried_out);
  g_test_add_func ("/objection/database-check", test_decision_check);
  g_test_add_func ("/restriction/json-round-trip", test_json_round_trip);
  g_test_add_func ("/restriction/json-bad-input", test_json_bad_input);
  g_test_add_func ("/restriction/cli", test_cli);
  g_test_add_func ("/restriction/workbook", test_workbook);

  return g_test_run ();
}
