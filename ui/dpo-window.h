/* dpo-window.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-application.h"
#include "dpo-store.h"

G_BEGIN_DECLS

#define DPO_TYPE_WINDOW (dpo_window_get_type ())

G_DECLARE_FINAL_TYPE (DpoWindow, dpo_window, DPO, WINDOW, AdwApplicationWindow)

/* @app may be NULL (tests); @store may be NULL: then call dpo_window_open_path(). */
DpoWindow *dpo_window_new       (DpoApplication *app,
                                 DpoStore       *store);
DpoStore  *dpo_window_get_store (DpoWindow      *self);
void       dpo_window_set_store (DpoWindow      *self,
                                 DpoStore       *store);
/* Opens (or creates) the database at @path. On failure the window shows
 * "Cannot Open This Database" with the reason, and returns FALSE. */
gboolean   dpo_window_open_path (DpoWindow      *self,
                                 const char     *path);

/* Imports an interchange file on a worker thread, with a spinner in the
 * header; the result is a toast, or a dialog with the full error. */
void       dpo_window_import_file (DpoWindow    *self,
                                   GFile        *file);
/* Writes the whole store as JSON to @file; says how it went (toast or dialog). */
void       dpo_window_export_json (DpoWindow    *self,
                                   GFile        *file);
/* Writes the registers workbook to @file on a worker thread, with its
 * progress and a Cancel button under the header; the result is a toast
 * with "Open", a dialog with the reason, or "Export cancelled" (and no
 * file). win.export-registers asks for @file, then calls this. */
void       dpo_window_export_registers_to (DpoWindow *self,
                                           GFile     *file);
/* Writes the deadlines calendar (.ics) to @file on a worker thread; says
 * how it went (toast or dialog). win.export-calendar asks for @file. */
void       dpo_window_export_calendar     (DpoWindow *self,
                                           GFile     *file);
/* TRUE from dpo_window_export_registers_to() until its result is shown. */
gboolean   dpo_window_get_exporting       (DpoWindow *self);

G_END_DECLS
