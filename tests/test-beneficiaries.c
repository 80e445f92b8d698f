/* test-beneficiaries.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <sqlite3.h>
#include <string.h>

#include "dpo-carry-out.h"
#include "dpo-error.h"
#include "dpo-import.h"
#include "dpo-request-execute.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"

/* Contracts cover several people (issue 11, item 1): JSON
 * contracts[].beneficiaries in and out, the store, the audit log, and the
 * erasure rule counting a beneficiary as covered, in the core and in the
 * database trigger. */

#include "dpo-test-family.h"

#define HEAD DPO_TEST_FAMILY_HEAD

static gboolean
import_text (DpoStore    *store,
             const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return dpo_import_bytes (store, bytes, "family.json", NULL, error);
}

static DpoStore *
family_store (const char  *as_of,
              char       **path)
{
  DpoStore *store = dpo_test_new_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDate day;

  g_assert_true (import_text (store, DPO_TEST_FAMILY, &error));
  g_assert_no_error (error);
  g_assert_true (dpo_date_parse (as_of, &day, NULL));
  now = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                               23, 59, 59);
  dpo_store_set_now (store, now);
  return store;
}

/* In the file, in the store, covered_by on the other side, and out again
 * sorted: an export imported into a new database exports the same. */
static void
test_round_trip (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = family_store ("2024-03-01", &path);
  g_autoptr(DpoStore) again = dpo_test_new_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoSubject) jean = dpo_store_get_subject (store, "S-1", &error);
  g_autoptr(DpoSubject) anne = dpo_store_get_subject (store, "S-2", &error);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const DpoContract *contract;

  g_assert_no_error (error);
  contract = g_ptr_array_index (jean->contracts, 0);
  g_assert_cmpuint (g_strv_length (contract->beneficiaries), ==, 2);
  g_assert_cmpstr (contract->beneficiaries[0], ==, "S-2");
  g_assert_cmpstr (contract->beneficiaries[1], ==, "S-3");
  g_assert_cmpuint (jean->covered_by->len, ==, 0);

  g_assert_cmpuint (anne->contracts->len, ==, 0);
  g_assert_cmpuint (anne->covered_by->len, ==, 1);
  contract = g_ptr_array_index (anne->covered_by, 0);
  g_assert_cmpstr (contract->number, ==, "C-1");
  g_assert_cmpstr (contract->holder_id, ==, "S-1");
  g_assert_cmpstr (contract->holder_name, ==, "Jean Dupont");
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM contract_beneficiaries"), ==, 3);

  first = dpo_test_export (store, "2024-03-01");
  g_assert_nonnull (strstr (first, "\"beneficiaries\" : [\n            \"S-2\",\n            \"S-3\"\n"));
  /* A contract covering its holder alone says nothing of beneficiaries,
   * as documents before them had it: of the example's six contracts, only
   * the family contract CT-2020-0815 lists any. */
  {
    g_autoptr(DpoStore) example = dpo_test_example_store ("2024-03-01", NULL);
    g_autofree char *text = dpo_test_export (example, "2024-03-01");
    const char *first_list = strstr (text, "\"beneficiaries\" :");

    g_assert_nonnull (first_list);
    g_assert_null (strstr (first_list + 1, "\"beneficiaries\" :"));
    g_assert_nonnull (strstr (text, "\"beneficiaries\" : [\n            \"S-0007\",\n            \"S-0008\"\n"));
  }
  g_assert_true (import_text (again, first, &error));
  g_assert_no_error (error);
  second = dpo_test_export (again, "2024-03-01");
  g_assert_cmpstr (first, ==, second);

  /* The import's audit entry holds the contract as the file had it. */
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'subject' "
                                             "AND record = 'S-1' AND changes LIKE '%beneficiaries%S-3%'"),
                   ==, 1);
}

static void
assert_import_fails (const char *text,
                     const char *expected_path,
                     const char *expected_words)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autoptr(GError) error = NULL;

  g_assert_true (import_text (store, HEAD "{\"id\": \"S-7\", \"last_name\": \"Roy\", \"first_name\": \"Eve\"}]}",
                              &error));
  g_assert_false (import_text (store, text, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected_path));
  g_assert_nonnull (strstr (error->message, expected_words));
  /* All or nothing. */
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM subjects"), ==, 1);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM contract_beneficiaries"), ==, 0);
}

