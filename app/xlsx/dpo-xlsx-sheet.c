/* dpo-xlsx-sheet.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dpo-error.h"
#include "dpo-xlsx-private.h"

/* How often (in rows) a sheet checks that its temporary file still takes
 * the rows: libxlsxwriter does not check its own writes there. */
#define CHECK_EVERY 4096

static void
check (DpoXlsxSheet *sheet,
       lxw_error     err)
{
  _dpo_xlsx_book_check (sheet->book, err);
}

void
_dpo_xlsx_sheet_free (gpointer data)
{
  DpoXlsxSheet *sheet = data;

  g_free (sheet->name);
  g_free (sheet->widths);
  g_strfreev (sheet->titles);
  g_free (sheet);
}

/* Excel refuses []:*?/\ in sheet names, an apostrophe at either end, more
 * than 31 characters and a name used twice. A translation may bring any of
 * these, so names are mended rather than trusted. */
static char *
mend_sheet_name (const char *name,
                 guint       part)
{
  g_autofree char *suffix = part > 1 ? g_strdup_printf (" (%u)", part) : g_strdup ("");
  glong room = LXW_SHEETNAME_MAX - g_utf8_strlen (suffix, -1);
  g_autoptr(GString) mended = g_string_new (NULL);
  glong n_chars = 0;

  for (const char *p = name; *p != '\0' && n_chars < room; p = g_utf8_next_char (p), n_chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && strchr ("[]:*?/\\", (char) c) != NULL)
        c = '-';
      g_string_append_unichar (mended, c);
    }
  while (mended->len > 0 && mended->str[0] == '\'')
    g_string_erase (mended, 0, 1);
  while (mended->len > 0 && mended->str[mended->len - 1] == '\'')
    g_string_truncate (mended, mended->len - 1);
  if (mended->len == 0)
    g_string_append (mended, "Sheet");

  g_string_append (mended, suffix);
  return g_string_free (g_steal_pointer (&mended), FALSE);
}

/* The registers as a regulator reads them on paper (DESIGN "Workbook
 * additions"): A4, landscape (a form portrait), every column on the page
 * and as many pages down as it takes, the header row at the top of each;
 * the organisation above, and below the audit seal, the sheet's name and
 * the page number. */
static void
set_up_page (DpoXlsxSheet  *sheet,
             lxw_worksheet *worksheet)
{
  DpoXlsxBook *book = sheet->book;
  g_autoptr(GString) footer = g_string_new (NULL);
  /* Translators: the right of a printed page's footer: the sheet's name,
   * then the page number and the number of pages. */
  g_autofree char *page = g_strdup_printf (_("%s, page %s of %s"), "&A", "&P", "&N");

  worksheet_set_paper (worksheet, 9);   /* A4 */
  if (book->portrait)
    worksheet_set_portrait (worksheet);
  else
    worksheet_set_landscape (worksheet);
  worksheet_fit_to_pages (worksheet, 1, 0);
  if (sheet->titles != NULL)
    _dpo_xlsx_book_check (book, worksheet_repeat_rows (worksheet, 0, 0));

  if (book->footer != NULL)
    g_string_append_printf (footer, "&L%s", book->footer);
  g_string_append_printf (footer, "&R&8%s", page);
  _dpo_xlsx_book_check (book, worksheet_set_footer (worksheet, footer->str));
  if (book->header != NULL)
    {
      g_autofree char *header = g_strconcat ("&C&9", book->header, NULL);

      _dpo_xlsx_book_check (book, worksheet_set_header (worksheet, header));
    }
}

