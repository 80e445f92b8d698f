/* test-letters.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Request letters (issue 12, item 1): which letter fits which state of a
 * request (one rule), the letters' history in the store with its audit
 * entries, what an access answer reads about a person, the templates the
 * DPO edits, and the organisation's "processing" (Art. 15) in the store
 * and the JSON interchange. */

#include <string.h>

#include "dpo-error.h"
#include "dpo-import.h"
#include "dpo-letter-kinds.h"
#include "dpo-request-execute.h"
#include "dpo-store-letters.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"

static GDateTime *
end_of (const char *day)
{
  GDate date;

  g_assert_true (dpo_date_parse (day, &date, NULL));
  return dpo_time_end_of_local_day (&date);
}

static DpoRequest *
request_received (const char *received_at)
{
  DpoRequest *request = dpo_request_new ();

  request->id = g_strdup ("R-1");
  request->kind = g_strdup ("access");
  request->status = g_strdup ("received");
  request->received_at = dpo_time_parse (received_at, NULL);
  g_assert_nonnull (request->received_at);
  return request;
}

static void
assert_fits (DpoLetterKind     kind,
             const DpoRequest *request,
             const char       *day,
             const char       *message_part)
{
  g_autoptr(GDateTime) now = end_of (day);
  g_autoptr(GError) error = NULL;
  gboolean fits = dpo_letter_kind_fits (kind, request, now, FALSE, &error);

  if (message_part == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (fits);
      return;
    }
  g_assert_false (fits);
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_test_message ("%s: %s", dpo_letter_kind_to_word (kind), error->message);
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_kind_words (void)
{
  DpoLetterKind kind = DPO_N_LETTER_KINDS;

  for (guint i = 0; i < DPO_N_LETTER_KINDS; i++)
    {
      g_assert_true (dpo_letter_kind_from_word (dpo_letter_kind_to_word (i), &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_nonnull (dpo_letter_kind_label (i));
    }
  g_assert_true (dpo_letter_kind_from_word ("refusal", &kind));
  g_assert_cmpint (kind, ==, DPO_LETTER_REFUSAL);
  g_assert_false (dpo_letter_kind_from_word ("Refusal", &kind));
  g_assert_false (dpo_letter_kind_from_word ("bill", &kind));
  g_assert_false (dpo_letter_kind_from_word (NULL, &kind));
}

/* Received Friday 9 February 2024: due Monday 11 March (9 March is a
 * Saturday). */
static void
test_kinds_fit_states (void)
{
  g_autoptr(DpoRequest) request = request_received ("2024-02-09T14:12:00+01:00");

  assert_fits (DPO_LETTER_ACKNOWLEDGEMENT, request, "2024-02-10", NULL);
  assert_fits (DPO_LETTER_IDENTITY, request, "2024-02-10", NULL);
  assert_fits (DPO_LETTER_REFUSAL, request, "2024-02-10", "is not refused");
  assert_fits (DPO_LETTER_ANSWER, request, "2024-02-10", "is not answered");

  request->identity_verified_at = dpo_time_parse ("2024-02-12T10:00:00+01:00", NULL);
  assert_fits (DPO_LETTER_IDENTITY, request, "2024-02-13", "already verified");

  dpo_request_set_status (request, DPO_REQUEST_ANSWERED);
  assert_fits (DPO_LETTER_ANSWER, request, "2024-03-01", NULL);
  assert_fits (DPO_LETTER_ACKNOWLEDGEMENT, request, "2024-03-01", "closed");
  assert_fits (DPO_LETTER_EXTENSION, request, "2024-03-01", "closed");
  assert_fits (DPO_LETTER_REFUSAL, request, "2024-03-01", "is not refused");

  dpo_request_set_status (request, DPO_REQUEST_REFUSED);
  assert_fits (DPO_LETTER_REFUSAL, request, "2024-03-01", NULL);
  assert_fits (DPO_LETTER_ANSWER, request, "2024-03-01", "is not answered");

  dpo_request_set_status (request, DPO_REQUEST_WITHDRAWN);
  for (guint i = 0; i < DPO_N_LETTER_KINDS; i++)
    assert_fits (i, request, "2024-03-01", "");
}

/* The extension must be notified before the one-month date, with its
 * reason; after that date it is refused, naming the date. */
static void
test_extension (void)
{
  g_autoptr(DpoRequest) request = request_received ("2024-02-09T14:12:00+01:00");

  assert_fits (DPO_LETTER_EXTENSION, request, "2024-02-20", "reason");
  request->extension_reason = g_strdup ("Many requests after the breach");
  assert_fits (DPO_LETTER_EXTENSION, request, "2024-02-20", NULL);
  /* The due date itself (a Monday) still fits; the day after does not. */
  assert_fits (DPO_LETTER_EXTENSION, request, "2024-03-11", NULL);
  assert_fits (DPO_LETTER_EXTENSION, request, "2024-03-12", "notified before 11 Mar");

  request->extension_notified_at = dpo_time_parse ("2024-02-20T10:00:00+01:00", NULL);
  assert_fits (DPO_LETTER_EXTENSION, request, "2024-02-21", "already extended");
}

static void
test_history (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-02-20", &path);
  g_autoptr(GDateTime) at = dpo_time_parse ("2024-02-20T10:30:00+01:00", NULL);
  g_autoptr(GDateTime) later = dpo_time_parse ("2024-02-21T09:00:00+01:00", NULL);
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GError) error = NULL;
  const char *both[] = { "R-2024-0001", "R-2024-0002", NULL };
  const char *unknown[] = { "R-2024-0001", "R-9999", NULL };
  DpoLetterRecord *record;
  gint64 audit_before;

  g_assert_true (dpo_store_record_letters (store, both, "acknowledgement", at, &error));
  g_assert_no_error (error);
  g_assert_true (dpo_store_record_letters (store, both + 1, "identity", later, &error));
  g_assert_no_error (error);

  letters = dpo_store_list_request_letters (store, "R-2024-0002", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (letters->len, ==, 2);
  record = g_ptr_array_index (letters, 0);
  g_assert_cmpstr (record->kind, ==, "acknowledgement");
  g_assert_true (g_date_time_equal (record->produced_at, at));
  record = g_ptr_array_index (letters, 1);
  g_assert_cmpstr (record->kind, ==, "identity");
  g_clear_pointer (&letters, g_ptr_array_unref);
  letters = dpo_store_list_request_letters (store, "R-2024-0001", &error);
  g_assert_cmpuint (letters->len, ==, 1);

  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'request_letter' "
                                             "AND action = 'insert'"), ==, 3);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE record = "
                                             "'R-2024-0002' AND action = 'insert' AND "
                                             "json_extract (changes, '$.letter') = 'identity'"), ==, 1);

  /* All or nothing. */
  audit_before = dpo_test_query_int (path, "SELECT count(*) FROM audit");
  g_assert_false (dpo_store_record_letters (store, unknown, "refusal", later, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM request_letters"), ==, 3);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit"), ==, audit_before);
}

