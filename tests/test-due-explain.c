/* test-due-explain.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every due date explains itself (issue 12, item 4). The explanation's
 * steps come from the code that computes the date; these tests check the
 * words for the tricky cases, and that for every day of 2024-2026 the
 * steps are consistent with the calendar and end on the due date.
 * Weekdays checked with `date -d`; Easter Sunday is 31 March 2024,
 * 20 April 2025 and 5 April 2026.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "dpo-computed.h"
#include "dpo-due-date.h"
#include "dpo-time.h"

static void
date_from_iso (const char *text,
               GDate      *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dpo_date_parse (text, out, &error));
  g_assert_no_error (error);
}

static char *
explain (const char *received,
         gboolean    extended,
         gboolean    alsace_moselle)
{
  g_autoptr(GArray) steps = NULL;
  GDate received_on;

  date_from_iso (received, &received_on);
  steps = dpo_request_explain_due (&received_on, extended, alsace_moselle);
  return dpo_due_steps_to_text (steps);
}

static void
assert_explained (const char *received,
                  gboolean    extended,
                  gboolean    alsace_moselle,
                  const char *expected)
{
  g_autofree char *text = explain (received, extended, alsace_moselle);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_weekend (void)
{
  assert_explained ("2024-02-09", FALSE, FALSE,
                    "received Friday 9 February 2024 → one month later: Saturday 9 March 2024 → "
                    "a Saturday, so the next working day → due Monday 11 March 2024");
  assert_explained ("2024-05-16", FALSE, FALSE,
                    "received Thursday 16 May 2024 → one month later: Sunday 16 June 2024 → "
                    "a Sunday, so the next working day → due Monday 17 June 2024");
  /* A working day: nothing to skip. */
  assert_explained ("2024-02-15", FALSE, FALSE,
                    "received Thursday 15 February 2024 → one month later: Friday 15 March 2024 → "
                    "due Friday 15 March 2024");
}

static void
test_month_end (void)
{
  assert_explained ("2024-01-31", FALSE, FALSE,
                    "received Wednesday 31 January 2024 → one month later: February has no 31st, "
                    "so its last day: Thursday 29 February 2024 → due Thursday 29 February 2024");
  assert_explained ("2025-01-29", FALSE, FALSE,
                    "received Wednesday 29 January 2025 → one month later: February has no 29th, "
                    "so its last day: Friday 28 February 2025 → due Friday 28 February 2025");
  /* 31 October 2025: 30 November is a Sunday. */
  assert_explained ("2025-10-31", FALSE, FALSE,
                    "received Friday 31 October 2025 → one month later: November has no 31st, "
                    "so its last day: Sunday 30 November 2025 → a Sunday, so the next working day → "
                    "due Monday 1 December 2025");
}

static void
test_holidays_named (void)
{
  /* Easter Monday, then a run of days off: Good Friday (Alsace-Moselle), the weekend. */
  assert_explained ("2024-03-01", FALSE, FALSE,
                    "received Friday 1 March 2024 → one month later: Monday 1 April 2024 → "
                    "Easter Monday, a public holiday, so the next working day → due Tuesday 2 April 2024");
  assert_explained ("2024-02-29", FALSE, FALSE,
                    "received Thursday 29 February 2024 → one month later: Friday 29 March 2024 → "
                    "due Friday 29 March 2024");
  assert_explained ("2024-02-29", FALSE, TRUE,
                    "received Thursday 29 February 2024 → one month later: Friday 29 March 2024 → "
                    "Good Friday, a public holiday in Alsace-Moselle, so the next working day → "
                    "then a weekend → "
                    "Monday 1 April 2024 is Easter Monday, a public holiday → "
                    "due Tuesday 2 April 2024");
  /* Christmas, and St Stephen's Day only in Alsace-Moselle. */
  assert_explained ("2024-11-25", FALSE, FALSE,
                    "received Monday 25 November 2024 → one month later: Wednesday 25 December 2024 → "
                    "Christmas Day, a public holiday, so the next working day → "
                    "due Thursday 26 December 2024");
  assert_explained ("2024-11-25", FALSE, TRUE,
                    "received Monday 25 November 2024 → one month later: Wednesday 25 December 2024 → "
                    "Christmas Day, a public holiday, so the next working day → "
                    "Thursday 26 December 2024 is St Stephen’s Day, a public holiday "
                    "in Alsace-Moselle → due Friday 27 December 2024");
  /* 15 August 2025 is a Friday: then a weekend. */
  assert_explained ("2025-07-15", FALSE, FALSE,
                    "received Tuesday 15 July 2025 → one month later: Friday 15 August 2025 → "
                    "Assumption Day, a public holiday, so the next working day → "
                    "then a weekend → due Monday 18 August 2025");
}

