/* dpo-organisation-check.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-organisation-check.h"

/* The SIREN's last digit is a Luhn key (INSEE): a typing slip in any one
 * digit, or two digits swapped, is caught before it reaches the CNIL. */
gboolean
dpo_siren_is_valid (const char *siren)
{
  int digits = 0, sum = 0;

  if (siren == NULL)
    return FALSE;
  /* Read from the right: every second digit is doubled. */
  for (const char *p = siren + strlen (siren); p > siren; )
    {
      char c = *--p;
      int value;

      if (c == ' ')
        continue;
      if (!g_ascii_isdigit (c) || ++digits > 9)
        return FALSE;
      value = c - '0';
      if (digits % 2 == 0)
        value = value * 2 > 9 ? value * 2 - 9 : value * 2;
      sum += value;
    }
  return digits == 9 && sum % 10 == 0;
}

static void
tidy (char **value)
{
  if (*value == NULL)
    return;
  g_strstrip (*value);
  if (**value == '\0')
    g_clear_pointer (value, g_free);
}

/* Kept as 9 digits, as the JSON and the CNIL's form write it: the spaces
 * go (in place; the rest are digits, as checked). */
static void
keep_digits (char *siren)
{
  char *out = siren;

  for (const char *p = siren; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      *out++ = *p;
  *out = '\0';
}

static gboolean
fail (DpoOrganisationField   field,
      DpoOrganisationField  *bad_field,
      GError               **error,
      const char            *problem)
{
  if (bad_field != NULL)
    *bad_field = field;
  /* Translators: "Field: what is wrong with it" */
  g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID, _("%s: %s"),
               dpo_organisation_field_label (field), problem);
  return FALSE;
}

gboolean
dpo_organisation_check (DpoOrganisation       *organisation,
                        DpoOrganisationField  *bad_field,
                        GError               **error)
{
  g_return_val_if_fail (organisation != NULL, FALSE);

  for (int i = 0; i < DPO_ORGANISATION_N_FIELDS; i++)
    tidy (dpo_organisation_field (organisation, i));

  if (organisation->siren != NULL)
    {
      if (!dpo_siren_is_valid (organisation->siren))
        return fail (DPO_ORGANISATION_SIREN, bad_field, error,
                     _("must be 9 digits with a valid check digit (see the Kbis extract)"));
      keep_digits (organisation->siren);
    }

  if (organisation->dpo_email != NULL)
    {
      const char *at = strchr (organisation->dpo_email, '@');

      if (at == NULL || at == organisation->dpo_email || at[1] == '\0' ||
          strchr (organisation->dpo_email, ' ') != NULL)
        return fail (DPO_ORGANISATION_DPO_EMAIL, bad_field, error,
                     _("an email address has the form name@domain"));
    }
  return TRUE;
}
