/* dpo-record-json.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dpo-record-json.h"
#include "dpo-time.h"

/* Optional members are left out when absent, so that a round trip through
 * import gives back the same document. */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_time_value (JsonBuilder *builder,
                GDateTime   *time)
{
  g_autofree char *text = NULL;

  if (time == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  text = dpo_time_to_iso_local (time);
  json_builder_add_string_value (builder, text);
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          GDateTime   *time)
{
  if (time == NULL)
    return;
  json_builder_set_member_name (builder, member);
  add_time_value (builder, time);
}

static void
add_count (JsonBuilder *builder,
           const char  *member,
           gint64       count)
{
  if (count < 0)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, count);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_words (JsonBuilder *builder,
           const char  *member,
           GStrv        words)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    json_builder_add_string_value (builder, words[i]);
  json_builder_end_array (builder);
}

JsonNode *
dpo_event_to_json (const DpoEvent *event)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_time (builder, "at", event->at);
  add_string (builder, "kind", event->kind);
  add_string (builder, "description", event->description);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
dpo_notification_to_json (const DpoNotification *notification)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "authority", notification->authority);
  add_string (builder, "authority_name", notification->authority_name);
  add_string (builder, "kind", notification->kind);
  add_time (builder, "sent_at", notification->sent_at);
  add_string (builder, "reference", notification->reference);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
dpo_complaint_to_json (const DpoComplaint *complaint)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "direction", complaint->direction);
  add_string (builder, "body", complaint->body);
  add_time (builder, "filed_at", complaint->filed_at);
  add_string (builder, "reference", complaint->reference);
  add_string (builder, "party", complaint->party);
  add_string (builder, "status", complaint->status);
  add_string (builder, "outcome", complaint->outcome);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
dpo_communication_to_json (const DpoCommunication *communication)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "channel", communication->channel);
  add_time (builder, "sent_at", communication->sent_at);
  add_count (builder, "count", communication->count);
  add_string (builder, "message", communication->message);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Sorted, so that two exports of the same data are the same; left out when
 * the contract covers its holder alone, as documents before it had it. */
static void
add_beneficiaries (JsonBuilder *builder,
                   GStrv        beneficiaries)
{
  g_autofree const char **sorted = NULL;
  guint n = beneficiaries != NULL ? g_strv_length (beneficiaries) : 0;

  if (n == 0)
    return;
  sorted = g_new (const char *, n + 1);
  memcpy (sorted, beneficiaries, (n + 1) * sizeof (char *));
  qsort (sorted, n, sizeof (char *), compare_ids);
  json_builder_set_member_name (builder, "beneficiaries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    json_builder_add_string_value (builder, sorted[i]);
  json_builder_end_array (builder);
}

JsonNode *
dpo_contract_to_json (const DpoContract *contract)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "number", contract->number);
  add_string (builder, "product", contract->product);
  add_string (builder, "start_date", contract->start_date);
  /* Always written: null says "still open" in so many words. */
  json_builder_set_member_name (builder, "end_date");
  if (contract->end_date != NULL)
    json_builder_add_string_value (builder, contract->end_date);
  else
    json_builder_add_null_value (builder);
  add_beneficiaries (builder, contract->beneficiaries);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
dpo_hold_to_json (const DpoHold *hold)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "reason", hold->reason);
  add_string (builder, "note", hold->note);
  add_string (builder, "since", hold->since);
  /* Always written: null says "until lifted" in so many words. */
  json_builder_set_member_name (builder, "until");
  if (hold->until != NULL)
    json_builder_add_string_value (builder, hold->until);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

typedef JsonNode *(*ToJson) (gconstpointer record);

static void
add_list (JsonBuilder *builder,
          const char  *member,
          GPtrArray   *records,
          ToJson       to_json)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; records != NULL && i < records->len; i++)
    json_builder_add_value (builder, to_json (g_ptr_array_index (records, i)));
  json_builder_end_array (builder);
}

static JsonNode *
event_to_json (gconstpointer record)
{
  return dpo_event_to_json (record);
}

static JsonNode *
notification_to_json (gconstpointer record)
{
  return dpo_notification_to_json (record);
}

static JsonNode *
complaint_to_json (gconstpointer record)
{
  return dpo_complaint_to_json (record);
}

static JsonNode *
communication_to_json (gconstpointer record)
{
  return dpo_communication_to_json (record);
}

static JsonNode *
contract_to_json (gconstpointer record)
{
  return dpo_contract_to_json (record);
}

static JsonNode *
hold_to_json (gconstpointer record)
{
  return dpo_hold_to_json (record);
}

