/* dpo-notice.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dpo-organisation.h"
#include "dpo-records.h"

G_BEGIN_DECLS

/* The Art. 34 notice of an incident: what the people affected are told.
 * Its texts hold placeholders for the person ({{last_name}}, ...), filled
 * in for each letter or email. The store keeps it in the incident
 * (incidents.notice_subject/notice_body; JSON incidents[].notice). */
typedef struct
{
  char *subject;
  char *body;
} DpoNotice;

DpoNotice          *dpo_notice_new            (const char      *subject,
                                               const char      *body);
DpoNotice          *dpo_notice_copy           (const DpoNotice *notice);
void                dpo_notice_free           (DpoNotice       *notice);

/* The placeholders a notice may use, NULL-terminated: first_name,
 * last_name, member_number, co_insured (the affected co-insured named in
 * the same letter, ", "-separated, empty when none). */
const char * const *dpo_notice_placeholders   (void);
/* Its label in the window ("Last name"), translated; NULL if unknown. */
const char         *dpo_notice_placeholder_label (const char *name);

/* A notice drafted from @incident's fields in the current locale, with
 * everything GDPR Art. 34(2) asks for: the nature of the breach in plain
 * words, the data concerned, the likely consequences, the measures taken,
 * the precautions to take, the DPO's contact (@organisation, may be NULL)
 * and the right to complain to the CNIL. */
DpoNotice          *dpo_notice_draft          (const DpoIncident     *incident,
                                               const DpoOrganisation *organisation);

/* Whether every "{{...}}" of @text is a known placeholder, closed
 * (dpo_template_check()); else DPO_ERROR_INVALID naming it and its line. */
gboolean            dpo_notice_check_text     (const char  *text,
                                               GError     **error);
/* Whether @subject and @body make a notice: both hold text, and every
 * "{{...}}" is a known placeholder, closed. DPO_ERROR_INVALID otherwise,
 * naming the part, its line and the placeholder. */
gboolean            dpo_notice_check          (const char  *subject,
                                               const char  *body,
                                               GError     **error);

/* A DpoTemplateLookup (dpo-template.h): NULL reads as "". */
typedef const char *(*DpoNoticeLookup) (const char *name,
                                        gpointer    user_data);

/* @text with its placeholders filled in by @lookup, as
 * dpo_template_expand() fills them, line by line. A line holding
 * placeholders that all come out empty is left out (with the blank line
 * after it when it stood alone as a paragraph), so "The beneficiaries of
 * your contract are concerned too: {{co_insured}}." disappears from the
 * letter of a person without co-insured. */
char               *dpo_notice_expand         (const char      *text,
                                               DpoNoticeLookup  lookup,
                                               gpointer         user_data);

/* The person a notice is written to, for dpo_notice_expand_for(). */
typedef struct
{
  const char *first_name;
  const char *last_name;
  const char *member_number;
  const char *co_insured;
} DpoNoticePerson;

char               *dpo_notice_expand_for     (const char            *text,
                                               const DpoNoticePerson *person);
/* A made-up person, for a preview with nobody to show. */
const DpoNoticePerson *dpo_notice_example_person (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoNotice, dpo_notice_free)

G_END_DECLS
