/* dpo-import.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-import.h"
#include "dpo-import-reader.h"
#include "dpo-store-loader.h"
#include "dpo-store-role.h"

/* Import reads the file into a tree (json-glib), then takes its records one
 * at a time: each is read and checked, written through the store's loader
 * in the one transaction, then freed. Any error rolls everything back.
 *
 * The first error of a file is the one reported, in the order a check of
 * the whole file before writing would find them: any problem in the file
 * itself (bad value, duplicate id) before any conflict with the database
 * (an id already there, an unknown person), those in file order, and a
 * failure of the database last. So once a record cannot be written, the
 * rest of the file is still read and checked, and only looked up. */

/* A beneficiary of a contract in the file, linked once every person is
 * added: the file may name a person further down the list. */
typedef struct
{
  guint   subject;            /* subjects[subject].contracts[contract].beneficiaries[position] */
  guint   contract;
  guint   position;
  gint64  contract_rowid;     /* 0 when the contract was not written */
  char   *id;
} Beneficiary;

static void
beneficiary_free (gpointer data)
{
  Beneficiary *beneficiary = data;

  g_free (beneficiary->id);
  g_free (beneficiary);
}

typedef struct
{
  DpoStoreLoader *loader;
  GError         *conflict;   /* the first conflict with the database */
  guint           conflict_subject;  /* the person it is about, or G_MAXUINT */
  GError         *failure;    /* the database refused a write */
  GPtrArray      *beneficiaries;     /* of Beneficiary, until linked */
  gboolean        settings_applied;
} Import;

static const char * const ARRAYS[] = {
  [DPO_IMPORT_SUBJECT] = "subjects",
  [DPO_IMPORT_INCIDENT] = "incidents",
  [DPO_IMPORT_REQUEST] = "requests",
};

static const char *
record_id (DpoImportKind kind,
           gpointer      record)
{
  switch (kind)
    {
    case DPO_IMPORT_SUBJECT:
      return ((DpoSubject *) record)->id;
    case DPO_IMPORT_INCIDENT:
      return ((DpoIncident *) record)->id;
    case DPO_IMPORT_REQUEST:
    default:
      return ((DpoRequest *) record)->id;
    }
}

static void
set_exists (DpoImportDoc  *doc,
            Import        *import,
            DpoImportKind  kind,
            guint          index,
            const char    *id)
{
  switch (kind)
    {
    case DPO_IMPORT_SUBJECT:
      _dpo_import_fail_at (doc, &import->conflict, DPO_ERROR_EXISTS, ARRAYS[kind], index, "id",
                           _("the person “%s” is already in the database"), id);
      import->conflict_subject = index;
      break;
    case DPO_IMPORT_INCIDENT:
      _dpo_import_fail_at (doc, &import->conflict, DPO_ERROR_EXISTS, ARRAYS[kind], index, "id",
                           _("the incident “%s” is already in the database"), id);
      break;
    case DPO_IMPORT_REQUEST:
    default:
      _dpo_import_fail_at (doc, &import->conflict, DPO_ERROR_EXISTS, ARRAYS[kind], index, "id",
                           _("the request “%s” is already in the database"), id);
      break;
    }
}

static void
set_no_subject (DpoImportDoc *doc,
                Import       *import,
                guint         index,
                const char   *subject_id)
{
  _dpo_import_fail_at (doc, &import->conflict, DPO_ERROR_INVALID, "requests", index, "subject",
                       _("there is no person “%s”, neither in this file nor in the database"),
                       subject_id);
}

static const DpoStoreRecordKind STORE_KINDS[] = {
  [DPO_IMPORT_SUBJECT] = DPO_STORE_RECORD_SUBJECT,
  [DPO_IMPORT_INCIDENT] = DPO_STORE_RECORD_INCIDENT,
  [DPO_IMPORT_REQUEST] = DPO_STORE_RECORD_REQUEST,
};

/* After a record could not be written: the checks alone. */
static void
check_only (DpoImportDoc  *doc,
            Import        *import,
            DpoImportKind  kind,
            guint          index,
            gpointer       record)
{
  const char *id = record_id (kind, record);
  const char *subject_id;

  if (import->conflict != NULL)
    return;
  if (dpo_store_loader_exists (import->loader, STORE_KINDS[kind], id))
    {
      set_exists (doc, import, kind, index, id);
      return;
    }
  if (kind != DPO_IMPORT_REQUEST)
    return;
  subject_id = ((DpoRequest *) record)->subject_id;
  if (subject_id != NULL && !g_hash_table_contains (doc->subject_ids, subject_id) &&
      !dpo_store_loader_exists (import->loader, DPO_STORE_RECORD_SUBJECT, subject_id))
    set_no_subject (doc, import, index, subject_id);
}

