/* dpo-validate.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "dpo-due-date.h"
#include "dpo-enums.h"
#include "dpo-json-text.h"
#include "dpo-error.h"
#include "dpo-nir.h"
#include "dpo-person-fields.h"
#include "dpo-time.h"
#include "dpo-notice.h"
#include "dpo-validate.h"

static gboolean G_GNUC_PRINTF (3, 4)
invalid (GError     **error,
         const char  *field,
         const char  *format,
         ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: "Field: what is wrong with it" */
  g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID, _("%s: %s"), field, problem);
  return FALSE;
}

gboolean
dpo_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
check_required_text (const char  *text,
                     const char  *field,
                     GError     **error)
{
  if (dpo_text_is_blank (text))
    return invalid (error, field, _("cannot be empty"));
  return TRUE;
}

static gboolean
check_word (DpoEnum      vocabulary,
            const char  *word,
            const char  *field,
            gboolean     required,
            GError     **error)
{
  g_autofree char *expected = NULL;

  if (word == NULL)
    return required ? invalid (error, field, _("must be chosen")) : TRUE;
  if (dpo_enum_is_known (vocabulary, word))
    return TRUE;
  expected = dpo_enum_describe (vocabulary);
  return invalid (error, field, _("“%s” is not a known value (%s)"), word, expected);
}

static gboolean
check_count (gint64       count,
             const char  *field,
             GError     **error)
{
  if (count < -1)
    return invalid (error, field, _("cannot be negative"));
  return TRUE;
}

gboolean
dpo_validate_incident (const DpoIncident  *incident,
                       GDateTime          *now,
                       GError            **error)
{
  if (!check_required_text (incident->id, _("Reference"), error) ||
      !check_required_text (incident->title, _("Title"), error))
    return FALSE;

  if (incident->natures == NULL || incident->natures[0] == NULL)
    return invalid (error, _("Nature"), _("choose at least one: confidentiality, integrity or availability"));
  for (guint i = 0; incident->natures[i] != NULL; i++)
    if (!check_word (DPO_ENUM_NATURE, incident->natures[i], _("Nature"), TRUE, error))
      return FALSE;

  if (incident->aware_at == NULL)
    return invalid (error, _("Awareness"), _("the moment the organisation became aware is required"));
  if (g_date_time_compare (incident->aware_at, now) > 0)
    return invalid (error, _("Awareness"), _("cannot be in the future"));
  if (incident->started_at != NULL && incident->ended_at != NULL &&
      g_date_time_compare (incident->ended_at, incident->started_at) < 0)
    return invalid (error, _("End"), _("the incident cannot end before it starts"));

  if (!check_word (DPO_ENUM_RISK, incident->risk, _("Risk"), TRUE, error) ||
      !check_count (incident->approx_subjects, _("Approximate number of persons"), error) ||
      !check_count (incident->approx_records, _("Approximate number of records"), error))
    return FALSE;
  /* A notice is whole (subject and text) or absent. */
  return (incident->notice_subject == NULL && incident->notice_body == NULL) ||
         dpo_notice_check (incident->notice_subject, incident->notice_body, error);
}

gboolean
dpo_validate_event (const DpoEvent  *event,
                    GError         **error)
{
  if (event->at == NULL)
    return invalid (error, _("Date"), _("is required"));
  return check_word (DPO_ENUM_EVENT_KIND, event->kind, _("Kind"), TRUE, error);
}

/* The one home of the rule "no notification before awareness": a
 * notification dated before the organisation knew of the incident is a
 * typing slip (it would stop the CNIL clock as "on time"). Which date is
 * wrong, only the DPO knows: the message says to correct one or the other. */
gboolean
dpo_validate_notification_time (GDateTime   *sent_at,
                                GDateTime   *aware_at,
                                const char  *field,
                                GError     **error)
{
  g_autofree char *sent_text = NULL;
  g_autofree char *aware_text = NULL;
  g_autofree char *problem = NULL;

  if (sent_at == NULL || aware_at == NULL || g_date_time_compare (sent_at, aware_at) >= 0)
    return TRUE;

  sent_text = dpo_time_format_display (sent_at);
  aware_text = dpo_time_format_display (aware_at);
  problem = g_strdup_printf (_("a notification dated %s is before the incident’s awareness (%s); "
                               "correct the notification’s date or the awareness date"),
                             sent_text, aware_text);
  if (field == NULL)
    {
      g_set_error_literal (error, DPO_ERROR, DPO_ERROR_INVALID, problem);
      return FALSE;
    }
  return invalid (error, field, "%s", problem);
}

