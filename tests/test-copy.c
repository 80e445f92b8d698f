/* test-copy.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "dpo-hold.h"
#include "dpo-pg-connection.h"
#include "dpo-store-letters.h"
#include "dpo-store.h"
#include "dpo-test-pg.h"
#include "dpo-test-util.h"

/* `dpo copy SOURCE DEST` and `dpo audit verify` on a server, on a real
 * PostgreSQL 15 started by build-aux/pg-test-server (DPO_TEST_PG_URI, the
 * superuser dpo_admin). What the copies hold is read back with psql and
 * the sqlite3 library, not with the copy's own code. Roles belong to the
 * whole server: each test's logins have names of their own. */

/* Every table of a register (the search index included). */
static const char *TABLES[] = {
  "incidents", "events", "notifications", "complaints", "communications", "subjects", "contracts",
  "contract_beneficiaries", "holds", "requests", "request_letters", "affected", "affected_hashes",
  "affected_unmatched_count", "informed", "settings", "store_state", "organisation",
  "letter_templates", "subjects_search", "requests_search", "audit",
};


#define assert_dpo_ok(...) G_STMT_START { \
  g_autofree char *ok_out = NULL, *ok_err = NULL; \
  int ok_code = dpo_test_run_dpo (NULL, &ok_out, &ok_err, __VA_ARGS__, NULL); \
  if (ok_code != 0) \
    g_error ("dpo failed (%d): %s%s", ok_code, ok_out, ok_err); \
} G_STMT_END

static void
init_server (const char *uri)
{
  assert_dpo_ok ("server", "init", uri);
}

/* The example scenario with a row in every table: the affected list
 * imported, the notice sent (informed), a letter, an erasure (its audit
 * entries redacted), a hold, a setting and an edited letter template. */
