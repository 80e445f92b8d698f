/* dpo-pg-schema.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The server schema follows the file's versions (app/store/dpo-store-schema.c):
 * a server at version N holds what a file at version N holds, so that a
 * register can move between them. */
#define DPO_PG_SCHEMA_VERSION 12

/* What dpo_schema.program says in a database DPO Workbench initialised. */
#define DPO_PG_PROGRAM "DPO Workbench"

/* The group roles "dpo server init" creates (NOLOGIN): an administrator
 * gives people theirs with GRANT dpo_agent TO alice. */
#define DPO_PG_ROLE_OFFICER "dpo_officer"
#define DPO_PG_ROLE_AGENT "dpo_agent"
#define DPO_PG_ROLE_AUDITOR "dpo_auditor"

/* The SQLSTATEs of the rules the server holds (RAISE ... USING ERRCODE),
 * by which a client tells a refusal from another failure. */
#define DPO_PG_STATE_ERASURE_RULE "DPO01"
#define DPO_PG_STATE_APPEND_ONLY "DPO02"
#define DPO_PG_STATE_REDACTION "DPO03"

/* The SQL taking an initialised server from @from_version to the next
 * version it knows, which it stores in @to_version; NULL when @from_version
 * is DPO_PG_SCHEMA_VERSION or unknown. Version 0 is an empty database. */
const char *dpo_pg_schema_step (int  from_version,
                                int *to_version);

/* The three group roles, created where missing (roles belong to the whole
 * server, not to one database). */
const char *dpo_pg_roles_sql (void);

/* What each role may do, granted on the tables of the current version;
 * running it again changes nothing. */
const char *dpo_pg_grants_sql (void);

G_END_DECLS
