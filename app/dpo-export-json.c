/* dpo-export-json.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-error.h"
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
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (w->first ? "\n" : ",\n");

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

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
      node = dpo_incident_to_json (incident, now);
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
      g_autoptr(JsonNode) node = dpo_request_to_json (request, now, alsace_moselle);

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
