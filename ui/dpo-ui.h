/* dpo-ui.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* Registers the UI's GResource, where the widget templates live. Called
 * once per process, before any widget is built: by the application's
 * startup, and by the UI tests' and benchmark's set-up, which build
 * widgets without a DpoApplication. */
void       dpo_ui_init              (void);

/* The app's GSettings, or NULL when the schema is not installed (an
 * uninstalled build without GSETTINGS_SCHEMA_DIR): the window then simply
 * does not remember its size, instead of aborting. */
GSettings *dpo_ui_settings_new      (void);

/* The resource path of @name under the app's resource base path. */
char      *dpo_ui_resource_path     (const char *name);

/* Makes *@store_ptr hold @store (a new reference, or none), and moves
 * @changed_cb (connected swapped, on @instance) from the old store's
 * "changed" signal to the new one's. FALSE, doing nothing, when @store
 * is already held; dispose passes NULL to let go. */
gboolean   dpo_ui_follow_store      (DpoStore  **store_ptr,
                                     DpoStore   *store,
                                     GCallback   changed_cb,
                                     gpointer    instance);

/* @count with the locale's thousands separator ("16 500" in French). */
char      *dpo_ui_format_count      (gint64      count);

G_END_DECLS
