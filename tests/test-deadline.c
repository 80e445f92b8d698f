/* test-deadline.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected date below was worked out on a calendar and its weekday
 * checked with `date -d`. Easter Sunday is 31 March 2024 and 20 April 2025.
 */

#include <locale.h>

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

/* Asserts the request received on @received is due on @expected. */
static void
assert_due (const char *received,
            gboolean    extended,
            gboolean    alsace_moselle,
            const char *expected)
{
  g_autofree char *due_text = NULL;
  GDate received_on;
  GDate due;

  date_from_iso (received, &received_on);
  dpo_request_due_on (&received_on, extended, alsace_moselle, &due);
  due_text = dpo_date_to_iso (&due);
  if (g_strcmp0 (due_text, expected) != 0)
    g_error ("received %s%s%s: due %s, expected %s", received,
             extended ? ", extended" : "",
             alsace_moselle ? ", Alsace-Moselle" : "",
             due_text, expected);
}

static void
test_same_day_number (void)
{
  assert_due ("2024-02-15", FALSE, FALSE, "2024-03-15");   /* Fri */
  assert_due ("2024-01-15", FALSE, FALSE, "2024-02-15");   /* Thu */
  /* 30 April gives 30 May (Thu), not the last day of May. */
  assert_due ("2024-04-30", FALSE, FALSE, "2024-05-30");
  /* Across the year end. */
  assert_due ("2024-12-31", FALSE, FALSE, "2025-01-31");   /* Fri */
}

static void
test_end_of_month (void)
{
  /* February 2024 has 29 days; 29 February 2024 is a Thursday. */
  assert_due ("2024-01-31", FALSE, FALSE, "2024-02-29");
  assert_due ("2024-01-30", FALSE, FALSE, "2024-02-29");
  assert_due ("2024-01-29", FALSE, FALSE, "2024-02-29");
  /* February 2025 has 28 days; 28 February 2025 is a Friday. */
  assert_due ("2025-01-31", FALSE, FALSE, "2025-02-28");
  /* 31 March gives 30 April 2024 (Tue). */
  assert_due ("2024-03-31", FALSE, FALSE, "2024-04-30");
  /* 31 October gives 30 November 2025, a Sunday: Monday 1 December. */
  assert_due ("2025-10-31", FALSE, FALSE, "2025-12-01");
}

static void
test_weekend (void)
{
  /* 15 June 2024 is a Saturday. */
  assert_due ("2024-05-15", FALSE, FALSE, "2024-06-17");
  /* 16 June 2024 is a Sunday. */
  assert_due ("2024-05-16", FALSE, FALSE, "2024-06-17");
}

static void
test_easter_holidays (void)
{
  /* Easter Monday, 1 April 2024. */
  assert_due ("2024-03-01", FALSE, FALSE, "2024-04-02");
  /* Ascension, Thursday 9 May 2024 (Easter + 39). */
  assert_due ("2024-04-09", FALSE, FALSE, "2024-05-10");
  /* Whit Monday, 20 May 2024 (Easter + 50). */
  assert_due ("2024-04-20", FALSE, FALSE, "2024-05-21");
  /* Easter Monday 2025 is 21 April; Ascension 29 May; Whit Monday 9 June. */
  assert_due ("2025-03-21", FALSE, FALSE, "2025-04-22");
  assert_due ("2025-04-29", FALSE, FALSE, "2025-05-30");
  assert_due ("2025-05-09", FALSE, FALSE, "2025-06-10");
}

