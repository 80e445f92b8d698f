/* test-pg-server.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-pg-connection.h"
#include "dpo-pg-init.h"
#include "dpo-pg-schema.h"
#include "dpo-store.h"
#include "dpo-test-pg.h"
#include "dpo-test-util.h"

/* "dpo server init" on a real PostgreSQL 15, the one build-aux/pg-test-server
 * starts for this program (DPO_TEST_PG_URI, as the superuser dpo_admin).
 * Each test makes its own database; roles belong to the whole server, so
 * each test's logins have names of their own. What the server holds is
 * read back with psql, not with our code. */


static void
init_ok (const char *uri)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "server", "init", uri, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

/* What the schema is made of and who may do what, as one digest: the
 * same digest, the same schema. */
#define FINGERPRINT_SQL \
  "SELECT md5 (string_agg (x, ',' ORDER BY x)) FROM (" \
  " SELECT c.relname || ':' || c.relkind::text || ':' || coalesce (c.relacl::text, '') AS x" \
  "   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'" \
  " UNION ALL SELECT a.attrelid::regclass || '.' || a.attname || ':' || format_type (a.atttypid, a.atttypmod)" \
  "   || coalesce (a.attacl::text, '') FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid" \
  "   JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND a.attnum > 0" \
  " UNION ALL SELECT tgname || ':' || tgrelid::regclass || ':' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal" \
  " UNION ALL SELECT proname || ':' || md5 (prosrc) FROM pg_proc p JOIN pg_namespace n" \
  "   ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.prolang <> 13" \
  " UNION ALL SELECT 'extension ' || extname FROM pg_extension" \
  " UNION ALL SELECT 'role ' || rolname || ':' || rolcanlogin FROM pg_roles WHERE rolname LIKE 'dpo%'" \
  ") s"

static void
test_mask_uri (void)
{
  const char *cases[][2] = {
    { "postgresql://alice:s3cret@db.example/dpo?sslmode=require",
      "postgresql://alice:****@db.example/dpo?sslmode=require" },
    { "postgres://alice:p@ss@db.example:5433/dpo", "postgres://alice:****@db.example:5433/dpo" },
    { "postgresql://alice@db/dpo?password=s3cret&sslmode=verify-full",
      "postgresql://alice@db/dpo?password=****&sslmode=verify-full" },
    { "host=db user=alice password='se cr\\'et' dbname=dpo",
      "host=db user=alice password=**** dbname=dpo" },
    { "host=db password=s3cret", "host=db password=****" },
    { "postgresql:///dpo?host=/run/postgresql", "postgresql:///dpo?host=/run/postgresql" },
    { "service=dpo", "service=dpo" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = dpo_pg_mask_uri (cases[i][0]);

      g_assert_cmpstr (masked, ==, cases[i][1]);
    }
}

static void
test_init_creates (void)
{
  g_autofree char *uri = NULL, *expected_version = NULL;
  g_autofree char *out = NULL, *err = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  uri = dpo_test_pg_fresh_database ("t_create");
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "server", "init", uri, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "is set up for DPO Workbench"));
  g_assert_nonnull (strstr (out, "GRANT dpo_agent TO alice;"));

  expected_version = g_strdup_printf ("DPO Workbench %d", DPO_PG_SCHEMA_VERSION);
  dpo_test_assert_psql (uri, "SELECT program || ' ' || version FROM dpo_schema", expected_version);
  /* 21 tables, letter_templates (file version 10); affected_unmatched became
   * affected_hashes and affected_unmatched_count (file version 11). */
  dpo_test_assert_psql (uri, "SELECT count (*) FROM information_schema.tables WHERE table_schema = 'public'", "23");
  dpo_test_assert_psql (uri, "SELECT string_agg (tgname, ',' ORDER BY tgname) FROM pg_trigger "
                    "WHERE NOT tgisinternal AND tgname NOT LIKE '%truncate%'",
               "audit_insert,audit_no_delete,audit_no_update,subjects_erasure_rule");
  dpo_test_assert_psql (uri, "SELECT string_agg (rolname || ':' || rolcanlogin, ',' ORDER BY rolname) "
                    "FROM pg_roles WHERE rolname IN ('dpo_officer', 'dpo_agent', 'dpo_auditor')",
               "dpo_agent:false,dpo_auditor:false,dpo_officer:false");
  dpo_test_assert_psql (uri, "SELECT has_table_privilege ('dpo_officer', 'subjects', 'DELETE'),"
                    " has_table_privilege ('dpo_agent', 'subjects', 'DELETE'),"
                    " has_table_privilege ('dpo_agent', 'subjects', 'INSERT'),"
                    " has_table_privilege ('dpo_agent', 'incidents', 'UPDATE'),"
                    " has_table_privilege ('dpo_agent', 'events', 'SELECT'),"
                    " has_table_privilege ('dpo_auditor', 'audit', 'SELECT'),"
                    " has_table_privilege ('dpo_auditor', 'subjects', 'INSERT'),"
                    " has_table_privilege ('dpo_officer', 'subjects', 'TRUNCATE')",
               "t|f|t|f|f|t|f|f");
  dpo_test_assert_psql (uri, "SELECT indexdef LIKE '%gin%gin_trgm_ops%' FROM pg_indexes "
                    "WHERE indexname = 'subjects_search_text'", "t");
}

