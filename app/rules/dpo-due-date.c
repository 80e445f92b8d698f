/* dpo-due-date.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-due-date.h"

/* Easter Sunday of @year, by the anonymous Gregorian algorithm (Meeus,
 * Jones, Butcher). */
static void
easter_sunday (GDateYear  year,
               GDate     *out)
{
  guint a = year % 19;
  guint b = year / 100;
  guint c = year % 100;
  guint d = b / 4;
  guint e = b % 4;
  guint f = (b + 8) / 25;
  guint g = (b - f + 1) / 3;
  guint h = (19 * a + b - d - g + 15) % 30;
  guint i = c / 4;
  guint k = c % 4;
  guint l = (32 + 2 * e + 2 * i - h - k) % 7;
  guint m = (a + 11 * h + 22 * l) / 451;
  guint month = (h + l - 7 * m + 114) / 31;
  guint day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

static DpoHoliday
fixed_holiday (const GDate *date)
{
  static const struct { GDateDay day; GDateMonth month; DpoHoliday holiday; } fixed[] = {
    { 1, G_DATE_JANUARY, DPO_HOLIDAY_NEW_YEAR },
    { 1, G_DATE_MAY, DPO_HOLIDAY_LABOUR_DAY },
    { 8, G_DATE_MAY, DPO_HOLIDAY_VICTORY_1945 },
    { 14, G_DATE_JULY, DPO_HOLIDAY_BASTILLE_DAY },
    { 15, G_DATE_AUGUST, DPO_HOLIDAY_ASSUMPTION },
    { 1, G_DATE_NOVEMBER, DPO_HOLIDAY_ALL_SAINTS },
    { 11, G_DATE_NOVEMBER, DPO_HOLIDAY_ARMISTICE },
    { 25, G_DATE_DECEMBER, DPO_HOLIDAY_CHRISTMAS },
    /* Saint-Étienne, local law of Alsace-Moselle (Code du travail L3134-13). */
    { 26, G_DATE_DECEMBER, DPO_HOLIDAY_ST_STEPHEN },
  };
  GDateDay day = g_date_get_day (date);
  GDateMonth month = g_date_get_month (date);

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      if (fixed[i].day == day && fixed[i].month == month)
        return fixed[i].holiday;
    }
  return DPO_HOLIDAY_NONE;
}

static DpoHoliday
easter_holiday (const GDate *date)
{
  GDate easter;

  easter_sunday (g_date_get_year (date), &easter);
  switch (g_date_days_between (&easter, date))
    {
    case -2: return DPO_HOLIDAY_GOOD_FRIDAY;
    case 1: return DPO_HOLIDAY_EASTER_MONDAY;
    case 39: return DPO_HOLIDAY_ASCENSION;
    case 50: return DPO_HOLIDAY_WHIT_MONDAY;
    default: return DPO_HOLIDAY_NONE;
    }
}

gboolean
dpo_holiday_is_local (DpoHoliday holiday)
{
  return holiday == DPO_HOLIDAY_GOOD_FRIDAY || holiday == DPO_HOLIDAY_ST_STEPHEN;
}

DpoHoliday
dpo_date_get_holiday (const GDate *date,
                      gboolean     alsace_moselle)
{
  DpoHoliday holiday;

  g_return_val_if_fail (date != NULL, DPO_HOLIDAY_NONE);
  g_return_val_if_fail (g_date_valid (date), DPO_HOLIDAY_NONE);

  holiday = fixed_holiday (date);
  if (holiday == DPO_HOLIDAY_NONE)
    holiday = easter_holiday (date);
  if (dpo_holiday_is_local (holiday) && !alsace_moselle)
    return DPO_HOLIDAY_NONE;
  return holiday;
}

gboolean
dpo_date_is_public_holiday (const GDate *date,
                            gboolean     alsace_moselle)
{
  return dpo_date_get_holiday (date, alsace_moselle) != DPO_HOLIDAY_NONE;
}

/* Why no one works on @date: a DPO_DUE_STEP_SATURDAY, _SUNDAY or _HOLIDAY
 * step, or DPO_DUE_STEP_DUE for a working day. */
static DpoDueStepKind
day_off (const GDate *date,
         gboolean     alsace_moselle,
         DpoHoliday  *holiday)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  *holiday = DPO_HOLIDAY_NONE;
  if (weekday == G_DATE_SATURDAY)
    return DPO_DUE_STEP_SATURDAY;
  if (weekday == G_DATE_SUNDAY)
    return DPO_DUE_STEP_SUNDAY;
  *holiday = dpo_date_get_holiday (date, alsace_moselle);
  return *holiday != DPO_HOLIDAY_NONE ? DPO_DUE_STEP_HOLIDAY : DPO_DUE_STEP_DUE;
}

gboolean
dpo_date_is_working_day (const GDate *date,
                         gboolean     alsace_moselle)
{
  DpoHoliday holiday;

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  return day_off (date, alsace_moselle, &holiday) == DPO_DUE_STEP_DUE;
}

