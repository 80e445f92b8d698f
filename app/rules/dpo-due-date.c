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

static gboolean
is_fixed_holiday (const GDate *date,
                  gboolean     alsace_moselle)
{
  static const struct { GDateDay day; GDateMonth month; } national[] = {
    { 1, G_DATE_JANUARY },    /* Jour de l'an */
    { 1, G_DATE_MAY },        /* Fête du travail */
    { 8, G_DATE_MAY },        /* Victoire 1945 */
    { 14, G_DATE_JULY },      /* Fête nationale */
    { 15, G_DATE_AUGUST },    /* Assomption */
    { 1, G_DATE_NOVEMBER },   /* Toussaint */
    { 11, G_DATE_NOVEMBER },  /* Armistice */
    { 25, G_DATE_DECEMBER },  /* Noël */
  };
  GDateDay day = g_date_get_day (date);
  GDateMonth month = g_date_get_month (date);

  for (guint i = 0; i < G_N_ELEMENTS (national); i++)
    {
      if (national[i].day == day && national[i].month == month)
        return TRUE;
    }

  /* Saint-Étienne, local law of Alsace-Moselle (Code du travail L3134-13). */
  return alsace_moselle && day == 26 && month == G_DATE_DECEMBER;
}

static gboolean
is_easter_holiday (const GDate *date,
                   gboolean     alsace_moselle)
{
  GDate easter;
  int days_after;

  easter_sunday (g_date_get_year (date), &easter);
  days_after = g_date_days_between (&easter, date);

  /* Easter Monday, Ascension Thursday, Whit Monday; Good Friday only in
   * Alsace-Moselle. */
  return days_after == 1 || days_after == 39 || days_after == 50 ||
         (alsace_moselle && days_after == -2);
}

gboolean
dpo_date_is_public_holiday (const GDate *date,
                            gboolean     alsace_moselle)
{
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  return is_fixed_holiday (date, alsace_moselle) ||
         is_easter_holiday (date, alsace_moselle);
}

gboolean
dpo_date_is_working_day (const GDate *date,
                         gboolean     alsace_moselle)
{
  GDateWeekday weekday;

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  weekday = g_date_get_weekday (date);
  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    return FALSE;

  return !dpo_date_is_public_holiday (date, alsace_moselle);
}

void
dpo_deadline_add_months (const GDate *from,
                         guint        months,
                         gboolean     alsace_moselle,
                         GDate       *out)
{
  g_return_if_fail (from != NULL);
  g_return_if_fail (g_date_valid (from));
  g_return_if_fail (out != NULL);

  /* g_date_add_months() keeps the day number and, when the target month is
   * shorter, clamps it to that month's last day: exactly Art. 3(2)(c). */
  *out = *from;
  g_date_add_months (out, months);

  /* Art. 3(4): a period ending on a holiday, Saturday or Sunday ends with
   * the following working day. */
  while (!dpo_date_is_working_day (out, alsace_moselle))
    g_date_add_days (out, 1);
}

void
dpo_request_due_on (const GDate *received_on,
                    gboolean     extended,
                    gboolean     alsace_moselle,
                    GDate       *out)
{
  /* GDPR Art. 12(3): one month, extendable by two further months. */
  dpo_deadline_add_months (received_on, extended ? 3 : 1, alsace_moselle, out);
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
