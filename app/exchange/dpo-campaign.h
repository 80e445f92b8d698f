/* dpo-campaign.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-store-campaign.h"

G_BEGIN_DECLS

/* The Art. 34 campaign (issue 11.5): one message per household still to
 * inform of an incident, by email where the holder has an address, by
 * post otherwise, written into a new folder:
 *
 *   emails.mbox      the emails, complete RFC 5322 messages (GMime)
 *   emails.csv       email, first_name, last_name, member_number, subject,
 *                    body: the same, for a mass-mailing service
 *   letters.pdf      one letter per household, each from a new page
 *   letters.csv      name, address_1..address_5, first_page, pages: for
 *                    the mail house
 *   unreachable.csv  id, name, member_number, reason: those it could not
 *                    write to (never recorded as informed)
 *
 * The folder appears whole or not at all: the files are written into a
 * hidden sibling folder, renamed into place once complete, and only then
 * is the campaign recorded (one communication per channel, an `informed`
 * row per person, one transaction). If the record fails the folder is
 * removed. */

#define DPO_CAMPAIGN_MBOX            "emails.mbox"
#define DPO_CAMPAIGN_EMAILS_CSV      "emails.csv"
#define DPO_CAMPAIGN_LETTERS_PDF     "letters.pdf"
#define DPO_CAMPAIGN_LETTERS_CSV     "letters.csv"
#define DPO_CAMPAIGN_UNREACHABLE_CSV "unreachable.csv"

typedef struct
{
  const char          *incident_id;
  GFile               *folder;      /* must not exist, or be empty */
  const char          *sent_on;     /* "YYYY-MM-DD", or NULL for the store's now */
  const char * const  *bounced;     /* NULL, or addresses whose email bounced */
} DpoCampaignOptions;

typedef struct
{
  /* Indexed by DpoCampaignChannel. */
  guint households[3];
  guint people[3];
  /* Households written to by post because their email bounced. */
  guint bounced;
} DpoCampaignCounts;

/* Called after each household, on the thread running the campaign. */
typedef void (*DpoCampaignProgress) (guint     done,
                                     guint     total,
                                     gpointer  user_data);

/* Runs the campaign. Every failure (DPO_ERROR_*, a message for the DPO)
 * leaves no folder and records nothing; so does a cancellation. */
gboolean  dpo_campaign_run          (DpoStore                  *store,
                                     const DpoCampaignOptions  *options,
                                     DpoCampaignProgress        progress,
                                     gpointer                   user_data,
                                     GCancellable              *cancellable,
                                     DpoCampaignCounts         *counts,
                                     GError                   **error);

/* The same on a worker thread with a connection of its own (the window):
 * @progress is called in the caller's main context; @counts must stay
 * valid until @callback. */
void      dpo_campaign_run_async    (DpoStore                  *store,
                                     const char                *incident_id,
                                     GFile                     *folder,
                                     const char                *sent_on,
                                     DpoCampaignCounts         *counts,
                                     DpoCampaignProgress        progress,
                                     gpointer                   progress_data,
                                     GCancellable              *cancellable,
                                     GAsyncReadyCallback        callback,
                                     gpointer                   user_data);
gboolean  dpo_campaign_run_finish   (DpoStore                  *store,
                                     GAsyncResult              *result,
                                     GError                   **error);

/* A --bounced file: one address per line; blank lines and surrounding
 * spaces ignored. */
GStrv     dpo_campaign_read_bounced (GFile                     *file,
                                     GError                   **error);

/* The households a campaign would write to now, by channel, without
 * writing anything (for the window's dialog). */
gboolean  dpo_campaign_preview      (DpoStore                  *store,
                                     const char                *incident_id,
                                     DpoCampaignCounts         *counts,
                                     GError                   **error);

/* The same on a worker thread; @counts must stay valid until @callback. */
void      dpo_campaign_preview_async  (DpoStore                *store,
                                       const char              *incident_id,
                                       DpoCampaignCounts       *counts,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data);
gboolean  dpo_campaign_preview_finish (DpoStore                *store,
                                       GAsyncResult            *result,
                                       GError                 **error);

/* The postal address as the lines of an envelope: its own lines, or, when
 * it was typed on one line, its comma-separated parts. */
GStrv     dpo_campaign_address_lines (const char               *postal_address);

G_END_DECLS
