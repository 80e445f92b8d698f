/* dpo-person-holds.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* The person view's "Legal Holds" group: each hold with its reason, dates
 * and note, running or lifted; Add Hold… in its header, a row opens the
 * hold's editor, Lift ends a running hold today. Kept apart from
 * dpo-person-view.c, which other parts fill too. */
GtkWidget *dpo_person_holds_group_new (DpoStore         *store);
void       dpo_person_holds_fill      (GtkWidget        *group,
                                       const DpoSubject *subject,
                                       const char       *today);

/* "Erasure": what an erasure request would meet today, by the core's
 * verdict (the rule and the earliest date), for the DPO on the phone. */
GtkWidget *dpo_person_erasure_group_new (DpoStore        *store);
void       dpo_person_erasure_fill      (GtkWidget        *group,
                                         const DpoSubject *subject,
                                         const char       *today);

G_END_DECLS
