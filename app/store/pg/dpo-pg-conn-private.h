/* dpo-pg-conn-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#ifndef DPO_STORE_COMPILATION
#error "dpo-pg-conn-private.h is internal to app/store"
#endif

#include <glib.h>
#include <libpq-fe.h>

#include "dpo-sql.h"

G_BEGIN_DECLS

/* The server connection and statement behind the store's seam, shared by
 * dpo-pg-stmt.c (statements), dpo-pg-error.c (failures) and
 * dpo-pg-copy-in.c (COPY FROM STDIN). */

struct _DpoPgConn
{
  PGconn  *conn;           /* owned; NULL once the seam's connection is freed */
  char    *errmsg;         /* the last failure's message, or NULL */
  char     sqlstate[6];    /* and its SQLSTATE, "" if the server sent none */
  gint64   changes;        /* rows changed by the last INSERT, UPDATE or DELETE */
  gint64   last_id;        /* the pk the last INSERT returned, if last_id_known */
  gboolean last_id_known;  /* FALSE after an INSERT that did not return its pk */
  gboolean inserted;       /* an INSERT succeeded on this connection */
  GHashTable *identities;  /* table name → its identity column we may read, or "" */
  guint64  n_names;        /* statement names handed out: "dpo_N" */
  GPtrArray *unprepared;   /* names whose DEALLOCATE waits for a usable transaction */
};

struct _DpoPgStmt
{
  DpoPgConn *pg;           /* a reference: the statement may outlive the connection */
  char      *name;
  int        n_params;
  gboolean   returns_id;   /* an INSERT given "RETURNING" its identity column */
  char     **values;       /* n_params texts, NULL for SQL NULL */
  PGresult  *result;       /* of the current run; NULL before the first step */
  PGresult  *description;  /* the columns before any run, asked for once */
  int        row;          /* the current row of @result, -1 before the first,
                            * the number of rows once past the last */
  GArray    *blobs;        /* Blob: bytea values unescaped for the current row */
};

/* Keeps the failure of @result (or, with none, the connection's) as the
 * connection's error message and SQLSTATE. */
void _dpo_pg_keep_error (DpoPgConn *pg,
                         PGresult  *result);

G_END_DECLS
