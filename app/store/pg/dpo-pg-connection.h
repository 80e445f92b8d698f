/* dpo-pg-connection.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Connects to the server @uri names, in libpq's own syntax (a
 * postgresql:// URI or "key=value" words; .pgpass, service files, sslmode
 * and the PG* variables apply as libpq reads them). On failure, one plain
 * message that shows the URI with its password masked: the server cannot
 * be reached, it wants a password, it refused the password, or libpq's
 * own words. */
PGconn *dpo_pg_connect  (const char  *uri,
                         GError     **error);

/* @uri with any password in it (user:PASSWORD@ or password=...) replaced
 * by "****", fit to be shown. */
char   *dpo_pg_mask_uri (const char  *uri);

/* TRUE if @uri is meant for PostgreSQL rather than a file path. */
gboolean dpo_pg_is_uri  (const char  *uri);

/* Sets @error from a failed @result (or from @conn when @result is NULL),
 * prefixed by @what; a missing privilege names the role. */
void    dpo_pg_set_error (PGconn     *conn,
                          PGresult   *result,
                          const char *what,
                          GError    **error);

/* Runs @sql (no parameters, several statements allowed); FALSE with
 * @error, prefixed by @what, if it fails. */
gboolean dpo_pg_exec    (PGconn      *conn,
                         const char  *sql,
                         const char  *what,
                         GError     **error);

G_END_DECLS
