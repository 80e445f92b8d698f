/* dpo-store-copy.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-store-copy.h"
#include "dpo-store-private.h"
#include "dpo-store.h"

/* The file's side of `dpo copy`. It reads and writes through its own
 * connection, with SQLite directly: a copy moves rows as they are, pk
 * values and audit entries included, which the store's functions (each
 * row a new record, audited) are made never to do. */

G_STATIC_ASSERT (DPO_COPY_HASH_LENGTH == DPO_AUDIT_HASH_LENGTH);

#define COLUMNS(...) ((const char * const[]) { __VA_ARGS__, NULL })

static const DpoCopyTable TABLES[] = {
  { "incidents", COLUMNS ("pk", "id", "title", "description", "processor", "natures", "origin",
                          "started_at", "ended_at", "aware_at", "data_categories",
                          "subject_categories", "approx_subjects", "approx_records",
                          "consequences", "risk", "measures", "delay_reason", "notice_subject",
                          "notice_body"),
    "pk", "pk", TRUE, FALSE },
  { "events", COLUMNS ("pk", "incident", "at", "kind", "description"), "pk", "pk", TRUE, FALSE },
  { "notifications", COLUMNS ("pk", "incident", "authority", "authority_name", "kind", "sent_at",
                              "reference"), "pk", "pk", TRUE, FALSE },
  { "complaints", COLUMNS ("pk", "incident", "direction", "body", "filed_at", "reference", "party",
                           "status", "outcome"), "pk", "pk", TRUE, FALSE },
  { "communications", COLUMNS ("pk", "incident", "channel", "sent_at", "count", "message"),
    "pk", "pk", TRUE, FALSE },
  { "subjects", COLUMNS ("pk", "id", "last_name", "first_name", "birth_date", "nir",
                         "member_number", "email", "postal_address", "restricted_since",
                         "restriction_reason"), "pk", "pk", TRUE, FALSE },
  { "contracts", COLUMNS ("pk", "subject", "number", "product", "start_date", "end_date"),
    "pk", "pk", TRUE, FALSE },
  { "contract_beneficiaries", COLUMNS ("contract", "subject"),
    "contract, subject", "contract, subject", FALSE, FALSE },
  { "holds", COLUMNS ("pk", "subject", "reason", "note", "since", "until"), "pk", "pk", TRUE, FALSE },
  { "requests", COLUMNS ("pk", "id", "subject", "requester_name", "requester_contact", "kind",
                         "received_at", "channel", "identity_verified_at", "extension_reason",
                         "extension_notified_at", "status", "answered_at", "outcome",
                         "refusal_ground", "changes", "due_on", "current_due_on", "decision",
                         "decision_reason"), "pk", "pk", TRUE, FALSE },
  { "request_letters", COLUMNS ("pk", "request", "kind", "produced_at"), "pk", "pk", TRUE, FALSE },
  { "affected", COLUMNS ("incident", "subject", "listed"),
    "incident, subject", "incident, subject", FALSE, FALSE },
  { "affected_hashes", COLUMNS ("kind", "hash", "incident"),
    "kind, hash, incident", "kind, hash, incident", FALSE, FALSE },
  { "affected_unmatched_count", COLUMNS ("incident", "unmatched"), "incident", "incident", FALSE, FALSE },
  { "informed", COLUMNS ("incident", "subject", "channel", "sent_at", "communication"),
    "incident, subject, channel, sent_at",
    "incident, subject, channel COLLATE \"C\", sent_at COLLATE \"C\"", FALSE, FALSE },
  { "settings", COLUMNS ("key", "value"), "key", "key COLLATE \"C\"", FALSE, FALSE },
  /* The HMAC key of the unmatched affected numbers: without it, "am I
   * affected?" cannot answer for them. */
  { "store_state", COLUMNS ("key", "value"), "key", "key COLLATE \"C\"", FALSE, FALSE },
  { "organisation", COLUMNS ("pk", "name", "siren", "address", "dpo_name", "dpo_email", "dpo_phone",
                             "dpo_address", "purposes", "recipients", "retention", "source"),
    "pk", "pk", FALSE, FALSE },
  { "letter_templates", COLUMNS ("kind", "language", "subject", "body"),
    "kind, language", "kind COLLATE \"C\", language COLLATE \"C\"", FALSE, FALSE },
  { "subjects_search", COLUMNS ("rowid", "text"), "rowid", "rowid", FALSE, TRUE },
  { "requests_search", COLUMNS ("rowid", "text"), "rowid", "rowid", FALSE, TRUE },
  { "audit", COLUMNS ("pk", "at", "entity", "record", "action", "changes", "content_hash", "hash"),
    "pk", "pk", TRUE, FALSE },
};