/* The holiday each date of @year is, named as the explanation names it. */
static void
test_each_holiday (void)
{
  static const struct { const char *received; gboolean alsace; const char *name; } cases[] = {
    { "2024-12-01", FALSE, "New Year’s Day" },          /* Wed 1 Jan 2025 */
    { "2025-03-18", TRUE, "Good Friday" },              /* 18 Apr 2025 */
    { "2025-03-21", FALSE, "Easter Monday" },           /* 21 Apr 2025 */
    { "2025-04-01", FALSE, "Labour Day" },              /* Thu 1 May 2025 */
    { "2025-04-08", FALSE, "Victory Day (8 May 1945)" },
    { "2025-04-29", FALSE, "Ascension Day" },           /* 29 May 2025 */
    { "2025-05-09", FALSE, "Whit Monday" },             /* 9 Jun 2025 */
    { "2025-06-14", FALSE, "Bastille Day" },            /* Mon 14 Jul 2025 */
    { "2025-07-15", FALSE, "Assumption Day" },
    { "2024-10-01", FALSE, "All Saints’ Day" },         /* Fri 1 Nov 2024 */
    { "2025-10-11", FALSE, "Armistice Day" },           /* Tue 11 Nov 2025 */
    { "2024-11-25", FALSE, "Christmas Day" },
    { "2025-11-26", TRUE, "St Stephen’s Day" },         /* Fri 26 Dec 2025 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = explain (cases[i].received, FALSE, cases[i].alsace);
      g_autofree char *national = explain (cases[i].received, FALSE, FALSE);
      g_autofree char *said = g_strdup_printf ("%s, a public holiday", cases[i].name);

      if (strstr (text, said) == NULL)
        g_error ("received %s: “%s” does not say “%s”", cases[i].received, text, said);
      /* The two Alsace-Moselle holidays are named only with the setting on. */
      if (cases[i].alsace)
        {
          g_assert_nonnull (strstr (text, "in Alsace-Moselle"));
          g_assert_null (strstr (national, cases[i].name));
        }
    }
}

static void
test_extension (void)
{
  assert_explained ("2024-03-31", TRUE, FALSE,
                    "received Sunday 31 March 2024 → three months later, with the extension: "
                    "June has no 31st, so its last day: Sunday 30 June 2024 → "
                    "a Sunday, so the next working day → due Monday 1 July 2024");
  assert_explained ("2024-02-01", TRUE, FALSE,
                    "received Thursday 1 February 2024 → three months later, with the extension: "
                    "Wednesday 1 May 2024 → Labour Day, a public holiday, so the next working day → "
                    "due Thursday 2 May 2024");
}

/* The local date of receipt is what counts, whatever the clocks did that
 * night: TZ=Europe/Paris (the test environment). */
