/* dpo-store-restriction.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store.h"

G_BEGIN_DECLS

/* Lifts the restriction of processing (GDPR Art. 18) of person @subject_id,
 * audited (entity "subject", the restriction it ends). The person must have
 * been informed beforehand (Art. 18(3)): the window and the command line
 * say so. DPO_ERROR_NOT_FOUND for an unknown person, DPO_ERROR_INVALID when
 * processing is not restricted. A restriction is set by carrying out a
 * restriction request (dpo-request-execute.h). */
gboolean dpo_store_lift_restriction (DpoStore    *self,
                                     const char  *subject_id,
                                     GError     **error);

G_END_DECLS
