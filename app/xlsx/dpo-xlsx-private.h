/* dpo-xlsx-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <locale.h>
#include <xlsxwriter.h>

#include "dpo-output-file.h"
#include "dpo-xlsx-sheet.h"

G_BEGIN_DECLS

/* Shared by dpo-xlsx-book.c (the file) and dpo-xlsx-sheet.c (the sheets). */

typedef struct _DpoXlsxFollower DpoXlsxFollower;

struct _DpoXlsxBook
{
  char          *path;           /* the file asked for */
  char          *display_name;   /* the same, for messages */
  DpoOutputFile *output;         /* the temporary file, then the result */
  lxw_workbook  *workbook;       /* NULL once closed */
  guint          max_rows;
  GPtrArray     *sheets;
  lxw_format    *formats[DPO_XLSX_ITALIC + 1];
  lxw_format    *date_time;
  lxw_format    *date;
  lxw_format    *count;
  lxw_format    *hours;
  char          *footer;         /* the left of every page's footer (escaped), or NULL */
  char          *header;         /* the centre of every page's header (escaped), or NULL */
  gboolean       portrait;       /* a form (the incident report) rather than registers */
  GTimeZone     *local;          /* dates are written in local time */
  /* Per worksheet index: the bytes of its rows, to check the result by;
   * G_MAXUINT64 until the worksheet is ended. */
  GArray        *data_sizes;
  DpoXlsxFollower *follower;     /* checks the zip as it is written */
  /* The first failure: a libxlsxwriter error and the errno that went with it. */
  lxw_error      failure;
  int            failure_errno;
  /* libxlsxwriter prints numbers with printf, so under a French locale a
   * date would be written "45323,7" and the file would be broken: this
   * thread uses the "C" numeric locale while the book is open. */
  locale_t       c_numeric;
  locale_t       saved_locale;
};

struct _DpoXlsxSheet
{
  DpoXlsxBook         *book;
  char                *name;
  const DpoXlsxColumn *columns;
  GStrv                titles;     /* translated; NULL for a form without header */
  guint                n_columns;
  lxw_worksheet       *worksheet;
  guint                part;       /* 2 for "Name (2)" */
  lxw_row_t            row;        /* the current row */
  double              *widths;     /* of the columns, in characters */
  guint                row_lines;  /* the current row's height, in lines of text */
  guint32              used;       /* rows used on this worksheet */
  guint64              rows;       /* rows over all parts, header excluded */
  gboolean             ended;      /* the current worksheet is complete */
};

/* Room in the 255 bytes of a page header or footer (see
 * dpo-xlsx-sheet.c's set_up_page(): the rest holds control codes and the
 * sheet name and page number). */
#define DPO_XLSX_FOOTER_MAX 120
#define DPO_XLSX_HEADER_MAX 240

void      _dpo_xlsx_sheet_free       (gpointer     sheet);
/* Completes the current worksheet (autofilter, last row out) if not yet. */
void      _dpo_xlsx_sheet_end        (DpoXlsxSheet *sheet);
/* Keeps the first failure; later calls are still made but not reported. */
void      _dpo_xlsx_book_check       (DpoXlsxBook *book,
                                      lxw_error    err);
void      _dpo_xlsx_book_fail_errno  (DpoXlsxBook *book,
                                      int          saved_errno);

/* dpo-xlsx-verify.c: TRUE if every part of the written file is whole.
 * A follower started before workbook_close() checks the parts as they are
 * written, so that only the last ones remain to check at the end. */
DpoXlsxFollower *_dpo_xlsx_follow_start (const char      *path,
                                         GArray          *data_sizes);
void             _dpo_xlsx_follow_stop  (DpoXlsxFollower *follower);
void             _dpo_xlsx_follow_free  (DpoXlsxFollower *follower);
gboolean         _dpo_xlsx_verify       (const char      *path,
                                         GArray          *data_sizes,
                                         DpoXlsxFollower *follower);

G_END_DECLS
