/* dpo-campaign-private.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-organisation.h"

G_BEGIN_DECLS

/* The campaign spans a few files (the run, the mailbox, the CSV files);
 * these are their shared internals. */

/* dpo-campaign-mbox.c: emails.mbox, one RFC 5322 message per household,
 * built by GMime, in the mbox format (a "From " line before each message,
 * body lines starting with "From " written ">From "). */
typedef struct _DpoCampaignMbox DpoCampaignMbox;

DpoCampaignMbox *dpo_campaign_mbox_new    (GFile            *file,
                                           const char       *from_name,
                                           const char       *from_email,
                                           GDateTime        *date,
                                           GError          **error);
gboolean         dpo_campaign_mbox_add    (DpoCampaignMbox  *self,
                                           const char       *to_name,
                                           const char       *to_email,
                                           const char       *subject,
                                           const char       *body,
                                           GError          **error);
gboolean         dpo_campaign_mbox_finish (DpoCampaignMbox  *self,
                                           GError          **error);
void             dpo_campaign_mbox_free   (DpoCampaignMbox  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoCampaignMbox, dpo_campaign_mbox_free)

/* dpo-campaign-csv.c: a CSV file (RFC 4180: comma, double quotes, CRLF),
 * UTF-8 without a byte order mark, its first row the column names. */
typedef struct _DpoCsvFile DpoCsvFile;

DpoCsvFile      *dpo_csv_file_new         (GFile               *file,
                                           const char * const  *columns,
                                           GError             **error);
/* @fields: as many as the columns; NULL is an empty field. */
gboolean         dpo_csv_file_add_row     (DpoCsvFile          *self,
                                           const char * const  *fields,
                                           GError             **error);
gboolean         dpo_csv_file_finish      (DpoCsvFile          *self,
                                           GError             **error);
void             dpo_csv_file_free        (DpoCsvFile          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoCsvFile, dpo_csv_file_free)

/* dpo-campaign-letters.c: letters.pdf (one letter per household, each from
 * a new page, through app/letters) and letters.csv (name, address lines,
 * first page, pages) for the mail house. The PDF is made only when there
 * is a letter to write. */
typedef struct _DpoCampaignLetters DpoCampaignLetters;

DpoCampaignLetters *dpo_campaign_letters_new    (GFile                  *pdf,
                                                 GFile                  *csv,
                                                 const DpoOrganisation  *organisation,
                                                 GDateTime              *date,
                                                 GError                **error);
gboolean            dpo_campaign_letters_add    (DpoCampaignLetters     *self,
                                                 const char             *name,
                                                 const char             *postal_address,
                                                 const char             *subject,
                                                 const char             *body,
                                                 GError                **error);
gboolean            dpo_campaign_letters_finish (DpoCampaignLetters     *self,
                                                 GError                **error);
void                dpo_campaign_letters_free   (DpoCampaignLetters     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoCampaignLetters, dpo_campaign_letters_free)

G_END_DECLS
