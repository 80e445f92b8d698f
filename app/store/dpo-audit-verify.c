/* dpo-audit-verify.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-audit-verify.h"
#include "dpo-error.h"
#include "dpo-store-private.h"

/* Reads the file as it is, through a read-only connection: opening it with
 * dpo_store_open() would put dropped safeguards back before they could be
 * reported. */

static gboolean
fail_sqlite (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot read the database “%s”: %s"),
               path, sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
schema_object_differs (sqlite3          *db,
                       DpoSchemaObject  *object,
                       GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE, same = FALSE;

  sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE type = ? AND name = ?", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, object->type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, object->name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      same = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), object->sql) == 0;
    }
  sqlite3_finalize (stmt);

  if (same)
    return FALSE;
  if (g_str_equal (object->type, "trigger"))
    g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                 found ? _("The safeguard “%s” (a database trigger) was altered.")
                       : _("The safeguard “%s” (a database trigger) was removed."), object->name);
  else
    g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                 found ? _("The database’s structure was changed: “%s” (%s) was altered.")
                       : _("The database’s structure was changed: “%s” (%s) was removed."),
                 object->name, object->type);
  return TRUE;
}

static gboolean
is_reference_object (const char *type,
                     const char *name)
{
  GPtrArray *reference = _dpo_store_reference_schema ();

  for (guint i = 0; i < reference->len; i++)
    {
      DpoSchemaObject *object = g_ptr_array_index (reference, i);

      if (g_str_equal (object->type, type) && g_str_equal (object->name, name))
        return TRUE;
    }
  return FALSE;
}

/* Every table, index and trigger as the migrations made them, and nothing
 * added (a trigger added to the log could rewrite it as it is written). */
static gboolean
check_schema (sqlite3  *db,
              GError  **error)
{
  GPtrArray *reference = _dpo_store_reference_schema ();
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i < reference->len; i++)
    if (schema_object_differs (db, g_ptr_array_index (reference, i), error))
      return FALSE;

  sqlite3_prepare_v2 (db, "SELECT type, name FROM sqlite_master "
                          "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", -1, &stmt, NULL);
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (is_reference_object (type, name))
        continue;
      g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                   _("The database’s structure was changed: “%s” (%s) was added."), name, type);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* pk -> content hash, as the 'redact' entries announced them. */
static GHashTable *
read_redactions (sqlite3 *db)
{
  GHashTable *redacted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db, "SELECT json_extract (e.value, '$[0]'), json_extract (e.value, '$[1]') "
                          "FROM audit r, json_each (r.changes, '$.entries') e "
                          "WHERE r.action = 'redact' AND json_valid (r.changes)", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (redacted, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  return redacted;
}

static gboolean
is_hash (const unsigned char *text)
{
  if (text == NULL)
    return FALSE;
  for (int i = 0; i < DPO_AUDIT_HASH_LENGTH; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return text[DPO_AUDIT_HASH_LENGTH] == '\0';
}

/* The entry's content hash must be the one recomputed from its columns or,
 * for a redacted entry, the one a 'redact' entry announced. */
static gboolean
check_content (sqlite3_stmt  *stmt,
               GHashTable    *redacted,
               GError       **error)
{
  gint64 pk = sqlite3_column_int64 (stmt, 0);
  const char *changes = (const char *) sqlite3_column_text (stmt, 5);
  const char *stored = (const char *) sqlite3_column_text (stmt, 6);
  char computed[DPO_AUDIT_HASH_LENGTH + 1];
  DpoAuditEntry entry = {
    (const char *) sqlite3_column_text (stmt, 1), (const char *) sqlite3_column_text (stmt, 2),
    (const char *) sqlite3_column_text (stmt, 3), (const char *) sqlite3_column_text (stmt, 4),
    changes,
  };

  if (g_strcmp0 (changes, DPO_AUDIT_REDACTED) == 0)
    {
      const char *announced = g_hash_table_lookup (redacted, &pk);

      if (announced != NULL && g_strcmp0 (announced, stored) == 0)
        return TRUE;
      g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                   _("Audit entry %lld was blanked without an erasure."), (long long) pk);
      return FALSE;
    }

  _dpo_audit_content_hash (&entry, computed);
  if (g_strcmp0 (computed, stored) == 0)
    return TRUE;
  g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
               _("Audit entry %lld was altered: its content no longer matches its hash."),
               (long long) pk);
  return FALSE;
}

static gboolean
check_chain (sqlite3   *db,
             char       head[DPO_AUDIT_HASH_LENGTH + 1],
             guint64   *n_entries,
             GError   **error)
{
  g_autoptr(GHashTable) redacted = read_redactions (db);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  _dpo_audit_genesis (head);
  *n_entries = 0;
  if (sqlite3_prepare_v2 (db, "SELECT pk, at, entity, record, action, changes, content_hash, hash "
                              "FROM audit ORDER BY pk", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED, _("The audit log cannot be read: %s"),
                   sqlite3_errmsg (db));
      return FALSE;
    }
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const unsigned char *content_hash = sqlite3_column_text (stmt, 6);
      const unsigned char *hash = sqlite3_column_text (stmt, 7);

      ok = is_hash (content_hash) && is_hash (hash) && check_content (stmt, redacted, error);
      if (ok)
        {
          _dpo_audit_link_hash (head, (const char *) content_hash, head);
          ok = memcmp (head, hash, DPO_AUDIT_HASH_LENGTH) == 0;
        }
      if (!ok && (error == NULL || *error == NULL))
        g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                     _("Audit entry %lld does not follow the entry before it: an entry before "
                       "it was removed, inserted or rewritten."),
                     (long long) sqlite3_column_int64 (stmt, 0));
      *n_entries += ok;
    }
  if (ok && rc != SQLITE_DONE)
    ok = fail_sqlite (db, sqlite3_db_filename (db, "main"), error);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
check_version (sqlite3     *db,
               const char  *path,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version == DPO_STORE_SCHEMA_VERSION)
    return TRUE;
  if (version < 0)
    g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a DPO Workbench database (it is not an SQLite file, or it is damaged)."),
                 path);
  else if (version == 0)
    g_set_error (error, DPO_ERROR, DPO_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a DPO Workbench database."), path);
  else
    g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                 _("“%s” is a database of version %d; this program verifies version %d. "
                   "Open it once with this version of DPO Workbench, then verify it."),
                 path, version, DPO_STORE_SCHEMA_VERSION);
  return FALSE;
}

gboolean
dpo_audit_verify_file (const char  *path,
                       char       **seal,
                       guint64     *n_entries,
                       GError     **error)
{
  char head[DPO_AUDIT_HASH_LENGTH + 1];
  guint64 count = 0;
  sqlite3 *db = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("There is no database file at “%s”."), path);
      return FALSE;
    }
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      ok = fail_sqlite (db, path, error);
      sqlite3_close_v2 (db);
      return ok;
    }
  sqlite3_busy_timeout (db, 5000);

  /* One snapshot for the whole check; other processes keep writing. */
  ok = (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK || fail_sqlite (db, path, error)) &&
       check_version (db, path, error) && check_schema (db, error) &&
       check_chain (db, head, &count, error);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close_v2 (db);

  if (ok && seal != NULL)
    *seal = g_strdup (head);
  if (ok && n_entries != NULL)
    *n_entries = count;
  return ok;
}