/* "table.column" lines of a new file's tables, sorted; the search index's
 * FTS5 tables, which the server makes differently, left out. */
static char *
file_columns (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  GString *columns = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT m.name || '.' || p.name FROM sqlite_master m, "
                                       "pragma_table_info (m.name) p WHERE m.type = 'table' "
                                       "AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                       "AND m.name NOT LIKE '%\\_search%' ESCAPE '\\' "
                                       "ORDER BY 1 COLLATE BINARY", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (columns, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (columns, FALSE);
}

/* The server holds what the file holds, column for column, at the same
 * version: when a step is added to the file's schema, this says what the
 * server's lacks (add the same step to app/store/pg/dpo-pg-schema.c). Its
 * own addition: dpo_schema. */
static void
test_schema_matches_file (void)
{
  g_autofree char *uri = NULL, *server = NULL, *file = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  g_assert_cmpint (DPO_PG_SCHEMA_VERSION, ==, DPO_STORE_SCHEMA_VERSION);
  uri = dpo_test_pg_fresh_database ("t_parity");
  init_ok (uri);
  file = file_columns ();
  server = dpo_test_psql (uri, "SELECT string_agg (table_name || '.' || column_name || E'\\n', '' "
                      "ORDER BY table_name || '.' || column_name COLLATE \"C\") "
                      "FROM information_schema.columns WHERE table_schema = 'public' "
                      "AND table_name NOT LIKE '%\\_search' AND table_name <> 'dpo_schema'");
  g_strstrip (file);
  g_assert_nonnull (strstr (file, "requests.decision_reason\nrequests.due_on\n"));
  g_assert_cmpstr (server, ==, file);
}

static void
test_init_again (void)
{
  g_autofree char *uri = NULL, *before = NULL, *after = NULL, *xmin = NULL, *xmin_after = NULL;
  g_autofree char *out = NULL, *err = NULL, *said = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  uri = dpo_test_pg_fresh_database ("t_again");
  init_ok (uri);
  g_free (dpo_test_psql (uri, "INSERT INTO settings VALUES ('retention_after_contract_years', '5')"));
  before = dpo_test_psql (uri, FINGERPRINT_SQL);
  xmin = dpo_test_psql (uri, "SELECT xmin FROM dpo_schema");

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "server", "init", uri, NULL), ==, 0);
  said = g_strdup_printf ("already set up for DPO Workbench (schema version %d); nothing was "
                          "changed", DPO_PG_SCHEMA_VERSION);
  g_assert_nonnull (strstr (out, said));
  after = dpo_test_psql (uri, FINGERPRINT_SQL);
  xmin_after = dpo_test_psql (uri, "SELECT xmin FROM dpo_schema");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (xmin_after, ==, xmin);
  dpo_test_assert_psql (uri, "SELECT value FROM settings", "5");
}

static void
test_init_newer (void)
{
  g_autofree char *uri = NULL, *before = NULL, *after = NULL, *xmin = NULL, *xmin_after = NULL;
  g_autofree char *out = NULL, *err = NULL, *said = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  uri = dpo_test_pg_fresh_database ("t_newer");
  init_ok (uri);
  g_free (dpo_test_psql (uri, "UPDATE dpo_schema SET version = 99"));
  before = dpo_test_psql (uri, FINGERPRINT_SQL);
  xmin = dpo_test_psql (uri, "SELECT xmin FROM dpo_schema");

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "server", "init", uri, NULL), ==, 1);
  said = g_strdup_printf ("was set up by a newer DPO Workbench (schema version 99; this one "
                          "knows up to %d). It was left as it is", DPO_PG_SCHEMA_VERSION);
  g_assert_nonnull (strstr (err, said));
  g_assert_cmpstr (out, ==, "");
  after = dpo_test_psql (uri, FINGERPRINT_SQL);
  xmin_after = dpo_test_psql (uri, "SELECT xmin FROM dpo_schema");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (xmin_after, ==, xmin);
  dpo_test_assert_psql (uri, "SELECT version FROM dpo_schema", "99");
}

