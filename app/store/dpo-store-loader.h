/* dpo-store-loader.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* The store's bulk-load seam, for the import: many new records in one
 * transaction (all or nothing), each with its children and its audit row,
 * through statements prepared once. The caller hands records one at a time
 * and may free each as soon as it is added, so a big load never holds them
 * all. Nothing here speaks SQL to the caller. */

typedef struct _DpoStoreLoader DpoStoreLoader;

typedef enum
{
  DPO_STORE_LOAD_ADDED,       /* written, with its audit row */
  DPO_STORE_LOAD_EXISTS,      /* a record with that id is already in the database */
  DPO_STORE_LOAD_NO_SUBJECT,  /* a request's person is neither loaded nor in the database */
  DPO_STORE_LOAD_FAILED,      /* the database refused it: the error says why */
} DpoStoreLoad;

typedef enum
{
  DPO_STORE_RECORD_INCIDENT,
  DPO_STORE_RECORD_SUBJECT,
  DPO_STORE_RECORD_REQUEST,
} DpoStoreRecordKind;

/* Takes the write lock (BEGIN IMMEDIATE); NULL with @error if it cannot. */
DpoStoreLoader *dpo_store_loader_begin         (DpoStore           *store,
                                                GError            **error);
/* Each writes the record, its children, and the audit row "insert" holding
 * @as_imported (the record as the file had it). A request's subject is
 * found among the people loaded so far, then in the database. Once one
 * returns anything but DPO_STORE_LOAD_ADDED, the load can only be aborted. */
DpoStoreLoad    dpo_store_loader_add_incident  (DpoStoreLoader     *loader,
                                                DpoIncident        *incident,
                                                JsonNode           *as_imported,
                                                GError            **error);
DpoStoreLoad    dpo_store_loader_add_subject   (DpoStoreLoader     *loader,
                                                DpoSubject         *subject,
                                                JsonNode           *as_imported,
                                                GError            **error);
DpoStoreLoad    dpo_store_loader_add_request   (DpoStoreLoader     *loader,
                                                DpoRequest         *request,
                                                JsonNode           *as_imported,
                                                GError            **error);
/* Links the person @subject_id as a beneficiary of the contract @contract
 * (the rowid a loaded contract received). A beneficiary may come later in
 * the file than the holder, so the caller links them once every person is
 * added; DPO_STORE_LOAD_NO_SUBJECT when there is no such person, loaded or
 * stored. */
DpoStoreLoad    dpo_store_loader_add_beneficiary (DpoStoreLoader   *loader,
                                                  gint64            contract,
                                                  const char       *subject_id,
                                                  GError          **error);
/* Sets the Alsace-Moselle holidays (-1: unchanged) and the retention
 * period after a contract ends (-1: unchanged), with their audit entries,
 * in the load's transaction; before any request is added, so that their
 * due dates follow. An abort puts the store's setting back. */
gboolean        dpo_store_loader_set_settings  (DpoStoreLoader     *loader,
                                                int                 alsace_moselle,
                                                gint64              retention_years,
                                                GError            **error);
/* Replaces the organisation (checked first: DPO_ERROR_INVALID names the
 * field), with its audit entry, in the load's transaction. */
gboolean        dpo_store_loader_set_organisation (DpoStoreLoader         *loader,
                                                   const DpoOrganisation  *organisation,
                                                   GError                **error);
/* Whether a record with @id was in the database before this load: the
 * import keeps checking the rest of a file once a record was refused. */
gboolean        dpo_store_loader_exists        (DpoStoreLoader     *loader,
                                                DpoStoreRecordKind  kind,
                                                const char         *id);
/* Commits and frees the loader; on failure nothing was written. */
gboolean        dpo_store_loader_commit        (DpoStoreLoader     *loader,
                                                GError            **error);
/* Rolls everything back and frees the loader. */
void            dpo_store_loader_abort         (DpoStoreLoader     *loader);

/* Tells @store's lists that rows were loaded, possibly through another
 * connection to the same file (a worker thread's). */
void            dpo_store_loader_announce      (DpoStore           *store);

G_END_DECLS
