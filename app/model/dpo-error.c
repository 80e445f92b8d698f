/* dpo-error.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dpo-error.h"

G_DEFINE_QUARK (dpo-error-quark, dpo_error)
