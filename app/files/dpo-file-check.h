/* dpo-file-check.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why a file could not be written, in plain words (translated), for an
 * errno or a GIO error. */
const char *dpo_file_describe_errno        (int            saved_errno);
const char *dpo_file_describe_error        (const GError  *error);

/* TRUE if @path can receive an output file: nothing there yet, or a plain
 * file (it will be replaced whole). A symbolic link, a folder, a device, a
 * named pipe or a socket is refused with a DPO_ERROR_IO naming
 * @display_name (the path when NULL). */
gboolean    dpo_file_check_output_target   (const char    *path,
                                            const char    *display_name,
                                            GError       **error);

/* TRUE if @path can be a database: nothing there yet, or a plain file
 * (links are followed). A folder, a device, a named pipe or a socket is
 * refused at once, before SQLite opens it (a pipe would block it forever)
 * or creates a journal beside it. */
gboolean    dpo_file_check_database_path   (const char    *path,
                                            GError       **error);

G_END_DECLS
