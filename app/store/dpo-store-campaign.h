/* dpo-store-campaign.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dpo-store.h"

G_BEGIN_DECLS

/* The store's side of the Art. 34 campaign (issue 11.5): who is still to
 * be told of an incident, gathered into households, and the record of what
 * was sent. The campaign itself (emails, letters, files) is
 * app/exchange/dpo-campaign.c.
 *
 * A household is one contract holder and the affected people the message
 * names: a holder who is affected, or whose contract covers someone who
 * is. An affected person is named in the message of every holder whose
 * contract covers them, and gets one of their own when they hold a
 * contract or are covered by none. The holder need not be affected: a
 * parent whose child's data were stolen is the one written to. */

typedef enum
{
  DPO_CAMPAIGN_EMAIL,
  DPO_CAMPAIGN_POST,
  DPO_CAMPAIGN_UNREACHABLE,   /* neither an email nor a postal address */
} DpoCampaignChannel;

typedef struct
{
  gint64      rowid;
  const char *id;
  const char *first_name;
  const char *last_name;
  const char *member_number;
} DpoHouseholdPerson;

typedef struct
{
  DpoCampaignChannel  channel;
  /* Its email bounced (--bounced): written to by post instead. */
  gboolean            bounced;
  DpoHouseholdPerson  holder;
  const char         *email;
  const char         *postal_address;
  /* The affected people named in the message, the holder not included
   * (of DpoHouseholdPerson). */
  GPtrArray          *co_insured;
} DpoHousehold;

typedef struct _DpoStoreCampaign DpoStoreCampaign;

/* Opens a read of the households still to inform of @incident_id, in one
 * snapshot. @bounced (NULL or NULL-terminated) are email addresses that
 * bounced: their households are read again, for a letter. Fails, with a
 * message for the DPO, when the incident does not exist
 * (DPO_ERROR_NOT_FOUND), has no notice, has nobody affected, has nobody
 * left to inform, or when a bounced address was not emailed for it
 * (DPO_ERROR_INVALID). */
DpoStoreCampaign   *dpo_store_campaign_begin      (DpoStore           *self,
                                                   const char         *incident_id,
                                                   const char * const *bounced,
                                                   GError            **error);
const char         *dpo_store_campaign_get_notice_subject (DpoStoreCampaign *campaign);
const char         *dpo_store_campaign_get_notice_body    (DpoStoreCampaign *campaign);
/* How many households dpo_store_campaign_next() will yield, for progress. */
guint               dpo_store_campaign_get_n_households   (DpoStoreCampaign *campaign);
/* The next household (owned by @campaign, valid until the next call);
 * NULL at the end or on a read error (@error set). */
const DpoHousehold *dpo_store_campaign_next       (DpoStoreCampaign   *campaign,
                                                   GError            **error);
void                dpo_store_campaign_free       (DpoStoreCampaign   *campaign);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoStoreCampaign, dpo_store_campaign_free)

/* How many people @incident_id affects (0 for an unknown incident): the
 * window offers the campaign only when there are some. */
guint               dpo_store_campaign_count_affected (DpoStore   *self,
                                                       const char *incident_id);

/* Remembers that @household's message was written (by email or post):
 * its holder and co-insured are informed by it when the campaign is
 * recorded. Kept by the database, not in memory. */
gboolean            dpo_store_campaign_add_informed    (DpoStoreCampaign          *campaign,
                                                        const DpoHousehold        *household,
                                                        GError                   **error);
/* Remembers that @person, named @name, could not be written to, for
 * @reason; the first reason given for a person is kept. */
gboolean            dpo_store_campaign_add_unreachable (DpoStoreCampaign          *campaign,
                                                        const DpoHouseholdPerson  *person,
                                                        const char                *name,
                                                        const char                *reason,
                                                        GError                   **error);

typedef gboolean (*DpoCampaignUnreachableFunc) (const char  *id,
                                                const char  *name,
                                                const char  *member_number,
                                                const char  *reason,
                                                gpointer     user_data,
                                                GError     **error);

/* Calls @func, in the order they were added, for the people remembered as
 * unreachable whom no message written named; stops at its first FALSE. */
gboolean            dpo_store_campaign_foreach_unreachable (DpoStoreCampaign            *campaign,
                                                            DpoCampaignUnreachableFunc   func,
                                                            gpointer                     user_data,
                                                            GError                     **error);

/* Ends the read of the households (dpo_store_campaign_next() yields no
 * more); what was remembered is kept. */
void                dpo_store_campaign_end_read        (DpoStoreCampaign          *campaign);

/* Ends the read, then records the campaign in one write transaction, with
 * its audit entries: one communication per channel used (count = the
 * people informed by it, message = @message), and an `informed` row for
 * each person remembered as informed by it. Freeing @campaign without
 * recording it records nothing. */
gboolean            dpo_store_campaign_record          (DpoStoreCampaign          *campaign,
                                                        GDateTime                 *sent_at,
                                                        const char                *message,
                                                        GError                   **error);

G_END_DECLS