static void
test_person_reads (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-02-20", &path);
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(GError) error = NULL;

  requests = dpo_store_list_subject_requests (store, "S-0002", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, >=, 1);
  for (guint i = 0; i < requests->len; i++)
    g_assert_cmpstr (((DpoRequest *) g_ptr_array_index (requests, i))->subject_id, ==, "S-0002");

  incidents = dpo_store_list_subject_incidents (store, "S-0002", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (incidents->len, ==, 0);
  g_clear_pointer (&incidents, g_ptr_array_unref);
  dpo_test_exec (path, "INSERT INTO affected (incident, subject, listed) SELECT i.pk, s.pk, 1 "
                       "FROM incidents i, subjects s WHERE i.id = 'INC-2024-01' AND s.id = 'S-0002'");
  incidents = dpo_store_list_subject_incidents (store, "S-0002", &error);
  g_assert_cmpuint (incidents->len, ==, 1);
  g_assert_cmpstr (((DpoIncident *) g_ptr_array_index (incidents, 0))->id, ==, "INC-2024-01");
}

static void
test_templates_store (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  g_assert_false (dpo_store_get_letter_template (store, "refusal", "fr", &subject, &body));
  g_assert_true (dpo_store_set_letter_template (store, "refusal", "fr", "Objet", "Corps {{name}}",
                                                &error));
  g_assert_no_error (error);
  g_assert_true (dpo_store_get_letter_template (store, "refusal", "fr", &subject, &body));
  g_assert_cmpstr (subject, ==, "Objet");
  g_assert_cmpstr (body, ==, "Corps {{name}}");
  g_assert_true (dpo_store_set_letter_template (store, "refusal", "fr", NULL, NULL, &error));
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);
  g_assert_false (dpo_store_get_letter_template (store, "refusal", "fr", &subject, &body));
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = "
                                             "'letter_template' AND record = 'refusal.fr'"), ==, 2);
}

static const char PROCESSING[] =
  "{\"format\": \"dpo-workbench\", \"version\": 1, \"organisation\": {\"name\": \"M\", "
  "\"processing\": {\"purposes\": \"Health insurance contracts\", \"recipients\": "
  "\"Third-party payment operators\", \"retention\": \"5 years after the contract ends\", "
  "\"source\": \"The member, the employer\"}}}";

static void
test_processing_interchange (void)
{
  g_autoptr(DpoStore) store = dpo_test_new_store (NULL);
  g_autoptr(DpoStore) second = dpo_test_new_store (NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static (PROCESSING, strlen (PROCESSING));
  g_autoptr(GBytes) wrong = NULL;
  g_autoptr(DpoOrganisation) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  g_assert_true (dpo_import_bytes (store, bytes, "p.json", NULL, &error));
  g_assert_no_error (error);
  read = dpo_store_get_organisation (store);
  g_assert_cmpstr (read->purposes, ==, "Health insurance contracts");
  g_assert_cmpstr (read->recipients, ==, "Third-party payment operators");
  g_assert_cmpstr (read->retention, ==, "5 years after the contract ends");
  g_assert_cmpstr (read->source, ==, "The member, the employer");

  text = dpo_test_export (store, "2024-02-20");
  g_assert_nonnull (strstr (text, "\"processing\""));
  g_assert_nonnull (strstr (text, "\"retention\" : \"5 years after the contract ends\""));
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (text, strlen (text));
  g_assert_true (dpo_import_bytes (second, bytes, "again.json", NULL, &error));
  g_assert_no_error (error);
  again = dpo_test_export (second, "2024-02-20");
  g_assert_cmpstr (again, ==, text);

  wrong = g_bytes_new_static ("{\"format\": \"dpo-workbench\", \"version\": 1, \"organisation\": "
                              "{\"processing\": {\"source\": 3}}}", 88);
  g_assert_false (dpo_import_bytes (dpo_test_new_store (NULL), wrong, "w.json", NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "organisation.processing.source"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/letters/kind-words", test_kind_words);
  g_test_add_func ("/letters/kinds-fit-states", test_kinds_fit_states);
  g_test_add_func ("/letters/extension", test_extension);
  g_test_add_func ("/letters/history", test_history);
  g_test_add_func ("/letters/person-reads", test_person_reads);
  g_test_add_func ("/letters/templates-store", test_templates_store);
  g_test_add_func ("/letters/processing-interchange", test_processing_interchange);

  return g_test_run ();
}
