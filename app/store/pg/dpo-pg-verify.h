/* dpo-pg-verify.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* `dpo audit verify` on a server, as dpo_audit_verify_file() on a file:
 * reads, without changing anything (an auditor may run it), the schema
 * version, the safeguards (each trigger on its table, enabled, its
 * function's text as "dpo server init" wrote it, none added), then the
 * audit log's whole hash chain with the store's own hash functions. On
 * success @seal receives the chain's head and @n_entries its length;
 * otherwise the error names the first safeguard or entry altered, removed
 * or added. */
gboolean dpo_pg_audit_verify (PGconn   *conn,
                              char    **seal,
                              guint64  *n_entries,
                              GError  **error);

G_END_DECLS