static lxw_worksheet *
add_worksheet (DpoXlsxSheet *sheet)
{
  DpoXlsxBook *book = sheet->book;
  g_autofree char *name = NULL;
  lxw_worksheet *worksheet;

  /* A name already taken (two names translated alike), or the one Excel
   * keeps for itself, moves on to the next free "Name (n)". */
  for (;;)
    {
      g_free (name);
      name = mend_sheet_name (sheet->name, sheet->part);
      if (workbook_validate_sheet_name (book->workbook, name) != LXW_ERROR_SHEETNAME_ALREADY_USED &&
          g_ascii_strcasecmp (name, "History") != 0)
        break;
      sheet->part++;
    }

  worksheet = workbook_add_worksheet (book->workbook, name);
  if (worksheet == NULL)
    _dpo_xlsx_book_check (book, LXW_ERROR_MEMORY_MALLOC_FAILED);
  else
    set_up_page (sheet, worksheet);
  return worksheet;
}

/* The lines @text takes in a column @width characters wide, wrapped. An
 * estimate (characters are not all as wide), on the generous side: a row
 * a little too tall reads; one too short hides the end of its text. */
static guint
count_lines (const char *text,
             double      width)
{
  glong per_line = MAX (1, (glong) (width * 0.9) - 1);
  glong in_line = 0;
  guint lines = 1;

  /* One pass, no copies: a register may wrap a cell on each of a million rows. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          lines++;
          in_line = 0;
        }
      else if (++in_line > per_line)
        {
          lines++;
          in_line = 1;
        }
      if (lines > 27)
        break;
    }
  return lines;
}

/* Wrapped text makes its row as tall as it needs: in constant-memory mode
 * neither libxlsxwriter nor LibreOffice measures it, and the rows below
 * would cover it on paper. */
static void
fit_row_to (DpoXlsxSheet *sheet,
            guint         column,
            const char   *text)
{
  /* Excel's tallest row is 409 points; a line takes 15. */
  guint lines = MIN (count_lines (text, sheet->widths[column]), 27);

  if (lines <= sheet->row_lines)
    return;
  sheet->row_lines = lines;
  check (sheet, worksheet_set_row (sheet->worksheet, sheet->row, 15.0 * lines, NULL));
}

/* A register's columns are at most this wide: longer text wraps, so the
 * sheet stays readable printed one page wide. */
#define MAX_REGISTER_WIDTH 24

/* Widths fit the translated titles, or wrap them; the header row is bold
 * and frozen. */
static void
write_header (DpoXlsxSheet *sheet)
{
  DpoXlsxBook *book = sheet->book;
  lxw_worksheet *ws = sheet->worksheet;

  sheet->row = 0;
  sheet->row_lines = 1;
  for (guint i = 0; i < sheet->n_columns; i++)
    {
      const char *title = sheet->titles != NULL ? sheet->titles[i] : NULL;
      double width = sheet->columns[i].width;

      if (title != NULL)
        width = MIN (MAX (width, g_utf8_strlen (title, -1) + 2), MAX_REGISTER_WIDTH);
      sheet->widths[i] = MIN (width, 80);
      _dpo_xlsx_book_check (book, worksheet_set_column (ws, i, i, sheet->widths[i], NULL));
      if (title != NULL)
        {
          _dpo_xlsx_book_check (book, worksheet_write_string (ws, 0, i, title,
                                                              book->formats[DPO_XLSX_BOLD]));
          fit_row_to (sheet, i, title);
        }
    }
  if (sheet->titles != NULL)
    {
      worksheet_freeze_panes (ws, 1, 0);
      sheet->used = 1;
    }
}

/* Starts part number sheet->part of the sheet. */
static gboolean
begin_worksheet (DpoXlsxSheet *sheet)
{
  sheet->worksheet = add_worksheet (sheet);
  if (sheet->worksheet == NULL)
    return FALSE;
  sheet->used = 0;
  sheet->row = 0;
  sheet->ended = FALSE;
  write_header (sheet);
  return TRUE;
}

static void
check_tmpfile (DpoXlsxSheet *sheet)
{
  FILE *tmp = sheet->worksheet->optimize_tmpfile;

  if (tmp == NULL)
    return;
  errno = 0;
  if (fflush (tmp) != 0 || ferror (tmp))
    _dpo_xlsx_book_fail_errno (sheet->book, errno != 0 ? errno : EIO);
}

/* Notes how many bytes of rows the worksheet holds: the finished file must
 * hold them all (see dpo-xlsx-verify.c). */
static void
note_data_size (DpoXlsxSheet *sheet)
{
  GArray *sizes = sheet->book->data_sizes;
  guint index = sheet->worksheet->index;
  guint64 unknown = G_MAXUINT64;
  off_t size = ftello (sheet->worksheet->optimize_tmpfile);

  while (sizes->len <= index)
    g_array_append_val (sizes, unknown);
  if (size >= 0)
    g_array_index (sizes, guint64, index) = size;
}

void
_dpo_xlsx_sheet_end (DpoXlsxSheet *sheet)
{
  if (sheet->ended || sheet->worksheet == NULL)
    return;
  sheet->ended = TRUE;

  if (sheet->titles != NULL)
    check (sheet, worksheet_autofilter (sheet->worksheet, 0, 0, sheet->used - 1,
                                        sheet->n_columns - 1));
  /* The last row waits in memory until another starts: send it out now,
   * so the temporary file is complete (libxlsxwriter's own call at close
   * then finds nothing left to write). */
  lxw_worksheet_write_single_row (sheet->worksheet);
  check_tmpfile (sheet);
  if (sheet->book->failure == LXW_NO_ERROR && sheet->worksheet->optimize_tmpfile != NULL)
    note_data_size (sheet);
}

DpoXlsxSheet *
dpo_xlsx_book_add_sheet (DpoXlsxBook         *book,
                         const char          *name,
                         const DpoXlsxColumn *columns,
                         guint                n_columns,
                         GError             **error)
{
  DpoXlsxSheet *sheet;

  g_return_val_if_fail (book != NULL && book->workbook != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (columns != NULL && n_columns > 0, NULL);

  sheet = g_new0 (DpoXlsxSheet, 1);
  sheet->book = book;
  sheet->name = g_strdup (name);
  sheet->columns = columns;
  sheet->n_columns = n_columns;
  sheet->widths = g_new0 (double, n_columns);
  sheet->part = 1;
  if (columns[0].title != NULL)
    {
      sheet->titles = g_new0 (char *, n_columns + 1);
      for (guint i = 0; i < n_columns; i++)
        sheet->titles[i] = g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "register column",
                                                   columns[i].title));
    }
  g_ptr_array_add (book->sheets, sheet);

  if (!begin_worksheet (sheet) || book->failure != LXW_NO_ERROR)
    {
      dpo_xlsx_book_set_error (book, error);
      return NULL;
    }
  return sheet;
}

