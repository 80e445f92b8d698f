/* dpo-affected-import.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-progress-relay.h"
#include "dpo-affected-import-private.h"
#include "dpo-error.h"
#include "dpo-file-check.h"
#include "dpo-store-loader.h"

#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  GFile                   *file;
  char                    *name;
  char                    *encoding;    /* NULL for UTF-8 */
  DpoAffectedProgressFunc  progress;
  gpointer                 progress_data;
  GCancellable            *cancellable;
} Source;

/* NULL (UTF-8 needs no converter) or the iconv name of @encoding. */
static gboolean
check_encoding (const char   *encoding,
                const char  **iconv_name,
                GError      **error)
{
  g_autofree char *folded = encoding != NULL ? g_ascii_strdown (encoding, -1) : NULL;

  *iconv_name = NULL;
  if (folded == NULL || g_str_equal (folded, "utf-8") || g_str_equal (folded, "utf8"))
    return TRUE;
  if (g_str_equal (folded, "windows-1252") || g_str_equal (folded, "cp1252"))
    {
      *iconv_name = "WINDOWS-1252";
      return TRUE;
    }
  g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
               _("Unknown encoding “%s”: a list is read as UTF-8 (the default) or "
                 "windows-1252."), encoding);
  return FALSE;
}

/* The file as UTF-8: windows-1252 goes through a GCharsetConverter, a
 * chunk at a time. */
static GInputStream *
open_stream (Source         *source,
             GFileInputStream **raw,
             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GCharsetConverter) converter = NULL;
  const char *iconv_name;

  if (!check_encoding (source->encoding, &iconv_name, error))
    return NULL;
  *raw = g_file_read (source->file, source->cancellable, &local_error);
  if (*raw == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot read “%s”: %s"),
                   source->name, dpo_file_describe_error (local_error));
      return NULL;
    }
  if (iconv_name == NULL)
    return g_object_ref (G_INPUT_STREAM (*raw));
  converter = g_charset_converter_new ("UTF-8", iconv_name, error);
  if (converter == NULL)
    return NULL;
  return g_converter_input_stream_new (G_INPUT_STREAM (*raw), G_CONVERTER (converter));
}

static guint64
file_size (Source *source)
{
  g_autoptr(GFileInfo) info = g_file_query_info (source->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? (guint64) g_file_info_get_size (info) : 0;
}

/* Skips a UTF-8 byte order mark at the very start. */
static gsize
skip_bom (const char *data,
          gsize       length)
{
  return length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

static gboolean
read_all (DpoAffectedImport  *import,
          gpointer            user_data,
          GError            **error)
{
  Source *source = user_data;
  g_autoptr(GFileInputStream) raw = NULL;
  g_autoptr(GInputStream) stream = open_stream (source, &raw, error);
  g_autoptr(DpoAffectedCsv) csv = NULL;
  g_autofree char *buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 total = file_size (source);
  gboolean first = TRUE;

  if (stream == NULL)
    return FALSE;
  csv = _dpo_affected_csv_new (source->name, import);
  buffer = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize got = g_input_stream_read (stream, buffer, CHUNK_SIZE, source->cancellable,
                                        &local_error);
      gsize skip = 0;

      if (got < 0)
        break;
      if (got == 0)
        return _dpo_affected_csv_finish (csv, error);
      if (first)
        skip = skip_bom (buffer, got);
      first = FALSE;
      if (!_dpo_affected_csv_feed (csv, buffer + skip, got - skip, error))
        return FALSE;
      if (source->progress != NULL)
        source->progress (g_seekable_tell (G_SEEKABLE (raw)), total, source->progress_data);
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (local_error->domain == G_CONVERT_ERROR || local_error->domain == G_IO_ERROR)
    g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                 _("Cannot read “%s” as %s: %s"), source->name,
                 source->encoding != NULL ? source->encoding : "UTF-8",
                 dpo_file_describe_error (local_error));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
dpo_affected_import_file (DpoStore                *store,
                          const char              *incident_id,
                          GFile                   *file,
                          const char              *encoding,
                          DpoAffectedProgressFunc  progress,
                          gpointer                 progress_data,
                          DpoAffectedCounts       *counts,
                          GCancellable            *cancellable,
                          GError                 **error)
{
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;
  Source source = { file, NULL, (char *) encoding, progress, progress_data, cancellable };
  const char *iconv_name;

  g_return_val_if_fail (DPO_IS_STORE (store), FALSE);
  g_return_val_if_fail (incident_id != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* A wrong encoding is said before anything is opened. */
  if (!check_encoding (encoding, &iconv_name, error))
    return FALSE;
  name = g_file_get_parse_name (file);
  basename = g_file_get_basename (file);
  source.name = name;
  return dpo_store_import_affected (store, incident_id, basename, read_all, &source,
                                    counts, error);
}

/* On a worker thread, with a connection of its own. */

typedef struct
{
  char                    *incident_id;
  GFile                   *file;
  char                    *encoding;
  DpoAffectedProgressFunc  progress;
  gpointer                 progress_data;
  DpoProgressRelay        *relay;       /* when there is progress to report */
  GTask                   *task;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->incident_id);
  g_clear_object (&job->file);
  g_free (job->encoding);
  g_clear_pointer (&job->relay, dpo_progress_relay_free);
  g_free (job);
}

/* Runs in the worker: dpo-progress-relay.h sends it to the caller's main
 * context. */
static void
forward_progress (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  ImportJob *job = user_data;

  dpo_progress_relay_report (job->relay, job->task, done, total);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DpoStore *store = source_object;
  ImportJob *job = task_data;
  g_autoptr(DpoStore) worker = NULL;
  g_autofree DpoAffectedCounts *counts = g_new0 (DpoAffectedCounts, 1);
  GError *error = NULL;

  job->task = task;
  worker = dpo_store_open (dpo_store_get_path (store), &error);
  if (worker == NULL ||
      !dpo_affected_import_file (worker, job->incident_id, job->file, job->encoding,
                                 job->relay != NULL ? forward_progress : NULL, job,
                                 counts, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&counts), g_free);
}

/* The tasks' source tag: an object, as ISO C has no function-to-data pointers. */
static int import_tag;

void
dpo_affected_import_file_async (DpoStore                *store,
                                const char              *incident_id,
                                GFile                   *file,
                                const char              *encoding,
                                DpoAffectedProgressFunc  progress,
                                gpointer                 progress_data,
                                GCancellable            *cancellable,
                                GAsyncReadyCallback      callback,
                                gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (DPO_IS_STORE (store));
  g_return_if_fail (incident_id != NULL);
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ImportJob, 1);
  job->incident_id = g_strdup (incident_id);
  job->file = g_object_ref (file);
  job->encoding = g_strdup (encoding);
  job->progress = progress;
  job->progress_data = progress_data;
  if (progress != NULL)
    job->relay = dpo_progress_relay_new (progress, progress_data);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, &import_tag);
  g_task_set_task_data (task, job, import_job_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
dpo_affected_import_file_finish (DpoStore           *store,
                                 GAsyncResult       *result,
                                 DpoAffectedCounts  *counts,
                                 GError            **error)
{
  g_autofree DpoAffectedCounts *done = NULL;

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
