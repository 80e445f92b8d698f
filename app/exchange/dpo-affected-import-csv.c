/* dpo-affected-import-csv.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-affected-import-private.h"
#include "dpo-error.h"
#include "dpo-nir.h"

/* libcsv splits the fields (quotes, doubled quotes, separators and line
 * breaks inside quotes); it is fed one line at a time, so that the line
 * a row starts on is known for the messages. */

struct _DpoAffectedCsv
{
  char              *name;
  DpoAffectedImport *import;
  struct csv_parser  parser;
  gboolean           started;     /* the separator is chosen */
  gboolean           header_done;
  guint64            line;        /* the line being fed, from 1 */
  guint64            row_line;    /* the line the current row started on */
  /* The current row: its fields one after the other, each ended by a NUL,
   * in one buffer reused from row to row (a list has millions of rows; no
   * allocation per field). */
  GString           *row;
  GArray            *starts;      /* gsize: where each field begins in @row */
  GPtrArray         *headers;
  int                nir_column;  /* -1 when absent */
  int                member_column;
  GString           *pending;     /* a line not yet ended, across chunks */
  GError            *error;       /* the first mistake */
};

static const struct
{
  const char        *name;
  DpoAffectedColumn  column;
} COLUMN_NAMES[] = {
  { "nir", DPO_AFFECTED_COLUMN_NIR },
  { "numero_securite_sociale", DPO_AFFECTED_COLUMN_NIR },
  { "numero_de_securite_sociale", DPO_AFFECTED_COLUMN_NIR },
  { "securite_sociale", DPO_AFFECTED_COLUMN_NIR },
  { "social_security_number", DPO_AFFECTED_COLUMN_NIR },
  { "member_number", DPO_AFFECTED_COLUMN_MEMBER },
  { "numero_adherent", DPO_AFFECTED_COLUMN_MEMBER },
  { "numero_d_adherent", DPO_AFFECTED_COLUMN_MEMBER },
  { "last_name", DPO_AFFECTED_COLUMN_LAST_NAME },
  { "nom", DPO_AFFECTED_COLUMN_LAST_NAME },
  { "nom_de_famille", DPO_AFFECTED_COLUMN_LAST_NAME },
  { "first_name", DPO_AFFECTED_COLUMN_FIRST_NAME },
  { "prenom", DPO_AFFECTED_COLUMN_FIRST_NAME },
  { "birth_date", DPO_AFFECTED_COLUMN_BIRTH_DATE },
  { "date_naissance", DPO_AFFECTED_COLUMN_BIRTH_DATE },
  { "date_de_naissance", DPO_AFFECTED_COLUMN_BIRTH_DATE },
};

/* "Numéro d'adhérent " -> "numero_d_adherent": no accents, lower case,
 * every run of other characters one underscore. */
static char *
fold_header (const char *header)
{
  g_autofree char *ascii = g_str_to_ascii (header, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '_')
        g_string_append_c (out, '_');
    }
  if (out->len > 0 && out->str[out->len - 1] == '_')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

DpoAffectedColumn
_dpo_affected_column_of (const char *header)
{
  g_autofree char *folded = fold_header (header);

  for (guint i = 0; i < G_N_ELEMENTS (COLUMN_NAMES); i++)
    if (g_str_equal (folded, COLUMN_NAMES[i].name))
      return COLUMN_NAMES[i].column;
  return DPO_AFFECTED_COLUMN_OTHER;
}

/* The separator is the one the header line uses more: French spreadsheets
 * write ';' because ',' is their decimal point. */
