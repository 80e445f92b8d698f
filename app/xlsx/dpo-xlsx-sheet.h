/* dpo-xlsx-sheet.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-enums.h"

G_BEGIN_DECLS

/* The workbook writer shared by the registers export and the incident
 * report (internal to app/): libxlsxwriter in constant-memory mode behind
 * a temporary file that is renamed into place only when complete, typed
 * cells, and sheets that continue on "Name (2)" when they reach the row
 * limit. Every libxlsxwriter call is checked: the first failure is kept
 * and reported, with the file's name, at the next row or at the end.
 * A book is written by one thread, from dpo_xlsx_book_new() to its end;
 * meanwhile that thread uses the "C" numeric locale (see dpo-xlsx-book.c).
 * The file is private (0600), as the registers name people. */

typedef struct _DpoXlsxBook  DpoXlsxBook;
typedef struct _DpoXlsxSheet DpoXlsxSheet;

typedef struct
{
  const char *title;   /* untranslated, context "register column"; NULL: no header row */
  double      width;   /* in characters; widened to fit the translated title */
} DpoXlsxColumn;

typedef enum
{
  DPO_XLSX_PLAIN,
  DPO_XLSX_BOLD,       /* section rows of a form */
  DPO_XLSX_WRAP,       /* long text in a form, wrapped in its cell */
  DPO_XLSX_ITALIC,     /* column captions inside a form */
} DpoXlsxStyle;

/* Creates a hidden temporary file beside @file; nothing appears under
 * @file's name until dpo_xlsx_book_commit(). @max_rows: rows per sheet,
 * header included (0 for Excel's 1,048,576). */
DpoXlsxBook  *dpo_xlsx_book_new        (GFile               *file,
                                        guint                max_rows,
                                        GError             **error);
/* Writes the workbook, then renames it over @file. */
gboolean      dpo_xlsx_book_commit     (DpoXlsxBook         *book,
                                        GError             **error);
/* Abandons an uncommitted book: its temporary file is removed. */
void          dpo_xlsx_book_free       (DpoXlsxBook         *book);
void          dpo_xlsx_book_set_error  (DpoXlsxBook         *book,
                                        GError             **error);
/* Every page is A4, one page wide, with the sheet's name and the page
 * number at the right of its footer. These apply to the sheets added
 * after them: @text printed at the left of every page's footer (the audit
 * log's seal); @text printed at the top of every page (the organisation);
 * each cut to fit Excel's limit. */
void          dpo_xlsx_book_set_footer (DpoXlsxBook         *book,
                                        const char          *text);
void          dpo_xlsx_book_set_header (DpoXlsxBook         *book,
                                        const char          *text);
/* Portrait pages (a form), rather than landscape (registers). */
void          dpo_xlsx_book_set_portrait (DpoXlsxBook       *book,
                                          gboolean           portrait);

/* A sheet named @name (translated; made a valid, unique sheet name). With
 * column titles, the titles form a bold, frozen header row with an
 * autofilter, repeated on each continuation sheet. The sheet belongs to
 * the book. The header row is printed again at the top of every page. */
DpoXlsxSheet *dpo_xlsx_book_add_sheet  (DpoXlsxBook         *book,
                                        const char          *name,
                                        const DpoXlsxColumn *columns,
                                        guint                n_columns,
                                        GError             **error);

/* Moves to the next row, continuing on a new sheet when this one is full.
 * FALSE, with @error set, if any write so far failed. */
gboolean      dpo_xlsx_sheet_next_row  (DpoXlsxSheet        *sheet,
                                        GError             **error);
/* Ends the sheet: autofilter over the rows written. */
gboolean      dpo_xlsx_sheet_finish    (DpoXlsxSheet        *sheet,
                                        GError             **error);

/* Cells of the current row. NULL or empty values leave the cell blank.
 * Text is always a string cell, never a formula, and is cut to Excel's
 * 32,767 characters with a visible mark. Times are written as Excel dates
 * in the local time zone. */
void          dpo_xlsx_sheet_text      (DpoXlsxSheet        *sheet,
                                        guint                column,
                                        const char          *text);
void          dpo_xlsx_sheet_styled_text (DpoXlsxSheet      *sheet,
                                          guint              column,
                                          const char        *text,
                                          DpoXlsxStyle       style);
void          dpo_xlsx_sheet_date_time (DpoXlsxSheet        *sheet,
                                        guint                column,
                                        GDateTime           *time);
/* The same from Unix seconds; if @local_date is not NULL, it receives the
 * cell's local calendar date (left invalid if the cell could not be written). */
void          dpo_xlsx_sheet_unix_time (DpoXlsxSheet        *sheet,
                                        guint                column,
                                        gint64               unix_time,
                                        GDate               *local_date);
void          dpo_xlsx_sheet_date      (DpoXlsxSheet        *sheet,
                                        guint                column,
                                        const GDate         *date);
/* A whole number, with thousands separators; negative: blank (unknown). */
void          dpo_xlsx_sheet_count     (DpoXlsxSheet        *sheet,
                                        guint                column,
                                        gint64               count);
/* A number of hours, one decimal shown. */
void          dpo_xlsx_sheet_hours     (DpoXlsxSheet        *sheet,
                                        guint                column,
                                        double               hours);

/* The translated labels of @words, joined by ", ". */
char         *dpo_xlsx_join_labels     (DpoEnum              vocabulary,
                                        const char * const  *words);

/* Excel's limit on a cell's text, in UTF-16 code units as Excel counts. */
#define DPO_XLSX_MAX_TEXT 32767

G_END_DECLS
