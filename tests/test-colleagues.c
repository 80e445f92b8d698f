/* test-colleagues.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>
#include <locale.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-import.h"
#include "dpo-store.h"
#include "dpo-test-util.h"

/* Several people at once (issue 13, item 4): two stores on one register
 * are two colleagues (on a server) or two windows (on a file). A save over
 * a record the other changed since it was read is refused, saying when;
 * on a server, a write by one is a "changed" signal in the other within a
 * second; a server that goes away in the middle of a write leaves nothing
 * half-written. */

static DpoStore *
open_again (const char *path)
{
  g_autoptr(GError) error = NULL;
  DpoStore *store = dpo_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static DpoStore *
example_store (char **path)
{
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GError) error = NULL;
  DpoStore *store = dpo_test_new_store (path);

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, &error));
  g_assert_no_error (error);
  return store;
}

static void
assert_changed_elsewhere (GError *error)
{
  g_assert_error (error, DPO_ERROR, DPO_ERROR_CHANGED_ELSEWHERE);
  /* On a server, the login that wrote the change (the tests' own). */
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, dpo_test_engine_is_server () ? "Changed by dpo_admin"
                                                                           : "Changed by another window"));
  g_assert_nonnull (strstr (error->message, "Nothing was saved"));
}

static void
test_person_changed_elsewhere (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) mine = example_store (&path);
  g_autoptr(DpoStore) theirs = open_again (path);
  g_autoptr(DpoSubject) my_copy = dpo_store_get_subject (mine, "S-0001", NULL);
  g_autoptr(DpoSubject) their_copy = dpo_store_get_subject (theirs, "S-0001", NULL);
  g_autoptr(DpoSubject) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (my_copy->audit_seen, >, 0);
  g_free (their_copy->email);
  their_copy->email = g_strdup ("theirs@example.org");
  g_assert_true (dpo_store_save_subject (theirs, their_copy, &error));
  g_assert_no_error (error);

  /* My save over their change is refused, and writes nothing. */
  g_free (my_copy->email);
  my_copy->email = g_strdup ("mine@example.org");
  g_assert_false (dpo_store_save_subject (mine, my_copy, &error));
  assert_changed_elsewhere (error);
  g_clear_error (&error);
  stored = dpo_store_get_subject (theirs, "S-0001", NULL);
  g_assert_cmpstr (stored->email, ==, "theirs@example.org");
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE record = 'S-0001' "
                                             "AND changes LIKE '%mine@example.org%'"), ==, 0);

  /* Reloaded, my change goes through; saved twice from one copy, it is not
   * refused by its own first save. */
  g_clear_pointer (&my_copy, dpo_subject_free);
  my_copy = dpo_store_get_subject (mine, "S-0001", NULL);
  g_free (my_copy->email);
  my_copy->email = g_strdup ("mine@example.org");
  g_assert_true (dpo_store_save_subject (mine, my_copy, &error));
  g_assert_no_error (error);
  g_free (my_copy->first_name);
  my_copy->first_name = g_strdup ("Renamed");
  g_assert_true (dpo_store_save_subject (mine, my_copy, &error));
  g_assert_no_error (error);

  /* Their old copy is now the stale one, even with a new reference. */
  g_free (their_copy->id);
  their_copy->id = g_strdup ("S-9001");
  g_assert_false (dpo_store_save_subject (theirs, their_copy, &error));
  assert_changed_elsewhere (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM subjects WHERE id = 'S-9001'"), ==, 0);
}

static void
test_request_changed_elsewhere (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) mine = example_store (&path);
  g_autoptr(DpoStore) theirs = open_again (path);
  g_autoptr(DpoRequest) my_copy = dpo_store_get_request (mine, "R-2024-0001", NULL);
  g_autoptr(DpoRequest) their_copy = dpo_store_get_request (theirs, "R-2024-0001", NULL);
  g_autoptr(GError) error = NULL;

  g_free (their_copy->channel);
  their_copy->channel = g_strdup ("post");
  g_assert_true (dpo_store_save_request (theirs, their_copy, &error));
  g_assert_no_error (error);

  g_free (my_copy->channel);
  my_copy->channel = g_strdup ("phone");
  g_assert_false (dpo_store_save_request (mine, my_copy, &error));
  assert_changed_elsewhere (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM requests WHERE id = 'R-2024-0001' "
                                             "AND channel = 'post'"), ==, 1);
  /* The refusal left the copy as it was: still stale. */
  g_clear_error (&error);
  g_assert_false (dpo_store_save_request (mine, my_copy, &error));
  assert_changed_elsewhere (error);
}

