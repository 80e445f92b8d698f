/* dpo-time.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-text-cut.h"
#include "dpo-time.h"

/* The fields of "YYYY-MM-DDTHH:MM[:SS[.ffffff]](Z|+HH:MM)". We parse them
 * ourselves rather than trust g_date_time_new_from_iso8601() alone: it
 * accepts week dates, ordinal dates and text without an offset (read as
 * local time), all of which would make a register ambiguous. */
typedef struct
{
  int year;
  int month;
  int day;
  int hour;
  int minute;
  int second;
  int usec;
  int offset;   /* seconds east of UTC */
} Fields;

/* Reads exactly @n digits. */
static gboolean
read_number (const char **p,
             guint        n,
             int         *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }

  *p += n;
  *out = value;
  return TRUE;
}

static gboolean
expect (const char **p,
        char         c)
{
  if (**p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

static gboolean
read_date (const char **p,
           Fields      *f)
{
  return read_number (p, 4, &f->year) && expect (p, '-') &&
         read_number (p, 2, &f->month) && expect (p, '-') &&
         read_number (p, 2, &f->day);
}

/* Fractions beyond microseconds are read and dropped. */
static void
read_fraction (const char **p,
               Fields      *f)
{
  int scale = 100000;

  while (g_ascii_isdigit (**p))
    {
      f->usec += (**p - '0') * scale;
      scale /= 10;
      (*p)++;
    }
}

static gboolean
read_clock (const char **p,
            Fields      *f)
{
  if (!read_number (p, 2, &f->hour) || !expect (p, ':') ||
      !read_number (p, 2, &f->minute))
    return FALSE;

  /* Seconds may be left out, as in "2024-01-29T10:00+01:00". */
  if (!expect (p, ':'))
    return TRUE;

  if (!read_number (p, 2, &f->second))
    return FALSE;

  if ((**p == '.' || **p == ',') && g_ascii_isdigit ((*p)[1]))
    {
      (*p)++;
      read_fraction (p, f);
    }

  return TRUE;
}

/* "Z", "+HH:MM[:SS]", "+HHMM[SS]" or "+HH"; FALSE when there is none.
 * Seconds are rare but real: Paris kept its mean solar time, +00:09:21,
 * until 1911, and export writes it so (ISO 8601 allows ±hh:mm:ss). */
static gboolean
read_offset (const char **p,
             Fields      *f)
{
  int sign;
  int hours;
  int minutes = 0;
  int seconds = 0;

  if (**p == 'Z' || **p == 'z')
    {
      (*p)++;
      f->offset = 0;
      return TRUE;
    }

  if (**p != '+' && **p != '-')
    return FALSE;
  sign = (**p == '-') ? -1 : 1;
  (*p)++;

  if (!read_number (p, 2, &hours))
    return FALSE;
  if (**p == ':')
    {
      (*p)++;
      if (!read_number (p, 2, &minutes))
        return FALSE;
      if (**p == ':')
        {
          (*p)++;
          if (!read_number (p, 2, &seconds))
            return FALSE;
        }
    }
  else if (g_ascii_isdigit (**p))
    {
      if (!read_number (p, 2, &minutes))
        return FALSE;
      if (g_ascii_isdigit (**p) && !read_number (p, 2, &seconds))
        return FALSE;
    }

  if (hours > 23 || minutes > 59 || seconds > 59)
    return FALSE;

  f->offset = sign * (hours * 3600 + minutes * 60 + seconds);
  return TRUE;
}

static gboolean
fields_are_real (const Fields *f)
{
  return f->year >= 1 &&
         g_date_valid_dmy (f->day, f->month, f->year) &&
         f->hour <= 23 && f->minute <= 59 && f->second <= 59;
}

static void
set_not_a_time (GError     **error,
                const char  *text)
{
  g_autofree char *quoted = dpo_text_cut (text, -1, DPO_TEXT_CUT_QUOTE);

  g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
               _("“%s” is not a date and time such as 2024-01-29T10:00:00+01:00"),
               quoted);
}

static gboolean
in_range (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  int year;

  if (utc == NULL)
    return FALSE;
  year = g_date_time_get_year (utc);
  return year >= 1 && year <= 9999;
}

static GDateTime *
fields_to_date_time (const Fields *f)
{
  /* Stored times are all UTC: g_time_zone_new_utc() is a shared zone,
   * where g_time_zone_new_offset() builds one for each call. */
  g_autoptr(GTimeZone) tz = f->offset == 0 ? g_time_zone_new_utc ()
                                            : g_time_zone_new_offset (f->offset);
  g_autoptr(GDateTime) whole = NULL;

  whole = g_date_time_new (tz, f->year, f->month, f->day,
                           f->hour, f->minute, f->second);
  if (whole == NULL)
    return NULL;

  /* Adding the microseconds, rather than passing fractional seconds to
   * g_date_time_new(), keeps them exact. */
  if (f->usec == 0)
    return g_steal_pointer (&whole);
  return g_date_time_add (whole, f->usec);
}

GDateTime *
dpo_time_parse (const char  *text,
                GError     **error)
{
  Fields f = { 0, };
  const char *p = text;
  g_autofree char *quoted = NULL;
  GDateTime *time;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  quoted = dpo_text_cut (text, -1, DPO_TEXT_CUT_QUOTE);

  if (!read_date (&p, &f) || (*p != 'T' && *p != 't'))
    {
      set_not_a_time (error, text);
      return NULL;
    }
  p++;

  if (!read_clock (&p, &f))
    {
      set_not_a_time (error, text);
      return NULL;
    }

  if (*p == '\0')
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("“%s” has no time zone: add Z for UTC or an offset such as +01:00"),
                   quoted);
      return NULL;
    }

  if (!read_offset (&p, &f) || *p != '\0')
    {
      set_not_a_time (error, text);
      return NULL;
    }

  time = fields_are_real (&f) ? fields_to_date_time (&f) : NULL;
  if (time == NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("“%s” is not a real date and time"), quoted);
      return NULL;
    }

  /* Stored in UTC, which must itself be a date GLib and the register can
   * hold: 9999-12-31T23:00:00-05:00 is in the year 10000 there. */
  if (!in_range (time))
    {
      g_date_time_unref (time);
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("“%s” is outside the years 1 to 9999 in UTC"), quoted);
      return NULL;
    }

  return time;
}

