/* dpo-store-notice.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-notice.h"
#include "dpo-store.h"

G_BEGIN_DECLS

/* Stores @notice as the Art. 34 notice of the incident @incident_id, or
 * removes it when @notice is NULL: checked first (dpo_notice_check()),
 * then written with its audit row in one transaction. Saving the notice
 * the incident already has changes nothing and logs nothing. */
gboolean dpo_store_save_notice (DpoStore         *self,
                                const char       *incident_id,
                                const DpoNotice  *notice,
                                GError          **error);

G_END_DECLS
