/* dpo-export-json.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-affected-json.h"
#include "dpo-computed.h"
#include "dpo-error.h"
#include "dpo-file-check.h"
#include "dpo-output-file.h"
#include "dpo-json-text.h"
#include "dpo-time.h"
#include "dpo-record-json.h"
#include "dpo-export-json.h"
#include "dpo-store-affected.h"
#include "dpo-store-cursor.h"
#include "dpo-store-role.h"
#include "dpo-store-worker.h"

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

/* The top-level "organisation", when the DPO has entered anything. */
static gboolean
write_organisation (DpoStore *store,
                    Writer   *w)
{
  g_autoptr(DpoOrganisation) organisation = dpo_store_get_organisation (store);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) out = g_string_new (",\n  \"organisation\": ");
  g_auto(GStrv) lines = NULL;

  if (dpo_organisation_is_empty (organisation))
    return TRUE;
  node = dpo_organisation_to_json (organisation);
  text = dpo_json_to_text (node, TRUE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, i == 0 ? "%s" : "\n  %s", lines[i]);
  return write_text (w, out->str);
}

/* The settings that change computed values and the erasure rule, when
 * they differ from the defaults (documents before them stay the same). */
static gboolean
write_settings (DpoStore *store,
                Writer   *w)
{
  gboolean alsace_moselle = dpo_store_get_alsace_moselle (store);
  guint retention = dpo_store_get_retention_years (store);
  g_autofree char *text = NULL;

  if (!alsace_moselle && retention == 0)
    return TRUE;
  text = g_strdup_printf (",\n  \"settings\": {\n    \"alsace_moselle\": %s,\n"
                          "    \"retention_after_contract_years\": %u\n  }",
                          alsace_moselle ? "true" : "false", retention);
  return write_text (w, text);
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

/* "affected": the incident's affected people by id, with how they are
 * affected and when they were informed, and the count of unmatched rows
 * (DESIGN "Interchange additions"). Computed: import ignores it. Left out
 * when the incident has none. */
static gboolean
add_affected (DpoStore          *store,
              JsonNode          *node,
              const DpoIncident *incident,
              GError           **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  guint64 unmatched = 0;

  people = dpo_store_affected_people (store, incident->id, &unmatched, error);
  if (people == NULL)
    return FALSE;
  if (people->len == 0 && unmatched == 0)
    return TRUE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint i = 0; i < people->len; i++)
    {
      const DpoAffectedEntry *entry = g_ptr_array_index (people, i);

      dpo_affected_entry_build_json (builder, "subject", entry->subject, entry);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "unmatched_count");
  json_builder_add_int_value (builder, unmatched);
  json_builder_end_object (builder);
  json_object_set_member (json_node_get_object (node), "affected", json_builder_get_root (builder));
  return TRUE;
}

/* Ends a cursor's array; a read error ends the document. */
static gboolean
end_section (Writer  *w,
             gboolean ok,
             GError  *read_error)
{
  if (read_error != NULL)
    {
      g_propagate_error (w->error, read_error);
      return FALSE;
    }
  return ok && end_array (w);
}

static gboolean
write_incidents (DpoStore  *self,
                 Writer    *w,
                 GDateTime *now)
{
  g_autoptr(DpoStoreCursor) cursor = NULL;
  GError *read_error = NULL;
  gboolean ok = TRUE;

  cursor = dpo_store_cursor_incidents (self, DPO_STORE_ORDER_ID, TRUE, w->error);
  if (cursor == NULL)
    return FALSE;
  while (ok)
    {
      g_autoptr(DpoIncident) incident = dpo_store_cursor_next_incident (cursor, &read_error);
      g_autoptr(JsonNode) node = NULL;

      if (incident == NULL)
        break;
      node = dpo_incident_to_json (incident);
      add_cnil_clock (node, incident, now);
      ok = add_affected (self, node, incident, w->error) && write_record (w, node);
    }
  return end_section (w, ok, read_error);
}

