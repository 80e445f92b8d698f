/* dpo-time-input.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-text-cut.h"
#include "dpo-time.h"
#include "dpo-time-input.h"

/* How the locale writes a date: which field comes first, second, third
 * ('d', 'm', 'y'), the separator, and whether its clock counts to 12. */
typedef struct
{
  char     order[3];
  char     separator;
  gboolean twelve_hour;
  char     am[16];
  char     pm[16];
} Form;

static gboolean
is_c_locale (void)
{
  const char *name = setlocale (LC_TIME, NULL);

  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX") ||
         g_str_has_prefix (name, "C.");
}

/* Read from nl_langinfo() each time: a test (or the user) may switch the
 * locale, and this runs once per field typed, not per row. */
static void
get_form (Form *form)
{
  const char *d_fmt;
  const char *t_fmt;
  guint n = 0;

  memset (form, 0, sizeof *form);
  if (is_c_locale ())
    {
      /* The C locale's %m/%d/%y has a two-digit year: ISO instead. */
      memcpy (form->order, "ymd", 3);
      form->separator = '-';
      return;
    }

  d_fmt = nl_langinfo (D_FMT);
  for (const char *p = d_fmt; *p != '\0' && n < 3; p++)
    {
      if (*p != '%')
        {
          if (n > 0 && form->separator == '\0' && !g_ascii_isalnum (*p))
            form->separator = *p;
          continue;
        }
      p++;
      while (*p == '-' || *p == '_' || *p == '0' || *p == 'E' || *p == 'O')
        p++;
      if (*p == 'd' || *p == 'e')
        form->order[n++] = 'd';
      else if (*p == 'm')
        form->order[n++] = 'm';
      else if (*p == 'y' || *p == 'Y')
        form->order[n++] = 'y';
      else if (*p == 'F')
        {
          memcpy (form->order, "ymd", 3);
          form->separator = '-';
          n = 3;
        }
      else if (*p == '\0')
        break;
    }
  if (n != 3 || form->separator == '\0')
    {
      memcpy (form->order, "ymd", 3);
      form->separator = '-';
    }

  t_fmt = nl_langinfo (T_FMT);
  g_strlcpy (form->am, nl_langinfo (AM_STR), sizeof form->am);
  g_strlcpy (form->pm, nl_langinfo (PM_STR), sizeof form->pm);
  form->twelve_hour = form->am[0] != '\0' && form->pm[0] != '\0' &&
                      (strstr (t_fmt, "%I") != NULL || strstr (t_fmt, "%l") != NULL ||
                       strstr (t_fmt, "%r") != NULL);
}

static char *
format_date_fields (const Form *form,
                    int         year,
                    int         month,
                    int         day)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 3; i++)
    {
      if (i > 0)
        g_string_append_c (text, form->separator);
      if (form->order[i] == 'y')
        g_string_append_printf (text, "%04d", year);
      else
        g_string_append_printf (text, "%02d", form->order[i] == 'm' ? month : day);
    }
  return g_string_free (text, FALSE);
}

static char *
format_fields (const Form *form,
               int         year,
               int         month,
               int         day,
               int         hour,
               int         minute)
{
  g_autofree char *date = format_date_fields (form, year, month, day);

  if (!form->twelve_hour)
    return g_strdup_printf ("%s %02d:%02d", date, hour, minute);

  /* 12:30 AM is half past midnight, 12:30 PM half past noon. */
  return g_strdup_printf ("%s %d:%02d %s", date,
                          hour % 12 == 0 ? 12 : hour % 12, minute,
                          hour < 12 ? form->am : form->pm);
}

char *
dpo_time_input_example (gboolean with_time)
{
  Form form;

  get_form (&form);
  return with_time ? format_fields (&form, 2026, 11, 29, 10, 0)
                   : format_date_fields (&form, 2026, 11, 29);
}

char *
dpo_time_input_format_date (const GDate *date)
{
  Form form;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  get_form (&form);
  return format_date_fields (&form, g_date_get_year (date), g_date_get_month (date),
                             g_date_get_day (date));
}

char *
dpo_time_input_format (GDateTime *time)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;
  Form form;

  if (time == NULL)
    return g_strdup ("");

  get_form (&form);
  zone = dpo_time_dup_local_zone ();
  local = g_date_time_to_timezone (time, zone);
  if (local == NULL)
    local = g_date_time_to_utc (time);
  return format_fields (&form,
                        g_date_time_get_year (local),
                        g_date_time_get_month (local),
                        g_date_time_get_day_of_month (local),
                        g_date_time_get_hour (local),
                        g_date_time_get_minute (local));
}

/* Reads 1..@max digits; exactly @max when @exact. */
static gboolean
read_number (const char **p,
             guint        max,
             gboolean     exact,
             int         *out)
{
  guint n = 0;
  int value = 0;

  while (n < max && g_ascii_isdigit ((*p)[n]))
    {
      value = value * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n == 0 || (exact && n != max) || g_ascii_isdigit ((*p)[n]))
    return FALSE;
  *p += n;
  *out = value;
  return TRUE;
}

typedef struct
{
  int year, month, day, hour, minute, second;
} Fields;

/* ISO "2026-11-29", or the locale's order with its separator (or any of
 * "/", ".", "-": people type 29.11.2026 or 29-11-2026 too). The year always
 * has four digits: "29/11/26" could be 1926. */
