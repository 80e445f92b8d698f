/* dpo-export-breaches.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-computed.h"
#include "dpo-enums.h"
#include "dpo-export-xlsx-private.h"

/* The incident registers of the workbook: Breaches (the register of GDPR
 * Art. 33(5)), Timeline, Notifications, Complaints and Communications (to
 * the people, Art. 34), incidents in the order the organisation became
 * aware of them. */

static const DpoXlsxColumn breach_columns[] = {
  { NC_("register column", "Reference"), 14 },
  { NC_("register column", "Title"), 40 },
  { NC_("register column", "Nature"), 18 },
  { NC_("register column", "Origin"), 30 },
  { NC_("register column", "Processor"), 16 },
  { NC_("register column", "Start"), W_DATE_TIME },
  { NC_("register column", "End"), W_DATE_TIME },
  { NC_("register column", "Awareness"), W_DATE_TIME },
  { NC_("register column", "Data categories"), 40 },
  { NC_("register column", "Categories of persons"), 24 },
  { NC_("register column", "Approx. persons"), W_COUNT },
  { NC_("register column", "Approx. records"), W_COUNT },
  { NC_("register column", "Consequences"), 40 },
  { NC_("register column", "Risk"), 12 },
  { NC_("register column", "Measures"), 40 },
  { NC_("register column", "CNIL deadline"), W_DATE_TIME },
  { NC_("register column", "CNIL notified"), W_DATE_TIME },
  { NC_("register column", "CNIL status"), 18 },
  { NC_("register column", "Delay reason"), 30 },
  { NC_("register column", "People informed"), W_COUNT },
  /* Beyond DESIGN's required columns. */
  { NC_("register column", "Description"), 50 },
};

static const DpoXlsxColumn timeline_columns[] = {
  { NC_("register column", "Incident"), 14 },
  { NC_("register column", "Date"), W_DATE_TIME },
  { NC_("register column", "Kind"), 16 },
  { NC_("register column", "Description"), 60 },
};

static const DpoXlsxColumn notification_columns[] = {
  { NC_("register column", "Incident"), 14 },
  { NC_("register column", "Authority"), 16 },
  { NC_("register column", "Kind"), 14 },
  { NC_("register column", "Sent"), W_DATE_TIME },
  { NC_("register column", "Reference"), 24 },
  { NC_("register column", "Hours after awareness"), W_COUNT },
};

static const DpoXlsxColumn complaint_columns[] = {
  { NC_("register column", "Incident"), 14 },
  { NC_("register column", "Direction"), 12 },
  { NC_("register column", "Body"), 14 },
  { NC_("register column", "Date"), W_DATE_TIME },
  { NC_("register column", "Reference"), 24 },
  { NC_("register column", "Party"), 24 },
  { NC_("register column", "Status"), 10 },
  { NC_("register column", "Outcome"), 40 },
};

static const DpoXlsxColumn communication_columns[] = {
  { NC_("register column", "Incident"), 14 },
  { NC_("register column", "Channel"), 14 },
  { NC_("register column", "Sent"), W_DATE_TIME },
  { NC_("register column", "Count"), W_COUNT },
  { NC_("register column", "Message"), 60 },
};