static void
test_incident_changed_elsewhere (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) mine = example_store (&path);
  g_autoptr(DpoStore) theirs = open_again (path);
  g_autoptr(DpoIncident) my_copy = dpo_store_get_incident (mine, "INC-2024-01", NULL);
  g_autoptr(DpoIncident) their_copy = dpo_store_get_incident (theirs, "INC-2024-01", NULL);
  g_autoptr(GError) error = NULL;

  g_free (their_copy->measures);
  their_copy->measures = g_strdup ("Passwords reset.");
  g_assert_true (dpo_store_save_incident (theirs, their_copy, &error));
  g_assert_no_error (error);

  g_free (my_copy->title);
  my_copy->title = g_strdup ("Mine");
  g_assert_false (dpo_store_save_incident (mine, my_copy, &error));
  assert_changed_elsewhere (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM incidents WHERE title = 'Mine'"), ==, 0);
}

/* A record built by a caller, not read (the import's, a script's), has
 * nothing to compare with: saved as before. */
static void
test_record_not_read_is_saved (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = example_store (&path);
  g_autoptr(DpoSubject) copy = dpo_store_get_subject (store, "S-0002", NULL);
  g_autoptr(DpoSubject) other = dpo_store_get_subject (store, "S-0002", NULL);
  g_autoptr(GError) error = NULL;

  g_free (other->email);
  other->email = g_strdup ("first@example.org");
  g_assert_true (dpo_store_save_subject (store, other, &error));
  copy->audit_seen = 0;
  g_free (copy->email);
  copy->email = g_strdup ("second@example.org");
  g_assert_true (dpo_store_save_subject (store, copy, &error));
  g_assert_no_error (error);
}

static void
count_changed (DpoStore *store,
               guint    *count)
{
  (*count)++;
}

/* Iterates the main context until @count is at least @want or @limit_us
 * passed; the time it took. */
static gint64
wait_for (guint *count,
          guint  want,
          gint64 limit_us)
{
  gint64 start = g_get_monotonic_time ();

  while (*count < want && g_get_monotonic_time () - start < limit_us)
    g_main_context_iteration (NULL, FALSE);
  return g_get_monotonic_time () - start;
}

static gboolean
set_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_colleague_change_within_a_second (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) mine = NULL;
  g_autoptr(DpoStore) theirs = NULL;
  g_autoptr(DpoSubject) subject = NULL;
  g_autoptr(GError) error = NULL;
  guint mine_changed = 0, theirs_changed = 0;
  gint64 took;

  if (!dpo_test_engine_is_server ())
    {
      g_test_skip ("a file has no NOTIFY: one window per person, its own writes say \"changed\"");
      return;
    }
  mine = example_store (&path);
  theirs = open_again (path);
  g_signal_connect (mine, "changed", G_CALLBACK (count_changed), &mine_changed);
  g_signal_connect (theirs, "changed", G_CALLBACK (count_changed), &theirs_changed);
  wait_for (&theirs_changed, 1, 100 * 1000);
  theirs_changed = 0;

  subject = dpo_store_get_subject (mine, "S-0003", NULL);
  g_free (subject->email);
  subject->email = g_strdup ("new@example.org");
  g_assert_true (dpo_store_save_subject (mine, subject, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mine_changed, ==, 1);

  took = wait_for (&theirs_changed, 1, G_USEC_PER_SEC);
  g_test_message ("a colleague's change seen after %.1f ms", took / 1000.0);
  g_assert_cmpuint (theirs_changed, ==, 1);
  g_assert_cmpint (took, <, G_USEC_PER_SEC);

  /* My own NOTIFY is no news to me; a failed write notifies nobody. */
  wait_for (&mine_changed, 2, 200 * 1000);
  g_assert_cmpuint (mine_changed, ==, 1);
  g_free (subject->id);
  subject->id = g_strdup ("S-0004");   /* taken: refused */
  g_assert_false (dpo_store_save_subject (mine, subject, &error));
  g_clear_error (&error);
  wait_for (&theirs_changed, 2, 200 * 1000);
  g_assert_cmpuint (theirs_changed, ==, 1);

  /* Their connection lost: its socket, readable for ever, is no longer
   * watched (the main loop does not spin on it). */
  {
    g_autofree char *kill = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                                             "WHERE datname = current_database () AND pid <> pg_backend_pid ()");
    gboolean done = FALSE;
    guint iterations = 0;

    dpo_test_exec (path, kill);
    g_timeout_add (300, set_done, &done);
    while (!done)
      {
        g_main_context_iteration (NULL, TRUE);
        iterations++;
      }
    g_test_message ("%u main loop iterations in 300 ms after the connection went", iterations);
    g_assert_cmpuint (iterations, <, 50);
  }
}

