/* dpo-json-guard.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-json-guard.h"
#include "dpo-text-cut.h"

/* json-glib 1.6 parses by recursion, stores strings as C strings and reads
 * whole numbers into a gint64 without a range check. So what it cannot
 * hold is refused here, before it parses, by a scan that only follows
 * strings, brackets and numbers: the path of each value is known without
 * building anything, and a problem is reported where it is. Syntax is the
 * parser's business; this scan is tolerant of it. */

typedef struct
{
  gboolean    in_object;
  gboolean    expect_key;  /* in an object: the next string is a member name */
  guint       index;       /* in a list: the element being read */
  const char *key;         /* in an object: the current member name, raw */
  gsize       key_len;
} Frame;

typedef struct
{
  DpoImportDoc  *doc;
  GError       **error;
  const char    *start;
  const char    *end;
  Frame          frames[DPO_JSON_MAX_DEPTH];
  guint          depth;
  guint          line;
  const char    *line_start;
} Guard;

static char *
current_path (Guard *g)
{
  g_autoptr(GString) path = g_string_new (NULL);

  for (guint i = 0; i < g->depth; i++)
    {
      Frame *frame = &g->frames[i];

      if (!frame->in_object)
        g_string_append_printf (path, "[%u]", frame->index);
      else if (frame->key != NULL)
        {
          g_autofree char *key = dpo_text_cut (frame->key, frame->key_len, DPO_TEXT_CUT_QUOTE);

          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, key);
        }
    }
  if (path->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&path), FALSE);
}

static gboolean
fail (Guard      *g,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (Guard      *g,
      const char *format,
      ...)
{
  g_autofree char *path = current_path (g);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return _dpo_import_fail (g->doc, g->error, DPO_ERROR_INVALID, path, "%s", message);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The code unit of "\uXXXX" at @p, or -1 if there is none. */
static int
read_escape_u (const char *p,
               const char *end)
{
  int value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (int i = 2; i < 6; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Reads the string that starts at the quote *@pp; leaves *@pp after it. */
static gboolean
scan_string (Guard       *g,
             const char **pp)
{
  const char *open = *pp;
  const char *q = open + 1;
  Frame *top = g->depth > 0 ? &g->frames[g->depth - 1] : NULL;
  gboolean is_key = top != NULL && top->in_object && top->expect_key;
  const char *bad = NULL;

  while (q < g->end && *q != '"')
    {
      int unit;

      if (*q != '\\')
        {
          q++;
          continue;
        }
      if (q + 1 >= g->end)
        break;
      unit = read_escape_u (q, g->end);
      if (unit < 0 && q[1] == 'u')
        {
          if (is_key)
            {
              top->key = open + 1;
              top->key_len = MIN (q + 2, g->end) - (open + 1);
            }
          return fail (g, _("contains \\u without four hexadecimal digits after it"));
        }
      if (unit < 0)
        {
          /* \" \\ \n and the like; a bad escape is the parser's to report. */
          q += 2;
          continue;
        }
      if (unit == 0 || (unit >= 0xD800 && unit <= 0xDFFF))
        {
          int low = unit >= 0xD800 && unit <= 0xDBFF ? read_escape_u (q + 6, g->end) : -1;

          if (low >= 0xDC00 && low <= 0xDFFF)
            {
              q += 12;
              continue;
            }
          if (is_key)
            {
              top->key = open + 1;
              top->key_len = q + 6 - (open + 1);
            }
          if (unit == 0)
            return fail (g, _("contains \\u0000, a null character, which text cannot hold"));
          return fail (g, _("contains \\u%04X, half of a character (a UTF-16 surrogate without "
                            "its other half)"), (guint) unit);
        }
      q += 6;
    }

  if (q >= g->end)
    {
      /* Unterminated: the parser says so. */
      *pp = g->end;
      return TRUE;
    }

  if (is_key)
    {
      top->key = open + 1;
      top->key_len = q - (open + 1);
      top->expect_key = FALSE;
    }
  if (!g_utf8_validate_len (open + 1, q - (open + 1), &bad))
    return fail (g, _("is not UTF-8 text (invalid byte at offset %lu of the file)"),
                 (unsigned long) (bad - g->start));

  *pp = q + 1;
  return TRUE;
}

/* Reads the number that starts at *@pp; leaves *@pp after it. */
static gboolean
scan_number (Guard       *g,
             const char **pp)
{
  const char *p = *pp;
  const char *q = p;
  gboolean whole = TRUE;
  gsize digits;

  if (*q == '-')
    q++;
  while (q < g->end && (g_ascii_isdigit (*q) || strchr (".eE+-", *q) != NULL) && *q != '\0')
    {
      if (!g_ascii_isdigit (*q))
        whole = FALSE;
      q++;
    }
  *pp = q;

  digits = q - p - (*p == '-' ? 1 : 0);
  if (!whole || digits == 0)
    return TRUE;

  if (digits <= 19)
    {
      char buffer[24];
      gint64 value;

      memcpy (buffer, p, q - p);
      buffer[q - p] = '\0';
      errno = 0;
      value = g_ascii_strtoll (buffer, NULL, 10);
      (void) value;
      if (errno != ERANGE)
        return TRUE;
    }

  {
    g_autofree char *number = dpo_text_cut (p, q - p, 30);

    return fail (g, _("the number %s is too large (whole numbers go from %s to %s)"),
                 number, "-9223372036854775808", "9223372036854775807");
  }
}

gboolean
_dpo_json_guard_check (DpoImportDoc  *doc,
                       const char    *data,
                       gsize          size,
                       GError       **error)
{
  Guard g = { doc, error, data, data + size, };
  const char *p = data;

  g.line = 1;
  g.line_start = data;

  while (p < g.end)
    {
      Frame *top = g.depth > 0 ? &g.frames[g.depth - 1] : NULL;

      switch (*p)
        {
        case '"':
          if (!scan_string (&g, &p))
            return FALSE;
          continue;

        case '{':
        case '[':
          if (g.depth == DPO_JSON_MAX_DEPTH)
            return _dpo_import_fail (doc, error, DPO_ERROR_INVALID, NULL,
                                     _("lists and objects are nested more than %d deep "
                                       "(line %u, column %lu)"),
                                     DPO_JSON_MAX_DEPTH, g.line,
                                     (unsigned long) (p - g.line_start + 1));
          g.frames[g.depth++] = (Frame) { *p == '{', TRUE, 0, NULL, 0 };
          break;

        case '}':
        case ']':
          if (g.depth > 0)
            g.depth--;
          break;

        case ',':
          if (top != NULL && top->in_object)
            {
              top->expect_key = TRUE;
              top->key = NULL;
            }
          else if (top != NULL)
            top->index++;
          break;

        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (!scan_number (&g, &p))
            return FALSE;
          continue;

        case '\n':
          g.line++;
          g.line_start = p + 1;
          break;

        default:
          break;
        }
      p++;
    }
  return TRUE;
}
