/* dpo-letter-setter.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "dpo-letter-geometry.h"
#include "dpo-letter-setter.h"

#define MM(x) ((x) * DPO_LETTER_MM)
#define UNITS(pango_units) ((double) (pango_units) / PANGO_SCALE)

typedef enum
{
  FONT_NAME,
  FONT_HEAD,
  FONT_CONTACT,
  FONT_TEXT,
  FONT_BOLD,
  FONT_REFERENCE,
  FONT_SMALL,
  N_FONTS
} Font;

/* A block of the letter's flow: the reference, the subject, a paragraph, a
 * bullet, the signature. Its lines go onto as many pages as they need. */
typedef struct
{
  PangoLayout *layout;
  double       x;             /* points */
  double       space_before;  /* points */
  gboolean     bullet;
  gboolean     keep_together;
} Block;

struct _DpoLetterSetter
{
  cairo_t              *cr;
  PangoFontMap         *font_map;
  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];

  /* Letterhead, recipient and date (the first page's fixed parts), the
   * dash of a bullet, the page number, the header of the next pages. */
  PangoLayout          *name;
  PangoLayout          *head;
  PangoLayout          *contact;
  PangoLayout          *recipient;
  PangoLayout          *date;
  PangoLayout          *dash;
  PangoLayout          *footer;
  PangoLayout          *header;

  GPtrArray            *pool;     /* the flow's layouts, reused letter after letter */
  GArray               *blocks;   /* Block: this letter's flow */
  GString              *scratch;
  double                head_y[3];  /* where name, address and contact go */
  double                date_y;
  double                flow_top;
};

