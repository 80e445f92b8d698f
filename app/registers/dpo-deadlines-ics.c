/* dpo-deadlines-ics.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "dpo-deadlines.h"
#include "dpo-deadlines-ics.h"
#include "dpo-due-date.h"
#include "dpo-enums.h"
#include "dpo-error.h"
#include "dpo-output-file.h"
#include "dpo-store-identity.h"
#include "dpo-store-worker.h"
#include "dpo-time.h"

/* The calendar is streamed: its header, then each event made by libical
 * and written at once, then its end. A million open requests cost one
 * event's memory, and libical does the escaping and line folding. */

#define REQUEST_ALARM_DAYS 7
#define CNIL_ALARM_HOURS 24

typedef struct
{
  GOutputStream  *stream;
  char           *identity;
  struct icaltimetype stamp;
  guint           n_events;
  GError         *error;
} IcsWriter;

static gboolean
write_text (IcsWriter  *writer,
            const char *text)
{
  if (writer->error != NULL)
    return FALSE;
  return g_output_stream_write_all (writer->stream, text, strlen (text), NULL, NULL, &writer->error);
}

/* libical returns what it allocated with its own allocator. */
static gboolean
write_ical (IcsWriter *writer,
            char      *ical_text)
{
  gboolean written = write_text (writer, ical_text);

  icalmemory_free_buffer (ical_text);
  return written;
}

static void
write_header (IcsWriter       *writer,
              DpoOrganisation *organisation)
{
  g_autofree char *name = NULL;
  icalproperty *properties[5];

  if (organisation->name != NULL && *organisation->name != '\0')
    /* TRANSLATORS: the calendar's name: "Deadlines — Mutuelle Exemple" */
    name = g_strdup_printf (_("Deadlines — %s"), organisation->name);
  else
    name = g_strdup (_("Data protection deadlines"));

  properties[0] = icalproperty_new_prodid ("-//DPO Workbench//Deadlines " PACKAGE_VERSION "//EN");
  properties[1] = icalproperty_new_version ("2.0");
  properties[2] = icalproperty_new_calscale ("GREGORIAN");
  properties[3] = icalproperty_new_method (ICAL_METHOD_PUBLISH);
  /* Read by most calendar applications as the subscribed calendar's name. */
  properties[4] = icalproperty_new_x (name);
  icalproperty_set_x_name (properties[4], "X-WR-CALNAME");

  write_text (writer, "BEGIN:VCALENDAR\r\n");
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      write_ical (writer, icalproperty_as_ical_string_r (properties[i]));
      icalproperty_free (properties[i]);
    }
}

static const char *
request_summary_format (const char *kind)
{
  switch (dpo_enum_value (DPO_ENUM_REQUEST_KIND, kind))
    {
    case DPO_REQUEST_ACCESS: return _("Due: access request %s");
    case DPO_REQUEST_RECTIFICATION: return _("Due: rectification request %s");
    case DPO_REQUEST_ERASURE: return _("Due: erasure request %s");
    case DPO_REQUEST_RESTRICTION: return _("Due: restriction request %s");
    case DPO_REQUEST_PORTABILITY: return _("Due: portability request %s");
    case DPO_REQUEST_OBJECTION: return _("Due: objection %s");
    default: return _("Due: request %s");
    }
}

/* "Due: access request R-1 (Jean Dupont)"; "CNIL notification deadline:
 * INC-2024-01 (title)". */
static char *
summarize (const DpoDeadline *deadline)
{
  GString *summary = g_string_new (NULL);

  if (deadline->kind == DPO_DEADLINE_CNIL)
    g_string_append_printf (summary, _("CNIL notification deadline: %s"), deadline->id);
  else
    g_string_append_printf (summary, request_summary_format (deadline->what), deadline->id);
  if (deadline->kind == DPO_DEADLINE_CNIL && deadline->what != NULL && *deadline->what != '\0')
    g_string_append_printf (summary, " (%s)", deadline->what);
  else if (deadline->kind == DPO_DEADLINE_REQUEST && deadline->person != NULL && *deadline->person != '\0')
    g_string_append_printf (summary, " (%s)", deadline->person);
  return g_string_free (summary, FALSE);
}

/* The explanation, one step a line, as `dpo deadlines --explain` prints it. */
static char *
describe (const DpoDeadline *deadline)
{
  g_auto(GStrv) phrases = dpo_deadline_explain (deadline);
  GString *text = g_string_new (NULL);

  for (guint i = 0; phrases[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n→ " : "", phrases[i]);
  return g_string_free (text, FALSE);
}

static struct icaltimetype
ical_date (const GDate *date)
{
  struct icaltimetype day = icaltime_null_date ();

  day.year = g_date_get_year (date);
  day.month = g_date_get_month (date);
  day.day = g_date_get_day (date);
  return day;
}

static struct icaltimetype
ical_utc (GDateTime *time)
{
  return icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (time), FALSE,
                                        icaltimezone_get_utc_timezone ());
}

static icalcomponent *
new_alarm (const char *description,
           int         seconds_before)
{
  icalcomponent *alarm = icalcomponent_new (ICAL_VALARM_COMPONENT);
  struct icaltriggertype trigger = { icaltime_null_time (), icaldurationtype_from_int (-seconds_before) };

  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (description));
  return alarm;
}

