/* dpo-store-loader.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-json-text.h"
#include "dpo-store-loader.h"
#include "dpo-store-private.h"
#include "dpo-time.h"
#include "pg/dpo-pg-stmt-private.h"

/* A million requests go through here: each costs one prepared INSERT and
 * one audit row, no statement lookup by its text and no query to find the
 * person (the people loaded so far are in a hash table). People and
 * incidents are few and go through the store's ordinary insert functions. */

/* A load writes a row into each of a dozen indexes for every request, at
 * places spread over each index: with SQLite's default 2 MB page cache a
 * million requests spill pages to the WAL and read them back again and
 * again. The cache grows only as pages are used, up to this, and goes back
 * to its size after the load. */
#define LOAD_CACHE_KIB 262144

/* On a server, an INSERT is a round trip: the requests go in batches by
 * COPY FROM STDIN instead (with their audit entries and search rows, as
 * the file gets them), in the load's one transaction. A batch is written
 * before anything else the load does, so that every other write sees the
 * rows and the audit chain's head as they are; its size bounds the
 * memory (a few MB). */
#define COPY_BATCH 10000

static const char COPY_REQUESTS[] =
  "COPY requests (pk, id, subject, requester_name, requester_contact, kind, received_at, "
  "channel, identity_verified_at, extension_reason, extension_notified_at, status, "
  "answered_at, outcome, refusal_ground, changes, due_on, current_due_on, decision, "
  "decision_reason) FROM STDIN";
static const char COPY_AUDIT[] =
  "COPY audit (at, entity, record, action, changes, content_hash, hash) FROM STDIN";
static const char COPY_SEARCH[] = "COPY requests_search (rowid, text) FROM STDIN";

struct _DpoStoreLoader
{
  DpoStore     *store;
  DpoSqlConn   *db;
  gint64        cache_size;    /* PRAGMA cache_size before the load */
  DpoSqlStmt *insert_request;
  GHashTable   *subject_pks;   /* id (owned) -> pk, the people loaded or looked up */
  gint64        last_pk;       /* of the requests before the load */
  int           alsace_before; /* the store's flag before the load changed it, or -1 */

  /* A server's batch (see COPY_BATCH). */
  gboolean      copying;       /* requests go by COPY */
  gboolean      check_ids;     /* the server had requests before: each id is looked up */
  GPtrArray    *rows;          /* the requests' fields, after their pk */
  GPtrArray    *texts;         /* their search rows' text */
  GHashTable   *batch_ids;     /* their ids, owned */
  GString      *audit_rows;    /* their audit entries, whole lines */
  char          head[DPO_AUDIT_HASH_LENGTH + 1]; /* the audit chain's head, with the batch */
  GError       *copy_error;    /* a batch refused where no error could be returned */
};

/* The person as a pk the loader already knows. */
static const char INSERT_REQUEST[] = DPO_REQUEST_INSERT "?" DPO_REQUEST_INSERT_REST;

static void
loader_free (DpoStoreLoader *loader)
{
  g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, loader->cache_size);

  if (dpo_sql_conn_get_engine (loader->db) == DPO_SQL_SQLITE)
    dpo_sql_exec (loader->db, restore);
  dpo_sql_stmt_free (loader->insert_request);
  g_hash_table_unref (loader->subject_pks);
  g_clear_pointer (&loader->rows, g_ptr_array_unref);
  g_clear_pointer (&loader->texts, g_ptr_array_unref);
  g_clear_pointer (&loader->batch_ids, g_hash_table_unref);
  if (loader->audit_rows != NULL)
    g_string_free (loader->audit_rows, TRUE);
  g_clear_error (&loader->copy_error);
  g_object_unref (loader->store);
  g_free (loader);
}