static void
test_init_another_program (void)
{
  g_autofree char *uri = NULL, *before = NULL, *after = NULL;
  g_autofree char *out = NULL, *err = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  uri = dpo_test_pg_fresh_database ("t_other");
  g_free (dpo_test_psql (uri, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"));
  before = dpo_test_psql (uri, FINGERPRINT_SQL);

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "server", "init", uri, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "The database “t_other” holds another program’s tables"));
  after = dpo_test_psql (uri, FINGERPRINT_SQL);
  g_assert_cmpstr (after, ==, before);
  dpo_test_assert_psql (uri, "SELECT count (*) FROM information_schema.tables WHERE table_schema = 'public'", "1");
}

/* A login that may neither create tables here nor create roles. */
static void
test_init_without_right (void)
{
  g_autofree char *admin = NULL, *uri = NULL;
  g_autofree char *out = NULL, *err = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  admin = dpo_test_pg_fresh_database ("t_noright");
  dpo_test_pg_create_login ("dave", "dave-pw-4711", NULL);
  uri = dpo_test_pg_uri_for ("t_noright", "dave", "dave-pw-4711");

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "server", "init", uri, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Cannot create DPO Workbench’s tables and roles: the role “dave” "
                                 "does not have the right to do this in database “t_noright”"));
  g_assert_null (strstr (err, "dave-pw-4711"));
  dpo_test_assert_psql (admin, "SELECT count (*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                      "WHERE n.nspname = 'public'", "0");
  dpo_test_assert_psql (admin, "SELECT count (*) FROM pg_extension WHERE extname = 'pg_trgm'", "0");
}

static void
test_connection_errors (void)
{
  g_autofree char *wrong = NULL, *none = NULL, *nowhere = NULL;
  g_autofree char *out = NULL, *err = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  g_free (dpo_test_pg_fresh_database ("t_login"));
  dpo_test_pg_create_login ("carol", "right-pw-1234", NULL);

  wrong = dpo_test_pg_uri_for ("t_login", "carol", "wrong-pw-5678");
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "server", "init", wrong, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "refused the password of “carol”: the password is wrong"));
  g_assert_nonnull (strstr (err, "postgresql://carol:****@/t_login"));
  g_assert_null (strstr (err, "wrong-pw-5678"));
  g_assert_null (strstr (err, "right-pw-1234"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  none = dpo_test_pg_uri_for ("t_login", "carol", NULL);
  g_assert_cmpint (dpo_test_run_dpo ("PGPASSFILE=/nonexistent", &out, &err, "server", "init", none, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "asks for a password, and none was given"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  nowhere = g_strdup ("postgresql://carol:right-pw-1234@/t_login?host=/nonexistent-folder");
  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "server", "init", nowhere, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Cannot connect to the PostgreSQL server at "
                                 "postgresql://carol:****@/t_login?host=/nonexistent-folder"));
  g_assert_null (strstr (err, "right-pw-1234"));
}

/* The SQLSTATE @sql fails with on @conn, or NULL if it succeeds. */
static char *
sql_state (PGconn     *conn,
           const char *sql)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return NULL;
  return g_strdup (PQresultErrorField (result, PG_DIAG_SQLSTATE));
}

#define assert_sql(conn, sql, state) G_STMT_START { \
    g_autofree char *_state = sql_state ((conn), (sql)); \
    if (g_strcmp0 (_state, (state)) != 0) \
      g_error ("“%s” gave %s, not %s: %s", (sql), _state ? _state : "success", \
               (state) ? (state) : "success", PQerrorMessage (conn)); \
  } G_STMT_END

static PGconn *
connect_as (const char *database,
            const char *user,
            const char *password)
{
  g_autofree char *uri = dpo_test_pg_uri_for (database, user, password);
  g_autoptr(GError) error = NULL;
  PGconn *conn = dpo_pg_connect (uri, &error);

  g_assert_no_error (error);
  return conn;
}

#define HASH_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define HASH_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

/* What opening a register on a server will check: an empty database, a
 * newer one and another program's are refused; ours is accepted. */
