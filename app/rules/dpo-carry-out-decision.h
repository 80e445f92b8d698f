/* dpo-carry-out-decision.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dpo-records.h"

G_BEGIN_DECLS

/* Restriction (GDPR Art. 18) and objection (Art. 21) carried out: what the
 * DPO must give, and the plain words the request's outcome, the window and
 * the command line say. The store applies them (dpo-store-execute.c,
 * dpo-store-restriction.c). */

/* What the DPO decided, given when carrying out (the reason is required for
 * both kinds; the decision, "upheld" or "rejected", for an objection). */
typedef struct
{
  const char *decision;
  const char *reason;
} DpoCarryOutInput;

/* Whether @input is complete for a request of @kind (restriction,
 * objection; any other kind needs nothing); if not, DPO_ERROR_INVALID
 * saying what is missing. */
gboolean dpo_carry_out_check_input        (DpoRequestKind           kind,
                                           const DpoCarryOutInput  *input,
                                           GError                 **error);

/* "6 February 2024" / "6 février 2024" from YYYY-MM-DD (the text itself if
 * it is not a date). */
char    *dpo_restriction_format_date      (const char              *iso_date);

/* "Processing restricted since 6 February 2024: accuracy contested" — the
 * banner of every screen showing a restricted person. */
char    *dpo_restriction_describe         (const char              *since,
                                           const char              *reason);

/* The outcome recorded on the restriction request. */
char    *dpo_restriction_outcome          (const char              *since,
                                           const char              *reason);

/* The outcome recorded on an objection: the decision and its reason. */
char    *dpo_objection_outcome            (DpoObjectionDecision     decision,
                                           const char              *reason);

G_END_DECLS
