/* dpo-letter-pdf.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-file-check.h"
#include "dpo-letter-geometry.h"
#include "dpo-letter-pdf.h"
#include "dpo-letter-setter.h"
#include "dpo-output-file.h"

struct _DpoLetterPdf
{
  DpoOutputFile   *output;
  cairo_surface_t *surface;
  cairo_t         *cr;
  DpoLetterSetter *setter;
  GError          *write_error;  /* the first write that failed */
  gboolean         discard;      /* freed unfinished: the rest goes nowhere */
  guint            pages;
  guint            letters;
};

/* cairo writes the document as it goes, page by page, into the output
 * file's temporary. */
static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  DpoLetterPdf *self = closure;

  if (self->discard)
    return CAIRO_STATUS_SUCCESS;
  if (self->write_error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (dpo_output_file_get_stream (self->output), data, length,
                                  NULL, NULL, &self->write_error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

DpoLetterPdf *
dpo_letter_pdf_new (const char  *path,
                    GError     **error)
{
  g_autoptr(DpoLetterPdf) self = g_new0 (DpoLetterPdf, 1);
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  self->output = dpo_output_file_new (file, error);
  if (self->output == NULL)
    return NULL;
  self->surface = cairo_pdf_surface_create_for_stream (write_cb, self, DPO_LETTER_PAGE_WIDTH,
                                                       DPO_LETTER_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR, "DPO Workbench");
  self->cr = cairo_create (self->surface);
  self->setter = dpo_letter_setter_new (self->cr);
  return g_steal_pointer (&self);
}

/* The file's failure, or cairo's, as one message naming the file. */
static void
set_write_error (DpoLetterPdf  *self,
                 GError       **error)
{
  const char *reason = self->write_error != NULL
    ? dpo_file_describe_error (self->write_error)
    : cairo_status_to_string (cairo_surface_status (self->surface));

  g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot write “%s”: %s"),
               dpo_output_file_get_display_name (self->output), reason);
}

static gboolean
has_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

static gboolean
is_text (const char *text)
{
  return text == NULL || g_utf8_validate (text, -1, NULL);
}

static gboolean
check_letter (const DpoLetter  *letter,
              GError          **error)
{
  const char *parts[] = { letter->sender_name, letter->sender_lines, letter->recipient_lines,
                          letter->place_date, letter->reference, letter->subject,
                          letter->body, letter->signature };

  if (!has_text (letter->sender_name))
    {
      g_set_error_literal (error, DPO_ERROR, DPO_ERROR_INVALID,
                           _("A letter needs the organisation’s name for its letterhead."));
      return FALSE;
    }
  if (!has_text (letter->recipient_lines))
    {
      g_set_error_literal (error, DPO_ERROR, DPO_ERROR_INVALID,
                           _("A letter needs the name and postal address of the person it goes to."));
      return FALSE;
    }
  if (letter->body == NULL)
    {
      g_set_error_literal (error, DPO_ERROR, DPO_ERROR_INVALID, _("A letter needs a text."));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (!is_text (parts[i]))
      {
        g_set_error_literal (error, DPO_ERROR, DPO_ERROR_INVALID,
                             _("A letter’s text is not valid UTF-8."));
        return FALSE;
      }
  return TRUE;
}

guint
dpo_letter_pdf_add (DpoLetterPdf     *self,
                    const DpoLetter  *letter,
                    GError          **error)
{
  guint pages;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (letter != NULL, 0);
  g_return_val_if_fail (self->setter != NULL, 0);   /* not after finish */

  if (cairo_surface_status (self->surface) != CAIRO_STATUS_SUCCESS)
    {
      set_write_error (self, error);
      return 0;
    }
  if (!check_letter (letter, error))
    return 0;

  pages = dpo_letter_setter_set (self->setter, letter);
  if (cairo_surface_status (self->surface) != CAIRO_STATUS_SUCCESS)
    {
      set_write_error (self, error);
      return 0;
    }
  self->pages += pages;
  self->letters++;
  return pages;
}

guint
dpo_letter_pdf_page_count (DpoLetterPdf *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages;
}

guint
dpo_letter_pdf_letter_count (DpoLetterPdf *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->letters;
}

gboolean
dpo_letter_pdf_finish (DpoLetterPdf  *self,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->setter != NULL, FALSE);

  if (self->letters == 0)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID, _("“%s” would hold no letter."),
                   dpo_output_file_get_display_name (self->output));
      return FALSE;
    }
  /* The last pages, the fonts and the cross-reference table go out now. */
  g_clear_pointer (&self->setter, dpo_letter_setter_free);
  g_clear_pointer (&self->cr, cairo_destroy);
  cairo_surface_finish (self->surface);
  if (cairo_surface_status (self->surface) != CAIRO_STATUS_SUCCESS)
    {
      set_write_error (self, error);
      return FALSE;
    }
  if (!dpo_output_file_commit (self->output, NULL, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

void
dpo_letter_pdf_free (DpoLetterPdf *self)
{
  if (self == NULL)
    return;
  /* Unfinished, cairo would still write the document's end: into nothing,
   * as the temporary is removed. */
  self->discard = TRUE;
  g_clear_pointer (&self->setter, dpo_letter_setter_free);
  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->output, dpo_output_file_free);
  g_clear_error (&self->write_error);
  g_free (self);
}
