/* dpo-records.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dpo-records.h"

/* Boxed types without casting the copy and free functions: GLib's
 * G_DEFINE_BOXED_TYPE passes them through a union, which ISO C (and
 * warning level 3) refuses. */
#define DPO_DEFINE_RECORD_TYPE(TypeName, type_name) \
  static gpointer \
  type_name##_boxed_copy (gpointer boxed) \
  { \
    return type_name##_copy (boxed); \
  } \
  static void \
  type_name##_boxed_free (gpointer boxed) \
  { \
    type_name##_free (boxed); \
  } \
  GType \
  type_name##_get_type (void) \
  { \
    static GType type; \
    if (g_once_init_enter (&type)) \
      g_once_init_leave (&type, g_boxed_type_register_static (g_intern_static_string (#TypeName), \
                                                                     type_name##_boxed_copy, \
                                                                     type_name##_boxed_free)); \
    return type; \
  }

DPO_DEFINE_RECORD_TYPE (DpoEvent, dpo_event)
DPO_DEFINE_RECORD_TYPE (DpoNotification, dpo_notification)
DPO_DEFINE_RECORD_TYPE (DpoComplaint, dpo_complaint)
DPO_DEFINE_RECORD_TYPE (DpoCommunication, dpo_communication)
DPO_DEFINE_RECORD_TYPE (DpoIncident, dpo_incident)
DPO_DEFINE_RECORD_TYPE (DpoContract, dpo_contract)
DPO_DEFINE_RECORD_TYPE (DpoSubject, dpo_subject)
DPO_DEFINE_RECORD_TYPE (DpoRequest, dpo_request)

static GDateTime *
ref_time (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

static GPtrArray *
copy_array (GPtrArray      *array,
            GBoxedCopyFunc  copy,
            GDestroyNotify  free_func)
{
  GPtrArray *copy_of = g_ptr_array_new_with_free_func (free_func);

  for (guint i = 0; array != NULL && i < array->len; i++)
    g_ptr_array_add (copy_of, copy (g_ptr_array_index (array, i)));

  return copy_of;
}

DpoEvent *
dpo_event_new (void)
{
  return g_new0 (DpoEvent, 1);
}

DpoEvent *
dpo_event_copy (const DpoEvent *self)
{
  DpoEvent *copy = dpo_event_new ();

  copy->rowid = self->rowid;
  copy->at = ref_time (self->at);
  copy->kind = g_strdup (self->kind);
  copy->description = g_strdup (self->description);
  return copy;
}

void
dpo_event_free (DpoEvent *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->at, g_date_time_unref);
  g_free (self->kind);
  g_free (self->description);
  g_free (self);
}

DpoNotification *
dpo_notification_new (void)
{
  return g_new0 (DpoNotification, 1);
}

DpoNotification *
dpo_notification_copy (const DpoNotification *self)
{
  DpoNotification *copy = dpo_notification_new ();

  copy->rowid = self->rowid;
  copy->authority = g_strdup (self->authority);
  copy->authority_name = g_strdup (self->authority_name);
  copy->kind = g_strdup (self->kind);
  copy->sent_at = ref_time (self->sent_at);
  copy->reference = g_strdup (self->reference);
  return copy;
}

void
dpo_notification_free (DpoNotification *self)
{
  if (self == NULL)
    return;
  g_free (self->authority);
  g_free (self->authority_name);
  g_free (self->kind);
  g_clear_pointer (&self->sent_at, g_date_time_unref);
  g_free (self->reference);
  g_free (self);
}

DpoComplaint *
dpo_complaint_new (void)
{
  return g_new0 (DpoComplaint, 1);
}

DpoComplaint *
dpo_complaint_copy (const DpoComplaint *self)
{
  DpoComplaint *copy = dpo_complaint_new ();

  copy->rowid = self->rowid;
  copy->direction = g_strdup (self->direction);
  copy->body = g_strdup (self->body);
  copy->filed_at = ref_time (self->filed_at);
  copy->reference = g_strdup (self->reference);
  copy->party = g_strdup (self->party);
  copy->status = g_strdup (self->status);
  copy->outcome = g_strdup (self->outcome);
  return copy;
}

void
dpo_complaint_free (DpoComplaint *self)
{
  if (self == NULL)
    return;
  g_free (self->direction);
  g_free (self->body);
  g_clear_pointer (&self->filed_at, g_date_time_unref);
  g_free (self->reference);
  g_free (self->party);
  g_free (self->status);
  g_free (self->outcome);
  g_free (self);
}

DpoCommunication *
dpo_communication_new (void)
{
  DpoCommunication *self = g_new0 (DpoCommunication, 1);

  self->count = -1;
  return self;
}

DpoCommunication *
dpo_communication_copy (const DpoCommunication *self)
{
  DpoCommunication *copy = dpo_communication_new ();

  copy->rowid = self->rowid;
  copy->channel = g_strdup (self->channel);
  copy->sent_at = ref_time (self->sent_at);
  copy->count = self->count;
  copy->message = g_strdup (self->message);
  return copy;
}

void
dpo_communication_free (DpoCommunication *self)
{
  if (self == NULL)
    return;
  g_free (self->channel);
  g_clear_pointer (&self->sent_at, g_date_time_unref);
  g_free (self->message);
  g_free (self);
}

DpoIncident *
dpo_incident_new (void)
{
  DpoIncident *self = g_new0 (DpoIncident, 1);

  self->approx_subjects = -1;
  self->approx_records = -1;
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_event_free);
  self->notifications = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_notification_free);
  self->complaints = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_complaint_free);
  self->communications = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_communication_free);
  return self;
}