static void
test_check_schema (void)
{
  g_autofree char *uri = NULL, *other = NULL, *newer = NULL, *foreign = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGconn) other_conn = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  uri = dpo_test_pg_fresh_database ("t_check");
  conn = connect_as ("t_check", "dpo_admin", NULL);
  g_assert_false (dpo_pg_check_schema (conn, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "is empty: set it up first with “dpo server init”"));
  g_clear_error (&error);

  init_ok (uri);
  g_assert_true (dpo_pg_check_schema (conn, &error));
  g_assert_no_error (error);

  /* One version past this program's, whatever that is; then its own
   * version, written by another program. */
  newer = g_strdup_printf ("UPDATE dpo_schema SET version = %d", DPO_PG_SCHEMA_VERSION + 1);
  g_free (dpo_test_psql (uri, newer));
  g_assert_false (dpo_pg_check_schema (conn, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NEWER_DATABASE);
  g_clear_error (&error);
  foreign = g_strdup_printf ("UPDATE dpo_schema SET program = 'Other Register', version = %d",
                             DPO_PG_SCHEMA_VERSION);
  g_free (dpo_test_psql (uri, foreign));
  g_assert_false (dpo_pg_check_schema (conn, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  other = dpo_test_pg_fresh_database ("t_check_other");
  g_free (dpo_test_psql (other, "CREATE TABLE customers (id INTEGER)"));
  other_conn = connect_as ("t_check_other", "dpo_admin", NULL);
  g_assert_false (dpo_pg_check_schema (other_conn, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "holds another program’s tables"));
}

static void
test_agent (void)
{
  g_autofree char *admin = NULL;
  g_autoptr(PGconn) alice = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  admin = dpo_test_pg_fresh_database ("t_agent");
  init_ok (admin);
  g_free (dpo_test_psql (admin, "INSERT INTO subjects (id, last_name, first_name) VALUES ('P-1', 'Martin', 'Léa');"
                       "INSERT INTO incidents (id, title, natures, aware_at, risk) "
                       "VALUES ('B-1', 'Stolen laptop', '[\"confidentiality\"]', '2026-01-05T10:00', 'high')"));
  dpo_test_pg_create_login ("alice", "alice-pw", DPO_PG_ROLE_AGENT);
  alice = connect_as ("t_agent", "alice", "alice-pw");

  /* Records and edits people and requests... */
  assert_sql (alice, "INSERT INTO subjects (id, last_name, first_name) VALUES ('P-2', 'Durand', 'Ana')", NULL);
  assert_sql (alice, "UPDATE subjects SET email = 'ana@example.org' WHERE id = 'P-2'", NULL);
  assert_sql (alice, "INSERT INTO requests (id, subject, kind, received_at, due_on, current_due_on) "
                     "SELECT 'R-1', pk, 'access', '2026-01-06', '2026-02-06', '2026-02-06' "
                     "FROM subjects WHERE id = 'P-2'", NULL);
  /* ...answers "am I affected?"... */
  assert_sql (alice, "SELECT i.id, i.title FROM incidents i LEFT JOIN affected a ON a.incident = i.pk", NULL);
  /* ...and erases nobody, even with raw SQL. */
  assert_sql (alice, "DELETE FROM subjects WHERE id = 'P-2'", "42501");
  assert_sql (alice, "DELETE FROM subjects", "42501");
  assert_sql (alice, "TRUNCATE subjects CASCADE", "42501");
  assert_sql (alice, "UPDATE incidents SET title = 'Nothing happened'", "42501");
  assert_sql (alice, "INSERT INTO events (incident, at, kind) SELECT pk, '2026-01-05', 'other' FROM incidents", "42501");
  assert_sql (alice, "DELETE FROM holds", "42501");
  assert_sql (alice, "UPDATE settings SET value = '0'", "42501");
  /* No export: the incidents whole, their timeline, the audit log. */
  assert_sql (alice, "SELECT * FROM incidents", "42501");
  assert_sql (alice, "SELECT * FROM events", "42501");
  assert_sql (alice, "SELECT changes FROM audit", "42501");
  /* The audit log: chained to its head, written under the agent's name
   * whatever the agent says. */
  assert_sql (alice, "SELECT pk, hash FROM audit ORDER BY pk DESC LIMIT 1", NULL);
  assert_sql (alice, "INSERT INTO audit (at, entity, record, action, content_hash, hash, actor, actor_role) "
                     "VALUES ('2026-01-06T09:00', 'subject', 'P-2', 'insert', '" HASH_A "', '" HASH_B "', 'mallory', 'dpo_officer')",
              NULL);
  assert_sql (alice, "DROP TRIGGER subjects_erasure_rule ON subjects", "42501");

  dpo_test_assert_psql (admin, "SELECT string_agg (id || ':' || coalesce (email, ''), ',' ORDER BY id) FROM subjects",
               "P-1:,P-2:ana@example.org");
  dpo_test_assert_psql (admin, "SELECT actor || ' ' || actor_role FROM audit", "alice dpo_agent");
  dpo_test_assert_psql (admin, "SELECT title FROM incidents", "Stolen laptop");
}

static void
test_officer (void)
{
  g_autofree char *admin = NULL;
  g_autoptr(PGconn) bob = NULL;
  g_autoptr(PGconn) root = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  admin = dpo_test_pg_fresh_database ("t_officer");
  init_ok (admin);
  dpo_test_pg_create_login ("bob", "bob-pw", DPO_PG_ROLE_OFFICER);
  bob = connect_as ("t_officer", "bob", "bob-pw");
  root = connect_as ("t_officer", "dpo_admin", NULL);

  assert_sql (bob,
    "INSERT INTO subjects (id, last_name, first_name) VALUES ('A', 'Holder', 'Ann'), "
    "  ('B', 'Former', 'Ben'), ('C', 'Child', 'Cleo'), ('D', 'Held', 'Dan'), ('E', 'Recent', 'Eve');"
    "INSERT INTO contracts (subject, number, start_date, end_date) "
    "  SELECT pk, 'K-' || id, '1990-01-01', CASE id WHEN 'A' THEN NULL WHEN 'B' THEN '2000-01-01' "
    "    ELSE '2020-01-01' END FROM subjects WHERE id IN ('A', 'B', 'E');"
    "INSERT INTO contract_beneficiaries SELECT c.pk, s.pk FROM contracts c, subjects s "
    "  WHERE c.number = 'K-A' AND s.id = 'C';"
    "INSERT INTO holds (subject, reason, since) SELECT pk, 'litigation', '2025-01-01' FROM subjects "
    "  WHERE id = 'D';"
    "INSERT INTO settings VALUES ('retention_after_contract_years', '10')", NULL);

  /* The erasure rule: an active contract, as holder or as beneficiary; the
   * retention period after a contract's end; a legal hold. */
  assert_sql (bob, "DELETE FROM subjects WHERE id = 'A'", DPO_PG_STATE_ERASURE_RULE);
  assert_sql (bob, "DELETE FROM subjects WHERE id = 'C'", DPO_PG_STATE_ERASURE_RULE);
  assert_sql (bob, "DELETE FROM subjects WHERE id = 'D'", DPO_PG_STATE_ERASURE_RULE);
  assert_sql (bob, "DELETE FROM subjects WHERE id = 'E'", DPO_PG_STATE_ERASURE_RULE);
  assert_sql (root, "DELETE FROM subjects WHERE id = 'A'", DPO_PG_STATE_ERASURE_RULE);
  assert_sql (bob, "DELETE FROM subjects WHERE id = 'B'", NULL);
  assert_sql (bob, "UPDATE settings SET value = '3' WHERE key = 'retention_after_contract_years'", NULL);
  assert_sql (bob, "DELETE FROM subjects WHERE id = 'E'", NULL);
  assert_sql (bob, "TRUNCATE subjects CASCADE", "42501");
  assert_sql (root, "TRUNCATE subjects CASCADE", DPO_PG_STATE_APPEND_ONLY);
  dpo_test_assert_psql (admin, "SELECT string_agg (id, ',' ORDER BY id) FROM subjects", "A,C,D");

  /* The audit log is append-only, for the officer and the owner alike. */
  assert_sql (bob, "INSERT INTO audit (at, entity, record, action, changes, content_hash, hash) "
                   "VALUES ('2026-01-06T09:00', 'subject', 'A', 'update', '{\"email\":\"a@x.org\"}', '"
                   HASH_A "', '" HASH_B "')", NULL);
  assert_sql (bob, "UPDATE audit SET changes = '{}'", DPO_PG_STATE_APPEND_ONLY);
  assert_sql (bob, "UPDATE audit SET changes = '{\"redacted\":\"erasure\"}'", DPO_PG_STATE_APPEND_ONLY);
  assert_sql (bob, "DELETE FROM audit", "42501");
  assert_sql (root, "DELETE FROM audit", DPO_PG_STATE_APPEND_ONLY);
  assert_sql (root, "TRUNCATE audit", DPO_PG_STATE_APPEND_ONLY);
  /* Its one exception: a redaction announced for a person with an erasure
   * request, naming the entry and its hash (the refused one used up pk 2). */
  assert_sql (bob, "INSERT INTO audit (at, entity, record, action, changes, content_hash, hash) "
                   "VALUES ('2026-01-07T09:00', 'subject', 'A', 'redact', '{\"entries\":[[1,\"" HASH_A "\"]]}', '"
                   HASH_B "', '" HASH_A "')", DPO_PG_STATE_REDACTION);
  assert_sql (bob, "INSERT INTO requests (id, subject, kind, received_at, due_on, current_due_on) "
                   "SELECT 'R-9', pk, 'erasure', '2026-01-06', '2026-02-06', '2026-02-06' "
                   "FROM subjects WHERE id = 'A'", NULL);
  assert_sql (bob, "INSERT INTO audit (at, entity, record, action, changes, content_hash, hash) "
                   "VALUES ('2026-01-07T09:00', 'subject', 'A', 'redact', '{\"entries\":[[1,\"" HASH_A "\"]]}', '"
                   HASH_B "', '" HASH_A "')", NULL);
  assert_sql (bob, "UPDATE audit SET changes = '{\"redacted\":\"erasure\"}', hash = '" HASH_A "' "
                   "WHERE pk = 1", DPO_PG_STATE_APPEND_ONLY);
  assert_sql (bob, "UPDATE audit SET changes = '{\"redacted\":\"erasure\"}' WHERE pk = 1", NULL);
  dpo_test_assert_psql (admin, "SELECT string_agg (pk || ':' || action || ':' || changes || ':' || actor || ':' || actor_role, ' ' "
                      "ORDER BY pk) FROM audit",
               "1:update:{\"redacted\":\"erasure\"}:bob:dpo_officer 3:redact:{\"entries\":[[1,\"" HASH_A "\"]]}:bob:dpo_officer");
}

static void
test_auditor (void)
{
  g_autofree char *admin = NULL;
  g_autoptr(PGconn) eve = NULL;

  if (!dpo_test_pg_have_server ())
    return;
  admin = dpo_test_pg_fresh_database ("t_auditor");
  init_ok (admin);
  g_free (dpo_test_psql (admin, "INSERT INTO subjects (id, last_name, first_name) VALUES ('P-1', 'Martin', 'Léa')"));
  dpo_test_pg_create_login ("eve", "eve-pw", DPO_PG_ROLE_AUDITOR);
  eve = connect_as ("t_auditor", "eve", "eve-pw");

  assert_sql (eve, "SELECT * FROM subjects", NULL);
  assert_sql (eve, "SELECT * FROM audit", NULL);
  assert_sql (eve, "SELECT * FROM events", NULL);
  assert_sql (eve, "INSERT INTO subjects (id, last_name, first_name) VALUES ('P-2', 'Durand', 'Ana')", "42501");
  assert_sql (eve, "UPDATE subjects SET email = 'x@y.org'", "42501");
  assert_sql (eve, "INSERT INTO audit (at, entity, record, action, content_hash, hash) "
                   "VALUES ('2026-01-06T09:00', 'subject', 'P-1', 'insert', '" HASH_A "', '" HASH_B "')", "42501");
  assert_sql (eve, "DELETE FROM subjects", "42501");
  dpo_test_assert_psql (admin, "SELECT count (*) FROM subjects", "1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pg/mask-uri", test_mask_uri);
  g_test_add_func ("/pg/init/creates", test_init_creates);
  g_test_add_func ("/pg/init/again", test_init_again);
  g_test_add_func ("/pg/init/schema-matches-file", test_schema_matches_file);
  g_test_add_func ("/pg/init/newer", test_init_newer);
  g_test_add_func ("/pg/init/another-program", test_init_another_program);
  g_test_add_func ("/pg/init/without-right", test_init_without_right);
  g_test_add_func ("/pg/connection-errors", test_connection_errors);
  g_test_add_func ("/pg/check-schema", test_check_schema);
  g_test_add_func ("/pg/roles/agent", test_agent);
  g_test_add_func ("/pg/roles/officer", test_officer);
  g_test_add_func ("/pg/roles/auditor", test_auditor);
  return g_test_run ();
}