gboolean
dpo_xlsx_sheet_next_row (DpoXlsxSheet  *sheet,
                         GError       **error)
{
  DpoXlsxBook *book = sheet->book;

  if (sheet->rows % CHECK_EVERY == CHECK_EVERY - 1)
    check_tmpfile (sheet);
  if (book->failure != LXW_NO_ERROR)
    {
      dpo_xlsx_book_set_error (book, error);
      return FALSE;
    }

  if (sheet->used >= book->max_rows)
    {
      _dpo_xlsx_sheet_end (sheet);
      sheet->part++;
      if (!begin_worksheet (sheet) || book->failure != LXW_NO_ERROR)
        {
          dpo_xlsx_book_set_error (book, error);
          return FALSE;
        }
    }

  sheet->row = sheet->used++;
  sheet->row_lines = 1;
  sheet->rows++;
  return TRUE;
}

gboolean
dpo_xlsx_sheet_finish (DpoXlsxSheet  *sheet,
                       GError       **error)
{
  _dpo_xlsx_sheet_end (sheet);
  if (sheet->book->failure != LXW_NO_ERROR)
    {
      dpo_xlsx_book_set_error (sheet->book, error);
      return FALSE;
    }
  return TRUE;
}

static gsize
utf16_length (gunichar c)
{
  return c >= 0x10000 ? 2 : 1;
}