static void
add_step (GArray         *steps,
          DpoDueStepKind  kind,
          const GDate    *date,
          guint           months,
          GDateDay        missing_day,
          DpoHoliday      holiday)
{
  DpoDueStep step = { kind, *date, months, missing_day, holiday };

  if (steps != NULL)
    g_array_append_val (steps, step);
}

void
dpo_deadline_add_months_explained (const GDate *from,
                                   guint        months,
                                   gboolean     alsace_moselle,
                                   GArray      *steps,
                                   GDate       *out)
{
  DpoDueStepKind kind;
  DpoHoliday holiday;

  g_return_if_fail (from != NULL);
  g_return_if_fail (g_date_valid (from));
  g_return_if_fail (out != NULL);
  g_return_if_fail (steps == NULL || g_array_get_element_size (steps) == sizeof (DpoDueStep));

  add_step (steps, DPO_DUE_STEP_START, from, 0, 0, DPO_HOLIDAY_NONE);

  /* g_date_add_months() keeps the day number and, when the target month is
   * shorter, clamps it to that month's last day: exactly Art. 3(2)(c). */
  *out = *from;
  g_date_add_months (out, months);
  if (g_date_get_day (out) != g_date_get_day (from))
    add_step (steps, DPO_DUE_STEP_LAST_DAY, out, months, g_date_get_day (from), DPO_HOLIDAY_NONE);
  else
    add_step (steps, DPO_DUE_STEP_SAME_DAY, out, months, 0, DPO_HOLIDAY_NONE);

  /* Art. 3(4): a period ending on a holiday, Saturday or Sunday ends with
   * the following working day. */
  while ((kind = day_off (out, alsace_moselle, &holiday)) != DPO_DUE_STEP_DUE)
    {
      add_step (steps, kind, out, 0, 0, holiday);
      g_date_add_days (out, 1);
    }
  add_step (steps, DPO_DUE_STEP_DUE, out, 0, 0, DPO_HOLIDAY_NONE);
}

void
dpo_deadline_add_months (const GDate *from,
                         guint        months,
                         gboolean     alsace_moselle,
                         GDate       *out)
{
  dpo_deadline_add_months_explained (from, months, alsace_moselle, NULL, out);
}

/* GDPR Art. 12(3): one month, extendable by two further months. */
static guint
request_months (gboolean extended)
{
  return extended ? 3 : 1;
}

void
dpo_request_due_on (const GDate *received_on,
                    gboolean     extended,
                    gboolean     alsace_moselle,
                    GDate       *out)
{
  dpo_deadline_add_months (received_on, request_months (extended), alsace_moselle, out);
}

GArray *
dpo_request_explain_due (const GDate *received_on,
                         gboolean     extended,
                         gboolean     alsace_moselle)
{
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (DpoDueStep));
  GDate due;

  dpo_deadline_add_months_explained (received_on, request_months (extended),
                                     alsace_moselle, steps, &due);
  return steps;
}

GDateTime *
dpo_cnil_deadline (GDateTime *aware_at)
{
  g_return_val_if_fail (aware_at != NULL, NULL);

  GDateTime *deadline;

  /* GDateTime adds hours as elapsed time on the absolute time line, so a
   * daylight-saving change inside the 72 hours moves the wall clock, not the
   * instant. */
  deadline = g_date_time_add_hours (aware_at, DPO_CNIL_DELAY_HOURS);
  /* Awareness in the last three days of 9999 (UTC, the last year a time
   * may have): the deadline is the end of that year, not a NULL. */
  if (deadline == NULL)
    deadline = g_date_time_new_utc (9999, 12, 31, 23, 59, 59);
  return deadline;
}

gboolean
dpo_cnil_required (const char *risk)
{
  /* An unknown or missing risk assessment does not exempt anyone. */
  return dpo_enum_value (DPO_ENUM_RISK, risk) != DPO_RISK_NONE;
}

gboolean
dpo_people_must_be_informed (const char *risk)
{
  return dpo_enum_value (DPO_ENUM_RISK, risk) == DPO_RISK_HIGH;
}

DpoCnilStatus
dpo_cnil_status (const char *risk,
                 GDateTime  *aware_at,
                 GDateTime  *notified_at,
                 GDateTime  *now)
{
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) wall_clock = NULL;

  if (!dpo_cnil_required (risk))
    return DPO_CNIL_NOT_REQUIRED;

  g_return_val_if_fail (aware_at != NULL, DPO_CNIL_PENDING);

  deadline = dpo_cnil_deadline (aware_at);

  if (notified_at != NULL)
    return g_date_time_compare (notified_at, deadline) <= 0 ? DPO_CNIL_ON_TIME
                                                            : DPO_CNIL_LATE;

  if (now == NULL)
    now = wall_clock = g_date_time_new_now_utc ();

  return g_date_time_compare (now, deadline) > 0 ? DPO_CNIL_OVERDUE
                                                 : DPO_CNIL_PENDING;
}

const char *
dpo_cnil_status_to_word (DpoCnilStatus status)
{
  return dpo_enum_word (DPO_ENUM_CNIL_STATUS, status);
}
