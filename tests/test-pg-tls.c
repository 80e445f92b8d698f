/* test-pg-tls.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A server reached over TLS (issue 13, bad input): build-aux/pg-test-server
 * with DPO_TEST_PG_TLS=1 listens on 127.0.0.1 too, with a self-signed
 * certificate for "localhost". With sslmode=verify-full, the right root
 * certificate connects; another one, or another host name, is refused in
 * one message that says so, the password never shown; the command line
 * exits 1 and the register is untouched. */

#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-pg-connection.h"
#include "dpo-test-pg.h"
#include "dpo-test-util.h"

#define PASSWORD "tls-S3cret-pw"

static char *
tls_uri (const char *host,
         const char *root)
{
  return g_strdup_printf ("postgresql://dpo_admin:" PASSWORD "@%s:%s/postgres"
                          "?sslmode=verify-full&sslrootcert=%s",
                          host, g_getenv ("DPO_TEST_PG_TLS_PORT"), root);
}

static gboolean
have_tls_server (void)
{
  if (!dpo_test_pg_have_server ())
    return FALSE;
  if (g_getenv ("DPO_TEST_PG_TLS_PORT") == NULL)
    {
      g_test_skip ("the test server was started without TLS (DPO_TEST_PG_TLS=1)");
      return FALSE;
    }
  return TRUE;
}

/* A certificate of another authority, made by openssl for the test. */
static char *
other_root (const char *dir)
{
  g_autofree char *key = g_build_filename (dir, "other.key", NULL);
  char *crt = g_build_filename (dir, "other.crt", NULL);
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                         "-subj", "/CN=localhost", "-keyout", key, "-out", crt, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return crt;
}

static void
assert_refused (const char *uri,
                const char *why)
{
  g_autoptr(GError) error = NULL;
  PGconn *conn = dpo_pg_connect (uri, &error);

  g_assert_null (conn);
  g_assert_error (error, DPO_ERROR, DPO_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "could not be verified"));
  g_assert_nonnull (strstr (error->message, why));
  g_assert_nonnull (strstr (error->message, "dpo_admin:****@"));
  g_assert_null (strstr (error->message, PASSWORD));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_verified (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  PGconn *conn;

  if (!have_tls_server ())
    return;
  uri = tls_uri ("localhost", g_getenv ("DPO_TEST_PG_TLS_CERT"));
  conn = dpo_pg_connect (uri, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conn);
  g_assert_true (PQsslInUse (conn));
  PQfinish (conn);
}

static void
test_refused (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *other = NULL;
  g_autofree char *wrong_authority = NULL;
  g_autofree char *wrong_host = NULL;
  g_autofree char *no_root = NULL;

  if (!have_tls_server ())
    return;
  dir = dpo_test_make_dir ();
  other = other_root (dir);
  wrong_authority = tls_uri ("localhost", other);
  wrong_host = tls_uri ("127.0.0.1", g_getenv ("DPO_TEST_PG_TLS_CERT"));
  no_root = tls_uri ("localhost", "/nonexistent/root.crt");

  assert_refused (wrong_authority, "certificate verify failed");
  assert_refused (wrong_host, "does not match host name");
  assert_refused (no_root, "root certificate file");
  dpo_test_remove_tree (dir);
}

/* The command line: exit 1, one message on stderr, the password masked,
 * and nothing written anywhere. */
static void
test_cli_refused (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *other = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *example = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_tls_server ())
    return;
  dir = dpo_test_make_dir ();
  other = other_root (dir);
  uri = tls_uri ("localhost", other);
  example = dpo_test_example_path ();

  g_assert_cmpint (dpo_test_run_dpo (NULL, &out, &err, "--database", uri, "import", example, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "could not be verified"));
  g_assert_null (strstr (err, PASSWORD));
  g_assert_null (strchr (g_strchomp (err), '\n'));
  dpo_test_assert_psql (g_getenv ("DPO_TEST_PG_URI"),
                        "SELECT count (*) FROM pg_database WHERE datname NOT IN "
                        "('postgres', 'template0', 'template1')", "0");
  dpo_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pg/tls/verified", test_verified);
  g_test_add_func ("/pg/tls/refused", test_refused);
  g_test_add_func ("/pg/tls/cli-refused", test_cli_refused);

  return g_test_run ();
}
