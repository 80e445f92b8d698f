/* test-requests.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "dpo-deadlines.h"
#include "dpo-store-deadlines.h"
#include "dpo-error.h"
#include "dpo-request-execute.h"
#include "dpo-import.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"

static void
assert_unchanged (DpoStore   *store,
                  const char *before)
{
  g_autofree char *after = dpo_test_export (store, "2024-03-01");

  g_assert_cmpstr (before, ==, after);
}

static void
test_erasure_refused_with_active_contract (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoRequest) request = NULL;
  g_autoptr(DpoSubject) subject = NULL;

  g_assert_false (dpo_request_execute (store, "R-2024-0002", NULL, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT);
  g_assert_nonnull (strstr (error->message, "Claire Martin"));
  g_assert_nonnull (strstr (error->message, "CT-2019-0042"));
  g_assert_nonnull (strstr (error->message, "nothing was deleted"));
  g_clear_error (&error);

  /* Nothing deleted, the refusal recorded with its ground. */
  subject = dpo_store_get_subject (store, "S-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subject->contracts->len, ==, 1);
  request = dpo_store_get_request (store, "R-2024-0002", &error);
  g_assert_cmpstr (request->status, ==, "refused");
  g_assert_nonnull (strstr (request->refusal_ground, "CT-2019-0042"));
  g_assert_nonnull (request->answered_at);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'request' "
                                             "AND record = 'R-2024-0002' AND action = 'execute'"), ==, 1);
}

static void
test_erasure_of_future_contract_refused (void)
{
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-02-15", NULL);
  g_autoptr(DpoRequest) request = dpo_request_new ();
  g_autoptr(GError) error = NULL;

  /* S-0005's contract starts on 1 March 2024: not started yet is active too. */
  request->id = g_strdup ("R-X");
  request->subject_id = g_strdup ("S-0005");
  request->kind = g_strdup ("erasure");
  request->received_at = dpo_time_parse ("2024-02-10T10:00:00+01:00", NULL);
  g_assert_true (dpo_store_save_request (store, request, &error));
  g_assert_no_error (error);

  g_assert_false (dpo_request_execute (store, "R-X", NULL, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT);
}

static void
test_erasure_deletes_person (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoRequest) request = NULL;
  g_autoptr(DpoSubject) subject = NULL;
  g_autofree char *outcome = NULL;

  /* S-0002's contract ended on 31 December 2023. */
  g_assert_true (dpo_request_execute (store, "R-2024-0003", NULL, &outcome, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (outcome, "erased"));

  subject = dpo_store_get_subject (store, "S-0002", &error);
  g_assert_null (subject);
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM contracts WHERE number = 'CT-2012-0911'"), ==, 0);

  request = dpo_store_get_request (store, "R-2024-0003", &error);
  g_assert_null (request->subject_id);
  g_assert_cmpstr (request->status, ==, "answered");
  /* The log keeps that it happened, not who it was. */
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE changes LIKE '%Bernard%'"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'subject' "
                                             "AND record = 'S-0002' AND action = 'delete'"), ==, 1);
}

static void
test_rectification_applies_changes (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoSubject) subject = NULL;

  g_assert_true (dpo_request_execute (store, "R-2024-0004", NULL, NULL, &error));
  g_assert_no_error (error);
  subject = dpo_store_get_subject (store, "S-0003", &error);
  g_assert_cmpstr (subject->email, ==, "sophie.lefevre@example.org");
  /* The audit log keeps old -> new (read with each engine's JSON functions). */
  g_assert_cmpint (dpo_test_query_int (path, dpo_test_engine_is_server ()
                     ? "SELECT count(*) FROM audit WHERE entity = 'subject' AND record = 'S-0003' "
                       "AND changes::json -> 'email' ->> 0 = 's.lefevre@example.org' "
                       "AND changes::json -> 'email' ->> 1 = 'sophie.lefevre@example.org'"
                     : "SELECT count(*) FROM audit WHERE entity = 'subject' AND record = 'S-0003' "
                       "AND json_extract (changes, '$.email[0]') = 's.lefevre@example.org' "
                       "AND json_extract (changes, '$.email[1]') = 'sophie.lefevre@example.org'"), ==, 1);
}

