/* dpo-temp-files.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <signal.h>

G_BEGIN_DECLS

/* The temporary files being written beside their targets, named
 * ".NAME.dpo-tmp-XXXXXX" (see dpo-output-file.c). */

/* The name pattern, for g_mkstemp(): ".NAME.dpo-tmp-XXXXXX" in @dir. */
char      *dpo_temp_files_template       (const char *dir,
                                          const char *target_name);
gboolean   dpo_temp_files_is_temp_name   (const char *name);

/* Remembers @path so that a signal removes it; returns a slot for
 * dpo_temp_files_forget(), or -1 when too many are open at once. */
int        dpo_temp_files_remember       (const char *path);
void       dpo_temp_files_forget         (int         slot);

/* Removes every remembered temporary file. Async-signal-safe. */
void       dpo_temp_files_remove_all     (void);

/* For a program (the dpo command): Ctrl+C, SIGTERM and SIGHUP remove the
 * temporary files, then end the program as the signal would have. */
void       dpo_temp_files_catch_signals  (void);

/* Removes from @dir the temporary files left by a program that was
 * killed (SIGKILL, a power cut): only names of our pattern, plain files
 * of this user, last written before this program started, and that no
 * running program holds (a writer keeps a lock on its file). */
void       dpo_temp_files_sweep          (const char *dir);

/* Signals that remove the temporaries held back (and given back) around
 * creating one and remembering it: a Ctrl+C between the two would leave
 * a file no slot names. */
void      dpo_temp_files_hold_signals    (sigset_t       *saved);
void      dpo_temp_files_release_signals (const sigset_t *saved);

G_END_DECLS
