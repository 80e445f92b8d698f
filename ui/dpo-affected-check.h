/* dpo-affected-check.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* "Am I affected?" on the People page (issue 11, item 3): a field for a
 * NIR or a member number; Enter answers in plain words, for members and
 * for the rows of a processor's list that matched nobody alike. */
#define DPO_TYPE_AFFECTED_CHECK (dpo_affected_check_get_type ())

G_DECLARE_FINAL_TYPE (DpoAffectedCheck, dpo_affected_check, DPO, AFFECTED_CHECK, GtkBox)

void        dpo_affected_check_set_store  (DpoAffectedCheck *self,
                                           DpoStore         *store);
/* Answers for @text as if it was typed and Enter pressed. */
void        dpo_affected_check_ask        (DpoAffectedCheck *self,
                                           const char       *text);
/* The answer shown ("" before any question). */
const char *dpo_affected_check_get_answer (DpoAffectedCheck *self);

G_END_DECLS