DpoStoreLoader *
dpo_store_loader_begin (DpoStore  *store,
                        GError   **error)
{
  DpoStoreLoader *loader;

  g_return_val_if_fail (DPO_IS_STORE (store), NULL);

  if (!_dpo_store_begin (store, error))
    return NULL;

  loader = g_new0 (DpoStoreLoader, 1);
  loader->store = g_object_ref (store);
  loader->db = _dpo_store_get_db (store);
  loader->subject_pks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader->alsace_before = -1;
  loader->last_pk = _dpo_store_query_int (store, "SELECT max(pk) FROM requests");
  /* A file's page cache, bigger for the load; a server sizes its own. */
  if (dpo_sql_conn_get_engine (loader->db) == DPO_SQL_SQLITE)
    {
      loader->cache_size = _dpo_store_query_int (store, "PRAGMA cache_size");
      dpo_sql_exec (loader->db, "PRAGMA cache_size = -" G_STRINGIFY (LOAD_CACHE_KIB));
    }
  else
    {
      loader->copying = TRUE;
      loader->check_ids = loader->last_pk != 0;
      loader->rows = g_ptr_array_new_with_free_func (g_free);
      loader->texts = g_ptr_array_new_with_free_func (g_free);
      loader->batch_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      loader->audit_rows = g_string_new (NULL);
    }
  if ((loader->insert_request = dpo_sql_prepare (loader->db, INSERT_REQUEST, TRUE)) == NULL)
    {
      _dpo_store_set_db_error (store, error);
      dpo_store_loader_abort (loader);
      return NULL;
    }
  return loader;
}

/* Writes the batch: its requests with pks drawn from their identity (in
 * order), their audit entries, their search rows. */
static gboolean
flush_batch (DpoStoreLoader  *loader,
             GError         **error)
{
  g_autoptr(GString) requests = NULL;
  g_autoptr(GString) search = NULL;
  g_autofree char *draw = NULL;
  g_autoptr(DpoSqlStmt) pks = NULL;
  guint n;

  if (loader->copy_error != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (loader->copy_error);
      return FALSE;
    }
  if (loader->rows == NULL || loader->rows->len == 0)
    return TRUE;

  n = loader->rows->len;
  requests = g_string_sized_new (n * 256);
  search = g_string_sized_new (n * 32);
  draw = g_strdup_printf ("SELECT nextval (pg_get_serial_sequence ('requests', 'pk')) "
                          "FROM generate_series (1, %u) ORDER BY 1", n);
  pks = dpo_sql_prepare (loader->db, draw, FALSE);
  for (guint i = 0; pks != NULL && i < n; i++)
    {
      g_autofree char *pk = NULL;

      if (dpo_sql_step (pks) != DPO_SQL_ROW)
        break;
      pk = g_strdup (dpo_sql_column_text (pks, 0));
      g_string_append_printf (requests, "%s\t%s\n", pk, (const char *) g_ptr_array_index (loader->rows, i));
      g_string_append_printf (search, "%s\t", pk);
      _dpo_pg_copy_append_field (search, g_ptr_array_index (loader->texts, i));
      g_string_append_c (search, '\n');
      if (i == n - 1)
        loader->last_pk = g_ascii_strtoll (pk, NULL, 10);
    }
  g_ptr_array_set_size (loader->rows, 0);
  g_ptr_array_set_size (loader->texts, 0);
  g_hash_table_remove_all (loader->batch_ids);
  if (pks == NULL || !_dpo_pg_copy_in (loader->db, COPY_REQUESTS, requests->str, requests->len) ||
      !_dpo_pg_copy_in (loader->db, COPY_AUDIT, loader->audit_rows->str, loader->audit_rows->len) ||
      !_dpo_pg_copy_in (loader->db, COPY_SEARCH, search->str, search->len))
    {
      g_string_truncate (loader->audit_rows, 0);
      _dpo_store_set_db_error (loader->store, &loader->copy_error);
      if (error != NULL)
        *error = g_error_copy (loader->copy_error);
      return FALSE;
    }
  g_string_truncate (loader->audit_rows, 0);
  return TRUE;
}

/* Before any other read or write of the load. */
static void
flush_quietly (DpoStoreLoader *loader)
{
  flush_batch (loader, NULL);
}

