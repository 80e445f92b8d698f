/* bench-letters-bare.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "bench-letters-data.h"
#include "dpo-letter-geometry.h"

/* The floor of the letter benchmarks: a bare pango-cairo program that
 * draws the pages app/letters draws for the same letters (the same fonts,
 * text, widths, positions and page breaks, one layout per block, two
 * passes to number the pages) and nothing else: no checks, no output file
 * written whole or not at all, no reuse of anything between letters.
 *
 *   bench-letters-bare N OUT.pdf    the first N letters of bench-letters-data
 *
 * Prints the number of pages. */

#define MM(x) ((x) * DPO_LETTER_MM)
#define UNITS(u) ((double) (u) / PANGO_SCALE)

typedef struct
{
  PangoLayout *layout;
  double x, gap;
  gboolean bullet, keep;
} Block;

static PangoContext *context;   /* one for the document, as any program would */

static void
make_context (cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  context = pango_cairo_create_context (cr);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
}

static PangoLayout *
layout_new (cairo_t    *cr,
            const char *text,
            gssize      length,
            double      size,
            gboolean    bold,
            double      width_mm,
            gboolean    justify)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (DPO_LETTER_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (MM (width_mm) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_justify (layout, justify);
  pango_layout_set_text (layout, text, (int) length);
  return layout;
}

static double
height_of (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return UNITS (h);
}

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
add (GArray      *blocks,
     PangoLayout *layout,
     double       x_mm,
     double       gap_mm,
     gboolean     bullet)
{
  Block block = { layout, MM (x_mm), MM (gap_mm), bullet, FALSE };

  g_array_append_val (blocks, block);
}

/* The body: paragraphs at blank lines, "- " lines as bullets. */
static void
add_body (cairo_t    *cr,
          GArray     *blocks,
          const char *body)
{
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
  GString *text = g_string_new (NULL);
  double gap = DPO_LETTER_AFTER_SUBJECT;
  gboolean previous_bullet = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean bullet = g_str_has_prefix (lines[i], "- ");

      if ((*lines[i] == '\0' || bullet) && text->len > 0)
        {
          add (blocks, layout_new (cr, text->str, text->len, DPO_LETTER_SIZE_TEXT, FALSE,
                                   DPO_LETTER_TEXT_WIDTH, TRUE), DPO_LETTER_MARGIN_LEFT, gap, FALSE);
          g_string_truncate (text, 0);
          gap = DPO_LETTER_PARAGRAPH_GAP;
          previous_bullet = FALSE;
        }
      if (*lines[i] == '\0')
        previous_bullet = FALSE;
      else if (bullet)
        {
          add (blocks, layout_new (cr, lines[i] + 2, -1, DPO_LETTER_SIZE_TEXT, FALSE,
                                   DPO_LETTER_TEXT_WIDTH - DPO_LETTER_BULLET_INDENT, TRUE),
               DPO_LETTER_MARGIN_LEFT + DPO_LETTER_BULLET_INDENT,
               previous_bullet ? DPO_LETTER_BULLET_GAP : gap, TRUE);
          gap = DPO_LETTER_PARAGRAPH_GAP;
          previous_bullet = TRUE;
        }
      else
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", lines[i]);
    }
  if (text->len > 0)
    add (blocks, layout_new (cr, text->str, text->len, DPO_LETTER_SIZE_TEXT, FALSE,
                             DPO_LETTER_TEXT_WIDTH, TRUE), DPO_LETTER_MARGIN_LEFT, gap, FALSE);
  g_string_free (text, TRUE);
}

static void
end_page (cairo_t    *cr,
          guint       page,
          guint       total)
{
  if (total > 1)
    {
      char number[32];
      PangoLayout *footer;

      g_snprintf (number, sizeof number, "%u/%u", page, total);
      footer = layout_new (cr, number, -1, DPO_LETTER_SIZE_SMALL, FALSE, DPO_LETTER_TEXT_WIDTH, FALSE);
      pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      show (cr, footer, MM (DPO_LETTER_MARGIN_LEFT), MM (DPO_LETTER_FOOTER));
      cairo_set_source_rgb (cr, 0, 0, 0);
      g_object_unref (footer);
    }
  cairo_show_page (cr);
}

