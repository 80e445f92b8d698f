/* dpo-due-date-button.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* An information button for a due-date row: its popover says, step by
 * step, how the date was computed (dpo_request_explain_due(): the same
 * computation that gave the date). */
GtkWidget *dpo_due_date_button_new     (void);
void       dpo_due_date_button_explain (GtkWidget   *button,
                                        const GDate *received_on,
                                        gboolean     extended,
                                        gboolean     alsace_moselle);
/* The explanation the popover shows, for tests. */
const char *dpo_due_date_button_get_text (GtkWidget *button);

G_END_DECLS