static unsigned char
choose_separator (const char *line,
                  gsize       length)
{
  guint commas = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length && line[i] != '\n'; i++)
    {
      if (line[i] == '"')
        quoted = !quoted;
      else if (!quoted && line[i] == ',')
        commas++;
      else if (!quoted && line[i] == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static void
set_row_error (DpoAffectedCsv *csv,
               const char     *column,
               GError         *cause)
{
  if (column != NULL)
    g_set_error (&csv->error, DPO_ERROR, DPO_ERROR_INVALID,
                 _("%s, line %llu, column %s: %s"),
                 csv->name, (unsigned long long) csv->row_line, column, cause->message);
  else
    g_set_error (&csv->error, DPO_ERROR, DPO_ERROR_INVALID,
                 _("%s, line %llu: %s"),
                 csv->name, (unsigned long long) csv->row_line, cause->message);
}

static void
on_field_cb (void   *data,
             size_t  length,
             void   *user_data)
{
  DpoAffectedCsv *csv = user_data;
  gsize start = csv->row->len;

  if (csv->error != NULL)
    return;
  if (csv->starts->len == 0)
    csv->row_line = csv->line;
  g_array_append_val (csv->starts, start);
  if (data != NULL)
    g_string_append_len (csv->row, data, length);
  g_string_append_c (csv->row, '\0');
}

/* Field @i of the current row, NUL-terminated, writable in place. */
static char *
field_at (DpoAffectedCsv *csv,
          guint           i)
{
  return csv->row->str + g_array_index (csv->starts, gsize, i);
}

static void
clear_row (DpoAffectedCsv *csv)
{
  g_string_truncate (csv->row, 0);
  g_array_set_size (csv->starts, 0);
}

static gboolean
read_header (DpoAffectedCsv  *csv,
             GError         **error)
{
  for (guint i = 0; i < csv->starts->len; i++)
    {
      const char *header = field_at (csv, i);
      DpoAffectedColumn column = _dpo_affected_column_of (header);

      if (column == DPO_AFFECTED_COLUMN_NIR && csv->nir_column < 0)
        csv->nir_column = i;
      else if (column == DPO_AFFECTED_COLUMN_MEMBER && csv->member_column < 0)
        csv->member_column = i;
      g_ptr_array_add (csv->headers, g_strdup (header));
    }
  if (csv->nir_column >= 0 || csv->member_column >= 0)
    return TRUE;

  g_ptr_array_add (csv->headers, NULL);
  {
    g_autofree char *joined = g_strjoinv (", ", (char **) csv->headers->pdata);
    g_autofree char *found = g_utf8_make_valid (joined, -1);

    g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                 _("%s: no column holds the NIR or the member number (the first line must "
                   "name the columns: nir or numero_securite_sociale, member_number or "
                   "numero_adherent). The columns found are: %s"), csv->name, found);
  }
  g_ptr_array_remove_index (csv->headers, csv->headers->len - 1);
  return FALSE;
}

/* The field in @column, trimmed; NULL when absent or empty. */
static const char *
field (DpoAffectedCsv *csv,
       int             column)
{
  char *text;

  if (column < 0 || (guint) column >= csv->starts->len)
    return NULL;
  text = g_strstrip (field_at (csv, column));
  return *text != '\0' ? text : NULL;
}

static gboolean
read_row (DpoAffectedCsv  *csv,
          GError         **error)
{
  const char *nir_text = field (csv, csv->nir_column);
  const char *member = field (csv, csv->member_column);
  g_autofree char *nir = NULL;
  g_autoptr(GError) cause = NULL;

  for (guint i = 0; i < csv->starts->len; i++)
    if (!g_utf8_validate (field_at (csv, i), -1, NULL))
      {
        g_set_error_literal (&cause, DPO_ERROR, DPO_ERROR_INVALID,
                             _("the text is not UTF-8; a file saved by Excel under Windows is "
                               "read with the encoding windows-1252"));
        set_row_error (csv, NULL, cause);
        return FALSE;
      }
  if (nir_text != NULL && !dpo_nir_validate (nir_text, &nir, &cause))
    {
      set_row_error (csv, g_ptr_array_index (csv->headers, csv->nir_column), cause);
      return FALSE;
    }
  if (nir == NULL && member == NULL)
    {
      g_set_error_literal (&cause, DPO_ERROR, DPO_ERROR_INVALID,
                           _("the row has neither a NIR nor a member number"));
      set_row_error (csv, NULL, cause);
      return FALSE;
    }
  return dpo_affected_import_add_row (csv->import, nir, member, error);
}

static void
on_row_cb (int   terminator,
           void *user_data)
{
  DpoAffectedCsv *csv = user_data;

  if (csv->error != NULL)
    return;
  if (!csv->header_done)
    {
      csv->header_done = TRUE;
      read_header (csv, &csv->error);
    }
  else
    read_row (csv, &csv->error);
  clear_row (csv);
}

DpoAffectedCsv *
_dpo_affected_csv_new (const char        *display_name,
                       DpoAffectedImport *import)
{
  DpoAffectedCsv *csv = g_new0 (DpoAffectedCsv, 1);

  csv->name = g_strdup (display_name);
  csv->import = import;
  csv->row = g_string_sized_new (256);
  csv->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  csv->headers = g_ptr_array_new_with_free_func (g_free);
  csv->pending = g_string_new (NULL);
  csv->nir_column = -1;
  csv->member_column = -1;
  csv_init (&csv->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  return csv;
}

void
_dpo_affected_csv_free (DpoAffectedCsv *csv)
{
  if (csv == NULL)
    return;
  csv_free (&csv->parser);
  g_free (csv->name);
  g_string_free (csv->row, TRUE);
  g_array_unref (csv->starts);
  g_ptr_array_unref (csv->headers);
  g_string_free (csv->pending, TRUE);
  g_clear_error (&csv->error);
  g_free (csv);
}

static gboolean
take_error (DpoAffectedCsv  *csv,
            GError         **error)
{
  if (csv->error == NULL && csv_error (&csv->parser) != CSV_SUCCESS)
    g_set_error (&csv->error, DPO_ERROR, DPO_ERROR_INVALID,
                 _("%s, line %llu: this is not well-formed CSV "
                   "(a quote is not closed, or text follows a closing quote)"),
                 csv->name, (unsigned long long) csv->line);
  if (csv->error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&csv->error));
  /* Nothing more is read: the first mistake is the one reported. */
  csv->error = g_error_new_literal (DPO_ERROR, DPO_ERROR_FAILED, "");
  return FALSE;
}

static gboolean
parse_line (DpoAffectedCsv  *csv,
            const char      *line,
            gsize            length,
            GError         **error)
{
  csv->line++;
  /* A short count means a parse error, which take_error() reports. */
  csv_parse (&csv->parser, line, length, on_field_cb, on_row_cb, csv);
  return take_error (csv, error);
}

/* Splits a chunk into lines for libcsv; a line cut by the chunk's end
 * waits in @pending for the rest. */
static gboolean
feed_lines (DpoAffectedCsv  *csv,
            const char      *data,
            gsize            length,
            GError         **error)
{
  const char *end = data + length;

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("%s is not a CSV file: it holds binary data. Save the list as CSV "
                     "(a header line first, then one person per line)."), csv->name);
      return FALSE;
    }
  while (data < end)
    {
      const char *newline = memchr (data, '\n', end - data);

      if (newline == NULL)
        {
          g_string_append_len (csv->pending, data, end - data);
          return TRUE;
        }
      if (csv->pending->len > 0)
        {
          g_string_append_len (csv->pending, data, newline + 1 - data);
          if (!parse_line (csv, csv->pending->str, csv->pending->len, error))
            return FALSE;
          g_string_truncate (csv->pending, 0);
        }
      else if (!parse_line (csv, data, newline + 1 - data, error))
        return FALSE;
      data = newline + 1;
    }
  return TRUE;
}

