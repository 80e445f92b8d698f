/* dpo-xlsx-book.c
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
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "dpo-error.h"
#include "dpo-file-check.h"
#include "dpo-time.h"
#include "dpo-xlsx-private.h"

void
_dpo_xlsx_book_check (DpoXlsxBook *book,
                      lxw_error    err)
{
  if (err == LXW_NO_ERROR || book->failure != LXW_NO_ERROR)
    return;
  book->failure = err;
  book->failure_errno = errno;
}

static void
set_io_error (DpoXlsxBook  *book,
              GError      **error,
              const char   *reason)
{
  g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot write “%s”: %s"),
               book->display_name, reason);
}

void
dpo_xlsx_book_set_error (DpoXlsxBook  *book,
                         GError      **error)
{
  g_autofree char *reason = NULL;

  switch (book->failure)
    {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      set_io_error (book, error, dpo_file_describe_errno (ENOMEM));
      return;
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      if (book->failure_errno != 0)
        {
          set_io_error (book, error, dpo_file_describe_errno (book->failure_errno));
          return;
        }
      G_GNUC_FALLTHROUGH;
    default:
      reason = g_strdup_printf (_("the spreadsheet could not be completed (%s)"),
                                lxw_strerror (book->failure));
      set_io_error (book, error, reason);
    }
}

void
_dpo_xlsx_book_fail_errno (DpoXlsxBook *book,
                           int          saved_errno)
{
  if (book->failure != LXW_NO_ERROR)
    return;
  book->failure = LXW_ERROR_CREATING_TMPFILE;
  book->failure_errno = saved_errno;
}

static gboolean
use_c_numeric (DpoXlsxBook *book)
{
  locale_t base = duplocale (uselocale ((locale_t) 0));

  if (base == (locale_t) 0)
    return FALSE;
  book->c_numeric = newlocale (LC_NUMERIC_MASK, "C", base);
  if (book->c_numeric == (locale_t) 0)
    {
      freelocale (base);
      return FALSE;
    }
  book->saved_locale = uselocale (book->c_numeric);
  return TRUE;
}

static void
restore_locale (DpoXlsxBook *book)
{
  if (book->c_numeric == (locale_t) 0)
    return;
  uselocale (book->saved_locale);
  freelocale (book->c_numeric);
  book->c_numeric = (locale_t) 0;
}

static lxw_format *
add_format (DpoXlsxBook *book,
            const char  *num_format)
{
  lxw_format *format = workbook_add_format (book->workbook);

  if (format == NULL)
    _dpo_xlsx_book_check (book, LXW_ERROR_MEMORY_MALLOC_FAILED);
  else if (num_format != NULL)
    format_set_num_format (format, num_format);
  return format;
}

static void
add_formats (DpoXlsxBook *book)
{
  book->formats[DPO_XLSX_PLAIN] = NULL;
  book->formats[DPO_XLSX_BOLD] = add_format (book, NULL);
  book->formats[DPO_XLSX_WRAP] = add_format (book, NULL);
  book->formats[DPO_XLSX_ITALIC] = add_format (book, NULL);
  book->date_time = add_format (book, "dd/mm/yyyy hh:mm");
  book->date = add_format (book, "dd/mm/yyyy");
  book->count = add_format (book, "#,##0");
  book->hours = add_format (book, "0.0");
  if (book->failure != LXW_NO_ERROR)
    return;

  format_set_bold (book->formats[DPO_XLSX_BOLD]);
  format_set_text_wrap (book->formats[DPO_XLSX_WRAP]);
  format_set_italic (book->formats[DPO_XLSX_ITALIC]);
  /* Bold (the header row) wraps a title longer than its column. In the
   * registers every cell of a row made tall by wrapped text sits at its
   * foot, so the row reads as one line on paper (a form reads from the
   * top: dpo_xlsx_book_set_portrait()). */
  format_set_text_wrap (book->formats[DPO_XLSX_BOLD]);
}

/* The workbook goes to a private temporary file beside the target (see
 * dpo-output-file.h), renamed over it by dpo_xlsx_book_commit(). */
static gboolean
create_tmp_file (DpoXlsxBook  *book,
                 GFile        *file,
                 GError      **error)
{
  book->output = dpo_output_file_new (file, error);
  return book->output != NULL;
}