DpoIncident *
dpo_incident_copy (const DpoIncident *self)
{
  DpoIncident *copy = g_new0 (DpoIncident, 1);

  copy->rowid = self->rowid;
  copy->audit_seen = self->audit_seen;
  copy->id = g_strdup (self->id);
  copy->title = g_strdup (self->title);
  copy->description = g_strdup (self->description);
  copy->processor = g_strdup (self->processor);
  copy->natures = g_strdupv (self->natures);
  copy->origin = g_strdup (self->origin);
  copy->started_at = ref_time (self->started_at);
  copy->ended_at = ref_time (self->ended_at);
  copy->aware_at = ref_time (self->aware_at);
  copy->data_categories = g_strdupv (self->data_categories);
  copy->subject_categories = g_strdupv (self->subject_categories);
  copy->approx_subjects = self->approx_subjects;
  copy->approx_records = self->approx_records;
  copy->consequences = g_strdup (self->consequences);
  copy->risk = g_strdup (self->risk);
  copy->measures = g_strdup (self->measures);
  copy->delay_reason = g_strdup (self->delay_reason);
  copy->notice_subject = g_strdup (self->notice_subject);
  copy->notice_body = g_strdup (self->notice_body);
  copy->cnil_notified_at = ref_time (self->cnil_notified_at);
  copy->events = copy_array (self->events, (GBoxedCopyFunc) dpo_event_copy,
                             (GDestroyNotify) dpo_event_free);
  copy->notifications = copy_array (self->notifications, (GBoxedCopyFunc) dpo_notification_copy,
                                    (GDestroyNotify) dpo_notification_free);
  copy->complaints = copy_array (self->complaints, (GBoxedCopyFunc) dpo_complaint_copy,
                                 (GDestroyNotify) dpo_complaint_free);
  copy->communications = copy_array (self->communications, (GBoxedCopyFunc) dpo_communication_copy,
                                     (GDestroyNotify) dpo_communication_free);
  return copy;
}

void
dpo_incident_free (DpoIncident *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_free (self->processor);
  g_strfreev (self->natures);
  g_free (self->origin);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->ended_at, g_date_time_unref);
  g_clear_pointer (&self->aware_at, g_date_time_unref);
  g_strfreev (self->data_categories);
  g_strfreev (self->subject_categories);
  g_free (self->consequences);
  g_free (self->risk);
  g_free (self->measures);
  g_free (self->delay_reason);
  g_free (self->notice_subject);
  g_free (self->notice_body);
  g_clear_pointer (&self->cnil_notified_at, g_date_time_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->notifications, g_ptr_array_unref);
  g_clear_pointer (&self->complaints, g_ptr_array_unref);
  g_clear_pointer (&self->communications, g_ptr_array_unref);
  g_free (self);
}

DpoContract *
dpo_contract_new (void)
{
  return g_new0 (DpoContract, 1);
}

