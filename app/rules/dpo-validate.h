/* dpo-validate.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-records.h"

G_BEGIN_DECLS

/* The checks made before any write from the GUI or the CLI. Each error is
 * DPO_ERROR_INVALID with a message "Field: what is wrong", in plain words.
 * @now is the real time (an awareness date cannot be in the future). */
gboolean dpo_validate_incident      (const DpoIncident      *incident,
                                     GDateTime              *now,
                                     GError                **error);
gboolean dpo_validate_event         (const DpoEvent         *event,
                                     GError                **error);
/* @aware_at: the incident's awareness, NULL if not known (no date check). */
gboolean dpo_validate_notification  (const DpoNotification  *notification,
                                     GDateTime              *aware_at,
                                     GError                **error);
/* The rule: no notification (any authority) dated before the incident's
 * awareness. The message says to correct one date or the other; it is
 * prefixed "@field: " unless @field is NULL (the import names a JSON path).
 * The store checks a notification with it, and an incident whose awareness
 * moves against the notifications it holds. NULL dates pass. */
gboolean dpo_validate_notification_time (GDateTime          *sent_at,
                                         GDateTime          *aware_at,
                                         const char         *field,
                                         GError            **error);
gboolean dpo_validate_complaint     (const DpoComplaint     *complaint,
                                     GError                **error);
gboolean dpo_validate_communication (const DpoCommunication *communication,
                                     GError                **error);
/* A legal hold: its reason, its dates, and no end before its start. */
gboolean dpo_validate_hold          (const DpoHold          *hold,
                                     GError                **error);
gboolean dpo_validate_subject       (DpoSubject             *subject,
                                     GError                **error);
gboolean dpo_validate_contract      (const DpoContract      *contract,
                                     GError                **error);
gboolean dpo_validate_request       (const DpoRequest       *request,
                                     gboolean                alsace_moselle,
                                     GError                **error);
/* A rectification's changes (a JSON object as text): known person fields,
 * a valid NIR and birth date. On success @normalized gets the changes with
 * the NIR normalized. */
gboolean dpo_validate_changes       (const char             *changes,
                                     char                  **normalized,
                                     GError                **error);

/* NULL, empty, or only spaces. */
gboolean dpo_text_is_blank          (const char             *text);

/* A notification sent before the incident was known: refused on every
 * write since issue 9, but a database from before may hold one. The UI
 * flags it. */
gboolean dpo_notification_is_suspicious (const DpoNotification *notification,
                                         const DpoIncident     *incident);

G_END_DECLS
