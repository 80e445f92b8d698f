/* dpo-dashboard-agenda.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dpo-columns.h"
#include "dpo-computed.h"
#include "dpo-dashboard-agenda.h"
#include "dpo-enums.h"
#include "dpo-incident-text.h"
#include "dpo-time.h"
#include "dpo-ui.h"

/* A row that opens something: the action runs on activation (click, Enter). */
static GtkWidget *
action_row (const char *title,
            const char *subtitle,
            const char *action,
            const char *target,
            const char *css_class)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_string (target));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_add_css_class (row, "agenda-row");
  if (css_class != NULL)
    gtk_widget_add_css_class (row, css_class);
  return row;
}

typedef enum
{
  MORE_INCIDENTS,
  MORE_OVERDUE,
  MORE_DUE_SOON,
} MoreKind;

/* "and 12 more overdue": the rest are in the page that lists them all. */
static void
add_more_row (AdwPreferencesGroup *group,
              guint                shown,
              guint                total,
              MoreKind             kind,
              const char          *action,
              const char          *target)
{
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  guint more = total - shown;
  const char *format;

  if (total <= shown)
    return;
  count = dpo_ui_format_count (more);
  switch (kind)
    {
    case MORE_OVERDUE:
      /* Translators: %s is a number of further requests, e.g. "and 12 more overdue" */
      format = g_dngettext (GETTEXT_PACKAGE, "and %s more overdue", "and %s more overdue", more);
      break;
    case MORE_DUE_SOON:
      /* Translators: %s is a number of further requests, e.g. "and 12 more due soon" */
      format = g_dngettext (GETTEXT_PACKAGE, "and %s more due soon", "and %s more due soon", more);
      break;
    case MORE_INCIDENTS:
    default:
      /* Translators: %s is a number of further incidents, e.g. "and 12 more" */
      format = g_dngettext (GETTEXT_PACKAGE, "and %s more", "and %s more", more);
      break;
    }
  title = g_strdup_printf (format, count);
  adw_preferences_group_add (group, action_row (title, NULL, action, target, "agenda-more"));
}

static char *
incident_title (const DpoIncident *incident)
{
  /* Translators: an incident's reference, then its title */
  return g_strdup_printf (_("%s · %s"), incident->id, incident->title);
}

static void
add_clocks (AdwPreferencesGroup *group,
            GPtrArray           *incidents,
            guint                total,
            GDateTime           *now,
            gboolean             missing_reason)
{
  for (guint i = 0; i < incidents->len; i++)
    {
      const DpoIncident *incident = g_ptr_array_index (incidents, i);
      g_autofree char *title = incident_title (incident);
      g_autofree char *detail = NULL;
      g_autofree char *headline = NULL;
      const char *css_class = NULL;

      headline = dpo_incident_text_clock (incident, now, &detail, &css_class);
      if (missing_reason)
        {
          g_free (headline);
          headline = g_strdup (_("Notified late: record the reason for the delay"));
        }
      adw_preferences_group_add (group, action_row (title, headline, "win.open-incident",
                                                    incident->id, css_class));
    }
  add_more_row (group, incidents->len, total, MORE_INCIDENTS, "win.show-page", "incidents");
}

/* An empty list says what to do, with the button that does it. */
static GtkWidget *
empty_row (const char *title,
           const char *subtitle,
           const char *button_label,
           const char *detailed_action)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "agenda-empty");
  if (button_label != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), detailed_action);
      /* Its action is disabled only where the session's role may not do it
       * (dpo-window-actions.c): then the button goes rather than greys. */
      g_object_bind_property (button, "sensitive", button, "visible", G_BINDING_SYNC_CREATE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

GtkWidget *
dpo_dashboard_agenda_clocks (const DpoAgenda *agenda,
                             GDateTime       *now)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, _("CNIL Notifications"));
  gtk_widget_set_name (GTK_WIDGET (group), "agenda-clocks");

  /* Past their 72 hours first, then the clocks still running (the soonest
   * deadline first), then the delay reasons to write. */
  add_clocks (group, agenda->overdue_clocks, agenda->n_overdue_clocks, now, FALSE);
  add_clocks (group, agenda->running, agenda->n_running, now, FALSE);
  add_clocks (group, agenda->missing_reason, agenda->n_missing_reason, now, TRUE);

  if (agenda->n_running + agenda->n_overdue_clocks + agenda->n_missing_reason == 0)
    adw_preferences_group_add (group,
                               empty_row (_("No CNIL clock is running"),
                                          _("When a breach comes to light, record it at once: the CNIL must be notified within 72 hours of your awareness."),
                                          _("_Record an Incident"), "win.new-incident"));
  return GTK_WIDGET (group);
}