/* @text cut to @max UTF-16 code units (as Excel counts), ending with a
 * visible mark; NULL when it already fits. */
static char *
cut_text (const char *text,
          gsize       max)
{
  const char *mark = _("… [truncated]");
  gsize mark_units = 0, units = 0;
  const char *p, *end = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  for (p = mark; *p != '\0'; p = g_utf8_next_char (p))
    mark_units += utf16_length (g_utf8_get_char (p));
  g_return_val_if_fail (mark_units < max, NULL);

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      units += utf16_length (g_utf8_get_char (p));
      if (end == NULL && units > max - mark_units)
        end = p;
      if (units > max)
        {
          g_autofree char *head = g_strndup (text, end - text);
          return g_strconcat (head, mark, NULL);
        }
    }
  return NULL;
}

/* Whether @p starts "_xHHHH_", which Excel reads as the character U+HHHH
 * (the form libxlsxwriter uses for control characters). */
static gboolean
is_excel_escape (const char *p)
{
  if (p[0] != '_' || (p[1] != 'x' && p[1] != 'X'))
    return FALSE;
  for (int i = 2; i < 6; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;
  return p[6] == '_';
}

/* @text with every literal "_xHHHH_" made "_x005F_xHHHH_" ("_x005F_" is the
 * underscore), so Excel shows what the DPO typed, not U+HHHH; NULL when
 * there is none. */
static char *
escape_excel_escapes (const char *text)
{
  GString *escaped = NULL;
  const char *done = text;

  for (const char *p = strchr (text, '_'); p != NULL; p = strchr (p + 1, '_'))
    {
      if (!is_excel_escape (p))
        continue;
      if (escaped == NULL)
        escaped = g_string_new (NULL);
      g_string_append_len (escaped, done, p - done);
      g_string_append (escaped, "_x005F");
      done = p;
    }
  if (escaped == NULL)
    return NULL;
  g_string_append (escaped, done);
  return g_string_free (escaped, FALSE);
}

static gboolean
cell_is_writable (DpoXlsxSheet *sheet,
                  guint         column)
{
  g_return_val_if_fail (column < sheet->n_columns, FALSE);
  return sheet->worksheet != NULL;
}

void
dpo_xlsx_sheet_styled_text (DpoXlsxSheet *sheet,
                            guint         column,
                            const char   *text,
                            DpoXlsxStyle  style)
{
  g_autofree char *cut = NULL;
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0' || !cell_is_writable (sheet, column))
    return;
  /* A UTF-16 code unit takes at least one byte: short text always fits. */
  if (strlen (text) > DPO_XLSX_MAX_TEXT)
    cut = cut_text (text, DPO_XLSX_MAX_TEXT);
  if (cut != NULL)
    text = cut;
  /* After the cut: Excel counts the characters it shows, not the escapes. */
  escaped = escape_excel_escapes (text);
  if (escaped != NULL)
    text = escaped;
  /* Text wider than its column wraps there (bold wraps too). Its length
   * in bytes is an upper bound of its characters: most text is shorter. */
  if ((double) strlen (text) > sheet->widths[column] &&
      (double) g_utf8_strlen (text, 320) > sheet->widths[column])
    {
      if (style == DPO_XLSX_PLAIN)
        style = DPO_XLSX_WRAP;
      if (style == DPO_XLSX_WRAP || style == DPO_XLSX_BOLD)
        fit_row_to (sheet, column, text);
    }
  /* worksheet_write_string() always makes a string cell: text that starts
   * with = + - @ stays text, never a formula. */
  check (sheet, worksheet_write_string (sheet->worksheet, sheet->row, column,
                                        text, sheet->book->formats[style]));
}

void
dpo_xlsx_sheet_text (DpoXlsxSheet *sheet,
                     guint         column,
                     const char   *text)
{
  dpo_xlsx_sheet_styled_text (sheet, column, text, DPO_XLSX_PLAIN);
}

/* Excel's dates run from 1900 to 9999; anything else is written as text. */
static gboolean
to_excel_date (int           year,
               int           month,
               int           day,
               lxw_datetime *out)
{
  out->year = year;
  out->month = month;
  out->day = day;
  out->hour = 0;
  out->min = 0;
  out->sec = 0;
  return year >= 1900 && year <= 9999;
}

/* The C library's localtime_r() rather than g_date_time_to_local(): the
 * same zone (TZ, else /etc/localtime), found by a binary search where
 * GLib 2.74 walks the zone's transitions one by one; it counted for a
 * tenth of the export's own time. */
void
dpo_xlsx_sheet_unix_time (DpoXlsxSheet *sheet,
                          guint         column,
                          gint64        unix_time,
                          GDate        *local_date)
{
  time_t seconds = (time_t) unix_time;
  struct tm local;
  lxw_datetime value;

  if (local_date != NULL)
    g_date_clear (local_date, 1);
  if (!cell_is_writable (sheet, column))
    return;

  if (localtime_r (&seconds, &local) == NULL ||
      !to_excel_date (local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, &value))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
      g_autoptr(GDateTime) fallback = NULL;
      g_autofree char *text = NULL;

      if (utc == NULL)
        return;
      fallback = g_date_time_to_timezone (utc, sheet->book->local);
      text = g_date_time_format (fallback, "%Y-%m-%d %H:%M");
      if (local_date != NULL)
        g_date_set_dmy (local_date, g_date_time_get_day_of_month (fallback),
                        g_date_time_get_month (fallback), g_date_time_get_year (fallback));
      dpo_xlsx_sheet_text (sheet, column, text);
      return;
    }
  if (local_date != NULL)
    g_date_set_dmy (local_date, local.tm_mday, local.tm_mon + 1, local.tm_year + 1900);
  value.hour = local.tm_hour;
  value.min = local.tm_min;
  value.sec = local.tm_sec;
  check (sheet, worksheet_write_datetime (sheet->worksheet, sheet->row, column, &value,
                                          sheet->book->date_time));
}

