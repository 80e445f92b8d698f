/* dpo-affected-json.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "dpo-store-affected.h"

G_BEGIN_DECLS

/* One affected person or incident as the JSON of issue 11 writes it, for
 * `dpo affected check --json` and export-json's incidents[].affected:
 * {"@key_name": @key_value, "as": "listed"|"co-insured", "informed":
 * [{"channel": ..., "sent_at": ...}]}. */
void dpo_affected_entry_build_json (JsonBuilder            *builder,
                                    const char             *key_name,
                                    const char             *key_value,
                                    const DpoAffectedEntry *entry);

G_END_DECLS