static gboolean
write_subjects (DpoStore *self,
                Writer   *w)
{
  g_autoptr(DpoStoreCursor) cursor = NULL;
  GError *read_error = NULL;
  gboolean ok = TRUE;

  cursor = dpo_store_cursor_subjects (self, w->error);
  if (cursor == NULL)
    return FALSE;
  while (ok)
    {
      g_autoptr(DpoSubject) subject = dpo_store_cursor_next_subject (cursor, &read_error);
      g_autoptr(JsonNode) node = NULL;

      if (subject == NULL)
        break;
      node = dpo_subject_to_json (subject);
      ok = write_record (w, node);
    }
  return end_section (w, ok, read_error);
}

static gboolean
write_requests (DpoStore  *self,
                Writer    *w,
                GDateTime *now)
{
  gboolean alsace_moselle = dpo_store_get_alsace_moselle (self);
  g_autoptr(DpoStoreCursor) cursor = NULL;
  GError *read_error = NULL;
  gboolean ok = TRUE;

  cursor = dpo_store_cursor_requests (self, DPO_STORE_ORDER_ID, w->error);
  if (cursor == NULL)
    return FALSE;
  while (ok)
    {
      g_autoptr(DpoRequest) request = dpo_store_cursor_next_request (cursor, &read_error);
      g_autoptr(JsonNode) node = NULL;

      if (request == NULL)
        break;
      node = dpo_request_to_json (request);
      add_due_dates (node, request, now, alsace_moselle);
      ok = write_record (w, node);
    }
  return end_section (w, ok, read_error);
}

gboolean
dpo_export_json (DpoStore       *store,
                 GOutputStream  *stream,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(DpoStoreSnapshot) snapshot = NULL;
  g_autoptr(GDateTime) now = NULL;
  Writer w = { stream, cancellable, error, TRUE };
  gboolean ok;

  g_return_val_if_fail (DPO_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  /* Exports are the officer's and the auditor's (dpo-store-role.c). */
  if (!dpo_store_require (store, DPO_RIGHT_EXPORT, error))
    return FALSE;

  now = dpo_store_dup_now (store);

  /* One read transaction: the document is a consistent snapshot even if
   * another window writes meanwhile. */
  snapshot = dpo_store_snapshot_begin (store);
  ok = write_text (&w, "{\n  \"format\": \"dpo-workbench\",\n  \"version\": 1") &&
       write_organisation (store, &w) &&
       write_settings (store, &w) &&
       begin_array (&w, "incidents", FALSE) && write_incidents (store, &w, now) &&
       begin_array (&w, "subjects", FALSE) && write_subjects (store, &w) &&
       begin_array (&w, "requests", FALSE) && write_requests (store, &w, now) &&
       write_text (&w, "\n}\n");
  return ok;
}

/* Through a DpoOutputFile: the target is replaced whole, private, or left
 * as it was. */
gboolean
dpo_export_json_file (DpoStore      *store,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(DpoOutputFile) output = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (DPO_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Exports are the officer's and the auditor's (dpo-store-role.c). */
  if (!dpo_store_require (store, DPO_RIGHT_EXPORT, error))
    return FALSE;
  output = dpo_output_file_new (file, error);
  if (output == NULL)
    return FALSE;
  if (dpo_export_json (store, dpo_output_file_get_stream (output), cancellable, &local_error) &&
      dpo_output_file_commit (output, cancellable, &local_error))
    return TRUE;

  /* Freeing @output removes the temporary file. */
  if (local_error->domain == G_IO_ERROR && local_error->code != G_IO_ERROR_CANCELLED)
    g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot write “%s”: %s"),
                 dpo_output_file_get_display_name (output), dpo_file_describe_error (local_error));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The worker reads through a connection of its own, in one read
 * transaction, so the window keeps drawing and writing meanwhile. */
static gboolean
export_json_job (DpoStore      *worker,
                 GTask         *task,
                 gpointer       file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return dpo_export_json_file (worker, file, cancellable, error);
}

static const char export_json_tag[] = "dpo_export_json_file_async";

void
dpo_export_json_file_async (DpoStore            *store,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (DPO_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  dpo_store_job_run_async (store, export_json_job, g_object_ref (file), g_object_unref,
                           export_json_tag, cancellable, callback, user_data);
}

gboolean
dpo_export_json_file_finish (DpoStore      *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  return dpo_store_job_finish (store, result, export_json_tag, error);
}
