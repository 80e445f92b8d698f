/* bench-xlsx-bare.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "bench-xlsx-rows.h"

/* The yardstick of bench-xlsx: the same workbook as the registers export
 * of the benchmark's 1.1 million requests (seven sheets, bold frozen
 * headers, autofilters, the same widths, the same 14 cells a row with the
 * same types and formats, long text wrapped in rows made as tall as it
 * needs, A4 landscape one page wide with the header row repeated, the same
 * page header and footer) written by libxlsxwriter alone, from values made
 * in memory: no database, no records, no translation. tests/bench-xlsx.c
 * checks, at a small size, that both programs write the same cells, row
 * heights and page set-up. Usage: bench-xlsx-bare OUT.xlsx */

/* Rows on one sheet, header included: Excel's limit. */
#define SHEET_ROWS 1048576

#define AS_OF (G_GINT64_CONSTANT (1735685999))   /* 2024-12-31T23:59:59+01:00 */

static const char * const request_titles[] = {
  "Reference", "Received", "Kind", "Channel", "Person", "Identity verified", "Due",
  "Extended due", "Status", "Answered", "On time", "Outcome", "Refusal ground", "Extension reason",
  "Restricted",   /* empty: no person in the benchmark is restricted */
};
/* The widths the export gives these columns: its own, widened to fit the
 * title, at most 24 (longer text wraps). */
static const double request_widths[] = { 14, 17, 14, 10, 24, 19, 11, 14, 12, 17, 9, 24, 24, 24, 24 };

/* The export's page footer, with the seal of the benchmark's (empty) log. */
#define FOOTER "&LAudit log seal: " \
  "0000000000000000000000000000000000000000000000000000000000000000&R&8&A, page &P of &N"

typedef struct
{
  lxw_format *bold;
  lxw_format *wrap;
  lxw_format *date_time;
  lxw_format *date;
  int         errors;
} Formats;

/* The lines the export estimates @text takes wrapped in a column @width
 * characters wide (at most 27: Excel's tallest row). */
static guint
wrapped_lines (const char *text,
               double      width)
{
  glong per_line = MAX (1, (glong) (width * 0.9) - 1);
  glong in_line = 0;
  guint lines = 1;

  for (const char *p = text; *p != '\0' && lines < 27; p = g_utf8_next_char (p))
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
    }
  return lines;
}

static void
local_time (gint64        unix_time,
            lxw_datetime *out)
{
  time_t t = (time_t) unix_time;
  struct tm tm;

  localtime_r (&t, &tm);
  *out = (lxw_datetime) { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                          tm.tm_hour, tm.tm_min, tm.tm_sec };
}

/* Not the legal rule (that is the export's work): a date a month or three
 * later, for a cell of the same type. */
static void
months_later (const lxw_datetime *from,
              int                 months,
              lxw_datetime       *out)
{
  int month = from->month - 1 + months;

  *out = (lxw_datetime) { from->year + month / 12, month % 12 + 1, MIN (from->day, 28), 0, 0, 0 };
}

static lxw_worksheet *
add_sheet (lxw_workbook       *workbook,
           const char         *name,
           const char * const *titles,
           const double       *widths,
           guint               n_columns,
           Formats            *f)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);
  guint header_lines = 1;

  worksheet_set_paper (sheet, 9);
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  f->errors += worksheet_repeat_rows (sheet, 0, 0) != 0;
  f->errors += worksheet_set_footer (sheet, FOOTER) != 0;
  for (guint i = 0; i < n_columns; i++)
    {
      f->errors += worksheet_set_column (sheet, i, i, widths[i], NULL) != 0;
      f->errors += worksheet_write_string (sheet, 0, i, titles[i], f->bold) != 0;
      header_lines = MAX (header_lines, wrapped_lines (titles[i], widths[i]));
    }
  if (header_lines > 1)
    f->errors += worksheet_set_row (sheet, 0, 15.0 * header_lines, NULL) != 0;
  worksheet_freeze_panes (sheet, 1, 0);
  return sheet;
}

