/* dpo-export-incident.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-computed.h"
#include "dpo-enums.h"
#include "dpo-registers.h"
#include "dpo-store-role.h"
#include "dpo-export-xlsx-private.h"
#include "dpo-xlsx-sheet.h"

/* One incident on one sheet, in the order of the CNIL's online notification
 * form (type of notification; organisation and contact; dates; nature and
 * origin; data and persons concerned; likely consequences; measures;
 * communication to the people; other notifications), then the timeline.
 * Column A holds the form's questions, column B the answers; lists use
 * the next columns under an italic caption. The organisation's details are
 * the ones in Preferences; those not entered are left for the DPO to fill
 * in. It prints portrait on A4, one page wide: the columns are narrow
 * enough for each question to stay beside its answer (long answers wrap).
 * Failures are kept by the book and reported once, at the end. */

static const DpoXlsxColumn form_columns[] = {
  { NULL, 32 },
  { NULL, 46 },
  { NULL, 16 },
  { NULL, 16 },
  { NULL, 12 },
};

static void
row (DpoXlsxSheet *sheet)
{
  dpo_xlsx_sheet_next_row (sheet, NULL);
}

static void
section (DpoXlsxSheet *sheet,
         const char   *title)
{
  row (sheet);
  row (sheet);
  dpo_xlsx_sheet_styled_text (sheet, 0, title, DPO_XLSX_BOLD);
}

static void
field (DpoXlsxSheet *sheet,
       const char   *label,
       const char   *value)
{
  row (sheet);
  dpo_xlsx_sheet_text (sheet, 0, label);
  dpo_xlsx_sheet_styled_text (sheet, 1, value, DPO_XLSX_WRAP);
}

static void
field_time (DpoXlsxSheet *sheet,
            const char   *label,
            GDateTime    *time)
{
  row (sheet);
  dpo_xlsx_sheet_text (sheet, 0, label);
  dpo_xlsx_sheet_date_time (sheet, 1, time);
}

static void
field_count (DpoXlsxSheet *sheet,
             const char   *label,
             gint64        count)
{
  row (sheet);
  dpo_xlsx_sheet_text (sheet, 0, label);
  dpo_xlsx_sheet_count (sheet, 1, count);
}

/* The italic column captions above a list. */
static void
caption (DpoXlsxSheet       *sheet,
         const char * const *titles)
{
  row (sheet);
  for (guint i = 0; titles[i] != NULL; i++)
    dpo_xlsx_sheet_styled_text (sheet, i, titles[i], DPO_XLSX_ITALIC);
}

static void
write_title (DpoXlsxSheet      *sheet,
             const DpoIncident *incident,
             GDateTime         *now)
{
  g_autofree char *title = g_strdup_printf (_("Personal data breach %s"), incident->id);

  row (sheet);
  dpo_xlsx_sheet_styled_text (sheet, 0, title, DPO_XLSX_BOLD);
  dpo_xlsx_sheet_styled_text (sheet, 1, incident->title, DPO_XLSX_BOLD);
  field_time (sheet, _("State as of"), now);
}

static gboolean
has_initial_cnil_notification (const DpoIncident *incident)
{
  return incident->cnil_notified_at != NULL;
}

static void
write_cnil_notifications (DpoXlsxSheet      *sheet,
                          const DpoIncident *incident)
{
  const char *titles[] = { _("Notifications to the CNIL"), _("Sent"), _("Reference"), NULL };

  caption (sheet, titles);
  for (guint i = 0; i < incident->notifications->len; i++)
    {
      DpoNotification *notification = g_ptr_array_index (incident->notifications, i);

      if (dpo_notification_get_authority (notification) != DPO_AUTHORITY_CNIL)
        continue;
      row (sheet);
      dpo_xlsx_sheet_text (sheet, 0, dpo_enum_label (DPO_ENUM_NOTIFICATION_KIND, notification->kind));
      dpo_xlsx_sheet_date_time (sheet, 1, notification->sent_at);
      dpo_xlsx_sheet_text (sheet, 2, notification->reference);
    }
}