static gboolean
read_date (const char **p,
           const Form  *form,
           Fields      *f)
{
  const char *start = *p;
  const char *q = start;
  char separator;

  if (read_number (&q, 4, TRUE, &f->year) && *q == '-' &&
      (q++, read_number (&q, 2, FALSE, &f->month)) && *q == '-' &&
      (q++, read_number (&q, 2, FALSE, &f->day)))
    {
      *p = q;
      return TRUE;
    }

  q = start;
  separator = '\0';
  for (guint i = 0; i < 3; i++)
    {
      int *field = form->order[i] == 'y' ? &f->year
                   : form->order[i] == 'm' ? &f->month : &f->day;

      if (i > 0)
        {
          if (separator == '\0' && strchr ("/.-", *q) != NULL && *q != '\0')
            separator = *q;
          else if (separator == '\0' && *q == form->separator)
            separator = *q;
          if (*q == '\0' || *q != separator)
            return FALSE;
          q++;
        }
      if (!read_number (&q, form->order[i] == 'y' ? 4 : 2, form->order[i] == 'y', field))
        return FALSE;
    }
  *p = q;
  return TRUE;
}

static gboolean
skip_spaces (const char **p)
{
  const char *start = *p;

  while (**p == ' ' || **p == '\t')
    (*p)++;
  return *p != start;
}

/* "10:00", "10:00:30"; then "AM"/"PM" (the locale's words, any case) where
 * the locale's clock counts to 12. A 24-hour time is always understood. */
static gboolean
read_clock (const char **p,
            const Form  *form,
            Fields      *f)
{
  const char *q = *p;
  gboolean marked = FALSE;
  gboolean pm = FALSE;

  if (!read_number (&q, 2, FALSE, &f->hour) || *q++ != ':' ||
      !read_number (&q, 2, TRUE, &f->minute))
    return FALSE;
  if (*q == ':' && (q++, !read_number (&q, 2, TRUE, &f->second)))
    return FALSE;

  if (form->twelve_hour)
    {
      const char *r = q;

      skip_spaces (&r);
      if (g_ascii_strncasecmp (r, form->am, strlen (form->am)) == 0)
        marked = TRUE, r += strlen (form->am);
      else if (g_ascii_strncasecmp (r, form->pm, strlen (form->pm)) == 0)
        marked = TRUE, pm = TRUE, r += strlen (form->pm);
      if (marked)
        q = r;
    }

  if (marked)
    {
      if (f->hour < 1 || f->hour > 12)
        return FALSE;
      f->hour = f->hour % 12 + (pm ? 12 : 0);
    }

  *p = q;
  return TRUE;
}

static void
set_not_a (GError     **error,
           const char  *field,
           const char  *typed,
           gboolean     with_time)
{
  g_autofree char *quoted = dpo_text_cut (typed, -1, DPO_TEXT_CUT_QUOTE);
  g_autofree char *example = dpo_time_input_example (with_time);

  if (with_time)
    g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                 /* Translators: a field name, the text typed, then an
                  * example in the locale's form (29/11/2026 10:00) */
                 _("%s: “%s” is not a date and time such as %s or 2026-11-29 10:00"),
                 field, quoted, example);
  else
    g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                 /* Translators: a field name, the text typed, then an
                  * example in the locale's form (29/11/2026) */
                 _("%s: “%s” is not a date such as %s or 2026-11-29"),
                 field, quoted, example);
}

gboolean
dpo_time_input_parse_date (const char  *text,
                           const char  *field,
                           GDate       *out,
                           GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = trimmed;
  Fields f = { 0, };
  Form form;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);
  if (*trimmed == '\0')
    return FALSE;

  get_form (&form);
  if (!read_date (&p, &form, &f) || *p != '\0' ||
      f.year < 1 || !g_date_valid_dmy (f.day, f.month, f.year))
    {
      set_not_a (error, field, trimmed, FALSE);
      return FALSE;
    }

  g_date_set_dmy (out, f.day, f.month, f.year);
  return TRUE;
}

GDateTime *
dpo_time_input_parse (const char  *text,
                      const char  *field,
                      GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) time = NULL;
  const char *p = trimmed;
  Fields f = { 0, };
  Form form;

  g_return_val_if_fail (field != NULL, NULL);

  if (*trimmed == '\0')
    return NULL;

  /* A pasted ISO 8601 time with its offset says its own zone. */
  time = dpo_time_parse (trimmed, NULL);
  if (time != NULL)
    return g_steal_pointer (&time);

  get_form (&form);
  if (!read_date (&p, &form, &f) ||
      !((*p == 'T' || *p == 't') ? (p++, TRUE) : skip_spaces (&p)) ||
      !read_clock (&p, &form, &f) || *p != '\0')
    {
      set_not_a (error, field, trimmed, TRUE);
      return NULL;
    }

  /* 11/29 in French, 29/11 in English: not a date of this locale. */
  if (f.year < 1 || !g_date_valid_dmy (f.day, f.month, f.year) ||
      f.hour > 23 || f.minute > 59 || f.second > 59)
    {
      set_not_a (error, field, trimmed, TRUE);
      return NULL;
    }

  zone = dpo_time_dup_local_zone ();
  time = g_date_time_new (zone, f.year, f.month, f.day, f.hour, f.minute, f.second);

  /* In the hour skipped when the clocks go forward, GLib moves the time:
   * say so rather than record another time than the one typed. */
  if (time == NULL || g_date_time_get_hour (time) != f.hour ||
      g_date_time_get_minute (time) != f.minute)
    {
      g_autofree char *quoted = dpo_text_cut (trimmed, -1, DPO_TEXT_CUT_QUOTE);

      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   /* Translators: %s is a field name, then the text typed */
                   _("%s: %s does not exist in local time (the clocks went forward that night)"),
                   field, quoted);
      return NULL;
    }

  return g_steal_pointer (&time);
}
