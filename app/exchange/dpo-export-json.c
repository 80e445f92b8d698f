/* dpo-export-json.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-computed.h"
#include "dpo-error.h"
#include "dpo-json-text.h"
#include "dpo-time.h"
#include "dpo-record-json.h"
#include "dpo-store-private.h"

/* The document is written record by record from a database cursor, so a
 * million requests need no more memory than one. Records are sorted by id:
 * the output depends only on the data and "now". */

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError       **error;
  gboolean       first;
} Writer;

static gboolean
write_text (Writer     *w,
            const char *text)
{
  return g_output_stream_write_all (w->stream, text, strlen (text), NULL, w->cancellable, w->error);
}

/* Writes @node pretty-printed and indented to sit inside a top-level array. */
static gboolean
write_record (Writer   *w,
              JsonNode *node)
{
  g_autofree char *text = dpo_json_to_text (node, TRUE);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (w->first ? "\n" : ",\n");

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, i == 0 ? "    %s" : "\n    %s", lines[i]);

  w->first = FALSE;
  return write_text (w, out->str);
}

static gboolean
begin_array (Writer     *w,
             const char *name,
             gboolean    first_member)
{
  g_autofree char *text = g_strdup_printf ("%s\n  \"%s\": [", first_member ? "" : ",", name);

  w->first = TRUE;
  return write_text (w, text);
}

static gboolean
end_array (Writer *w)
{
  return write_text (w, w->first ? "]" : "\n  ]");
}

/* The read-only computed fields (DESIGN "Interchange format"), appended after
 * the stored ones, as of @now. */
static void
set_time_member (JsonObject *object,
                 const char *member,
                 GDateTime  *time)
{
  g_autofree char *text = NULL;

  if (time == NULL)
    {
      json_object_set_null_member (object, member);
      return;
    }
  text = dpo_time_to_iso_local (time);
  json_object_set_string_member (object, member, text);
}

static void
add_cnil_clock (JsonNode          *node,
                const DpoIncident *incident,
                GDateTime         *now)
{
  JsonObject *object = json_node_get_object (node);
  DpoCnilStatus status = dpo_incident_get_cnil_status (incident, now);
  g_autoptr(GDateTime) deadline = dpo_incident_dup_cnil_deadline (incident);

  set_time_member (object, "cnil_deadline", deadline);
  set_time_member (object, "cnil_notified_at", incident->cnil_notified_at);
  json_object_set_string_member (object, "cnil_status", dpo_cnil_status_to_word (status));
}

static void
add_due_dates (JsonNode         *node,
               const DpoRequest *request,
               GDateTime        *now,
               gboolean          alsace_moselle)
{
  JsonObject *object = json_node_get_object (node);
  DpoRequestDeadlines deadlines;
  g_autofree char *due_text = NULL;

  dpo_request_get_deadlines (request, now, alsace_moselle, &deadlines);
  due_text = dpo_date_to_iso (&deadlines.due_on);
  json_object_set_string_member (object, "due_on", due_text);
  if (deadlines.extended)
    {
      g_autofree char *extended_text = dpo_date_to_iso (&deadlines.extended_due_on);
      json_object_set_string_member (object, "extended_due_on", extended_text);
    }
  json_object_set_boolean_member (object, "overdue", deadlines.overdue);
}

static gboolean
write_incidents (DpoStore  *self,
                 Writer    *w,
                 GDateTime *now)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  stmt = _dpo_store_prepare (self, "SELECT " DPO_INCIDENT_COLUMNS " FROM incidents i ORDER BY i.id",
                             w->error);
  if (stmt == NULL)
    return FALSE;

  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(DpoIncident) incident = _dpo_incident_from_row (stmt);
      g_autoptr(JsonNode) node = NULL;

      _dpo_store_read_incident_children (self, incident);
      node = dpo_incident_to_json (incident);
      add_cnil_clock (node, incident, now);
      ok = write_record (w, node);
    }
  sqlite3_reset (stmt);
  return ok;
}

