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

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "dpo-carry-out-decision.h"
#include "dpo-error.h"
#include "dpo-import.h"
#include "dpo-letter-kinds.h"
#include "dpo-request-execute.h"
#include "dpo-request-letter-write.h"
#include "dpo-request-letter.h"
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
  g_assert_cmpint (dpo_test_query_int (path, dpo_test_engine_is_server ()
                                             ? "SELECT count(*) FROM audit WHERE record = "
                                               "'R-2024-0002' AND action = 'insert' AND "
                                               "changes::jsonb #>> '{letter}' = 'identity'"
                                             : "SELECT count(*) FROM audit WHERE record = "
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

/* The PDFs, read back by an independent reader: poppler's pdftotext. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *flat = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  /* One line of words: the layout's line breaks do not matter here. */
  flat = g_strdelimit (g_strdup (out), "\n\f", ' ');
  {
    GString *one = g_string_new (NULL);

    for (const char *c = flat; *c != '\0'; c++)
      if (*c != ' ' || (one->len > 0 && one->str[one->len - 1] != ' '))
        g_string_append_c (one, *c);
    return g_string_free (one, FALSE);
  }
}

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in the letter: %s", part, text);
}

typedef struct
{
  char     *dir;
  char     *path;
  DpoStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = dpo_test_example_store ("2024-02-20", &f->path);
  /* On a server, the letters go to a folder of their own. */
  f->dir = dpo_test_engine_is_server () ? dpo_test_make_dir () : g_path_get_dirname (f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  dpo_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Writes one letter; returns its text, or NULL with @error set. */
static char *
write_one (Fixture        *f,
           const char     *id,
           DpoLetterKind   kind,
           const char     *name,
           GError        **error)
{
  g_autofree char *pdf = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  const char *ids[] = { id, NULL };
  guint pages = 0;

  if (!dpo_request_letters_write (f->store, ids, kind, file, &pages, error))
    {
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      return NULL;
    }
  g_assert_cmpuint (pages, >=, 1);
  return pdf_text (pdf);
}

static gint64
count_letters (Fixture *f)
{
  return dpo_test_query_int (f->path, "SELECT count(*) FROM request_letters");
}

static void
set_request (Fixture    *f,
             const char *sql)
{
  dpo_test_exec (f->path, sql);
}

static void
test_acknowledgement_identity (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ack = write_one (f, "R-2024-0001", DPO_LETTER_ACKNOWLEDGEMENT, "a.pdf", &error);
  g_autofree char *identity = NULL;

  g_assert_no_error (error);
  assert_has (ack, "Mutuelle Santé Horizon");
  assert_has (ack, "Hélène Garnier");
  assert_has (ack, "dpo@mutuelle-horizon.example");
  assert_has (ack, "Claire Martin");
  assert_has (ack, "Paris, 20 February 2024");
  assert_has (ack, "R-2024-0001");
  assert_has (ack, "received your request for access to your personal data on 9 February 2024");
  /* Received Friday 9 February: 9 March is a Saturday. */
  assert_has (ack, "by 11 March 2024 at the latest");

  identity = write_one (f, "R-2024-0001", DPO_LETTER_IDENTITY, "i.pdf", &error);
  g_assert_no_error (error);
  assert_has (identity, "copy of an identity document");
  g_assert_cmpint (count_letters (f), ==, 2);
}

static void
test_extension_letter (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "late.pdf", NULL);
  g_autoptr(GFile) late = g_file_new_for_path (pdf);
  g_autoptr(GDateTime) after = NULL;
  const char *ids[] = { "R-2024-0001", NULL };
  GDate day;

  /* No reason recorded: refused, nothing written. */
  g_assert_null (write_one (f, "R-2024-0001", DPO_LETTER_EXTENSION, "e.pdf", &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);

  set_request (f, "UPDATE requests SET extension_reason = 'Over 2,000 requests since the "
                  "breach' WHERE id = 'R-2024-0001'");
  text = write_one (f, "R-2024-0001", DPO_LETTER_EXTENSION, "e.pdf", &error);
  g_assert_no_error (error);
  assert_has (text, "Over 2,000 requests since the breach");
  assert_has (text, "by 11 March 2024");
  /* 9 May 2024 is Ascension Day. */
  assert_has (text, "by 10 May 2024 at the latest");

  /* After the one-month date: refused, naming the date; no file, no record. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 12, 3, 2024);
  after = dpo_time_end_of_local_day (&day);
  dpo_store_set_now (f->store, after);
  g_assert_false (dpo_request_letters_write (f->store, ids, DPO_LETTER_EXTENSION, late, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "must be notified before 11 Mar 2024"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_letters (f), ==, 1);
}

static void
test_refusal_letter (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* Claire Martin's contract ends on 30 June 2024: erasure is refused
   * now, possible from the day after. */
  set_request (f, "UPDATE contracts SET end_date = '2024-06-30' WHERE number = 'CT-2019-0042'");
  g_assert_null (write_one (f, "R-2024-0002", DPO_LETTER_REFUSAL, "r.pdf", &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dpo_request_execute (f->store, "R-2024-0002", NULL, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT);
  g_clear_error (&error);

  text = write_one (f, "R-2024-0002", DPO_LETTER_REFUSAL, "r.pdf", &error);
  g_assert_no_error (error);
  assert_has (text, "We cannot grant it");
  assert_has (text, "CT-2019-0042");
  assert_has (text, "Your data can be erased from 1 July 2024");
  assert_has (text, "CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07");
  assert_has (text, "judicial remedy");

  /* The erasure rule as the law allows: kept 5 years after the contract
   * ends, then a legal hold without an end. */
  g_clear_pointer (&text, g_free);
  g_assert_true (dpo_store_set_retention_years (f->store, 5, &error));
  g_assert_no_error (error);
  text = write_one (f, "R-2024-0002", DPO_LETTER_REFUSAL, "r5.pdf", &error);
  g_assert_no_error (error);
  assert_has (text, "Your data can be erased from 1 July 2029");
  g_clear_pointer (&text, g_free);
  dpo_test_exec (f->path, "INSERT INTO holds (subject, reason, note, since) SELECT pk, "
                          "'litigation', 'Court case', '2024-02-01' FROM subjects "
                          "WHERE id = 'S-0001'");
  text = write_one (f, "R-2024-0002", DPO_LETTER_REFUSAL, "rh.pdf", &error);
  g_assert_no_error (error);
  assert_has (text, "No date can be given yet");
}

static void
test_access_answer (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *json = g_build_filename (f->dir, "a.json", NULL);
  g_autoptr(GFile) output = g_file_new_for_path (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  dpo_test_exec (f->path, "INSERT INTO affected (incident, subject, listed) SELECT i.pk, s.pk, 1 "
                          "FROM incidents i, subjects s WHERE i.id = 'INC-2024-01' "
                          "AND s.id = 'S-0001'");
  g_assert_true (dpo_request_execute (f->store, "R-2024-0001", output, NULL, &error));
  g_assert_no_error (error);
  text = write_one (f, "R-2024-0001", DPO_LETTER_ANSWER, "answer.pdf", &error);
  g_assert_no_error (error);
  /* Art. 15(1) a to h. */
  assert_has (text, "Purposes of the processing: Managing your health insurance contract");
  assert_has (text, "Categories of data concerned:");
  assert_has (text, "Recipients: Our staff");
  assert_has (text, "Retention period: As long as your contract runs");
  assert_has (text, "rectify or erase your data, or to restrict their processing, and you may "
                    "object");
  assert_has (text, "Your right to complain: to the CNIL, 3 place de Fontenoy");
  assert_has (text, "Source of the data: You, your employer");
  assert_has (text, "Automated decisions: none");
  /* The data, for a reader. */
  assert_has (text, "Social security number (NIR): 2 78 04 75 056 123 74");
  assert_has (text, "Date of birth: 12 April 1978");
  assert_has (text, "CT-2019-0042, Santé collective cadres, since 1 January 2019");
  assert_has (text, "R-2024-0002, request for the erasure of your personal data, received on 12 "
                    "February 2024: in progress");
  assert_has (text, "INC-2024-01");
}

static void
test_confirmations (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rectified = NULL;
  g_autofree char *erased = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "erased.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(DpoSubject) luc = dpo_store_get_subject (f->store, "S-0002", NULL);

  g_assert_true (dpo_request_execute (f->store, "R-2024-0004", NULL, NULL, &error));
  rectified = write_one (f, "R-2024-0004", DPO_LETTER_ANSWER, "rect.pdf", &error);
  g_assert_no_error (error);
  assert_has (rectified, "your data were rectified on 20 February 2024");
  assert_has (rectified, "Rectified: Email.");

  /* Erased: no one to write to afterwards, but the letter written as it is
   * carried out goes to the person as they were. */
  g_assert_true (dpo_request_execute (f->store, "R-2024-0003", NULL, NULL, &error));
  g_assert_null (write_one (f, "R-2024-0003", DPO_LETTER_ANSWER, "late.pdf", &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (dpo_request_letter_write_to (f->store, "R-2024-0003", DPO_LETTER_ANSWER, luc,
                                              file, &error));
  g_assert_no_error (error);
  erased = pdf_text (pdf);
  assert_has (erased, "Luc Bernard");
  assert_has (erased, "were erased from our files on 20 February 2024");
}

static void
test_bad_templates_and_contact (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoOrganisation) organisation = NULL;
  g_autofree char *text = NULL;

  /* An edited template with an unknown placeholder: named, nothing written. */
  g_assert_true (dpo_store_set_letter_template (f->store, "acknowledgement", "en", "Hello",
                                                "Dear {{name}},\n\nYour {{colour}}.", &error));
  g_assert_null (write_one (f, "R-2024-0001", DPO_LETTER_ACKNOWLEDGEMENT, "t.pdf", &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "colour"));
  g_clear_error (&error);
  g_assert_false (dpo_letter_template_check ("Subject", "{{name", &error));
  g_clear_error (&error);

  /* A good edited template is used. */
  g_assert_true (dpo_store_set_letter_template (f->store, "acknowledgement", "en", "Hello",
                                                "Dear {{first_name}}, we have your request "
                                                "{{request_id}}.", &error));
  text = write_one (f, "R-2024-0001", DPO_LETTER_ACKNOWLEDGEMENT, "t.pdf", &error);
  g_assert_no_error (error);
  assert_has (text, "Dear Claire, we have your request R-2024-0001.");

  /* No DPO contact: said plainly; no file, no record. */
  organisation = dpo_store_get_organisation (f->store);
  g_clear_pointer (&organisation->dpo_email, g_free);
  g_clear_pointer (&organisation->dpo_phone, g_free);
  g_clear_pointer (&organisation->dpo_address, g_free);
  g_assert_true (dpo_store_set_organisation (f->store, organisation, &error));
  g_assert_null (write_one (f, "R-2024-0001", DPO_LETTER_ACKNOWLEDGEMENT, "n.pdf", &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Set the DPO’s contact in Preferences first"));
  g_assert_cmpint (count_letters (f), ==, 1);
}

/* The record fails after the file was committed: the file is removed. */
static void
test_no_file_without_record (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "x.pdf", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dpo_test_exec (f->path, dpo_test_engine_is_server ()
                          ? "CREATE FUNCTION refuse_letters () RETURNS trigger LANGUAGE plpgsql AS $$ "
                            "BEGIN RAISE EXCEPTION 'disk full'; END $$;"
                            "CREATE TRIGGER refuse_letters BEFORE INSERT ON request_letters "
                            "FOR EACH ROW EXECUTE FUNCTION refuse_letters ();"
                          : "CREATE TRIGGER refuse_letters BEFORE INSERT ON request_letters "
                            "BEGIN SELECT RAISE (ABORT, 'disk full'); END;");
  g_assert_null (write_one (f, "R-2024-0001", DPO_LETTER_ACKNOWLEDGEMENT, "x.pdf", &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".pdf") || strstr (name, "dpo-tmp") != NULL);
}

static int
run_dpo (const char * const *args,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("DPO_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *one = g_build_filename (f->dir, "one.pdf", NULL);
  g_autofree char *many = g_build_filename (f->dir, "many.pdf", NULL);
  g_autofree char *list = g_build_filename (f->dir, "list.txt", NULL);
  g_autofree char *answer = g_build_filename (f->dir, "answer.pdf", NULL);
  g_autofree char *json = g_build_filename (f->dir, "a.json", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  const char *misfit[] = { "--database", f->path, "--as-of", "2024-02-20", "letter",
                           "R-2024-0001", "refusal", one, NULL };
  const char *unknown[] = { "--database", f->path, "letter", "R-2024-0001", "bill", one, NULL };
  const char *ack[] = { "--database", f->path, "--as-of", "2024-02-20", "letter",
                        "R-2024-0001", "acknowledgement", one, NULL };
  const char *batch[] = { "--database", f->path, "--as-of", "2024-02-20", "letter", "--batch",
                          list, "acknowledgement", many, NULL };
  const char *execute[] = { "--database", f->path, "--as-of", "2024-02-20", "execute",
                            "R-2024-0002", "--letter", answer, NULL };
  const char *access[] = { "--database", f->path, "--as-of", "2024-02-20", "execute",
                           "R-2024-0001", "--output", json, "--letter", answer, NULL };

  g_clear_object (&f->store);
  g_assert_cmpint (run_dpo (misfit, &err), ==, 1);
  g_assert_nonnull (strstr (err, "is not refused"));
  g_assert_false (g_file_test (one, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_dpo (unknown, &err), ==, 1);
  g_assert_nonnull (strstr (err, "unknown kind"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (dpo_test_query_int (f->path, "SELECT count(*) FROM request_letters"), ==, 0);

  g_assert_cmpint (run_dpo (ack, NULL), ==, 0);
  text = pdf_text (one);
  assert_has (text, "acknowledgement of receipt");

  /* A batch: one PDF, a letter each; one misfit refuses the whole batch. */
  g_assert_true (g_file_set_contents (list, "# open requests\nR-2024-0002\n\nR-2024-0003\n"
                                            "R-2024-0004\n", -1, NULL));
  g_assert_cmpint (run_dpo (batch, NULL), ==, 0);
  g_clear_pointer (&text, g_free);
  text = pdf_text (many);
  assert_has (text, "R-2024-0002");
  assert_has (text, "Luc Bernard");
  assert_has (text, "R-2024-0004");
  g_assert_cmpint (dpo_test_query_int (f->path, "SELECT count(*) FROM request_letters"), ==, 4);
  g_assert_cmpint (dpo_test_query_int (f->path, "SELECT count(*) FROM audit WHERE entity = "
                                                "'request_letter'"), ==, 4);

  /* One unknown request in the list: nothing written, nothing recorded. */
  g_assert_true (g_file_set_contents (list, "R-2024-0004\nR-9999\n", -1, NULL));
  g_unlink (many);
  g_assert_cmpint (run_dpo (batch, &err), ==, 1);
  g_assert_nonnull (strstr (err, "R-9999"));
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (many, G_FILE_TEST_EXISTS));
  g_assert_cmpint (dpo_test_query_int (f->path, "SELECT count(*) FROM request_letters"), ==, 4);

  /* execute --letter: a refused erasure exits 3 with its refusal letter. */
  g_assert_cmpint (run_dpo (execute, NULL), ==, 3);
  g_clear_pointer (&text, g_free);
  text = pdf_text (answer);
  assert_has (text, "We cannot grant it");
  /* A contract without an end: no date can be given, and the letter says why. */
  assert_has (text, "as long as your contract CT-2019-0042 is in force");
  g_assert_cmpint (run_dpo (access, NULL), ==, 0);
  g_assert_true (g_file_test (json, G_FILE_TEST_EXISTS));
  g_clear_pointer (&text, g_free);
  text = pdf_text (answer);
  assert_has (text, "Automated decisions: none");
  g_assert_cmpint (dpo_test_query_int (f->path, "SELECT count(*) FROM request_letters l JOIN "
                                                "requests r ON r.pk = l.request WHERE r.id = "
                                                "'R-2024-0001' AND l.kind = 'answer'"), ==, 1);
}

/* What `dpo letter` prints, in English and French: "1 page", not "1 pages". */
static void
test_cli_summary (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *one = g_build_filename (f->dir, "one.pdf", NULL);
  g_autofree char *expected = g_strdup_printf ("1 letter written (1 page) to %s\n", one);
  g_autofree char *expected_fr = g_strdup_printf ("1 lettre écrite (1 page) dans %s\n", one);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out_fr = NULL;
  char *argv[] = { (char *) g_getenv ("DPO_CLI"), "--database", f->path, "--as-of", "2024-02-20",
                   "letter", "R-2024-0001", "acknowledgement", one, NULL };
  int status = 0;

  g_clear_object (&f->store);
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, expected);
  env = g_environ_setenv (env, "LC_ALL", "fr_FR.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "fr", TRUE);
  g_spawn_sync (NULL, argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out_fr, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out_fr, ==, expected_fr);
}

/* The access answer in French, read as a French DPO reads it: Art. 15(1)(h)
 * without "aucune : aucune décision". */
static void
test_cli_french_answer (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *answer = g_build_filename (f->dir, "reponse.pdf", NULL);
  g_autofree char *json = g_build_filename (f->dir, "a.json", NULL);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *argv[] = { (char *) g_getenv ("DPO_CLI"), "--database", f->path, "--as-of", "2024-02-20",
                   "execute", "R-2024-0001", "--output", json, "--letter", answer, NULL };
  int status = 0;

  g_clear_object (&f->store);
  env = g_environ_setenv (env, "LC_ALL", "fr_FR.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "fr", TRUE);
  g_spawn_sync (NULL, argv, env, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  text = pdf_text (answer);
  assert_has (text, "Numéro de sécurité sociale (NIR) : 2 78 04 75 056 123 74");
  assert_has (text, "Décisions automatisées : aucune – nous ne prenons pas de décision vous concernant "
                    "sur le seul fondement d’un traitement automatisé");
  g_assert_null (strstr (text, "aucune : aucune"));
}

/* An objection rejected is a refusal to act (Art. 12(4)): its answer says
 * the person may complain to the CNIL and go to court; an objection upheld
 * grants what was asked and says nothing of the kind. */
static void
test_objection_answer (Fixture       *f,
                       gconstpointer  data)
{
  static const char extra[] =
    "{\"format\": \"dpo-workbench\", \"version\": 1, \"requests\": ["
    " {\"id\": \"R-OBJ-1\", \"subject\": \"S-0002\", \"kind\": \"objection\","
    "  \"received_at\": \"2024-02-05T09:00:00+01:00\", \"channel\": \"post\"},"
    " {\"id\": \"R-OBJ-2\", \"subject\": \"S-0003\", \"kind\": \"objection\","
    "  \"received_at\": \"2024-02-05T09:00:00+01:00\", \"channel\": \"post\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (extra, strlen (extra));
  DpoCarryOutInput rejected = { "rejected", "Fraud prevention" };
  DpoCarryOutInput upheld = { "upheld", "No compelling ground" };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *other = NULL;

  g_assert_true (dpo_import_bytes (f->store, bytes, "extra", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dpo_request_execute_with_input (f->store, "R-OBJ-1", NULL, &rejected, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dpo_request_execute_with_input (f->store, "R-OBJ-2", NULL, &upheld, NULL, &error));
  g_assert_no_error (error);

  text = write_one (f, "R-OBJ-1", DPO_LETTER_ANSWER, "rejected.pdf", &error);
  g_assert_no_error (error);
  assert_has (text, "Objection rejected");
  assert_has (text, "you have the right to lodge a complaint with the Commission nationale de "
                    "l’informatique et des libertés (CNIL): CNIL, 3 place de Fontenoy");
  assert_has (text, "right to an effective judicial remedy");
  other = write_one (f, "R-OBJ-2", DPO_LETTER_ANSWER, "upheld.pdf", &error);
  g_assert_no_error (error);
  g_assert_null (strstr (other, "lodge a complaint"));
}

static void
test_nir_format (void)
{
  g_autofree char *a = dpo_request_letter_format_nir ("184127512345678");
  g_autofree char *b = dpo_request_letter_format_nir ("2 69 05 2a 123 456 78");

  g_assert_cmpstr (a, ==, "1 84 12 75 123 456 78");
  g_assert_cmpstr (b, ==, "2 69 05 2A 123 456 78");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/letters/pdf/acknowledgement-identity", Fixture, NULL, fixture_set_up,
              test_acknowledgement_identity, fixture_tear_down);
  g_test_add ("/letters/pdf/extension", Fixture, NULL, fixture_set_up, test_extension_letter,
              fixture_tear_down);
  g_test_add ("/letters/pdf/refusal", Fixture, NULL, fixture_set_up, test_refusal_letter,
              fixture_tear_down);
  g_test_add ("/letters/pdf/access-answer", Fixture, NULL, fixture_set_up, test_access_answer,
              fixture_tear_down);
  g_test_add ("/letters/pdf/confirmations", Fixture, NULL, fixture_set_up, test_confirmations,
              fixture_tear_down);
  g_test_add ("/letters/pdf/templates-and-contact", Fixture, NULL, fixture_set_up,
              test_bad_templates_and_contact, fixture_tear_down);
  g_test_add ("/letters/pdf/no-file-without-record", Fixture, NULL, fixture_set_up,
              test_no_file_without_record, fixture_tear_down);
  g_test_add ("/letters/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add ("/letters/cli-summary", Fixture, NULL, fixture_set_up, test_cli_summary,
              fixture_tear_down);
  g_test_add ("/letters/pdf/objection-answer", Fixture, NULL, fixture_set_up, test_objection_answer,
              fixture_tear_down);
  g_test_add ("/letters/cli-french-answer", Fixture, NULL, fixture_set_up, test_cli_french_answer,
              fixture_tear_down);
  g_test_add_func ("/letters/nir-format", test_nir_format);

  g_test_add_func ("/letters/kind-words", test_kind_words);
  g_test_add_func ("/letters/kinds-fit-states", test_kinds_fit_states);
  g_test_add_func ("/letters/extension", test_extension);
  g_test_add_func ("/letters/history", test_history);
  g_test_add_func ("/letters/person-reads", test_person_reads);
  g_test_add_func ("/letters/templates-store", test_templates_store);
  g_test_add_func ("/letters/processing-interchange", test_processing_interchange);

  return g_test_run ();
}