static void
test_bad_input (void)
{
  /* Nobody of that name, in the file or the database. */
  assert_import_fails (HEAD "{\"id\": \"S-1\", \"last_name\": \"A\", \"first_name\": \"B\", \"contracts\": ["
                       "{\"number\": \"C-1\", \"start_date\": \"2020-01-01\", \"beneficiaries\": [\"S-7\", \"S-8\"]}]}]}",
                       "subjects[0].contracts[0].beneficiaries[1]", "there is no person “S-8”");
  /* The holder among their own beneficiaries. */
  assert_import_fails (HEAD "{\"id\": \"S-1\", \"last_name\": \"A\", \"first_name\": \"B\", \"contracts\": ["
                       "{\"number\": \"C-1\", \"start_date\": \"2020-01-01\", \"beneficiaries\": [\"S-1\"]}]}]}",
                       "subjects[0].contracts[0].beneficiaries[0]", "holds this contract");
  assert_import_fails (HEAD "{\"id\": \"S-1\", \"last_name\": \"A\", \"first_name\": \"B\", \"contracts\": ["
                       "{\"number\": \"C-1\", \"start_date\": \"2020-01-01\", \"beneficiaries\": [\"S-7\", \"S-7\"]}]}]}",
                       "subjects[0].contracts[0].beneficiaries[1]", "listed twice");
  assert_import_fails (HEAD "{\"id\": \"S-1\", \"last_name\": \"A\", \"first_name\": \"B\", \"contracts\": ["
                       "{\"number\": \"C-1\", \"start_date\": \"2020-01-01\", \"beneficiaries\": [7]}]}]}",
                       "subjects[0].contracts[0].beneficiaries[0]", "must be text");
  assert_import_fails (HEAD "{\"id\": \"S-1\", \"last_name\": \"A\", \"first_name\": \"B\", \"contracts\": ["
                       "{\"number\": \"C-1\", \"start_date\": \"2020-01-01\", \"beneficiaries\": \"S-7\"}]}]}",
                       "subjects[0].contracts[0].beneficiaries", "list");
  /* In file order: the unknown beneficiary of the first person before the
   * second person, found in the database already. */
  assert_import_fails (HEAD "{\"id\": \"S-1\", \"last_name\": \"A\", \"first_name\": \"B\", \"contracts\": ["
                       "{\"number\": \"C-1\", \"start_date\": \"2020-01-01\", \"beneficiaries\": [\"S-9\"]}]},"
                       "{\"id\": \"S-7\", \"last_name\": \"Roy\", \"first_name\": \"Eve\"}]}",
                       "subjects[0].contracts[0].beneficiaries[0]", "there is no person “S-9”");
  /* A beneficiary already in the database is fine; a request after an
   * unknown beneficiary does not hide it. */
  assert_import_fails (HEAD "{\"id\": \"S-1\", \"last_name\": \"A\", \"first_name\": \"B\", \"contracts\": ["
                       "{\"number\": \"C-1\", \"start_date\": \"2020-01-01\", \"beneficiaries\": [\"S-7\", \"S-9\"]}]}],"
                       "\"requests\": [{\"id\": \"R-1\", \"subject\": \"S-404\", \"kind\": \"access\","
                       "\"received_at\": \"2024-03-01T10:00:00+01:00\"}]}",
                       "subjects[0].contracts[0].beneficiaries[1]", "there is no person “S-9”");
}

/* Anne is covered by her husband's open contract: her erasure is refused,
 * naming the contract and its holder's contract number; the trigger
 * refuses a raw DELETE too. Lise was covered by a contract that ended:
 * she may be erased; Paul, its holder, too, and his contract and its
 * beneficiary rows go with him. */