gboolean
dpo_validate_notification (const DpoNotification  *notification,
                           GDateTime              *aware_at,
                           GError                **error)
{
  if (!check_word (DPO_ENUM_AUTHORITY, notification->authority, _("Authority"), TRUE, error) ||
      !check_word (DPO_ENUM_NOTIFICATION_KIND, notification->kind, _("Kind"), TRUE, error))
    return FALSE;
  if (dpo_notification_get_authority (notification) == DPO_AUTHORITY_OTHER &&
      dpo_text_is_blank (notification->authority_name))
    return invalid (error, _("Authority name"), _("is required for another authority"));
  if (notification->sent_at == NULL)
    return invalid (error, _("Sent"), _("is required"));
  return dpo_validate_notification_time (notification->sent_at, aware_at, _("Sent"), error);
}

gboolean
dpo_validate_complaint (const DpoComplaint  *complaint,
                        GError             **error)
{
  if (!check_word (DPO_ENUM_COMPLAINT_DIRECTION, complaint->direction, _("Direction"), TRUE, error) ||
      !check_word (DPO_ENUM_COMPLAINT_BODY, complaint->body, _("Body"), TRUE, error) ||
      !check_word (DPO_ENUM_COMPLAINT_STATUS, complaint->status, _("Status"), FALSE, error))
    return FALSE;
  if (complaint->filed_at == NULL)
    return invalid (error, _("Date"), _("is required"));
  return TRUE;
}

gboolean
dpo_validate_communication (const DpoCommunication  *communication,
                            GError                 **error)
{
  if (!check_word (DPO_ENUM_COMMUNICATION_CHANNEL, communication->channel, _("Channel"), TRUE, error))
    return FALSE;
  if (communication->sent_at == NULL)
    return invalid (error, _("Sent"), _("is required"));
  return check_count (communication->count, _("Number of people"), error);
}

static gboolean
check_date (const char  *date,
            const char  *field,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GDate parsed;

  if (date == NULL || dpo_date_parse (date, &parsed, &local_error))
    return TRUE;
  return invalid (error, field, "%s", local_error->message);
}

/* Normalizes the NIR in place (spaces out, upper case). */
gboolean
dpo_validate_subject (DpoSubject  *subject,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *nir = NULL;

  if (!check_required_text (subject->id, _("Reference"), error) ||
      !check_required_text (subject->last_name, _("Last name"), error) ||
      !check_required_text (subject->first_name, _("First name"), error) ||
      !check_date (subject->birth_date, _("Birth date"), error))
    return FALSE;

  if (!dpo_text_is_blank (subject->nir))
    {
      if (!dpo_nir_validate (subject->nir, &nir, &local_error))
        return invalid (error, _("Social security number (NIR)"), "%s", local_error->message);
      g_free (subject->nir);
      subject->nir = g_steal_pointer (&nir);
    }
  else
    g_clear_pointer (&subject->nir, g_free);
  return TRUE;
}

gboolean
dpo_validate_contract (const DpoContract  *contract,
                       GError            **error)
{
  if (!check_required_text (contract->number, _("Contract number"), error))
    return FALSE;
  if (contract->start_date == NULL)
    return invalid (error, _("Start date"), _("is required"));
  if (!check_date (contract->start_date, _("Start date"), error) ||
      !check_date (contract->end_date, _("End date"), error))
    return FALSE;
  if (contract->end_date != NULL && strcmp (contract->end_date, contract->start_date) < 0)
    return invalid (error, _("End date"), _("the contract cannot end before it starts"));
  return TRUE;
}

gboolean
dpo_validate_hold (const DpoHold  *hold,
                   GError        **error)
{
  if (!check_word (DPO_ENUM_HOLD_REASON, hold->reason, _("Reason"), TRUE, error) ||
      !check_date (hold->since, _("Since"), error) ||
      !check_date (hold->until, _("Until"), error))
    return FALSE;
  if (hold->since != NULL && hold->until != NULL && strcmp (hold->until, hold->since) < 0)
    return invalid (error, _("Until"), _("a hold ending before it starts (%s, before %s)"),
                    hold->until, hold->since);
  return TRUE;
}

