/* test-time.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with TZ=Europe/Paris (the meson test environment sets it).
 */

#include <locale.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-time.h"

static GDateTime *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDateTime *time = dpo_time_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (time);
  return time;
}

static void
assert_storage (const char *text,
                const char *expected)
{
  g_autoptr(GDateTime) time = parse_ok (text);
  g_autofree char *stored = dpo_time_to_storage (time);

  g_assert_cmpstr (stored, ==, expected);
}

static void
assert_rejected (const char *text,
                 const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = dpo_time_parse (text, &error);

  g_assert_null (time);
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s”: message “%s” does not mention “%s”",
             text, error->message, needle);
}

static void
test_parse_offsets (void)
{
  assert_storage ("2024-01-29T10:00:00+01:00", "2024-01-29T09:00:00Z");
  assert_storage ("2024-01-29T09:00:00Z", "2024-01-29T09:00:00Z");
  assert_storage ("2024-01-29T09:00:00z", "2024-01-29T09:00:00Z");
  assert_storage ("2024-07-14T12:00:00+02:00", "2024-07-14T10:00:00Z");
  assert_storage ("2024-01-29T10:00:00+0100", "2024-01-29T09:00:00Z");
  assert_storage ("2024-01-29T10:00:00+01", "2024-01-29T09:00:00Z");
  assert_storage ("2024-01-29T04:30:00-04:30", "2024-01-29T09:00:00Z");
  /* Seconds may be left out; fractions are dropped from storage. */
  assert_storage ("2024-03-29T12:00+01:00", "2024-03-29T11:00:00Z");
  assert_storage ("2024-01-29T10:00:00.999+01:00", "2024-01-29T09:00:00Z");
  /* The offset moves the date across midnight and a year end. */
  assert_storage ("2025-01-01T00:30:00+01:00", "2024-12-31T23:30:00Z");
}

static void
test_parse_fraction (void)
{
  g_autoptr(GDateTime) time = parse_ok ("2024-01-29T10:00:00.123456+01:00");

  g_assert_cmpint (g_date_time_get_microsecond (time), ==, 123456);
}

static void
test_leap_day (void)
{
  assert_storage ("2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z");
  assert_storage ("2000-02-29T12:00:00Z", "2000-02-29T12:00:00Z");
}

static void
test_rejects_impossible (void)
{
  assert_rejected ("2024-02-30T10:00:00+01:00", "real");
  assert_rejected ("2023-02-29T10:00:00+01:00", "real");
  assert_rejected ("1900-02-29T10:00:00+01:00", "real");
  assert_rejected ("2024-13-01T10:00:00+01:00", "real");
  assert_rejected ("2024-00-10T10:00:00+01:00", "real");
  assert_rejected ("2024-04-31T10:00:00+01:00", "real");
  assert_rejected ("2024-01-29T24:00:00+01:00", "real");
  assert_rejected ("2024-01-29T10:60:00+01:00", "real");
  assert_rejected ("2024-01-29T10:00:60+01:00", "real");
  assert_rejected ("0000-01-01T10:00:00Z", "real");
}

static void
test_rejects_missing_offset (void)
{
  assert_rejected ("2024-01-29T10:00:00", "time zone");
  assert_rejected ("2024-01-29T10:00", "time zone");
  assert_rejected ("2024-01-29T10:00:00.5", "time zone");
}

static void
test_rejects_garbage (void)
{
  assert_rejected ("", NULL);
  assert_rejected ("yesterday", "2024-01-29T10:00:00+01:00");
  assert_rejected ("2024-01-29", NULL);
  assert_rejected ("2024-01-29 10:00:00+01:00", NULL);
  assert_rejected ("2024-01-29T10:00:00+01:00 ", NULL);
  assert_rejected ("2024-01-29T10:00:00+01:00junk", NULL);
  assert_rejected ("2024-01-29T10:00:00Zjunk", NULL);
  assert_rejected ("2024-01-29T10:00:00+25:00", NULL);
  assert_rejected ("2024-01-29T10:00:00+01:0", NULL);
  assert_rejected ("2024-01-29T10:00:00.+01:00", NULL);
  assert_rejected ("2024-1-29T10:00:00+01:00", NULL);
  assert_rejected ("2024-W05-1T10:00:00+01:00", NULL);
  assert_rejected ("2024-029T10:00:00+01:00", NULL);
  assert_rejected ("20240129T100000+0100", NULL);
}

static void
test_storage_round_trip (void)
{
  const char *stored[] = {
    "2024-01-29T09:00:00Z",
    "2024-03-31T01:00:00Z",   /* the DST change in Paris */
    "2024-10-27T01:00:00Z",
    "0999-12-31T23:59:59Z",   /* years before 1000 stay 4 digits */
  };

  for (guint i = 0; i < G_N_ELEMENTS (stored); i++)
    {
      g_autoptr(GDateTime) time = dpo_time_from_storage (stored[i]);
      g_autofree char *again = NULL;

      g_assert_nonnull (time);
      again = dpo_time_to_storage (time);
      g_assert_cmpstr (again, ==, stored[i]);
    }

  g_assert_null (dpo_time_from_storage (NULL));
  g_assert_null (dpo_time_from_storage ("not a time"));
  g_assert_null (dpo_time_from_storage ("2024-02-30T09:00:00Z"));
}

static void
assert_iso_local (const char *text,
                  const char *expected)
{
  g_autoptr(GDateTime) time = parse_ok (text);
  g_autofree char *local = dpo_time_to_iso_local (time);

  g_assert_cmpstr (local, ==, expected);
}

