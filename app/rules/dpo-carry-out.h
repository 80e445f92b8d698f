/* dpo-carry-out.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dpo-records.h"

G_BEGIN_DECLS

/* Whether @request can be carried out (DESIGN "Carrying a request out"),
 * and if not, why, in plain words: DPO_ERROR_ALREADY_DONE when it is
 * closed, DPO_ERROR_INVALID for a request not linked to a person, or a rectification without
 * changes. The window disables Carry Out with this reason as its tooltip;
 * the core decides with it again inside the write transaction. The erasure
 * rule is not decided here: it needs the person's contracts. */
gboolean dpo_request_check_executable (const DpoRequest  *request,
                                       GError           **error);

/* The erasure rule (DESIGN "Carrying a request out"): a contract covering
 * @subject (held, or listing them as a beneficiary: subject->covered_by)
 * active on @now's local day, which makes an erasure refused, or
 * NULL when there is none and the person and contracts can be deleted.
 * The store applies it when carrying out; the window says beforehand what
 * will happen with it. */
const DpoContract *dpo_erasure_find_active_contract (const DpoSubject *subject,
                                                     GDateTime        *now);

/* Erasure as the law allows (DESIGN "Domain additions", issue 12): the
 * rule that refuses it, if any, and the earliest day it becomes possible.
 * Refused while a contract covering the person (held, or listing them as a
 * beneficiary) is active; then until its end date plus the retention
 * period after a contract ends; and while a legal hold runs. @rule is the
 * first of these that applies; @earliest is the latest day any of them
 * releases the data (NULL when one has no end: a contract still open, a
 * hold until lifted). */
typedef enum
{
  DPO_ERASURE_ALLOWED,
  DPO_ERASURE_ACTIVE_CONTRACT,
  DPO_ERASURE_RETENTION,
  DPO_ERASURE_HOLD,
} DpoErasureRule;

typedef struct
{
  DpoErasureRule  rule;
  char           *contract_number;  /* the contract the rule names, or NULL */
  char           *earliest;         /* YYYY-MM-DD erasure becomes possible; NULL if unknown
                                       or allowed */
  /* In plain words, in the current locale: what the recorded refusal
   * ground, the CLI, the window and the refusal letter say ("Erasure
   * refused: the contract C-1 ended on 31 March 2024 and its data are kept
   * 5 years after it ends (Code de la mutualité L221-11); erasure becomes
   * possible on 1 April 2029."). NULL when allowed. */
  char           *reason;
} DpoErasureVerdict;

/* The longest retention period after a contract ends that makes sense
 * (L221-11's longest limitation period is 10 years; 30 leaves room for
 * the 20- and 30-year periods of other codes). */
#define DPO_RETENTION_MAX_YEARS 30

/* The verdict for @subject (its contracts, covered_by and holds filled, as
 * dpo_store_get_subject() gives them) on @today (YYYY-MM-DD), with data
 * kept @retention_years after a contract ends. */
DpoErasureVerdict *dpo_erasure_verdict_new   (const DpoSubject        *subject,
                                              const char              *today,
                                              guint                    retention_years);
void               dpo_erasure_verdict_free  (DpoErasureVerdict       *verdict);
/* The same on @now's local day. */
DpoErasureVerdict *dpo_erasure_verdict_at    (const DpoSubject        *subject,
                                              GDateTime               *now,
                                              guint                    retention_years);
/* A retention period is a whole number of years, 0 to
 * DPO_RETENTION_MAX_YEARS: DPO_ERROR_INVALID otherwise, in plain words. */
gboolean           dpo_erasure_check_retention_years (gint64           years,
                                                      GError         **error);
/* A date as a letter writes it: "1 April 2029" / "1er avril 2029". */
char              *dpo_erasure_format_date   (const char              *iso_date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoErasureVerdict, dpo_erasure_verdict_free)

/* Access and portability: carrying out writes the person's data to a file. */
gboolean dpo_request_kind_writes_file (DpoRequestKind     kind);

G_END_DECLS
