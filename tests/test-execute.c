/* test-execute.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "dpo-import.h"
#include "dpo-error.h"
#include "dpo-pg-connection.h"
#include "dpo-request-execute.h"
#include "dpo-store.h"
#include "dpo-test-util.h"
#include "dpo-time.h"

/* Carrying a request out, done right: a refusal by the database's trigger
 * is recorded; any other failed deletion is an error, not a refusal; the
 * access file is written only after the answer is committed, and a file
 * that cannot be written leaves the request open; the async variant. */

/* Raw SQL through a connection of its own, as another program would. */
static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (dpo_test_engine_is_server ())
    {
      dpo_test_exec (path, sql);
      return;
    }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* A trigger of another program refusing to delete contracts, in each
 * engine's words. */
#define BROKEN_TRIGGER (dpo_test_engine_is_server () \
  ? "CREATE FUNCTION broken () RETURNS trigger LANGUAGE plpgsql AS $$ " \
    "BEGIN RAISE EXCEPTION 'simulated I/O trouble'; END $$;" \
    "CREATE TRIGGER broken BEFORE DELETE ON contracts FOR EACH ROW EXECUTE FUNCTION broken ();" \
  : "CREATE TRIGGER broken BEFORE DELETE ON contracts " \
    "BEGIN SELECT RAISE (ABORT, 'simulated I/O trouble'); END;")

static char *
request_status (DpoStore   *store,
                const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoRequest) request = dpo_store_get_request (store, id, &error);

  g_assert_no_error (error);
  return g_strdup (request->status);
}

/* Luc Bernard's contract ends far in the future, after the as-of day: the
 * core, as of that day, lets the erasure go; the trigger, on the real
 * today, refuses. The refusal is recorded all the same (it was not:
 * exit 3 and nothing in the register). */
static void
test_trigger_refusal_recorded (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2099-01-02", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoRequest) request = NULL;
  g_autoptr(DpoSubject) subject = NULL;
  g_autofree char *audit_before = NULL;

  exec_sql (path, "UPDATE contracts SET end_date = '2099-01-01' WHERE number = 'CT-2012-0911'");
  g_assert_false (dpo_request_execute (store, "R-2024-0003", NULL, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT);
  g_assert_nonnull (strstr (error->message, "Luc Bernard"));
  g_assert_nonnull (strstr (error->message, "CT-2012-0911"));
  g_clear_error (&error);

  request = dpo_store_get_request (store, "R-2024-0003", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (request->status, ==, "refused");
  g_assert_cmpstr (request->subject_id, ==, "S-0002");
  g_assert_nonnull (strstr (request->refusal_ground, "CT-2012-0911"));
  g_assert_nonnull (request->answered_at);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'request' "
                                             "AND record = 'R-2024-0003' AND action = 'execute'"), ==, 1);
  /* Nothing deleted, nothing redacted. */
  subject = dpo_store_get_subject (store, "S-0002", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subject->contracts->len, ==, 1);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE changes LIKE '%redacted%'"),
                   ==, 0);
}

static void
assert_failed_not_refused (const char *sql)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoSubject) subject = NULL;
  g_autofree char *status = NULL;

  exec_sql (path, sql);
  /* S-0002's contract ended on 31 December 2023: the erasure is allowed,
   * but the deletion fails for another reason. */
  g_assert_false (dpo_request_execute (store, "R-2024-0003", NULL, NULL, &error));
  g_test_message ("Failure: %s", error->message);
  g_assert_true (error->domain == DPO_ERROR);
  g_assert_cmpint (error->code, !=, DPO_ERROR_ACTIVE_CONTRACT);
  g_assert_null (strstr (error->message, "active contract"));
  g_clear_error (&error);

  /* Nothing recorded, nothing deleted, nothing redacted. */
  status = request_status (store, "R-2024-0003");
  g_assert_cmpstr (status, ==, "received");
  subject = dpo_store_get_subject (store, "S-0002", &error);
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE changes LIKE '%redacted%'"),
                   ==, 0);
}

/* Another trigger's ABORT: the same SQLite code as the erasure rule's
 * (SQLITE_CONSTRAINT_TRIGGER), another message. */
