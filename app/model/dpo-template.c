/* dpo-template.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-template.h"
#include "dpo-text-cut.h"

/* The placeholder starting at @open ("{{"): its name's length, or 0 when
 * "{{" is not followed by a-z/_ characters and "}}". */
static gsize
placeholder_name_length (const char *open)
{
  const char *p = open + 2;

  while ((*p >= 'a' && *p <= 'z') || *p == '_')
    p++;
  if (p == open + 2 || p[0] != '}' || p[1] != '}')
    return 0;
  return p - (open + 2);
}

static gboolean
is_known (const char         *name,
          gsize               length,
          const char * const *known)
{
  for (gsize i = 0; known != NULL && known[i] != NULL; i++)
    if (strlen (known[i]) == length && strncmp (known[i], name, length) == 0)
      return TRUE;
  return FALSE;
}

static guint
line_of (const char *text,
         const char *at)
{
  guint line = 1;

  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

/* "{{first_name}}, {{last_name}}": what the DPO may write instead. */
static char *
known_list (const char * const *known)
{
  GString *list = g_string_new (NULL);

  for (gsize i = 0; known != NULL && known[i] != NULL; i++)
    g_string_append_printf (list, "%s{{%s}}", i > 0 ? ", " : "", known[i]);
  return g_string_free (list, FALSE);
}

gboolean
dpo_template_check (const char         *text,
                    const char * const *known,
                    GError            **error)
{
  const char *open;

  g_return_val_if_fail (text != NULL, FALSE);

  for (open = strstr (text, "{{"); open != NULL; open = strstr (open, "{{"))
    {
      gsize length = placeholder_name_length (open);
      const char *close = strstr (open + 2, "}}");
      g_autofree char *quoted = NULL;
      g_autofree char *list = NULL;

      if (length > 0 && is_known (open + 2, length, known))
        {
          open += length + 4;
          continue;
        }
      if (close == NULL)
        {
          g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                       _("A placeholder is not closed on line %u: “{{” must end with “}}”."),
                       line_of (text, open));
          return FALSE;
        }
      quoted = dpo_text_cut (open, close + 2 - open, DPO_TEXT_CUT_QUOTE);
      list = known_list (known);
      if (*list == '\0')
        g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                     _("Unknown placeholder %s on line %u: this text takes no placeholder."),
                     quoted, line_of (text, open));
      else
        g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                     _("Unknown placeholder %s on line %u. The placeholders are: %s."),
                     quoted, line_of (text, open), list);
      return FALSE;
    }
  return TRUE;
}

char *
dpo_template_expand (const char        *text,
                     DpoTemplateLookup  lookup,
                     gpointer           user_data)
{
  GString *out;
  const char *p = text;
  const char *open;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (lookup != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 64);
  for (open = strstr (p, "{{"); open != NULL; open = strstr (p, "{{"))
    {
      gsize length = placeholder_name_length (open);
      char name[64];
      const char *value;

      if (length == 0 || length >= sizeof name)
        {
          /* Not a placeholder: kept as typed. */
          g_string_append_len (out, p, open + 2 - p);
          p = open + 2;
          continue;
        }
      g_string_append_len (out, p, open - p);
      memcpy (name, open + 2, length);
      name[length] = '\0';
      value = lookup (name, user_data);
      if (value != NULL)
        g_string_append (out, value);
      p = open + length + 4;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

char *
dpo_template_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *formatted = NULL;
  const char *format;
  int year, month, day;
  char end;

  g_return_val_if_fail (iso_date != NULL, NULL);

  if (sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      strlen (iso_date) != 10 || !g_date_valid_dmy (day, month, year))
    return NULL;
  time = g_date_time_new_utc (year, month, day, 12, 0, 0);
  /* Translators: a date in a letter, for g_date_time_format(): %-d the day,
   * %B the month's name, %Y the year ("6 February 2024"). The first day
   * of a month has its own, for languages that write it apart
   * ("1er mars 2024"). */
  if (day == 1)
    /* xgettext:no-c-format */
    format = C_("first day of a month", "%-d %B %Y");
  else
    /* xgettext:no-c-format */
    format = _("%-d %B %Y");
  formatted = g_date_time_format (time, format);
  if (formatted == NULL)
    return NULL;
  /* A translation may pad the day (%e). */
  return g_strdup (g_strstrip (formatted));
}
