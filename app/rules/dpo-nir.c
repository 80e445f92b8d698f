/* dpo-nir.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-nir.h"
#include "dpo-time.h"

#define NIR_LENGTH 15
#define NIR_BODY_LENGTH 13

/* People type NIRs the way they are printed on the carte Vitale, grouped
 * with spaces ("2 78 04 75 056 123 74"): every ASCII space is dropped. */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        g_string_append_c (out, g_ascii_toupper (*p));
    }

  return g_string_free (out, FALSE);
}

static gboolean
check_length (const char  *nir,
              GError     **error)
{
  glong length;

  if (!g_utf8_validate (nir, -1, NULL))
    {
      g_set_error_literal (error, DPO_ERROR, DPO_ERROR_INVALID,
                           _("only digits are allowed, except 2A or 2B for Corsica"));
      return FALSE;
    }

  length = g_utf8_strlen (nir, -1);
  if (length == 0)
    {
      g_set_error_literal (error, DPO_ERROR, DPO_ERROR_INVALID,
                           _("a NIR has 15 characters (13 digits and a 2-digit key); this one is empty"));
      return FALSE;
    }

  if (length != NIR_LENGTH)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("a NIR has 15 characters (13 digits and a 2-digit key); this one has %ld"),
                   length);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_corsica (const char *nir)
{
  return nir[5] == '2' && (nir[6] == 'A' || nir[6] == 'B');
}

static gboolean
check_characters (const char  *nir,
                  GError     **error)
{
  for (guint i = 0; i < NIR_LENGTH; i++)
    {
      gboolean corsica_letter = (i == 6 && is_corsica (nir));

      if (!g_ascii_isdigit (nir[i]) && !corsica_letter)
        {
          g_set_error_literal (error, DPO_ERROR, DPO_ERROR_INVALID,
                               _("only digits are allowed, except 2A or 2B for Corsica"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_sex (const char  *nir,
           GError     **error)
{
  /* 1 and 2 for people born in France, 3 and 4 for people born abroad
   * awaiting their definitive number, 7 and 8 for temporary numbers. */
  if (strchr ("123478", nir[0]) == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("the first digit (sex) must be 1, 2, 3, 4, 7 or 8, not %c"),
                   nir[0]);
      return FALSE;
    }

  return TRUE;
}

/* The first 13 characters as a number, 2A and 2B counted as 19 and 18.
 * 13 digits need more than 32 bits. */
static guint64
body_value (const char *nir)
{
  guint64 value = 0;

  for (guint i = 0; i < NIR_BODY_LENGTH; i++)
    {
      guint digit = nir[i] - '0';

      if (i == 5 && is_corsica (nir))
        digit = 1;
      else if (i == 6 && nir[i] == 'A')
        digit = 9;
      else if (i == 6 && nir[i] == 'B')
        digit = 8;

      value = value * 10 + digit;
    }

  return value;
}

static gboolean
check_key (const char  *nir,
           GError     **error)
{
  guint key = (nir[13] - '0') * 10 + (nir[14] - '0');
  guint expected = 97 - (guint) (body_value (nir) % 97);

  if (key < 1 || key > 97)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("the key (last 2 digits) must be between 01 and 97, not %02u"),
                   key);
      return FALSE;
    }

  /* Never say which key was expected: that would turn the check into a
   * key generator, and "correct" a mistyped digit into a wrong number. */
  if (key != expected)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("the key %02u does not match the 13 digits before it: one of the 15 was "
                     "probably mistyped"),
                   key);
      return FALSE;
    }

  return TRUE;
}

gboolean
dpo_nir_validate (const char  *text,
                  char       **normalized,
                  GError     **error)
{
  g_autofree char *nir = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  nir = normalize (text);

  if (!check_length (nir, error) ||
      !check_characters (nir, error) ||
      !check_sex (nir, error) ||
      !check_key (nir, error))
    return FALSE;

  if (normalized != NULL)
    *normalized = g_steal_pointer (&nir);

  return TRUE;
}

char *
dpo_nir_check_birth (const char *nir,
                     const char *birth_date)
{
  g_autofree char *normalized = NULL;
  GDate date;
  guint year, month;
  gboolean year_differs, month_differs;

  if (nir == NULL || birth_date == NULL ||
      !dpo_nir_validate (nir, &normalized, NULL) || !dpo_date_parse (birth_date, &date, NULL))
    return NULL;

  year = (normalized[1] - '0') * 10 + (normalized[2] - '0');
  month = (normalized[3] - '0') * 10 + (normalized[4] - '0');
  year_differs = year != g_date_get_year (&date) % 100;
  /* Months 20 to 42, 50 and beyond, 99: an unknown month (a person born
   * abroad, an uncertain civil status); only 01 to 12 can be compared. */
  month_differs = month >= 1 && month <= 12 && month != (guint) g_date_get_month (&date);
  if (!year_differs && !month_differs)
    return NULL;

  if (month < 1 || month > 12)
    return g_strdup_printf (_("it gives the birth year as %02u, but the birth date is in %04u: "
                              "check one or the other"),
                            year, (guint) g_date_get_year (&date));
  return g_strdup_printf (_("it gives the birth as %02u/%02u (month/year), but the birth date is "
                            "%02u/%02u: check one or the other"),
                          month, year, (guint) g_date_get_month (&date), g_date_get_year (&date) % 100);
}