gboolean
_dpo_affected_csv_feed (DpoAffectedCsv  *csv,
                        const char      *data,
                        gsize            length,
                        GError         **error)
{
  g_autoptr(GString) head = NULL;

  if (csv->error != NULL)
    return take_error (csv, error);
  if (csv->started)
    return feed_lines (csv, data, length, error);

  /* The separator is chosen once the header line is whole. */
  g_string_append_len (csv->pending, data, length);
  if (memchr (csv->pending->str, '\n', csv->pending->len) == NULL)
    return TRUE;
  head = g_steal_pointer (&csv->pending);
  csv->pending = g_string_new (NULL);
  csv_set_delim (&csv->parser, choose_separator (head->str, head->len));
  csv->started = TRUE;
  return feed_lines (csv, head->str, head->len, error);
}

gboolean
_dpo_affected_csv_finish (DpoAffectedCsv  *csv,
                          GError         **error)
{
  /* A header line without a line break after it. */
  if (!csv->started && csv->pending->len > 0)
    {
      g_autoptr(GString) head = g_steal_pointer (&csv->pending);

      csv->pending = g_string_new (NULL);
      csv_set_delim (&csv->parser, choose_separator (head->str, head->len));
      csv->started = TRUE;
      if (!feed_lines (csv, head->str, head->len, error))
        return FALSE;
    }
  if (csv->pending->len > 0 &&
      !parse_line (csv, csv->pending->str, csv->pending->len, error))
    return FALSE;
  csv_fini (&csv->parser, on_field_cb, on_row_cb, csv);
  if (!take_error (csv, error))
    return FALSE;
  if (!csv->header_done)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("%s is empty: a list starts with a header line naming its columns "
                     "(nir, member_number, last_name, first_name, birth_date)."), csv->name);
      return FALSE;
    }
  return TRUE;
}