static void
write_breach (DpoXlsxSheet *sheet,
              DpoIncident  *incident,
              GDateTime    *now)
{
  g_autoptr(GDateTime) deadline = dpo_incident_dup_cnil_deadline (incident);
  DpoCnilStatus status = dpo_incident_get_cnil_status (incident, now);
  g_autofree char *natures = dpo_xlsx_join_labels (DPO_ENUM_NATURE,
                                                   (const char * const *) incident->natures);
  g_autofree char *data = dpo_xlsx_join_labels (DPO_ENUM_DATA_CATEGORY,
                                                (const char * const *) incident->data_categories);
  g_autofree char *persons = dpo_xlsx_join_labels (DPO_ENUM_SUBJECT_CATEGORY,
                                                   (const char * const *) incident->subject_categories);
  guint c = 0;

  dpo_xlsx_sheet_text (sheet, c++, incident->id);
  dpo_xlsx_sheet_text (sheet, c++, incident->title);
  dpo_xlsx_sheet_text (sheet, c++, natures);
  dpo_xlsx_sheet_text (sheet, c++, incident->origin);
  dpo_xlsx_sheet_text (sheet, c++, incident->processor);
  dpo_xlsx_sheet_date_time (sheet, c++, incident->started_at);
  dpo_xlsx_sheet_date_time (sheet, c++, incident->ended_at);
  dpo_xlsx_sheet_date_time (sheet, c++, incident->aware_at);
  dpo_xlsx_sheet_text (sheet, c++, data);
  dpo_xlsx_sheet_text (sheet, c++, persons);
  dpo_xlsx_sheet_count (sheet, c++, incident->approx_subjects);
  dpo_xlsx_sheet_count (sheet, c++, incident->approx_records);
  dpo_xlsx_sheet_text (sheet, c++, incident->consequences);
  dpo_xlsx_sheet_text (sheet, c++, dpo_enum_label (DPO_ENUM_RISK, incident->risk));
  dpo_xlsx_sheet_text (sheet, c++, incident->measures);
  dpo_xlsx_sheet_date_time (sheet, c++, deadline);
  dpo_xlsx_sheet_date_time (sheet, c++, incident->cnil_notified_at);
  dpo_xlsx_sheet_text (sheet, c++, dpo_enum_label (DPO_ENUM_CNIL_STATUS,
                                                   dpo_cnil_status_to_word (status)));
  dpo_xlsx_sheet_text (sheet, c++, incident->delay_reason);
  dpo_xlsx_sheet_count (sheet, c++, dpo_incident_count_informed (incident));
  dpo_xlsx_sheet_text (sheet, c++, incident->description);
}

static void
write_event (DpoXlsxSheet      *sheet,
             const DpoIncident *incident,
             const DpoEvent    *event)
{
  dpo_xlsx_sheet_text (sheet, 0, incident->id);
  dpo_xlsx_sheet_date_time (sheet, 1, event->at);
  dpo_xlsx_sheet_text (sheet, 2, dpo_enum_label (DPO_ENUM_EVENT_KIND, event->kind));
  dpo_xlsx_sheet_text (sheet, 3, event->description);
}

/* A communication as a timeline row: the register reads as one story. */
static void
write_communication_event (DpoXlsxSheet           *sheet,
                           const DpoIncident      *incident,
                           const DpoCommunication *communication)
{
  const char *channel = dpo_enum_label (DPO_ENUM_COMMUNICATION_CHANNEL, communication->channel);
  g_autofree char *count = NULL;
  g_autofree char *what = NULL;
  g_autofree char *description = NULL;

  if (communication->count >= 0)
    {
      count = g_strdup_printf ("%" G_GINT64_FORMAT, communication->count);
      /* Translators: a communication in the timeline: "Email to 16400 people"
       * (a campaign may well inform 1 person) */
      what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s to %s person", "%s to %s people",
                                           (gulong) communication->count),
                              channel, count);
    }
  else
    /* Translators: a communication in the timeline, number of people unknown: "Email to the people" */
    what = g_strdup_printf (_("%s to the people"), channel);

  if (communication->message != NULL)
    /* Translators: "Email to 16400 people: what was said" */
    description = g_strdup_printf (_("%s: %s"), what, communication->message);

  dpo_xlsx_sheet_text (sheet, 0, incident->id);
  dpo_xlsx_sheet_date_time (sheet, 1, communication->sent_at);
  dpo_xlsx_sheet_text (sheet, 2, dpo_enum_label (DPO_ENUM_EVENT_KIND, "communication"));
  dpo_xlsx_sheet_text (sheet, 3, description != NULL ? description : what);
}

