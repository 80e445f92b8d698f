/* bench-import-bare.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "dpo-due-date.h"

/* The floor of bench-import: json-glib parses the interchange file into a
 * tree, and SQLite inserts the same rows as `dpo import` with prepared
 * statements in one transaction: the records, their children, the stored
 * due dates and one audit row per record holding it as imported, chained
 * by SHA-256 like the audit log (GLib's GChecksum, written here). It checks
 * nothing (the file is known to be good) and keeps no records of its own.
 * The due dates use the core's legal rule (that is the data, not overhead);
 * times go through GDateTime to their UTC storage form. It uses the two
 * bulk-load measures `dpo import` takes (the file's text freed once
 * parsed, a 256 MB page cache for the load), so that the ratio measures
 * only what the import adds.
 *
 *   bench-import-bare DATABASE FILE.json   (the database has the schema) */

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *audit;
  char         *now;
  GChecksum    *checksum;
  char          head[65];    /* the last entry's chain hash, hex */
} Bare;

static void
die (Bare       *bare,
     const char *what)
{
  g_printerr ("bench-import-bare: %s: %s\n", what, sqlite3_errmsg (bare->db));
  exit (1);
}

static sqlite3_stmt *
prepare (Bare       *bare,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (bare->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    die (bare, sql);
  return stmt;
}

static void
step (Bare         *bare,
      sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    die (bare, "insert");
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static const char *
text (JsonObject *object,
      const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_string (node) : NULL;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
}

static void
bind_count (sqlite3_stmt *stmt,
            int           index,
            JsonObject   *object,
            const char   *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
}

/* The UTC storage form, "2024-01-29T09:00:00Z". */
static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           JsonObject   *object,
           const char   *member,
           GDateTime   **keep)
{
  const char *value = text (object, member);
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (value == NULL)
    return;
  time = g_date_time_new_from_iso8601 (value, NULL);
  utc = g_date_time_to_utc (time);
  sqlite3_bind_text (stmt, index, g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ"), -1, g_free);
  if (keep != NULL)
    *keep = g_steal_pointer (&time);
}

static void
bind_words (sqlite3_stmt *stmt,
            int           index,
            JsonObject   *object,
            const char   *member)
{
  JsonNode *node = json_object_get_member (object, member);

  sqlite3_bind_text (stmt, index, node != NULL ? json_to_string (node, FALSE) : g_strdup ("[]"),
                     -1, g_free);
}

static void
audit (Bare       *bare,
       const char *entity,
       const char *record,
       JsonNode   *node)
{
  char *changes = json_to_string (node, FALSE);
  const char *fields[] = { bare->now, entity, record, "insert", changes };
  char content[65];

  /* The same work as the audit chain: SHA-256 of the entry's fields, then
   * of the previous entry's hash and that one. */
  g_checksum_reset (bare->checksum);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("S%zu:", strlen (fields[i]));

      g_checksum_update (bare->checksum, (const guchar *) prefix, -1);
      g_checksum_update (bare->checksum, (const guchar *) fields[i], -1);
    }
  g_strlcpy (content, g_checksum_get_string (bare->checksum), sizeof content);
  g_checksum_reset (bare->checksum);
  g_checksum_update (bare->checksum, (const guchar *) bare->head, 64);
  g_checksum_update (bare->checksum, (const guchar *) content, 64);
  g_strlcpy (bare->head, g_checksum_get_string (bare->checksum), sizeof bare->head);

  sqlite3_bind_text (bare->audit, 1, bare->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (bare->audit, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (bare->audit, 3, record, -1, SQLITE_STATIC);
  sqlite3_bind_text (bare->audit, 4, "insert", -1, SQLITE_STATIC);
  sqlite3_bind_text (bare->audit, 5, changes, -1, g_free);
  sqlite3_bind_text (bare->audit, 6, content, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (bare->audit, 7, bare->head, -1, SQLITE_STATIC);
  step (bare, bare->audit);
}

static JsonArray *
array (JsonObject *object,
       const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
load_subjects (Bare       *bare,
               JsonArray  *subjects,
               GHashTable *pks)
{
  sqlite3_stmt *insert = prepare (bare,
    "INSERT INTO subjects (id, last_name, first_name, birth_date, nir, member_number, email, "
    "postal_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  sqlite3_stmt *contract = prepare (bare,
    "INSERT INTO contracts (subject, number, product, start_date, end_date) VALUES (?, ?, ?, ?, ?)");

  for (guint i = 0; subjects != NULL && i < json_array_get_length (subjects); i++)
    {
      JsonObject *o = json_array_get_object_element (subjects, i);
      JsonArray *contracts = array (o, "contracts");
      gint64 pk;

      bind_text (insert, 1, text (o, "id"));
      bind_text (insert, 2, text (o, "last_name"));
      bind_text (insert, 3, text (o, "first_name"));
      bind_text (insert, 4, text (o, "birth_date"));
      bind_text (insert, 5, text (o, "nir"));
      bind_text (insert, 6, text (o, "member_number"));
      bind_text (insert, 7, text (o, "email"));
      bind_text (insert, 8, text (o, "postal_address"));
      step (bare, insert);
      pk = sqlite3_last_insert_rowid (bare->db);
      g_hash_table_insert (pks, (gpointer) text (o, "id"), GSIZE_TO_POINTER ((gsize) pk));

      for (guint c = 0; contracts != NULL && c < json_array_get_length (contracts); c++)
        {
          JsonObject *k = json_array_get_object_element (contracts, c);

          sqlite3_bind_int64 (contract, 1, pk);
          bind_text (contract, 2, text (k, "number"));
          bind_text (contract, 3, text (k, "product"));
          bind_text (contract, 4, text (k, "start_date"));
          bind_text (contract, 5, text (k, "end_date"));
          step (bare, contract);
        }
      audit (bare, "subject", text (o, "id"), json_array_get_element (subjects, i));
    }
  sqlite3_finalize (insert);
  sqlite3_finalize (contract);
}

static void
load_incidents (Bare      *bare,
                JsonArray *incidents)
{
  sqlite3_stmt *insert = prepare (bare,
    "INSERT INTO incidents (id, title, description, processor, natures, origin, started_at, "
    "ended_at, aware_at, data_categories, subject_categories, approx_subjects, approx_records, "
    "consequences, risk, measures, delay_reason) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  sqlite3_stmt *event = prepare (bare,
    "INSERT INTO events (incident, at, kind, description) VALUES (?, ?, ?, ?)");
  sqlite3_stmt *notification = prepare (bare,
    "INSERT INTO notifications (incident, authority, authority_name, kind, sent_at, reference) "
    "VALUES (?, ?, ?, ?, ?, ?)");
  sqlite3_stmt *complaint = prepare (bare,
    "INSERT INTO complaints (incident, direction, body, filed_at, reference, party, status, outcome) "
    "VALUES (?, ?, ?, ?, ?, ?, ifnull (?, 'open'), ?)");
  sqlite3_stmt *communication = prepare (bare,
    "INSERT INTO communications (incident, channel, sent_at, count) VALUES (?, ?, ?, ?)");

  for (guint i = 0; incidents != NULL && i < json_array_get_length (incidents); i++)
    {
      JsonObject *o = json_array_get_object_element (incidents, i);
      JsonArray *children;
      gint64 pk;

      bind_text (insert, 1, text (o, "id"));
      bind_text (insert, 2, text (o, "title"));
      bind_text (insert, 3, text (o, "description"));
      bind_text (insert, 4, text (o, "processor"));
      bind_words (insert, 5, o, "natures");
      bind_text (insert, 6, text (o, "origin"));
      bind_time (insert, 7, o, "started_at", NULL);
      bind_time (insert, 8, o, "ended_at", NULL);
      bind_time (insert, 9, o, "aware_at", NULL);
      bind_words (insert, 10, o, "data_categories");
      bind_words (insert, 11, o, "subject_categories");
      bind_count (insert, 12, o, "approx_subjects");
      bind_count (insert, 13, o, "approx_records");
      bind_text (insert, 14, text (o, "consequences"));
      bind_text (insert, 15, text (o, "risk"));
      bind_text (insert, 16, text (o, "measures"));
      bind_text (insert, 17, text (o, "delay_reason"));
      step (bare, insert);
      pk = sqlite3_last_insert_rowid (bare->db);

      children = array (o, "events");
      for (guint c = 0; children != NULL && c < json_array_get_length (children); c++)
        {
          JsonObject *k = json_array_get_object_element (children, c);

          sqlite3_bind_int64 (event, 1, pk);
          bind_time (event, 2, k, "at", NULL);
          bind_text (event, 3, text (k, "kind"));
          bind_text (event, 4, text (k, "description"));
          step (bare, event);
        }
      children = array (o, "notifications");
      for (guint c = 0; children != NULL && c < json_array_get_length (children); c++)
        {
          JsonObject *k = json_array_get_object_element (children, c);

          sqlite3_bind_int64 (notification, 1, pk);
          bind_text (notification, 2, text (k, "authority"));
          bind_text (notification, 3, text (k, "authority_name"));
          bind_text (notification, 4, text (k, "kind"));
          bind_time (notification, 5, k, "sent_at", NULL);
          bind_text (notification, 6, text (k, "reference"));
          step (bare, notification);
        }
      children = array (o, "complaints");
      for (guint c = 0; children != NULL && c < json_array_get_length (children); c++)
        {
          JsonObject *k = json_array_get_object_element (children, c);

          sqlite3_bind_int64 (complaint, 1, pk);
          bind_text (complaint, 2, text (k, "direction"));
          bind_text (complaint, 3, text (k, "body"));
          bind_time (complaint, 4, k, "filed_at", NULL);
          bind_text (complaint, 5, text (k, "reference"));
          bind_text (complaint, 6, text (k, "party"));
          bind_text (complaint, 7, text (k, "status"));
          bind_text (complaint, 8, text (k, "outcome"));
          step (bare, complaint);
        }
      children = array (o, "communications");
      for (guint c = 0; children != NULL && c < json_array_get_length (children); c++)
        {
          JsonObject *k = json_array_get_object_element (children, c);

          sqlite3_bind_int64 (communication, 1, pk);
          bind_text (communication, 2, text (k, "channel"));
          bind_time (communication, 3, k, "sent_at", NULL);
          bind_count (communication, 4, k, "count");
          step (bare, communication);
        }
      audit (bare, "incident", text (o, "id"), json_array_get_element (incidents, i));
    }
  sqlite3_finalize (insert);
  sqlite3_finalize (event);
  sqlite3_finalize (notification);
  sqlite3_finalize (complaint);
  sqlite3_finalize (communication);
}

/* The local calendar date of receipt, then the legal rule. */
static void
bind_due_dates (sqlite3_stmt *stmt,
                GDateTime    *received,
                gboolean      extended)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (received);
  GDate received_on, due, current;
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (&received_on, 1);
  g_date_set_dmy (&received_on, d, m, y);
  dpo_request_due_on (&received_on, FALSE, FALSE, &due);
  dpo_request_due_on (&received_on, extended, FALSE, &current);
  sqlite3_bind_text (stmt, 16, g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&due),
                                                g_date_get_month (&due), g_date_get_day (&due)),
                     -1, g_free);
  sqlite3_bind_text (stmt, 17, g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&current),
                                                g_date_get_month (&current), g_date_get_day (&current)),
                     -1, g_free);
}