static void
test_dst_irrelevant (void)
{
  static const struct { const char *received_at; const char *explained; } cases[] = {
    /* 00:30 in Paris on 31 March 2024, the night clocks go forward. */
    { "2024-03-30T23:30:00Z",
      "received Sunday 31 March 2024 → one month later: April has no 31st, so its last day: "
      "Tuesday 30 April 2024 → due Tuesday 30 April 2024" },
    /* 02:30 in Paris on 27 October 2024 (the first one, summer time). */
    { "2024-10-27T00:30:00Z",
      "received Sunday 27 October 2024 → one month later: Wednesday 27 November 2024 → "
      "due Wednesday 27 November 2024" },
    /* 23:30 in Paris on 26 October 2024: still the 26th. */
    { "2024-10-26T21:30:00Z",
      "received Saturday 26 October 2024 → one month later: Tuesday 26 November 2024 → "
      "due Tuesday 26 November 2024" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) at = dpo_time_parse (cases[i].received_at, NULL);
      g_autoptr(GArray) steps = NULL;
      g_autofree char *text = NULL;
      DpoRequestDeadlines deadlines;
      GDate received_on;
      GDate today;

      dpo_time_get_local_date (at, &received_on);
      g_date_clear (&today, 1);
      g_date_set_dmy (&today, 1, 1, 2024);
      dpo_request_deadlines_from (&received_on, FALSE, TRUE, &today, FALSE, &deadlines);
      steps = dpo_request_explain_due (&received_on, FALSE, FALSE);
      text = dpo_due_steps_to_text (steps);
      g_assert_cmpstr (text, ==, cases[i].explained);
      g_assert_cmpint (g_date_compare (&g_array_index (steps, DpoDueStep, steps->len - 1).date,
                                       &deadlines.due_on), ==, 0);
    }
}

/* The steps of one computation follow the calendar: they start on the day
 * of receipt, land @months later, skip only days off (each the day after
 * the one before, for the reason the calendar gives), and end on the
 * first working day, which is the due date the rest of the program uses. */
static void
check_steps (const GDate *received_on,
             gboolean     extended,
             gboolean     alsace_moselle,
             GHashTable  *holidays_seen)
{
  g_autoptr(GArray) steps = dpo_request_explain_due (received_on, extended, alsace_moselle);
  g_autofree char *text = dpo_due_steps_to_text (steps);
  DpoRequestDeadlines deadlines;
  const DpoDueStep *first = &g_array_index (steps, DpoDueStep, 0);
  const DpoDueStep *landing = &g_array_index (steps, DpoDueStep, 1);
  const DpoDueStep *last = &g_array_index (steps, DpoDueStep, steps->len - 1);
  GDate expected_landing = *received_on;

  g_assert_cmpuint (steps->len, >=, 3);
  g_assert_cmpint (first->kind, ==, DPO_DUE_STEP_START);
  g_assert_cmpint (g_date_compare (&first->date, received_on), ==, 0);

  g_date_add_months (&expected_landing, extended ? 3 : 1);
  g_assert_cmpint (g_date_compare (&landing->date, &expected_landing), ==, 0);
  g_assert_cmpuint (landing->months, ==, extended ? 3 : 1);
  if (g_date_get_day (&landing->date) == g_date_get_day (received_on))
    g_assert_cmpint (landing->kind, ==, DPO_DUE_STEP_SAME_DAY);
  else
    {
      g_assert_cmpint (landing->kind, ==, DPO_DUE_STEP_LAST_DAY);
      g_assert_cmpuint (landing->missing_day, ==, g_date_get_day (received_on));
      g_assert_true (g_date_is_last_of_month (&landing->date));
    }

  for (guint i = 2; i < steps->len - 1; i++)
    {
      const DpoDueStep *step = &g_array_index (steps, DpoDueStep, i);
      GDate expected = landing->date;
      GDateWeekday weekday = g_date_get_weekday (&step->date);

      g_date_add_days (&expected, i - 2);
      g_assert_cmpint (g_date_compare (&step->date, &expected), ==, 0);
      g_assert_false (dpo_date_is_working_day (&step->date, alsace_moselle));
      if (weekday == G_DATE_SATURDAY)
        g_assert_cmpint (step->kind, ==, DPO_DUE_STEP_SATURDAY);
      else if (weekday == G_DATE_SUNDAY)
        g_assert_cmpint (step->kind, ==, DPO_DUE_STEP_SUNDAY);
      else
        {
          g_assert_cmpint (step->kind, ==, DPO_DUE_STEP_HOLIDAY);
          g_assert_cmpint (step->holiday, ==, dpo_date_get_holiday (&step->date, alsace_moselle));
          g_assert_cmpstr (dpo_holiday_get_name (step->holiday), !=, "");
          g_assert_nonnull (strstr (text, dpo_holiday_get_name (step->holiday)));
          g_hash_table_add (holidays_seen, GINT_TO_POINTER (step->holiday));
        }
    }

  g_assert_cmpint (last->kind, ==, DPO_DUE_STEP_DUE);
  g_assert_true (dpo_date_is_working_day (&last->date, alsace_moselle));
  dpo_request_deadlines_from (received_on, extended, TRUE, received_on, alsace_moselle, &deadlines);
  g_assert_cmpint (g_date_compare (&last->date, dpo_request_deadlines_current (&deadlines)), ==, 0);
}