DpoContract *
dpo_contract_copy (const DpoContract *self)
{
  DpoContract *copy = dpo_contract_new ();

  copy->rowid = self->rowid;
  copy->number = g_strdup (self->number);
  copy->product = g_strdup (self->product);
  copy->start_date = g_strdup (self->start_date);
  copy->end_date = g_strdup (self->end_date);
  copy->beneficiaries = g_strdupv (self->beneficiaries);
  copy->holder_id = g_strdup (self->holder_id);
  copy->holder_name = g_strdup (self->holder_name);
  return copy;
}

void
dpo_contract_free (DpoContract *self)
{
  if (self == NULL)
    return;
  g_free (self->number);
  g_free (self->product);
  g_free (self->start_date);
  g_free (self->end_date);
  g_strfreev (self->beneficiaries);
  g_free (self->holder_id);
  g_free (self->holder_name);
  g_free (self);
}

gboolean
dpo_contract_is_active_on (const DpoContract *self,
                           const char        *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  /* ISO dates compare as strings. */
  return self->end_date == NULL || strcmp (self->end_date, date) >= 0;
}

gboolean
dpo_contract_has_beneficiary (const DpoContract *self,
                              const char        *subject_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return subject_id != NULL && self->beneficiaries != NULL &&
         g_strv_contains ((const char * const *) self->beneficiaries, subject_id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

void
dpo_contract_sort_beneficiaries (DpoContract *self)
{
  g_return_if_fail (self != NULL);

  if (self->beneficiaries != NULL)
    qsort (self->beneficiaries, g_strv_length (self->beneficiaries), sizeof (char *), compare_ids);
}

gboolean
dpo_subject_is_restricted (const DpoSubject *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->restricted_since != NULL;
}

DpoSubject *
dpo_subject_new (void)
{
  DpoSubject *self = g_new0 (DpoSubject, 1);

  self->contracts = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_contract_free);
  self->covered_by = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_contract_free);
  self->holds = g_ptr_array_new_with_free_func ((GDestroyNotify) dpo_hold_free);
  return self;
}

DpoSubject *
dpo_subject_copy (const DpoSubject *self)
{
  DpoSubject *copy = g_new0 (DpoSubject, 1);

  copy->rowid = self->rowid;
  copy->audit_seen = self->audit_seen;
  copy->id = g_strdup (self->id);
  copy->last_name = g_strdup (self->last_name);
  copy->first_name = g_strdup (self->first_name);
  copy->birth_date = g_strdup (self->birth_date);
  copy->nir = g_strdup (self->nir);
  copy->member_number = g_strdup (self->member_number);
  copy->email = g_strdup (self->email);
  copy->postal_address = g_strdup (self->postal_address);
  copy->contracts = copy_array (self->contracts, (GBoxedCopyFunc) dpo_contract_copy,
                                (GDestroyNotify) dpo_contract_free);
  copy->covered_by = copy_array (self->covered_by, (GBoxedCopyFunc) dpo_contract_copy,
                                 (GDestroyNotify) dpo_contract_free);
  copy->holds = copy_array (self->holds, (GBoxedCopyFunc) dpo_hold_copy,
                            (GDestroyNotify) dpo_hold_free);
  copy->restricted_since = g_strdup (self->restricted_since);
  copy->restriction_reason = g_strdup (self->restriction_reason);
  return copy;
}

void
dpo_subject_free (DpoSubject *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->last_name);
  g_free (self->first_name);
  g_free (self->birth_date);
  g_free (self->nir);
  g_free (self->member_number);
  g_free (self->email);
  g_free (self->postal_address);
  g_clear_pointer (&self->contracts, g_ptr_array_unref);
  g_clear_pointer (&self->covered_by, g_ptr_array_unref);
  g_clear_pointer (&self->holds, g_ptr_array_unref);
  g_free (self->restricted_since);
  g_free (self->restriction_reason);
  g_free (self);
}

DpoRequest *
dpo_request_new (void)
{
  return g_new0 (DpoRequest, 1);
}

