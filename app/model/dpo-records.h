/* dpo-records.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "dpo-enums.h"
#include "dpo-hold.h"
#include "dpo-types.h"

G_BEGIN_DECLS

/* Plain records of DESIGN "Domain". Enumerated values are their English words
 * (see dpo-enums.h); date-times are GDateTime (NULL when absent); dates are
 * "YYYY-MM-DD" strings (NULL when absent); counts are -1 when unknown.
 * rowid is the database key (0 before insertion); id is the DPO's reference. */

struct _DpoEvent
{
  gint64     rowid;
  GDateTime *at;
  char      *kind;
  char      *description;
};

struct _DpoNotification
{
  gint64     rowid;
  char      *authority;       /* cnil, anssi, other */
  char      *authority_name;  /* for other */
  char      *kind;            /* initial, complementary */
  GDateTime *sent_at;
  char      *reference;
};

struct _DpoComplaint
{
  gint64     rowid;
  char      *direction;       /* filed, received */
  char      *body;
  GDateTime *filed_at;
  char      *reference;
  char      *party;
  char      *status;          /* open, closed */
  char      *outcome;
};

struct _DpoCommunication
{
  gint64     rowid;
  char      *channel;
  GDateTime *sent_at;
  gint64     count;
  char      *message;             /* what was said to the people */
};

struct _DpoIncident
{
  gint64     rowid;
  /* The audit log's last entry for this record when the store read it
   * (0: not read whole, nothing to compare): a save is refused if a newer
   * one exists, a colleague's change (dpo-store-conflict.c). */
  gint64     audit_seen;
  char      *id;
  char      *title;
  char      *description;
  char      *processor;
  GStrv      natures;
  char      *origin;
  GDateTime *started_at;
  GDateTime *ended_at;
  GDateTime *aware_at;
  GStrv      data_categories;
  GStrv      subject_categories;
  gint64     approx_subjects;
  gint64     approx_records;
  char      *consequences;
  char      *risk;            /* none, risk, high */
  char      *measures;
  char      *delay_reason;
  /* The Art. 34 notice to the people affected, with placeholders
   * (dpo-notice.h); both NULL until one is written. */
  char      *notice_subject;
  char      *notice_body;
  /* Derived, filled by the store when reading: the first initial CNIL
   * notification, which alone stops the 72-hour clock. */
  GDateTime *cnil_notified_at;
  /* Children, in date order; empty in list rows, filled by dpo_store_get_incident(). */
  GPtrArray *events;          /* of DpoEvent */
  GPtrArray *notifications;   /* of DpoNotification */
  GPtrArray *complaints;      /* of DpoComplaint */
  GPtrArray *communications;  /* of DpoCommunication */
};

struct _DpoContract
{
  gint64  rowid;
  char   *number;
  char   *product;
  char   *start_date;
  char   *end_date;           /* NULL while open */
  /* The other people it covers (DESIGN "Domain additions"): their ids,
   * sorted; NULL or empty when it covers its holder alone. */
  GStrv   beneficiaries;
  /* Derived, filled by the store only for the contracts that cover a
   * person as a beneficiary (DpoSubject.covered_by): who holds it. */
  char   *holder_id;
  char   *holder_name;        /* "First Last" */
};

struct _DpoSubject
{
  gint64     rowid;
  /* The audit log's last entry for this record when the store read it
   * (0: not read whole, nothing to compare): a save is refused if a newer
   * one exists, a colleague's change (dpo-store-conflict.c). */
  gint64     audit_seen;
  char      *id;
  char      *last_name;
  char      *first_name;
  char      *birth_date;
  char      *nir;
  char      *member_number;
  char      *email;
  char      *postal_address;
  GPtrArray *contracts;       /* of DpoContract: the contracts the person holds */
  /* Derived, filled by dpo_store_get_subject(): the contracts of others
   * that list this person as a beneficiary (holder_id and holder_name set). */
  GPtrArray *covered_by;      /* of DpoContract */
  GPtrArray *holds;           /* of DpoHold: legal holds, by start date */
  /* Art. 18: processing restricted since this date (YYYY-MM-DD), for this
   * reason; both NULL when it is not restricted. */
  char      *restricted_since;
  char      *restriction_reason;
};

struct _DpoRequest
{
  gint64     rowid;
  /* The audit log's last entry for this record when the store read it
   * (0: not read whole, nothing to compare): a save is refused if a newer
   * one exists, a colleague's change (dpo-store-conflict.c). */
  gint64     audit_seen;
  char      *id;
  char      *subject_id;      /* the person's reference; NULL once erased or for a requester */
  char      *subject_name;    /* derived when reading: "LAST First" */
  char      *requester_name;  /* someone not in the store */
  char      *requester_contact;
  char      *kind;
  GDateTime *received_at;
  char      *channel;
  GDateTime *identity_verified_at;
  char      *extension_reason;
  GDateTime *extension_notified_at;
  char      *status;
  GDateTime *answered_at;
  char      *outcome;
  char      *refusal_ground;
  char      *changes;         /* rectification: a JSON object, as text */
  /* Art. 21: an objection's decision (upheld, rejected) and its reason. */
  char      *decision;
  char      *decision_reason;
  /* Derived when reading: the person's restriction (Art. 18), NULL when none. */
  char      *subject_restricted_since;
  char      *subject_restriction_reason;
};

