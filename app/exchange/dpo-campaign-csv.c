/* dpo-campaign-csv.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-campaign-private.h"
#include "dpo-error.h"
#include "dpo-output-file.h"

/* Writing CSV is quoting, nothing more: libcsv's strength is reading
 * (the affected population), so the few lines here write RFC 4180 by
 * themselves, which every reader (Python's csv, spreadsheets, mailing
 * services) takes. */

struct _DpoCsvFile
{
  DpoOutputFile *output;
  guint          n_columns;
  GString       *line;
};

void
dpo_csv_file_free (DpoCsvFile *self)
{
  if (self == NULL)
    return;
  dpo_output_file_free (self->output);
  g_string_free (self->line, TRUE);
  g_free (self);
}

static void
append_field (GString    *line,
              const char *field)
{
  if (field == NULL)
    return;
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (line, field);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *c = field; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *c);
    }
  g_string_append_c (line, '"');
}

static gboolean
write_row (DpoCsvFile         *self,
           const char * const *fields,
           GError            **error)
{
  GOutputStream *out = dpo_output_file_get_stream (self->output);

  g_string_truncate (self->line, 0);
  for (guint i = 0; i < self->n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (self->line, ',');
      append_field (self->line, fields[i]);
    }
  g_string_append (self->line, "\r\n");
  if (!g_output_stream_write_all (out, self->line->str, self->line->len, NULL, NULL, error))
    {
      g_prefix_error (error, "%s: ", dpo_output_file_get_display_name (self->output));
      return FALSE;
    }
  return TRUE;
}

DpoCsvFile *
dpo_csv_file_new (GFile               *file,
                  const char * const  *columns,
                  GError             **error)
{
  g_autoptr(DpoCsvFile) self = g_new0 (DpoCsvFile, 1);

  self->line = g_string_new (NULL);
  self->n_columns = g_strv_length ((char **) columns);
  self->output = dpo_output_file_new (file, error);
  if (self->output == NULL || !write_row (self, columns, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
dpo_csv_file_add_row (DpoCsvFile          *self,
                      const char * const  *fields,
                      GError             **error)
{
  return write_row (self, fields, error);
}

gboolean
dpo_csv_file_finish (DpoCsvFile  *self,
                     GError     **error)
{
  return dpo_output_file_commit (self->output, NULL, error);
}
