/* dpo-request-letter-write.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-letter-kinds.h"
#include "dpo-store.h"

G_BEGIN_DECLS

/* Whether a letter of @kind fits request @id now (dpo_letter_kind_fits(),
 * as of the store's "now"); the window's Letter menu asks it. */
gboolean dpo_request_letter_fits        (DpoStore            *store,
                                         const char          *id,
                                         DpoLetterKind        kind,
                                         GError             **error);

/* Writes a letter of @kind for each of @ids (NULL-terminated), in that
 * order, into one PDF at @file, dated the store's "now" (--as-of), in the
 * interface's language, from the DPO's edited template or the built-in
 * one. Every request is checked first: one that does not exist or whose
 * state the kind does not fit, a missing DPO contact, a template that does
 * not check, fail with a plain message, and nothing is written or
 * recorded. The file is committed whole (dpo-output-file.h), then each
 * letter is recorded in the request's history and the audit log in one
 * transaction; if that fails, the file is removed. @n_pages (may be NULL)
 * receives the pages written. */
gboolean dpo_request_letters_write      (DpoStore            *store,
                                         const char * const  *ids,
                                         DpoLetterKind        kind,
                                         GFile               *file,
                                         guint               *n_pages,
                                         GError             **error);

/* One letter to a person no longer in the store: the confirmation of an
 * erasure, addressed to @subject as read before it was carried out. */
gboolean dpo_request_letter_write_to    (DpoStore            *store,
                                         const char          *id,
                                         DpoLetterKind        kind,
                                         const DpoSubject    *subject,
                                         GFile               *file,
                                         GError             **error);

/* The same on a worker thread with its own connection. */
void     dpo_request_letters_write_async  (DpoStore            *store,
                                           const char * const  *ids,
                                           DpoLetterKind        kind,
                                           GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean dpo_request_letters_write_finish (DpoStore            *store,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