static void
test_fixed_holidays (void)
{
  /* 1 January 2025 is a Wednesday. */
  assert_due ("2024-12-01", FALSE, FALSE, "2025-01-02");
  /* 8 May 2025 (Thu). */
  assert_due ("2025-04-08", FALSE, FALSE, "2025-05-09");
  /* 14 July 2025 is a Monday. */
  assert_due ("2025-06-14", FALSE, FALSE, "2025-07-15");
  /* 15 August 2025 is a Friday: then a weekend. */
  assert_due ("2025-07-15", FALSE, FALSE, "2025-08-18");
  /* 1 November 2024 is a Friday: then a weekend. */
  assert_due ("2024-10-01", FALSE, FALSE, "2024-11-04");
  /* 11 November 2025 is a Tuesday. */
  assert_due ("2025-10-11", FALSE, FALSE, "2025-11-12");
}

static void
test_christmas (void)
{
  /* 25 December 2024 is a Wednesday; 26 December is a working day
   * except in Alsace-Moselle. */
  assert_due ("2024-11-25", FALSE, FALSE, "2024-12-26");
  assert_due ("2024-11-25", FALSE, TRUE, "2024-12-27");
  assert_due ("2024-11-26", FALSE, FALSE, "2024-12-26");
  assert_due ("2024-11-26", FALSE, TRUE, "2024-12-27");
}

static void
test_good_friday (void)
{
  /* 29 February + 1 month = Good Friday, 29 March 2024. In Alsace-Moselle
   * the next working day is after the Easter weekend and Monday. */
  assert_due ("2024-02-29", FALSE, FALSE, "2024-03-29");
  assert_due ("2024-02-29", FALSE, TRUE, "2024-04-02");
  /* Good Friday 2025 is 18 April. */
  assert_due ("2025-03-18", FALSE, FALSE, "2025-04-18");
  assert_due ("2025-03-18", FALSE, TRUE, "2025-04-22");
}

static void
test_extension (void)
{
  /* Three months from 31 January 2024: 30 April (Tue). */
  assert_due ("2024-01-31", TRUE, FALSE, "2024-04-30");
  /* Three months from 31 March 2024: 30 June, a Sunday: 1 July. */
  assert_due ("2024-03-31", TRUE, FALSE, "2024-07-01");
  /* Three months from 1 February 2024: 1 May, a holiday: 2 May. */
  assert_due ("2024-02-01", TRUE, FALSE, "2024-05-02");
  /* Across the year end: 30 November 2024 + 3 = 28 February 2025 (Fri). */
  assert_due ("2024-11-30", TRUE, FALSE, "2025-02-28");
}

static void
test_add_months (void)
{
  g_autofree char *text = NULL;
  GDate from;
  GDate out;

  /* 31 August 2024 + 6 months: 28 February 2025, a Friday. */
  date_from_iso ("2024-08-31", &from);
  dpo_deadline_add_months (&from, 6, FALSE, &out);
  text = dpo_date_to_iso (&out);
  g_assert_cmpstr (text, ==, "2025-02-28");

  /* Zero months only rolls forward: Saturday 15 June 2024 to Monday 17. */
  g_clear_pointer (&text, g_free);
  date_from_iso ("2024-06-15", &from);
  dpo_deadline_add_months (&from, 0, FALSE, &out);
  text = dpo_date_to_iso (&out);
  g_assert_cmpstr (text, ==, "2024-06-17");
}

/* Every holiday of @year, as "MM-DD" separated by spaces. */
static char *
list_holidays (GDateYear year,
               gboolean  alsace_moselle)
{
  GString *list = g_string_new (NULL);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
  for (; g_date_get_year (&date) == year; g_date_add_days (&date, 1))
    {
      if (dpo_date_is_public_holiday (&date, alsace_moselle))
        g_string_append_printf (list, "%s%02d-%02d", list->len ? " " : "",
                                g_date_get_month (&date), g_date_get_day (&date));
    }

  return g_string_free (list, FALSE);
}

static void
test_holidays_2024 (void)
{
  g_autofree char *national = list_holidays (2024, FALSE);
  g_autofree char *alsace = list_holidays (2024, TRUE);

  g_assert_cmpstr (national, ==,
                   "01-01 04-01 05-01 05-08 05-09 05-20 07-14 08-15 11-01 11-11 12-25");
  g_assert_cmpstr (alsace, ==,
                   "01-01 03-29 04-01 05-01 05-08 05-09 05-20 07-14 08-15 11-01 11-11 12-25 12-26");
}

