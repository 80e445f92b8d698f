/* dpo-store-audit.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-json-text.h"
#include "dpo-store-private.h"
#include "dpo-time.h"

/* The audit log records when a change was made by the wall clock, never the
 * --as-of day: it is evidence of what was done and when. */
gboolean
_dpo_store_audit (DpoStore    *self,
                  const char  *entity,
                  const char  *record,
                  const char  *action,
                  JsonNode    *changes,
                  GError     **error)
{
  static const char sql[] =
    "INSERT INTO audit (at, entity, record, action, changes) VALUES (?, ?, ?, ?, ?)";
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = dpo_time_to_storage (now);
  g_autofree char *changes_text = NULL;
  sqlite3_stmt *stmt;

  if (changes != NULL)
    changes_text = dpo_json_to_text (changes, FALSE);

  stmt = _dpo_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  _dpo_bind_text (stmt, 1, at);
  _dpo_bind_text (stmt, 2, entity);
  _dpo_bind_text (stmt, 3, record);
  _dpo_bind_text (stmt, 4, action);
  _dpo_bind_text (stmt, 5, changes_text);
  return _dpo_store_step_done (self, stmt, error);
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  text_a = json_to_string (a, FALSE);
  text_b = json_to_string (b, FALSE);
  return g_str_equal (text_a, text_b);
}

static void
add_member_or_null (JsonBuilder *builder,
                    JsonObject  *object,
                    const char  *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL)
    json_builder_add_value (builder, json_node_copy (node));
  else
    json_builder_add_null_value (builder);
}

static void
collect_members (GHashTable *names,
                 JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    g_hash_table_add (names, l->data);
}

JsonNode *
_dpo_audit_diff (JsonNode *old_node,
                 JsonNode *new_node)
{
  JsonObject *old_object = json_node_get_object (old_node);
  JsonObject *new_object = json_node_get_object (new_node);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GList) sorted = NULL;
  gboolean changed = FALSE;

  collect_members (names, old_object);
  collect_members (names, new_object);
  sorted = g_list_sort (g_hash_table_get_keys (names), (GCompareFunc) g_strcmp0);

  json_builder_begin_object (builder);
  for (GList *l = sorted; l != NULL; l = l->next)
    {
      const char *member = l->data;

      if (nodes_equal (json_object_get_member (old_object, member),
                       json_object_get_member (new_object, member)))
        continue;
      changed = TRUE;
      json_builder_set_member_name (builder, member);
      json_builder_begin_array (builder);
      add_member_or_null (builder, old_object, member);
      add_member_or_null (builder, new_object, member);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return changed ? json_builder_get_root (builder) : NULL;
}
