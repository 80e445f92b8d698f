/* dpo-preferences-window.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

#define DPO_TYPE_PREFERENCES_WINDOW (dpo_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DpoPreferencesWindow, dpo_preferences_window, DPO, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* The preferences of the database open in @parent. The Alsace-Moselle
 * holidays are a setting of the database, not of this computer: the
 * window and the dpo command-line tool must compute the same due dates. */
DpoPreferencesWindow *dpo_preferences_window_new (GtkWindow *parent,
                                                  DpoStore  *store);

G_END_DECLS