/* What a write announces, read by a plain libpq LISTEN (not our code):
 * one notification per committed write, naming the record. */
static void
test_notification_payload (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = NULL;
  g_autoptr(DpoSubject) subject = NULL;
  g_autoptr(GError) error = NULL;
  PGconn *listener;
  PGnotify *note;
  PGresult *result;
  guint count = 0;

  if (!dpo_test_engine_is_server ())
    {
      g_test_skip ("a file has no NOTIFY");
      return;
    }
  store = example_store (&path);
  listener = PQconnectdb (path);
  g_assert_cmpint (PQstatus (listener), ==, CONNECTION_OK);
  result = PQexec (listener, "LISTEN dpo_changed");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);

  subject = dpo_store_get_subject (store, "S-0005", NULL);
  g_free (subject->email);
  subject->email = g_strdup ("payload@example.org");
  g_assert_true (dpo_store_save_subject (store, subject, &error));
  g_assert_no_error (error);
  /* A refused write announces nothing. */
  g_free (subject->id);
  subject->id = g_strdup ("S-0001");
  g_assert_false (dpo_store_save_subject (store, subject, &error));

  /* The server delivers at commit; a query reads what arrived. */
  result = PQexec (listener, "SELECT 1");
  PQclear (result);
  while ((note = PQnotifies (listener)) != NULL)
    {
      g_assert_cmpstr (note->relname, ==, "dpo_changed");
      g_assert_cmpstr (note->extra, ==, "subject S-0005");
      count++;
      PQfreemem (note);
    }
  g_assert_cmpuint (count, ==, 1);
  PQfinish (listener);
}

/* Terminates every backend of @path's database but the caller's, once
 * one of them waits for a lock (the write in the middle). */
static void
terminate_when_waiting (PGconn     *admin,
                        const char *database)
{
  g_autofree char *waiting = g_strdup_printf (
    "SELECT count(*) FROM pg_stat_activity WHERE datname = '%s' AND wait_event_type = 'Lock'",
    database);
  g_autofree char *terminate = g_strdup_printf (
    "SELECT pg_terminate_backend (pid) FROM pg_stat_activity WHERE datname = '%s' "
    "AND pid <> pg_backend_pid ()", database);
  gint64 start = g_get_monotonic_time ();
  PGresult *result;

  for (;;)
    {
      gboolean found;

      /* The admin's transaction would see one snapshot of the activity. */
      PQclear (PQexec (admin, "SELECT pg_stat_clear_snapshot ()"));
      result = PQexec (admin, waiting);
      g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
      found = !g_str_equal (PQgetvalue (result, 0, 0), "0");
      PQclear (result);
      if (found)
        break;
      g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
      g_usleep (20 * 1000);
    }
  result = PQexec (admin, terminate);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  PQclear (result);
}

/* An admin connection to the store's database, holding a lock on the
 * requests' search index: an import writes its incidents, people and requests, then waits
 * there, in the middle of its transaction. */
static PGconn *
lock_search_index (const char *path)
{
  PGconn *admin = PQconnectdb (path);
  PGresult *result;

  g_assert_cmpint (PQstatus (admin), ==, CONNECTION_OK);
  result = PQexec (admin, "BEGIN; LOCK TABLE requests_search IN ACCESS EXCLUSIVE MODE");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  return admin;
}

static gpointer
save_in_thread (gpointer data)
{
  DpoStore *store = data;
  g_autoptr(DpoSubject) subject = dpo_store_get_subject (store, "S-0006", NULL);
  GError *error = NULL;

  g_free (subject->last_name);
  subject->last_name = g_strdup ("Halfwritten");
  if (dpo_store_save_subject (store, subject, &error))
    return NULL;
  return error;
}