static void
test_holidays_2025 (void)
{
  g_autofree char *national = list_holidays (2025, FALSE);

  g_assert_cmpstr (national, ==,
                   "01-01 04-21 05-01 05-08 05-29 06-09 07-14 08-15 11-01 11-11 12-25");
}

static void
assert_easter_monday (const char *monday)
{
  GDate date;
  GDate sunday;

  date_from_iso (monday, &date);
  g_assert_true (dpo_date_is_public_holiday (&date, FALSE));
  sunday = date;
  g_date_subtract_days (&sunday, 1);
  g_assert_cmpint (g_date_get_weekday (&sunday), ==, G_DATE_SUNDAY);
}

static void
test_easter_years (void)
{
  /* Known Easter Sundays: 23 Apr 2000, 23 Mar 2008 (early), 21 Apr 2019,
   * 25 Apr 2038 (the latest possible), 22 Mar 2285 (the earliest). */
  assert_easter_monday ("2000-04-24");
  assert_easter_monday ("2008-03-24");
  assert_easter_monday ("2019-04-22");
  assert_easter_monday ("2038-04-26");
  assert_easter_monday ("2285-03-23");
}

static void
test_working_day (void)
{
  GDate date;

  date_from_iso ("2024-06-15", &date);   /* Saturday */
  g_assert_false (dpo_date_is_working_day (&date, FALSE));
  date_from_iso ("2024-06-16", &date);   /* Sunday */
  g_assert_false (dpo_date_is_working_day (&date, FALSE));
  date_from_iso ("2024-06-17", &date);   /* Monday */
  g_assert_true (dpo_date_is_working_day (&date, FALSE));
  date_from_iso ("2024-05-09", &date);   /* Ascension */
  g_assert_false (dpo_date_is_working_day (&date, FALSE));
  date_from_iso ("2024-12-26", &date);   /* Thursday */
  g_assert_true (dpo_date_is_working_day (&date, FALSE));
  g_assert_false (dpo_date_is_working_day (&date, TRUE));
}

static GDateTime *
parse_time (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDateTime *time = dpo_time_parse (text, &error);

  g_assert_no_error (error);
  return time;
}

static void
assert_cnil_deadline (const char *aware,
                      const char *expected_local)
{
  g_autoptr(GDateTime) aware_at = parse_time (aware);
  g_autoptr(GDateTime) deadline = dpo_cnil_deadline (aware_at);
  g_autofree char *local = dpo_time_to_iso_local (deadline);

  g_assert_cmpstr (local, ==, expected_local);
  g_assert_cmpint (g_date_time_difference (deadline, aware_at), ==,
                   72 * G_TIME_SPAN_HOUR);
}

static void
test_cnil_deadline (void)
{
  /* No change of clock: same wall time three days later. */
  assert_cnil_deadline ("2024-01-29T10:00:00+01:00", "2024-02-01T10:00:00+01:00");
  /* Clocks go forward on 31 March 2024: 72 hours later the wall clock
   * reads one hour more. */
  assert_cnil_deadline ("2024-03-29T12:00:00+01:00", "2024-04-01T13:00:00+02:00");
  /* Clocks go back on 27 October 2024: one hour less. */
  assert_cnil_deadline ("2024-10-25T12:00:00+02:00", "2024-10-28T11:00:00+01:00");
}

static DpoCnilStatus
status_at (const char *risk,
           const char *notified,
           const char *now)
{
  g_autoptr(GDateTime) aware_at = parse_time ("2024-01-29T10:00:00+01:00");
  g_autoptr(GDateTime) notified_at = notified ? parse_time (notified) : NULL;
  g_autoptr(GDateTime) now_time = parse_time (now);

  return dpo_cnil_status (risk, aware_at, notified_at, now_time);
}

