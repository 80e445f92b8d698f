/* dpo-pg-stmt.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>

#include "dpo-sql.h"

/* PLACEHOLDER until the PostgreSQL half of the seam lands (helper C): no
 * store opens a server yet, so none of these is reached. */

DpoSqlConn *dpo_sql_conn_new_pg (struct pg_conn *pg) { (void) pg; g_assert_not_reached (); }
struct pg_conn *dpo_sql_conn_get_pg (DpoSqlConn *conn) { (void) conn; return NULL; }
void _dpo_pg_conn_free (DpoPgConn *pg) { (void) pg; }
gboolean _dpo_pg_exec (DpoSqlConn *c, const char *s) { (void) c; (void) s; g_assert_not_reached (); }
DpoPgStmt *_dpo_pg_prepare (DpoSqlConn *c, const char *s, gboolean p) { (void) c; (void) s; (void) p; g_assert_not_reached (); }
void _dpo_pg_stmt_free (DpoPgStmt *s) { (void) s; }
gint64 _dpo_pg_last_insert_id (DpoSqlConn *c) { (void) c; g_assert_not_reached (); }
gint64 _dpo_pg_changes (DpoSqlConn *c) { (void) c; g_assert_not_reached (); }
gboolean _dpo_pg_in_transaction (DpoSqlConn *c) { (void) c; g_assert_not_reached (); }
const char *_dpo_pg_errmsg (DpoSqlConn *c) { (void) c; g_assert_not_reached (); }
DpoSqlFailure _dpo_pg_failure (DpoSqlConn *c) { (void) c; g_assert_not_reached (); }
DpoSqlStep _dpo_pg_step (DpoSqlStmt *s) { (void) s; g_assert_not_reached (); }
void _dpo_pg_reset (DpoSqlStmt *s) { (void) s; g_assert_not_reached (); }
void _dpo_pg_clear_bindings (DpoSqlStmt *s) { (void) s; g_assert_not_reached (); }
void _dpo_pg_bind_int64 (DpoSqlStmt *s, int i, gint64 v) { (void) s; (void) i; (void) v; g_assert_not_reached (); }
void _dpo_pg_bind_text (DpoSqlStmt *s, int i, const char *t) { (void) s; (void) i; (void) t; g_assert_not_reached (); }
void _dpo_pg_bind_blob (DpoSqlStmt *s, int i, const void *d, gsize l) { (void) s; (void) i; (void) d; (void) l; g_assert_not_reached (); }
int _dpo_pg_column_count (DpoSqlStmt *s) { (void) s; g_assert_not_reached (); }
const char *_dpo_pg_column_text (DpoSqlStmt *s, int c) { (void) s; (void) c; g_assert_not_reached (); }
const void *_dpo_pg_column_blob (DpoSqlStmt *s, int c, gsize *l) { (void) s; (void) c; (void) l; g_assert_not_reached (); }
const char *_dpo_pg_column_name (DpoSqlStmt *s, int c) { (void) s; (void) c; g_assert_not_reached (); }
const char *_dpo_pg_sqlstate (DpoSqlConn *c) { (void) c; g_assert_not_reached (); }
