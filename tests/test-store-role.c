/* test-store-role.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Who may do what (issue 13, item 3): the core's one table of rights, the
 * role a store reads when it opens, the refusals that name the role
 * needed, and the audit log's actor. The server parts run on the test
 * server (test-store-role-pg), with an agent's and an auditor's logins;
 * on a file they are skipped. */

#include "config.h"

#include <libpq-fe.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "dpo-error.h"
#include "dpo-export-json.h"
#include "dpo-import.h"
#include "dpo-pg-connection.h"
#include "dpo-request-execute.h"
#include "dpo-store-affected.h"
#include "dpo-store-audit-log.h"
#include "dpo-store-role.h"
#include "dpo-test-util.h"

static void
test_rights (void)
{
  DpoRight all = DPO_RIGHT_READ_PEOPLE | DPO_RIGHT_EDIT_PEOPLE | DPO_RIGHT_CHECK_AFFECTED |
                 DPO_RIGHT_READ_REGISTERS | DPO_RIGHT_EDIT_INCIDENTS | DPO_RIGHT_ERASE |
                 DPO_RIGHT_EXPORT | DPO_RIGHT_IMPORT | DPO_RIGHT_SETTINGS | DPO_RIGHT_VERIFY_AUDIT;
  DpoRight agent = dpo_role_get_rights (DPO_ROLE_AGENT);
  DpoRight auditor = dpo_role_get_rights (DPO_ROLE_AUDITOR);
  g_autofree char *erase = dpo_role_describe_needed (DPO_RIGHT_ERASE);
  g_autofree char *edit = dpo_role_describe_needed (DPO_RIGHT_EDIT_PEOPLE);
  g_autofree char *export = dpo_role_describe_needed (DPO_RIGHT_EXPORT);
  g_autofree char *check = dpo_role_describe_needed (DPO_RIGHT_CHECK_AFFECTED);

  g_assert_cmpuint (dpo_role_get_rights (DPO_ROLE_OFFICER), ==, all);
  g_assert_cmpuint (dpo_role_get_rights (DPO_ROLE_NONE), ==, 0);
  /* The agent: people and requests, "am I affected?"; no erasure, no
   * incident edits, no exports, no imports, no settings. */
  g_assert_cmpuint (agent, ==, DPO_RIGHT_READ_PEOPLE | DPO_RIGHT_EDIT_PEOPLE | DPO_RIGHT_CHECK_AFFECTED);
  /* The auditor: reads, exports, verifies; writes nothing. */
  g_assert_cmpuint (auditor & (DPO_RIGHT_EDIT_PEOPLE | DPO_RIGHT_EDIT_INCIDENTS | DPO_RIGHT_ERASE |
                               DPO_RIGHT_IMPORT | DPO_RIGHT_SETTINGS), ==, 0);
  g_assert_cmpuint (auditor & DPO_RIGHT_VERIFY_AUDIT, !=, 0);

  g_assert_cmpstr (erase, ==, "the officer role");
  g_assert_cmpstr (edit, ==, "the agent or officer role");
  g_assert_cmpstr (export, ==, "the auditor or officer role");
  g_assert_cmpstr (check, ==, "the agent, auditor or officer role");
}

/* The store a test opens is the officer's: a file's one user, or the
 * server's administrator; each change is written down with its actor (none
 * on a file). */
static void
test_own_store (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GPtrArray) rows = NULL;
  DpoImportCounts counts = { 0 };
  DpoAuditRow *last;

  g_assert_cmpint (dpo_store_get_role (store), ==, DPO_ROLE_OFFICER);
  g_assert_true (dpo_store_can (store, DPO_RIGHT_ERASE | DPO_RIGHT_EXPORT));
  g_assert_true (dpo_store_require (store, DPO_RIGHT_IMPORT, &error));
  g_assert_no_error (error);
  g_assert_true (dpo_import_bytes (store, example, "example", &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit"), >, 0);
  rows = dpo_store_audit_log (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  last = g_ptr_array_index (rows, 1);
  g_assert_cmpint (last->pk, ==, dpo_test_query_int (path, "SELECT max(pk) FROM audit"));

  if (dpo_test_engine_is_server ())
    {
      g_autofree char *label = dpo_store_dup_session_label (store);

      g_assert_cmpstr (dpo_store_get_user (store), ==, "dpo_admin");
      g_assert_nonnull (strstr (label, "dpo_admin (officer) on localhost/dpo_test_"));
      /* The administrator is a superuser, a member of every role. */
      g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE actor <> 'dpo_admin' "
                                                 "OR actor_role IS DISTINCT FROM 'dpo_officer'"), ==, 0);
      g_assert_cmpstr (last->actor, ==, "dpo_admin");
      g_assert_cmpstr (last->actor_role, ==, "dpo_officer");
    }
  else
    {
      g_assert_null (dpo_store_get_user (store));
      g_assert_null (dpo_store_dup_session_label (store));
      g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit "
                                                 "WHERE actor IS NOT NULL OR actor_role IS NOT NULL"), ==, 0);
      g_assert_null (last->actor);
      g_assert_null (last->actor_role);
    }
}