const DpoCopyTable *
dpo_copy_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (TABLES);
  return TABLES;
}

/* What COPY TO writes escaped, and what COPY FROM reads back. */
static void
append_escaped (GString    *line,
                const char *data,
                gsize       length)
{
  for (gsize i = 0; i < length; i++)
    switch (data[i])
      {
      case '\\': g_string_append (line, "\\\\"); break;
      case '\b': g_string_append (line, "\\b"); break;
      case '\f': g_string_append (line, "\\f"); break;
      case '\n': g_string_append (line, "\\n"); break;
      case '\r': g_string_append (line, "\\r"); break;
      case '\t': g_string_append (line, "\\t"); break;
      case '\v': g_string_append (line, "\\v"); break;
      default: g_string_append_c (line, data[i]); break;
      }
}

void
dpo_copy_append_value (GString     *line,
                       DpoCopyKind  kind,
                       gint64       integer,
                       const char  *data,
                       gsize        length)
{
  static const char hex[] = "0123456789abcdef";

  switch (kind)
    {
    case DPO_COPY_NULL:
      g_string_append (line, "\\N");
      break;
    case DPO_COPY_INTEGER:
      g_string_append_printf (line, "%" G_GINT64_FORMAT, integer);
      break;
    case DPO_COPY_BLOB:
      /* bytea's hex output, "\x0a1b...", its backslash escaped. */
      g_string_append (line, "\\\\x");
      for (gsize i = 0; i < length; i++)
        {
          g_string_append_c (line, hex[(guchar) data[i] >> 4]);
          g_string_append_c (line, hex[(guchar) data[i] & 0xf]);
        }
      break;
    case DPO_COPY_TEXT:
    default:
      append_escaped (line, data, length);
      break;
    }
}

gboolean
dpo_copy_unescape (const char *field,
                   gsize       length,
                   GString    *out)
{
  g_string_truncate (out, 0);
  if (length == 2 && field[0] == '\\' && field[1] == 'N')
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (field[i] != '\\' || i + 1 == length)
        {
          g_string_append_c (out, field[i]);
          continue;
        }
      switch (field[++i])
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'v': g_string_append_c (out, '\v'); break;
        default: g_string_append_c (out, field[i]); break;
        }
    }
  return TRUE;
}

static gboolean
fail_sqlite (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot read or write the database “%s”: %s"),
               path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (SQLITE_NOMEM));
  return FALSE;
}

static char *
select_sql (const DpoCopyTable *table)
{
  GString *sql = g_string_new ("SELECT ");

  for (guint i = 0; table->columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", table->columns[i]);
  g_string_append_printf (sql, " FROM %s ORDER BY %s", table->name, table->file_order);
  return g_string_free (sql, FALSE);
}

/* The row @stmt is on, as a COPY line ending in "\n". */
static void
row_line (sqlite3_stmt *stmt,
          GString      *line)
{
  int n = sqlite3_column_count (stmt);

  g_string_truncate (line, 0);
  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (line, '\t');
      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_NULL:
          dpo_copy_append_value (line, DPO_COPY_NULL, 0, NULL, 0);
          break;
        case SQLITE_INTEGER:
          dpo_copy_append_value (line, DPO_COPY_INTEGER, sqlite3_column_int64 (stmt, i), NULL, 0);
          break;
        case SQLITE_BLOB:
          dpo_copy_append_value (line, DPO_COPY_BLOB, 0, sqlite3_column_blob (stmt, i),
                                 sqlite3_column_bytes (stmt, i));
          break;
        default:
          /* Text, and a REAL as SQLite writes it (the schema holds none). */
          dpo_copy_append_value (line, DPO_COPY_TEXT, 0, (const char *) sqlite3_column_text (stmt, i),
                                 sqlite3_column_bytes (stmt, i));
          break;
        }
    }
  g_string_append_c (line, '\n');
}

