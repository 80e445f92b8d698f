/* dpo-pg-init.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

typedef enum
{
  DPO_PG_INIT_CREATED,   /* schema and roles made */
  DPO_PG_INIT_UPGRADED,  /* an older schema brought to this version */
  DPO_PG_INIT_ALREADY,   /* already at this version: nothing changed */
} DpoPgInitOutcome;

/* What the database @conn is connected to holds, read without changing
 * anything: 0 when it holds no table in its current schema (ready for
 * "dpo server init"), else the version of DPO Workbench's schema. Fails
 * (DPO_ERROR_NOT_A_DATABASE) when it holds another program's tables. */
gboolean dpo_pg_read_version (PGconn            *conn,
                              int               *version,
                              GError           **error);

/* Opening a register on a server: refuses, untouched, a database that is
 * empty (DPO_ERROR_NOT_A_DATABASE: run "dpo server init"), another
 * program's, or one of a newer version (DPO_ERROR_NEWER_DATABASE). */
gboolean dpo_pg_check_schema (PGconn            *conn,
                              GError           **error);

/* "dpo server init": in one transaction, creates the three group roles
 * where missing, the schema, and the grants; or brings an older schema to
 * this version; or, at this version, changes nothing. A newer schema or
 * another program's database is refused untouched. */
gboolean dpo_pg_server_init  (PGconn            *conn,
                              DpoPgInitOutcome  *outcome,
                              int               *found_version,
                              GError           **error);

G_END_DECLS
