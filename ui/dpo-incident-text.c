/* dpo-incident-text.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-computed.h"
#include "dpo-enums.h"
#include "dpo-incident-text.h"
#include "dpo-time.h"
#include "dpo-ui.h"

char *
dpo_incident_text_long_time (GDateTime *time)
{
  g_autoptr(GTimeZone) zone = dpo_time_dup_local_zone ();
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_timezone (time, zone);
  /* Translators: a date and time written out in full, for deadlines:
   * "Sunday 4 February 2024 at 17:30"; see strftime(3) */
  return g_date_time_format (local, C_("long date and time format", "%A %-d %B %Y at %H:%M"));
}

char *
dpo_incident_text_duration (GTimeSpan span)
{
  gint64 minutes = ABS (span) / G_TIME_SPAN_MINUTE;
  gint64 hours = minutes / 60;

  /* Hours while they compare with the 72 of the deadline; days beyond a week. */
  if (hours >= 168)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", hours / 24),
                            (int) (hours / 24));
  if (hours == 0)
    /* Translators: a duration in minutes */
    return g_strdup_printf (C_("duration", "%d min"), (int) minutes);
  if (minutes % 60 == 0)
    /* Translators: a duration in hours */
    return g_strdup_printf (C_("duration", "%d h"), (int) hours);
  /* Translators: a duration in hours and minutes */
  return g_strdup_printf (C_("duration", "%d h %d min"), (int) hours, (int) (minutes % 60));
}

static char *
text_pending (const DpoIncident *incident,
              GDateTime         *deadline,
              GDateTime         *now,
              char             **detail)
{
  g_autofree char *left = NULL;
  g_autofree char *deadline_text = dpo_incident_text_long_time (deadline);
  g_autofree char *aware_text = dpo_incident_text_long_time (incident->aware_at);
  GTimeSpan span = g_date_time_difference (deadline, now);

  /* Translators: the deadline, then when the organisation became aware */
  *detail = g_strdup_printf (_("Deadline %s — 72 hours after awareness on %s"),
                             deadline_text, aware_text);
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Less than a minute left to notify the CNIL"));
  left = dpo_incident_text_duration (span);
  /* Translators: %s is a duration, e.g. "41 h 12 min" */
  return g_strdup_printf (_("%s left to notify the CNIL"), left);
}

static char *
text_notified (const DpoIncident *incident,
               GDateTime         *deadline,
               gboolean           on_time,
               char             **detail)
{
  g_autofree char *sent = dpo_incident_text_long_time (incident->cnil_notified_at);
  g_autofree char *deadline_text = dpo_incident_text_long_time (deadline);
  g_autofree char *after = NULL;

  if (on_time)
    {
      after = dpo_incident_text_duration (g_date_time_difference (incident->cnil_notified_at,
                                                                  incident->aware_at));
      /* Translators: when it was sent, how long after awareness, the deadline */
      *detail = g_strdup_printf (_("Initial notification sent %s, %s after awareness (deadline %s)"),
                                 sent, after, deadline_text);
      return g_strdup (_("The CNIL was notified on time"));
    }

  after = dpo_incident_text_duration (g_date_time_difference (incident->cnil_notified_at, deadline));
  /* Translators: when it was sent, how long after the deadline, the deadline */
  *detail = g_strdup_printf (_("Initial notification sent %s, %s after the deadline of %s"),
                             sent, after, deadline_text);
  return g_strdup (_("The CNIL was notified late"));
}