static void
load_requests (Bare       *bare,
               JsonArray  *requests,
               GHashTable *pks)
{
  sqlite3_stmt *insert = prepare (bare,
    "INSERT INTO requests (id, subject, requester_name, requester_contact, kind, received_at, "
    "channel, identity_verified_at, extension_reason, extension_notified_at, status, "
    "answered_at, outcome, refusal_ground, changes, due_on, current_due_on) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ifnull (?, 'received'), ?, ?, ?, ?, ?, ?)");

  for (guint i = 0; requests != NULL && i < json_array_get_length (requests); i++)
    {
      JsonObject *o = json_array_get_object_element (requests, i);
      JsonNode *requester = json_object_get_member (o, "requester");
      JsonNode *extension = json_object_get_member (o, "extension");
      JsonNode *changes = json_object_get_member (o, "changes");
      const char *subject = text (o, "subject");
      g_autoptr(GDateTime) received = NULL;

      bind_text (insert, 1, text (o, "id"));
      if (subject != NULL)
        sqlite3_bind_int64 (insert, 2, GPOINTER_TO_SIZE (g_hash_table_lookup (pks, subject)));
      if (requester != NULL && JSON_NODE_HOLDS_OBJECT (requester))
        {
          bind_text (insert, 3, text (json_node_get_object (requester), "name"));
          bind_text (insert, 4, text (json_node_get_object (requester), "contact"));
        }
      bind_text (insert, 5, text (o, "kind"));
      bind_time (insert, 6, o, "received_at", &received);
      bind_text (insert, 7, text (o, "channel"));
      bind_time (insert, 8, o, "identity_verified_at", NULL);
      if (extension != NULL && JSON_NODE_HOLDS_OBJECT (extension))
        {
          bind_text (insert, 9, text (json_node_get_object (extension), "reason"));
          bind_time (insert, 10, json_node_get_object (extension), "notified_at", NULL);
        }
      bind_text (insert, 11, text (o, "status"));
      bind_time (insert, 12, o, "answered_at", NULL);
      bind_text (insert, 13, text (o, "outcome"));
      bind_text (insert, 14, text (o, "refusal_ground"));
      if (changes != NULL && JSON_NODE_HOLDS_OBJECT (changes))
        sqlite3_bind_text (insert, 15, json_to_string (changes, FALSE), -1, g_free);
      bind_due_dates (insert, received, extension != NULL && JSON_NODE_HOLDS_OBJECT (extension));
      step (bare, insert);
      audit (bare, "request", text (o, "id"), json_array_get_element (requests, i));
    }
  sqlite3_finalize (insert);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) pks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  Bare bare = { NULL, NULL, NULL };
  JsonObject *root;
  gsize length;

  if (argc != 3)
    {
      g_printerr ("usage: bench-import-bare DATABASE FILE.json\n");
      return 1;
    }
  if (!g_file_get_contents (argv[2], &contents, &length, &error) ||
      !json_parser_load_from_data (parser, contents, length, &error))
    {
      g_printerr ("bench-import-bare: %s\n", error->message);
      return 1;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  g_clear_pointer (&contents, g_free);

  if (sqlite3_open (argv[1], &bare.db) != SQLITE_OK ||
      sqlite3_exec (bare.db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
                             "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; "
                             "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    die (&bare, argv[1]);
  bare.now = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  bare.audit = prepare (&bare, "INSERT INTO audit (at, entity, record, action, changes, "
                               "content_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
  bare.checksum = g_checksum_new (G_CHECKSUM_SHA256);
  memset (bare.head, '0', 64);

  load_subjects (&bare, array (root, "subjects"), pks);
  load_incidents (&bare, array (root, "incidents"));
  load_requests (&bare, array (root, "requests"), pks);

  sqlite3_finalize (bare.audit);
  g_checksum_free (bare.checksum);
  if (sqlite3_exec (bare.db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    die (&bare, "commit");
  sqlite3_close (bare.db);
  g_free (bare.now);
  return 0;
}
