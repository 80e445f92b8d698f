/* dpo-export-ui.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* What the main window and the incident view share to save a workbook:
 * the save chooser, the toast that opens the result, the error dialog. */

/* Called with the window that asked and the file chosen. */
typedef void (*DpoExportChosenFunc) (GtkWindow *parent,
                                     GFile     *file);

/* "2026-11-23": the store's today, as the workbook's computed columns see
 * it, for the proposed file names. */
char     *dpo_export_ui_today        (DpoStore            *store);
/* Asks where to save a workbook: a save chooser over @parent with an
 * Excel filter, in the folder of @store's database, proposing @name. The
 * file chosen always ends in .xlsx: when the extension is added here and
 * that file exists, asks before replacing it (the chooser asked only about
 * the name typed). Then calls @chosen, unless @parent is gone. */
void      dpo_export_ui_choose_file  (GtkWindow           *parent,
                                      DpoStore            *store,
                                      const char          *title,
                                      const char          *name,
                                      DpoExportChosenFunc  chosen);
/* A toast saying @title, whose "Open" button opens @file in the default
 * application for workbooks. */
AdwToast *dpo_export_ui_toast_new    (GtkWindow           *parent,
                                      const char          *title,
                                      GFile               *file);
/* A failed export: @heading, and the core's message, which names the file. */
void      dpo_export_ui_show_error   (GtkWindow           *parent,
                                      const char          *heading,
                                      const char          *message);

G_END_DECLS