static char *
build_full_register (const char *dir)
{
  g_autofree char *example = dpo_test_example_path ();
  g_autofree char *example_dir = g_path_get_dirname (example);
  g_autofree char *csv = g_build_filename (example_dir, "affected-list.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "campaign", NULL);
  g_autofree char *letter = g_build_filename (dir, "letter.pdf", NULL);
  char *path = g_build_filename (dir, "full.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DpoStore) store = NULL;
  DpoHold *hold;

  assert_dpo_ok ("--database", path, "import", example);
  assert_dpo_ok ("--database", path, "affected", "import", "INC-2024-01", csv);
  assert_dpo_ok ("--database", path, "notice", "INC-2024-01", "--save");
  assert_dpo_ok ("--database", path, "campaign", "INC-2024-01", "--out", out);
  assert_dpo_ok ("--database", path, "letter", "R-2024-0001", "acknowledgement", letter);
  assert_dpo_ok ("--database", path, "execute", "R-2024-0003");

  store = dpo_store_open (path, &error);
  g_assert_no_error (error);
  hold = dpo_hold_new ();
  hold->reason = g_strdup ("litigation");
  hold->note = g_strdup ("Tribunal judiciaire\tde Lyon\nRG 24/01234 \\ appel");
  hold->since = g_strdup ("2024-03-01");
  dpo_store_save_hold (store, "S-0003", hold, &error);
  g_assert_no_error (error);
  dpo_hold_free (hold);
  dpo_store_set_retention_years (store, 5, &error);
  g_assert_no_error (error);
  dpo_store_set_letter_template (store, "acknowledgement", "fr", "Votre demande {request_id}",
                                 "Madame, Monsieur,\n\nNous avons bien reçu votre demande.", &error);
  g_assert_no_error (error);
  return path;
}

/* Built once (a campaign and letters take seconds), copied for each test. */
static char *
full_register (const char *dir)
{
  static char *built;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "full.sqlite", NULL);

  if (built == NULL)
    {
      g_autofree char *own = dpo_test_make_dir ();

      built = build_full_register (own);
    }
  from = g_file_new_for_path (built);
  to = g_file_new_for_path (path);
  g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

/* The example scenario as imported, no erasure: an officer may copy it. */
static char *
plain_register (const char *dir)
{
  g_autofree char *example = dpo_test_example_path ();
  char *path = g_build_filename (dir, "plain.sqlite", NULL);

  assert_dpo_ok ("--database", path, "import", example);
  return path;
}

static gint64
file_count (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return dpo_test_query_int (path, sql);
}

static gint64
server_count (const char *uri,
              const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autofree char *answer = dpo_test_psql (uri, sql);

  return g_ascii_strtoll (answer, NULL, 10);
}

static void
assert_server_empty (const char *uri)
{
  for (guint i = 0; i < G_N_ELEMENTS (TABLES); i++)
    g_assert_cmpint (server_count (uri, TABLES[i]), ==, 0);
}

/* The one text @sql answers, read by sqlite3 itself. */
static char *
file_text (const char *path,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* The audit log's keys, hashes and changes in order. */
static char *
file_hashes (const char *path)
{
  return file_text (path, "SELECT group_concat (x, '|') FROM (SELECT pk || ':' || hash || ':' || "
                          "coalesce (changes, '') AS x FROM audit ORDER BY pk)");
}

static char *
seal_of (const char *out)
{
  const char *seal = strstr (out, "Seal: ");

  g_assert_nonnull (seal);
  return g_strndup (seal + strlen ("Seal: "), 64);
}

/* file -> server -> file: the same register, every table, the same audit
 * chain, the same interchange document. */
static void
test_round_trip (void)
{
  g_autofree char *dir = NULL, *source = NULL, *back = NULL, *uri = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *seal = NULL, *server_seal = NULL, *back_seal = NULL;
  g_autofree char *export_source = NULL, *export_back = NULL;
  g_autofree char *hashes = NULL, *server_hashes = NULL, *keys = NULL;
  g_autofree char *twice = NULL, *uri2 = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  dir = dpo_test_make_dir ();
  source = full_register (dir);
  back = g_build_filename (dir, "back.sqlite", NULL);
  uri = dpo_test_pg_fresh_database ("t_round_trip");
  init_server (uri);

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "--database", source, "audit", "verify", NULL), ==, 0);
  seal = seal_of (out);
  g_assert_cmpint (file_count (source, "audit WHERE action = 'redact'"), ==, 1);

  /* The tables' owner copies it: the log holds an erasure. */
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", source, uri, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "every table verified"));
  g_assert_nonnull (strstr (out, "The audit log is intact"));
  g_assert_nonnull (strstr (out, seal));
  for (guint i = 0; i < G_N_ELEMENTS (TABLES); i++)
    {
      g_assert_cmpint (file_count (source, TABLES[i]), >, 0);
      g_assert_cmpint (server_count (uri, TABLES[i]), ==, file_count (source, TABLES[i]));
    }
  /* The keys are the file's, the log is the file's, and the safeguards
   * are back on; the next key drawn is past the copied ones. */
  hashes = file_hashes (source);
  server_hashes = dpo_test_psql (uri, "SELECT string_agg (pk || ':' || hash || ':' || coalesce (changes, ''), "
                             "'|' ORDER BY pk) FROM audit");
  g_assert_cmpstr (server_hashes, ==, hashes);
  g_free (keys);
  keys = file_text (source, "SELECT group_concat (id || '=' || pk, ',') FROM "
                            "(SELECT id, pk FROM requests ORDER BY pk)");
  dpo_test_assert_psql (uri, "SELECT string_agg (id || '=' || pk, ',' ORDER BY pk) FROM requests", keys);
  dpo_test_assert_psql (uri, "SELECT count(*) FROM pg_trigger WHERE tgname = 'audit_insert' AND tgenabled = 'O'", "1");
  dpo_test_assert_psql (uri, "SELECT nextval (pg_get_serial_sequence ('audit', 'pk')) > max (pk) FROM audit", "t");
  dpo_test_assert_psql (uri, "SELECT note FROM holds", "Tribunal judiciaire\tde Lyon\nRG 24/01234 \\ appel");

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "--database", uri, "audit", "verify", NULL), ==, 0);
  server_seal = seal_of (out);
  g_assert_cmpstr (server_seal, ==, seal);

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", uri, back, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "every table verified"));
  for (guint i = 0; i < G_N_ELEMENTS (TABLES); i++)
    g_assert_cmpint (file_count (back, TABLES[i]), ==, file_count (source, TABLES[i]));
  g_free (hashes);
  hashes = file_hashes (back);
  g_assert_cmpstr (hashes, ==, server_hashes);
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "--database", back, "audit", "verify", NULL), ==, 0);
  back_seal = seal_of (out);
  g_assert_cmpstr (back_seal, ==, seal);

  g_assert_cmpint (dpo_test_run_dpo (NULL, &export_source, &err, "--database", source, "--as-of", "2024-06-01",
                            "export-json", "-", NULL), ==, 0);
  g_assert_cmpint (dpo_test_run_dpo (NULL, &export_back, &err, "--database", back, "--as-of", "2024-06-01",
                            "export-json", "-", NULL), ==, 0);
  g_assert_cmpstr (export_back, ==, export_source);
  /* The search index was rebuilt: a person is found by part of a name. */
  g_assert_cmpint (dpo_test_query_int (back, "SELECT count(*) FROM subjects_search "
                                             "WHERE subjects_search MATCH '\"girar\"'"), >, 0);

  /* Two of a kind, by the same code: a file to a new file, a server to
   * an empty server. */
  twice = g_build_filename (dir, "twice.sqlite", NULL);
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", back, twice, NULL), ==, 0);
  g_assert_cmpint (dpo_test_run_dpo (NULL, &export_back, &err, "--database", twice, "--as-of", "2024-06-01",
                            "export-json", "-", NULL), ==, 0);
  g_assert_cmpstr (export_back, ==, export_source);
  uri2 = dpo_test_pg_fresh_database ("t_round_trip_2");
  init_server (uri2);
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", uri, uri2, NULL), ==, 0);
  g_assert_nonnull (strstr (out, seal));
  dpo_test_assert_psql (uri2, "SELECT string_agg (pk || ':' || hash || ':' || coalesce (changes, ''), "
                     "'|' ORDER BY pk) FROM audit", server_hashes);

  dpo_test_remove_tree (dir);
}