void
dpo_xlsx_sheet_date_time (DpoXlsxSheet *sheet,
                          guint         column,
                          GDateTime    *time)
{
  if (time != NULL)
    dpo_xlsx_sheet_unix_time (sheet, column, g_date_time_to_unix (time), NULL);
}

void
dpo_xlsx_sheet_date (DpoXlsxSheet *sheet,
                     guint         column,
                     const GDate  *date)
{
  lxw_datetime value;

  if (date == NULL || !g_date_valid (date) || !cell_is_writable (sheet, column))
    return;

  if (!to_excel_date (g_date_get_year (date), g_date_get_month (date),
                      g_date_get_day (date), &value))
    {
      char text[16];

      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      dpo_xlsx_sheet_text (sheet, column, text);
      return;
    }
  check (sheet, worksheet_write_datetime (sheet->worksheet, sheet->row, column, &value,
                                          sheet->book->date));
}

void
dpo_xlsx_sheet_count (DpoXlsxSheet *sheet,
                      guint         column,
                      gint64        count)
{
  if (count < 0 || !cell_is_writable (sheet, column))
    return;
  check (sheet, worksheet_write_number (sheet->worksheet, sheet->row, column,
                                        (double) count, sheet->book->count));
}

void
dpo_xlsx_sheet_hours (DpoXlsxSheet *sheet,
                      guint         column,
                      double        hours)
{
  if (!cell_is_writable (sheet, column))
    return;
  check (sheet, worksheet_write_number (sheet->worksheet, sheet->row, column,
                                        hours, sheet->book->hours));
}

char *
dpo_xlsx_join_labels (DpoEnum             vocabulary,
                      const char * const *words)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, dpo_enum_label (vocabulary, words[i]));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