static void
write_notification (DpoXlsxSheet          *sheet,
                    const DpoIncident     *incident,
                    const DpoNotification *notification)
{
  const char *authority = dpo_enum_label (DPO_ENUM_AUTHORITY, notification->authority);

  /* "Other authority" says little: its name says more. */
  if (dpo_notification_get_authority (notification) == DPO_AUTHORITY_OTHER &&
      notification->authority_name != NULL)
    authority = notification->authority_name;

  dpo_xlsx_sheet_text (sheet, 0, incident->id);
  dpo_xlsx_sheet_text (sheet, 1, authority);
  dpo_xlsx_sheet_text (sheet, 2, dpo_enum_label (DPO_ENUM_NOTIFICATION_KIND, notification->kind));
  dpo_xlsx_sheet_date_time (sheet, 3, notification->sent_at);
  dpo_xlsx_sheet_text (sheet, 4, notification->reference);
  if (incident->aware_at != NULL && notification->sent_at != NULL)
    dpo_xlsx_sheet_hours (sheet, 5, (double) g_date_time_difference (notification->sent_at,
                                                                     incident->aware_at)
                                    / G_TIME_SPAN_HOUR);
}

static void
write_complaint (DpoXlsxSheet       *sheet,
                 const DpoIncident  *incident,
                 const DpoComplaint *complaint)
{
  dpo_xlsx_sheet_text (sheet, 0, incident->id);
  dpo_xlsx_sheet_text (sheet, 1, dpo_enum_label (DPO_ENUM_COMPLAINT_DIRECTION, complaint->direction));
  dpo_xlsx_sheet_text (sheet, 2, dpo_enum_label (DPO_ENUM_COMPLAINT_BODY, complaint->body));
  dpo_xlsx_sheet_date_time (sheet, 3, complaint->filed_at);
  dpo_xlsx_sheet_text (sheet, 4, complaint->reference);
  dpo_xlsx_sheet_text (sheet, 5, complaint->party);
  dpo_xlsx_sheet_text (sheet, 6, dpo_enum_label (DPO_ENUM_COMPLAINT_STATUS, complaint->status));
  dpo_xlsx_sheet_text (sheet, 7, complaint->outcome);
}

static void
write_communication (DpoXlsxSheet           *sheet,
                     const DpoIncident      *incident,
                     const DpoCommunication *communication)
{
  dpo_xlsx_sheet_text (sheet, 0, incident->id);
  dpo_xlsx_sheet_text (sheet, 1, dpo_enum_label (DPO_ENUM_COMMUNICATION_CHANNEL,
                                                 communication->channel));
  dpo_xlsx_sheet_date_time (sheet, 2, communication->sent_at);
  dpo_xlsx_sheet_count (sheet, 3, communication->count);
  dpo_xlsx_sheet_text (sheet, 4, communication->message);
}

typedef enum
{
  BREACHES,
  TIMELINE,
  NOTIFICATIONS,
  COMPLAINTS,
  COMMUNICATIONS,
  N_INCIDENT_REGISTERS
} IncidentRegister;

/* The timeline: the events and the communications, both read in date
 * order, merged (a communication comes after an event of the same time). */
static gboolean
write_timeline_rows (Export        *e,
                     DpoXlsxSheet  *sheet,
                     DpoIncident   *incident,
                     GError       **error)
{
  GPtrArray *events = incident->events;
  GPtrArray *communications = incident->communications;
  guint i = 0, j = 0;

  while (i < events->len || j < communications->len)
    {
      DpoEvent *event = i < events->len ? g_ptr_array_index (events, i) : NULL;
      DpoCommunication *communication = j < communications->len ? g_ptr_array_index (communications, j)
                                                                 : NULL;

      if (!dpo_xlsx_sheet_next_row (sheet, error) || !_dpo_export_tick (e, error))
        return FALSE;
      if (event != NULL &&
          (communication == NULL || g_date_time_compare (event->at, communication->sent_at) <= 0))
        {
          write_event (sheet, incident, event);
          i++;
        }
      else
        {
          write_communication_event (sheet, incident, communication);
          j++;
        }
    }
  return TRUE;
}

