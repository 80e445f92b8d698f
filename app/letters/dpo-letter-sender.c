/* dpo-letter-sender.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-letter-sender.h"

static gboolean
has_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

/* "12 rue de la Paix, 75002 Paris" as a letterhead writes it: a part a line. */
static void
append_address (GString    *lines,
                const char *address)
{
  g_auto(GStrv) parts = g_regex_split_simple ("\\s*(?:,|\\n)\\s*", address, 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    if (has_text (parts[i]))
      g_string_append_printf (lines, "%s%s", lines->len > 0 ? "\n" : "", g_strstrip (parts[i]));
}

char *
dpo_letter_sender_lines (const DpoOrganisation *organisation)
{
  GString *lines;
  const char *email, *phone;

  g_return_val_if_fail (organisation != NULL, NULL);

  lines = g_string_new (NULL);
  email = organisation->dpo_email;
  phone = organisation->dpo_phone;
  if (has_text (organisation->address))
    append_address (lines, organisation->address);
  if (has_text (organisation->dpo_name) || has_text (email) || has_text (phone))
    g_string_append (lines, lines->len > 0 ? "\n\n" : "");
  if (has_text (organisation->dpo_name))
    /* Translators: in a letter's letterhead. */
    g_string_append_printf (lines, _("Data protection officer: %s"), organisation->dpo_name);
  if (has_text (email) || has_text (phone))
    g_string_append_printf (lines, "%s%s%s%s", has_text (organisation->dpo_name) ? "\n" : "",
                            has_text (email) ? email : "",
                            has_text (email) && has_text (phone) ? " · " : "",
                            has_text (phone) ? phone : "");
  if (has_text (organisation->dpo_address) &&
      g_strcmp0 (organisation->dpo_address, organisation->address) != 0)
    {
      g_string_append (lines, lines->len > 0 ? "\n" : "");
      /* Translators: in a letter's letterhead, the DPO's postal address. */
      g_string_append_printf (lines, _("By post: %s"), organisation->dpo_address);
    }
  return g_string_free (lines, FALSE);
}

char *
dpo_letter_signature (const DpoOrganisation *organisation)
{
  g_return_val_if_fail (organisation != NULL, NULL);

  if (!has_text (organisation->dpo_name))
    return NULL;
  /* Translators: the closing of a letter, under the DPO's name. */
  return g_strdup_printf ("%s\n%s", organisation->dpo_name, _("Data Protection Officer"));
}