static char *
request_subtitle (const DpoRequest *request,
                  GDateTime        *now,
                  const GDate      *today,
                  gboolean          alsace_moselle)
{
  const char *kind = dpo_enum_label (DPO_ENUM_REQUEST_KIND, request->kind);
  DpoRequestDeadlines deadlines;
  g_autofree char *date = NULL;
  int days;

  dpo_request_get_deadlines (request, now, alsace_moselle, &deadlines);
  date = dpo_columns_format_date (dpo_request_deadlines_current (&deadlines));
  days = g_date_days_between (today, dpo_request_deadlines_current (&deadlines));

  if (days < 0)
    /* Translators: the kind of request, its due date, how many days ago */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · was due on %s, %d day ago",
                                         "%s · was due on %s, %d days ago", -days),
                            kind, date, -days);
  if (!deadlines.extended)
    /* Translators: the kind of request, then its one-month date: after it
     * the deadline can no longer be extended */
    return g_strdup_printf (_("%s · answer or extend by %s"), kind, date);
  /* Translators: the kind of request, then its extended due date */
  return g_strdup_printf (_("%s · due on %s (extended)"), kind, date);
}

static void
add_requests (AdwPreferencesGroup *group,
              GPtrArray           *requests,
              guint                total,
              GDateTime           *now,
              gboolean             alsace_moselle,
              MoreKind             more_kind,
              const char          *more_target,
              const char          *css_class)
{
  GDate today;

  dpo_time_get_local_date (now, &today);
  for (guint i = 0; i < requests->len; i++)
    {
      const DpoRequest *request = g_ptr_array_index (requests, i);
      const char *who = request->subject_name != NULL ? request->subject_name : request->requester_name;
      g_autofree char *restricted = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = request_subtitle (request, now, &today, alsace_moselle);

      /* Art. 18: a restricted person is said so wherever they appear. */
      if (request->subject_name != NULL && request->subject_restricted_since != NULL)
        /* Translators: a person's name in the requests list, processing restricted (Art. 18) */
        who = restricted = g_strdup_printf (_("%s (restricted)"), request->subject_name);
      /* Translators: a request's reference, then who made it */
      title = who != NULL ? g_strdup_printf (_("%s · %s"), request->id, who) : g_strdup (request->id);
      adw_preferences_group_add (group, action_row (title, subtitle, "win.show-request",
                                                    request->id, css_class));
    }
  add_more_row (group, requests->len, total, more_kind, "win.show-requests-due", more_target);
}

GtkWidget *
dpo_dashboard_agenda_requests (const DpoAgenda *agenda,
                               GDateTime       *now,
                               gboolean         alsace_moselle)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *description = NULL;

  adw_preferences_group_set_title (group, _("Requests to Answer"));
  /* Translators: %d is the number of days of "due soon" (7) */
  description = g_strdup_printf (_("Overdue, then due within the next %d days. A request not yet extended must be answered, or its extension notified, by its one-month date."),
                                 DPO_DUE_SOON_DAYS);
  adw_preferences_group_set_description (group, description);
  gtk_widget_set_name (GTK_WIDGET (group), "agenda-requests");

  add_requests (group, agenda->overdue, agenda->n_overdue, now, alsace_moselle,
                MORE_OVERDUE, "overdue", "request-overdue");
  add_requests (group, agenda->due_soon, agenda->n_due_soon, now, alsace_moselle,
                MORE_DUE_SOON, "due-soon", "request-due-soon");

  if (agenda->n_overdue + agenda->n_due_soon == 0)
    adw_preferences_group_add (group,
                               empty_row (_("Nothing due this week"),
                                          _("No request is overdue or due within the next 7 days. Record each new request on the day it arrives: its legal deadline is computed for you."),
                                          _("Show _Requests"), "win.show-page('requests')"));
  return GTK_WIDGET (group);
}
