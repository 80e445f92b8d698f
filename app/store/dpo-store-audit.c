/* dpo-store-audit.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-json-text.h"
#include "dpo-store-private.h"
#include "dpo-time.h"

void
_dpo_audit_genesis (char out[DPO_AUDIT_HASH_LENGTH + 1])
{
  memset (out, '0', DPO_AUDIT_HASH_LENGTH);
  out[DPO_AUDIT_HASH_LENGTH] = '\0';
}

/* One SHA-256 state per thread, reset for each hash: verifying a million
 * entries hashes two million times, and the import and export workers
 * audit on threads of their own. */
static GChecksum *
thread_checksum (void)
{
  static GPrivate key = G_PRIVATE_INIT ((GDestroyNotify) g_checksum_free);
  GChecksum *checksum = g_private_get (&key);

  if (checksum == NULL)
    {
      checksum = g_checksum_new (G_CHECKSUM_SHA256);
      g_private_set (&key, checksum);
    }
  else
    g_checksum_reset (checksum);
  return checksum;
}

static void
copy_digest (GChecksum *checksum,
             char       out[DPO_AUDIT_HASH_LENGTH + 1])
{
  static const char hex[] = "0123456789abcdef";
  guint8 digest[DPO_AUDIT_HASH_LENGTH / 2];
  gsize length = sizeof digest;

  g_checksum_get_digest (checksum, digest, &length);
  for (gsize i = 0; i < length; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 0xf];
    }
  out[DPO_AUDIT_HASH_LENGTH] = '\0';
}

/* Netstring-like, so that no two entries serialise alike: each field is
 * "N" when NULL, else "S<length>:<bytes>". */
static void
add_field (GChecksum  *checksum,
           const char *value)
{
  char prefix[32];
  gsize length;

  if (value == NULL)
    {
      g_checksum_update (checksum, (const guchar *) "N", 1);
      return;
    }
  length = strlen (value);
  g_snprintf (prefix, sizeof prefix, "S%" G_GSIZE_FORMAT ":", length);
  g_checksum_update (checksum, (const guchar *) prefix, -1);
  g_checksum_update (checksum, (const guchar *) value, length);
}

void
_dpo_audit_content_hash (const DpoAuditEntry *entry,
                         char                 out[DPO_AUDIT_HASH_LENGTH + 1])
{
  GChecksum *checksum = thread_checksum ();

  g_checksum_update (checksum, (const guchar *) "dpo-audit/1\n", -1);
  add_field (checksum, entry->at);
  add_field (checksum, entry->entity);
  add_field (checksum, entry->record);
  add_field (checksum, entry->action);
  add_field (checksum, entry->changes);
  copy_digest (checksum, out);
}

void
_dpo_audit_link_hash (const char *previous,
                      const char *content_hash,
                      char        out[DPO_AUDIT_HASH_LENGTH + 1])
{
  GChecksum *checksum = thread_checksum ();

  g_checksum_update (checksum, (const guchar *) previous, DPO_AUDIT_HASH_LENGTH);
  g_checksum_update (checksum, (const guchar *) content_hash, DPO_AUDIT_HASH_LENGTH);
  copy_digest (checksum, out);
}

/* The hash of the last entry: one step down the primary key's b-tree, so a
 * bulk load that audits every row stays cheap. */
static gboolean
read_head (DpoStore  *self,
           char       head[DPO_AUDIT_HASH_LENGTH + 1],
           GError   **error)
{
  DpoSqlStmt *stmt = _dpo_store_prepare (self, "SELECT hash FROM audit ORDER BY pk DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _dpo_audit_genesis (head);
  rc = dpo_sql_step (stmt);
  if (rc == DPO_SQL_ROW && dpo_sql_column_bytes (stmt, 0) == DPO_AUDIT_HASH_LENGTH)
    memcpy (head, dpo_sql_column_text (stmt, 0), DPO_AUDIT_HASH_LENGTH);
  dpo_sql_reset (stmt);
  if (rc == DPO_SQL_ROW || rc == DPO_SQL_DONE)
    return TRUE;
  _dpo_store_set_db_error (self, error);
  return FALSE;
}

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
  g_autofree char *changes_text = NULL;

  if (changes != NULL)
    changes_text = dpo_json_to_text (changes, FALSE);
  return _dpo_store_audit_text (self, entity, record, action, changes_text, error);
}