static gpointer
import_in_thread (gpointer data)
{
  DpoStore *store = data;
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  GError *error = NULL;

  if (dpo_import_bytes (store, example, "example", NULL, &error))
    return NULL;
  return error;
}

static char *
database_of (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);

  return g_strdup (g_uri_get_path (parsed) + 1);
}

static void
test_connection_dropped_mid_import (void)
{
  g_autofree char *path = NULL;
  g_autofree char *database = NULL;
  g_autoptr(DpoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GThread *thread;
  PGconn *admin;

  if (!dpo_test_engine_is_server ())
    {
      g_test_skip ("a server's own failure: a file has no connection to lose");
      return;
    }
  store = dpo_test_new_store (&path);
  database = database_of (path);
  admin = lock_search_index (path);

  thread = g_thread_new ("import", import_in_thread, store);
  terminate_when_waiting (admin, database);
  error = g_thread_join (thread);
  PQfinish (admin);

  g_assert_error (error, DPO_ERROR, DPO_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Nothing was saved"));
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM incidents"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM subjects"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM requests"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit"), ==, 0);
}

/* A save writes the person's row, then waits for the search index: the
 * connection goes, the row is as it was. */
static void
test_connection_dropped_mid_save (void)
{
  g_autofree char *path = NULL;
  g_autofree char *database = NULL;
  g_autoptr(DpoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GThread *thread;
  PGconn *admin;
  PGresult *result;

  if (!dpo_test_engine_is_server ())
    {
      g_test_skip ("a server's own failure: a file has no connection to lose");
      return;
    }
  store = example_store (&path);
  database = database_of (path);
  admin = PQconnectdb (path);
  g_assert_cmpint (PQstatus (admin), ==, CONNECTION_OK);
  result = PQexec (admin, "BEGIN; LOCK TABLE subjects_search IN ACCESS EXCLUSIVE MODE");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);

  thread = g_thread_new ("save", save_in_thread, store);
  terminate_when_waiting (admin, database);
  error = g_thread_join (thread);
  PQfinish (admin);

  g_assert_error (error, DPO_ERROR, DPO_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Nothing was saved"));
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM subjects WHERE last_name = 'Halfwritten'"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE record = 'S-0006' "
                                             "AND action = 'update'"), ==, 0);
}

static void
test_connection_dropped_cli (void)
{
  g_autofree char *path = NULL;
  g_autofree char *database = NULL;
  g_autofree char *example = dpo_test_example_path ();
  g_autoptr(DpoStore) store = NULL;
  g_autoptr(GSubprocess) dpo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  PGconn *admin;

  if (!dpo_test_engine_is_server ())
    {
      g_test_skip ("a server's own failure: a file has no connection to lose");
      return;
    }
  store = dpo_test_new_store (&path);
  database = database_of (path);
  admin = lock_search_index (path);

  dpo = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                          g_getenv ("DPO_CLI"), "--database", path, "import", example, NULL);
  g_assert_no_error (error);
  terminate_when_waiting (admin, database);
  PQfinish (admin);
  g_assert_true (g_subprocess_communicate_utf8 (dpo, NULL, NULL, &out, &err, &error));
  g_test_message ("dpo import: %s", err);
  g_assert_cmpint (g_subprocess_get_exit_status (dpo), ==, 1);
  /* One message, on one line, without the traces of a crash. */
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "Nothing was saved"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM incidents"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* As a window's main loop does: stores opened here listen. */
  g_main_context_acquire (NULL);

  g_test_add_func ("/colleagues/person-changed-elsewhere", test_person_changed_elsewhere);
  g_test_add_func ("/colleagues/request-changed-elsewhere", test_request_changed_elsewhere);
  g_test_add_func ("/colleagues/incident-changed-elsewhere", test_incident_changed_elsewhere);
  g_test_add_func ("/colleagues/record-not-read-is-saved", test_record_not_read_is_saved);
  g_test_add_func ("/colleagues/change-within-a-second", test_colleague_change_within_a_second);
  g_test_add_func ("/colleagues/notification-payload", test_notification_payload);
  g_test_add_func ("/colleagues/connection-dropped-mid-save", test_connection_dropped_mid_save);
  g_test_add_func ("/colleagues/connection-dropped-mid-import", test_connection_dropped_mid_import);
  g_test_add_func ("/colleagues/connection-dropped-cli", test_connection_dropped_cli);
  return g_test_run ();
}
