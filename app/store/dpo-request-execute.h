/* dpo-request-execute.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-carry-out-decision.h"
#include "dpo-store.h"

G_BEGIN_DECLS

/* Carries a request out (DESIGN "Carrying a request out"), as of
 * dpo_store_dup_now(). The request is read, checked
 * (dpo_request_check_executable()) and carried out inside one write
 * transaction:
 * - erasure: refused while a contract is active on the as-of day, or, by
 *   the database's trigger, today (DPO_ERROR_ACTIVE_CONTRACT, the refusal
 *   recorded and committed); otherwise deletes the person and their
 *   contracts, the request stays with no subject. Any other failure of the
 *   deletion is an error, never a refusal;
 * - rectification: applies the request's changes;
 * - restriction (Art. 18): the person is restricted from the as-of day,
 *   with @input's reason (dpo-store-restriction.h lifts it);
 * - objection (Art. 21): records @input's decision and reason;
 * - access, portability: writes the person's data as JSON to @output, once
 *   the answer is committed (a temporary file beside it, then renamed); if
 *   the file cannot be written the request is reopened.
 * A request already answered, refused or withdrawn fails with
 * DPO_ERROR_ALREADY_DONE. On success @outcome (if not NULL) receives the
 * outcome recorded, in plain words. */
gboolean dpo_request_execute        (DpoStore            *store,
                                     const char          *id,
                                     GFile               *output,
                                     char               **outcome,
                                     GError             **error);

/* The same, with what the DPO decided: a restriction or an objection
 * without it (dpo_carry_out_check_input()) fails with DPO_ERROR_INVALID and
 * changes nothing. dpo_request_execute() is this with @input NULL. */
gboolean dpo_request_execute_with_input (DpoStore                *store,
                                         const char              *id,
                                         GFile                   *output,
                                         const DpoCarryOutInput  *input,
                                         char                   **outcome,
                                         GError                 **error);

/* The same on a worker thread with its own connection, as of the store's
 * "now", so the window never blocks; @store emits "changed" when it lands. */
void     dpo_request_execute_async  (DpoStore            *store,
                                     const char          *id,
                                     GFile               *output,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
void     dpo_request_execute_with_input_async (DpoStore                *store,
                                               const char              *id,
                                               GFile                   *output,
                                               const DpoCarryOutInput  *input,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data);
gboolean dpo_request_execute_finish (DpoStore            *store,
                                     GAsyncResult        *result,
                                     char               **outcome,
                                     GError             **error);

G_END_DECLS
