/* dpo-pg-stmt-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#ifndef DPO_STORE_COMPILATION
#error "dpo-pg-stmt-private.h is internal to app/store"
#endif

#include <glib.h>

#include "dpo-sql.h"

G_BEGIN_DECLS

/* The store's SQL text as PostgreSQL reads it (dpo-pg-sql-text.c), for
 * dpo-pg-stmt.c and tests/test-pg-sql.c. Quoted text ('…', E'…',
 * $tag$…$tag$), quoted names ("…") and comments are stepped over whole. */

/* @sql, written for SQLite, with its parameters ("?" numbered in order,
 * as SQLite does: one more than the largest so far, and "?N") rewritten as
 * PostgreSQL's $N. @n_params: the largest number, 0 for none. */
char     *_dpo_pg_rewrite_params   (const char *sql,
                                    int        *n_params);
/* The length of the one statement in @sql, up to its ";" if any; 0 if
 * more than comments follow that ";". */
gsize     _dpo_pg_statement_length (const char *sql);
/* The table an "INSERT INTO table" statement writes, as written (maybe
 * qualified, quoted); NULL for any other statement. */
char     *_dpo_pg_insert_target    (const char *sql);
/* TRUE if the word RETURNING is in @sql. */
gboolean  _dpo_pg_has_returning    (const char *sql);
/* The types to declare for the @n_params parameters of @text (rewritten):
 * @text_oid for a number the statement never names, 0 ("infer") for the
 * others; NULL if every one is named. */
guint32  *_dpo_pg_param_types      (const char *text,
                                    int         n_params,
                                    guint32     text_oid);

/* COPY's text format, for the bulk loader (dpo-store-loader.c): @text
 * (NULL for SQL NULL) as one field of a row, its backslashes, tabs and
 * line ends escaped. */
void     _dpo_pg_copy_append_field  (GString      *row,
                                     const char   *text);
/* The values bound to @stmt, a server statement, as the fields of one row
 * (tab-separated, no line end): what the statement would have written. */
void     _dpo_pg_copy_append_bound  (DpoSqlStmt   *stmt,
                                     GString      *row);
/* Runs @copy_sql ("COPY … FROM STDIN") with @rows, whole lines of COPY's
 * text format; FALSE with the error kept on @conn, as for a statement. */
gboolean _dpo_pg_copy_in            (DpoSqlConn   *conn,
                                     const char   *copy_sql,
                                     const char   *rows,
                                     gsize         length);

G_END_DECLS