/* An officer who does not own the tables: a register without erasures
 * goes in (the sequences are moved by drawing values, as USAGE allows);
 * one with erasures is refused, saying who may copy it, and nothing is
 * left. */
static void
test_officer (void)
{
  g_autofree char *dir = NULL, *plain = NULL, *full = NULL;
  g_autofree char *admin = NULL, *admin_full = NULL, *officer = NULL, *officer_full = NULL;
  g_autofree char *out = NULL, *err = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  dir = dpo_test_make_dir ();
  plain = plain_register (dir);
  full = full_register (dir);
  admin = dpo_test_pg_fresh_database ("t_officer");
  admin_full = dpo_test_pg_fresh_database ("t_officer_full");
  init_server (admin);
  init_server (admin_full);
  dpo_test_pg_create_login ("olivia", "olivia-pw-2468", "dpo_officer");
  officer = dpo_test_pg_uri_for ("t_officer", "olivia", "olivia-pw-2468");
  officer_full = dpo_test_pg_uri_for ("t_officer_full", "olivia", "olivia-pw-2468");

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", plain, officer, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "every table verified"));
  g_assert_null (strstr (out, "olivia-pw-2468"));
  g_assert_nonnull (strstr (out, "postgresql://olivia:****@/t_officer"));
  g_assert_cmpint (server_count (admin, "requests"), ==, file_count (plain, "requests"));
  dpo_test_assert_psql (admin, "SELECT nextval (pg_get_serial_sequence ('requests', 'pk')) > max (pk) "
                      "FROM requests", "t");
  /* Each audit entry is the officer's. */
  dpo_test_assert_psql (admin, "SELECT string_agg (DISTINCT actor, ',') FROM audit", "olivia");

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", full, officer_full, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "records erasures"));
  g_assert_nonnull (strstr (err, "the role “dpo_admin”"));
  g_assert_nonnull (strstr (err, "not by “olivia”"));
  g_assert_cmpuint (strlen (err) - 1, ==, strcspn (err, "\n"));
  assert_server_empty (admin_full);
  dpo_test_assert_psql (admin_full, "SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_insert'", "O");

  dpo_test_remove_tree (dir);
}

/* An agent or an auditor cannot copy into a server; an agent cannot copy
 * out of one; each is told which role it needs, and nothing changes. */