char *
dpo_incident_text_clock (const DpoIncident  *incident,
                         GDateTime          *now,
                         char              **detail,
                         const char        **css_class)
{
  g_autoptr(GDateTime) deadline = NULL;
  g_autofree char *late = NULL;
  g_autofree char *deadline_text = NULL;

  g_return_val_if_fail (incident != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (detail != NULL && css_class != NULL, NULL);

  deadline = dpo_incident_dup_cnil_deadline (incident);

  switch (dpo_incident_get_cnil_status (incident, now))
    {
    case DPO_CNIL_PENDING:
      *css_class = "cnil-pending";
      return text_pending (incident, deadline, now, detail);
    case DPO_CNIL_OVERDUE:
      *css_class = "cnil-overdue";
      late = dpo_incident_text_duration (g_date_time_difference (now, deadline));
      deadline_text = dpo_incident_text_long_time (deadline);
      /* Translators: %s is the deadline */
      *detail = g_strdup_printf (_("The deadline was %s. Notify the CNIL now, and record the reason for the delay."),
                                 deadline_text);
      /* Translators: %s is a duration, e.g. "5 h 10 min" */
      return g_strdup_printf (_("Overdue by %s: the CNIL has not been notified"), late);
    case DPO_CNIL_ON_TIME:
      *css_class = "cnil-on-time";
      return text_notified (incident, deadline, TRUE, detail);
    case DPO_CNIL_LATE:
      *css_class = "cnil-late";
      return text_notified (incident, deadline, FALSE, detail);
    case DPO_CNIL_NOT_REQUIRED:
    default:
      *css_class = "cnil-not-required";
      *detail = g_strdup (_("The risk to people’s rights and freedoms is assessed as none, so the CNIL "
                            "need not be notified. The incident stays in the register."));
      return g_strdup (_("No notification is required"));
    }
}

char *
dpo_incident_text_cnil_obligation (const DpoIncident *incident)
{
  g_autoptr(GDateTime) deadline = NULL;
  g_autofree char *deadline_text = NULL;

  g_return_val_if_fail (incident != NULL, NULL);

  deadline = dpo_incident_dup_cnil_deadline (incident);
  if (deadline == NULL)
    return g_strdup (_("No notification is required (no risk)"));

  deadline_text = dpo_incident_text_long_time (deadline);
  /* Translators: %s is the deadline, e.g. "Sunday 4 February 2024 at 17:30" */
  return g_strdup_printf (_("The CNIL must be notified within 72 hours of awareness — deadline %s"),
                          deadline_text);
}

/* "Email, Post": the channels used, each once, in the order used. */
static char *
join_channels (const DpoIncident *incident)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < incident->communications->len; i++)
    {
      DpoCommunication *communication = g_ptr_array_index (incident->communications, i);
      const char *label = dpo_enum_label (DPO_ENUM_COMMUNICATION_CHANNEL, communication->channel);

      if (!g_ptr_array_find_with_equal_func (labels, label, g_str_equal, NULL))
        g_ptr_array_add (labels, (gpointer) label);
    }
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (char **) labels->pdata);
}

static char *
describe_informed (const DpoIncident *incident)
{
  gint64 informed = dpo_incident_count_informed (incident);
  g_autofree char *channels = NULL;
  g_autofree char *count = NULL;

  if (incident->communications == NULL || incident->communications->len == 0)
    return NULL;

  channels = join_channels (incident);
  if (informed < 0)
    /* Translators: %s lists the channels, e.g. "Email, Post" */
    return g_strdup_printf (_("Informed by %s; the number of people is not recorded"), channels);

  count = dpo_ui_format_count (informed);
  /* Translators: a number of people, then the channels used */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Informed so far: %s person (%s)",
                                       "Informed so far: %s people (%s)", informed),
                          count, channels);
}

char *
dpo_incident_text_people_obligation (const DpoIncident  *incident,
                                     char              **detail,
                                     gboolean           *done)
{
  g_return_val_if_fail (incident != NULL, NULL);
  g_return_val_if_fail (detail != NULL && done != NULL, NULL);

  *detail = describe_informed (incident);
  *done = TRUE;

  if (!dpo_people_must_be_informed (incident->risk))
    return g_strdup (_("Informing the people affected is not required (the risk is not high)"));

  if (*detail == NULL)
    {
      *detail = g_strdup (_("No communication to the people affected is recorded yet. "
                            "Tell them without undue delay (GDPR Art. 34)."));
      *done = FALSE;
    }
  return g_strdup (_("The people affected must be informed (high risk)"));
}

const char *
dpo_incident_text_risk_obligations (const char *risk)
{
  DpoRisk value = dpo_enum_value (DPO_ENUM_RISK, risk);

  if (value == DPO_RISK_NONE)
    return _("No notification is required; the incident stays in the register.");
  if (value == DPO_RISK_HIGH)
    return _("The CNIL must be notified within 72 hours, and the people affected must be informed.");
  return _("The CNIL must be notified within 72 hours of awareness.");
}

const char *
dpo_incident_text_risk_summary (const char *risk)
{
  DpoRisk value = dpo_enum_value (DPO_ENUM_RISK, risk);

  if (value == DPO_RISK_NONE)
    return _("No risk to people");
  if (value == DPO_RISK_HIGH)
    return _("A high risk to people");
  return _("A risk to people");
}

gboolean
dpo_incident_needs_delay_reason (const DpoIncident *incident,
                                 GDateTime         *now)
{
  DpoCnilStatus status;

  g_return_val_if_fail (incident != NULL, FALSE);

  status = dpo_incident_get_cnil_status (incident, now);
  return status == DPO_CNIL_OVERDUE || status == DPO_CNIL_LATE;
}
