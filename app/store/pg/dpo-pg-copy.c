/* dpo-pg-copy.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-pg-copy.h"
#include "dpo-pg-copy-private.h"

/* A copy streams each table from a source to a sink as lines of
 * PostgreSQL's COPY text format (dpo-store-copy.h): a file is read and
 * written through SQLite, a server through COPY TO STDOUT and COPY FROM
 * STDIN. Every line is hashed on its way; once the sink has committed,
 * it is read back and its digest must be the same. */

/* Rows between two progress reports. */
#define PROGRESS_EVERY 100000

/* The copy */

typedef struct
{
  Sink                *sink;
  const DpoCopyTable  *table;
  GChecksum           *checksum;
  gint64               count;
  gint64               total;
  DpoCopyProgressFunc  progress;
  gpointer             user_data;
} Stream;

static gboolean
stream_line (const char  *line,
             gsize        length,
             gpointer     user_data,
             GError     **error)
{
  Stream *stream = user_data;

  g_checksum_update (stream->checksum, (const guchar *) line, length);
  if (++stream->count % PROGRESS_EVERY == 0 && stream->progress != NULL)
    stream->progress (stream->table->name, stream->count, stream->total, stream->user_data);
  return stream->sink->row (stream->sink, line, length, error);
}

/* One table, source to sink; its count and digest as sent. */
static gboolean
copy_table (Source              *source,
            Sink                *sink,
            const DpoCopyTable  *table,
            DpoCopyProgressFunc  progress,
            gpointer             user_data,
            gint64              *count,
            char               **digest,
            GError             **error)
{
  guint n_columns = g_strv_length ((char **) table->columns);
  g_autofree DpoCopyKind *kinds = g_new0 (DpoCopyKind, n_columns);
  gboolean again = FALSE;
  gint64 total = source->count (source, table, error);

  if (total < 0 || !source->kinds (source, table, kinds, error))
    return FALSE;
  for (int attempt = 0; attempt < 2; attempt++)
    {
      Stream stream = { sink, table, g_checksum_new (G_CHECKSUM_SHA256), 0, total, progress, user_data };
      gboolean ok;

      if (progress != NULL)
        progress (table->name, 0, total, user_data);
      ok = sink->begin (sink, table, kinds, again, error) &&
           source->rows (source, table, stream_line, &stream, error);
      /* A COPY begun is ended, even after a failure, to leave the
       * connection usable for the rollback. */
      again = FALSE;
      ok = sink->end (sink, !ok, &again, ok ? error : NULL) && ok;
      if (ok && progress != NULL && stream.count % PROGRESS_EVERY != 0)
        progress (table->name, stream.count, total, user_data);
      if (ok)
        {
          *count = stream.count;
          *digest = g_strdup (g_checksum_get_string (stream.checksum));
        }
      g_checksum_free (stream.checksum);
      if (ok || !again)
        return ok;
    }
  return FALSE;
}

static gboolean
verify_table (Sink                *sink,
              const DpoCopyTable  *table,
              gint64               count,
              const char          *digest,
              GError             **error)
{
  g_autofree char *copied = NULL;
  gint64 copied_count = 0;

  if (!sink->digest (sink, table, &copied_count, &copied, error))
    return FALSE;
  if (copied_count == count && g_str_equal (copied, digest))
    return TRUE;
  g_set_error (error, DPO_ERROR, DPO_ERROR_FAILED,
               _("The copy does not match its source: the table “%s” holds %lld rows there and "
                 "%lld in the copy, or different values."),
               table->name, (long long) count, (long long) copied_count);
  return FALSE;
}

void
dpo_copy_report_clear (DpoCopyReport *report)
{
  for (guint i = 0; report->tables != NULL && i < report->n_tables; i++)
    g_free (report->tables[i]);
  g_clear_pointer (&report->tables, g_free);
  g_clear_pointer (&report->rows, g_free);
  g_clear_pointer (&report->seal, g_free);
  report->n_tables = 0;
  report->n_entries = 0;
}

static Source *
open_source (const char  *source,
             GError     **error)
{
  return dpo_pg_is_uri (source) ? _dpo_pg_copy_server_source_open (source, error)
                                : _dpo_pg_copy_file_source_open (source, error);
}

static Sink *
open_sink (const char  *dest,
           GError     **error)
{
  return dpo_pg_is_uri (dest) ? _dpo_pg_copy_server_sink_open (dest, error) : _dpo_pg_copy_file_sink_open (dest, error);
}

gboolean
dpo_copy (const char           *source_name,
          const char           *dest_name,
          DpoCopyProgressFunc   progress,
          gpointer              user_data,
          DpoCopyReport        *report,
          GError              **error)
{
  guint n_tables = 0;
  const DpoCopyTable *tables = dpo_copy_tables (&n_tables);
  g_autofree gint64 *counts = g_new0 (gint64, n_tables);
  g_auto(GStrv) digests = g_new0 (char *, n_tables + 1);
  Source *source = NULL;
  Sink *sink = NULL;
  gboolean ok;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A file that exists is refused before anything is opened. */
  if (!dpo_pg_is_uri (dest_name) && g_file_test (dest_name, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_EXISTS,
                   _("“%s” already exists: a copy will not overwrite it. Name a new file."),
                   dest_name);
      return FALSE;
    }

  source = open_source (source_name, error);
  sink = source != NULL ? open_sink (dest_name, error) : NULL;
  ok = sink != NULL;
  for (guint i = 0; ok && i < n_tables; i++)
    ok = copy_table (source, sink, &tables[i], progress, user_data, &counts[i], &digests[i], error);
  ok = ok && sink->commit (sink, error);
  if (source != NULL)
    source->free (source);
  source = NULL;

  for (guint i = 0; ok && i < n_tables; i++)
    ok = verify_table (sink, &tables[i], counts[i], digests[i], error);
  if (ok)
    {
      memset (report, 0, sizeof *report);
      ok = sink->verify (sink, &report->seal, &report->n_entries, error);
    }
  if (sink != NULL)
    sink->free (sink);
  if (!ok)
    return FALSE;

  report->n_tables = n_tables;
  report->tables = g_new0 (char *, n_tables);
  report->rows = g_steal_pointer (&counts);
  for (guint i = 0; i < n_tables; i++)
    report->tables[i] = g_strdup (tables[i].name);
  return TRUE;
}
