/* dpo-carry-out.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dpo-records.h"

G_BEGIN_DECLS

/* Whether @request can be carried out (DESIGN "Carrying a request out"),
 * and if not, why, in plain words: DPO_ERROR_ALREADY_DONE when it is
 * closed, DPO_ERROR_INVALID for a kind applied by hand (restriction,
 * objection), a request not linked to a person, or a rectification without
 * changes. The window disables Carry Out with this reason as its tooltip;
 * the core decides with it again inside the write transaction. The erasure
 * rule is not decided here: it needs the person's contracts. */
gboolean dpo_request_check_executable (const DpoRequest  *request,
                                       GError           **error);

/* Access and portability: carrying out writes the person's data to a file. */
gboolean dpo_request_kind_writes_file (DpoRequestKind     kind);

G_END_DECLS
