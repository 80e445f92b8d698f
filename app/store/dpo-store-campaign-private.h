/* dpo-store-campaign-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store-campaign.h"
#include "dpo-store-cursor.h"
#include "dpo-store-private.h"

G_BEGIN_DECLS

struct _DpoStoreCampaign
{
  DpoStore          *store;
  DpoStoreSnapshot  *snapshot;
  DpoSqlStmt        *stmt;
  char              *notice_subject;
  char              *notice_body;
  guint              n_households;
  gboolean           has_row;     /* the statement stands on the next household's first row */
  gboolean           done;
  gboolean           failed;      /* a read error ended the households */
  DpoHousehold       household;
  GStringChunk      *strings;     /* the current household's text */
  char              *incident_id;
  gboolean           uses[DPO_CAMPAIGN_UNREACHABLE];  /* a message went by email, by post */
  gint64             n_unreachable;                   /* the order of unreachable.csv */
  gint64             cache_size;                      /* PRAGMA cache_size before the campaign (a file) */
  gboolean           temp_tables;                     /* made and emptied on the connection */
};

static inline const char *
channel_word (DpoCampaignChannel channel)
{
  return channel == DPO_CAMPAIGN_EMAIL ? "email" : "post";
}

G_END_DECLS
