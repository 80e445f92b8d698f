/* dpo-affected-json.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-affected-json.h"

void
dpo_affected_entry_build_json (JsonBuilder            *builder,
                               const char             *key_name,
                               const char             *key_value,
                               const DpoAffectedEntry *entry)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, key_name);
  json_builder_add_string_value (builder, key_value);
  json_builder_set_member_name (builder, "as");
  json_builder_add_string_value (builder, entry->listed ? "listed" : "co-insured");
  json_builder_set_member_name (builder, "informed");
  json_builder_begin_array (builder);
  for (guint j = 0; j < entry->informed->len; j++)
    {
      const DpoInformed *informed = g_ptr_array_index (entry->informed, j);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "channel");
      json_builder_add_string_value (builder, informed->channel);
      json_builder_set_member_name (builder, "sent_at");
      json_builder_add_string_value (builder, informed->sent_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}
