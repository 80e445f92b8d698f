/* dpo-restriction-lift.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dpo-store.h"

G_BEGIN_DECLS

/* Asks to confirm lifting @subject's restriction of processing, reminding
 * that the person must be informed first (GDPR Art. 18(3)), then lifts it
 * (audited). Errors and the result are shown from @parent. */
void dpo_restriction_lift_confirm (GtkWidget        *parent,
                                   DpoStore         *store,
                                   const DpoSubject *subject);

G_END_DECLS
