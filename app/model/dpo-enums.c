/* dpo-enums.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-enums.h"

typedef struct
{
  const char *word;
  const char *label;
} Term;

/* Labels carry a context because the same English word means different
 * things here and elsewhere in the app ("Open" a complaint is not the
 * "Open" of a file; a complaint is "Received", so is a request). */
typedef struct
{
  const char *context;
  const Term *terms;
} Vocabulary;

static const Term natures[] = {
  { "confidentiality", NC_("nature", "Confidentiality") },
  { "integrity", NC_("nature", "Integrity") },
  { "availability", NC_("nature", "Availability") },
  { NULL, NULL }
};

static const Term risks[] = {
  { "none", NC_("risk", "No risk") },
  { "risk", NC_("risk", "Risk") },
  { "high", NC_("risk", "High risk") },
  { NULL, NULL }
};

static const Term data_categories[] = {
  { "civil_status", NC_("data category", "Civil status") },
  { "birth_date", NC_("data category", "Date of birth") },
  { "birth_rank", NC_("data category", "Birth rank") },
  { "nir", NC_("data category", "Social security number (NIR)") },
  { "member_number", NC_("data category", "Member number") },
  { "insurer", NC_("data category", "Insurer") },
  { "guarantees", NC_("data category", "Guarantees") },
  { "contact", NC_("data category", "Contact details") },
  { "identification", NC_("data category", "Identification or access data") },
  { "financial", NC_("data category", "Financial data") },
  { "official_documents", NC_("data category", "Official documents") },
  { "location", NC_("data category", "Location data") },
  { "offences", NC_("data category", "Offences and convictions") },
  { "health", NC_("data category", "Health data") },
  { "sensitive", NC_("data category", "Other sensitive data") },
  { NULL, NULL }
};

static const Term subject_categories[] = {
  { "members", NC_("subject category", "Members") },
  { "beneficiaries", NC_("subject category", "Beneficiaries") },
  { "health_professionals", NC_("subject category", "Health professionals") },
  { "employees", NC_("subject category", "Employees") },
  { "prospects", NC_("subject category", "Prospects") },
  { NULL, NULL }
};

static const Term event_kinds[] = {
  { "occurrence", NC_("event kind", "Occurrence") },
  { "detection", NC_("event kind", "Detection") },
  { "awareness", NC_("event kind", "Awareness") },
  { "containment", NC_("event kind", "Containment") },
  { "notification", NC_("event kind", "Notification") },
  { "complaint", NC_("event kind", "Complaint") },
  { "communication", NC_("event kind", "Communication") },
  { "measure", NC_("event kind", "Measure") },
  { "other", NC_("event kind", "Other") },
  { NULL, NULL }
};

static const Term authorities[] = {
  { "cnil", NC_("authority", "CNIL") },
  { "anssi", NC_("authority", "ANSSI") },
  { "other", NC_("authority", "Other authority") },
  { NULL, NULL }
};

static const Term notification_kinds[] = {
  { "initial", NC_("notification kind", "Initial") },
  { "complementary", NC_("notification kind", "Complementary") },
  { NULL, NULL }
};

static const Term complaint_directions[] = {
  { "filed", NC_("complaint direction", "Filed") },
  { "received", NC_("complaint direction", "Received") },
  { NULL, NULL }
};

static const Term complaint_bodies[] = {
  { "prosecutor", NC_("complaint body", "Prosecutor") },
  { "police", NC_("complaint body", "Police") },
  { "gendarmerie", NC_("complaint body", "Gendarmerie") },
  { "cnil", NC_("complaint body", "CNIL") },
  { "court", NC_("complaint body", "Court") },
  { "other", NC_("complaint body", "Other") },
  { NULL, NULL }
};

static const Term complaint_statuses[] = {
  { "open", NC_("complaint status", "Open") },
  { "closed", NC_("complaint status", "Closed") },
  { NULL, NULL }
};

static const Term communication_channels[] = {
  { "email", NC_("communication channel", "Email") },
  { "post", NC_("communication channel", "Post") },
  { "public_notice", NC_("communication channel", "Public notice") },
  { "phone", NC_("communication channel", "Phone") },
  { NULL, NULL }
};

static const Term request_kinds[] = {
  { "access", NC_("request kind", "Access") },
  { "rectification", NC_("request kind", "Rectification") },
  { "erasure", NC_("request kind", "Erasure") },
  { "restriction", NC_("request kind", "Restriction") },
  { "portability", NC_("request kind", "Portability") },
  { "objection", NC_("request kind", "Objection") },
  { NULL, NULL }
};

static const Term request_channels[] = {
  { "email", NC_("request channel", "Email") },
  { "post", NC_("request channel", "Post") },
  { "phone", NC_("request channel", "Phone") },
  { "web", NC_("request channel", "Web") },
  { "in_person", NC_("request channel", "In person") },
  { NULL, NULL }
};

static const Term request_statuses[] = {
  { "received", NC_("request status", "Received") },
  { "in_progress", NC_("request status", "In progress") },
  { "answered", NC_("request status", "Answered") },
  { "refused", NC_("request status", "Refused") },
  { "withdrawn", NC_("request status", "Withdrawn") },
  { NULL, NULL }
};

static const Term cnil_statuses[] = {
  { "not_required", NC_("CNIL status", "Not required") },
  { "pending", NC_("CNIL status", "Pending") },
  { "overdue", NC_("CNIL status", "Overdue") },
  { "on_time", NC_("CNIL status", "Notified on time") },
  { "late", NC_("CNIL status", "Notified late") },
  { NULL, NULL }
};

