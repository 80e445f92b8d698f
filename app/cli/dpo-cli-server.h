/* dpo-cli-server.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "dpo server init URI": @argv[0] is "server". The exit code. */
int dpo_cli_server (int    argc,
                    char **argv);

G_END_DECLS