static void
test_access_writes_file (void)
{
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", NULL);
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *out = g_build_filename (dir, "access.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (dpo_request_execute (store, "R-2024-0001", file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "278047505612374"));
  g_assert_nonnull (strstr (contents, "CT-2019-0042"));
  g_assert_nonnull (strstr (contents, "R-2024-0002"));
}

static void
test_bad_executions (void)
{
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", NULL);
  g_autofree char *before = dpo_test_export (store, "2024-03-01");
  g_autoptr(GError) error = NULL;

  dpo_store_set_now (store, NULL);
  g_assert_false (dpo_request_execute (store, "R-404", NULL, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "R-404"));
  g_clear_error (&error);

  /* Access without a file to write to. */
  g_assert_false (dpo_request_execute (store, "R-2024-0001", NULL, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  assert_unchanged (store, before);
}

static void
test_execute_twice (void)
{
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", NULL);
  g_autofree char *between = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dpo_request_execute (store, "R-2024-0004", NULL, NULL, &error));
  between = dpo_test_export (store, "2024-03-01");
  g_assert_false (dpo_request_execute (store, "R-2024-0004", NULL, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_ALREADY_DONE);
  g_assert_nonnull (strstr (error->message, "not carried out again"));
  assert_unchanged (store, between);
}

static DpoRequest *
stored_request (DpoStore   *store,
                const char *id)
{
  g_autoptr(GError) error = NULL;
  DpoRequest *request = dpo_store_get_request (store, id, &error);

  g_assert_no_error (error);
  return request;
}

static void
assert_save_refused (DpoStore   *store,
                     DpoRequest *request,
                     const char *needle)
{
  g_autofree char *before = dpo_test_export (store, "2024-03-01");
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_store_save_request (store, request, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, error->message);
  assert_unchanged (store, before);
}

static void
test_bad_request_edits (void)
{
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", NULL);
  g_autoptr(DpoRequest) request = NULL;

  request = stored_request (store, "R-2024-0004");
  g_free (request->changes);
  request->changes = g_strdup ("{\"salary\": \"3000\"}");
  assert_save_refused (store, request, "salary");
  g_clear_pointer (&request, dpo_request_free);

  request = stored_request (store, "R-2024-0004");
  g_free (request->changes);
  request->changes = g_strdup ("{\"nir\": \"290071305540485\"}");
  assert_save_refused (store, request, "NIR");
  g_clear_pointer (&request, dpo_request_free);

  /* Received 9 February: due 11 March; an extension notified on 12 March is too late. */
  request = stored_request (store, "R-2024-0001");
  request->extension_reason = g_strdup ("Complex request");
  request->extension_notified_at = dpo_time_parse ("2024-03-12T09:00:00+01:00", NULL);
  assert_save_refused (store, request, "2024-03-11");
  g_clear_pointer (&request, dpo_request_free);

  request = stored_request (store, "R-2024-0001");
  g_free (request->status);
  request->status = g_strdup ("answered");
  request->answered_at = dpo_time_parse ("2024-02-01T09:00:00+01:00", NULL);
  assert_save_refused (store, request, "before the request was received");
}

static void
test_extension_moves_due_date (void)
{
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", NULL);
  g_autoptr(DpoRequest) request = stored_request (store, "R-2024-0001");
  g_autoptr(GError) error = NULL;
  guint overdue, soon;

  request->extension_reason = g_strdup ("Many requests after the breach");
  request->extension_notified_at = dpo_time_parse ("2024-03-11T09:00:00+01:00", NULL);
  g_assert_true (dpo_store_save_request (store, request, &error));
  g_assert_no_error (error);

  /* Three months from 9 February: 9 May 2024 is Ascension Day, so 10 May. */
  {
    g_autoptr(GDateTime) now = dpo_time_parse ("2024-05-09T23:00:00+02:00", NULL);
    dpo_store_set_now (store, now);
  }
  dpo_store_count_due (store, 7, &overdue, &soon);
  /* R-0001 (10 May) is due soon; R-0002..R-0005 (March, 30 April) are overdue. */
  g_assert_cmpuint (overdue, ==, 4);
  g_assert_cmpuint (soon, ==, 1);
}

typedef struct
{
  GString *order;
} Collected;

static gboolean
collect (const DpoDeadline *deadline,
         gpointer           user_data)
{
  GString *order = user_data;

  g_string_append_printf (order, "%s%s%s", order->len ? " " : "", deadline->id,
                          deadline->overdue ? "!" : "");
  return TRUE;
}

static void
test_deadlines_order (void)
{
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-12", NULL);
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(DpoIncident) incident = dpo_incident_new ();
  g_autoptr(GError) error = NULL;

  /* A new incident whose CNIL clock runs out on 13 March 2024 at 10:00. */
  incident->id = g_strdup ("INC-2024-02");
  incident->title = g_strdup ("Courriel envoyé au mauvais destinataire");
  incident->natures = g_strsplit ("confidentiality", ",", -1);
  incident->aware_at = dpo_time_parse ("2024-03-10T10:00:00+01:00", NULL);
  incident->risk = g_strdup ("risk");
  g_assert_true (dpo_store_save_incident (store, incident, &error));
  g_assert_no_error (error);

  dpo_deadlines_foreach (store, collect, order);
  g_assert_cmpstr (order->str, ==,
                   "R-2024-0001! R-2024-0002 R-2024-0003 INC-2024-02 R-2024-0004 R-2024-0005");
}

static void
test_alsace_moselle_recomputes (void)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(DpoRequest) request = dpo_request_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(GDateTime) now = dpo_time_parse ("2024-03-28T12:00:00+01:00", NULL);
  guint overdue, soon;

  /* Received 29 February 2024: due Friday 29 March, Good Friday in Alsace-Moselle. */
  request->id = g_strdup ("R-A");
  request->requester_name = g_strdup ("Jean Schmitt");
  request->kind = g_strdup ("access");
  request->received_at = dpo_time_parse ("2024-02-29T10:00:00+01:00", NULL);
  g_assert_true (dpo_store_save_request (store, request, &error));
  dpo_store_set_now (store, now);

  dpo_store_count_due (store, 1, &overdue, &soon);
  g_assert_cmpuint (soon, ==, 1);
  g_assert_true (dpo_store_set_alsace_moselle (store, TRUE, &error));
  g_assert_no_error (error);
  /* Then Easter Monday 1 April: due Tuesday 2 April, beyond tomorrow. */
  dpo_store_count_due (store, 1, &overdue, &soon);
  g_assert_cmpuint (soon, ==, 0);
  dpo_store_count_due (store, 5, &overdue, &soon);
  g_assert_cmpuint (soon, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/requests/erasure-refused-active-contract", test_erasure_refused_with_active_contract);
  g_test_add_func ("/requests/erasure-refused-future-contract", test_erasure_of_future_contract_refused);
  g_test_add_func ("/requests/erasure-deletes-person", test_erasure_deletes_person);
  g_test_add_func ("/requests/rectification", test_rectification_applies_changes);
  g_test_add_func ("/requests/access-file", test_access_writes_file);
  g_test_add_func ("/requests/bad-executions", test_bad_executions);
  g_test_add_func ("/requests/execute-twice", test_execute_twice);
  g_test_add_func ("/requests/bad-edits", test_bad_request_edits);
  g_test_add_func ("/requests/extension", test_extension_moves_due_date);
  g_test_add_func ("/requests/deadlines-order", test_deadlines_order);
  g_test_add_func ("/requests/alsace-moselle", test_alsace_moselle_recomputes);

  return g_test_run ();
}
