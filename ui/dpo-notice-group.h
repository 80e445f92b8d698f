/* dpo-notice-group.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

#define DPO_TYPE_NOTICE_GROUP (dpo_notice_group_get_type ())

G_DECLARE_FINAL_TYPE (DpoNoticeGroup, dpo_notice_group, DPO, NOTICE_GROUP, AdwPreferencesGroup)

/* The incident view's "Notice to the People": whether the incident has its
 * Art. 34 notice, its subject, and Edit Notice…, which opens the editor. */
void             dpo_notice_group_set_incident (DpoNoticeGroup    *self,
                                                DpoStore          *store,
                                                const DpoIncident *incident);
/* Opens the notice editor (as Edit Notice… does); FALSE before an incident is set. */
gboolean         dpo_notice_group_edit         (DpoNoticeGroup    *self);

G_END_DECLS