static gboolean
each_row (sqlite3             *db,
          const char          *path,
          const DpoCopyTable  *table,
          DpoCopyRowFunc       row,
          gpointer             user_data,
          GError             **error)
{
  g_autofree char *sql = select_sql (table);
  g_autoptr(GString) line = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc = SQLITE_OK;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail_sqlite (db, path, error);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      row_line (stmt, line);
      ok = row (line->str, line->len, user_data, error);
    }
  if (ok && rc != SQLITE_DONE)
    ok = fail_sqlite (db, path, error);
  sqlite3_finalize (stmt);
  return ok;
}

struct _DpoStoreCopySource
{
  char    *path;
  sqlite3 *db;
};

void
dpo_store_copy_source_free (DpoStoreCopySource *source)
{
  if (source == NULL)
    return;
  if (source->db != NULL)
    sqlite3_exec (source->db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close_v2 (source->db);
  g_free (source->path);
  g_free (source);
}

DpoStoreCopySource *
dpo_store_copy_source_open (const char  *path,
                            GError     **error)
{
  g_autoptr(DpoStoreCopySource) source = g_new0 (DpoStoreCopySource, 1);
  g_autoptr(DpoStore) store = NULL;

  /* dpo_store_open() would make a new, empty database of a wrong path. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("There is no database file at “%s”."), path);
      return NULL;
    }
  /* The store brings an older file to this version and refuses a newer
   * one, untouched; the copy then reads the file as the store left it. */
  store = dpo_store_open (path, error);
  if (store == NULL)
    return NULL;
  g_clear_object (&store);

  source->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &source->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      fail_sqlite (source->db, path, error);
      return NULL;
    }
  sqlite3_busy_timeout (source->db, 5000);
  /* One snapshot for the whole copy, whoever writes meanwhile. */
  if (sqlite3_exec (source->db, "BEGIN; SELECT count(*) FROM audit", NULL, NULL, NULL) != SQLITE_OK)
    {
      fail_sqlite (source->db, path, error);
      return NULL;
    }
  return g_steal_pointer (&source);
}

static gint64
count_rows (sqlite3             *db,
            const char          *path,
            const DpoCopyTable  *table,
            GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table->name);
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    fail_sqlite (db, path, error);
  sqlite3_finalize (stmt);
  return count;
}

gint64
dpo_store_copy_source_count (DpoStoreCopySource  *source,
                             const DpoCopyTable  *table,
                             GError             **error)
{
  return count_rows (source->db, source->path, table, error);
}

gboolean
dpo_store_copy_source_rows (DpoStoreCopySource  *source,
                            const DpoCopyTable  *table,
                            DpoCopyRowFunc       row,
                            gpointer             user_data,
                            GError             **error)
{
  return each_row (source->db, source->path, table, row, user_data, error);
}

gboolean
dpo_store_copy_source_kinds (DpoStoreCopySource  *source,
                             const DpoCopyTable  *table,
                             DpoCopyKind         *kinds,
                             GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name, upper (type) FROM pragma_table_info ('%s')",
                                          table->name);
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (source->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fail_sqlite (source->db, source->path, error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (types, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);

  for (guint i = 0; table->columns[i] != NULL; i++)
    {
      const char *type = g_hash_table_lookup (types, table->columns[i]);

      /* A search table's key is its rowid. */
      if (table->search && g_str_equal (table->columns[i], "rowid"))
        kinds[i] = DPO_COPY_INTEGER;
      else if (g_strcmp0 (type, "INTEGER") == 0)
        kinds[i] = DPO_COPY_INTEGER;
      else if (g_strcmp0 (type, "BLOB") == 0)
        kinds[i] = DPO_COPY_BLOB;
      else
        kinds[i] = DPO_COPY_TEXT;
    }
  return TRUE;
}

static gboolean
hash_line (const char  *line,
           gsize        length,
           gpointer     user_data,
           GError     **error)
{
  g_checksum_update (user_data, (const guchar *) line, length);
  return TRUE;
}

gboolean
dpo_store_copy_digest (const char          *path,
                       const DpoCopyTable  *table,
                       gint64              *count,
                       char               **digest,
                       GError             **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      ok = fail_sqlite (db, path, error);
      sqlite3_close_v2 (db);
      return ok;
    }
  sqlite3_busy_timeout (db, 5000);
  ok = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK || fail_sqlite (db, path, error);
  ok = ok && (*count = count_rows (db, path, table, error)) >= 0 &&
       each_row (db, path, table, hash_line, checksum, error);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close_v2 (db);
  if (ok)
    *digest = g_strdup (g_checksum_get_string (checksum));
  return ok;
}

