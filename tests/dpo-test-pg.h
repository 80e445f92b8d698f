/* dpo-test-pg.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE beside a test server; else the test is skipped, saying why. */
gboolean  dpo_test_pg_have_server     (void);
/* An address on the test server's socket, as @user (with @password, or
 * none for the administrator, who logs in freely). */
char     *dpo_test_pg_uri_for         (const char  *database,
                                       const char  *user,
                                       const char  *password);
/* psql's answer to @sql, stripped; the test fails if psql does. */
char     *dpo_test_psql               (const char  *uri,
                                       const char  *sql);
void      dpo_test_assert_psql        (const char  *uri,
                                       const char  *sql,
                                       const char  *expected);
/* A new, empty database; the administrator's URI to it. */
char     *dpo_test_pg_fresh_database  (const char  *name);
/* A login with @password in group role @group (NULL for none). */
void      dpo_test_pg_create_login    (const char  *name,
                                       const char  *password,
                                       const char  *group);
/* Runs "dpo ARGS..., NULL" with @env_extra (NULL or "NAME=value") and
 * without DPO_DATABASE; its exit code, its output and its errors (*@out
 * and *@err are freed first). */
int       dpo_test_run_dpo            (const char  *env_extra,
                                       char       **out,
                                       char       **err,
                                       ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