static void
write_notification_type (DpoXlsxSheet      *sheet,
                         const DpoIncident *incident,
                         GDateTime         *now)
{
  g_autoptr(GDateTime) deadline = dpo_incident_dup_cnil_deadline (incident);
  DpoCnilStatus status = dpo_incident_get_cnil_status (incident, now);

  section (sheet, _("Type of notification"));
  /* Once the initial notification is sent, what follows complements it. */
  field (sheet, _("Notification"),
         dpo_enum_label (DPO_ENUM_NOTIFICATION_KIND,
                         has_initial_cnil_notification (incident) ? "complementary" : "initial"));
  if (deadline != NULL)
    field_time (sheet, _("CNIL deadline (72 hours after awareness)"), deadline);
  else
    field (sheet, _("CNIL deadline (72 hours after awareness)"), _("Not required: no risk to the persons"));
  field (sheet, _("CNIL status"), dpo_enum_label (DPO_ENUM_CNIL_STATUS, dpo_cnil_status_to_word (status)));
  write_cnil_notifications (sheet, incident);
}

static void
write_organisation (DpoXlsxSheet          *sheet,
                    const DpoIncident     *incident,
                    const DpoOrganisation *organisation)
{
  section (sheet, _("Organisation and contact"));
  if (organisation->name == NULL || organisation->siren == NULL || organisation->address == NULL ||
      organisation->dpo_name == NULL || organisation->dpo_phone == NULL ||
      organisation->dpo_email == NULL)
    {
      row (sheet);
      dpo_xlsx_sheet_styled_text (sheet, 0, _("To be completed by the DPO before sending "
                                              "(Preferences, Organisation)."),
                                  DPO_XLSX_ITALIC);
    }
  field (sheet, _("Organisation (controller)"), organisation->name);
  field (sheet, _("SIREN number"), organisation->siren);
  field (sheet, _("Address"), organisation->address);
  field (sheet, _("Data protection officer"), organisation->dpo_name);
  /* The CNIL writes to the DPO about the notification. */
  field (sheet, _("Person to contact"), organisation->dpo_name);
  field (sheet, _("Telephone"), organisation->dpo_phone);
  field (sheet, _("Email"), organisation->dpo_email);
  field (sheet, _("Postal address of the DPO"), organisation->dpo_address);
  field (sheet, _("Processor involved"), incident->processor);
}

static void
write_dates (DpoXlsxSheet      *sheet,
             const DpoIncident *incident,
             GDateTime         *now)
{
  DpoCnilStatus status = dpo_incident_get_cnil_status (incident, now);
  const char *delay_reason = incident->delay_reason;

  section (sheet, _("Dates"));
  field_time (sheet, _("Start of the breach"), incident->started_at);
  if (incident->ended_at != NULL)
    field_time (sheet, _("End of the breach"), incident->ended_at);
  else
    field (sheet, _("End of the breach"), _("Ongoing, or not known"));
  field_time (sheet, _("Awareness of the breach"), incident->aware_at);
  field_time (sheet, _("Notified to the CNIL"), incident->cnil_notified_at);
  /* A late notification must say why (GDPR Art. 33(1)); say so if it does not. */
  if (delay_reason == NULL && (status == DPO_CNIL_LATE || status == DPO_CNIL_OVERDUE))
    delay_reason = _("Missing: the notification is late and must give the reasons for the delay.");
  field (sheet, _("Reasons for the delay"), delay_reason);
}

static void
write_nature (DpoXlsxSheet      *sheet,
              const DpoIncident *incident)
{
  g_autofree char *natures = dpo_xlsx_join_labels (DPO_ENUM_NATURE,
                                                   (const char * const *) incident->natures);

  section (sheet, _("Nature and origin"));
  field (sheet, _("Nature of the breach"), natures);
  field (sheet, _("Origin and circumstances"), incident->origin);
  field (sheet, _("Title"), incident->title);
  field (sheet, _("Description"), incident->description);
}