/* Counts the pages (draw FALSE) or draws them. */
static guint
flow (cairo_t     *cr,
      GArray      *blocks,
      double       top,
      PangoLayout *header,
      PangoLayout *dash,
      gboolean     draw,
      guint        total)
{
  double y = top, bottom = MM (297.0 - DPO_LETTER_MARGIN_BOTTOM);
  gboolean fresh = FALSE;
  guint page = 1;

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = &g_array_index (blocks, Block, i);
      PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
      gboolean first = TRUE;

      y += block->gap;
      do
        {
          int y0, y1;
          double h, needed;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          h = needed = UNITS (y1 - y0);
          if (first && block->keep)
            needed = height_of (block->layout);
          else if (first && pango_layout_get_line_count (block->layout) > 1)
            needed = 2 * h;
          if (y + needed > bottom && !fresh)
            {
              if (draw)
                {
                  end_page (cr, page, total);
                  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
                  show (cr, header, MM (DPO_LETTER_MARGIN_LEFT), MM (DPO_LETTER_CONTINUED_HEADER));
                  cairo_set_source_rgb (cr, 0, 0, 0);
                }
              page++;
              y = MM (DPO_LETTER_CONTINUED_TOP);
              fresh = TRUE;
            }
          if (draw)
            {
              PangoRectangle logical;
              double baseline = y + UNITS (pango_layout_iter_get_baseline (iter) - y0);

              pango_layout_iter_get_line_extents (iter, NULL, &logical);
              cairo_move_to (cr, block->x + UNITS (logical.x), baseline);
              pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
              if (block->bullet && first)
                {
                  cairo_move_to (cr, block->x - MM (DPO_LETTER_BULLET_INDENT - DPO_LETTER_BULLET_DASH),
                                 baseline);
                  pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (dash, 0));
                }
            }
          y += h;
          first = fresh = FALSE;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  if (draw)
    end_page (cr, page, total);
  return page;
}

