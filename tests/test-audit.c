/* test-audit.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "dpo-import.h"
#include "dpo-audit-verify.h"
#include "dpo-error.h"
#include "dpo-pg-connection.h"
#include "dpo-pg-verify.h"
#include "dpo-registers.h"
#include "dpo-request-execute.h"
#include "dpo-store.h"
/* White-box: these tests look at the store's own connection. */
#define DPO_STORE_COMPILATION
#include "dpo-store-private.h"
#include "dpo-test-util.h"

/* The tamper-evident audit log (issue 10, "Fell short" 10, Deliver 3):
 * a hash chain, an erasure that redacts only what it announces, triggers
 * put back when dropped, and `dpo audit verify` that names what changed. */

/* The example scenario, with S-0002's erasure (R-2024-0003) carried out:
 * the log then holds a redaction. */
static DpoStore *
new_store_with_erasure (char **path)
{
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GError) error = NULL;
  DpoStore *store = dpo_test_new_store (path);

  g_assert_true (dpo_import_bytes (store, example, "example", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dpo_request_execute (store, "R-2024-0003", NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* `dpo audit verify`'s check: of the file as it is, or of the server's
 * log, read through another connection with the store's own hashes. */
static gboolean
verify_audit (const char  *path,
              char       **seal,
              guint64     *n_entries,
              GError     **error)
{
  PGconn *conn;
  gboolean verified;

  if (!dpo_test_engine_is_server ())
    return dpo_audit_verify_file (path, seal, n_entries, error);
  conn = dpo_pg_connect (path, error);
  if (conn == NULL)
    return FALSE;
  verified = dpo_pg_audit_verify (conn, seal, n_entries, error);
  PQfinish (conn);
  return verified;
}

/* Runs @sql on a connection of its own, as someone with the file would. */
static int
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

static char *
trigger_sql (const char *path,
             const char *name)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *sql = NULL;

  /* A file's schema alone (the caller skips on a server). */
  if (dpo_test_engine_is_server ())
    return NULL;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE name = ?", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_nonnull (sql);
  return sql;
}

static void
test_chain_verifies (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = new_store_with_erasure (&path);
  g_autoptr(GError) error = NULL;
  g_autofree char *seal = NULL;
  g_autofree char *store_seal = dpo_store_dup_audit_seal (store);
  guint64 n_entries = 0;

  g_assert_true (verify_audit (path, &seal, &n_entries, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries, ==, dpo_test_query_int (path, "SELECT count(*) FROM audit"));
  g_assert_cmpuint (strlen (seal), ==, 64);
  g_assert_cmpstr (seal, ==, store_seal);
  /* The erasure's redaction is itself an entry, and it blanked the person. */
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE action = 'redact' "
                                             "AND record = 'S-0002'"), ==, 1);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE changes LIKE "
                                             "'%165113155501897%' OR changes LIKE '%Bernard%'"), ==, 0);
}

static void
test_seal_moves_with_each_entry (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = dpo_test_new_store (&path);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autofree char *empty = dpo_store_dup_audit_seal (store);
  g_autofree char *full = NULL;

  g_assert_cmpstr (empty, ==, "0000000000000000000000000000000000000000000000000000000000000000");
  g_assert_true (dpo_import_bytes (store, example, "example", NULL, NULL));
  full = dpo_store_dup_audit_seal (store);
  g_assert_cmpstr (full, !=, empty);
}

/* The exception the append-only trigger makes for erasures cannot be used
 * alone: it was `UPDATE audit SET changes='{"redacted":"erasure"}'`. */