static void
write_data_and_persons (DpoXlsxSheet      *sheet,
                        const DpoIncident *incident)
{
  g_autofree char *data = dpo_xlsx_join_labels (DPO_ENUM_DATA_CATEGORY,
                                                (const char * const *) incident->data_categories);
  g_autofree char *persons = dpo_xlsx_join_labels (DPO_ENUM_SUBJECT_CATEGORY,
                                                   (const char * const *) incident->subject_categories);

  section (sheet, _("Data and persons concerned"));
  field (sheet, _("Categories of data"), data);
  field (sheet, _("Categories of persons"), persons);
  field_count (sheet, _("Approximate number of persons"), incident->approx_subjects);
  field_count (sheet, _("Approximate number of records"), incident->approx_records);
}

static void
write_consequences_and_measures (DpoXlsxSheet      *sheet,
                                 const DpoIncident *incident)
{
  section (sheet, _("Likely consequences"));
  field (sheet, _("Consequences for the persons"), incident->consequences);
  field (sheet, _("Risk"), dpo_enum_label (DPO_ENUM_RISK, incident->risk));

  section (sheet, _("Measures"));
  field (sheet, _("Measures taken or planned"), incident->measures);
}

static void
write_communication (DpoXlsxSheet      *sheet,
                     const DpoIncident *incident)
{
  const char *titles[] = { _("Channel"), _("Date"), _("Number of persons"), NULL };
  GPtrArray *communications = incident->communications;

  section (sheet, _("Communication to the people"));
  /* GDPR Art. 34: the people must be told when the risk is high. */
  field (sheet, _("Information of the persons"),
         dpo_people_must_be_informed (incident->risk) ? _("Required: the risk is high")
                                                      : _("Not required"));
  if (communications->len == 0)
    {
      field (sheet, _("Communications"), _("None recorded"));
      return;
    }
  caption (sheet, titles);
  for (guint i = 0; i < communications->len; i++)
    {
      DpoCommunication *communication = g_ptr_array_index (communications, i);

      row (sheet);
      dpo_xlsx_sheet_text (sheet, 0, dpo_enum_label (DPO_ENUM_COMMUNICATION_CHANNEL,
                                                     communication->channel));
      dpo_xlsx_sheet_date_time (sheet, 1, communication->sent_at);
      dpo_xlsx_sheet_count (sheet, 2, communication->count);
    }
  field_count (sheet, _("Persons informed in all"), dpo_incident_count_informed (incident));
}

static void
write_other_authorities (DpoXlsxSheet      *sheet,
                         const DpoIncident *incident)
{
  const char *titles[] = { _("Authority"), _("Sent"), _("Reference"), _("Kind"), NULL };
  gboolean any = FALSE;

  for (guint i = 0; i < incident->notifications->len; i++)
    {
      DpoNotification *notification = g_ptr_array_index (incident->notifications, i);
      const char *authority = dpo_enum_label (DPO_ENUM_AUTHORITY, notification->authority);

      if (dpo_notification_get_authority (notification) == DPO_AUTHORITY_CNIL)
        continue;
      if (!any)
        caption (sheet, titles);
      any = TRUE;
      if (notification->authority_name != NULL)
        authority = notification->authority_name;
      row (sheet);
      dpo_xlsx_sheet_text (sheet, 0, authority);
      dpo_xlsx_sheet_date_time (sheet, 1, notification->sent_at);
      dpo_xlsx_sheet_text (sheet, 2, notification->reference);
      dpo_xlsx_sheet_text (sheet, 3, dpo_enum_label (DPO_ENUM_NOTIFICATION_KIND, notification->kind));
    }
  if (!any)
    field (sheet, _("Other authorities (ANSSI…)"), _("None recorded"));
}