struct _DpoStoreCopyTarget
{
  char               *path;
  sqlite3            *db;
  gboolean            committed;
  const DpoCopyTable *table;
  DpoCopyKind        *kinds;
  guint               n_columns;
  sqlite3_stmt       *insert;
  GString            *field;
};

/* The file and the files SQLite keeps beside it. */
static void
remove_database (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

void
dpo_store_copy_target_free (DpoStoreCopyTarget *target)
{
  if (target == NULL)
    return;
  sqlite3_finalize (target->insert);
  if (target->db != NULL && !target->committed)
    sqlite3_exec (target->db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close_v2 (target->db);
  if (!target->committed && target->path != NULL)
    remove_database (target->path);
  g_free (target->kinds);
  if (target->field != NULL)
    g_string_free (target->field, TRUE);
  g_free (target->path);
  g_free (target);
}

/* The reference text of the trigger @name, as the migrations made it. */
static const char *
reference_trigger (const char *name)
{
  GPtrArray *reference = _dpo_store_reference_schema ();

  for (guint i = 0; i < reference->len; i++)
    {
      DpoSchemaObject *object = g_ptr_array_index (reference, i);

      if (g_str_equal (object->type, "trigger") && g_str_equal (object->name, name))
        return object->sql;
    }
  return NULL;
}

/* A 'redact' entry is accepted only while its person has an erasure
 * request; the person it announces is gone by the time it is copied. The
 * copy's own transaction takes the trigger away while the log is copied,
 * as it was written, and puts it back exactly as the migrations wrote it
 * (`dpo audit verify` compares it). */
#define REDACT_TRIGGER "audit_redact_needs_erasure"

DpoStoreCopyTarget *
dpo_store_copy_target_create (const char  *path,
                              GError     **error)
{
  g_autoptr(DpoStoreCopyTarget) target = NULL;
  g_autoptr(DpoStore) store = NULL;
  g_autofree char *drop = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_EXISTS,
                   _("“%s” already exists: a copy will not overwrite it. Name a new file."), path);
      return NULL;
    }

  /* The store makes the file: its schema, its journal mode, its rights. */
  store = dpo_store_open (path, error);
  if (store == NULL)
    {
      remove_database (path);
      return NULL;
    }
  g_clear_object (&store);

  target = g_new0 (DpoStoreCopyTarget, 1);
  target->path = g_strdup (path);
  target->field = g_string_new (NULL);
  drop = g_strdup_printf ("DROP TRIGGER " REDACT_TRIGGER);
  if (sqlite3_open_v2 (path, &target->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      !_dpo_store_register_search (target->db) ||
      /* A big cache: a million requests go through eight indexes. As the
       * store's connections, NORMAL: the write-ahead log is synced at the
       * checkpoint, which closing the copy makes. */
      sqlite3_exec (target->db, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; "
                                "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072; "
                                "BEGIN IMMEDIATE; DELETE FROM store_state", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (target->db, drop, NULL, NULL, NULL) != SQLITE_OK)
    {
      fail_sqlite (target->db, path, error);
      return NULL;
    }
  sqlite3_busy_timeout (target->db, 5000);
  return g_steal_pointer (&target);
}

gboolean
dpo_store_copy_target_begin (DpoStoreCopyTarget  *target,
                             const DpoCopyTable  *table,
                             const DpoCopyKind   *kinds,
                             GError             **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  sqlite3_finalize (target->insert);
  target->insert = NULL;
  target->table = table;
  target->n_columns = g_strv_length ((char **) table->columns);
  g_free (target->kinds);
  target->kinds = g_memdup2 (kinds, target->n_columns * sizeof *kinds);

  /* The search index is rebuilt from the rows, as the store does. */
  if (table->search)
    return TRUE;
  g_string_append_printf (sql, "INSERT INTO %s (", table->name);
  for (guint i = 0; i < target->n_columns; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", table->columns[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < target->n_columns; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append (sql, ")");
  if (sqlite3_prepare_v2 (target->db, sql->str, -1, &target->insert, NULL) != SQLITE_OK)
    return fail_sqlite (target->db, target->path, error);
  return TRUE;
}

static gboolean
bad_line (DpoStoreCopyTarget  *target,
          GError             **error)
{
  g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
               _("The server sent a row of “%s” that cannot be read; nothing was written."),
               target->table->name);
  return FALSE;
}

static gboolean
bind_field (DpoStoreCopyTarget  *target,
            guint                column,
            const char          *field,
            gsize                length,
            GError             **error)
{
  GString *value = target->field;
  int rc;

  if (!dpo_copy_unescape (field, length, value))
    rc = sqlite3_bind_null (target->insert, column + 1);
  else if (target->kinds[column] == DPO_COPY_INTEGER)
    {
      gint64 number = 0;

      if (!g_ascii_string_to_signed (value->str, 10, G_MININT64, G_MAXINT64, &number, NULL))
        return bad_line (target, error);
      rc = sqlite3_bind_int64 (target->insert, column + 1, number);
    }
  else if (target->kinds[column] == DPO_COPY_BLOB)
    {
      g_autofree guchar *bytes = NULL;
      gsize n = 0;

      if (value->len < 2 || value->len % 2 != 0 || strncmp (value->str, "\\x", 2) != 0)
        return bad_line (target, error);
      n = (value->len - 2) / 2;
      bytes = g_malloc (MAX (n, 1));
      for (gsize i = 0; i < n; i++)
        {
          int high = g_ascii_xdigit_value (value->str[2 + 2 * i]);
          int low = g_ascii_xdigit_value (value->str[3 + 2 * i]);

          if (high < 0 || low < 0)
            return bad_line (target, error);
          bytes[i] = high << 4 | low;
        }
      rc = sqlite3_bind_blob (target->insert, column + 1, bytes, n, SQLITE_TRANSIENT);
    }
  else
    rc = sqlite3_bind_text (target->insert, column + 1, value->str, value->len, SQLITE_TRANSIENT);
  return rc == SQLITE_OK || fail_sqlite (target->db, target->path, error);
}

gboolean
dpo_store_copy_target_row (DpoStoreCopyTarget  *target,
                           const char          *line,
                           gsize                length,
                           GError             **error)
{
  const char *end = line + length;
  const char *field = line;
  guint column = 0;

  if (target->table->search)
    return TRUE;
  for (;;)
    {
      const char *tab = memchr (field, '\t', end - field);
      const char *stop = tab != NULL ? tab : end;

      if (column >= target->n_columns ||
          !bind_field (target, column, field, stop - field, error))
        return column >= target->n_columns ? bad_line (target, error) : FALSE;
      column++;
      if (tab == NULL)
        break;
      field = tab + 1;
    }
  if (column != target->n_columns)
    return bad_line (target, error);
  if (sqlite3_step (target->insert) != SQLITE_DONE)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                   _("A row of “%s” could not be written into “%s”: %s"),
                   target->table->name, target->path, sqlite3_errmsg (target->db));
      sqlite3_reset (target->insert);
      return FALSE;
    }
  sqlite3_reset (target->insert);
  return TRUE;
}