static void
open_workbook (DpoXlsxBook *book)
{
  g_autofree char *dir = g_path_get_dirname (book->path);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };

  if (!use_c_numeric (book))
    {
      _dpo_xlsx_book_check (book, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  /* libxlsxwriter's own temporary files (one per sheet, deleted as soon as
   * opened) go beside the target too: on the same disk as the result, and
   * not in a /tmp that may be a small memory file system. */
  options.tmpdir = dir;
  book->workbook = workbook_new_opt (dpo_output_file_get_temp_path (book->output), &options);
  if (book->workbook == NULL)
    _dpo_xlsx_book_check (book, LXW_ERROR_MEMORY_MALLOC_FAILED);
  else
    add_formats (book);
}

DpoXlsxBook *
dpo_xlsx_book_new (GFile   *file,
                   guint    max_rows,
                   GError **error)
{
  DpoXlsxBook *book;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  book = g_new0 (DpoXlsxBook, 1);
  book->display_name = g_file_get_parse_name (file);
  book->path = g_file_get_path (file);
  book->max_rows = max_rows == 0 ? LXW_ROW_MAX : CLAMP (max_rows, 2, LXW_ROW_MAX);
  book->sheets = g_ptr_array_new_with_free_func (_dpo_xlsx_sheet_free);
  book->local = dpo_time_dup_local_zone ();
  /* localtime_r() need not read TZ again by itself (POSIX). */
  tzset ();
  book->data_sizes = g_array_new (FALSE, FALSE, sizeof (guint64));

  if (book->path == NULL)
    {
      set_io_error (book, error, _("only files on this computer can be written"));
      dpo_xlsx_book_free (book);
      return NULL;
    }
  if (!create_tmp_file (book, file, error))
    {
      dpo_xlsx_book_free (book);
      return NULL;
    }

  open_workbook (book);
  if (book->failure != LXW_NO_ERROR)
    {
      dpo_xlsx_book_set_error (book, error);
      dpo_xlsx_book_free (book);
      return NULL;
    }
  return book;
}

void
dpo_xlsx_book_free (DpoXlsxBook *book)
{
  if (book == NULL)
    return;

  if (book->workbook != NULL)
    {
      lxw_worksheet *worksheet;

      /* libxlsxwriter closes a constant-memory sheet's temporary file only
       * when it writes the workbook: an abandoned book closes them itself,
       * or a cancelled export would hold their disk space until the
       * program exits. */
      LXW_FOREACH_WORKSHEET (worksheet, book->workbook)
        {
          if (worksheet->optimize_tmpfile != NULL)
            fclose (worksheet->optimize_tmpfile);
          worksheet->optimize_tmpfile = NULL;
          worksheet->file = NULL;
        }
      lxw_workbook_free (book->workbook);
    }
  restore_locale (book);
  g_clear_pointer (&book->follower, _dpo_xlsx_follow_free);
  /* Removes the temporary file unless it was committed. */
  g_clear_pointer (&book->output, dpo_output_file_free);

  g_ptr_array_unref (book->sheets);
  g_time_zone_unref (book->local);
  g_array_unref (book->data_sizes);
  g_free (book->path);
  g_free (book->display_name);
  g_free (book->footer);
  g_free (book->header);
  g_free (book);
}

/* @text for Excel's header and footer syntax: "&" starts a control code
 * there, so it is doubled; cut (at a character's end) to @max_bytes, as a
 * header or footer holds 255 bytes in all. */
static char *
header_footer_text (const char *text,
                    gsize       max_bytes)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize length = g_utf8_next_char (p) - p;
      gsize needed = *p == '&' ? 2 : length;

      if (out->len + needed > max_bytes)
        {
          /* A visible mark that the line was cut. */
          while (out->len > 0 && out->len + strlen ("…") > max_bytes)
            {
              const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);
              g_string_truncate (out, last - out->str);
            }
          g_string_append (out, "…");
          break;
        }
      if (*p == '&')
        g_string_append (out, "&&");
      else
        g_string_append_len (out, p, length);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
dpo_xlsx_book_set_footer (DpoXlsxBook *book,
                          const char  *text)
{
  g_free (book->footer);
  book->footer = text != NULL ? header_footer_text (text, DPO_XLSX_FOOTER_MAX) : NULL;
}

void
dpo_xlsx_book_set_header (DpoXlsxBook *book,
                          const char  *text)
{
  g_free (book->header);
  book->header = text != NULL ? header_footer_text (text, DPO_XLSX_HEADER_MAX) : NULL;
}

