/* dpo-due-date-explain.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-due-date.h"
#include "dpo-time.h"

/* The steps that dpo_deadline_add_months_explained() records, in words.
 * Nothing here computes a date: it only says what the computation did. */

const char *
dpo_holiday_get_name (DpoHoliday holiday)
{
  switch (holiday)
    {
    case DPO_HOLIDAY_NONE: return "";
    case DPO_HOLIDAY_NEW_YEAR: return _("New Year’s Day");
    case DPO_HOLIDAY_GOOD_FRIDAY: return _("Good Friday");
    case DPO_HOLIDAY_EASTER_MONDAY: return _("Easter Monday");
    case DPO_HOLIDAY_LABOUR_DAY: return _("Labour Day");
    case DPO_HOLIDAY_VICTORY_1945: return _("Victory Day (8 May 1945)");
    case DPO_HOLIDAY_ASCENSION: return _("Ascension Day");
    case DPO_HOLIDAY_WHIT_MONDAY: return _("Whit Monday");
    case DPO_HOLIDAY_BASTILLE_DAY: return _("Bastille Day");
    case DPO_HOLIDAY_ASSUMPTION: return _("Assumption Day");
    case DPO_HOLIDAY_ALL_SAINTS: return _("All Saints’ Day");
    case DPO_HOLIDAY_ARMISTICE: return _("Armistice Day");
    case DPO_HOLIDAY_CHRISTMAS: return _("Christmas Day");
    case DPO_HOLIDAY_ST_STEPHEN: return _("St Stephen’s Day");
    default: g_return_val_if_reached ("");
    }
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  char buffer[256];

  if (g_date_strftime (buffer, sizeof buffer, format, date) == 0)
    return dpo_date_to_iso (date);
  return g_strdup (buffer);
}

char *
dpo_date_format_long (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* French writes the first of the month "1er". */
  if (g_date_get_day (date) == 1)
    return format_date (date, C_("long date, first day of a month", "%A %-d %B %Y"));
  return format_date (date, C_("long date", "%A %-d %B %Y"));
}

/* Only days 29, 30 and 31 can be missing from a month. */
static const char *
missing_day_words (GDateDay day)
{
  switch (day)
    {
    case 29: return C_("a month has no…", "29th");
    case 30: return C_("a month has no…", "30th");
    default: return C_("a month has no…", "31st");
    }
}

static char *
months_later (guint months)
{
  if (months == 1)
    return g_strdup (_("one month later"));
  if (months == 3)
    return g_strdup (_("three months later, with the extension"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month later", "%u months later", months),
                          months);
}

static char *
describe_month_step (const DpoDueStep *step)
{
  g_autofree char *later = months_later (step->months);
  g_autofree char *date = dpo_date_format_long (&step->date);
  g_autofree char *month = NULL;

  if (step->kind == DPO_DUE_STEP_SAME_DAY)
    /* TRANSLATORS: "one month later: Saturday 9 March 2024" */
    return g_strdup_printf (C_("due date step", "%s: %s"), later, date);

  month = format_date (&step->date, C_("month name alone", "%B"));
  /* TRANSLATORS: "one month later: February has no 31st, so its last day:
   * Thursday 29 February 2024" */
  return g_strdup_printf (_("%s: %s has no %s, so its last day: %s"),
                          later, month, missing_day_words (step->missing_day), date);
}

/* The first day skipped is the one the months led to, just named: say why,
 * and that the next working day follows. */
static char *
describe_first_day_off (const DpoDueStep *step)
{
  const char *name = dpo_holiday_get_name (step->holiday);

  switch (step->kind)
    {
    case DPO_DUE_STEP_SATURDAY:
      return g_strdup (_("a Saturday, so the next working day"));
    case DPO_DUE_STEP_SUNDAY:
      return g_strdup (_("a Sunday, so the next working day"));
    default:
      if (dpo_holiday_is_local (step->holiday))
        return g_strdup_printf (_("%s, a public holiday in Alsace-Moselle, so the next working day"),
                                name);
      return g_strdup_printf (_("%s, a public holiday, so the next working day"), name);
    }
}

/* A later day off: a Saturday starts a weekend (its Sunday goes without
 * saying); a holiday is named with its date. */
static char *
describe_next_day_off (const DpoDueStep *step)
{
  g_autofree char *date = NULL;
  const char *name = dpo_holiday_get_name (step->holiday);

  switch (step->kind)
    {
    case DPO_DUE_STEP_SATURDAY:
      return g_strdup (_("then a weekend"));
    case DPO_DUE_STEP_SUNDAY:
      return NULL;
    default:
      date = dpo_date_format_long (&step->date);
      if (dpo_holiday_is_local (step->holiday))
        /* TRANSLATORS: "Friday 26 December 2025 is St Stephen’s Day, a public holiday in ..." */
        return g_strdup_printf (_("%s is %s, a public holiday in Alsace-Moselle"), date, name);
      /* TRANSLATORS: "Monday 1 April 2024 is Easter Monday, a public holiday" */
      return g_strdup_printf (_("%s is %s, a public holiday"), date, name);
    }
}

static char *
describe_step (const DpoDueStep *step,
               const DpoDueStep *previous)
{
  g_autofree char *date = NULL;

  switch (step->kind)
    {
    case DPO_DUE_STEP_START:
      date = dpo_date_format_long (&step->date);
      /* TRANSLATORS: "received Friday 9 February 2024" (the request) */
      return g_strdup_printf (_("received %s"), date);
    case DPO_DUE_STEP_SAME_DAY:
    case DPO_DUE_STEP_LAST_DAY:
      return describe_month_step (step);
    case DPO_DUE_STEP_SATURDAY:
    case DPO_DUE_STEP_SUNDAY:
    case DPO_DUE_STEP_HOLIDAY:
      if (previous != NULL &&
          (previous->kind == DPO_DUE_STEP_SAME_DAY || previous->kind == DPO_DUE_STEP_LAST_DAY))
        return describe_first_day_off (step);
      return describe_next_day_off (step);
    case DPO_DUE_STEP_DUE:
      date = dpo_date_format_long (&step->date);
      /* TRANSLATORS: "due Monday 11 March 2024" */
      return g_strdup_printf (_("due %s"), date);
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

char **
dpo_due_steps_describe (const GArray *steps)
{
  GPtrArray *phrases;

  g_return_val_if_fail (steps != NULL, NULL);

  phrases = g_ptr_array_new_full (steps->len + 1, g_free);
  for (guint i = 0; i < steps->len; i++)
    {
      char *phrase = describe_step (&g_array_index (steps, DpoDueStep, i),
                                    i > 0 ? &g_array_index (steps, DpoDueStep, i - 1) : NULL);

      if (phrase != NULL)
        g_ptr_array_add (phrases, phrase);
    }
  g_ptr_array_add (phrases, NULL);
  return (char **) g_ptr_array_free (phrases, FALSE);
}

char *
dpo_due_steps_to_text (const GArray *steps)
{
  g_auto(GStrv) phrases = dpo_due_steps_describe (steps);

  return g_strjoinv (" → ", phrases);
}
