/* dpo-preferences-erasure.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* Preferences → General → Erasure: the years a person's data are kept
 * after the end of a contract covering them, kept in the database (the
 * erasure trigger reads it there). A value outside 0 to 30 is refused with
 * the core's words, shown under the row, and the stored value stays. */
GtkWidget *dpo_preferences_erasure_group_new (AdwPreferencesWindow *window,
                                              DpoStore             *store);

G_END_DECLS