static void
test_erasure (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = family_store ("2024-03-01", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoSubject) anne = dpo_store_get_subject (store, "S-2", &error);
  g_autoptr(GDateTime) now = dpo_store_dup_now (store);
  g_autoptr(DpoRequest) request = NULL;
  g_autofree char *outcome = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (dpo_erasure_find_active_contract (anne, now)->number, ==, "C-1");

  g_assert_false (dpo_request_execute (store, "R-1", NULL, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT);
  g_assert_nonnull (strstr (error->message, "C-1"));
  g_clear_error (&error);
  request = dpo_store_get_request (store, "R-1", &error);
  g_assert_cmpstr (request->status, ==, "refused");
  g_assert_nonnull (strstr (request->refusal_ground, "C-1"));

  if (dpo_test_engine_is_server ())
    {
      g_autofree char *state = NULL;
      g_autofree char *message = NULL;

      /* The server's trigger, for any client. */
      g_assert_false (dpo_test_server_try_exec (path, "DELETE FROM subjects WHERE id = 'S-3'",
                                                &state, &message));
      g_assert_cmpstr (state, ==, "DPO01");
      g_assert_nonnull (strstr (message, "erasure refused"));
    }
  else
    {
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      g_assert_cmpint (sqlite3_exec (db, "DELETE FROM subjects WHERE id = 'S-3'", NULL, NULL, NULL),
                       ==, SQLITE_CONSTRAINT);
      g_assert_nonnull (strstr (sqlite3_errmsg (db), "erasure refused"));
      sqlite3_close (db);
    }
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM subjects WHERE id = 'S-3'"), ==, 1);

  g_assert_true (dpo_request_execute (store, "R-3", NULL, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM subjects WHERE id = 'S-5'"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM contract_beneficiaries"), ==, 2);
  g_clear_pointer (&outcome, g_free);
  g_assert_true (dpo_request_execute (store, "R-2", NULL, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM contracts WHERE number = 'C-9'"), ==, 0);
}

/* The holder's contract ended: deleting the holder takes the contract
 * and its beneficiary rows with it, the beneficiary stays. */
static void
test_holder_cascade (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = family_store ("2024-03-01", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoSubject) lise = NULL;

  g_assert_true (dpo_request_execute (store, "R-2", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM contract_beneficiaries "
                                             "WHERE subject = (SELECT pk FROM subjects WHERE id = 'S-5')"), ==, 0);
  lise = dpo_store_get_subject (store, "S-5", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lise->covered_by->len, ==, 0);
}

/* The window's path: a contract saved with beneficiaries, changed, the
 * audit log holding the change; an unknown person or the holder refused,
 * naming the field, nothing written. */
static void
test_save_contract (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = family_store ("2024-03-01", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoContract) contract = dpo_contract_new ();
  g_autoptr(DpoSubject) lise = NULL;
  const char * const one[] = { "S-5", NULL };
  const char * const two[] = { "S-5", "S-3", NULL };
  const char * const unknown[] = { "S-404", NULL };
  const char * const holder[] = { "S-4", NULL };

  contract->number = g_strdup ("C-10");
  contract->start_date = g_strdup ("2024-01-01");
  contract->beneficiaries = g_strdupv ((char **) one);
  g_assert_true (dpo_store_save_contract (store, "S-4", contract, &error));
  g_assert_no_error (error);
  lise = dpo_store_get_subject (store, "S-5", &error);
  g_assert_cmpuint (lise->covered_by->len, ==, 2);

  g_strfreev (contract->beneficiaries);
  contract->beneficiaries = g_strdupv ((char **) two);
  g_assert_true (dpo_store_save_contract (store, "S-4", contract, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'contract' "
                                             "AND action = 'update' AND changes LIKE '%beneficiaries%S-3%'"),
                   ==, 1);

  g_strfreev (contract->beneficiaries);
  contract->beneficiaries = g_strdupv ((char **) unknown);
  g_assert_false (dpo_store_save_contract (store, "S-4", contract, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "S-404"));
  g_clear_error (&error);
  g_strfreev (contract->beneficiaries);
  contract->beneficiaries = g_strdupv ((char **) holder);
  g_assert_false (dpo_store_save_contract (store, "S-4", contract, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_clear_error (&error);
  /* Still the two saved before. */
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM contract_beneficiaries b JOIN contracts c "
                                             "ON c.pk = b.contract WHERE c.number = 'C-10'"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/beneficiaries/round-trip", test_round_trip);
  g_test_add_func ("/beneficiaries/bad-input", test_bad_input);
  g_test_add_func ("/beneficiaries/erasure", test_erasure);
  g_test_add_func ("/beneficiaries/holder-cascade", test_holder_cascade);
  g_test_add_func ("/beneficiaries/save-contract", test_save_contract);

  return g_test_run ();
}