/* g_time_zone_new_local(), behind g_date_time_to_local(), reads and parses
 * the zone file again on every call when TZ is unset (GLib 2.74: about
 * 5 µs and a 64 KiB allocation each), which made a million-row export four
 * times slower. The zone is kept, and made again only if TZ changes. */
GTimeZone *
dpo_time_dup_local_zone (void)
{
  static GMutex lock;
  static GTimeZone *zone;
  static char *zone_tz;
  const char *tz = g_getenv ("TZ");
  GTimeZone *result;

  g_mutex_lock (&lock);
  if (zone == NULL || g_strcmp0 (tz, zone_tz) != 0)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      g_free (zone_tz);
      zone = g_time_zone_new_local ();
      zone_tz = g_strdup (tz);
    }
  result = g_time_zone_ref (zone);
  g_mutex_unlock (&lock);
  return result;
}

/* A time near the ends of the years 1 to 9999 may have no local
 * counterpart (9999-12-31T23:30:00Z is in the year 10000 in Paris): it is
 * then shown and exported in UTC, with its offset saying so. */
static GDateTime *
to_local (GDateTime *time)
{
  g_autoptr(GTimeZone) zone = dpo_time_dup_local_zone ();
  GDateTime *local = g_date_time_to_timezone (time, zone);

  return local != NULL ? local : g_date_time_to_utc (time);
}

/* %Y does not pad years before 1000: print the fields ourselves so the text
 * always sorts and parses as ISO 8601. */
static char *
format_iso (GDateTime  *time,
            const char *zone)
{
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%s",
                          g_date_time_get_year (time),
                          g_date_time_get_month (time),
                          g_date_time_get_day_of_month (time),
                          g_date_time_get_hour (time),
                          g_date_time_get_minute (time),
                          g_date_time_get_second (time),
                          zone);
}

char *
dpo_time_to_storage (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);
  return format_iso (utc, "Z");
}

GDateTime *
dpo_time_from_storage (const char *text)
{
  if (text == NULL)
    return NULL;

  return dpo_time_parse (text, NULL);
}

static char *
format_offset (gint64 offset)
{
  char sign = offset < 0 ? '-' : '+';
  gint64 size = ABS (offset);
  int hours = (int) (size / 3600);
  int minutes = (int) (size / 60 % 60);
  int seconds = (int) (size % 60);

  if (seconds != 0)
    return g_strdup_printf ("%c%02d:%02d:%02d", sign, hours, minutes, seconds);
  return g_strdup_printf ("%c%02d:%02d", sign, hours, minutes);
}

char *
dpo_time_to_iso_local (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *zone = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  /* Always a numeric offset, even when the local zone is UTC, so an export
   * says which zone it was written in; with its seconds when it has some
   * (Paris before 1911), or the time would come back 21 s off. */
  local = to_local (time);
  zone = format_offset (g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND);
  return format_iso (local, zone);
}

char *
dpo_time_format_display (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  /* Not %x: in English locales it gives an ambiguous "02/01/24". */
  local = to_local (time);
  return g_date_time_format (local, C_("date and time format", "%-d %b %Y %H:%M"));
}

char *
dpo_date_format_display (const GDate *date)
{
  char buffer[128];

  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date) ||
      g_date_strftime (buffer, sizeof buffer, C_("date format", "%-d %b %Y"), date) == 0)
    return NULL;
  return g_strdup (buffer);
}

gboolean
dpo_date_parse (const char  *text,
                GDate       *out,
                GError     **error)
{
  Fields f = { 0, };
  const char *p = text;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_date (&p, &f) || *p != '\0')
    {
      g_autofree char *quoted = dpo_text_cut (text, -1, DPO_TEXT_CUT_QUOTE);

      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("“%s” is not a date such as 2024-01-29 (year-month-day)"),
                   quoted);
      return FALSE;
    }

  if (f.year < 1 || !g_date_valid_dmy (f.day, f.month, f.year))
    {
      g_autofree char *quoted = dpo_text_cut (text, -1, DPO_TEXT_CUT_QUOTE);

      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("“%s” is not a real date"), quoted);
      return FALSE;
    }

  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, f.day, f.month, f.year);
    }

  return TRUE;
}

char *
dpo_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

void
dpo_time_get_local_date (GDateTime *time,
                         GDate     *out)
{
  g_autoptr(GDateTime) local = NULL;
  int year, month, day;

  g_return_if_fail (time != NULL);
  g_return_if_fail (out != NULL);

  local = to_local (time);
  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

char *
dpo_time_to_local_iso_date (GDateTime *time)
{
  GDate date;

  dpo_time_get_local_date (time, &date);
  return dpo_date_to_iso (&date);
}

GDateTime *
dpo_time_end_of_local_day (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_date_time_new_local (g_date_get_year (date),
                                g_date_get_month (date),
                                g_date_get_day (date),
                                23, 59, 59);
}
