/* dpo-request-letter.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dpo-letter-kinds.h"
#include "dpo-letter-pdf.h"
#include "dpo-organisation.h"
#include "dpo-records.h"

G_BEGIN_DECLS

/* The letters a request is answered with (issue 12, item 1), composed from
 * a template with {{placeholders}} (dpo-template.h). The answer has one
 * template per kind of request: the access answer (Art. 15), the
 * rectification and erasure confirmations, and a plain answer for the
 * others. */
typedef enum
{
  DPO_LETTER_TEMPLATE_ACKNOWLEDGEMENT,
  DPO_LETTER_TEMPLATE_IDENTITY,
  DPO_LETTER_TEMPLATE_EXTENSION,
  DPO_LETTER_TEMPLATE_REFUSAL,
  DPO_LETTER_TEMPLATE_ACCESS,
  DPO_LETTER_TEMPLATE_RECTIFICATION,
  DPO_LETTER_TEMPLATE_ERASURE,
  DPO_LETTER_TEMPLATE_ANSWER,
  DPO_N_LETTER_TEMPLATES
} DpoLetterTemplate;

/* "acknowledgement", "access"...: the key of an edited template. */
const char         *dpo_letter_template_to_word  (DpoLetterTemplate  id);
gboolean            dpo_letter_template_from_word (const char        *word,
                                                   DpoLetterTemplate *id);
const char         *dpo_letter_template_label    (DpoLetterTemplate  id);
/* The template a letter of @kind uses for @request. */
DpoLetterTemplate   dpo_letter_template_for      (DpoLetterKind      kind,
                                                  const DpoRequest  *request);
/* The letters' language: "fr" under a French locale, else "en". */
const char         *dpo_letter_language          (void);
/* The built-in template in @language ("en" or "fr"). */
void                dpo_letter_template_default  (DpoLetterTemplate  id,
                                                  const char        *language,
                                                  const char       **subject,
                                                  const char       **body);
/* Every placeholder a template may use (NULL-terminated). */
const char * const *dpo_letter_template_placeholders (void);
/* An edited template: fails naming an unknown placeholder (and its line)
 * or an unclosed "{{", in the subject or the body. */
gboolean            dpo_letter_template_check    (const char        *subject,
                                                  const char        *body,
                                                  GError           **error);

/* What a letter says, gathered by the caller (the store's reads). */
typedef struct
{
  DpoLetterKind           kind;
  const DpoRequest       *request;
  const DpoSubject       *subject;       /* NULL for a requester not in the store */
  const DpoOrganisation  *organisation;
  const char             *language;      /* "en" or "fr" */
  const char             *date;          /* the letter's date, YYYY-MM-DD */
  const char             *due_on;        /* one month after receipt, YYYY-MM-DD */
  const char             *extended_due_on; /* three months, YYYY-MM-DD */
  /* A refused erasure: the earliest date erasure becomes possible
   * (YYYY-MM-DD), or NULL when it cannot be known yet (an open-ended
   * hold, a contract without an end); @erasure_blocked says a rule
   * applies at all. */
  gboolean                erasure_blocked;
  const char             *erasure_earliest;
  const char             *erasure_contract; /* a contract still open that blocks it, or NULL */
  GPtrArray              *requests;      /* the access answer: the person's (DpoRequest) */
  GPtrArray              *incidents;     /* the access answer: affecting them (DpoIncident) */
  const char             *template_subject; /* NULL: the built-in template */
  const char             *template_body;
} DpoRequestLetterInput;

/* A composed letter: @letter points into the strings it owns. */
typedef struct _DpoRequestLetter DpoRequestLetter;

/* Fails, in plain words, when the DPO's contact is missing (every letter
 * gives it) or, for an access answer, the organisation's processing
 * section; or when an edited template does not check. */
gboolean            dpo_request_letter_check_organisation (const DpoOrganisation *organisation,
                                                           DpoLetterKind          kind,
                                                           const DpoRequest      *request,
                                                           GError               **error);
DpoRequestLetter   *dpo_request_letter_compose   (const DpoRequestLetterInput *input,
                                                  GError                     **error);
const DpoLetter    *dpo_request_letter_get       (const DpoRequestLetter      *self);
void                dpo_request_letter_free      (DpoRequestLetter            *self);

/* A NIR as a reader reads it: "1 84 12 75 123 456 78". */
char               *dpo_request_letter_format_nir (const char *nir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoRequestLetter, dpo_request_letter_free)

G_END_DECLS
