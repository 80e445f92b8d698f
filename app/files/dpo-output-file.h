/* dpo-output-file.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * DpoOutputFile: every file the program writes (export-json, the workbooks,
 * access packages, letters) is written whole or not at all.
 *
 * dpo_output_file_new() refuses a target that is a symbolic link, a folder,
 * a device, a named pipe or a socket, and opens a private (0600) temporary
 * file ".NAME.dpo-tmp-XXXXXX" beside it; the caller streams into it (or
 * hands its path to a library); dpo_output_file_commit() flushes it to the
 * disk and renames it over the target, which is then 0600 whatever it was.
 * Freeing an uncommitted output file removes the temporary: a failure, a
 * cancellation or a full disk leaves the target as it was. A signal caught
 * with dpo_temp_files_catch_signals() removes it too, and temporaries left
 * by a killed program are removed by the next output in the same folder.
 *
 * One thread at a time per output file; several may be open at once.
 */
typedef struct _DpoOutputFile DpoOutputFile;

DpoOutputFile  *dpo_output_file_new               (GFile          *file,
                                                   GError        **error);
/* Buffered; owned by @self; written until dpo_output_file_commit(). */
GOutputStream  *dpo_output_file_get_stream        (DpoOutputFile  *self);
/* For a library that writes by path (libxlsxwriter). */
const char     *dpo_output_file_get_temp_path     (DpoOutputFile  *self);
/* The target's name, for messages. */
const char     *dpo_output_file_get_display_name  (DpoOutputFile  *self);
gboolean        dpo_output_file_commit            (DpoOutputFile  *self,
                                                   GCancellable   *cancellable,
                                                   GError        **error);
void            dpo_output_file_free              (DpoOutputFile  *self);

/* @size bytes of @data to @file, through a DpoOutputFile; errors are
 * DPO_ERROR_IO naming the file. */
gboolean        dpo_output_file_set_contents      (GFile          *file,
                                                   const char     *data,
                                                   gsize           size,
                                                   GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DpoOutputFile, dpo_output_file_free)

G_END_DECLS
