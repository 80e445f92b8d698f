/* test-time-input.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates and times as typed in the forms, under fr_FR.UTF-8, en_US.UTF-8
 * and C (build-aux/dev generates the first two). TZ=Europe/Paris (the
 * meson test environment sets it).
 */

#include <locale.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-time.h"
#include "dpo-time-input.h"

static void
use_locale (const char *name)
{
  const char *set = setlocale (LC_ALL, name);

  if (set == NULL)
    g_error ("locale %s is missing: run build-aux/dev, which generates it", name);
}

static void
assert_time (const char *typed,
             const char *stored)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = dpo_time_input_parse (typed, "Aware", &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (time);
  text = dpo_time_to_storage (time);
  g_assert_cmpstr (text, ==, stored);
}

static void
assert_time_refused (const char *typed,
                     const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = dpo_time_input_parse (typed, "Aware", &error);

  g_assert_null (time);
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_test_message ("%s -> %s", typed, error->message);
  /* The field is named, and what was typed quoted. */
  g_assert_true (g_str_has_prefix (error->message, "Aware: "));
  g_assert_nonnull (strstr (error->message, needle));
}

static void
assert_date (const char *typed,
             const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate date;

  g_assert_true (dpo_time_input_parse_date (typed, "Birth date", &date, &error));
  g_assert_no_error (error);
  text = dpo_date_to_iso (&date);
  g_assert_cmpstr (text, ==, iso);
}

static void
assert_date_refused (const char *typed,
                     const char *needle)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_false (dpo_time_input_parse_date (typed, "Birth date", &date, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_test_message ("%s -> %s", typed, error->message);
  g_assert_true (g_str_has_prefix (error->message, "Birth date: "));
  g_assert_nonnull (strstr (error->message, needle));
}

static void
assert_round_trip (const char *stored,
                   const char *shown)
{
  g_autoptr(GDateTime) time = dpo_time_from_storage (stored);
  g_autofree char *text = dpo_time_input_format (time);
  g_autoptr(GDateTime) back = NULL;
  g_autofree char *again = NULL;

  g_assert_cmpstr (text, ==, shown);
  back = dpo_time_input_parse (text, "Aware", NULL);
  g_assert_nonnull (back);
  again = dpo_time_to_storage (back);
  g_assert_cmpstr (again, ==, stored);
}

static void
test_french (void)
{
  g_autofree char *example = NULL;
  g_autofree char *example_date = NULL;
  GDate date;

  use_locale ("fr_FR.UTF-8");

  /* 29 Nov 2026 10:00 in Paris is 09:00 UTC. */
  assert_time ("29/11/2026 10:00", "2026-11-29T09:00:00Z");
  assert_time ("  29/11/2026   10:00:30 ", "2026-11-29T09:00:30Z");
  assert_time ("9/1/2026 8:05", "2026-01-09T07:05:00Z");
  assert_time ("29.11.2026 10:00", "2026-11-29T09:00:00Z");
  assert_time ("2026-11-29 10:00", "2026-11-29T09:00:00Z");
  assert_time ("2026-11-29T10:00", "2026-11-29T09:00:00Z");
  assert_time ("2026-11-29T10:00:00+01:00", "2026-11-29T09:00:00Z");
  assert_date ("29/11/2026", "2026-11-29");
  assert_date ("2026-11-29", "2026-11-29");
  assert_date ("29/02/2024", "2024-02-29");

  /* The day comes first: 11/29 has no 29th month. */
  assert_time_refused ("11/29/2026 10:00", "“11/29/2026 10:00”");
  assert_time_refused ("29/11/2026 10:00 AM", "29/11/2026 10:00");
  assert_time_refused ("29/11/26 10:00", "such as 29/11/2026 10:00 or 2026-11-29 10:00");
  assert_time_refused ("29/11/2026", "29/11/2026");
  assert_time_refused ("demain", "“demain”");
  assert_time_refused ("29/11/2026 24:00", "“29/11/2026 24:00” is not a date and time such as");
  /* 29 March 2026, 02:30: the clocks jump from 02:00 to 03:00 in Paris. */
  assert_time_refused ("29/03/2026 02:30", "does not exist in local time");
  assert_date_refused ("30/02/2024", "such as 29/11/2026 or 2026-11-29");
  assert_date_refused ("12/2024", "“12/2024”");

  /* Blank is no date, and no error. */
  g_assert_null (dpo_time_input_parse ("  ", "Aware", NULL));
  g_assert_false (dpo_time_input_parse_date ("", "Birth date", &date, NULL));

  assert_round_trip ("2026-11-29T09:00:00Z", "29/11/2026 10:00");
  assert_round_trip ("2026-07-01T22:15:00Z", "02/07/2026 00:15");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, 3, 1980);
  example_date = dpo_time_input_format_date (&date);
  g_assert_cmpstr (example_date, ==, "05/03/1980");
  example = dpo_time_input_example (TRUE);
  g_assert_cmpstr (example, ==, "29/11/2026 10:00");
}