/* A row's text cells, wrapped where longer than their column; the row as
 * tall as its tallest. */
typedef struct
{
  lxw_worksheet *sheet;
  lxw_row_t      row;
  guint          lines;
} Row;

static void
write_text (Row        *row,
            lxw_col_t   col,
            const char *text,
            Formats    *f)
{
  lxw_format *format = NULL;

  if (text == NULL)
    return;
  if (strlen (text) > request_widths[col] && g_utf8_strlen (text, 320) > request_widths[col])
    {
      guint lines = wrapped_lines (text, request_widths[col]);

      format = f->wrap;
      if (lines > row->lines)
        {
          row->lines = lines;
          f->errors += worksheet_set_row (row->sheet, row->row, 15.0 * lines, NULL) != 0;
        }
    }
  f->errors += worksheet_write_string (row->sheet, row->row, col, text, format) != 0;
}

static void
write_time (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            gint64         unix_time,
            Formats       *f)
{
  lxw_datetime value;

  if (unix_time == 0)
    return;
  local_time (unix_time, &value);
  f->errors += worksheet_write_datetime (sheet, row, col, &value, f->date_time) != 0;
}

static void
write_row (lxw_worksheet *sheet,
           lxw_row_t      r,
           guint64        i,
           Formats       *f)
{
  Row cells = { sheet, r, 1 };
  BenchRow row;
  lxw_datetime received, due;
  char person[48];
  gboolean open;

  bench_row (i, &row);
  if (row.subject >= 0)
    {
      char last[32], first[32];

      bench_subject_names (row.subject, last, sizeof last, first, sizeof first);
      g_snprintf (person, sizeof person, "%s %s", last, first);
    }
  local_time (row.received, &received);
  open = row.answered == 0;

  write_text (&cells, 0, row.id, f);
  write_time (sheet, r, 1, row.received, f);
  write_text (&cells, 2, bench_kind_labels[row.kind], f);
  write_text (&cells, 3, bench_channel_labels[row.channel], f);
  write_text (&cells, 4, row.subject >= 0 ? person : row.requester, f);
  write_time (sheet, r, 5, row.verified, f);
  months_later (&received, 1, &due);
  f->errors += worksheet_write_datetime (sheet, r, 6, &due, f->date) != 0;
  if (row.extension != 0)
    {
      months_later (&received, 3, &due);
      f->errors += worksheet_write_datetime (sheet, r, 7, &due, f->date) != 0;
    }
  write_text (&cells, 8, bench_status_labels[row.status], f);
  write_time (sheet, r, 9, row.answered, f);
  write_text (&cells, 10, open ? (row.received < AS_OF - 31 * BENCH_DAY ? "No" : NULL) : "Yes", f);
  write_text (&cells, 11, row.outcome, f);
  write_text (&cells, 12, row.refusal_ground, f);
  write_text (&cells, 13, row.extension != 0 ? "Many documents to gather." : NULL, f);
}