/* A login of @group (dpo_agent, dpo_auditor) on the database at @uri (the
 * administrator's); the URI to connect as it. */
static char *
login_uri (const char *uri,
           const char *group)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("r%d_%u", (int) getpid (), ++counter);
  g_autofree char *create = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'pw-%s' IN ROLE %s",
                                             name, name, group);
  g_autofree char *as = g_strdup_printf ("user=%s&password=pw-%s", name, name);
  g_auto(GStrv) parts = g_strsplit (uri, "user=dpo_admin", 2);

  g_assert_nonnull (parts[1]);
  dpo_test_exec (uri, create);
  return g_strconcat (parts[0], as, parts[1], NULL);
}

/* @sql as the login of @uri: the SQLSTATE it failed with, "" if it did not. */
static char *
raw_sql (const char *uri,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  PGconn *conn = dpo_pg_connect (uri, &error);
  PGresult *result;
  char *state;

  g_assert_no_error (error);
  result = PQexec (conn, sql);
  state = g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE) != NULL
                    ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : "");
  PQclear (result);
  PQfinish (conn);
  return state;
}

static void
assert_refused (GError     *error,
                const char *role,
                const char *needed)
{
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NOT_PERMITTED);
  g_assert_nonnull (strstr (error->message, role));
  g_assert_nonnull (strstr (error->message, needed));
}

static void
test_agent (void)
{
  g_autofree char *admin_uri = NULL, *uri = NULL, *state = NULL, *label = NULL, *sql = NULL;
  g_autoptr(DpoStore) admin = NULL;
  g_autoptr(DpoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(DpoSubject) subject = NULL;
  g_autoptr(GPtrArray) found = NULL;
  DpoImportCounts counts = { 0 };
  char *outcome = NULL;

  if (!dpo_test_engine_is_server ())
    {
      g_test_skip ("roles belong to a PostgreSQL server");
      return;
    }
  admin = dpo_test_new_store (&admin_uri);
  g_assert_true (dpo_import_bytes (admin, example, "example", &counts, &error));
  g_assert_no_error (error);
  uri = login_uri (admin_uri, "dpo_agent");
  store = dpo_store_open (uri, &error);
  g_assert_no_error (error);

  g_assert_cmpint (dpo_store_get_role (store), ==, DPO_ROLE_AGENT);
  label = dpo_store_dup_session_label (store);
  g_assert_nonnull (strstr (label, " (agent) on localhost/dpo_test_"));

  /* No erasure, through the program or with raw SQL. */
  g_assert_false (dpo_request_execute (store, "R-2024-0002", NULL, &outcome, &error));
  assert_refused (error, "agent", "the officer role");
  g_clear_error (&error);
  g_assert_cmpint (dpo_test_query_int (admin_uri, "SELECT count(*) FROM requests "
                                                  "WHERE id = 'R-2024-0002' AND status = 'received'"), ==, 1);
  state = raw_sql (uri, "DELETE FROM subjects WHERE id = 'S-0008'");
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);

  /* No exports. */
  out = g_memory_output_stream_new_resizable ();
  g_assert_false (dpo_export_json (store, out, NULL, &error));
  assert_refused (error, "agent", "the auditor or officer role");
  g_clear_error (&error);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==, 0);

  /* No incident edits, through the program or with raw SQL. */
  g_assert_false (dpo_store_delete_incident (store, "INC-2024-01", &error));
  assert_refused (error, "agent", "the officer role");
  g_clear_error (&error);
  state = raw_sql (uri, "UPDATE incidents SET title = 'x'");
  g_assert_cmpstr (state, ==, "42501");
  g_clear_pointer (&state, g_free);

  /* People are the agent's: the change is recorded under its name and role. */
  subject = dpo_store_get_subject (store, "S-0008", &error);
  g_assert_no_error (error);
  g_free (subject->email);
  subject->email = g_strdup ("new@example.org");
  g_assert_true (dpo_store_save_subject (store, subject, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE entity = 'subject' AND action = 'update' "
                         "AND actor = '%s' AND actor_role = 'dpo_agent'", dpo_store_get_user (store));
  g_assert_cmpint (dpo_test_query_int (admin_uri, sql), ==, 1);
  /* The log itself is not the agent's to read. */
  g_assert_null (dpo_store_audit_log (store, 0, &error));
  assert_refused (error, "agent", "the auditor or officer role");
  g_clear_error (&error);

  /* The key of the unmatched numbers is the officer's; the agent still
   * learns whether a number is on a list, through the server's function,
   * whose HMAC-SHA256 must be the one GLib computes. */
  {
    static const char key_hex[] = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    guint8 key[32];
    g_autofree char *hmac = NULL;
    g_autofree char *insert = NULL;

    for (guint i = 0; i < sizeof key; i++)
      key[i] = i;
    hmac = g_compute_hmac_for_string (G_CHECKSUM_SHA256, key, sizeof key, "1850775112233", -1);
    insert = g_strdup_printf ("INSERT INTO store_state (key, value) VALUES ('affected_hmac_key', '%s');"
                              "INSERT INTO affected_hashes (kind, hash, incident) "
                              "SELECT 0, decode ('%s', 'hex'), pk FROM incidents", key_hex, hmac);
    dpo_test_exec (admin_uri, insert);
  }
  g_assert_cmpint (dpo_test_query_int (uri, "SELECT count(*) FROM store_state WHERE key = 'affected_hmac_key'"), ==, 0);
  g_assert_cmpint (dpo_test_query_int (admin_uri, "SELECT count(*) FROM store_state WHERE key = 'affected_hmac_key'"), ==, 1);
  found = dpo_store_affected_check (store, "1850775112233", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((DpoAffectedEntry *) g_ptr_array_index (found, 0))->incident, ==, "INC-2024-01");
  g_clear_pointer (&found, g_ptr_array_unref);
  /* The function itself, as the agent. */
  g_assert_cmpint (dpo_test_query_int (uri, "SELECT count(*) FROM dpo_affected_unmatched ('1850775112233', NULL) "
                                            "WHERE dpo_affected_unmatched IN (SELECT pk FROM incidents "
                                            "WHERE id = 'INC-2024-01')"), ==, 1);
  g_assert_cmpint (dpo_test_query_int (uri, "SELECT count(*) FROM dpo_affected_unmatched ('1850775112234', NULL)"), ==, 0);
}