static void
test_redaction_needs_erasure (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = new_store_with_erasure (&path);

  if (dpo_test_engine_is_server ())
    {
      /* The server's triggers, for any client (its superuser too), each
       * with the SQLSTATE of its rule. */
      static const struct { const char *sql; const char *state; } refused[] = {
        { "UPDATE audit SET changes = '{\"redacted\":\"erasure\"}' WHERE pk = 1", "DPO02" },
        { "UPDATE audit SET changes = '{\"redacted\":\"erasure\"}'", "DPO02" },
        { "DELETE FROM audit WHERE pk = 1", "DPO02" },
        { "INSERT INTO audit (at, entity, record, action, changes, content_hash, hash) "
          "VALUES ('x', 'subject', 'S-0003', 'redact', '{\"entries\":[[1,\"x\"]]}', "
          "repeat ('0', 64), repeat ('0', 64))", "DPO03" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
        {
          g_autofree char *state = NULL;

          g_assert_false (dpo_test_server_try_exec (path, refused[i].sql, &state, NULL));
          g_assert_cmpstr (state, ==, refused[i].state);
        }
      g_assert_true (verify_audit (path, NULL, NULL, NULL));
      return;
    }
  g_assert_cmpint (tamper (path, "UPDATE audit SET changes = '{\"redacted\":\"erasure\"}' WHERE pk = 1"),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (tamper (path, "UPDATE audit SET changes = '{\"redacted\":\"erasure\"}'"),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (tamper (path, "DELETE FROM audit WHERE pk = 1"), ==, SQLITE_CONSTRAINT);
  /* Announcing a redaction for a person without an erasure request (S-0003). */
  g_assert_cmpint (tamper (path, "INSERT INTO audit (at, entity, record, action, changes, content_hash, hash) "
                                 "VALUES ('x', 'subject', 'S-0003', 'redact', '{\"entries\":[[1,\"x\"]]}', "
                                 "printf('%064d', 0), printf('%064d', 0))"), ==, SQLITE_CONSTRAINT);
  g_assert_true (verify_audit (path, NULL, NULL, NULL));
}

typedef struct
{
  const char *sql;      /* %s: the trigger's own SQL, to put it back after */
  const char *trigger;  /* dropped then put back around @sql, or NULL */
  const char *named;    /* what the verification must name */
} Tampering;

static void
assert_tampering_caught (const Tampering *t)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = new_store_with_erasure (&path);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *seal = NULL;

  if (t->trigger != NULL)
    {
      g_autofree char *saved = trigger_sql (path, t->trigger);
      sql = g_strdup_printf ("DROP TRIGGER %s; %s; %s", t->trigger, t->sql, saved);
    }
  else
    sql = g_strdup (t->sql);
  g_test_message ("%s", sql);
  g_assert_cmpint (tamper (path, sql), ==, SQLITE_OK);

  g_assert_false (verify_audit (path, &seal, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, t->named));
  g_assert_null (seal);
}

static void
test_tampering_caught (void)
{
  static const Tampering cases[] = {
    /* The issue's attacks: redact, delete or rewrite behind the triggers. */
    { "UPDATE audit SET changes = '{\"redacted\":\"erasure\"}' WHERE pk = 1", "audit_no_update",
      "entry 1 was blanked without an erasure" },
    { "DELETE FROM audit WHERE pk = 2", "audit_no_delete", "entry 3 does not follow" },
    { "UPDATE audit SET changes = '{\"id\":\"S-0001\",\"last_name\":\"Dupont\"}' WHERE pk = 1",
      "audit_no_update", "entry 1 was altered" },
    { "UPDATE audit SET at = '2024-01-01T00:00:00+00:00' WHERE pk = 6", "audit_no_update",
      "entry 6 was altered" },
    /* Rewritten with a matching content hash (entry 5's), but the chain
     * went on from the old one. */
    { "UPDATE audit SET (at, entity, record, action, changes, content_hash) = (SELECT at, entity, "
      "record, action, changes, content_hash FROM audit WHERE pk = 5) WHERE pk = 4",
      "audit_no_update", "entry 4 does not follow" },
    { "INSERT INTO audit (at, entity, record, action, changes, content_hash, hash) VALUES "
      "('2024-01-01T00:00:00+00:00', 'incident', 'INC-X', 'insert', NULL, printf('%064d', 0), "
      "printf('%064d', 0))", NULL, "was altered" },
    /* The safeguards themselves and the structure. */
    { "DROP TRIGGER subjects_erasure_rule", NULL, "“subjects_erasure_rule” (a database trigger) was removed" },
    { "DROP TRIGGER audit_no_delete", NULL, "“audit_no_delete” (a database trigger) was removed" },
    { "DROP TRIGGER audit_no_update; CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
      "BEGIN SELECT 1; END", NULL, "“audit_no_update” (a database trigger) was altered" },
    { "CREATE TRIGGER audit_rewrite AFTER INSERT ON audit BEGIN SELECT 1; END", NULL,
      "“audit_rewrite” (trigger) was added" },
    { "DROP INDEX requests_due", NULL, "“requests_due” (index) was removed" },
  };
  if (dpo_test_engine_is_server ())
    {
      /* The server's safeguards are PL/pgSQL triggers that no role of the
       * program may drop: their tampering is test-copy's and
       * test-pg-server's (dpo audit verify on a server). */
      g_test_skip ("a file's own triggers, rewritten through sqlite_master");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_tampering_caught (&cases[i]);
}

/* A database whose safeguards were dropped is repaired on opening, and the
 * repair is logged: `dpo` never runs without the erasure rule. */
static void
test_open_restores_safeguards (void)
{
  g_autofree char *path = NULL;
  DpoStore *store = new_store_with_erasure (&path);
  g_autofree char *erasure_rule = trigger_sql (path, "subjects_erasure_rule");
  g_autoptr(GError) error = NULL;
  if (dpo_test_engine_is_server ())
    {
      /* The server's safeguards are PL/pgSQL triggers that no role of the
       * program may drop: their tampering is test-copy's and
       * test-pg-server's (dpo audit verify on a server). */
      g_test_skip ("a file's own triggers, rewritten through sqlite_master");
      return;
    }

  g_assert_finalize_object (store);
  g_assert_cmpint (tamper (path, "DROP TRIGGER subjects_erasure_rule; DROP TRIGGER audit_no_update"),
                   ==, SQLITE_OK);

  g_test_expect_message ("dpo", G_LOG_LEVEL_MESSAGE, "*audit_no_update*restored*");
  g_test_expect_message ("dpo", G_LOG_LEVEL_MESSAGE, "*subjects_erasure_rule*restored*");
  store = dpo_store_open (path, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE entity = 'safeguard' "
                                             "AND action = 'restore'"), ==, 2);
  g_assert_true (verify_audit (path, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The rule holds again: S-0001 has an active contract. */
  g_assert_cmpint (tamper (path, "DELETE FROM subjects WHERE id = 'S-0001'"), ==, SQLITE_CONSTRAINT);
  g_assert_finalize_object (store);
}

/* The audit table and triggers of schema version 1, as released. */
static const char V1_AUDIT[] =
  "DROP TABLE audit;"
  "CREATE TABLE audit ("
  "  pk INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  record TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'execute')),"
  "  changes TEXT CHECK (changes IS NULL OR json_valid(changes))"
  ");"
  "CREATE INDEX audit_record ON audit (entity, record);"
  "INSERT INTO audit SELECT pk, at, entity, record, action, changes FROM audit_copy;"
  "DROP TABLE audit_copy;"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
  "WHEN NEW.changes IS NOT '{\"redacted\":\"erasure\"}' OR NEW.at IS NOT OLD.at "
  "  OR NEW.entity IS NOT OLD.entity OR NEW.record IS NOT OLD.record OR NEW.action IS NOT OLD.action "
  "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
  "BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "DROP TABLE store_state;"
  "PRAGMA user_version = 1;";

static void
test_migration_chains_version_1 (void)
{
  g_autofree char *path = NULL;
  DpoStore *store = dpo_test_new_store (&path);
  g_autoptr(GBytes) example = dpo_test_example_bytes ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 n_entries;
  guint64 verified = 0;

  if (dpo_test_engine_is_server ())
    {
      g_test_skip ("a file's own migration: a server's log was chained from its first version");
      g_assert_finalize_object (store);
      return;
    }
  g_assert_true (dpo_import_bytes (store, example, "example", NULL, &error));
  g_assert_finalize_object (store);
  n_entries = dpo_test_query_int (path, "SELECT count(*) FROM audit");
  /* Back to version 2 first: version 1 never had what came after it. */
  dpo_test_undo_schema_steps (path, 2);
  sql = g_strconcat ("CREATE TABLE audit_copy AS SELECT * FROM audit;", V1_AUDIT, NULL);
  g_assert_cmpint (tamper (path, sql), ==, SQLITE_OK);
  g_assert_cmpint (dpo_test_query_int (path, "PRAGMA user_version"), ==, 1);

  /* Not verifiable before the upgrade; chained by it. */
  g_assert_false (verify_audit (path, NULL, NULL, NULL));
  store = dpo_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dpo_test_query_int (path, "PRAGMA user_version"), ==, DPO_STORE_SCHEMA_VERSION);
  g_assert_true (verify_audit (path, NULL, &verified, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (verified, ==, n_entries);
  /* And the erasure works on the upgraded file. */
  g_assert_true (dpo_request_execute (store, "R-2024-0003", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (verify_audit (path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);
}

/* Whether the zip at @path holds @needle in one of its parts (Debian's
 * Python reads the zip; the parts are deflated). */
static gboolean
zip_contains (const char *path,
              const char *needle)
{
  const char *argv[] = {
    "/usr/bin/python3", "-c",
    "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
    "sys.exit(0 if any(sys.argv[2].encode() in z.read(n) for n in z.namelist()) else 1)",
    path, needle, NULL
  };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

/* The seal printed in the registers (page footers) and the incident report. */
static void
test_seal_in_reports (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = new_store_with_erasure (&path);
  /* On a server, the workbooks go to a folder of their own. */
  g_autofree char *dir = dpo_test_engine_is_server () ? dpo_test_make_dir () : g_path_get_dirname (path);
  g_autofree char *registers = g_build_filename (dir, "registers.xlsx", NULL);
  g_autofree char *report = g_build_filename (dir, "incident.xlsx", NULL);
  g_autoptr(GFile) registers_file = g_file_new_for_path (registers);
  g_autoptr(GFile) report_file = g_file_new_for_path (report);
  g_autofree char *seal = dpo_store_dup_audit_seal (store);
  g_autofree char *footer = g_strdup_printf ("<oddFooter>&amp;LAudit log seal: %s&amp;R", seal);
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3 to read the workbooks");
      return;
    }
  g_assert_true (dpo_registers_export (store, registers_file, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (dpo_registers_export_incident (store, "INC-2024-01", report_file, &error));
  g_assert_no_error (error);

  g_assert_true (zip_contains (registers, footer));
  g_assert_true (zip_contains (report, footer));
  g_assert_false (zip_contains (report, "0000000000000000000000000000000000000000000000000000000000000000"));
}

static int
run_verify (const char  *path,
            const char  *locale,
            char       **out,
            char       **err)
{
  const char *argv[] = { g_getenv ("DPO_CLI"), "--database", path, "audit", "verify", NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", locale, TRUE);
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* `dpo audit verify`: exit 0 and the seal, or exit 1 naming what changed. */
static void
test_cli_verify (void)
{
  g_autofree char *path = NULL;
  g_autoptr(DpoStore) store = new_store_with_erasure (&path);
  g_autofree char *seal = dpo_store_dup_audit_seal (store);
  g_autofree char *expected = g_strdup_printf ("Seal: %s\n", seal);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *saved = trigger_sql (path, "audit_no_update");
  g_autofree char *sql = g_strdup_printf ("DROP TRIGGER audit_no_update; UPDATE audit SET changes = "
                                          "'{\"redacted\":\"erasure\"}' WHERE pk = 1; %s", saved);

  g_assert_cmpint (run_verify (path, "C.UTF-8", &out, &err), ==, 0);
  g_assert_true (g_str_has_suffix (out, expected));
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* On a server, only the tables' owner can get past the trigger. */
  if (dpo_test_engine_is_server ())
    dpo_test_exec (path, "ALTER TABLE audit DISABLE TRIGGER audit_no_update; UPDATE audit SET changes = "
                         "'{\"redacted\":\"erasure\"}' WHERE pk = 1; "
                         "ALTER TABLE audit ENABLE TRIGGER audit_no_update");
  else
    g_assert_cmpint (tamper (path, sql), ==, SQLITE_OK);
  g_assert_cmpint (run_verify (path, "C.UTF-8", &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "Audit entry 1 was blanked without an erasure"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    return;
  setlocale (LC_ALL, "");
  g_assert_cmpint (run_verify (path, "fr_FR.UTF-8", &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "L’entrée 1 du journal d’audit a été effacée sans demande d’effacement"));
}

/* `dpo` does not run a command on a database without its erasure rule: it
 * puts the rule back first, says so, and logs it. */
static void
test_cli_restores_erasure_rule (void)
{
  g_autofree char *path = NULL;
  DpoStore *store = new_store_with_erasure (&path);
  const char *argv[] = { g_getenv ("DPO_CLI"), "--database", NULL, "execute", "R-2024-0002", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = -1;
  if (dpo_test_engine_is_server ())
    {
      /* The server's safeguards are PL/pgSQL triggers that no role of the
       * program may drop: their tampering is test-copy's and
       * test-pg-server's (dpo audit verify on a server). */
      g_test_skip ("a file's own triggers, rewritten through sqlite_master");
      return;
    }

  g_assert_finalize_object (store);
  g_assert_cmpint (tamper (path, "DROP TRIGGER subjects_erasure_rule"), ==, SQLITE_OK);
  argv[2] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  /* S-0001's erasure is still refused (exit 3), and the rule is back. */
  g_assert_cmpint (WEXITSTATUS (status), ==, 3);
  g_assert_nonnull (strstr (err, "dpo: "));
  g_assert_nonnull (strstr (err, "“subjects_erasure_rule” had been removed; it was restored"));
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE "
                                             "name = 'subjects_erasure_rule'"), ==, 1);
  g_assert_cmpint (dpo_test_query_int (path, "SELECT count(*) FROM audit WHERE action = 'restore' "
                                             "AND record = 'subjects_erasure_rule'"), ==, 1);
  g_assert_cmpint (tamper (path, "DELETE FROM subjects WHERE id = 'S-0001'"), ==, SQLITE_CONSTRAINT);
  g_assert_true (verify_audit (path, NULL, NULL, NULL));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/chain-verifies", test_chain_verifies);
  g_test_add_func ("/audit/seal-moves", test_seal_moves_with_each_entry);
  g_test_add_func ("/audit/redaction-needs-erasure", test_redaction_needs_erasure);
  g_test_add_func ("/audit/tampering-caught", test_tampering_caught);
  g_test_add_func ("/audit/open-restores-safeguards", test_open_restores_safeguards);
  g_test_add_func ("/audit/migration-chains-version-1", test_migration_chains_version_1);
  g_test_add_func ("/audit/seal-in-reports", test_seal_in_reports);
  g_test_add_func ("/audit/cli-verify", test_cli_verify);
  g_test_add_func ("/audit/cli-restores-erasure-rule", test_cli_restores_erasure_rule);

  return g_test_run ();
}