static void
test_every_day (void)
{
  g_autoptr(GHashTable) national = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) alsace = g_hash_table_new (NULL, NULL);
  GDate day;
  guint days = 0;

  g_date_clear (&day, 1);
  for (g_date_set_dmy (&day, 1, 1, 2024); g_date_get_year (&day) <= 2026; g_date_add_days (&day, 1))
    {
      check_steps (&day, FALSE, FALSE, national);
      check_steps (&day, TRUE, FALSE, national);
      check_steps (&day, FALSE, TRUE, alsace);
      check_steps (&day, TRUE, TRUE, alsace);
      days++;
    }
  g_assert_cmpuint (days, ==, 366 + 365 + 365);
  /* Over three years every holiday falls due somewhere, and is named. */
  g_assert_cmpuint (g_hash_table_size (national), ==, 11);
  g_assert_cmpuint (g_hash_table_size (alsace), ==, 13);
}

static void
test_french (void)
{
  g_autofree char *text = NULL;

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("fr_FR.UTF-8 is missing: build-aux/dev generates it");
      return;
    }
  g_setenv ("LANGUAGE", "fr", TRUE);

  assert_explained ("2024-02-09", FALSE, FALSE,
                    "reçue le vendredi 9 février 2024 → un mois plus tard : samedi 9 mars 2024 → "
                    "un samedi, donc le jour ouvrable suivant → échéance le lundi 11 mars 2024");
  assert_explained ("2024-03-01", FALSE, FALSE,
                    "reçue le vendredi 1er mars 2024 → un mois plus tard : lundi 1er avril 2024 → "
                    "Lundi de Pâques, jour férié, donc le jour ouvrable suivant → "
                    "échéance le mardi 2 avril 2024");
  assert_explained ("2024-01-31", FALSE, FALSE,
                    "reçue le mercredi 31 janvier 2024 → un mois plus tard : février n’a pas de 31, "
                    "donc son dernier jour : jeudi 29 février 2024 → échéance le jeudi 29 février 2024");
  text = explain ("2024-02-29", FALSE, TRUE);
  g_assert_nonnull (strstr (text, "Vendredi saint, jour férié en Alsace-Moselle"));

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("DPO_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/due-explain/weekend", test_weekend);
  g_test_add_func ("/due-explain/month-end", test_month_end);
  g_test_add_func ("/due-explain/holidays-named", test_holidays_named);
  g_test_add_func ("/due-explain/each-holiday", test_each_holiday);
  g_test_add_func ("/due-explain/extension", test_extension);
  g_test_add_func ("/due-explain/dst-irrelevant", test_dst_irrelevant);
  g_test_add_func ("/due-explain/every-day-2024-2026", test_every_day);
  g_test_add_func ("/due-explain/french", test_french);

  return g_test_run ();
}
