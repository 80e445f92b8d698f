/* dpo-discard-guard.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Nothing typed is lost: once @window is shown, the state of @form (every
 * text, choice and checkbox under it) is remembered; closing the window
 * afterwards (Cancel, Escape, the close button) with anything changed asks
 * "Discard Changes?" first, with Keep Editing as the default. */
void     dpo_discard_guard_attach     (GtkWindow *window,
                                       GtkWidget *form);
/* The form was saved: the next close goes through without asking. */
void     dpo_discard_guard_release    (GtkWindow *window);
/* The form was saved and stays open: what it shows now is what a later
 * close compares with. */
void     dpo_discard_guard_rebase     (GtkWindow *window);
/* TRUE when the form differs from when the window was shown. */
gboolean dpo_discard_guard_is_changed (GtkWindow *window);

G_END_DECLS
