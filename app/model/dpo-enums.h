/* dpo-enums.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The vocabularies of DESIGN "Domain". Records keep the English words (they
 * are the JSON and database values); the labels are translated for display. */
typedef enum
{
  DPO_ENUM_NATURE,
  DPO_ENUM_RISK,
  DPO_ENUM_DATA_CATEGORY,       /* open: other text is kept as typed */
  DPO_ENUM_SUBJECT_CATEGORY,    /* open: other text is kept as typed */
  DPO_ENUM_EVENT_KIND,
  DPO_ENUM_AUTHORITY,
  DPO_ENUM_NOTIFICATION_KIND,
  DPO_ENUM_COMPLAINT_DIRECTION,
  DPO_ENUM_COMPLAINT_BODY,
  DPO_ENUM_COMPLAINT_STATUS,
  DPO_ENUM_COMMUNICATION_CHANNEL,
  DPO_ENUM_REQUEST_KIND,
  DPO_ENUM_REQUEST_CHANNEL,
  DPO_ENUM_REQUEST_STATUS,
  DPO_ENUM_CNIL_STATUS,
  DPO_ENUM_HOLD_REASON,
  DPO_ENUM_OBJECTION_DECISION,
  DPO_N_ENUMS
} DpoEnum;

/* The C values of the closed vocabularies the code decides on. Each is the
 * index of its word in the one word table of dpo-enums.c (static asserts
 * there keep the two in step): code compares these, never the words.
 * *_UNKNOWN stands for a missing word or one outside the vocabulary. */
typedef enum
{
  DPO_RISK_UNKNOWN = -1,  /* a word outside the vocabulary, or none */
  DPO_RISK_NONE,
  DPO_RISK_RISK,
  DPO_RISK_HIGH,
  DPO_N_RISKS
} DpoRisk;

typedef enum
{
  DPO_EVENT_UNKNOWN = -1,  /* a word outside the vocabulary, or none */
  DPO_EVENT_OCCURRENCE,
  DPO_EVENT_DETECTION,
  DPO_EVENT_AWARENESS,
  DPO_EVENT_CONTAINMENT,
  DPO_EVENT_NOTIFICATION,
  DPO_EVENT_COMPLAINT,
  DPO_EVENT_COMMUNICATION,
  DPO_EVENT_MEASURE,
  DPO_EVENT_OTHER,
  DPO_N_EVENT_KINDS
} DpoEventKind;

typedef enum
{
  DPO_AUTHORITY_UNKNOWN = -1,  /* a word outside the vocabulary, or none */
  DPO_AUTHORITY_CNIL,
  DPO_AUTHORITY_ANSSI,
  DPO_AUTHORITY_OTHER,
  DPO_N_AUTHORITIES
} DpoAuthority;

typedef enum
{
  DPO_NOTIFICATION_UNKNOWN = -1,  /* a word outside the vocabulary, or none */
  DPO_NOTIFICATION_INITIAL,
  DPO_NOTIFICATION_COMPLEMENTARY,
  DPO_N_NOTIFICATION_KINDS
} DpoNotificationKind;

typedef enum
{
  DPO_COMPLAINT_UNKNOWN = -1,  /* a word outside the vocabulary, or none */
  DPO_COMPLAINT_OPEN,
  DPO_COMPLAINT_CLOSED,
  DPO_N_COMPLAINT_STATUSES
} DpoComplaintStatus;

typedef enum
{
  DPO_REQUEST_KIND_UNKNOWN = -1,  /* a word outside the vocabulary, or none */
  DPO_REQUEST_ACCESS,
  DPO_REQUEST_RECTIFICATION,
  DPO_REQUEST_ERASURE,
  DPO_REQUEST_RESTRICTION,
  DPO_REQUEST_PORTABILITY,
  DPO_REQUEST_OBJECTION,
  DPO_N_REQUEST_KINDS
} DpoRequestKind;

typedef enum
{
  DPO_REQUEST_STATUS_UNKNOWN = -1,  /* a word outside the vocabulary, or none */
  DPO_REQUEST_RECEIVED,
  DPO_REQUEST_IN_PROGRESS,
  DPO_REQUEST_ANSWERED,
  DPO_REQUEST_REFUSED,
  DPO_REQUEST_WITHDRAWN,
  DPO_N_REQUEST_STATUSES
} DpoRequestStatus;

/* Art. 21: what the DPO decided on an objection (requests.decision). */
typedef enum
{
  DPO_OBJECTION_DECISION_UNKNOWN = -1,  /* a word outside the vocabulary, or none */
  DPO_OBJECTION_UPHELD,     /* processing for that purpose stops */
  DPO_OBJECTION_REJECTED,   /* compelling legitimate grounds override it */
  DPO_N_OBJECTION_DECISIONS
} DpoObjectionDecision;

/* The 72-hour clock's states; the words are those of export-json. */
typedef enum
{
  DPO_CNIL_NOT_REQUIRED,
  DPO_CNIL_PENDING,
  DPO_CNIL_OVERDUE,
  DPO_CNIL_ON_TIME,
  DPO_CNIL_LATE,
  DPO_N_CNIL_STATUSES
} DpoCnilStatus;

/* NULL-terminated list of the known words, in display order. */
const char * const *dpo_enum_words    (DpoEnum     vocabulary);
gboolean            dpo_enum_is_known (DpoEnum     vocabulary,
                                       const char *word);
/* The translated label of a known word; any other text is returned as is. */
const char         *dpo_enum_label    (DpoEnum     vocabulary,
                                       const char *word);
/* The value of @word in @vocabulary (its index in the word table), or -1
 * for NULL or a word outside it. */
int                 dpo_enum_value    (DpoEnum     vocabulary,
                                       const char *word);
/* The word of @value, or NULL when out of range. */
const char         *dpo_enum_word     (DpoEnum     vocabulary,
                                       int         value);
/* "one of access, rectification, erasure…" for error messages. */
char               *dpo_enum_describe (DpoEnum     vocabulary);

G_END_DECLS
