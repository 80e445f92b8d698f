/* dpo-affected-group.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* The incident view's "Affected people" (issue 11, item 6): who the
 * processor's list matched, their co-insured, the unmatched rows, and how
 * many can be reached by email, by post or neither; "Import List…" reads
 * a list on a worker thread, with progress and Cancel. */
#define DPO_TYPE_AFFECTED_GROUP (dpo_affected_group_get_type ())

G_DECLARE_FINAL_TYPE (DpoAffectedGroup, dpo_affected_group, DPO, AFFECTED_GROUP, AdwPreferencesGroup)

/* Shows the affected population of incident @id in @store. */
void     dpo_affected_group_show         (DpoAffectedGroup *self,
                                          DpoStore         *store,
                                          const char       *id);
/* Imports @file (as the file chooser would, @encoding NULL for UTF-8). */
void     dpo_affected_group_import       (DpoAffectedGroup *self,
                                          GFile            *file,
                                          const char       *encoding);
gboolean dpo_affected_group_is_importing (DpoAffectedGroup *self);
void     dpo_affected_group_cancel       (DpoAffectedGroup *self);

G_END_DECLS