static DpoStoreLoad
add (Import        *import,
     DpoImportKind  kind,
     gpointer       record,
     JsonNode      *node)
{
  switch (kind)
    {
    case DPO_IMPORT_SUBJECT:
      return dpo_store_loader_add_subject (import->loader, record, node, &import->failure);
    case DPO_IMPORT_INCIDENT:
      return dpo_store_loader_add_incident (import->loader, record, node, &import->failure);
    case DPO_IMPORT_REQUEST:
    default:
      return dpo_store_loader_add_request (import->loader, record, node, &import->failure);
    }
}

static void
queue_beneficiaries (Import     *import,
                     guint       index,
                     DpoSubject *subject)
{
  for (guint i = 0; i < subject->contracts->len; i++)
    {
      const DpoContract *contract = g_ptr_array_index (subject->contracts, i);

      for (guint j = 0; contract->beneficiaries != NULL && contract->beneficiaries[j] != NULL; j++)
        {
          Beneficiary *beneficiary = g_new0 (Beneficiary, 1);

          beneficiary->subject = index;
          beneficiary->contract = i;
          beneficiary->position = j;
          beneficiary->contract_rowid = contract->rowid;
          beneficiary->id = g_strdup (contract->beneficiaries[j]);
          g_ptr_array_add (import->beneficiaries, beneficiary);
        }
    }
}

static void
set_no_beneficiary (DpoImportDoc      *doc,
                    Import            *import,
                    const Beneficiary *beneficiary)
{
  g_autofree char *member = g_strdup_printf ("contracts[%u].beneficiaries[%u]",
                                             beneficiary->contract, beneficiary->position);

  g_clear_error (&import->conflict);
  _dpo_import_fail_at (doc, &import->conflict, DPO_ERROR_INVALID, "subjects", beneficiary->subject,
                       member, _("there is no person “%s”, neither in this file nor in the database"),
                       beneficiary->id);
  import->conflict_subject = beneficiary->subject;
}

/* Once every person of the file is read: links the beneficiaries, or,
 * after a conflict, only checks that each names somebody. A conflict is
 * reported in file order, so a beneficiary of an earlier person comes
 * before a person found already in the database further down. */
static void
link_beneficiaries (DpoImportDoc *doc,
                    Import       *import)
{
  for (guint i = 0; i < import->beneficiaries->len; i++)
    {
      const Beneficiary *beneficiary = g_ptr_array_index (import->beneficiaries, i);

      if (import->failure != NULL)
        break;
      if (import->conflict == NULL && beneficiary->contract_rowid != 0)
        {
          if (dpo_store_loader_add_beneficiary (import->loader, beneficiary->contract_rowid,
                                                beneficiary->id, &import->failure) == DPO_STORE_LOAD_NO_SUBJECT)
            set_no_beneficiary (doc, import, beneficiary);
          continue;
        }
      if (import->conflict != NULL && import->conflict_subject <= beneficiary->subject)
        break;
      if (!g_hash_table_contains (doc->subject_ids, beneficiary->id) &&
          !dpo_store_loader_exists (import->loader, DPO_STORE_RECORD_SUBJECT, beneficiary->id))
        set_no_beneficiary (doc, import, beneficiary);
    }
  g_ptr_array_set_size (import->beneficiaries, 0);
}

/* The file's settings, once, before its first record: the requests'
 * due dates follow the Alsace-Moselle setting it brings. */
static void
apply_settings (DpoImportDoc *doc,
                Import       *import)
{
  if (import->settings_applied)
    return;
  import->settings_applied = TRUE;
  dpo_store_loader_set_settings (import->loader, doc->settings.alsace_moselle,
                                 doc->settings.retention_after_contract_years, &import->failure);
}

static gboolean
take_record (DpoImportDoc   *doc,
             DpoImportKind   kind,
             guint           index,
             gpointer        record,
             JsonNode       *node,
             gpointer        user_data,
             GError        **error)
{
  Import *import = user_data;

  apply_settings (doc, import);
  if (kind != DPO_IMPORT_SUBJECT)
    link_beneficiaries (doc, import);
  if (import->conflict != NULL || import->failure != NULL)
    check_only (doc, import, kind, index, record);
  else
    switch (add (import, kind, record, node))
      {
      case DPO_STORE_LOAD_ADDED:
      case DPO_STORE_LOAD_FAILED:
        break;
      case DPO_STORE_LOAD_EXISTS:
        set_exists (doc, import, kind, index, record_id (kind, record));
        break;
      case DPO_STORE_LOAD_NO_SUBJECT:
      default:
        set_no_subject (doc, import, index, ((DpoRequest *) record)->subject_id);
        break;
      }

  if (kind == DPO_IMPORT_SUBJECT)
    queue_beneficiaries (import, index, record);

  switch (kind)
    {
    case DPO_IMPORT_SUBJECT:
      dpo_subject_free (record);
      break;
    case DPO_IMPORT_INCIDENT:
      dpo_incident_free (record);
      break;
    case DPO_IMPORT_REQUEST:
    default:
      dpo_request_free (record);
      break;
    }
  return TRUE;
}