/* Why a legal hold keeps a person's data (issue 12). */
static const Term hold_reasons[] = {
  { "litigation", NC_("hold reason", "Litigation") },
  { "fraud", NC_("hold reason", "Fraud") },
  { "other", NC_("hold reason", "Other") },
  { NULL, NULL }
};

static const Term objection_decisions[] = {
  { "upheld", NC_("objection decision", "Upheld") },
  { "rejected", NC_("objection decision", "Rejected") },
  { NULL, NULL }
};

static const Vocabulary vocabularies[DPO_N_ENUMS] = {
  [DPO_ENUM_NATURE] = { "nature", natures },
  [DPO_ENUM_RISK] = { "risk", risks },
  [DPO_ENUM_DATA_CATEGORY] = { "data category", data_categories },
  [DPO_ENUM_SUBJECT_CATEGORY] = { "subject category", subject_categories },
  [DPO_ENUM_EVENT_KIND] = { "event kind", event_kinds },
  [DPO_ENUM_AUTHORITY] = { "authority", authorities },
  [DPO_ENUM_NOTIFICATION_KIND] = { "notification kind", notification_kinds },
  [DPO_ENUM_COMPLAINT_DIRECTION] = { "complaint direction", complaint_directions },
  [DPO_ENUM_COMPLAINT_BODY] = { "complaint body", complaint_bodies },
  [DPO_ENUM_COMPLAINT_STATUS] = { "complaint status", complaint_statuses },
  [DPO_ENUM_COMMUNICATION_CHANNEL] = { "communication channel", communication_channels },
  [DPO_ENUM_REQUEST_KIND] = { "request kind", request_kinds },
  [DPO_ENUM_REQUEST_CHANNEL] = { "request channel", request_channels },
  [DPO_ENUM_REQUEST_STATUS] = { "request status", request_statuses },
  [DPO_ENUM_CNIL_STATUS] = { "CNIL status", cnil_statuses },
  [DPO_ENUM_HOLD_REASON] = { "hold reason", hold_reasons },
  [DPO_ENUM_OBJECTION_DECISION] = { "objection decision", objection_decisions },
};

/* The C enums of dpo-enums.h are the indexes of these tables. */
G_STATIC_ASSERT (G_N_ELEMENTS (risks) == DPO_N_RISKS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (event_kinds) == DPO_N_EVENT_KINDS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (authorities) == DPO_N_AUTHORITIES + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (notification_kinds) == DPO_N_NOTIFICATION_KINDS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (complaint_statuses) == DPO_N_COMPLAINT_STATUSES + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (request_kinds) == DPO_N_REQUEST_KINDS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (request_statuses) == DPO_N_REQUEST_STATUSES + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (cnil_statuses) == DPO_N_CNIL_STATUSES + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (objection_decisions) == DPO_N_OBJECTION_DECISIONS + 1);

static const Term *
find_term (DpoEnum     vocabulary,
           const char *word)
{
  for (const Term *t = vocabularies[vocabulary].terms; t->word != NULL; t++)
    {
      if (g_str_equal (t->word, word))
        return t;
    }

  return NULL;
}

/* The word lists are built once from the tables, so a word and its label
 * cannot drift apart. They live as long as the program. */
static const char * const *
build_words (const Term *terms)
{
  GPtrArray *words = g_ptr_array_new ();

  for (const Term *t = terms; t->word != NULL; t++)
    g_ptr_array_add (words, (gpointer) t->word);
  g_ptr_array_add (words, NULL);

  return (const char * const *) g_ptr_array_free (words, FALSE);
}

const char * const *
dpo_enum_words (DpoEnum vocabulary)
{
  static const char * const *words[DPO_N_ENUMS];

  g_return_val_if_fail (vocabulary < DPO_N_ENUMS, NULL);

  if (g_once_init_enter (&words[vocabulary]))
    g_once_init_leave (&words[vocabulary],
                       build_words (vocabularies[vocabulary].terms));

  return words[vocabulary];
}

gboolean
dpo_enum_is_known (DpoEnum     vocabulary,
                   const char *word)
{
  g_return_val_if_fail (vocabulary < DPO_N_ENUMS, FALSE);

  return word != NULL && find_term (vocabulary, word) != NULL;
}

const char *
dpo_enum_label (DpoEnum     vocabulary,
                const char *word)
{
  const Term *term;

  g_return_val_if_fail (vocabulary < DPO_N_ENUMS, word);

  if (word == NULL || (term = find_term (vocabulary, word)) == NULL)
    return word;

  return g_dpgettext2 (GETTEXT_PACKAGE, vocabularies[vocabulary].context,
                       term->label);
}

int
dpo_enum_value (DpoEnum     vocabulary,
                const char *word)
{
  const Term *term;

  g_return_val_if_fail (vocabulary < DPO_N_ENUMS, -1);

  if (word == NULL || (term = find_term (vocabulary, word)) == NULL)
    return -1;
  return (int) (term - vocabularies[vocabulary].terms);
}

const char *
dpo_enum_word (DpoEnum vocabulary,
               int     value)
{
  const Term *terms;

  g_return_val_if_fail (vocabulary < DPO_N_ENUMS, NULL);

  terms = vocabularies[vocabulary].terms;
  for (int i = 0; terms[i].word != NULL; i++)
    if (i == value)
      return terms[i].word;
  return NULL;
}

char *
dpo_enum_describe (DpoEnum vocabulary)
{
  g_autofree char *list = NULL;

  g_return_val_if_fail (vocabulary < DPO_N_ENUMS, NULL);

  /* The words stay in English: they are what the JSON file must contain. */
  list = g_strjoinv (", ", (char **) dpo_enum_words (vocabulary));
  return g_strdup_printf (_("one of: %s"), list);
}