static void
test_cnil_status (void)
{
  /* Aware 29 January 2024 at 10:00 in Paris: deadline 1 February 10:00. */
  const char *before = "2024-01-31T10:00:00+01:00";
  const char *deadline = "2024-02-01T10:00:00+01:00";
  const char *after = "2024-02-01T10:00:01+01:00";

  g_assert_cmpint (status_at ("none", NULL, after), ==, DPO_CNIL_NOT_REQUIRED);
  g_assert_cmpint (status_at ("none", before, after), ==, DPO_CNIL_NOT_REQUIRED);
  g_assert_cmpint (status_at ("risk", NULL, before), ==, DPO_CNIL_PENDING);
  g_assert_cmpint (status_at ("risk", NULL, deadline), ==, DPO_CNIL_PENDING);
  g_assert_cmpint (status_at ("high", NULL, after), ==, DPO_CNIL_OVERDUE);
  g_assert_cmpint (status_at ("high", before, after), ==, DPO_CNIL_ON_TIME);
  /* Exactly at the deadline is on time, in any offset. */
  g_assert_cmpint (status_at ("high", deadline, after), ==, DPO_CNIL_ON_TIME);
  g_assert_cmpint (status_at ("high", "2024-02-01T09:00:00Z", after), ==,
                   DPO_CNIL_ON_TIME);
  g_assert_cmpint (status_at ("high", after, after), ==, DPO_CNIL_LATE);
  /* Once notified, "now" no longer matters. */
  g_assert_cmpint (status_at ("risk", after, before), ==, DPO_CNIL_LATE);
}

static void
test_cnil_required (void)
{
  g_assert_false (dpo_cnil_required ("none"));
  g_assert_true (dpo_cnil_required ("risk"));
  g_assert_true (dpo_cnil_required ("high"));
  g_assert_true (dpo_cnil_required (NULL));
}

static void
test_cnil_status_words (void)
{
  g_assert_cmpstr (dpo_cnil_status_to_word (DPO_CNIL_NOT_REQUIRED), ==, "not_required");
  g_assert_cmpstr (dpo_cnil_status_to_word (DPO_CNIL_PENDING), ==, "pending");
  g_assert_cmpstr (dpo_cnil_status_to_word (DPO_CNIL_OVERDUE), ==, "overdue");
  g_assert_cmpstr (dpo_cnil_status_to_word (DPO_CNIL_ON_TIME), ==, "on_time");
  g_assert_cmpstr (dpo_cnil_status_to_word (DPO_CNIL_LATE), ==, "late");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deadline/due/same-day-number", test_same_day_number);
  g_test_add_func ("/deadline/due/end-of-month", test_end_of_month);
  g_test_add_func ("/deadline/due/weekend", test_weekend);
  g_test_add_func ("/deadline/due/easter-holidays", test_easter_holidays);
  g_test_add_func ("/deadline/due/fixed-holidays", test_fixed_holidays);
  g_test_add_func ("/deadline/due/christmas", test_christmas);
  g_test_add_func ("/deadline/due/good-friday", test_good_friday);
  g_test_add_func ("/deadline/due/extension", test_extension);
  g_test_add_func ("/deadline/add-months", test_add_months);
  g_test_add_func ("/deadline/holidays/2024", test_holidays_2024);
  g_test_add_func ("/deadline/holidays/2025", test_holidays_2025);
  g_test_add_func ("/deadline/holidays/easter-years", test_easter_years);
  g_test_add_func ("/deadline/working-day", test_working_day);
  g_test_add_func ("/deadline/cnil/deadline", test_cnil_deadline);
  g_test_add_func ("/deadline/cnil/status", test_cnil_status);
  g_test_add_func ("/deadline/cnil/required", test_cnil_required);
  g_test_add_func ("/deadline/cnil/status-words", test_cnil_status_words);

  return g_test_run ();
}
