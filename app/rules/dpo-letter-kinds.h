/* dpo-letter-kinds.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dpo-records.h"

G_BEGIN_DECLS

/* The letters a request is answered with (issue 12, item 1). The words are
 * those of `dpo letter` and of the request_letters table. */
typedef enum
{
  DPO_LETTER_ACKNOWLEDGEMENT,  /* the request was received, and when it is due */
  DPO_LETTER_IDENTITY,         /* a request for proof of identity */
  DPO_LETTER_EXTENSION,        /* the time is extended by two months, with the reason */
  DPO_LETTER_REFUSAL,          /* the reasons, the remedies (CNIL, court) */
  DPO_LETTER_ANSWER,           /* access answer, rectification or erasure confirmation */
  DPO_N_LETTER_KINDS
} DpoLetterKind;

const char *dpo_letter_kind_to_word   (DpoLetterKind  kind);
/* FALSE for a word that names no kind. */
gboolean    dpo_letter_kind_from_word (const char     *word,
                                       DpoLetterKind  *kind);
/* As the window names it ("Acknowledgement"), translated. */
const char *dpo_letter_kind_label     (DpoLetterKind  kind);

/* The one rule of which letter fits which state of a request, as of @now
 * (the CLI, the window's Letter menu and the store all ask it):
 * - acknowledgement: the request is open (received or in progress);
 * - identity: open, and the person's identity not yet verified;
 * - extension: open, not yet extended, its reason recorded, and @now's day
 *   not after the one-month due date (the extension must be notified
 *   before it, GDPR Art. 12(3));
 * - refusal: the request is refused (its ground recorded);
 * - answer: the request is answered.
 * Otherwise FALSE with a plain message (DPO_ERROR_INVALID) saying why,
 * which the window shows as the menu item's tooltip. */
gboolean    dpo_letter_kind_fits      (DpoLetterKind      kind,
                                       const DpoRequest  *request,
                                       GDateTime         *now,
                                       gboolean           alsace_moselle,
                                       GError           **error);

G_END_DECLS
