/* dpo-test-pg.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>
#include <stdarg.h>

#include "dpo-pg-connection.h"
#include "dpo-test-pg.h"

/* The test server of build-aux/pg-test-server, seen from a test program:
 * its socket folder (read once from DPO_TEST_PG_URI), addresses on it,
 * psql to read back what the server holds, and the dpo command line. */

static char *socket_dir;

static void
find_socket_dir (void)
{
  const char *uri = g_getenv ("DPO_TEST_PG_URI");
  g_autoptr(GError) error = NULL;
  PGconn *conn;

  if (socket_dir != NULL || uri == NULL)
    return;
  conn = dpo_pg_connect (uri, &error);
  g_assert_no_error (error);
  socket_dir = g_strdup (PQhost (conn));
  PQfinish (conn);
}

gboolean
dpo_test_pg_have_server (void)
{
  find_socket_dir ();
  if (socket_dir != NULL)
    return TRUE;
  g_test_skip (g_getenv ("DPO_TEST_PG_MISSING") != NULL
                 ? g_getenv ("DPO_TEST_PG_MISSING")
                 : "no PostgreSQL test server: run through build-aux/pg-test-server");
  return FALSE;
}

char *
dpo_test_pg_uri_for (const char *database,
         const char *user,
         const char *password)
{
  find_socket_dir ();
  if (password == NULL)
    return g_strdup_printf ("postgresql:///%s?host=%s&user=%s", database, socket_dir, user);
  return g_strdup_printf ("postgresql://%s:%s@/%s?host=%s", user, password, database, socket_dir);
}

/* psql's answer to @sql, stripped; the test fails if psql does. */
char *
dpo_test_psql (const char *uri,
      const char *sql)
{
  const char *argv[] = { "psql", "-XAtq", "-v", "ON_ERROR_STOP=1", "-d", uri, "-c", sql, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("psql failed on “%s”: %s", sql, err);
  return g_strstrip (out);
}

void
dpo_test_assert_psql (const char *uri,
             const char *sql,
             const char *expected)
{
  g_autofree char *answer = dpo_test_psql (uri, sql);

  g_assert_cmpstr (answer, ==, expected);
}

char *
dpo_test_pg_fresh_database (const char *name)
{
  g_autofree char *admin = dpo_test_pg_uri_for ("postgres", "dpo_admin", NULL);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", name);

  g_free (dpo_test_psql (admin, create));
  return dpo_test_pg_uri_for (name, "dpo_admin", NULL);
}

void
dpo_test_pg_create_login (const char *name,
              const char *password,
              const char *group)
{
  g_autofree char *admin = dpo_test_pg_uri_for ("postgres", "dpo_admin", NULL);
  g_autofree char *sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD '%s'%s%s", name, password,
                                          group != NULL ? " IN ROLE " : "",
                                          group != NULL ? group : "");

  g_free (dpo_test_psql (admin, sql));
}

/* Runs "dpo ARGS..." with @env_extra (NULL or "NAME=value"); its exit
 * code, its output and its errors. */
int
dpo_test_run_dpo (const char  *env_extra,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("DPO_CLI"));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  env = g_environ_unsetenv (env, "DPO_DATABASE");
  if (env_extra != NULL)
    {
      g_auto(GStrv) pair = g_strsplit (env_extra, "=", 2);

      env = g_environ_setenv (env, pair[0], pair[1], TRUE);
    }
  g_free (*out);
  g_free (*err);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}
