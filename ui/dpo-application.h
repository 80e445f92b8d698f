/* dpo-application.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DPO_TYPE_APPLICATION (dpo_application_get_type ())

G_DECLARE_FINAL_TYPE (DpoApplication, dpo_application, DPO, APPLICATION, AdwApplication)

DpoApplication *dpo_application_new           (void);
/* Opens a new window on the database at @path (created if absent); a file
 * that cannot be opened gives a window that says why. */
void            dpo_application_open_database (DpoApplication *self,
                                               const char     *path);

G_END_DECLS