static void
test_auditor (void)
{
  g_autofree char *admin_uri = NULL, *uri = NULL, *state = NULL;
  g_autoptr(DpoStore) admin = NULL;
  g_autoptr(DpoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(DpoSubject) subject = NULL;
  DpoImportCounts counts = { 0 };
  gint64 entries;

  if (!dpo_test_engine_is_server ())
    {
      g_test_skip ("roles belong to a PostgreSQL server");
      return;
    }
  admin = dpo_test_new_store (&admin_uri);
  g_assert_true (dpo_import_bytes (admin, example, "example", &counts, &error));
  g_assert_no_error (error);
  entries = dpo_test_query_int (admin_uri, "SELECT count(*) FROM audit");
  uri = login_uri (admin_uri, "dpo_auditor");
  store = dpo_store_open (uri, &error);
  g_assert_no_error (error);

  g_assert_cmpint (dpo_store_get_role (store), ==, DPO_ROLE_AUDITOR);
  g_assert_true (dpo_store_can (store, DPO_RIGHT_VERIFY_AUDIT | DPO_RIGHT_EXPORT));

  /* Reads, and writes nothing: the refusal names the roles that may. */
  subject = dpo_store_get_subject (store, "S-0008", &error);
  g_assert_no_error (error);
  g_free (subject->email);
  subject->email = g_strdup ("new@example.org");
  g_assert_false (dpo_store_save_subject (store, subject, &error));
  assert_refused (error, "auditor", "officer role");
  g_clear_error (&error);
  g_assert_false (dpo_import_bytes (store, example, "example", &counts, &error));
  assert_refused (error, "auditor", "the officer role");
  g_clear_error (&error);
  state = raw_sql (uri, "INSERT INTO audit (at, entity, record, action, content_hash, hash) "
                        "VALUES ('x', 'x', 'x', 'insert', repeat ('0', 64), repeat ('0', 64))");
  g_assert_cmpstr (state, ==, "42501");
  g_assert_cmpint (dpo_test_query_int (admin_uri, "SELECT count(*) FROM audit"), ==, entries);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/role/rights", test_rights);
  g_test_add_func ("/role/own-store", test_own_store);
  g_test_add_func ("/role/agent", test_agent);
  g_test_add_func ("/role/auditor", test_auditor);
  return g_test_run ();
}