/* An open request: all day on its due date. */
static void
add_request_times (icalcomponent     *event,
                   const DpoDeadline *deadline)
{
  struct icaltimetype start;
  struct icaltimetype end;
  GDate due_on;

  /* deadline->due is the end of the due day, local time. */
  dpo_time_get_local_date (deadline->due, &due_on);
  start = ical_date (&due_on);
  g_date_add_days (&due_on, 1);
  end = ical_date (&due_on);
  icalcomponent_add_property (event, icalproperty_new_dtstart (start));
  icalcomponent_add_property (event, icalproperty_new_dtend (end));
}

static gboolean
write_event (const DpoDeadline *deadline,
             gpointer           user_data)
{
  IcsWriter *writer = user_data;
  gboolean is_request = deadline->kind == DPO_DEADLINE_REQUEST;
  g_autofree char *summary = summarize (deadline);
  g_autofree char *description = describe (deadline);
  g_autofree char *uid = g_strdup_printf ("%s-%s-%s@dpo-workbench", writer->identity,
                                          is_request ? "request" : "cnil", deadline->id);
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (writer->stamp));
  if (is_request)
    add_request_times (event, deadline);
  else
    /* A moment, not a span: without DTEND the event ends as it starts. */
    icalcomponent_add_property (event, icalproperty_new_dtstart (ical_utc (deadline->due)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  /* A deadline does not make the DPO busy. */
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_component (event, new_alarm (summary, is_request ? REQUEST_ALARM_DAYS * 24 * 3600
                                                                     : CNIL_ALARM_HOURS * 3600));

  write_ical (writer, icalcomponent_as_ical_string_r (event));
  icalcomponent_free (event);
  writer->n_events++;
  return writer->error == NULL;
}

static gboolean
write_ics (DpoStore       *store,
           GOutputStream  *stream,
           const char     *name,
           guint          *n_events,
           GError        **error)
{
  g_autoptr(DpoOrganisation) organisation = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *identity = NULL;
  IcsWriter writer = { stream, NULL, { 0 }, 0, NULL };

  g_return_val_if_fail (DPO_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  now = dpo_store_dup_now (store);
  identity = dpo_store_dup_identity (store);
  organisation = dpo_store_get_organisation (store);
  writer.identity = identity;
  writer.stamp = ical_utc (now);

  write_header (&writer, organisation);
  if (writer.error == NULL)
    dpo_deadlines_foreach (store, write_event, &writer);
  write_text (&writer, "END:VCALENDAR\r\n");

  if (writer.error != NULL)
    {
      g_set_error (error, DPO_ERROR, DPO_ERROR_IO, _("Cannot write “%s”: %s"),
                   name, writer.error->message);
      g_error_free (writer.error);
      return FALSE;
    }
  if (n_events != NULL)
    *n_events = writer.n_events;
  return TRUE;
}

gboolean
dpo_deadlines_write_ics_stream (DpoStore       *store,
                                GOutputStream  *stream,
                                guint          *n_events,
                                GError        **error)
{
  return write_ics (store, stream, _("standard output"), n_events, error);
}

gboolean
dpo_deadlines_write_ics (DpoStore  *store,
                         GFile     *file,
                         guint     *n_events,
                         GError   **error)
{
  g_autoptr(DpoOutputFile) output = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  output = dpo_output_file_new (file, error);
  if (output == NULL)
    return FALSE;
  if (!write_ics (store, dpo_output_file_get_stream (output),
                  dpo_output_file_get_display_name (output), n_events, error))
    return FALSE;
  return dpo_output_file_commit (output, NULL, error);
}

static const char write_ics_tag[] = "dpo_deadlines_write_ics_async";

static gboolean
write_ics_job (DpoStore      *worker,
               GTask         *task,
               gpointer       job_data,
               GCancellable  *cancellable,
               GError       **error)
{
  return dpo_deadlines_write_ics (worker, G_FILE (job_data), NULL, error);
}

void
dpo_deadlines_write_ics_async (DpoStore            *store,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (DPO_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  dpo_store_job_run_async (store, write_ics_job, g_object_ref (file), g_object_unref,
                           write_ics_tag, cancellable, callback, user_data);
}

gboolean
dpo_deadlines_write_ics_finish (DpoStore      *store,
                                GAsyncResult  *result,
                                GError       **error)
{
  return dpo_store_job_finish (store, result, write_ics_tag, error);
}
