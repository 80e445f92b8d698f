/* dpo-store-affected-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <nettle/hmac.h>

#include "dpo-store-affected.h"
#include "dpo-store-private.h"

G_BEGIN_DECLS

/* HMAC-SHA256: 32 bytes, stored as a blob (an empty one for a number the
 * row did not have). */
#define DPO_AFFECTED_HASH_BYTES 32

/* The database's HMAC key (store_state 'affected_hmac_key', 64 hex
 * digits), created when @create and missing; NULL if there is none. In the
 * caller's transaction when it creates it. */
GBytes  *_dpo_affected_key       (DpoStore     *self,
                                  gboolean      create,
                                  GError      **error);
/* The key made ready once: HMAC-SHA256's inner and outer SHA-256 states
 * after the key's block. Each value starts from a copy of them (a struct
 * copy: no allocation and no re-keying per row; a list has millions).
 * Nettle's SHA-256 uses the processor's SHA instructions where it has them. */
typedef struct
{
  struct hmac_sha256_ctx ready;
} DpoAffectedKeyed;

void     _dpo_affected_keyed_init (DpoAffectedKeyed *keyed,
                                   GBytes           *key);
/* HMAC-SHA256 of @text under the key @keyed holds, into @out. */
void     _dpo_affected_hash      (const DpoAffectedKeyed *keyed,
                                  const char             *text,
                                  guint8                  out[DPO_AFFECTED_HASH_BYTES]);

/* The schema step that made the hashes blobs (dpo-store-schema.c): copies the earlier rows
 * (hex text) into the new table (blobs), then drops the old one. */
gboolean _dpo_affected_migrate_hashes (sqlite3     *db,
                                   char       **message);

G_END_DECLS