/* The extension must be notified on or before the one-month date. */
static gboolean
check_extension (const DpoRequest  *request,
                 gboolean           alsace_moselle,
                 GError           **error)
{
  GDate received, due, notified;
  g_autofree char *due_text = NULL;

  if (request->extension_notified_at == NULL)
    return request->extension_reason == NULL ||
           invalid (error, _("Extension"), _("the date the person was told of the extension is required"));
  if (dpo_text_is_blank (request->extension_reason))
    return invalid (error, _("Extension"), _("the reason for the extension is required"));

  dpo_time_get_local_date (request->received_at, &received);
  dpo_time_get_local_date (request->extension_notified_at, &notified);
  dpo_request_due_on (&received, FALSE, alsace_moselle, &due);
  if (g_date_compare (&notified, &due) > 0)
    {
      due_text = dpo_date_to_iso (&due);
      return invalid (error, _("Extension"),
                      _("an extension must be notified by the one-month date (%s); it is too late"),
                      due_text);
    }
  if (g_date_time_compare (request->extension_notified_at, request->received_at) < 0)
    return invalid (error, _("Extension"), _("cannot be notified before the request was received"));
  return TRUE;
}

gboolean
dpo_validate_request (const DpoRequest  *request,
                      gboolean           alsace_moselle,
                      GError           **error)
{
  if (!check_required_text (request->id, _("Reference"), error) ||
      !check_word (DPO_ENUM_REQUEST_KIND, request->kind, _("Kind"), TRUE, error) ||
      !check_word (DPO_ENUM_REQUEST_CHANNEL, request->channel, _("Channel"), FALSE, error) ||
      !check_word (DPO_ENUM_REQUEST_STATUS, request->status, _("Status"), FALSE, error))
    return FALSE;
  if (request->received_at == NULL)
    return invalid (error, _("Received"), _("is required"));
  if (request->subject_id == NULL && dpo_text_is_blank (request->requester_name) &&
      request->rowid == 0)
    return invalid (error, _("Person"), _("choose the person, or give the requester’s name"));
  if (request->answered_at != NULL &&
      g_date_time_compare (request->answered_at, request->received_at) < 0)
    return invalid (error, _("Answered"), _("cannot be before the request was received"));
  if (request->identity_verified_at != NULL &&
      g_date_time_compare (request->identity_verified_at, request->received_at) < 0)
    return invalid (error, _("Identity verified"), _("cannot be before the request was received"));
  if (!check_extension (request, alsace_moselle, error))
    return FALSE;
  /* Art. 21: the decision belongs to the objection it answered (the
   * database's CHECK says so too, in words no DPO should read). */
  if (request->decision != NULL && dpo_request_get_kind (request) != DPO_REQUEST_OBJECTION)
    return invalid (error, _("Kind"), _("stays Objection: a decision on the objection is recorded"));
  if (request->changes != NULL && !dpo_validate_changes (request->changes, NULL, error))
    return FALSE;
  return TRUE;
}

gboolean
dpo_validate_changes (const char  *changes,
                      char       **normalized,
                      GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (changes, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("Changes"), _("must be a list of fields and new values"));
  object = json_node_get_object (node);
  members = json_object_get_members (object);

  json_builder_begin_object (builder);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *field = l->data;
      const DpoPersonField *person_field = dpo_person_field_find (field);
      JsonNode *value = json_object_get_member (object, field);
      const char *text = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_string (value) : NULL;
      g_autofree char *nir = NULL;
      g_autoptr(GError) local_error = NULL;
      GDate date;

      if (person_field == NULL)
        return invalid (error, _("Changes"), _("“%s” is not a field of a person"), field);
      if (text == NULL && !JSON_NODE_HOLDS_NULL (value))
        return invalid (error, _("Changes"), _("the new value of “%s” must be text"), field);
      if (person_field->required && dpo_text_is_blank (text))
        return invalid (error, _("Changes"), _("“%s” cannot be emptied"), field);
      if (g_str_equal (field, "birth_date") && text != NULL && !dpo_date_parse (text, &date, &local_error))
        return invalid (error, _("Changes"), "%s", local_error->message);
      if (g_str_equal (field, "nir") && text != NULL && !dpo_nir_validate (text, &nir, &local_error))
        return invalid (error, _("Changes"), _("invalid social security number (NIR) “%s”: %s"),
                        text, local_error->message);

      json_builder_set_member_name (builder, field);
      if (text == NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, nir != NULL ? nir : text);
    }
  json_builder_end_object (builder);

  if (normalized != NULL)
    {
      result = json_builder_get_root (builder);
      *normalized = dpo_json_to_text (result, FALSE);
    }
  return TRUE;
}

gboolean
dpo_notification_is_suspicious (const DpoNotification *notification,
                                const DpoIncident     *incident)
{
  return !dpo_validate_notification_time (notification->sent_at, incident->aware_at, NULL, NULL);
}