/* "notice": {"subject", "body"}, left out while there is none. */
static void
add_notice (JsonBuilder       *builder,
            const DpoIncident *incident)
{
  if (incident->notice_subject == NULL && incident->notice_body == NULL)
    return;
  json_builder_set_member_name (builder, "notice");
  json_builder_begin_object (builder);
  add_string (builder, "subject", incident->notice_subject);
  add_string (builder, "body", incident->notice_body);
  json_builder_end_object (builder);
}

JsonNode *
dpo_incident_to_json (const DpoIncident *incident)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "id", incident->id);
  add_string (builder, "title", incident->title);
  add_string (builder, "description", incident->description);
  add_string (builder, "processor", incident->processor);
  add_words (builder, "natures", incident->natures);
  add_string (builder, "origin", incident->origin);
  add_time (builder, "started_at", incident->started_at);
  add_time (builder, "ended_at", incident->ended_at);
  add_time (builder, "aware_at", incident->aware_at);
  add_words (builder, "data_categories", incident->data_categories);
  add_words (builder, "subject_categories", incident->subject_categories);
  add_count (builder, "approx_subjects", incident->approx_subjects);
  add_count (builder, "approx_records", incident->approx_records);
  add_string (builder, "consequences", incident->consequences);
  add_string (builder, "risk", incident->risk);
  add_string (builder, "measures", incident->measures);
  add_string (builder, "delay_reason", incident->delay_reason);
  add_notice (builder, incident);
  add_list (builder, "events", incident->events, event_to_json);
  add_list (builder, "notifications", incident->notifications, notification_to_json);
  add_list (builder, "complaints", incident->complaints, complaint_to_json);
  add_list (builder, "communications", incident->communications, communication_to_json);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
dpo_subject_to_json (const DpoSubject *subject)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "id", subject->id);
  add_string (builder, "last_name", subject->last_name);
  add_string (builder, "first_name", subject->first_name);
  add_string (builder, "birth_date", subject->birth_date);
  add_string (builder, "nir", subject->nir);
  add_string (builder, "member_number", subject->member_number);
  add_string (builder, "email", subject->email);
  add_string (builder, "postal_address", subject->postal_address);
  add_list (builder, "contracts", subject->contracts, contract_to_json);
  /* Left out when there are none, as documents before holds had it. */
  if (subject->holds != NULL && subject->holds->len > 0)
    add_list (builder, "holds", subject->holds, hold_to_json);
  /* Art. 18: only while processing is restricted. */
  if (subject->restricted_since != NULL)
    {
      json_builder_set_member_name (builder, "restricted");
      json_builder_begin_object (builder);
      add_string (builder, "since", subject->restricted_since);
      add_string (builder, "reason", subject->restriction_reason);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
add_request_person (JsonBuilder      *builder,
                    const DpoRequest *request)
{
  if (request->requester_name != NULL)
    {
      json_builder_set_member_name (builder, "requester");
      json_builder_begin_object (builder);
      add_string (builder, "name", request->requester_name);
      add_string (builder, "contact", request->requester_contact);
      json_builder_end_object (builder);
      return;
    }

  /* null: the person was erased; the request stays in the register. */
  json_builder_set_member_name (builder, "subject");
  if (request->subject_id != NULL)
    json_builder_add_string_value (builder, request->subject_id);
  else
    json_builder_add_null_value (builder);
}

static void
add_changes (JsonBuilder *builder,
             const char  *changes)
{
  g_autoptr(JsonNode) node = NULL;

  if (changes == NULL)
    return;
  node = json_from_string (changes, NULL);
  if (node == NULL)
    return;
  json_builder_set_member_name (builder, "changes");
  json_builder_add_value (builder, g_steal_pointer (&node));
}

JsonNode *
dpo_request_to_json (const DpoRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "id", request->id);
  add_request_person (builder, request);
  add_string (builder, "kind", request->kind);
  add_time (builder, "received_at", request->received_at);
  add_string (builder, "channel", request->channel);
  add_time (builder, "identity_verified_at", request->identity_verified_at);
  if (request->extension_reason != NULL || request->extension_notified_at != NULL)
    {
      json_builder_set_member_name (builder, "extension");
      json_builder_begin_object (builder);
      add_string (builder, "reason", request->extension_reason);
      add_time (builder, "notified_at", request->extension_notified_at);
      json_builder_end_object (builder);
    }
  add_string (builder, "status", request->status);
  add_time (builder, "answered_at", request->answered_at);
  add_string (builder, "outcome", request->outcome);
  add_string (builder, "refusal_ground", request->refusal_ground);
  add_changes (builder, request->changes);
  add_string (builder, "decision", request->decision);
  add_string (builder, "decision_reason", request->decision_reason);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
