/* dpo-store-affected-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store-affected.h"
#include "dpo-store-private.h"

G_BEGIN_DECLS

#define DPO_AFFECTED_HASH_LENGTH 64

/* The database's HMAC key (store_state 'affected_hmac_key', 64 hex
 * digits), created when @create and missing; NULL if there is none. In the
 * caller's transaction when it creates it. */
GBytes  *_dpo_affected_key       (DpoStore     *self,
                                  gboolean      create,
                                  GError      **error);
/* HMAC-SHA256 of @text under @key, 64 hex digits, into @out. */
void     _dpo_affected_hash      (GHmac        *keyed,
                                  const char   *text,
                                  char          out[DPO_AFFECTED_HASH_LENGTH + 1]);

G_END_DECLS
