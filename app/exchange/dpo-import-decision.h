/* dpo-import-decision.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-import-fields.h"
#include "dpo-records.h"

G_BEGIN_DECLS

/* subjects[].restricted (Art. 18): { "since": date, "reason": text }, both
 * required when the member is there; absent or null, not restricted. */
gboolean _dpo_read_subject_restricted (DpoImportFields *f,
                                       JsonObject      *object,
                                       DpoSubject      *subject);

/* requests[].decision ("upheld" | "rejected") and decision_reason (Art. 21):
 * only on an objection, the reason with the decision. Read after "kind". */
gboolean _dpo_read_request_decision   (DpoImportFields *f,
                                       JsonObject      *object,
                                       DpoRequest      *request);

G_END_DECLS
