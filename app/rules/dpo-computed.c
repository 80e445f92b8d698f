/* dpo-computed.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dpo-computed.h"
#include "dpo-time.h"

GDateTime *
dpo_incident_dup_cnil_deadline (const DpoIncident *incident)
{
  g_return_val_if_fail (incident != NULL, NULL);

  if (!dpo_cnil_required (incident->risk) || incident->aware_at == NULL)
    return NULL;
  return dpo_cnil_deadline (incident->aware_at);
}

DpoCnilStatus
dpo_incident_get_cnil_status (const DpoIncident *incident,
                              GDateTime         *now)
{
  g_autoptr(GDateTime) wall_clock = NULL;
  GDateTime *notified_at;

  g_return_val_if_fail (incident != NULL, DPO_CNIL_PENDING);

  if (now == NULL)
    now = wall_clock = g_date_time_new_now_utc ();
  /* Not yet sent at @now: the clock was still running then. */
  notified_at = incident->cnil_notified_at;
  if (notified_at != NULL && g_date_time_compare (notified_at, now) > 0)
    notified_at = NULL;
  return dpo_cnil_status (incident->risk, incident->aware_at, notified_at, now);
}

gint64
dpo_incident_count_informed (const DpoIncident *incident)
{
  gint64 informed = -1;

  g_return_val_if_fail (incident != NULL, -1);

  for (guint i = 0; incident->communications != NULL && i < incident->communications->len; i++)
    {
      DpoCommunication *communication = g_ptr_array_index (incident->communications, i);

      if (communication->count >= 0)
        informed = MAX (informed, 0) + communication->count;
    }
  return informed;
}

gboolean
dpo_request_status_is_open (DpoRequestStatus status)
{
  return status == DPO_REQUEST_RECEIVED || status == DPO_REQUEST_IN_PROGRESS;
}

gboolean
dpo_request_is_open (const DpoRequest *request)
{
  g_return_val_if_fail (request != NULL, FALSE);

  return dpo_request_status_is_open (dpo_request_get_status (request));
}

/* Both due dates of a day of receipt. Long lists come sorted or grouped by
 * that day, so the last day's dates are kept, one day per thread: a
 * million-row export computes each day's once. */
static void
due_dates (const GDate *received_on,
           gboolean     alsace_moselle,
           GDate       *due_on,
           GDate       *extended_due_on)
{
  static _Thread_local struct
  {
    guint32 day;          /* YYYYMMDD, 0 for none */
    gboolean alsace_moselle;
    GDate due_on;
    GDate extended_due_on;
  } last;
  guint32 day = g_date_get_year (received_on) * 10000 + g_date_get_month (received_on) * 100 +
                g_date_get_day (received_on);

  if (day != last.day || alsace_moselle != last.alsace_moselle)
    {
      dpo_request_due_on (received_on, FALSE, alsace_moselle, &last.due_on);
      dpo_request_due_on (received_on, TRUE, alsace_moselle, &last.extended_due_on);
      last.day = day;
      last.alsace_moselle = alsace_moselle;
    }
  *due_on = last.due_on;
  *extended_due_on = last.extended_due_on;
}

void
dpo_request_get_deadlines_on (const DpoRequest    *request,
                              const GDate         *today,
                              gboolean             alsace_moselle,
                              DpoRequestDeadlines *out)
{
  GDate received_on;

  g_return_if_fail (request != NULL);
  g_return_if_fail (request->received_at != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (out != NULL);

  dpo_time_get_local_date (request->received_at, &received_on);
  dpo_request_deadlines_from (&received_on, request->extension_notified_at != NULL,
                              dpo_request_is_open (request), today, alsace_moselle, out);
}

void
dpo_request_deadlines_from (const GDate         *received_on,
                            gboolean             extended,
                            gboolean             open,
                            const GDate         *today,
                            gboolean             alsace_moselle,
                            DpoRequestDeadlines *out)
{
  g_return_if_fail (received_on != NULL && g_date_valid (received_on));
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (out != NULL);

  out->received_on = *received_on;
  due_dates (&out->received_on, alsace_moselle, &out->due_on, &out->extended_due_on);
  out->extended = extended;
  out->open = open;
  out->overdue = out->open &&
                 g_date_compare (today, dpo_request_deadlines_current (out)) > 0;
}

void
dpo_request_get_deadlines (const DpoRequest    *request,
                           GDateTime           *now,
                           gboolean             alsace_moselle,
                           DpoRequestDeadlines *out)
{
  GDate today;

  g_return_if_fail (now != NULL);

  dpo_time_get_local_date (now, &today);
  dpo_request_get_deadlines_on (request, &today, alsace_moselle, out);
}

const GDate *
dpo_request_deadlines_current (const DpoRequestDeadlines *deadlines)
{
  g_return_val_if_fail (deadlines != NULL, NULL);

  return deadlines->extended ? &deadlines->extended_due_on : &deadlines->due_on;
}

DpoOnTime
dpo_request_on_time_on (const DpoRequestDeadlines *deadlines,
                        const GDate               *answered,
                        int                       *days_late)
{
  int late;

  g_return_val_if_fail (deadlines != NULL, DPO_ON_TIME_NOT_YET);

  if (days_late != NULL)
    *days_late = 0;
  /* Still open: not yet on time or late, unless its due date has passed. */
  if (deadlines->open)
    return deadlines->overdue ? DPO_ON_TIME_LATE : DPO_ON_TIME_NOT_YET;
  if (answered == NULL || !g_date_valid (answered))
    return DPO_ON_TIME_NOT_YET;

  late = g_date_days_between (dpo_request_deadlines_current (deadlines), answered);
  if (days_late != NULL)
    *days_late = late;
  return late <= 0 ? DPO_ON_TIME_YES : DPO_ON_TIME_LATE;
}

DpoOnTime
dpo_request_get_on_time (const DpoRequest          *request,
                         const DpoRequestDeadlines *deadlines,
                         int                       *days_late)
{
  GDate answered;

  g_return_val_if_fail (request != NULL, DPO_ON_TIME_NOT_YET);

  g_date_clear (&answered, 1);
  if (request->answered_at != NULL)
    dpo_time_get_local_date (request->answered_at, &answered);
  return dpo_request_on_time_on (deadlines, &answered, days_late);
}

DpoNotificationKind
dpo_incident_next_notification_kind (const DpoIncident *incident,
                                     const char        *authority,
                                     const char        *authority_name)
{
  DpoAuthority wanted = dpo_enum_value (DPO_ENUM_AUTHORITY, authority);

  g_return_val_if_fail (incident != NULL, DPO_NOTIFICATION_INITIAL);

  for (guint i = 0; incident->notifications != NULL && i < incident->notifications->len; i++)
    {
      const DpoNotification *n = g_ptr_array_index (incident->notifications, i);

      if (dpo_notification_get_authority (n) != wanted)
        continue;
      /* Two other authorities are the same one only by name. */
      if (wanted == DPO_AUTHORITY_OTHER && authority_name != NULL && n->authority_name != NULL)
        {
          g_autofree char *a = g_utf8_casefold (n->authority_name, -1);
          g_autofree char *b = g_utf8_casefold (authority_name, -1);

          if (g_strcmp0 (g_strstrip (a), g_strstrip (b)) != 0)
            continue;
        }
      return DPO_NOTIFICATION_COMPLEMENTARY;
    }
  return DPO_NOTIFICATION_INITIAL;
}