/* Writes the rows one incident gives @which register. */
static gboolean
write_incident_rows (Export            *e,
                     DpoXlsxSheet      *sheet,
                     IncidentRegister   which,
                     DpoIncident       *incident,
                     GError           **error)
{
  GPtrArray *children = NULL;

  switch (which)
    {
    case BREACHES:
      if (!dpo_xlsx_sheet_next_row (sheet, error))
        return FALSE;
      write_breach (sheet, incident, e->now);
      return TRUE;
    case TIMELINE:
      return write_timeline_rows (e, sheet, incident, error);
    case NOTIFICATIONS:
      children = incident->notifications;
      break;
    case COMPLAINTS:
      children = incident->complaints;
      break;
    case COMMUNICATIONS:
      children = incident->communications;
      break;
    case N_INCIDENT_REGISTERS:
    default:
      g_assert_not_reached ();
    }

  for (guint i = 0; i < children->len; i++)
    {
      gpointer child = g_ptr_array_index (children, i);

      if (!dpo_xlsx_sheet_next_row (sheet, error) || !_dpo_export_tick (e, error))
        return FALSE;
      if (which == NOTIFICATIONS)
        write_notification (sheet, incident, child);
      else if (which == COMPLAINTS)
        write_complaint (sheet, incident, child);
      else
        write_communication (sheet, incident, child);
    }
  return TRUE;
}

static const struct
{
  const char          *name;
  const DpoXlsxColumn *columns;
  guint                n_columns;
} incident_registers[N_INCIDENT_REGISTERS] = {
  [BREACHES] = { NC_("sheet", "Breaches"), breach_columns, G_N_ELEMENTS (breach_columns) },
  [TIMELINE] = { NC_("sheet", "Timeline"), timeline_columns, G_N_ELEMENTS (timeline_columns) },
  [NOTIFICATIONS] = { NC_("sheet", "Notifications"), notification_columns,
                      G_N_ELEMENTS (notification_columns) },
  [COMPLAINTS] = { NC_("sheet", "Complaints"), complaint_columns, G_N_ELEMENTS (complaint_columns) },
  [COMMUNICATIONS] = { NC_("sheet", "Communications"), communication_columns,
                       G_N_ELEMENTS (communication_columns) },
};

/* One register at a time, so that a register's continuation sheets come
 * right after it; incidents are few, reading them five times costs nothing. */
static gboolean
write_incident_register (Export            *e,
                         IncidentRegister   which,
                         GError           **error)
{
  const char *name = g_dpgettext2 (GETTEXT_PACKAGE, "sheet", incident_registers[which].name);
  g_autoptr(DpoStoreCursor) cursor = NULL;
  GError *read_error = NULL;
  DpoXlsxSheet *sheet;
  gboolean ok = TRUE;

  sheet = dpo_xlsx_book_add_sheet (e->book, name, incident_registers[which].columns,
                                   incident_registers[which].n_columns, error);
  if (sheet == NULL)
    return FALSE;

  cursor = dpo_store_cursor_incidents (e->store, DPO_STORE_ORDER_DATE, TRUE, error);
  if (cursor == NULL)
    return FALSE;

  while (ok)
    {
      g_autoptr(DpoIncident) incident = dpo_store_cursor_next_incident (cursor, &read_error);

      if (incident == NULL)
        break;
      ok = write_incident_rows (e, sheet, which, incident, error) && _dpo_export_tick (e, error);
    }

  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }
  return ok && dpo_xlsx_sheet_finish (sheet, error);
}

gboolean
_dpo_export_write_incident_registers (Export  *e,
                                      GError **error)
{
  for (guint i = 0; i < N_INCIDENT_REGISTERS; i++)
    {
      if (!write_incident_register (e, i, error))
        return FALSE;
    }
  return TRUE;
}
