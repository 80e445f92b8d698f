/* dpo-store-identity.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store.h"

G_BEGIN_DECLS

/* A name for this database that never changes: 20 hexadecimal digits,
 * random, drawn the first time they are asked for and kept in the file
 * (a copy of the file keeps them; another database, even with the same
 * records, has its own). The calendar's event UIDs are built on it, so
 * that a calendar that subscribes again updates its events rather than
 * adding copies. A file that cannot be written to is named from its audit
 * log's first entry instead. */
char *dpo_store_dup_identity (DpoStore *self);

G_END_DECLS
