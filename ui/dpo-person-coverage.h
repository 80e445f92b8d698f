/* dpo-person-coverage.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* The person view's part on who a contract covers: "Covers Anne Dupont,
 * Léo Dupont" for a contract the person holds (NULL when it covers the
 * holder alone), and a group of the contracts of others that cover the
 * person as a beneficiary ("Covered by contract C-1 held by Jean Dupont").
 * Kept apart from dpo-person-view.c, which other parts fill too. */
char      *dpo_person_coverage_describe_beneficiaries (DpoStore            *store,
                                                       const DpoContract   *contract);
/* A group for the contracts covering a person as beneficiary, hidden
 * while there are none; dpo_person_coverage_fill() fills it again. */
GtkWidget *dpo_person_coverage_group_new             (void);
void       dpo_person_coverage_fill                  (GtkWidget           *group,
                                                       const DpoSubject    *subject,
                                                       const char          *today);

G_END_DECLS