static void
test_roles_refused (void)
{
  g_autofree char *dir = NULL, *plain = NULL, *admin = NULL, *agent = NULL, *auditor = NULL;
  g_autofree char *filled = NULL, *agent_filled = NULL, *target = NULL;
  g_autofree char *out = NULL, *err = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  dir = dpo_test_make_dir ();
  plain = plain_register (dir);
  target = g_build_filename (dir, "out.sqlite", NULL);
  admin = dpo_test_pg_fresh_database ("t_roles");
  init_server (admin);
  filled = dpo_test_pg_fresh_database ("t_roles_filled");
  init_server (filled);
  assert_dpo_ok ("copy", plain, filled);
  dpo_test_pg_create_login ("arthur", "arthur-pw-1357", "dpo_agent");
  dpo_test_pg_create_login ("aude", "aude-pw-9753", "dpo_auditor");
  agent = dpo_test_pg_uri_for ("t_roles", "arthur", "arthur-pw-1357");
  auditor = dpo_test_pg_uri_for ("t_roles", "aude", "aude-pw-9753");
  agent_filled = dpo_test_pg_uri_for ("t_roles_filled", "arthur", "arthur-pw-1357");

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", plain, agent, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "The role “arthur” may not write a register into the database "
                                 "“t_roles”"));
  g_assert_nonnull (strstr (err, "needs the role dpo_officer"));
  g_assert_null (strstr (err, "arthur-pw-1357"));
  assert_server_empty (admin);

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", plain, auditor, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "The role “aude” may not write a register"));
  g_assert_nonnull (strstr (err, "needs the role dpo_officer"));
  assert_server_empty (admin);

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", agent_filled, target, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "may not read the whole register"));
  g_assert_nonnull (strstr (err, "needs the role dpo_officer or dpo_auditor"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  /* The auditor may copy a register out, and verify it. */
  g_free (auditor);
  auditor = dpo_test_pg_uri_for ("t_roles_filled", "aude", "aude-pw-9753");
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", auditor, target, NULL), ==, 0);
  g_assert_cmpint (file_count (target, "requests"), ==, file_count (plain, "requests"));

  dpo_test_remove_tree (dir);
}

/* Each refusal: one line on stderr, exit 1, the destination as it was. */
static void
test_bad_input (void)
{
  g_autofree char *dir = NULL, *plain = NULL, *existing = NULL, *missing = NULL, *newer = NULL;
  g_autofree char *uri = NULL, *empty = NULL, *foreign = NULL, *filled = NULL;
  g_autofree char *wrong = NULL, *nowhere = NULL, *target = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) newer_before = NULL;
  g_autoptr(GBytes) newer_after = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  dir = dpo_test_make_dir ();
  plain = plain_register (dir);
  target = g_build_filename (dir, "target.sqlite", NULL);
  uri = dpo_test_pg_fresh_database ("t_bad");
  init_server (uri);
  filled = dpo_test_pg_fresh_database ("t_bad_filled");
  init_server (filled);
  assert_dpo_ok ("copy", plain, filled);

  /* An existing destination file. */
  existing = g_build_filename (dir, "existing.sqlite", NULL);
  g_assert_true (g_file_set_contents (existing, "keep me", -1, NULL));
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", filled, existing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already exists: a copy will not overwrite it"));
  before = dpo_test_file_bytes (existing);
  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before), "keep me", 7);

  /* A server that already holds a register. */
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", plain, filled, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "The database “t_bad_filled” already holds a register (1 incidents, "
                                 "8 people, 5 requests"));
  g_assert_nonnull (strstr (err, "Nothing was changed."));
  g_assert_cmpint (server_count (filled, "requests"), ==, 5);

  /* A source file that is not there: nothing made in its place. */
  missing = g_build_filename (dir, "missing.sqlite", NULL);
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", missing, uri, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "There is no database file at"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* A file of a newer DPO Workbench: refused, untouched. */
  newer = g_build_filename (dir, "newer.sqlite", NULL);
  assert_dpo_ok ("copy", filled, newer);
  dpo_test_exec (newer, "PRAGMA user_version = 99");
  newer_before = dpo_test_file_bytes (newer);
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", newer, uri, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "newer"));
  newer_after = dpo_test_file_bytes (newer);
  g_assert_true (g_bytes_equal (newer_before, newer_after));
  assert_server_empty (uri);

  /* A database no one set up, and another program's. */
  empty = dpo_test_pg_fresh_database ("t_bad_empty");
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", plain, empty, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is empty: set it up first with “dpo server init”"));
  dpo_test_assert_psql (empty, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", "0");
  foreign = dpo_test_pg_fresh_database ("t_bad_foreign");
  g_free (dpo_test_psql (foreign, "CREATE TABLE invoices (id INTEGER)"));
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", plain, foreign, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "holds another program’s tables"));
  dpo_test_assert_psql (foreign, "SELECT string_agg (tablename, ',') FROM pg_tables WHERE schemaname = 'public'",
               "invoices");
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", foreign, target, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "holds another program’s tables"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  /* A wrong password, never printed; a server that cannot be reached. */
  dpo_test_pg_create_login ("bella", "bella-pw-8642", "dpo_officer");
  wrong = dpo_test_pg_uri_for ("t_bad", "bella", "not-her-pw-1111");
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", plain, wrong, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "refused the password of “bella”"));
  g_assert_null (strstr (err, "not-her-pw-1111"));
  g_assert_nonnull (strstr (err, "postgresql://bella:****@/t_bad"));
  nowhere = g_strdup ("postgresql://bella:bella-pw-8642@/t_bad?host=/nonexistent-folder");
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", nowhere, target, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Cannot connect to the PostgreSQL server at "
                                 "postgresql://bella:****@/t_bad?host=/nonexistent-folder"));
  g_assert_null (strstr (err, "bella-pw-8642"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  assert_server_empty (uri);

  /* Usage. */
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", plain, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "expected SOURCE DEST"));

  dpo_test_remove_tree (dir);
}

/* A connection lost in the middle of a copy (the test hook terminates
 * the copy's own server process as a table begins): nothing half-written
 * on the server, no file left behind. */
static void
test_dropped_connection (void)
{
  g_autofree char *dir = NULL, *full = NULL, *uri = NULL, *filled = NULL, *target = NULL;
  g_autofree char *out = NULL, *err = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  dir = dpo_test_make_dir ();
  full = full_register (dir);
  target = g_build_filename (dir, "target.sqlite", NULL);
  uri = dpo_test_pg_fresh_database ("t_drop");
  init_server (uri);
  filled = dpo_test_pg_fresh_database ("t_drop_filled");
  init_server (filled);
  assert_dpo_ok ("copy", full, filled);

  /* Table 6 (contracts): incidents to subjects are sent by then. */
  g_assert_cmpint (dpo_test_run_dpo ("DPO_COPY_TEST_DROP_AT=6", &out, &err, "copy", full, uri, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "the connection to the server was lost; nothing was changed"));
  g_assert_cmpuint (strlen (err) - 1, ==, strcspn (err, "\n"));
  assert_server_empty (uri);
  /* The connection lost as the log is sent: nothing either, and the
   * log's safeguards as they were. */
  g_assert_cmpint (dpo_test_run_dpo ("DPO_COPY_TEST_DROP_AT=21", &out, &err, "copy", full, uri, NULL), ==, 1);
  assert_server_empty (uri);
  dpo_test_assert_psql (uri, "SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_insert'", "O");

  g_assert_cmpint (dpo_test_run_dpo ("DPO_COPY_TEST_DROP_AT=9", &out, &err, "copy", filled, target, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "the connection to the server was lost"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  /* A copy after a failed one draws keys past the copied ones all the same. */
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", full, uri, NULL), ==, 0);
  dpo_test_assert_psql (uri, "SELECT nextval (pg_get_serial_sequence ('incidents', 'pk')) > max (pk) "
                    "FROM incidents", "t");

  dpo_test_remove_tree (dir);
}

/* A row the server refuses (text that is not UTF-8, which SQLite keeps
 * and PostgreSQL does not), in the middle of the copy: nothing copied,
 * and the message says which row of which table. */
static void
test_refused_row (void)
{
  g_autofree char *dir = NULL, *plain = NULL, *uri = NULL;
  g_autofree char *out = NULL, *err = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  dir = dpo_test_make_dir ();
  plain = plain_register (dir);
  dpo_test_exec (plain, "UPDATE requests SET outcome = CAST (x'4fff' AS TEXT) WHERE pk = 3");
  uri = dpo_test_pg_fresh_database ("t_refused");
  init_server (uri);

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", plain, uri, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "The server refused row 3 of “requests”, so nothing was copied: "
                                 "invalid byte sequence for encoding \"UTF8\": 0xff"));
  g_assert_cmpuint (strlen (err) - 1, ==, strcspn (err, "\n"));
  assert_server_empty (uri);

  dpo_test_remove_tree (dir);
}

/* A file of an older version is brought to this one by the store, then
 * copied. */
static void
test_older_file (void)
{
  g_autofree char *dir = NULL, *plain = NULL, *uri = NULL;
  g_autofree char *out = NULL, *err = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  dir = dpo_test_make_dir ();
  plain = plain_register (dir);
  dpo_test_undo_schema_steps (plain, 9);
  g_assert_cmpint (dpo_test_query_int (plain, "PRAGMA user_version"), ==, 9);
  uri = dpo_test_pg_fresh_database ("t_older");
  init_server (uri);
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "copy", plain, uri, NULL), ==, 0);
  g_assert_cmpint (server_count (uri, "requests"), ==, 5);
  g_assert_cmpint (dpo_test_query_int (plain, "PRAGMA user_version"), >, 9);

  dpo_test_remove_tree (dir);
}