static void
test_iso_local (void)
{
  /* Paris is UTC+1 in winter, UTC+2 in summer. */
  assert_iso_local ("2024-01-29T09:00:00Z", "2024-01-29T10:00:00+01:00");
  assert_iso_local ("2024-07-14T10:00:00Z", "2024-07-14T12:00:00+02:00");
  assert_iso_local ("2024-07-14T08:00:00-02:00", "2024-07-14T12:00:00+02:00");
  /* Either side of the change on 31 March 2024 at 01:00 UTC. */
  assert_iso_local ("2024-03-31T00:59:59Z", "2024-03-31T01:59:59+01:00");
  assert_iso_local ("2024-03-31T01:00:00Z", "2024-03-31T03:00:00+02:00");
  /* And on 27 October 2024 at 01:00 UTC: 02:30 happens twice. */
  assert_iso_local ("2024-10-27T00:30:00Z", "2024-10-27T02:30:00+02:00");
  assert_iso_local ("2024-10-27T01:30:00Z", "2024-10-27T02:30:00+01:00");
}

static void
test_format_display (void)
{
  g_autoptr(GDateTime) time = parse_ok ("2024-01-29T09:05:00Z");
  g_autofree char *shown = dpo_time_format_display (time);

  /* The date part follows the locale; the clock is local time. */
  g_assert_nonnull (strstr (shown, "29"));
  g_assert_nonnull (strstr (shown, "10:05"));
}

static void
assert_date (const char *text,
             int         year,
             int         month,
             int         day)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  GDate date;

  g_assert_true (dpo_date_parse (text, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&date), ==, year);
  g_assert_cmpint (g_date_get_month (&date), ==, month);
  g_assert_cmpint (g_date_get_day (&date), ==, day);

  iso = dpo_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, text);
}

static void
assert_date_rejected (const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (dpo_date_parse (text, NULL, &error));
  g_assert_error (error, DPO_ERROR, DPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, text));
}

static void
test_date_parse (void)
{
  assert_date ("2024-01-29", 2024, 1, 29);
  assert_date ("2024-02-29", 2024, 2, 29);
  assert_date ("2000-02-29", 2000, 2, 29);
  assert_date ("1980-05-01", 1980, 5, 1);
  assert_date ("2024-12-31", 2024, 12, 31);

  assert_date_rejected ("2024-02-30");
  assert_date_rejected ("2023-02-29");
  assert_date_rejected ("1900-02-29");
  assert_date_rejected ("2024-13-01");
  assert_date_rejected ("2024-04-31");
  assert_date_rejected ("0000-01-01");
  assert_date_rejected ("2024-1-29");
  assert_date_rejected ("29/01/2024");
  assert_date_rejected ("2024-01-29T10:00:00Z");
  assert_date_rejected ("2024-01-29 ");
  assert_date_rejected ("");
}

static void
assert_local_date (const char *text,
                   const char *expected)
{
  g_autoptr(GDateTime) time = parse_ok (text);
  g_autofree char *iso = NULL;
  GDate date;

  dpo_time_get_local_date (time, &date);
  iso = dpo_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_local_date (void)
{
  /* Near midnight UTC the Paris date is already the next day. */
  assert_local_date ("2024-01-29T22:59:59Z", "2024-01-29");
  assert_local_date ("2024-01-29T23:00:00Z", "2024-01-30");
  assert_local_date ("2024-01-29T23:30:00Z", "2024-01-30");
  assert_local_date ("2024-06-30T21:59:59Z", "2024-06-30");
  assert_local_date ("2024-06-30T22:30:00Z", "2024-07-01");
  assert_local_date ("2024-12-31T23:30:00Z", "2025-01-01");
  /* A request received at 00:30 in Paris is received that day. */
  assert_local_date ("2024-03-31T00:30:00+01:00", "2024-03-31");
}

static void
assert_end_of_day (const char *date_text,
                   const char *expected_storage,
                   const char *expected_local)
{
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *local = NULL;
  GDate date;

  g_assert_true (dpo_date_parse (date_text, &date, NULL));
  end = dpo_time_end_of_local_day (&date);
  stored = dpo_time_to_storage (end);
  local = dpo_time_to_iso_local (end);
  g_assert_cmpstr (stored, ==, expected_storage);
  g_assert_cmpstr (local, ==, expected_local);
}

static void
test_end_of_local_day (void)
{
  assert_end_of_day ("2024-12-31", "2024-12-31T22:59:59Z", "2024-12-31T23:59:59+01:00");
  assert_end_of_day ("2024-07-01", "2024-07-01T21:59:59Z", "2024-07-01T23:59:59+02:00");
  /* The day the clocks go forward is 23 hours long, but ends at 23:59:59. */
  assert_end_of_day ("2024-03-31", "2024-03-31T21:59:59Z", "2024-03-31T23:59:59+02:00");
  assert_end_of_day ("2024-10-27", "2024-10-27T22:59:59Z", "2024-10-27T23:59:59+01:00");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/parse/offsets", test_parse_offsets);
  g_test_add_func ("/time/parse/fraction", test_parse_fraction);
  g_test_add_func ("/time/parse/leap-day", test_leap_day);
  g_test_add_func ("/time/parse/rejects-impossible", test_rejects_impossible);
  g_test_add_func ("/time/parse/rejects-missing-offset", test_rejects_missing_offset);
  g_test_add_func ("/time/parse/rejects-garbage", test_rejects_garbage);
  g_test_add_func ("/time/storage/round-trip", test_storage_round_trip);
  g_test_add_func ("/time/iso-local", test_iso_local);
  g_test_add_func ("/time/format-display", test_format_display);
  g_test_add_func ("/time/date/parse", test_date_parse);
  g_test_add_func ("/time/date/local-date", test_local_date);
  g_test_add_func ("/time/date/end-of-local-day", test_end_of_local_day);

  return g_test_run ();
}
