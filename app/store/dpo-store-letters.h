/* dpo-store-letters.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store.h"

G_BEGIN_DECLS

/* A letter produced for a request: its history (table request_letters). */
typedef struct
{
  char      *request_id;
  char      *kind;          /* a DpoLetterKind word: "refusal" */
  GDateTime *produced_at;
} DpoLetterRecord;

void      dpo_letter_record_free        (DpoLetterRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoLetterRecord, dpo_letter_record_free)

/* Records that a letter of @kind was produced at @produced_at for each of
 * @request_ids (NULL-terminated), in one transaction, each with its audit
 * entry (entity "request_letter", action "insert"). Called once the file is
 * committed. All or nothing: an unknown request records none. */
gboolean  dpo_store_record_letters      (DpoStore            *self,
                                         const char * const  *request_ids,
                                         const char          *kind,
                                         GDateTime           *produced_at,
                                         GError             **error);

/* The letters produced for a request, oldest first, of DpoLetterRecord. */
GPtrArray *dpo_store_list_request_letters (DpoStore          *self,
                                           const char        *request_id,
                                           GError           **error);

/* What an access answer shows of a person (Art. 15(1), (3)): their
 * requests, in order of receipt (of DpoRequest), and the incidents that
 * affect them (table affected; of DpoIncident, without children). */
GPtrArray *dpo_store_list_subject_requests  (DpoStore        *self,
                                             const char      *subject_id,
                                             GError         **error);
GPtrArray *dpo_store_list_subject_incidents (DpoStore        *self,
                                             const char      *subject_id,
                                             GError         **error);

/* The letters' templates as the DPO edited them, per kind and language
 * ("en", "fr"). FALSE when none is kept (the built-in one applies). */
gboolean  dpo_store_get_letter_template (DpoStore            *self,
                                         const char          *kind,
                                         const char          *language,
                                         char               **subject,
                                         char               **body);
/* Keeps an edited template (checked by the caller, which knows its
 * placeholders), with an audit entry; NULL @subject and @body go back to
 * the built-in one. */
gboolean  dpo_store_set_letter_template (DpoStore            *self,
                                         const char          *kind,
                                         const char          *language,
                                         const char          *subject,
                                         const char          *body,
                                         GError             **error);

G_END_DECLS
