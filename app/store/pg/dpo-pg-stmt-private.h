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

G_BEGIN_DECLS

/* The store's SQL, written for SQLite, with its parameters ("?" numbered
 * in order, as SQLite does: one more than the largest so far, and "?N")
 * rewritten as PostgreSQL's $N. Quoted text ('…', E'…', $tag$…$tag$),
 * quoted names ("…") and comments are copied untouched. @n_params: the
 * largest parameter number, 0 for none. Exposed for tests/test-pg-sql.c. */
char *_dpo_pg_rewrite_params (const char *sql,
                              int        *n_params);

G_END_DECLS