static void
test_american (void)
{
  g_autofree char *example = NULL;
  g_autofree char *example_date = NULL;
  GDate date;

  use_locale ("en_US.UTF-8");

  assert_time ("11/29/2026 10:00 AM", "2026-11-29T09:00:00Z");
  assert_time ("11/29/2026 10:00 am", "2026-11-29T09:00:00Z");
  assert_time ("11/29/2026 10:00AM", "2026-11-29T09:00:00Z");
  assert_time ("11/29/2026 2:30 PM", "2026-11-29T13:30:00Z");
  assert_time ("11/29/2026 12:00 AM", "2026-11-28T23:00:00Z");
  assert_time ("11/29/2026 12:00 PM", "2026-11-29T11:00:00Z");
  /* A 24-hour clock is understood too. */
  assert_time ("11/29/2026 14:30", "2026-11-29T13:30:00Z");
  assert_time ("2026-11-29 10:00", "2026-11-29T09:00:00Z");
  assert_date ("11/29/2026", "2026-11-29");
  assert_date ("2026-11-29", "2026-11-29");

  /* The month comes first: there is no 29th month. */
  assert_time_refused ("29/11/2026 10:00", "such as 11/29/2026 10:00 AM or 2026-11-29 10:00");
  assert_time_refused ("11/29/2026 13:00 PM", "“11/29/2026 13:00 PM”");
  assert_date_refused ("29/11/2026", "such as 11/29/2026 or 2026-11-29");

  assert_round_trip ("2026-11-29T09:00:00Z", "11/29/2026 10:00 AM");
  assert_round_trip ("2026-11-29T13:30:00Z", "11/29/2026 2:30 PM");
  assert_round_trip ("2026-11-28T23:05:00Z", "11/29/2026 12:05 AM");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, 3, 1980);
  example_date = dpo_time_input_format_date (&date);
  g_assert_cmpstr (example_date, ==, "03/05/1980");
  example = dpo_time_input_example (TRUE);
  g_assert_cmpstr (example, ==, "11/29/2026 10:00 AM");
}

static void
test_c (void)
{
  g_autofree char *example = NULL;

  use_locale ("C");

  /* The C locale writes ISO: its own %m/%d/%y has a two-digit year. */
  assert_time ("2026-11-29 10:00", "2026-11-29T09:00:00Z");
  assert_time ("2026-11-29T10:00:00Z", "2026-11-29T10:00:00Z");
  assert_date ("2026-11-29", "2026-11-29");
  assert_time_refused ("29/11/2026 10:00", "such as 2026-11-29 10:00");
  assert_time_refused ("11/29/2026 10:00 AM", "“11/29/2026 10:00 AM”");
  assert_date_refused ("2026-13-01", "“2026-13-01”");
  assert_round_trip ("2026-11-29T09:00:00Z", "2026-11-29 10:00");
  example = dpo_time_input_example (FALSE);
  g_assert_cmpstr (example, ==, "2026-11-29");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-input/fr_FR", test_french);
  g_test_add_func ("/time-input/en_US", test_american);
  g_test_add_func ("/time-input/C", test_c);

  return g_test_run ();
}