/* The entry's text is bound without a copy in a file: a campaign's entry
 * names every person informed, megabytes at a few hundred thousand. */
gboolean
_dpo_store_audit_text (DpoStore    *self,
                       const char  *entity,
                       const char  *record,
                       const char  *action,
                       const char  *changes,
                       GError     **error)
{
  static const char sql[] =
    "INSERT INTO audit (at, entity, record, action, changes, content_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = dpo_time_to_storage (now);
  char content_hash[DPO_AUDIT_HASH_LENGTH + 1];
  char head[DPO_AUDIT_HASH_LENGTH + 1];
  DpoAuditEntry entry = { at, entity, record, action, changes };
  DpoSqlStmt *stmt;
  gboolean ok;

  if (!read_head (self, head, error))
    return FALSE;
  _dpo_audit_content_hash (&entry, content_hash);
  _dpo_audit_link_hash (head, content_hash, head);

  stmt = _dpo_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  _dpo_bind_text (stmt, 1, at);
  _dpo_bind_text (stmt, 2, entity);
  _dpo_bind_text (stmt, 3, record);
  _dpo_bind_text (stmt, 4, action);
  dpo_sql_bind_text_static (stmt, 5, changes);
  _dpo_bind_text (stmt, 6, content_hash);
  _dpo_bind_text (stmt, 7, head);
  _dpo_store_note_change (self, entity, record);
  ok = _dpo_store_step_done (self, stmt, error);
  /* The cached statement must not keep a pointer to the caller's text. */
  dpo_sql_bind_null (stmt, 5);
  return ok;
}

/* "IS NOT 'text'" is SQLite's alone: the NULL test is spelled out. */
#define PERSON_ENTRIES \
  "((entity IN ('subject', 'contract', 'hold') AND record = ?1) OR (entity = 'request' AND record IN " \
  "(SELECT id FROM requests WHERE subject = (SELECT pk FROM subjects WHERE id = ?1)))) " \
  "AND (changes IS NULL OR changes <> '" DPO_AUDIT_REDACTED "')"

/* { "entries": [[pk, content_hash], ...] }: what the redaction will blank,
 * so that `dpo audit verify` can still check the chain through them. */
static JsonNode *
list_person_entries (DpoStore    *self,
                     const char  *subject_id,
                     GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  DpoSqlStmt *stmt;

  stmt = _dpo_store_prepare (self, "SELECT pk, content_hash FROM audit WHERE " PERSON_ENTRIES
                                   " ORDER BY pk", error);
  if (stmt == NULL)
    return NULL;
  _dpo_bind_text (stmt, 1, subject_id);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  while (dpo_sql_step (stmt) == DPO_SQL_ROW)
    {
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, dpo_sql_column_int64 (stmt, 0));
      json_builder_add_string_value (builder, dpo_sql_column_text (stmt, 1));
      json_builder_end_array (builder);
    }
  dpo_sql_reset (stmt);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
_dpo_store_redact_person (DpoStore    *self,
                          const char  *subject_id,
                          GError     **error)
{
  g_autoptr(JsonNode) listed = list_person_entries (self, subject_id, error);
  DpoSqlStmt *stmt;

  if (listed == NULL || !_dpo_store_audit (self, "subject", subject_id, "redact", listed, error))
    return FALSE;

  stmt = _dpo_store_prepare (self, "UPDATE audit SET changes = '" DPO_AUDIT_REDACTED "' WHERE "
                                   PERSON_ENTRIES " AND pk < (SELECT max(pk) FROM audit)", error);
  if (stmt == NULL)
    return FALSE;
  _dpo_bind_text (stmt, 1, subject_id);
  return _dpo_store_step_done (self, stmt, error);
}

char *
dpo_store_dup_audit_seal (DpoStore *self)
{
  char head[DPO_AUDIT_HASH_LENGTH + 1];

  g_return_val_if_fail (DPO_IS_STORE (self), NULL);

  if (!read_head (self, head, NULL))
    return NULL;
  return g_strdup (head);
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
