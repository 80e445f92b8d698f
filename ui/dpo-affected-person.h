/* dpo-affected-person.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* The person view's "Incidents affecting this person": each incident, as
 * listed or co-insured, and when and how the person was informed. */
#define DPO_TYPE_AFFECTED_PERSON (dpo_affected_person_get_type ())

G_DECLARE_FINAL_TYPE (DpoAffectedPerson, dpo_affected_person, DPO, AFFECTED_PERSON, AdwPreferencesGroup)

void dpo_affected_person_show (DpoAffectedPerson *self,
                               DpoStore          *store,
                               const char        *subject_id);

G_END_DECLS
