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
 * closed, DPO_ERROR_INVALID for a request not linked to a person, or a rectification without
 * changes. The window disables Carry Out with this reason as its tooltip;
 * the core decides with it again inside the write transaction. The erasure
 * rule is not decided here: it needs the person's contracts. */
gboolean dpo_request_check_executable (const DpoRequest  *request,
                                       GError           **error);

/* The erasure rule (DESIGN "Carrying a request out"): a contract covering
 * @subject (held, or listing them as a beneficiary: subject->covered_by)
 * active on @now's local day, which makes an erasure refused, or
 * NULL when there is none and the person and contracts can be deleted.
 * The store applies it when carrying out; the window says beforehand what
 * will happen with it. */
const DpoContract *dpo_erasure_find_active_contract (const DpoSubject *subject,
                                                     GDateTime        *now);

/* Access and portability: carrying out writes the person's data to a file. */
gboolean dpo_request_kind_writes_file (DpoRequestKind     kind);

G_END_DECLS