static PangoFontDescription *
make_font (double   size,
           gboolean bold)
{
  PangoFontDescription *font = pango_font_description_from_string (DPO_LETTER_FONT);

  /* Absolute: cairo's units here are points. */
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

static void
shape_layout (PangoLayout                *layout,
              const PangoFontDescription *font,
              double                      width_mm,
              gboolean                    justify)
{
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (MM (width_mm) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_justify (layout, justify);
}

static PangoLayout *
new_layout (DpoLetterSetter *self,
            Font             font,
            double           width_mm)
{
  PangoLayout *layout = pango_layout_new (self->context);

  shape_layout (layout, self->fonts[font], width_mm, FALSE);
  return layout;
}

static void
set_up_context (DpoLetterSetter *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* A font map of its own: the default one is per thread, and a campaign
   * runs in a worker thread. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_update_context (self->cr, self->context);
  /* Print: glyphs placed where the font says, not on a screen's pixels. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  cairo_font_options_destroy (options);
}

DpoLetterSetter *
dpo_letter_setter_new (cairo_t *cr)
{
  DpoLetterSetter *self = g_new0 (DpoLetterSetter, 1);
  static const struct { double size; gboolean bold; } specs[N_FONTS] = {
    [FONT_NAME] = { DPO_LETTER_SIZE_NAME, TRUE },
    [FONT_HEAD] = { DPO_LETTER_SIZE_HEAD, FALSE },
    [FONT_CONTACT] = { DPO_LETTER_SIZE_CONTACT, FALSE },
    [FONT_TEXT] = { DPO_LETTER_SIZE_TEXT, FALSE },
    [FONT_BOLD] = { DPO_LETTER_SIZE_TEXT, TRUE },
    [FONT_REFERENCE] = { DPO_LETTER_SIZE_REFERENCE, FALSE },
    [FONT_SMALL] = { DPO_LETTER_SIZE_SMALL, FALSE },
  };

  self->cr = cairo_reference (cr);
  set_up_context (self);
  for (guint i = 0; i < N_FONTS; i++)
    self->fonts[i] = make_font (specs[i].size, specs[i].bold);

  self->name = new_layout (self, FONT_NAME, DPO_LETTER_HEAD_WIDTH);
  self->head = new_layout (self, FONT_HEAD, DPO_LETTER_HEAD_WIDTH);
  self->contact = new_layout (self, FONT_CONTACT, DPO_LETTER_HEAD_WIDTH);
  self->recipient = new_layout (self, FONT_TEXT, DPO_LETTER_WINDOW_WIDTH);
  self->date = new_layout (self, FONT_TEXT, DPO_LETTER_TEXT_WIDTH);
  pango_layout_set_alignment (self->date, PANGO_ALIGN_RIGHT);
  self->dash = new_layout (self, FONT_TEXT, DPO_LETTER_BULLET_INDENT);
  pango_layout_set_text (self->dash, "–", -1);
  self->footer = new_layout (self, FONT_SMALL, DPO_LETTER_TEXT_WIDTH);
  pango_layout_set_alignment (self->footer, PANGO_ALIGN_CENTER);
  self->header = new_layout (self, FONT_SMALL, DPO_LETTER_TEXT_WIDTH);
  pango_layout_set_ellipsize (self->header, PANGO_ELLIPSIZE_END);

  self->pool = g_ptr_array_new_with_free_func (g_object_unref);
  self->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  self->scratch = g_string_new (NULL);
  return self;
}

void
dpo_letter_setter_free (DpoLetterSetter *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->name);
  g_clear_object (&self->head);
  g_clear_object (&self->contact);
  g_clear_object (&self->recipient);
  g_clear_object (&self->date);
  g_clear_object (&self->dash);
  g_clear_object (&self->footer);
  g_clear_object (&self->header);
  g_ptr_array_unref (self->pool);
  g_array_unref (self->blocks);
  g_string_free (self->scratch, TRUE);
  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (self->fonts[i]);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  cairo_destroy (self->cr);
  g_free (self);
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return UNITS (height);
}

static gboolean
is_blank (const char *line,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

/* The letterhead: the address, then (after a blank line, if any) the
 * DPO's contact, set smaller. */
static void
set_sender_lines (DpoLetterSetter *self,
                  const char      *lines)
{
  const char *p, *split = NULL;

  if (lines == NULL)
    lines = "";
  for (p = lines; ; )
    {
      const char *end = strchrnul (p, '\n');

      if (p != lines && is_blank (p, end - p))
        {
          split = p;
          break;
        }
      if (*end == '\0')
        break;
      p = end + 1;
    }
  pango_layout_set_text (self->head, lines, split != NULL ? (int) (split - 1 - lines) : -1);
  while (split != NULL && *split != '\0' && g_ascii_isspace (*split))
    split++;
  pango_layout_set_text (self->contact, split != NULL ? split : "", -1);
}

/* The fixed parts of the first page, and where the flow starts below them. */
static void
set_first_page (DpoLetterSetter *self,
                const DpoLetter *letter)
{
  double y = MM (DPO_LETTER_MARGIN_TOP);
  gboolean dated = letter->place_date != NULL && *letter->place_date != '\0';

  pango_layout_set_text (self->name, letter->sender_name, -1);
  set_sender_lines (self, letter->sender_lines);
  pango_layout_set_text (self->recipient, letter->recipient_lines, -1);
  pango_layout_set_text (self->date, dated ? letter->place_date : "", -1);
  pango_layout_set_text (self->header, letter->sender_name, -1);

  self->head_y[0] = y;
  y += layout_height (self->name) + MM (DPO_LETTER_HEAD_GAP);
  self->head_y[1] = y;
  y += layout_height (self->head) + MM (DPO_LETTER_HEAD_GAP);
  self->head_y[2] = y;
  y += layout_height (self->contact);

  /* Below the window, and below a letterhead that reaches lower. */
  self->date_y = MAX (MM (DPO_LETTER_DATE_TOP), y + MM (5));
  self->flow_top = self->date_y + MM (DPO_LETTER_AFTER_DATE);
  if (dated)
    self->flow_top += layout_height (self->date);
}

static void
add_block (DpoLetterSetter *self,
           const char      *text,
           gssize           length,
           Font             font,
           double           left_mm,
           double           width_mm,
           double           gap_mm,
           gboolean         bullet)
{
  guint index = self->blocks->len;
  Block block = { NULL, MM (left_mm), MM (gap_mm), bullet, FALSE };

  if (index == self->pool->len)
    g_ptr_array_add (self->pool, pango_layout_new (self->context));
  block.layout = g_ptr_array_index (self->pool, index);
  shape_layout (block.layout, self->fonts[font], width_mm, font == FONT_TEXT);
  pango_layout_set_text (block.layout, text, (int) length);
  g_array_append_val (self->blocks, block);
}

/* TRUE if @subject starts with "Objet :", "Subject:" or "Object:". */
static gboolean
has_label (const char *subject)
{
  static const char * const words[] = { "Objet", "Subject", "Object" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);
      const char *p = subject + n;

      if (g_ascii_strncasecmp (subject, words[i], n) != 0)
        continue;
      while (*p == ' ' || g_str_has_prefix (p, "\u00a0") || g_str_has_prefix (p, "\u202f"))
        p = g_utf8_next_char (p);
      if (*p == ':')
        return TRUE;
    }
  return FALSE;
}

/* "Subject:" is the letter's, unless the subject already says it. */
static void
add_subject (DpoLetterSetter *self,
             const char      *subject,
             double           gap_mm)
{
  if (has_label (subject))
    g_string_assign (self->scratch, subject);
  else
    /* Translators: before a letter's subject, in bold; French typography
     * puts a no-break space before the colon ("Objet :"). */
    g_string_printf (self->scratch, "%s %s", _("Subject:"), subject);
  add_block (self, self->scratch->str, self->scratch->len, FONT_BOLD,
             DPO_LETTER_MARGIN_LEFT, DPO_LETTER_TEXT_WIDTH, gap_mm, FALSE);
}

/* The paragraph or bullet gathered in @text, if any. */
static void
flush_paragraph (DpoLetterSetter *self,
                 GString         *text,
                 gboolean         bullet,
                 gboolean        *previous_bullet,
                 double          *gap_mm)
{
  if (text->len == 0)
    return;
  if (bullet)
    add_block (self, text->str, text->len, FONT_TEXT,
               DPO_LETTER_MARGIN_LEFT + DPO_LETTER_BULLET_INDENT,
               DPO_LETTER_TEXT_WIDTH - DPO_LETTER_BULLET_INDENT,
               *previous_bullet ? DPO_LETTER_BULLET_GAP : *gap_mm, TRUE);
  else
    add_block (self, text->str, text->len, FONT_TEXT, DPO_LETTER_MARGIN_LEFT,
               DPO_LETTER_TEXT_WIDTH, *gap_mm, FALSE);
  *previous_bullet = bullet;
  *gap_mm = DPO_LETTER_PARAGRAPH_GAP;
  g_string_truncate (text, 0);
}

/* Paragraphs end at a blank line; "- " starts a bullet, which lines
 * indented under it continue; other lines break where they break. */
static void
add_body (DpoLetterSetter *self,
          const char      *body,
          double           gap_mm)
{
  GString *text = self->scratch;
  gboolean in_bullet = FALSE, previous_bullet = FALSE;
  const char *p = body;

  g_string_truncate (text, 0);
  while (*p != '\0')
    {
      const char *end = strchrnul (p, '\n');
      gsize length = end - p;

      if (length > 0 && p[length - 1] == '\r')
        length--;
      if (is_blank (p, length))
        {
          flush_paragraph (self, text, in_bullet, &previous_bullet, &gap_mm);
          in_bullet = previous_bullet = FALSE;
        }
      else if (length >= 2 && p[0] == '-' && p[1] == ' ')
        {
          flush_paragraph (self, text, in_bullet, &previous_bullet, &gap_mm);
          g_string_append_len (text, p + 2, length - 2);
          in_bullet = TRUE;
        }
      else if (in_bullet && g_ascii_isspace (p[0]))
        {
          while (length > 0 && g_ascii_isspace (*p))
            p++, length--;
          g_string_append_c (text, ' ');
          g_string_append_len (text, p, length);
        }
      else
        {
          if (in_bullet)
            flush_paragraph (self, text, TRUE, &previous_bullet, &gap_mm);
          else if (text->len > 0)
            g_string_append_c (text, '\n');
          in_bullet = FALSE;
          g_string_append_len (text, p, length);
        }
      p = *end == '\n' ? end + 1 : end;
    }
  flush_paragraph (self, text, in_bullet, &previous_bullet, &gap_mm);
}

static void
build_flow (DpoLetterSetter *self,
            const DpoLetter *letter)
{
  double gap = 0;

  g_array_set_size (self->blocks, 0);
  if (letter->reference != NULL && *letter->reference != '\0')
    {
      add_block (self, letter->reference, -1, FONT_REFERENCE, DPO_LETTER_MARGIN_LEFT,
                 DPO_LETTER_TEXT_WIDTH, 0, FALSE);
      gap = DPO_LETTER_AFTER_REFERENCE;
    }
  if (letter->subject != NULL && *letter->subject != '\0')
    {
      add_subject (self, letter->subject, gap);
      gap = DPO_LETTER_AFTER_SUBJECT;
    }
  add_body (self, letter->body, gap);
  if (letter->signature != NULL && *letter->signature != '\0')
    {
      add_block (self, letter->signature, -1, FONT_TEXT, DPO_LETTER_SIGNATURE_LEFT,
                 210.0 - DPO_LETTER_MARGIN_RIGHT - DPO_LETTER_SIGNATURE_LEFT,
                 DPO_LETTER_SIGNATURE_GAP, FALSE);
      g_array_index (self->blocks, Block, self->blocks->len - 1).keep_together = TRUE;
    }
}

static void
show_at (cairo_t     *cr,
         PangoLayout *layout,
         double       x,
         double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_first_page (DpoLetterSetter *self)
{
  cairo_t *cr = self->cr;
  double left = MM (DPO_LETTER_MARGIN_LEFT);

  cairo_set_source_rgb (cr, 0.11, 0.23, 0.42);
  show_at (cr, self->name, left, self->head_y[0]);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  show_at (cr, self->head, left, self->head_y[1]);
  show_at (cr, self->contact, left, self->head_y[2]);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_at (cr, self->recipient, MM (DPO_LETTER_WINDOW_LEFT), MM (DPO_LETTER_WINDOW_TOP));
  show_at (cr, self->date, left, self->date_y);
}

/* Ends page @page of @total: its number when there are several. */
static void
end_page (DpoLetterSetter *self,
          guint            page,
          guint            total)
{
  if (total > 1)
    {
      char number[32];

      g_snprintf (number, sizeof number, "%u/%u", page, total);
      pango_layout_set_text (self->footer, number, -1);
      cairo_set_source_rgb (self->cr, 0.25, 0.25, 0.25);
      show_at (self->cr, self->footer, MM (DPO_LETTER_MARGIN_LEFT), MM (DPO_LETTER_FOOTER));
      cairo_set_source_rgb (self->cr, 0, 0, 0);
    }
  cairo_show_page (self->cr);
}

/* The pages after the first carry the organisation's name at the top. */
static void
start_next_page (DpoLetterSetter *self)
{
  cairo_set_source_rgb (self->cr, 0.25, 0.25, 0.25);
  show_at (self->cr, self->header, MM (DPO_LETTER_MARGIN_LEFT), MM (DPO_LETTER_CONTINUED_HEADER));
  cairo_set_source_rgb (self->cr, 0, 0, 0);
}

static void
draw_line (DpoLetterSetter *self,
           const Block     *block,
           PangoLayoutIter *iter,
           double           top,
           gboolean         first)
{
  PangoRectangle logical;
  int y0;
  double baseline;

  pango_layout_iter_get_line_yrange (iter, &y0, NULL);
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  baseline = top + UNITS (pango_layout_iter_get_baseline (iter) - y0);
  cairo_move_to (self->cr, block->x + UNITS (logical.x), baseline);
  pango_cairo_show_layout_line (self->cr, pango_layout_iter_get_line_readonly (iter));
  if (block->bullet && first)
    {
      cairo_move_to (self->cr, block->x - MM (DPO_LETTER_BULLET_INDENT - DPO_LETTER_BULLET_DASH),
                     baseline);
      pango_cairo_show_layout_line (self->cr, pango_layout_get_line_readonly (self->dash, 0));
    }
}

/* Lays the flow out from below the first page's fixed parts, line by line,
 * onto as many pages as it needs: counts them (@draw FALSE), or draws them
 * numbered out of @total. A block's first line does not stay alone at the
 * foot of a page; the signature is kept whole. */
static guint
flow (DpoLetterSetter *self,
      gboolean         draw,
      guint            total)
{
  double y = self->flow_top;
  double bottom = MM (297.0 - DPO_LETTER_MARGIN_BOTTOM);
  gboolean fresh = FALSE;   /* a new page with nothing on it yet */
  guint page = 1;

  if (draw)
    draw_first_page (self);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);
      PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
      gboolean first = TRUE;

      y += block->space_before;
      do
        {
          int y0, y1;
          double height, needed;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          height = needed = UNITS (y1 - y0);
          if (first && block->keep_together)
            needed = layout_height (block->layout);
          else if (first && pango_layout_get_line_count (block->layout) > 1)
            needed = 2 * height;
          if (y + needed > bottom && !fresh)
            {
              if (draw)
                {
                  end_page (self, page, total);
                  start_next_page (self);
                }
              page++;
              y = MM (DPO_LETTER_CONTINUED_TOP);
              fresh = TRUE;
            }
          if (draw)
            draw_line (self, block, iter, y, first);
          y += height;
          first = fresh = FALSE;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  if (draw)
    end_page (self, page, total);
  return page;
}

guint
dpo_letter_setter_set (DpoLetterSetter *self,
                       const DpoLetter *letter)
{
  guint pages;

  set_first_page (self, letter);
  build_flow (self, letter);
  pages = flow (self, FALSE, 0);
  flow (self, TRUE, pages);
  return pages;
}