gboolean
dpo_store_copy_target_commit (DpoStoreCopyTarget  *target,
                              GError             **error)
{
  const char *trigger = reference_trigger (REDACT_TRIGGER);
  char *message = NULL;

  sqlite3_finalize (target->insert);
  target->insert = NULL;
  if (trigger == NULL || sqlite3_exec (target->db, trigger, NULL, NULL, NULL) != SQLITE_OK)
    return fail_sqlite (target->db, target->path, error);
  if (!_dpo_store_fill_search_index (target->db, &message))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
                   _("The search index of “%s” could not be built: %s"), target->path, message);
      sqlite3_free (message);
      return FALSE;
    }
  if (sqlite3_exec (target->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    return fail_sqlite (target->db, target->path, error);
  target->committed = TRUE;
  return TRUE;
}

void
dpo_copy_audit_genesis (char out[DPO_COPY_HASH_LENGTH + 1])
{
  _dpo_audit_genesis (out);
}

void
dpo_copy_audit_content_hash (const char *at,
                             const char *entity,
                             const char *record,
                             const char *action,
                             const char *changes,
                             char        out[DPO_COPY_HASH_LENGTH + 1])
{
  DpoAuditEntry entry = { at, entity, record, action, changes };

  _dpo_audit_content_hash (&entry, out);
}

void
dpo_copy_audit_link_hash (const char *previous,
                          const char *content_hash,
                          char        out[DPO_COPY_HASH_LENGTH + 1])
{
  _dpo_audit_link_hash (previous, content_hash, out);
}
