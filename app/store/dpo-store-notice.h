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

/* A person @incident_id affects, to preview its notice with: the holder of
 * a contract that covers other affected people when there is one (their
 * names, "First Last", in co_insured), else any affected person, listed
 * first. NULL, without error, when nobody is recorded as affected. */
typedef struct
{
  char *id;
  char *first_name;
  char *last_name;
  char *member_number;
  char *co_insured;     /* ", "-separated; NULL when none */
} DpoNoticeSample;

DpoNoticeSample *dpo_store_notice_sample (DpoStore         *self,
                                          const char       *incident_id,
                                          GError          **error);
void             dpo_notice_sample_free  (DpoNoticeSample  *sample);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoNoticeSample, dpo_notice_sample_free)

G_END_DECLS