static guint
draw_letter (cairo_t    *cr,
             guint64     n,
             GString    *body)
{
  BenchLetterPerson person;
  char recipient[256], reference[128];
  const char *contact = strstr (BENCH_LETTER_SENDER_LINES, "\n\n");
  g_autofree char *subject = g_strdup_printf ("Subject: %s", BENCH_LETTER_SUBJECT);
  PangoLayout *name, *head, *contact_layout, *to, *date, *header, *dash;
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  double y = MM (DPO_LETTER_MARGIN_TOP), date_y, top;
  guint pages;

  bench_letter_person (n, &person);
  bench_letter_recipient (&person, recipient, sizeof recipient);
  bench_letter_reference (&person, reference, sizeof reference);
  bench_letter_body (&person, body);

  name = layout_new (cr, BENCH_LETTER_SENDER_NAME, -1, DPO_LETTER_SIZE_NAME, TRUE, DPO_LETTER_HEAD_WIDTH, FALSE);
  head = layout_new (cr, BENCH_LETTER_SENDER_LINES, contact - BENCH_LETTER_SENDER_LINES,
                     DPO_LETTER_SIZE_HEAD, FALSE, DPO_LETTER_HEAD_WIDTH, FALSE);
  contact_layout = layout_new (cr, contact + 2, -1, DPO_LETTER_SIZE_CONTACT, FALSE, DPO_LETTER_HEAD_WIDTH, FALSE);
  to = layout_new (cr, recipient, -1, DPO_LETTER_SIZE_TEXT, FALSE, DPO_LETTER_WINDOW_WIDTH, FALSE);
  date = layout_new (cr, BENCH_LETTER_PLACE_DATE, -1, DPO_LETTER_SIZE_TEXT, FALSE, DPO_LETTER_TEXT_WIDTH, FALSE);
  pango_layout_set_alignment (date, PANGO_ALIGN_RIGHT);
  header = layout_new (cr, BENCH_LETTER_SENDER_NAME, -1, DPO_LETTER_SIZE_SMALL, FALSE, DPO_LETTER_TEXT_WIDTH, FALSE);
  dash = layout_new (cr, "–", -1, DPO_LETTER_SIZE_TEXT, FALSE, DPO_LETTER_BULLET_INDENT, FALSE);

  cairo_set_source_rgb (cr, 0.11, 0.23, 0.42);
  show (cr, name, MM (DPO_LETTER_MARGIN_LEFT), y);
  y += height_of (name) + MM (DPO_LETTER_HEAD_GAP);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  show (cr, head, MM (DPO_LETTER_MARGIN_LEFT), y);
  y += height_of (head) + MM (DPO_LETTER_HEAD_GAP);
  show (cr, contact_layout, MM (DPO_LETTER_MARGIN_LEFT), y);
  y += height_of (contact_layout);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show (cr, to, MM (DPO_LETTER_WINDOW_LEFT), MM (DPO_LETTER_WINDOW_TOP));
  date_y = MAX (MM (DPO_LETTER_DATE_TOP), y + MM (5));
  show (cr, date, MM (DPO_LETTER_MARGIN_LEFT), date_y);
  top = date_y + MM (DPO_LETTER_AFTER_DATE) + height_of (date);

  add (blocks, layout_new (cr, reference, -1, DPO_LETTER_SIZE_REFERENCE, FALSE, DPO_LETTER_TEXT_WIDTH, FALSE),
       DPO_LETTER_MARGIN_LEFT, 0, FALSE);
  add (blocks, layout_new (cr, subject, -1, DPO_LETTER_SIZE_TEXT, TRUE, DPO_LETTER_TEXT_WIDTH, FALSE),
       DPO_LETTER_MARGIN_LEFT, DPO_LETTER_AFTER_REFERENCE, FALSE);
  add_body (cr, blocks, body->str);
  add (blocks, layout_new (cr, BENCH_LETTER_SIGNATURE, -1, DPO_LETTER_SIZE_TEXT, FALSE,
                           210.0 - DPO_LETTER_MARGIN_RIGHT - DPO_LETTER_SIGNATURE_LEFT, TRUE),
       DPO_LETTER_SIGNATURE_LEFT, DPO_LETTER_SIGNATURE_GAP, FALSE);
  g_array_index (blocks, Block, blocks->len - 1).keep = TRUE;

  pages = flow (cr, blocks, top, header, dash, FALSE, 0);
  flow (cr, blocks, top, header, dash, TRUE, pages);

  for (guint i = 0; i < blocks->len; i++)
    g_object_unref (g_array_index (blocks, Block, i).layout);
  g_array_unref (blocks);
  g_object_unref (name);
  g_object_unref (head);
  g_object_unref (contact_layout);
  g_object_unref (to);
  g_object_unref (date);
  g_object_unref (header);
  g_object_unref (dash);
  return pages;
}

int
main (int    argc,
      char **argv)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GString *body = g_string_new (NULL);
  guint64 n;
  guint pages = 0;

  if (argc != 3)
    {
      g_printerr ("usage: bench-letters-bare N OUT.pdf\n");
      return 1;
    }
  n = g_ascii_strtoull (argv[1], NULL, 10);
  surface = cairo_pdf_surface_create (argv[2], DPO_LETTER_PAGE_WIDTH, DPO_LETTER_PAGE_HEIGHT);
  cr = cairo_create (surface);
  make_context (cr);
  for (guint64 i = 0; i < n; i++)
    pages += draw_letter (cr, i, body);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("bench-letters-bare: %s\n", cairo_status_to_string (cairo_surface_status (surface)));
      return 1;
    }
  cairo_surface_destroy (surface);
  g_string_free (body, TRUE);
  printf ("%u pages\n", pages);
  return 0;
}
