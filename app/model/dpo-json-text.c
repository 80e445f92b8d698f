/* dpo-json-text.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-json-text.h"

/* json-glib 1.6's generator escapes control characters below U+001F but
 * writes U+001F itself raw, which JSON forbids: SQLite's json_valid()
 * then refused the audit entry of any record holding it (the import
 * failed), and an export or an access package holding it was not JSON
 * for any other reader. Outside strings the generator writes only
 * structure and spaces, so each raw 0x1F byte is inside a string and
 * becomes \u001f there. */
char *
dpo_json_to_text (JsonNode *node,
                  gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  GString *fixed;

  g_return_val_if_fail (node != NULL, NULL);

  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  if (strchr (text, 0x1f) == NULL)
    return g_steal_pointer (&text);

  fixed = g_string_sized_new (strlen (text) + 16);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == 0x1f)
        g_string_append (fixed, "\\u001f");
      else
        g_string_append_c (fixed, *p);
    }
  return g_string_free (fixed, FALSE);
}