DpoRequest *
dpo_request_copy (const DpoRequest *self)
{
  DpoRequest *copy = dpo_request_new ();

  copy->rowid = self->rowid;
  copy->audit_seen = self->audit_seen;
  copy->id = g_strdup (self->id);
  copy->subject_id = g_strdup (self->subject_id);
  copy->subject_name = g_strdup (self->subject_name);
  copy->requester_name = g_strdup (self->requester_name);
  copy->requester_contact = g_strdup (self->requester_contact);
  copy->kind = g_strdup (self->kind);
  copy->received_at = ref_time (self->received_at);
  copy->channel = g_strdup (self->channel);
  copy->identity_verified_at = ref_time (self->identity_verified_at);
  copy->extension_reason = g_strdup (self->extension_reason);
  copy->extension_notified_at = ref_time (self->extension_notified_at);
  copy->status = g_strdup (self->status);
  copy->answered_at = ref_time (self->answered_at);
  copy->outcome = g_strdup (self->outcome);
  copy->refusal_ground = g_strdup (self->refusal_ground);
  copy->changes = g_strdup (self->changes);
  copy->decision = g_strdup (self->decision);
  copy->decision_reason = g_strdup (self->decision_reason);
  copy->subject_restricted_since = g_strdup (self->subject_restricted_since);
  copy->subject_restriction_reason = g_strdup (self->subject_restriction_reason);
  return copy;
}

void
dpo_request_free (DpoRequest *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->subject_id);
  g_free (self->subject_name);
  g_free (self->requester_name);
  g_free (self->requester_contact);
  g_free (self->kind);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_free (self->channel);
  g_clear_pointer (&self->identity_verified_at, g_date_time_unref);
  g_free (self->extension_reason);
  g_clear_pointer (&self->extension_notified_at, g_date_time_unref);
  g_free (self->status);
  g_clear_pointer (&self->answered_at, g_date_time_unref);
  g_free (self->outcome);
  g_free (self->refusal_ground);
  g_free (self->changes);
  g_free (self->decision);
  g_free (self->decision_reason);
  g_free (self->subject_restricted_since);
  g_free (self->subject_restriction_reason);
  g_free (self);
}

DpoEventKind
dpo_event_get_kind (const DpoEvent *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return dpo_enum_value (DPO_ENUM_EVENT_KIND, self->kind);
}

DpoAuthority
dpo_notification_get_authority (const DpoNotification *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return dpo_enum_value (DPO_ENUM_AUTHORITY, self->authority);
}

DpoNotificationKind
dpo_notification_get_kind (const DpoNotification *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return dpo_enum_value (DPO_ENUM_NOTIFICATION_KIND, self->kind);
}

DpoComplaintStatus
dpo_complaint_get_status (const DpoComplaint *self)
{
  g_return_val_if_fail (self != NULL, -1);
  /* The database's default: a complaint is open until closed. */
  return self->status == NULL ? DPO_COMPLAINT_OPEN
                              : dpo_enum_value (DPO_ENUM_COMPLAINT_STATUS, self->status);
}

DpoRisk
dpo_incident_get_risk (const DpoIncident *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return dpo_enum_value (DPO_ENUM_RISK, self->risk);
}

DpoRequestKind
dpo_request_get_kind (const DpoRequest *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return dpo_enum_value (DPO_ENUM_REQUEST_KIND, self->kind);
}

void
dpo_request_set_kind (DpoRequest     *self,
                      DpoRequestKind  kind)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (kind < DPO_N_REQUEST_KINDS);

  g_free (self->kind);
  self->kind = g_strdup (dpo_enum_word (DPO_ENUM_REQUEST_KIND, kind));
}

DpoObjectionDecision
dpo_request_get_decision (const DpoRequest *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return dpo_enum_value (DPO_ENUM_OBJECTION_DECISION, self->decision);
}

DpoRequestStatus
dpo_request_get_status (const DpoRequest *self)
{
  g_return_val_if_fail (self != NULL, -1);
  /* The database's default: a request is received until it moves on. */
  return self->status == NULL ? DPO_REQUEST_RECEIVED
                              : dpo_enum_value (DPO_ENUM_REQUEST_STATUS, self->status);
}

void
dpo_request_set_status (DpoRequest       *self,
                        DpoRequestStatus  status)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (status < DPO_N_REQUEST_STATUSES);

  g_free (self->status);
  self->status = g_strdup (dpo_enum_word (DPO_ENUM_REQUEST_STATUS, status));
}
