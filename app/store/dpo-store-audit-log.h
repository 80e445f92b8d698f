/* dpo-store-audit-log.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store.h"

G_BEGIN_DECLS

/* One entry of the audit log as listed (`dpo audit log`): when, what, and
 * who. actor is the server login that wrote it and actor_role its group
 * role (dpo_officer, dpo_agent, dpo_auditor), both set by the server;
 * NULL in a file, which has one user. */
typedef struct
{
  gint64  pk;
  char   *at;
  char   *entity;
  char   *record;
  char   *action;
  char   *actor;
  char   *actor_role;
} DpoAuditRow;

void dpo_audit_row_free (DpoAuditRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoAuditRow, dpo_audit_row_free)

/* The last @last entries (all when 0), oldest first. The log is the
 * officer's and the auditor's to read: another role gets
 * DPO_ERROR_NOT_PERMITTED. */
GPtrArray *dpo_store_audit_log (DpoStore  *self,
                                guint      last,
                                GError   **error);

G_END_DECLS
