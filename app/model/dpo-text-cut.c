/* dpo-text-cut.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-text-cut.h"

/* A message quotes what it refuses; a 10 MB field quoted whole would make a
 * 10 MB message (and dialog). The quote keeps its start, which is what a
 * person recognises. */
char *
dpo_text_cut (const char *text,
              gssize      len,
              gsize       max_chars)
{
  g_autofree char *valid = NULL;
  const char *p;
  gsize n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (len < 0)
    len = (gssize) strlen (text);
  /* Only the part that can be quoted needs mending: each character takes
   * at most four bytes. */
  valid = g_utf8_make_valid (text, MIN ((gsize) len, max_chars * 4 + 4));

  for (p = valid; *p != '\0' && n < max_chars; p = g_utf8_next_char (p))
    n++;
  if (*p == '\0' && (gsize) len <= max_chars * 4 + 4)
    return g_steal_pointer (&valid);

  valid[p - valid] = '\0';
  return g_strconcat (valid, "…", NULL);
}
