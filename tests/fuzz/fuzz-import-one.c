/* fuzz-import-one.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib/gprintf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-export-json.h"
#include "dpo-import.h"
#include "dpo-import-reader.h"
#include "dpo-store.h"
#include "dpo-time.h"
#include "fuzz-import-one.h"

/* However long the input, a message stays readable: it quotes at most a cut
 * of each value, and a JSON path of at most DPO_JSON_MAX_DEPTH steps. */
#define MAX_MESSAGE_BYTES 16384

/* A broken property: said, then abort() so that libFuzzer keeps the input
 * (g_error() raises SIGTRAP, which libFuzzer does not catch). */
static void broken (const char *format, ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

static void
broken (const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

char *
dpo_fuzz_make_work_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dpo-fuzz-XXXXXX", &error);

  if (dir == NULL)
    broken ("Cannot make a scratch folder: %s", error->message);
  return dir;
}

static void
remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* A fresh database, its "now" fixed so computed fields do not drift. */
static DpoStore *
open_store (const char *work_dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 6, 1, 12, 0, 0);
  DpoStore *store;

  remove_database (path);
  store = dpo_store_open (path, &error);
  if (store == NULL)
    broken ("Cannot open a scratch database: %s", error->message);
  dpo_store_set_now (store, now);
  return store;
}

static void
close_store (DpoStore *store)
{
  g_autofree char *path = g_strdup (dpo_store_get_path (store));

  g_object_unref (store);
  remove_database (path);
}

static char *
export_text (DpoStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  if (!dpo_export_json (store, out, NULL, &error))
    broken ("export-json failed on an imported document: %s", error->message);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
check_refusal (const GError *error)
{
  gsize length;

  if (error == NULL || error->domain != DPO_ERROR || error->message == NULL)
    broken ("A refused document gave no DPO_ERROR");
  length = strlen (error->message);
  /* DPO_FUZZ_VERBOSE=1: why each document was refused. */
  if (g_getenv ("DPO_FUZZ_VERBOSE") != NULL)
    g_printerr ("refused: %.300s\n", error->message);
  if (!g_utf8_validate (error->message, length, NULL))
    {
      g_autofree char *escaped = g_strescape (error->message, NULL);
      broken ("The message is not valid UTF-8: %s", escaped);
    }
  if (length > MAX_MESSAGE_BYTES)
    broken ("A message of %" G_GSIZE_FORMAT " bytes: a value was quoted whole", length);
}

/* The reader alone: each record read and checked, then let go. */
static gboolean
drop_record (DpoImportDoc   *doc,
             DpoImportKind   kind,
             guint           index,
             gpointer        record,
             JsonNode       *node,
             gpointer        user_data,
             GError        **error)
{
  switch (kind)
    {
    case DPO_IMPORT_SUBJECT:
      dpo_subject_free (record);
      break;
    case DPO_IMPORT_INCIDENT:
      dpo_incident_free (record);
      break;
    case DPO_IMPORT_REQUEST:
      dpo_request_free (record);
      break;
    }
  return TRUE;
}

gboolean
dpo_fuzz_import_one (const guint8 *data,
                     gsize         size,
                     const char   *work_dir)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(DpoImportDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) exported_bytes = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  DpoStore *first, *second;

  /* Most inputs are refused while they are read: no database needed. */
  doc = _dpo_import_doc_open (bytes, "fuzz.json", &error);
  if (doc == NULL || !_dpo_import_doc_read (doc, drop_record, NULL, &error))
    {
      check_refusal (error);
      return FALSE;
    }
  g_clear_pointer (&doc, _dpo_import_doc_free);

  first = open_store (work_dir, "first.sqlite");
  if (!dpo_import_bytes (first, bytes, "fuzz.json", NULL, &error))
    {
      check_refusal (error);
      /* The reader accepted it: only the database's contents (an id in
       * use, a rule) may refuse it now, never the schema's checks. */
      if (error->code == DPO_ERROR_FAILED)
        broken ("The database refused a document the reader accepted: %s", error->message);
      if (!dpo_store_is_empty (first))
        broken ("A refused import left data behind: %s", error->message);
      close_store (first);
      return FALSE;
    }

  exported = export_text (first);
  close_store (first);

  second = open_store (work_dir, "second.sqlite");
  exported_bytes = g_bytes_new (exported, strlen (exported));
  if (!dpo_import_bytes (second, exported_bytes, "exported.json", NULL, &error))
    broken ("The export of an accepted document does not import: %s", error->message);
  again = export_text (second);
  close_store (second);

  if (strcmp (exported, again) != 0)
    broken ("export → import → export changed the document:\n%s\n---\n%s", exported, again);
  return TRUE;
}
