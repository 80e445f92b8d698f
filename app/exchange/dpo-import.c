/* dpo-import.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-enums.h"
#include "dpo-error.h"
#include "dpo-import-reader.h"
#include "dpo-store-private.h"

/* Import is two passes: read and check the whole document into records
 * (dpo-import-reader.c), then write them all in one transaction. Nothing
 * touches the database until the document is known to be good, and any
 * failure while writing rolls everything back. */

static gboolean
check_not_in_store (DpoStore      *self,
                    DpoImportDoc  *doc,
                    GError       **error)
{
  for (guint i = 0; i < doc->subjects->len; i++)
    {
      DpoSubject *subject = g_ptr_array_index (doc->subjects, i);

      if (_dpo_store_lookup_pk (self, "SELECT pk FROM subjects WHERE id = ?", subject->id) != 0)
        return _dpo_import_fail_at (doc, error, DPO_ERROR_EXISTS, "subjects", i, "id",
                                 _("the person “%s” is already in the database"), subject->id);
    }
  for (guint i = 0; i < doc->incidents->len; i++)
    {
      DpoIncident *incident = g_ptr_array_index (doc->incidents, i);

      if (_dpo_store_lookup_pk (self, "SELECT pk FROM incidents WHERE id = ?", incident->id) != 0)
        return _dpo_import_fail_at (doc, error, DPO_ERROR_EXISTS, "incidents", i, "id",
                                 _("the incident “%s” is already in the database"), incident->id);
    }
  for (guint i = 0; i < doc->requests->len; i++)
    {
      DpoRequest *request = g_ptr_array_index (doc->requests, i);

      if (_dpo_store_lookup_pk (self, "SELECT pk FROM requests WHERE id = ?", request->id) != 0)
        return _dpo_import_fail_at (doc, error, DPO_ERROR_EXISTS, "requests", i, "id",
                                 _("the request “%s” is already in the database"), request->id);
      if (request->subject_id != NULL &&
          !g_hash_table_contains (doc->subject_ids, request->subject_id) &&
          _dpo_store_lookup_pk (self, "SELECT pk FROM subjects WHERE id = ?", request->subject_id) == 0)
        return _dpo_import_fail_at (doc, error, DPO_ERROR_INVALID, "requests", i, "subject",
                                 _("there is no person “%s”, neither in this file nor in the database"),
                                 request->subject_id);
    }
  return TRUE;
}

static gboolean
write_all (DpoStore      *self,
           DpoImportDoc  *doc,
           GError       **error)
{
  for (guint i = 0; i < doc->subjects->len; i++)
    if (!_dpo_store_insert_subject (self, g_ptr_array_index (doc->subjects, i),
                                    g_ptr_array_index (doc->subject_nodes, i), error))
      return FALSE;
  for (guint i = 0; i < doc->incidents->len; i++)
    if (!_dpo_store_insert_incident (self, g_ptr_array_index (doc->incidents, i),
                                     g_ptr_array_index (doc->incident_nodes, i), error))
      return FALSE;
  for (guint i = 0; i < doc->requests->len; i++)
    if (!_dpo_store_insert_request (self, g_ptr_array_index (doc->requests, i),
                                    g_ptr_array_index (doc->request_nodes, i), error))
      return FALSE;
  return TRUE;
}

gboolean
dpo_store_import_bytes (DpoStore         *self,
                        GBytes           *bytes,
                        const char       *display_name,
                        DpoImportCounts  *counts,
                        GError          **error)
{
  g_autoptr(DpoImportDoc) doc = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  doc = _dpo_import_doc_read (bytes, display_name, error);
  if (doc == NULL)
    return FALSE;

  if (!_dpo_store_begin (self, error))
    return FALSE;

  if (!check_not_in_store (self, doc, error))
    {
      _dpo_store_rollback (self);
      return FALSE;
    }

  if (!write_all (self, doc, &local_error) || !_dpo_store_commit (self, &local_error))
    {
      _dpo_store_rollback (self);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot import “%s”: %s"), display_name, local_error->message);
      return FALSE;
    }

  if (counts != NULL)
    {
      counts->incidents = doc->incidents->len;
      counts->subjects = doc->subjects->len;
      counts->requests = doc->requests->len;
    }
  _dpo_store_emit_changed (self);
  return TRUE;
}

gboolean
dpo_store_import_file (DpoStore         *self,
                       GFile            *file,
                       DpoImportCounts  *counts,
                       GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return dpo_store_import_bytes (self, bytes, name, counts, error);
}

/* The worker thread writes through a connection of its own. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DpoStore *self = source_object;
  GFile *file = task_data;
  g_autoptr(DpoStore) worker = NULL;
  g_autofree DpoImportCounts *counts = g_new0 (DpoImportCounts, 1);
  GError *error = NULL;

  worker = _dpo_store_open_worker (self, NULL, &error);
  if (worker == NULL || !dpo_store_import_file (worker, file, counts, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&counts), g_free);
}

void
dpo_store_import_file_async (DpoStore            *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DPO_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dpo_store_import_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

gboolean
dpo_store_import_file_finish (DpoStore         *self,
                              GAsyncResult     *result,
                              DpoImportCounts  *counts,
                              GError          **error)
{
  g_autofree DpoImportCounts *done = NULL;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;

  if (counts != NULL)
    *counts = *done;
  /* The worker's connection emitted on its own object; tell our models. */
  _dpo_store_emit_changed (self);
  return TRUE;
}
