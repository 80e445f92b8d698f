/* dpo-campaign-dialog.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

#define DPO_TYPE_CAMPAIGN_DIALOG (dpo_campaign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DpoCampaignDialog, dpo_campaign_dialog, DPO, CAMPAIGN_DIALOG, AdwWindow)

/* "Inform the People…": the households still to inform of @incident_id by
 * email, by post and unreachable, the day they are sent and the folder to
 * write into; then the campaign on a worker thread, with progress and
 * Cancel (which leaves nothing); then what was written, and Open Folder. */
DpoCampaignDialog *dpo_campaign_dialog_new        (GtkWindow         *parent,
                                                   DpoStore          *store,
                                                   const char        *incident_id);
/* The folder the campaign will create (a new one, named after the
 * incident and the day, inside the folder chosen). */
GFile             *dpo_campaign_dialog_get_folder (DpoCampaignDialog *self);
/* Chooses where the campaign's folder goes, as Choose… does. */
void               dpo_campaign_dialog_set_location (DpoCampaignDialog *self,
                                                     GFile             *location);

G_END_DECLS