/* Takes @bytes: once the tree is built the file's text is no longer
 * needed, and a big file's text is dropped before the rows are written
 * (its place is then free for SQLite's page cache). */
static gboolean
import_owned_bytes (DpoStore         *store,
                    GBytes           *bytes,
                    const char       *display_name,
                    DpoImportCounts  *counts,
                    GError          **error)
{
  g_autoptr(DpoImportDoc) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) beneficiaries = g_ptr_array_new_with_free_func (beneficiary_free);
  Import import = { NULL, NULL, G_MAXUINT, NULL, beneficiaries, FALSE };

  doc = _dpo_import_doc_open (bytes, display_name, error);
  g_bytes_unref (bytes);
  if (doc == NULL)
    return FALSE;

  import.loader = dpo_store_loader_begin (store, error);
  if (import.loader == NULL)
    return FALSE;

  if (!_dpo_import_doc_read (doc, take_record, &import, &local_error))
    {
      dpo_store_loader_abort (import.loader);
      g_clear_error (&import.conflict);
      g_clear_error (&import.failure);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* A file of people alone: their beneficiaries are linked now; a file
   * without records may still bring settings. */
  apply_settings (doc, &import);
  link_beneficiaries (doc, &import);
  if (import.conflict != NULL)
    {
      dpo_store_loader_abort (import.loader);
      g_clear_error (&import.failure);
      g_propagate_error (error, import.conflict);
      return FALSE;
    }
  /* The organisation last, in the same transaction: all or nothing. */
  if (import.failure == NULL && doc->organisation != NULL)
    dpo_store_loader_set_organisation (import.loader, doc->organisation, &import.failure);
  if (import.failure != NULL)
    {
      dpo_store_loader_abort (import.loader);
      local_error = import.failure;
    }
  else
    dpo_store_loader_commit (import.loader, &local_error);

  if (local_error != NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot import “%s”: %s"), display_name, local_error->message);
      return FALSE;
    }

  if (counts != NULL)
    {
      counts->incidents = doc->n_incidents;
      counts->subjects = doc->n_subjects;
      counts->requests = doc->n_requests;
    }
  return TRUE;
}

gboolean
dpo_import_bytes (DpoStore         *store,
                  GBytes           *bytes,
                  const char       *display_name,
                  DpoImportCounts  *counts,
                  GError          **error)
{
  g_return_val_if_fail (DPO_IS_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  /* An import writes incidents: the officer's (dpo-store-role.c). */
  if (!dpo_store_require (store, DPO_RIGHT_IMPORT, error))
    return FALSE;

  return import_owned_bytes (store, g_bytes_ref (bytes), display_name, counts, error);
}

gboolean
dpo_import_file (DpoStore         *store,
                 GFile            *file,
                 DpoImportCounts  *counts,
                 GError          **error)
{
  GBytes *bytes;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DPO_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* An import writes incidents: the officer's (dpo-store-role.c). */
  if (!dpo_store_require (store, DPO_RIGHT_IMPORT, error))
    return FALSE;
  name = g_file_get_parse_name (file);
  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return import_owned_bytes (store, bytes, name, counts, error);
}

/* The tasks' source tag: an object, as ISO C has no function-to-data pointers. */
static int import_tag;

/* The worker thread writes through a connection of its own. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DpoStore *store = source_object;
  GFile *file = task_data;
  g_autoptr(DpoStore) worker = NULL;
  g_autofree DpoImportCounts *counts = g_new0 (DpoImportCounts, 1);
  GError *error = NULL;

  worker = dpo_store_open (dpo_store_get_path (store), &error);
  if (worker == NULL || !dpo_import_file (worker, file, counts, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&counts), g_free);
}

void
dpo_import_file_async (DpoStore            *store,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DPO_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, &import_tag);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

gboolean
dpo_import_file_finish (DpoStore         *store,
                        GAsyncResult     *result,
                        DpoImportCounts  *counts,
                        GError          **error)
{
  g_autofree DpoImportCounts *done = NULL;

  g_return_val_if_fail (DPO_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;

  if (counts != NULL)
    *counts = *done;
  /* The worker's connection emitted on its own object; tell our models. */
  dpo_store_loader_announce (store);
  return TRUE;
}