static const char *
lookup_sql (DpoStoreRecordKind kind)
{
  switch (kind)
    {
    case DPO_STORE_RECORD_INCIDENT:
      return "SELECT pk FROM incidents WHERE id = ?";
    case DPO_STORE_RECORD_SUBJECT:
      return "SELECT pk FROM subjects WHERE id = ?";
    case DPO_STORE_RECORD_REQUEST:
    default:
      return "SELECT pk FROM requests WHERE id = ?";
    }
}

gboolean
dpo_store_loader_exists (DpoStoreLoader     *loader,
                         DpoStoreRecordKind  kind,
                         const char         *id)
{
  g_return_val_if_fail (loader != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  flush_quietly (loader);
  return _dpo_store_lookup_pk (loader->store, lookup_sql (kind), id) != 0;
}

DpoStoreLoad
dpo_store_loader_add_incident (DpoStoreLoader  *loader,
                               DpoIncident     *incident,
                               JsonNode        *as_imported,
                               GError         **error)
{
  g_return_val_if_fail (loader != NULL, DPO_STORE_LOAD_FAILED);

  if (!flush_batch (loader, error))
    return DPO_STORE_LOAD_FAILED;
  if (dpo_store_loader_exists (loader, DPO_STORE_RECORD_INCIDENT, incident->id))
    return DPO_STORE_LOAD_EXISTS;
  if (!_dpo_store_insert_incident (loader->store, incident, as_imported, error))
    return DPO_STORE_LOAD_FAILED;
  return DPO_STORE_LOAD_ADDED;
}

DpoStoreLoad
dpo_store_loader_add_subject (DpoStoreLoader  *loader,
                              DpoSubject      *subject,
                              JsonNode        *as_imported,
                              GError         **error)
{
  g_return_val_if_fail (loader != NULL, DPO_STORE_LOAD_FAILED);

  if (!flush_batch (loader, error))
    return DPO_STORE_LOAD_FAILED;
  if (dpo_store_loader_exists (loader, DPO_STORE_RECORD_SUBJECT, subject->id))
    return DPO_STORE_LOAD_EXISTS;
  if (!_dpo_store_insert_subject (loader->store, subject, as_imported, error))
    return DPO_STORE_LOAD_FAILED;
  g_hash_table_insert (loader->subject_pks, g_strdup (subject->id),
                       GSIZE_TO_POINTER ((gsize) subject->rowid));
  return DPO_STORE_LOAD_ADDED;
}

gboolean
dpo_store_loader_set_settings (DpoStoreLoader  *loader,
                               int              alsace_moselle,
                               gint64           retention_years,
                               GError         **error)
{
  gboolean current;

  g_return_val_if_fail (loader != NULL, FALSE);

  if (!flush_batch (loader, error))
    return FALSE;
  current = dpo_store_get_alsace_moselle (loader->store);
  if (alsace_moselle >= 0 && !!alsace_moselle != current)
    {
      loader->alsace_before = current;
      if (!_dpo_store_write_alsace_moselle (loader->store, alsace_moselle, error))
        return FALSE;
    }
  return retention_years < 0 || _dpo_store_write_retention_years (loader->store, retention_years, error);
}

gboolean
dpo_store_loader_set_organisation (DpoStoreLoader         *loader,
                                   const DpoOrganisation  *organisation,
                                   GError                **error)
{
  g_return_val_if_fail (loader != NULL, FALSE);
  g_return_val_if_fail (organisation != NULL, FALSE);

  if (!flush_batch (loader, error))
    return FALSE;
  return _dpo_store_write_organisation (loader->store, organisation, error);
}

/* The pk of the person @id, loaded or already stored; 0 if there is none. */
static gint64
subject_pk (DpoStoreLoader *loader,
            const char     *id)
{
  gpointer pk;

  if (g_hash_table_lookup_extended (loader->subject_pks, id, NULL, &pk))
    return (gint64) GPOINTER_TO_SIZE (pk);

  /* People are not in a batch: no need to write it first. */
  pk = GSIZE_TO_POINTER ((gsize) _dpo_store_lookup_pk (loader->store, lookup_sql (DPO_STORE_RECORD_SUBJECT), id));
  if (pk != NULL)
    g_hash_table_insert (loader->subject_pks, g_strdup (id), pk);
  return (gint64) GPOINTER_TO_SIZE (pk);
}

DpoStoreLoad
dpo_store_loader_add_beneficiary (DpoStoreLoader  *loader,
                                  gint64           contract,
                                  const char      *subject_id,
                                  GError         **error)
{
  gint64 subject;

  g_return_val_if_fail (loader != NULL, DPO_STORE_LOAD_FAILED);
  g_return_val_if_fail (subject_id != NULL, DPO_STORE_LOAD_FAILED);

  if (!flush_batch (loader, error))
    return DPO_STORE_LOAD_FAILED;
  subject = subject_pk (loader, subject_id);
  if (subject == 0)
    return DPO_STORE_LOAD_NO_SUBJECT;
  if (!_dpo_store_insert_beneficiary (loader->store, contract, subject, error))
    return DPO_STORE_LOAD_FAILED;
  return DPO_STORE_LOAD_ADDED;
}

/* A request into the server's batch: its row, its audit entry chained
 * onto the batch's head, its search text. */
static DpoStoreLoad
copy_request (DpoStoreLoader  *loader,
              DpoRequest      *request,
              gint64           subject,
              JsonNode        *as_imported,
              GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = dpo_time_to_storage (now);
  g_autofree char *changes = as_imported != NULL ? dpo_json_to_text (as_imported, FALSE) : NULL;
  DpoAuditEntry entry = { at, "request", request->id, "insert", changes };
  char content_hash[DPO_AUDIT_HASH_LENGTH + 1];
  GString *row = g_string_sized_new (256);
  DpoSqlStmt *stmt = loader->insert_request;

  /* Already in the batch, or stored before the load? An importer's file
   * has distinct ids (its reader says so first): the same id in two
   * batches of one load is refused by the id's UNIQUE index at the
   * batch's COPY, which fails the load. */
  if (g_hash_table_contains (loader->batch_ids, request->id) ||
      (loader->check_ids &&
       _dpo_store_lookup_pk (loader->store, lookup_sql (DPO_STORE_RECORD_REQUEST), request->id) != 0))
    {
      g_string_free (row, TRUE);
      return DPO_STORE_LOAD_EXISTS;
    }
  if (loader->rows->len == 0)
    {
      /* The head as the writes before this batch left it. */
      g_autofree char *seal = dpo_store_dup_audit_seal (loader->store);

      if (seal == NULL)
        {
          g_string_free (row, TRUE);
          _dpo_store_set_db_error (loader->store, error);
          return DPO_STORE_LOAD_FAILED;
        }
      g_strlcpy (loader->head, seal, sizeof loader->head);
    }

  /* The statement's own binding, so the row is what an INSERT would
   * write; the column's default for a request without a status. */
  _dpo_bind_request_fields (loader->store, stmt, request);
  if (subject != 0)
    dpo_sql_bind_int64 (stmt, 2, subject);
  if (request->status == NULL)
    dpo_sql_bind_text (stmt, 11, "received");
  _dpo_pg_copy_append_bound (stmt, row);
  g_ptr_array_add (loader->rows, g_string_free (row, FALSE));
  g_hash_table_add (loader->batch_ids, g_strdup (request->id));
  g_ptr_array_add (loader->texts, _dpo_store_request_search_text (request->id, request->requester_name));

  _dpo_audit_content_hash (&entry, content_hash);
  _dpo_audit_link_hash (loader->head, content_hash, loader->head);
  for (guint i = 0; i < 5; i++)
    {
      const char *fields[] = { entry.at, entry.entity, entry.record, entry.action, entry.changes };

      _dpo_pg_copy_append_field (loader->audit_rows, fields[i]);
      g_string_append_c (loader->audit_rows, '\t');
    }
  g_string_append_printf (loader->audit_rows, "%s\t%s\n", content_hash, loader->head);
  request->rowid = 0;   /* drawn when the batch is written */

  if (loader->rows->len >= COPY_BATCH && !flush_batch (loader, error))
    return DPO_STORE_LOAD_FAILED;
  return DPO_STORE_LOAD_ADDED;
}

DpoStoreLoad
dpo_store_loader_add_request (DpoStoreLoader  *loader,
                              DpoRequest      *request,
                              JsonNode        *as_imported,
                              GError         **error)
{
  DpoSqlStmt *stmt;
  gint64 subject = 0;
  int rc;

  g_return_val_if_fail (loader != NULL, DPO_STORE_LOAD_FAILED);

  if (request->subject_id != NULL)
    {
      subject = subject_pk (loader, request->subject_id);
      /* A request already stored is the first thing wrong with it. */
      if (subject == 0)
        return dpo_store_loader_exists (loader, DPO_STORE_RECORD_REQUEST, request->id)
               ? DPO_STORE_LOAD_EXISTS : DPO_STORE_LOAD_NO_SUBJECT;
    }

  if (loader->copying)
    return copy_request (loader, request, subject, as_imported, error);

  stmt = loader->insert_request;
  _dpo_bind_request_fields (loader->store, stmt, request);
  if (subject != 0)
    dpo_sql_bind_int64 (stmt, 2, subject);

  /* The id's UNIQUE index answers "already in the database?" as part of
   * the insert, rather than a query of its own for each request. */
  rc = dpo_sql_step (stmt);
  if (rc != DPO_SQL_DONE)
    {
      gboolean exists = dpo_sql_conn_failed_unique (loader->db);

      if (!exists)
        _dpo_store_set_db_error (loader->store, error);
      dpo_sql_reset (stmt);
      return exists ? DPO_STORE_LOAD_EXISTS : DPO_STORE_LOAD_FAILED;
    }
  dpo_sql_reset (stmt);
  request->rowid = dpo_sql_last_insert_id (loader->db);

  if (!_dpo_store_audit (loader->store, "request", request->id, "insert", as_imported, error))
    return DPO_STORE_LOAD_FAILED;
  return DPO_STORE_LOAD_ADDED;
}

gboolean
dpo_store_loader_commit (DpoStoreLoader  *loader,
                         GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (loader != NULL, FALSE);

  if (!flush_batch (loader, error))
    {
      dpo_store_loader_abort (loader);
      return FALSE;
    }
  /* Statements are finished before COMMIT, which they would otherwise hold up. */
  dpo_sql_stmt_free (g_steal_pointer (&loader->insert_request));
  /* The requests loaded go into the search index in one statement: an
   * FTS5 insert per request, between the other inserts, costs four times
   * as much. (A server's batches brought theirs.) */
  ok = (loader->copying || _dpo_store_index_requests_after (loader->store, loader->last_pk, error)) &&
       _dpo_store_commit (loader->store, error);
  if (ok)
    _dpo_store_emit_changed (loader->store);
  loader_free (loader);
  return ok;
}

void
dpo_store_loader_abort (DpoStoreLoader *loader)
{
  g_return_if_fail (loader != NULL);

  dpo_sql_stmt_free (g_steal_pointer (&loader->insert_request));
  _dpo_store_rollback (loader->store);
  if (loader->alsace_before >= 0)
    _dpo_store_set_alsace_moselle_flag (loader->store, loader->alsace_before);
  loader_free (loader);
}

void
dpo_store_loader_announce (DpoStore *store)
{
  g_return_if_fail (DPO_IS_STORE (store));

  /* The file may have brought the Alsace-Moselle setting. */
  _dpo_store_set_alsace_moselle_flag (store, _dpo_store_read_alsace_moselle (store));
  _dpo_store_emit_changed (store);
}
