/* dpo-cli-affected.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store.h"

G_BEGIN_DECLS

/* Opens the store as the main command does (--database, --as-of); the
 * store stays the caller's. NULL with @error on failure. */
typedef DpoStore *(*DpoCliOpenStore) (gpointer   cli,
                                      GError   **error);

/* "dpo affected import|check ...": @argv[0] is "affected". The exit code. */
int dpo_cli_affected (int              argc,
                      char           **argv,
                      DpoCliOpenStore  open_store,
                      gpointer         cli);

G_END_DECLS