/* dpo audit verify on a server: the same report as for a file, from an
 * auditor or through DPO_DATABASE; an altered entry, a dropped or
 * disabled safeguard named; an agent told it may not read the log. */
static void
test_audit_verify (void)
{
  g_autofree char *dir = NULL, *full = NULL, *uri = NULL, *auditor = NULL, *agent = NULL;
  g_autofree char *env = NULL, *file_seal = NULL, *seal = NULL, *intact = NULL;
  g_autofree char *out = NULL, *err = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  dir = dpo_test_make_dir ();
  full = full_register (dir);
  uri = dpo_test_pg_fresh_database ("t_verify");
  init_server (uri);
  assert_dpo_ok ("copy", full, uri);
  dpo_test_pg_create_login ("victor", "victor-pw-7531", "dpo_auditor");
  dpo_test_pg_create_login ("alain", "alain-pw-3579", "dpo_agent");
  auditor = dpo_test_pg_uri_for ("t_verify", "victor", "victor-pw-7531");
  agent = dpo_test_pg_uri_for ("t_verify", "alain", "alain-pw-3579");

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "--database", full, "audit", "verify", NULL), ==, 0);
  file_seal = seal_of (out);
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "--database", auditor, "audit", "verify", NULL), ==, 0);
  intact = g_strdup_printf ("The audit log is intact (%" G_GINT64_FORMAT " entries); the safeguards "
                            "and the database structure are as DPO Workbench made them.\n",
                            file_count (full, "audit"));
  g_assert_nonnull (strstr (out, intact));
  seal = seal_of (out);
  g_assert_cmpstr (seal, ==, file_seal);
  env = g_strconcat ("DPO_DATABASE=", auditor, NULL);
  g_assert_cmpint (dpo_test_run_dpo (env, &out, &err, "audit", "verify", NULL), ==, 0);
  g_assert_nonnull (strstr (out, file_seal));

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "--database", agent, "audit", "verify", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "the role “alain” does not have the right"));
  g_assert_null (strstr (err, "alain-pw-3579"));

  /* Behind the rules' back, as the tables' owner. */
  g_free (dpo_test_psql (uri, "ALTER TABLE audit DISABLE TRIGGER audit_no_update; "
                     "UPDATE audit SET record = 'S-9999' WHERE pk = 3; "
                     "ALTER TABLE audit ENABLE TRIGGER audit_no_update"));
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "--database", auditor, "audit", "verify", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Audit entry 3 was altered: its content no longer matches its hash."));
  g_assert_null (strstr (err, "victor-pw-7531"));

  g_free (dpo_test_psql (uri, "ALTER TABLE audit DISABLE TRIGGER audit_no_delete"));
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "--database", auditor, "audit", "verify", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "The safeguard “audit_no_delete” (a database trigger) was altered."));
  g_free (dpo_test_psql (uri, "DROP TRIGGER audit_no_delete ON audit"));
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "--database", auditor, "audit", "verify", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "The safeguard “audit_no_delete” (a database trigger) was removed."));
  g_free (dpo_test_psql (uri, "CREATE OR REPLACE FUNCTION dpo_audit_no_update () RETURNS trigger "
                     "LANGUAGE plpgsql AS $x$ BEGIN RETURN NEW; END $x$"));
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "--database", auditor, "audit", "verify", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "The safeguard “audit_no_update” (a database trigger) was altered."));

  dpo_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/copy/round-trip", test_round_trip);
  g_test_add_func ("/copy/officer", test_officer);
  g_test_add_func ("/copy/roles-refused", test_roles_refused);
  g_test_add_func ("/copy/bad-input", test_bad_input);
  g_test_add_func ("/copy/dropped-connection", test_dropped_connection);
  g_test_add_func ("/copy/refused-row", test_refused_row);
  g_test_add_func ("/copy/older-file", test_older_file);
  g_test_add_func ("/copy/audit-verify", test_audit_verify);
  return g_test_run ();
}
