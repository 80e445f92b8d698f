/* dpo-cli-output.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef gboolean (*DpoCliWriteFunc) (gpointer        source,
                                     GOutputStream  *stream,
                                     GCancellable   *cancellable,
                                     GError        **error);

/* Writes @path through a temporary file renamed into place on success, so
 * a failure (full disk, killed process) never leaves a half-written file or
 * destroys the previous one. Errors name the file. */
gboolean dpo_cli_write_atomically (const char       *path,
                                   DpoCliWriteFunc   write,
                                   gpointer          source,
                                   GError          **error);

G_END_DECLS
