/* dpo-search-text.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-search-text.h"

/* Letters that carry no accent in Unicode's decomposition but are typed
 * without their ligature or special form on any keyboard. */
static const char *
plain_letters (gunichar c)
{
  switch (c)
    {
    case 0x00C6: case 0x00E6: return "ae";  /* Æ æ */
    case 0x0152: case 0x0153: return "oe";  /* Œ œ */
    case 0x00DF: case 0x1E9E: return "ss";  /* ß ẞ */
    case 0x00D8: case 0x00F8: return "o";   /* Ø ø */
    case 0x0141: case 0x0142: return "l";   /* Ł ł */
    case 0x0110: case 0x0111: return "d";   /* Đ đ */
    default: return NULL;
    }
}

static void
append_folded_char (GString  *out,
                    gunichar  c,
                    gboolean *pending_space)
{
  const char *plain;

  if (g_unichar_ismark (c))
    return;  /* an accent, decomposed from its letter */
  if (!g_unichar_isalnum (c))
    {
      *pending_space = out->len > 0;
      return;
    }
  if (*pending_space)
    g_string_append_c (out, ' ');
  *pending_space = FALSE;
  plain = plain_letters (c);
  if (plain != NULL)
    g_string_append (out, plain);
  else
    g_string_append_unichar (out, g_unichar_tolower (c));
}

char *
dpo_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  /* NFKD splits "è" into "e" and its accent, and "ﬁ" into "fi". */
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    decomposed = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    append_folded_char (out, g_utf8_get_char (p), &pending_space);
  return g_string_free (out, FALSE);
}

char *
dpo_search_fold_compact (const char *text)
{
  char *folded = dpo_search_fold (text);
  char *to = folded;

  for (const char *from = folded; *from != '\0'; from++)
    if (*from != ' ')
      *to++ = *from;
  *to = '\0';
  return folded;
}

/* Whether every word of @words holds a digit: a number typed in groups
 * ("2 78 04", "2 83 09 2A" for Corsica, "104 233"), not words. */
static gboolean
is_number (char **words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strpbrk (words[i], "0123456789") == NULL)
      return FALSE;
  return words[0] != NULL && *words[0] != '\0';
}

char *
dpo_search_number (const char *search)
{
  g_autofree char *folded = dpo_search_fold (search);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  char *compact;

  if (words[0] == NULL || words[1] == NULL || !is_number (words))
    return NULL;
  compact = dpo_search_fold_compact (search);
  if (strlen (compact) < DPO_SEARCH_MIN_TERM)
    g_clear_pointer (&compact, g_free);
  return compact;
}

char **
dpo_search_terms (const char *search)
{
  g_autofree char *folded = dpo_search_fold (search);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= DPO_SEARCH_MIN_TERM)
      g_ptr_array_add (terms, g_strdup (words[i]));
  if (terms->len == 0)
    return NULL;
  g_ptr_array_add (terms, NULL);
  return (char **) g_ptr_array_steal (terms, NULL);
}
