/* dpo-letter-pdf.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One letter, as the DPO sends it by post. Every string is UTF-8. */
typedef struct
{
  const char *sender_name;      /* organisation name, letterhead (bold); required */
  const char *sender_lines;     /* organisation address, then DPO contact; '\n'-separated.
                                   A blank line may separate the two: the contact is
                                   then set smaller */
  const char *recipient_lines;  /* name then postal address, '\n'-separated; placed in the
                                   window of a French DL window envelope (window 45x100 mm,
                                   address block about 110 mm from the left edge, 50 mm
                                   from the top); required */
  const char *place_date;       /* already formatted: "Paris, le 6 février 2024" */
  const char *reference;        /* optional, e.g. "Our reference: R-2024-0042" */
  const char *subject;          /* the subject, set bold after "Subject:" ("Objet :"),
                                   which is not repeated when it starts with it */
  const char *body;             /* plain text; paragraphs separated by a blank line; a line
                                   starting with "- " is a bullet (lines indented under it
                                   continue it); required */
  const char *signature;        /* optional closing block (DPO name, title) */
} DpoLetter;

/*
 * DpoLetterPdf: letters to print, one after the other in one A4 PDF (cairo
 * and pango), each starting on a new page. The file is written through a
 * DpoOutputFile: nothing appears at its path until dpo_letter_pdf_finish()
 * succeeds; freeing it without finishing, or after an error, leaves no file.
 *
 * Memory stays the same whatever the number of letters: each page goes to
 * the file as it is drawn, and the layouts and fonts are reused from letter
 * to letter. One thread at a time.
 */
typedef struct _DpoLetterPdf DpoLetterPdf;

DpoLetterPdf *dpo_letter_pdf_new         (const char       *path,
                                          GError          **error);
/* Lays out one letter, starting on a new page, continuing on as many pages
 * as needed (page numbers "1/2" at the foot when more than one). Returns
 * the number of pages the letter took (>= 1), or 0 with @error set
 * (DPO_ERROR_INVALID for a letter without sender, recipient or body, or
 * text that is not UTF-8: nothing was drawn; DPO_ERROR_IO when the file
 * cannot be written: the document is lost). */
guint         dpo_letter_pdf_add         (DpoLetterPdf     *self,
                                          const DpoLetter  *letter,
                                          GError          **error);
/* Pages so far, all letters together. */
guint         dpo_letter_pdf_page_count  (DpoLetterPdf     *self);
/* Letters so far. */
guint         dpo_letter_pdf_letter_count (DpoLetterPdf    *self);
/* Ends the document and puts it at its path. A document without a letter
 * is refused (DPO_ERROR_INVALID) and leaves no file. */
gboolean      dpo_letter_pdf_finish      (DpoLetterPdf     *self,
                                          GError          **error);
void          dpo_letter_pdf_free        (DpoLetterPdf     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoLetterPdf, dpo_letter_pdf_free)

G_END_DECLS