#define DPO_TYPE_INCIDENT_RECORD (dpo_incident_get_type ())
#define DPO_TYPE_SUBJECT_RECORD  (dpo_subject_get_type ())
#define DPO_TYPE_REQUEST_RECORD  (dpo_request_get_type ())

GType             dpo_event_get_type         (void) G_GNUC_CONST;
GType             dpo_notification_get_type  (void) G_GNUC_CONST;
GType             dpo_complaint_get_type     (void) G_GNUC_CONST;
GType             dpo_communication_get_type (void) G_GNUC_CONST;
GType             dpo_incident_get_type      (void) G_GNUC_CONST;
GType             dpo_contract_get_type      (void) G_GNUC_CONST;
GType             dpo_subject_get_type       (void) G_GNUC_CONST;
GType             dpo_request_get_type       (void) G_GNUC_CONST;

DpoEvent         *dpo_event_new              (void);
DpoEvent         *dpo_event_copy             (const DpoEvent         *self);
void              dpo_event_free             (DpoEvent               *self);
DpoNotification  *dpo_notification_new       (void);
DpoNotification  *dpo_notification_copy      (const DpoNotification  *self);
void              dpo_notification_free      (DpoNotification        *self);
DpoComplaint     *dpo_complaint_new          (void);
DpoComplaint     *dpo_complaint_copy         (const DpoComplaint     *self);
void              dpo_complaint_free         (DpoComplaint           *self);
DpoCommunication *dpo_communication_new      (void);
DpoCommunication *dpo_communication_copy     (const DpoCommunication *self);
void              dpo_communication_free     (DpoCommunication       *self);
DpoIncident      *dpo_incident_new           (void);
DpoIncident      *dpo_incident_copy          (const DpoIncident      *self);
void              dpo_incident_free          (DpoIncident            *self);
DpoContract      *dpo_contract_new           (void);
DpoContract      *dpo_contract_copy          (const DpoContract      *self);
void              dpo_contract_free          (DpoContract            *self);
DpoSubject       *dpo_subject_new            (void);
DpoSubject       *dpo_subject_copy           (const DpoSubject       *self);
void              dpo_subject_free           (DpoSubject             *self);
DpoRequest       *dpo_request_new            (void);
DpoRequest       *dpo_request_copy           (const DpoRequest       *self);
void              dpo_request_free           (DpoRequest             *self);

/* Whether processing of the person's data is restricted (Art. 18). */
gboolean          dpo_subject_is_restricted  (const DpoSubject       *self);

/* Active on @date (YYYY-MM-DD) unless it ended before that date; a contract
 * that has not started yet is active too. */
gboolean          dpo_contract_is_active_on  (const DpoContract      *self,
                                              const char             *date);
/* Whether @subject_id is among the contract's beneficiaries. */
gboolean          dpo_contract_has_beneficiary (const DpoContract    *self,
                                                const char           *subject_id);
/* Sorts the beneficiaries (the order they are exported and compared in). */
void              dpo_contract_sort_beneficiaries (DpoContract       *self);

/* Typed views of the enumerated fields, for code that decides on them: the
 * records keep the words (the JSON and database values). A word outside
 * the vocabulary reads as *_UNKNOWN (-1); a missing complaint or request status reads
 * as its default (open, received). */
DpoEventKind        dpo_event_get_kind              (const DpoEvent         *self);
DpoAuthority        dpo_notification_get_authority  (const DpoNotification  *self);
DpoNotificationKind dpo_notification_get_kind       (const DpoNotification  *self);
DpoComplaintStatus  dpo_complaint_get_status        (const DpoComplaint     *self);
DpoRisk             dpo_incident_get_risk           (const DpoIncident      *self);
DpoRequestKind      dpo_request_get_kind            (const DpoRequest       *self);
void                dpo_request_set_kind            (DpoRequest             *self,
                                                     DpoRequestKind          kind);
DpoObjectionDecision dpo_request_get_decision       (const DpoRequest       *self);
DpoRequestStatus    dpo_request_get_status          (const DpoRequest       *self);
void                dpo_request_set_status          (DpoRequest             *self,
                                                     DpoRequestStatus        status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoEvent, dpo_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoNotification, dpo_notification_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoComplaint, dpo_complaint_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoCommunication, dpo_communication_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoIncident, dpo_incident_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoContract, dpo_contract_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoSubject, dpo_subject_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoRequest, dpo_request_free)

G_END_DECLS