/* The four incident registers: headers only, as with no incidents. */
static void
add_incident_sheets (lxw_workbook *workbook,
                     Formats      *f)
{
  static const char * const breach_titles[] = {
    "Reference", "Title", "Nature", "Origin", "Processor", "Start", "End", "Awareness",
    "Data categories", "Categories of persons", "Approx. persons", "Approx. records",
    "Consequences", "Risk", "Measures", "CNIL deadline", "CNIL notified", "CNIL status",
    "Delay reason", "People informed", "Description",
  };
  static const char * const timeline_titles[] = { "Incident", "Date", "Kind", "Description" };
  static const char * const notification_titles[] = {
    "Incident", "Authority", "Kind", "Sent", "Reference", "Hours after awareness",
  };
  static const char * const complaint_titles[] = {
    "Incident", "Direction", "Body", "Date", "Reference", "Party", "Status", "Outcome",
  };
  static const char * const communication_titles[] = {
    "Incident", "Channel", "Sent", "Count", "Message",
  };
  static const double breach_widths[] = {
    14, 24, 18, 24, 16, 17, 17, 17, 24, 24, 17, 17, 24, 12, 24, 17, 17, 18, 24, 17, 24,
  };
  static const double timeline_widths[] = { 14, 17, 16, 24 };
  static const double notification_widths[] = { 14, 16, 14, 17, 24, 23 };
  static const double complaint_widths[] = { 14, 12, 14, 17, 24, 24, 10, 24 };
  static const double communication_widths[] = { 14, 14, 17, 12, 24 };
  static const struct {
    const char *name;
    const char * const *titles;
    const double *widths;
    guint n;
  } sheets[] = {
    { "Breaches", breach_titles, breach_widths, G_N_ELEMENTS (breach_titles) },
    { "Timeline", timeline_titles, timeline_widths, G_N_ELEMENTS (timeline_titles) },
    { "Notifications", notification_titles, notification_widths,
      G_N_ELEMENTS (notification_titles) },
    { "Complaints", complaint_titles, complaint_widths, G_N_ELEMENTS (complaint_titles) },
    { "Communications", communication_titles, communication_widths,
      G_N_ELEMENTS (communication_titles) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      lxw_worksheet *sheet = add_sheet (workbook, sheets[i].name, sheets[i].titles,
                                        sheets[i].widths, sheets[i].n, f);

      f->errors += worksheet_autofilter (sheet, 0, 0, 0, sheets[i].n - 1) != 0;
    }
}

int
main (int    argc,
      char **argv)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  g_autofree char *dir = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  Formats f = { 0 };
  guint64 n_requests = bench_requests ();
  lxw_error err;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-xlsx-bare OUT.xlsx\n");
      return 1;
    }

  /* Its temporary files beside the result, as the export does. */
  dir = g_path_get_dirname (argv[1]);
  options.tmpdir = dir;
  workbook = workbook_new_opt (argv[1], &options);
  f.bold = workbook_add_format (workbook);
  format_set_bold (f.bold);
  format_set_text_wrap (f.bold);
  f.wrap = workbook_add_format (workbook);
  format_set_text_wrap (f.wrap);
  f.date_time = workbook_add_format (workbook);
  format_set_num_format (f.date_time, "dd/mm/yyyy hh:mm");
  f.date = workbook_add_format (workbook);
  format_set_num_format (f.date, "dd/mm/yyyy");

  add_incident_sheets (workbook, &f);
  /* A register longer than a sheet continues on "Requests (2)", with the
   * header again, as the export does. */
  for (guint64 i = 0, part = 1; i < n_requests; part++)
    {
      guint64 n = MIN (n_requests - i, SHEET_ROWS - 1);
      char name[32];

      g_snprintf (name, sizeof name, part == 1 ? "Requests" : "Requests (%" G_GUINT64_FORMAT ")",
                  part);
      sheet = add_sheet (workbook, name, request_titles, request_widths,
                         G_N_ELEMENTS (request_titles), &f);
      for (guint64 r = 1; r <= n; r++, i++)
        write_row (sheet, r, i, &f);
      f.errors += worksheet_autofilter (sheet, 0, 0, n, G_N_ELEMENTS (request_titles) - 1) != 0;
    }
  if (n_requests == 0)
    {
      sheet = add_sheet (workbook, "Requests", request_titles, request_widths,
                         G_N_ELEMENTS (request_titles), &f);
      f.errors += worksheet_autofilter (sheet, 0, 0, 0, G_N_ELEMENTS (request_titles) - 1) != 0;
    }

  err = workbook_close (workbook);
  if (err != LXW_NO_ERROR || f.errors != 0)
    {
      fprintf (stderr, "bench-xlsx-bare: %s, %d failed writes\n", lxw_strerror (err), f.errors);
      return 1;
    }
  return 0;
}