static gboolean
write_subjects (DpoStore *self,
                Writer   *w)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  stmt = _dpo_store_prepare (self, "SELECT " DPO_SUBJECT_COLUMNS " FROM subjects s ORDER BY s.id",
                             w->error);
  if (stmt == NULL)
    return FALSE;

  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(DpoSubject) subject = _dpo_subject_from_row (stmt);
      g_autoptr(JsonNode) node = NULL;

      _dpo_store_read_subject_contracts (self, subject);
      node = dpo_subject_to_json (subject);
      ok = write_record (w, node);
    }
  sqlite3_reset (stmt);
  return ok;
}

static gboolean
write_requests (DpoStore  *self,
                Writer    *w,
                GDateTime *now)
{
  gboolean alsace_moselle = dpo_store_get_alsace_moselle (self);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  stmt = _dpo_store_prepare (self, "SELECT " DPO_REQUEST_COLUMNS " FROM requests r "
                                   "LEFT JOIN subjects s ON s.pk = r.subject ORDER BY r.id",
                             w->error);
  if (stmt == NULL)
    return FALSE;

  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(DpoRequest) request = _dpo_request_from_row (stmt);
      g_autoptr(JsonNode) node = dpo_request_to_json (request);

      add_due_dates (node, request, now, alsace_moselle);

      ok = write_record (w, node);
    }
  sqlite3_reset (stmt);
  return ok;
}

gboolean
dpo_store_export_json (DpoStore       *self,
                       GOutputStream  *stream,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GDateTime) now = NULL;
  Writer w = { stream, cancellable, error, TRUE };
  gboolean ok;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  now = dpo_store_dup_now (self);

  /* One read transaction: the document is a consistent snapshot even if
   * another window writes meanwhile. */
  sqlite3_exec (_dpo_store_get_db (self), "BEGIN", NULL, NULL, NULL);
  ok = write_text (&w, "{\n  \"format\": \"dpo-workbench\",\n  \"version\": 1") &&
       begin_array (&w, "incidents", FALSE) && write_incidents (self, &w, now) && end_array (&w) &&
       begin_array (&w, "subjects", FALSE) && write_subjects (self, &w) && end_array (&w) &&
       begin_array (&w, "requests", FALSE) && write_requests (self, &w, now) && end_array (&w) &&
       write_text (&w, "\n}\n");
  sqlite3_exec (_dpo_store_get_db (self), "COMMIT", NULL, NULL, NULL);

  return ok;
}

/* A new file is written in place (and removed on failure); over an existing
 * one, g_file_replace() writes a temporary file renamed on close, so a failed
 * export leaves the old file as it was. Private: the export holds NIRs. */
gboolean
dpo_store_export_json_file (DpoStore      *self,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gboolean existed;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, &local_error);
  if (stream != NULL &&
      dpo_store_export_json (self, G_OUTPUT_STREAM (stream), cancellable, &local_error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    return TRUE;

  if (stream != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (stream)))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot write “%s”: %s"), name, local_error->message);
  return FALSE;
}

typedef struct
{
  GFile     *file;
  GDateTime *now;
} JsonTask;

static void
json_task_free (gpointer data)
{
  JsonTask *task_data = data;

  g_clear_object (&task_data->file);
  g_clear_pointer (&task_data->now, g_date_time_unref);
  g_free (task_data);
}

/* The worker reads through a connection of its own, in one read
 * transaction, so the window keeps drawing and writing meanwhile. */
static void
export_json_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      data,
                    GCancellable *cancellable)
{
  JsonTask *task_data = data;
  g_autoptr(DpoStore) worker = NULL;
  GError *error = NULL;

  worker = _dpo_store_open_worker (source_object, task_data->now, &error);
  if (worker == NULL || !dpo_store_export_json_file (worker, task_data->file, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
dpo_store_export_json_file_async (DpoStore            *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  JsonTask *task_data;

  g_return_if_fail (DPO_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  task_data = g_new0 (JsonTask, 1);
  task_data->file = g_object_ref (file);
  task_data->now = dpo_store_dup_now (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dpo_store_export_json_file_async);
  g_task_set_task_data (task, task_data, json_task_free);
  g_task_run_in_thread (task, export_json_thread);
}

gboolean
dpo_store_export_json_file_finish (DpoStore      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