static void
test_other_trigger_not_refusal (void)
{
  assert_failed_not_refused (BROKEN_TRIGGER);
}

/* A foreign key that forbids the deletion: a constraint, not the rule. */
static void
test_foreign_key_not_refusal (void)
{
  assert_failed_not_refused ("CREATE TABLE letters (subject INTEGER REFERENCES subjects (pk) "
                             "ON DELETE RESTRICT); INSERT INTO letters SELECT pk FROM subjects "
                             "WHERE id = 'S-0002';");
}

/* The command line: exit 1, not 3 (a rule's refusal). */
static void
test_cli_failure_exit_1 (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &path);
  const char *argv[] = { g_getenv ("DPO_CLI"), "--database", path, "--as-of", "2024-03-01",
                         "execute", "R-2024-0003", NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_clear_object (&store);
  exec_sql (path, BROKEN_TRIGGER);
  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_test_message ("stderr: %s", err);
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM requests WHERE id = 'R-2024-0003' "
                                             "AND status = 'received'"), ==, 1);
}

typedef struct
{
  const char *db_path;
  const char *file_path;
  gboolean    seen;
} AfterCommit;

/* "changed" comes right after the commit: the answer is in the file for
 * every connection, and the access file not yet written. */
static void
on_changed_cb (DpoStore    *store,
               AfterCommit *check)
{
  check->seen = TRUE;
  g_assert_false (g_file_test (check->file_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (dpo_test_query_int (check->db_path, "SELECT count(*) FROM requests "
                                                       "WHERE id = 'R-2024-0001' AND status = 'answered'"), ==, 1);
}

static void
test_access_file_after_commit (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &path);
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *out = g_build_filename (dir, "access.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  AfterCommit check = { path, out, FALSE };
  GStatBuf buf;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &check);
  g_assert_true (dpo_request_execute (store, "R-2024-0001", file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (check.seen);
  g_signal_handlers_disconnect_by_data (store, &check);

  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "278047505612374"));
  /* Private, and no temporary file left beside it. */
  g_assert_cmpint (g_stat (out, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (handle) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
}

/* A file that cannot be written: the request stays open, to be carried
 * out again once a good place is chosen. */
static void
test_access_file_failure_reopens (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &path);
  g_autofree char *dir = dpo_test_make_dir ();
  g_autofree char *bad = g_build_filename (dir, "missing", "access.json", NULL);
  g_autofree char *good = g_build_filename (dir, "access.json", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  g_assert_false (dpo_request_execute (store, "R-2024-0001", bad_file, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "access.json"));
  g_clear_error (&error);
  status = request_status (store, "R-2024-0001");
  g_assert_cmpstr (status, ==, "received");

  g_assert_true (dpo_request_execute (store, "R-2024-0001", good_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (good, G_FILE_TEST_EXISTS));
}

typedef struct
{
  DpoStore *store;
  GError   *error;
  gboolean  done;
} Racer;

static gpointer
execute_in_thread (gpointer data)
{
  Racer *racer = data;

  racer->done = dpo_request_execute (racer->store, "R-2024-0004", NULL, NULL, &racer->error);
  return NULL;
}

/* Another program withdraws the request while we carry it out: its write
 * transaction holds the lock when we start. Reading and deciding inside our
 * own write transaction, we see the withdrawal once it is committed, and do
 * not carry out a closed request (read before the lock, the request looked
 * open and was answered over the withdrawal). */
static void
test_decides_inside_transaction (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", &path);
  g_autoptr(DpoStore) worker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autoptr(DpoSubject) subject = NULL;
  Racer racer = { NULL };
  sqlite3 *other = NULL;
  GThread *thread;

  worker = dpo_store_open (path, &error);
  g_assert_no_error (error);
  racer.store = worker;

  if (dpo_test_engine_is_server ())
    {
      /* Another client of the server: it takes no lock of the workbench's. */
      PGconn *client = dpo_pg_connect (path, &error);

      g_assert_no_error (error);
      g_assert_true (dpo_pg_exec (client, "BEGIN; UPDATE requests SET status = 'withdrawn' "
                                          "WHERE id = 'R-2024-0004'", "withdraw", &error));
      g_assert_no_error (error);
      thread = g_thread_new ("execute", execute_in_thread, &racer);
      g_usleep (300 * G_TIME_SPAN_MILLISECOND);
      g_assert_true (dpo_pg_exec (client, "COMMIT", "commit", &error));
      g_assert_no_error (error);
      PQfinish (client);
      g_thread_join (thread);
    }
  else
    {
      g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; UPDATE requests SET status = 'withdrawn' "
                                            "WHERE id = 'R-2024-0004'", NULL, NULL, NULL), ==, SQLITE_OK);
      thread = g_thread_new ("execute", execute_in_thread, &racer);
      g_usleep (300 * G_TIME_SPAN_MILLISECOND);
      g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (other);
      g_thread_join (thread);
    }

  g_assert_false (racer.done);
  g_assert_error (racer.error, DPO_ERROR, DPO_ERROR_ALREADY_DONE);
  g_clear_error (&racer.error);
  status = request_status (store, "R-2024-0004");
  g_assert_cmpstr (status, ==, "withdrawn");
  subject = dpo_store_get_subject (store, "S-0003", &error);
  g_assert_cmpstr (subject->email, ==, "s.lefevre@example.org");
}

static void
on_async_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
run_async (DpoStore    *store,
           const char  *id,
           char       **outcome,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  dpo_request_execute_async (store, id, NULL, NULL, on_async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return dpo_request_execute_finish (store, result, outcome, error);
}

static void
count_changed_cb (DpoStore *store,
                  guint    *count)
{
  (*count)++;
}

/* On a worker thread with its own connection, as of the store's "now";
 * the store tells its models when it lands, refusal included. */
static void
test_async (void)
{
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *refused = NULL;
  g_autoptr(DpoSubject) subject = NULL;
  guint changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_assert_true (run_async (store, "R-2024-0004", &outcome, &error));
  g_assert_no_error (error);
  /* Issue 9: the fields by their labels, not "email, postal_address". */
  g_assert_cmpstr (outcome, ==, "Rectified: Email.");
  g_assert_cmpuint (changed, ==, 1);
  subject = dpo_store_get_subject (store, "S-0003", &error);
  g_assert_cmpstr (subject->email, ==, "sophie.lefevre@example.org");

  g_assert_false (run_async (store, "R-2024-0002", NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_ACTIVE_CONTRACT);
  g_assert_cmpuint (changed, ==, 2);
  refused = request_status (store, "R-2024-0002");
  g_assert_cmpstr (refused, ==, "refused");
  g_signal_handlers_disconnect_by_data (store, &changed);
}

/* Issue 9: a rectification's outcome names the fields as the DPO reads
 * them ("Email, Postal address"), not "email, postal_address". */
static void
test_rectification_outcome_labels (void)
{
  g_autoptr(DpoStore) store = dpo_test_example_store ("2024-03-01", NULL);
  g_autoptr(DpoRequest) request = dpo_store_get_request (store, "R-2024-0004", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *outcome = NULL;

  g_free (request->changes);
  request->changes = g_strdup ("{\"email\": \"sophie.lefevre@example.org\", "
                               "\"postal_address\": \"3 rue des Lilas, 69003 Lyon\"}");
  g_assert_true (dpo_store_save_request (store, request, &error));
  g_assert_no_error (error);
  g_assert_true (dpo_request_execute (store, "R-2024-0004", NULL, &outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (outcome, ==, "Rectified: Email, Postal address.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/execute/trigger-refusal-recorded", test_trigger_refusal_recorded);
  g_test_add_func ("/execute/other-trigger-not-refusal", test_other_trigger_not_refusal);
  g_test_add_func ("/execute/foreign-key-not-refusal", test_foreign_key_not_refusal);
  g_test_add_func ("/execute/cli-failure-exit-1", test_cli_failure_exit_1);
  g_test_add_func ("/execute/access-file-after-commit", test_access_file_after_commit);
  g_test_add_func ("/execute/access-file-failure-reopens", test_access_file_failure_reopens);
  g_test_add_func ("/execute/decides-inside-transaction", test_decides_inside_transaction);
  g_test_add_func ("/execute/async", test_async);
  g_test_add_func ("/execute/rectification-outcome-labels", test_rectification_outcome_labels);

  return g_test_run ();
}
