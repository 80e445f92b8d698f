/* dpo-audit-verify.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `dpo audit verify`: checks, without changing anything, the database at
 * @path: its schema and triggers (the erasure rule, the append-only log)
 * against the ones this program creates, then the audit log's whole hash
 * chain. On success @seal receives the chain's head and @n_entries its
 * length. Otherwise the error (DPO_ERROR_FAILED, or DPO_ERROR_IO when the
 * file cannot be read) names the first safeguard or entry that was
 * altered, removed or dropped. */
gboolean dpo_audit_verify_file (const char  *path,
                                char       **seal,
                                guint64     *n_entries,
                                GError     **error);

G_END_DECLS
