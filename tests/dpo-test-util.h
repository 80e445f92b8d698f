/* dpo-test-util.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* A fresh folder under the test's temporary directory. */
char      *dpo_test_make_dir       (void);
/* The project's own example scenario (data/example/breach-2024.json). */
char      *dpo_test_example_path   (void);
GBytes    *dpo_test_example_bytes  (void);
/* TRUE when the tests run on a PostgreSQL server (DPO_TEST_ENGINE=postgresql,
 * beside build-aux/pg-test-server): the program's stores are then new
 * databases there, set up by "dpo server init", and @path is their URI. */
gboolean   dpo_test_engine_is_server (void);
/* A new, set-up database on the test server; its URI. */
char      *dpo_test_new_server_database (void);
/* A new database in a fresh folder (or on the test server: see above);
 * its path in @path if not NULL. */
DpoStore  *dpo_test_new_store      (char      **path);
/* A new database holding the example scenario, as of the end of @as_of
 * (YYYY-MM-DD); its path in @path if not NULL. */
DpoStore  *dpo_test_example_store  (const char *as_of,
                                    char      **path);
/* The store's interchange document as of @as_of (YYYY-MM-DD). */
char      *dpo_test_export         (DpoStore   *store,
                                    const char *as_of);
/* The whole file as bytes, to prove it was not touched. */
GBytes    *dpo_test_file_bytes     (const char *path);
/* Deletes @dir and the files in it. */
void       dpo_test_remove_tree    (const char *dir);
/* One integer from a read-only SQL query on another connection. */
gint64     dpo_test_query_int      (const char *path,
                                    const char *sql);
/* Runs @sql on another connection, behind the store's back: a database as
 * an older version (or another program) left it. */
void       dpo_test_exec           (const char *path,
                                    const char *sql);
/* Runs @sql on a connection of its own to the server at @uri, as another
 * client would; FALSE when the server refused it, with its SQLSTATE and
 * primary message in @state and @message (each may be NULL). */
gboolean   dpo_test_server_try_exec (const char  *uri,
                                     const char  *sql,
                                     char       **state,
                                     char       **message);

/* Takes the database at @path back to schema @version (2 or later) by
 * undoing the steps above it, so a test can check the upgrade from there.
 * Every step after 2 is undone here, in one place: a new migration adds its
 * undo beside the others (a static assertion says so). */
void       dpo_test_undo_schema_steps (const char *path,
                                       int         version);

G_END_DECLS