static void
write_complaints (DpoXlsxSheet      *sheet,
                  const DpoIncident *incident)
{
  const char *titles[] = { _("Complaint"), _("Date"), _("Reference"), _("Party"), _("Status"), NULL };

  if (incident->complaints->len == 0)
    {
      field (sheet, _("Complaints"), _("None recorded"));
      return;
    }
  caption (sheet, titles);
  for (guint i = 0; i < incident->complaints->len; i++)
    {
      DpoComplaint *complaint = g_ptr_array_index (incident->complaints, i);
      const char *direction = dpo_enum_label (DPO_ENUM_COMPLAINT_DIRECTION, complaint->direction);
      const char *body = dpo_enum_label (DPO_ENUM_COMPLAINT_BODY, complaint->body);
      g_autofree char *what = g_strdup_printf ("%s — %s", direction, body);

      row (sheet);
      dpo_xlsx_sheet_text (sheet, 0, what);
      dpo_xlsx_sheet_date_time (sheet, 1, complaint->filed_at);
      dpo_xlsx_sheet_text (sheet, 2, complaint->reference);
      dpo_xlsx_sheet_text (sheet, 3, complaint->party);
      dpo_xlsx_sheet_text (sheet, 4, dpo_enum_label (DPO_ENUM_COMPLAINT_STATUS, complaint->status));
    }
}

/* Not a part of the CNIL's form: the internal record of what happened when. */
static void
write_timeline (DpoXlsxSheet      *sheet,
                const DpoIncident *incident)
{
  const char *titles[] = { _("Kind"), _("Date"), _("Description"), NULL };

  section (sheet, _("Timeline"));
  caption (sheet, titles);
  for (guint i = 0; i < incident->events->len; i++)
    {
      DpoEvent *event = g_ptr_array_index (incident->events, i);

      row (sheet);
      dpo_xlsx_sheet_text (sheet, 0, dpo_enum_label (DPO_ENUM_EVENT_KIND, event->kind));
      dpo_xlsx_sheet_date_time (sheet, 1, event->at);
      dpo_xlsx_sheet_text (sheet, 2, event->description);
    }
}

static void
write_form (DpoXlsxSheet          *sheet,
            const DpoIncident     *incident,
            const DpoOrganisation *organisation,
            GDateTime             *now)
{
  write_title (sheet, incident, now);
  write_notification_type (sheet, incident, now);
  write_organisation (sheet, incident, organisation);
  write_dates (sheet, incident, now);
  write_nature (sheet, incident);
  write_data_and_persons (sheet, incident);
  write_consequences_and_measures (sheet, incident);
  write_communication (sheet, incident);
  section (sheet, _("Other notifications"));
  write_other_authorities (sheet, incident);
  write_complaints (sheet, incident);
  write_timeline (sheet, incident);
}

gboolean
dpo_registers_export_incident (DpoStore    *self,
                               const char  *id,
                               GFile       *file,
                               GError     **error)
{
  g_autoptr(DpoIncident) incident = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(DpoOrganisation) organisation = NULL;
  DpoXlsxBook *book;
  DpoXlsxSheet *sheet;
  gboolean ok;

  g_return_val_if_fail (DPO_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Exports are the officer's and the auditor's (dpo-store-role.c). */
  if (!dpo_store_require (self, DPO_RIGHT_EXPORT, error))
    return FALSE;
  incident = dpo_store_get_incident (self, id, error);
  if (incident == NULL)
    return FALSE;
  now = dpo_store_dup_now (self);
  organisation = dpo_store_get_organisation (self);

  book = dpo_xlsx_book_new (file, 0, error);
  if (book == NULL)
    return FALSE;
  /* The seal as the report was made: kept with the CNIL's copy, it proves
   * the log up to then. */
  _dpo_export_set_seal_footer (book, self);
  _dpo_export_set_organisation_header (book, self);
  dpo_xlsx_book_set_portrait (book, TRUE);

  sheet = dpo_xlsx_book_add_sheet (book, incident->id, form_columns, G_N_ELEMENTS (form_columns), error);
  if (sheet != NULL)
    write_form (sheet, incident, organisation, now);
  ok = sheet != NULL && dpo_xlsx_sheet_finish (sheet, error) && dpo_xlsx_book_commit (book, error);

  dpo_xlsx_book_free (book);
  return ok;
}
