/* dpo-store-loader.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-store-loader.h"
#include "dpo-store-private.h"

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

struct _DpoStoreLoader
{
  DpoStore     *store;
  DpoSqlConn   *db;
  gint64        cache_size;    /* PRAGMA cache_size before the load */
  DpoSqlStmt *insert_request;
  GHashTable   *subject_pks;   /* id (owned) -> pk, the people loaded or looked up */
  gint64        last_pk;       /* of the requests before the load */
  int           alsace_before; /* the store's flag before the load changed it, or -1 */
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
  if ((loader->insert_request = dpo_sql_prepare (loader->db, INSERT_REQUEST, TRUE)) == NULL)
    {
      _dpo_store_set_db_error (store, error);
      dpo_store_loader_abort (loader);
      return NULL;
    }
  return loader;
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

  return _dpo_store_lookup_pk (loader->store, lookup_sql (kind), id) != 0;
}

DpoStoreLoad
dpo_store_loader_add_incident (DpoStoreLoader  *loader,
                               DpoIncident     *incident,
                               JsonNode        *as_imported,
                               GError         **error)
{
  g_return_val_if_fail (loader != NULL, DPO_STORE_LOAD_FAILED);

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

  subject = subject_pk (loader, subject_id);
  if (subject == 0)
    return DPO_STORE_LOAD_NO_SUBJECT;
  if (!_dpo_store_insert_beneficiary (loader->store, contract, subject, error))
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

  /* Statements are finished before COMMIT, which they would otherwise hold up. */
  dpo_sql_stmt_free (g_steal_pointer (&loader->insert_request));
  /* The requests loaded go into the search index in one statement: an
   * FTS5 insert per request, between the other inserts, costs four times
   * as much. */
  ok = _dpo_store_index_requests_after (loader->store, loader->last_pk, error) &&
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
