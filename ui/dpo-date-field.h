/* dpo-date-field.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Makes @editable (a GtkEntry inside an action row, or an AdwEntryRow) a
 * date field, or a date-and-time field when @with_time: its hint shows the
 * locale's form (dpo_time_input_example()), and a calendar button beside it
 * fills the date in that form, keeping a time already typed. @field names
 * the field for screen readers. */
void dpo_date_field_setup (GtkWidget  *editable,
                           const char *field,
                           gboolean    with_time);

/* The stored "YYYY-MM-DD" in the locale's form, for filling a field; the
 * text unchanged when it is not such a date, "" for NULL. */
char *dpo_date_field_format_iso (const char *iso);

/* The stored "YYYY-MM-DD" for reading ("1 Mar 2019"); the text unchanged
 * when it is not such a date, "" for NULL. */
char *dpo_date_field_format_display (const char *iso);

G_END_DECLS