void
dpo_xlsx_book_set_portrait (DpoXlsxBook *book,
                            gboolean     portrait)
{
  book->portrait = !!portrait;
  /* A form reads from the top of rows its answers make tall, its dates
   * and numbers beside their labels rather than at the far edge of the
   * answer's column. (Its plain cells get a format of their own: not the
   * registers', where a format on each of a million cells costs a tenth
   * more time, bench-xlsx.) */
  if (book->portrait && book->failure == LXW_NO_ERROR && book->formats[DPO_XLSX_PLAIN] == NULL)
    {
      lxw_format *numbers[] = { book->date_time, book->date, book->count, book->hours };

      book->formats[DPO_XLSX_PLAIN] = add_format (book, NULL);
      if (book->formats[DPO_XLSX_PLAIN] == NULL)
        return;
      for (guint i = 0; i < G_N_ELEMENTS (book->formats); i++)
        format_set_align (book->formats[i], LXW_ALIGN_VERTICAL_TOP);
      for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
        {
          format_set_align (numbers[i], LXW_ALIGN_VERTICAL_TOP);
          format_set_align (numbers[i], LXW_ALIGN_LEFT);
        }
    }
}

/* workbook_close() copies each sheet's rows into a second temporary file,
 * then deflates it into the result: it needs about the largest sheet again,
 * plus the compressed workbook (these XML rows deflate to about a tenth).
 * Said before the work rather than found out halfway; what this estimate
 * misses, dpo-xlsx-verify.c catches. */
static gboolean
has_room_to_close (DpoXlsxBook *book)
{
  g_autofree char *dir = g_path_get_dirname (book->path);
  guint64 total = 0, largest = 0;
  lxw_worksheet *worksheet;
  struct statvfs fs;

  LXW_FOREACH_WORKSHEET (worksheet, book->workbook)
    {
      FILE *tmp = worksheet->optimize_tmpfile;
      off_t size;

      if (tmp == NULL || fflush (tmp) != 0 || (size = ftello (tmp)) < 0)
        continue;
      total += size;
      largest = MAX (largest, (guint64) size);
    }
  if (statvfs (dir, &fs) != 0)
    return TRUE;
  return (guint64) fs.f_bavail * fs.f_frsize >= largest + total / 8 + 256 * 1024;
}

/* workbook_close() writes the zip to the temporary file. */
static gboolean
close_workbook (DpoXlsxBook  *book,
                GError      **error)
{
  lxw_error err;

  if (!has_room_to_close (book))
    {
      set_io_error (book, error, dpo_file_describe_errno (ENOSPC));
      return FALSE;
    }

  book->follower = _dpo_xlsx_follow_start (dpo_output_file_get_temp_path (book->output), book->data_sizes);
  errno = 0;
  err = workbook_close (book->workbook);
  /* workbook_close() frees the workbook, even when it fails (then leaving
   * the temporary files of the sheets it had not reached open). */
  book->workbook = NULL;
  _dpo_xlsx_book_check (book, err);
  restore_locale (book);
  if (book->failure != LXW_NO_ERROR)
    {
      dpo_xlsx_book_set_error (book, error);
      return FALSE;
    }
  return TRUE;
}

/* Checked, then on the disk and renamed over the target. */
static gboolean
move_into_place (DpoXlsxBook  *book,
                 GError      **error)
{
  if (!_dpo_xlsx_verify (dpo_output_file_get_temp_path (book->output), book->data_sizes, book->follower))
    {
      set_io_error (book, error, _("the file came out incomplete (is the disk full?)"));
      return FALSE;
    }
  return dpo_output_file_commit (book->output, NULL, error);
}

gboolean
dpo_xlsx_book_commit (DpoXlsxBook  *book,
                      GError      **error)
{
  g_return_val_if_fail (book != NULL, FALSE);
  g_return_val_if_fail (book->workbook != NULL, FALSE);

  for (guint i = 0; i < book->sheets->len; i++)
    _dpo_xlsx_sheet_end (g_ptr_array_index (book->sheets, i));
  if (book->failure != LXW_NO_ERROR)
    {
      dpo_xlsx_book_set_error (book, error);
      return FALSE;
    }
  return close_workbook (book, error) && move_into_place (book, error);
}
