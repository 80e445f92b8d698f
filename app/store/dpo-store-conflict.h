/* dpo-store-conflict.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#ifndef DPO_STORE_COMPILATION
#error "dpo-store-conflict.h is internal to app/store"
#endif

#include <json-glib/json-glib.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* No silent overwrite (issue 13, item 4). A record read whole remembers the
 * pk of the audit log's last entry about it (its audit_seen); saving it
 * over the stored row first checks, in the write's transaction, that no
 * newer entry exists. The audit log is the one place every change of every
 * writer goes through, on a file as on a server, so the rule holds for two
 * colleagues on a server and for two windows on one file alike. */

/* The pk of the last audit entry of @entity "@record", 0 if none. Read it
 * before the record: a change landing in between then makes a needless
 * refusal, never a silent overwrite. */
gint64    _dpo_store_audit_mark        (DpoStore    *self,
                                        const char  *entity,
                                        const char  *record);

/* FALSE with DPO_ERROR_CHANGED_ELSEWHERE, saying when (and who, where the
 * log records it), if an entry about the stored record @rowid of @entity
 * ("incident", "subject" or "request") is newer than @seen and changed a
 * field this save writes (a member of the JSON object @written), or
 * inserted, deleted or redacted it. A newer change of fields the save
 * leaves alone (a restriction, beside the person's fields) is not
 * overwritten: no refusal. The log names records by their stored
 * reference, which the save may be changing.
 * @seen 0 is a record not read whole (built by a caller): nothing to
 * compare with, so no refusal. Call it inside the write's transaction. */
gboolean  _dpo_store_check_unchanged   (DpoStore    *self,
                                        const char  *entity,
                                        gint64       rowid,
                                        gint64       seen,
                                        JsonNode    *written,
                                        GError     **error);

G_END_DECLS
