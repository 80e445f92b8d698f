/* dpo-form.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dpo-enums.h"

G_BEGIN_DECLS

/* Helpers shared by the editing forms. */

/* A local date and time typed as "2024-01-29 10:00" (seconds optional, or
 * an ISO 8601 time with its offset). NULL without error for blank text;
 * NULL with a DPO_ERROR_INVALID "@field: …" error for bad text. */
GDateTime *dpo_form_parse_time       (const char    *text,
                                      const char    *field,
                                      GError       **error);
/* "2024-01-29 10:00" in the local time zone; "" for NULL. */
char      *dpo_form_format_time      (GDateTime     *time);

/* A count typed as "18 000" or "18,000"; blank gives -1. */
gboolean   dpo_form_parse_count      (const char    *text,
                                      const char    *field,
                                      gint64        *count,
                                      GError       **error);
/* "" for -1. */
char      *dpo_form_format_count     (gint64         count);

/* The text trimmed; NULL when blank. */
char      *dpo_form_dup_text         (const char    *text);
char      *dpo_form_text_view_dup    (GtkTextView   *view);
void       dpo_form_text_view_set    (GtkTextView   *view,
                                      const char    *text);

/* Combo rows over a vocabulary: translated labels, English words. */
void        dpo_form_combo_setup     (AdwComboRow   *row,
                                      DpoEnum        vocabulary);
const char *dpo_form_combo_get       (AdwComboRow   *row,
                                      DpoEnum        vocabulary);
void        dpo_form_combo_set       (AdwComboRow   *row,
                                      DpoEnum        vocabulary,
                                      const char    *word);

/* "a, b ,c" -> { "a", "b", "c" }, blanks dropped. */
GStrv      dpo_form_split_list       (const char    *text);

/* Shows @error ("Field: what is wrong") in @label inside @revealer, marks
 * the row (or group) of @form titled Field with the error style and moves
 * the focus there. A NULL @error hides the message and clears the marks. */
void       dpo_form_show_error       (GtkRevealer   *revealer,
                                      GtkLabel      *label,
                                      GtkWidget     *form,
                                      const GError  *error);

/* Gives every row under @root its title as accessible name, and the text
 * field inside an entry row too, so screen readers announce each field. */
void       dpo_form_label_rows       (GtkWidget     *root);

/* A flat icon button with a tooltip and an accessible name, added as a
 * suffix of @row, activating @action_name with @target. */
GtkWidget *dpo_form_add_row_button   (AdwActionRow  *row,
                                      const char    *icon_name,
                                      const char    *label,
                                      const char    *action_name,
                                      GVariant      *target);

G_END_DECLS
